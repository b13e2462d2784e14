/**
 * Numbers in a plain text, read and written the way a locale writes them.
 * Takes: a text, and a BCP 47 locale for reading and formatting. Returns:
 * the numeric tokens of the text (`numbersIn`), what a token means in a
 * locale (`readNumber`), and a value written the locale's way
 * (`formatNumber`). Every symbol comes from CLDR through
 * `Intl.NumberFormat(locale).formatToParts`: the group and decimal
 * separators, the grouping sizes, the digits of the locale's numbering
 * system and where its percent sign goes. No separator is written here.
 *
 *   > | Il 4 febbraio 2022: 1.000,5 tonnellate (il 12,5%)
 *   >      ^         ^^^^  ^^^^^^^              ^^^^^ tokens; in `it`, `1.000,5` is 1000.5
 *
 * A token starts at a digit that no letter, digit or `_` precedes (`Q4`,
 * `Beijing2022` and `mp3` are names, not numbers) and may be followed by
 * letters (`4th`, `1er`, `30-year`). Inside it, one separator character
 * (`.`, `,`, `'`, `’`, U+066B, U+066C, a no-break or thin space) may stand
 * between digit runs; a plain space only before a run of exactly three
 * digits (`1 000`), so `2022 30` stays two numbers.
 */

/** How a locale writes numbers, as `Intl` gives it. */
export interface NumberSymbols {
  locale: string
  group: string
  decimal: string
  /** The locale's digits, 0 to 9 (ASCII digits are always read too). */
  digits: string
  /** Digits in the group nearest the decimal separator (3; as `Intl` groups 1234567.891). */
  primary: number
  /** Digits in the groups before it (3; 2 in `en-IN`). */
  secondary: number
  /** Where the percent sign goes and what stands between it and the number (`''`, or a no-break space). */
  percent: {before: boolean; space: string}
}

/** A number as written in a text. */
export interface NumberToken {
  /** The token as written: digits and separators. */
  text: string
  start: number
  end: number
  /** A percent sign right before or after it (with at most one space between), if any. */
  percent?: {before: boolean; space: string}
}

/** What a token means in a locale. */
export interface ReadNumber {
  /** The value as a canonical decimal string (`1000.5`, `7`): no leading or trailing zeros. */
  value: string
  /** Digits after the decimal separator as written. */
  fraction: number
  /** Whether digit groups were separated. */
  grouped: boolean
  /** The token groups digits with a plain (breaking) space where the locale writes a no-break one. */
  breakingSpace: boolean
}

const symbolsCache = new Map<string, NumberSymbols>()
const formatters = new Map<string, Intl.NumberFormat>()

/** No-break spaces: either stands for the other in a locale whose separator is one (CLDR moved French from U+00A0 to U+202F in version 34). */
const noBreakSpaces = '\u00A0\u202F'
const separators = '.,\'\u2019\u066B\u066C\u00A0\u202F\u2009 '

/**
 * @param locale BCP 47 tag.
 * @returns How the locale writes numbers.
 */
export function numberSymbols(locale: string): NumberSymbols {
  let symbols = symbolsCache.get(locale)
  if (!symbols) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.891)
    const integers = parts.filter((part) => part.type === 'integer').map((part) => part.value.length)
    const percent = new Intl.NumberFormat(locale, {style: 'percent'}).formatToParts(0.5)
    const sign = percent.findIndex((part) => part.type === 'percentSign')
    const number = percent.findIndex((part) => part.type === 'integer')
    const between = percent.slice(Math.min(sign, number) + 1, Math.max(sign, number)).map((part) => part.value).join('')
    const digitFormat = new Intl.NumberFormat(locale, {useGrouping: false})
    symbols = {
      locale,
      group: parts.find((part) => part.type === 'group')?.value ?? ',',
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
      digits: Array.from({length: 10}, (_, digit) => digitFormat.format(digit)).join(''),
      primary: integers.at(-1) ?? 3,
      secondary: integers.length > 2 ? integers.at(-2)! : (integers.at(-1) ?? 3),
      // Bidi marks (`ar`) are not spacing: only the space is kept.
      percent: {before: sign < number, space: [...between].filter((character) => /\s/u.test(character)).join('')}
    }
    symbolsCache.set(locale, symbols)
  }
  return symbols
}

/**
 * @param text A plain text.
 * @param skip Ranges that are not text to read (URLs, code spans).
 * @returns The numeric tokens, in text order.
 */
