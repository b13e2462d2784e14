/**
 * Rule `number-mismatch`: the target has the source's numbers, written the
 * target locale's way. Takes: a QA context with both locales. Returns: a
 * warning per number written the source locale's way (`1.000,5` in an
 * English target, which writes `1,000.5`), per digit group split by a
 * breaking space where the locale writes a no-break one (`1 000` in French,
 * CLDR's U+202F), per percent sign placed or spaced otherwise than the
 * locale does (`50%` in French, `50 %`), and one when the values differ
 * (expected: the missing values as the target locale writes them; actual:
 * the target's numbers that are not the source's).
 *
 *   > | source (it): Costa 1.000,5 euro, il 12% in più.
 *   > | target (en): It costs 1.000,5 euros, 12% more.
 *   >                         ^^^^^^^ written the `it` way; `en` writes `1,000.5`
 *
 * Reading and writing go through `Intl.NumberFormat` (CLDR; see
 * `number-format.ts`): a number is read in its own text's locale, then
 * compared by value, so `1.000` (it) is `1,000` or `1000` (en), and `1.000`
 * in English is 1. Numbers in URLs and code spans (the `url-changed` and
 * `code-span-changed` rules') and in codes (never text) are not read. A
 * token the locale does not read as a number (`1.5.2022`, `10.30`) is kept
 * as written or compared digit run by digit run. Not covered: numbers
 * written in words (`due`, `two`), Roman numerals, signs (a hyphen reads as a
 * dash as often as a minus), dates as dates (day, month and year are
 * compared as the numbers they are written with; a month name or the order
 * of day and month is not checked), units and currencies, and numbering
 * systems other than the locale's default one and ASCII digits.
 */
import {sourceLiterals, targetLiterals} from '../literals.ts'
import {formatNumber, numbersIn, numberSymbols, readNumber, type NumberSymbols, type NumberToken, type ReadNumber} from '../number-format.ts'
import {finding, type QaContext, type Rule} from '../rule.ts'
import type {Diagnostic} from '../../../types.ts'

const hasDigit = /\p{Nd}/u

/** The rule. */
export const numberMismatch: Rule = {id: 'number-mismatch', severity: 'warning', check}

/** A token and what it means in its text's locale (nothing: not a number there). */
interface Item {
  token: NumberToken
  read: ReadNumber | undefined
}

function check(context: QaContext): Diagnostic[] {
  if (!context.sourceLocale || !context.locale || !(hasDigit.test(context.source.text) || hasDigit.test(context.target.text))) return []
  const source = numberSymbols(context.sourceLocale)
  const target = numberSymbols(context.locale)
  const sourceItems: Item[] = numbersIn(context.source.text, context.shared(sourceLiterals)).map((token) => ({token, read: readNumber(token.text, source)}))
  const targetItems: Item[] = numbersIn(context.target.text, context.shared(targetLiterals)).map((token) => ({token, read: readNumber(token.text, target)}))
  const found: Diagnostic[] = []
  const written = (read: ReadNumber, percent: boolean) => formatNumber(read.value, target.locale, {fraction: read.fraction, grouped: read.grouped, percent})

  const pending = [...sourceItems]
  const extra: Item[] = []
  for (const item of targetItems) {
    let at = pending.findIndex((one) => same(one, item))
    if (at === -1) {
      // Not the source's value in the target's notation: is it in the source's notation?
      const asSource = readNumber(item.token.text, source)
      at = asSource ? pending.findIndex((one) => one.read?.value === asSource.value) : -1
      if (at !== -1 && asSource) {
        found.push(finding(context, numberMismatch, `\`${item.token.text}\` is written the \`${source.locale}\` way: \`${target.locale}\` writes ${quote(written(asSource, false))}`, {expected: written(asSource, false), actual: item.token.text}))
        item.read = asSource
      }
    }
    if (at === -1) {
      extra.push(item)
      continue
    }
    pending.splice(at, 1)
    if (item.read?.breakingSpace) found.push(finding(context, numberMismatch, `\`${item.token.text}\` splits its digit groups with a breaking space: \`${target.locale}\` writes ${quote(written(item.read, false))}`, {expected: written(item.read, false), actual: item.token.text}))
    if (item.token.percent && item.read && !percentAsLocale(item.token.percent, target)) {
      const as = written(item.read, true)
      const actual = item.token.percent.before ? `%${item.token.percent.space}${item.token.text}` : `${item.token.text}${item.token.percent.space}%`
      const space = target.percent.space ? `a no-break space (U+${target.percent.space.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})` : 'no space'
      found.push(finding(context, numberMismatch, `\`${actual}\`: \`${target.locale}\` writes percentages ${quote(as)}, with ${space} ${target.percent.before ? 'after' : 'before'} \`%\``, {expected: as, actual}))
    }
  }

  // What is left is compared value by value, reading a non-number digit run by digit run (`10.30` is 10 and 30).
  const left = new Map<string, number>()
  for (const item of pending) for (const key of keys(item)) left.set(key, (left.get(key) ?? 0) + 1)
  const extraKeys: string[] = []
  for (const item of extra) {
    for (const key of keys(item)) {
      const count = left.get(key) ?? 0
      if (count > 0) left.set(key, count - 1)
      else extraKeys.push(key)
    }
  }
  const missing = new Set([...left].filter(([, count]) => count > 0).map(([key]) => key))
  if (missing.size > 0 || extraKeys.length > 0) {
    const expected = pending.filter((item) => keys(item).some((key) => missing.has(key))).map((item) => (item.read ? written(item.read, item.token.percent !== undefined) : item.token.text))
    const actual = extra.filter((item) => keys(item).some((key) => extraKeys.includes(key))).map((item) => item.token.text)
    const parts = [expected.length > 0 ? `${expected.map(quote).join(', ')} missing` : '', actual.length > 0 ? `${actual.map(quote).join(', ')} not in the source` : ''].filter(Boolean)
    found.push(finding(context, numberMismatch, `Numbers differ from the source: ${parts.join('; ')}`, {expected, actual}))
  }
  return found
}

/** The same number: the same value, or the same text where the source reads no number (`1.2.3`). */
function same(source: Item, target: Item): boolean {
  if (source.read) return source.read.value === target.read?.value
  return source.token.text === target.token.text
}

function keys(item: Item): string[] {
  return item.read ? [item.read.value] : (item.token.text.match(/\p{Nd}+/gu) ?? []).map((run) => run.replace(/^0+(?=\p{Nd})/u, ''))
}

function percentAsLocale(percent: {before: boolean; space: string}, symbols: NumberSymbols): boolean {
  if (percent.before !== symbols.percent.before) return false
  return symbols.percent.space === '' ? percent.space === '' : percent.space !== '' && percent.space !== ' '
}

function quote(text: string): string {
  return '`' + text + '`'
}
