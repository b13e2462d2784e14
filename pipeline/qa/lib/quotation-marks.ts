/**
 * A locale's quotation marks, from CLDR's delimiters data (the npm package
 * `cldr-misc-full`, Unicode's own JSON release; `Intl` has no API for
 * them). Takes: a BCP 47 locale. Returns: its quotation marks (`“` `”`,
 * and `‘` `’` inside them, for `en`; `«` `»` for `fr`), or `undefined` for a
 * locale CLDR does not have.
 *
 * A regional tag falls back to its language (`es-MX` → `es`) the way CLDR's
 * folders are named: the tag, its language and region, its language and
 * script, its language. The data is read once per locale, on first use.
 */
import {createRequire} from 'node:module'

/** Quotation marks of a locale (CLDR `delimiters`). */
export interface QuotationMarks {
  /** The locale CLDR's data was found for. */
  locale: string
  start: string
  end: string
  alternateStart: string
  alternateEnd: string
}

interface DelimitersFile {
  main: Record<string, {delimiters: {quotationStart: string; quotationEnd: string; alternateQuotationStart: string; alternateQuotationEnd: string}}>
}

const cache = new Map<string, QuotationMarks | undefined>()
const require = createRequire(import.meta.url)

/**
 * @param locale BCP 47 tag.
 * @returns Its quotation marks, or `undefined` when CLDR has none for it.
 */
export function quotationMarks(locale: string): QuotationMarks | undefined {
  if (cache.has(locale)) return cache.get(locale)
  let marks: QuotationMarks | undefined
  for (const candidate of candidates(locale)) {
    marks = read(candidate)
    if (marks) break
  }
  cache.set(locale, marks)
  return marks
}

function candidates(tag: string): string[] {
  let parsed: Intl.Locale
  try {
    parsed = new Intl.Locale(tag)
  } catch {
    return []
  }
  const {language, script, region} = parsed
  const list = [parsed.baseName, script && region ? `${language}-${script}-${region}` : '', region ? `${language}-${region}` : '', script ? `${language}-${script}` : '', language]
  return [...new Set(list.filter((name) => /^[A-Za-z\d-]+$/.test(name)))]
}

function read(name: string): QuotationMarks | undefined {
  let file: DelimitersFile
  try {
    // Packaged data (a dependency's JSON), not user input: read once per locale.
    file = require(`cldr-misc-full/main/${name}/delimiters.json`) as DelimitersFile
  } catch {
    return undefined
  }
  const delimiters = file.main[name]?.delimiters
  if (!delimiters) return undefined
  return {locale: name, start: delimiters.quotationStart, end: delimiters.quotationEnd, alternateStart: delimiters.alternateQuotationStart, alternateEnd: delimiters.alternateQuotationEnd}
}