export function numbersIn(text: string, skip: ReadonlyArray<{start: number; end: number}> = []): NumberToken[] {
  const tokens: NumberToken[] = []
  const digit = /\p{Nd}/u
  const next = /\p{Nd}/gu
  let index = 0
  while (index < text.length) {
    next.lastIndex = index
    const found = next.exec(text)
    if (!found) break
    index = found.index
    const start = index
    const runs = [run(text, index)]
    index += runs[0]!.length
    while (index + 1 < text.length && separators.includes(text[index]!) && digit.test(text[index + 1]!)) {
      const next = run(text, index + 1)
      // A plain space joins only a group of three (`1 000`), after a group of one to three.
      if (text[index] === ' ' && (next.length !== 3 || runs.at(-1)!.length > 3 || (runs.length > 1 && runs.at(-1)!.length !== 3))) break
      runs.push(next)
      index += 1 + next.length
    }
    const before = start > 0 ? text[start - 1]! : ''
    if (/[\p{L}\p{N}_]/u.test(before) || skip.some((range) => start >= range.start && start < range.end)) continue
    const token: NumberToken = {text: text.slice(start, index), start, end: index}
    const after = /^([ \u00A0\u202F]?)%/.exec(text.slice(index, index + 2))
    // A sign before the number (`%50` in `tr`), unless it ends the number before (`50 % 30`).
    const prefix = /(?<!\p{Nd}[ \u00A0\u202F]?)%([ \u00A0\u202F]?)$/u.exec(text.slice(Math.max(0, start - 4), start))
    if (after) token.percent = {before: false, space: after[1]!}
    else if (prefix) token.percent = {before: true, space: prefix[1]!}
    tokens.push(token)
  }
  return tokens
}

/**
 * Read a token the way a locale writes numbers: digits grouped with the
 * locale's group separator in groups of its sizes (or not grouped), then
 * optionally its decimal separator and digits.
 *
 * @param token The token as written.
 * @param symbols The locale's symbols.
 * @returns Its value, or `undefined` when the locale does not write a number so.
 */
export function readNumber(token: string, symbols: NumberSymbols): ReadNumber | undefined {
  const runs: string[] = []
  const between: string[] = []
  let current = ''
  for (const character of token) {
    const value = digitValue(character, symbols)
    if (value === undefined) {
      runs.push(current)
      between.push(character)
      current = ''
    } else current += value
  }
  runs.push(current)

  let fraction = ''
  if (between.length > 0 && between.at(-1) === symbols.decimal) {
    fraction = runs.pop()!
    between.pop()
  }
  let breakingSpace = false
  for (const separator of between) {
    if (separator === symbols.group || (noBreakSpaces.includes(symbols.group) && noBreakSpaces.includes(separator))) continue
    if (separator === ' ' && noBreakSpaces.includes(symbols.group)) breakingSpace = true
    else return undefined
  }
  if (runs.length > 1) {
    if (runs[0]!.length > Math.max(symbols.primary, symbols.secondary)) return undefined
    if (runs.at(-1)!.length !== symbols.primary) return undefined
    if (runs.slice(1, -1).some((group) => group.length !== symbols.secondary && group.length !== symbols.primary)) return undefined
  }
  const integer = runs.join('').replace(/^0+(?=\d)/, '')
  const decimals = fraction.replace(/0+$/, '')
  return {value: decimals ? `${integer}.${decimals}` : integer, fraction: fraction.length, grouped: runs.length > 1, breakingSpace}
}

/**
 * @param value A canonical decimal string (`1000.5`).
 * @param locale BCP 47 tag.
 * @param options Digits after the decimal separator; whether to group digits (the locale decides from how many); as a percentage (`value` is then the number before the sign).
 * @returns The value written the locale's way (`1 000,5` in `fr`, with U+202F).
 */
export function formatNumber(value: string, locale: string, options?: {fraction?: number; grouped?: boolean; percent?: boolean} | null): string {
  const fraction = options?.fraction ?? 0
  const key = `${locale} ${fraction} ${options?.grouped ?? true} ${options?.percent ?? false}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, {minimumFractionDigits: fraction, maximumFractionDigits: fraction, useGrouping: options?.grouped === false ? false : 'auto', ...(options?.percent ? {style: 'percent'} : {})})
    formatters.set(key, format)
  }
  // A decimal string keeps every digit (Intl reads it exactly); a percentage is a hundredth of it.
  const exact = options?.percent ? percentOf(value) : value
  return format.format(exact as Intl.StringNumericLiteral)
}

/** A canonical decimal string divided by 100, exactly. */
function percentOf(value: string): string {
  const [integer = '0', fraction = ''] = value.split('.')
  const digits = integer.padStart(3, '0')
  return `${digits.slice(0, -2)}.${digits.slice(-2)}${fraction}`
}

const digitRun = /\p{Nd}*/uy

function run(text: string, start: number): string {
  digitRun.lastIndex = start
  return digitRun.exec(text)![0]
}

function digitValue(character: string, symbols: NumberSymbols): string | undefined {
  if (character >= '0' && character <= '9') return character
  const index = symbols.digits.indexOf(character)
  return index === -1 ? undefined : String(index)
}
