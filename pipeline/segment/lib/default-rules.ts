/**
 * babele's built-in segmentation rules. Takes: nothing. Returns: the rules
 * of `rules/babele.srx`, once, on first use: as `npm run build` translated
 * them into `rules/babele.json` beside the bundle, or, where no build put
 * them there (the compiled API, the sources), read and translated here.
 */
import {readFileSync} from 'node:fs'
import {fromSrx} from './from-srx.ts'
import type {SrxRules} from './srx-rules.ts'

let builtIn: SrxRules | undefined

/**
 * babele's built-in rules: Italian abbreviations, initials, dotted acronyms,
 * dates, plus language-independent rules for quotations, parentheses and
 * ellipses. Loaded once, on first use.
 *
 * @returns The rules of `rules/babele.srx`.
 */
export function defaultRules(): SrxRules {
  builtIn ??= translatedByBuild() ?? translated()
  return builtIn
}

/**
 * The rules as the build translated them, if it did: reading the XML and
 * translating every pattern took each process that segments about 15–25
 * ms, a one-file edit included.
 */
function translatedByBuild(): SrxRules | undefined {
  let json: string
  try {
    json = readFileSync(new URL('../rules/babele.json', import.meta.url), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  return JSON.parse(json) as SrxRules
}

/** The rules read from `rules/babele.srx` and translated. */
function translated(): SrxRules {
  // Packaged data shipped beside this module, not user input: reading it
  // here keeps every caller free of file handling.
  const xml = readFileSync(new URL('../rules/babele.srx', import.meta.url), 'utf8')
  const {value, messages} = fromSrx(xml, {file: 'babele.srx'})
  const problem = messages.find((message) => message.severity !== 'info')
  if (problem) throw new Error(`Broken built-in rules babele.srx: ${problem.message}`)
  return value
}
