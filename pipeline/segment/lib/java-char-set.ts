/**
 * Character sets of Java regular expressions, for the Java → JavaScript
 * translator. Takes: code points, ranges, Java property names
 * (`\p{javaLowerCase}`, `\p{IsLatin}`, `\p{Punct}`) and the inline flags in
 * effect. Returns: sets rendered as JavaScript classes, valid with the `u`
 * flag, or with `v` when they nest or intersect (`[\p{L}&&[^rwn]]`).
 */

/** Inline flags in effect (`(?i)`, `(?u)`, `(?s)`, `(?m)`, `(?x)`, `(?U)`). */
export interface Flags {
  /** `(?i)`: case-insensitive (ASCII only unless `unicodeCase`). */
  caseless: boolean
  /** `(?u)`: case folding for every script. */
  unicodeCase: boolean
  /** `(?s)`: `.` matches line terminators. */
  dotAll: boolean
  /** `(?m)`: `^` and `$` match at line terminators. */
  multiline: boolean
  /** `(?x)`: whitespace and `#` comments ignored. */
  comments: boolean
  /** `(?U)`: `\d`, `\w`, `\s` are Unicode classes. */
  unicodeClasses: boolean
}

/**
 * A character set: `(cps ∪ escapes ∪ nested) ∩ and[0] ∩ and[1] …`, negated
 * if `negated`. Escapes are class escapes valid in both `u` and `v` mode.
 */
export interface CharSet {
  /** Whether the set is complemented. */
  negated: boolean
  /** Code point ranges, inclusive. */
  cps: Array<[number, number]>
  /** Class escapes (`\p{L}`, `\d`). */
  escapes: string[]
  /** Nested classes (unioned; they need the `v` flag). */
  nested: CharSet[]
  /** Operands intersected with the union (they need the `v` flag). */
  and: CharSet[]
}

/** Thrown when a Java pattern has no JavaScript equivalent; its message is the reason. */
export class Untranslatable extends Error {}

/** Characters escaped outside classes. */
export const syntaxCharacters = new Set('^$\\.*+?()[]{}|/')
// Escaped inside classes; all are valid escapes with both `u` and `v`.
const classSyntax = new Set('^$\\.*+?()[]{}|/-')
const posix: Record<string, Array<[number, number]>> = {
  Lower: [[0x61, 0x7a]],
  Upper: [[0x41, 0x5a]],
  ASCII: [[0, 0x7f]],
  Alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  Digit: [[0x30, 0x39]],
  Alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  Punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  Graph: [[0x21, 0x7e]],
  Print: [[0x20, 0x7e]],
  Blank: [[0x20, 0x20], [0x09, 0x09]],
  Cntrl: [[0, 0x1f], [0x7f, 0x7f]],
  XDigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
  Space: [[0x09, 0x0d], [0x20, 0x20]],
  javaISOControl: [[0, 0x1f], [0x7f, 0x9f]]
}

const javaProperties: Record<string, string[]> = {
  javaLowerCase: ['\\p{Lowercase}'],
  javaUpperCase: ['\\p{Uppercase}'],
  javaTitleCase: ['\\p{Lt}'],
  javaAlphabetic: ['\\p{Alphabetic}'],
  javaIdeographic: ['\\p{Ideographic}'],
  javaLetter: ['\\p{L}'],
  javaDigit: ['\\p{Nd}'],
  javaLetterOrDigit: ['\\p{L}', '\\p{Nd}'],
  javaWhitespace: ['\\p{White_Space}'],
  javaSpaceChar: ['\\p{Z}'],
  javaMirrored: ['\\p{Bidi_M}'],
  javaDefined: ['\\P{Cn}'],
  Alphabetic: ['\\p{Alphabetic}'],
  Letter: ['\\p{L}'],
  Punctuation: ['\\p{P}'],
  Control: ['\\p{Cc}'],
  WhiteSpace: ['\\p{White_Space}'],
  HexDigit: ['\\p{Hex_Digit}'],
  JoinControl: ['\\p{Join_Control}'],
  NoncharacterCodePoint: ['\\p{Noncharacter_Code_Point}'],
  Titlecase: ['\\p{Lt}'],
  Digit_: ['\\p{Nd}']
}

/** Whether `\p{name}` compiles in JavaScript. */
function jsProperty(name: string): boolean {
  if (!/^[A-Za-z_=]+$/.test(name)) return false
  try {
    new RegExp(`\\p{${name}}`, 'u')
    return true
  } catch {
    return false
  }
}

/** Resolve a Java `\p{name}` to a set; throws `Untranslatable`. */
export function property(name: string, negated: boolean): CharSet {
  const set: CharSet = {negated, cps: [], escapes: [], nested: [], and: []}
  const posixRanges = posix[name]
  if (posixRanges) {
    set.cps.push(...posixRanges)
    return set
  }
  const known = javaProperties[name] ?? javaProperties[name.replace(/^Is/, '').replace(/_/g, '')]
  if (known) {
    set.escapes.push(...known)
    return set
  }
  if (/^In[A-Z]|^(?:block|blk)=/i.test(name)) throw new Untranslatable(`\`\\p{${name}}\` is a Unicode block, which JavaScript cannot match`)
  const bare = name.replace(/^Is/, '')
  const keyed = /^(?:gc|general_category)=(.+)$/i.exec(name)?.[1] ?? bare
  const script = /^(?:sc|script)=(.+)$/i.exec(name)?.[1]
  for (const candidate of script ? [`Script=${script}`] : [keyed, `Script=${keyed}`]) {
    if (jsProperty(candidate)) {
      set.escapes.push(`\\p{${candidate}}`)
      return set
    }
  }
  throw new Untranslatable(`unknown property \`\\p{${name}}\``)
}

/** Code points a character matches under the flags (itself, or its case variants). */
export function caseVariants(cp: number, flags: Flags): number[] {
  if (!flags.caseless || (!flags.unicodeCase && cp > 0x7f)) return [cp]
  const found = new Set([cp])
  const char = String.fromCodePoint(cp)
  for (const variant of [char.toLowerCase(), char.toUpperCase()]) {
    const other = variant.codePointAt(0)!
    if (variant.length === String.fromCodePoint(other).length && (flags.unicodeCase || other <= 0x7f)) found.add(other)
  }
  return [...found]
}

/** A code point as pattern source: escaped if in `special`, or if it is a control, surrogate or noncharacter. */
export function escapeCodePoint(cp: number, special: Set<string>): string {
  const char = String.fromCodePoint(cp)
  if (special.has(char)) return '\\' + char
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0xfdd0 && cp <= 0xfdef) || cp === 0x2028 || cp === 0x2029 || (cp >= 0xd800 && cp <= 0xdfff)) return `\\u{${cp.toString(16)}}`
  return char
}

/** Negate a single class escape: `\p{L}` ⇄ `\P{L}`, `\d` ⇄ `\D`. */
export function flip(escape: string): string {
  const letter = escape[1]!
  return '\\' + (letter === letter.toLowerCase() ? letter.toUpperCase() : letter.toLowerCase()) + escape.slice(2)
}

function normalizeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = ranges.map(([lo, hi]): [number, number] => [lo, hi]).sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number]> = []
  for (const range of sorted) {
    const last = merged.at(-1)
    if (last && range[0] <= last[1] + 1) last[1] = Math.max(last[1], range[1])
    else merged.push(range)
  }
  return merged
}

/**
 * Render a set. Distinct sorted code points never form the doubled
 * punctuators (`&&`, `!!`, …) that `v` mode reserves, so a plain class is
 * valid with both flags; nested classes and intersections need `v`.
 */
export function renderSet(set: CharSet, state: {needV: boolean}): string {
  let body = ''
  for (const [lo, hi] of normalizeRanges(set.cps)) {
    body += escapeCodePoint(lo, classSyntax)
    if (hi === lo + 1) body += escapeCodePoint(hi, classSyntax)
    else if (hi > lo) body += '-' + escapeCodePoint(hi, classSyntax)
  }
  body += [...new Set(set.escapes)].join('')
  const negation = set.negated ? '^' : ''
  if (set.nested.length === 0 && set.and.length === 0) return `[${negation}${body}]`
  state.needV = true
  body += set.nested.map((nested) => renderSet(nested, state)).join('')
  if (set.and.length === 0) return `[${negation}${body}]`
  return `[${negation}[${body}]&&${set.and.map((operand) => renderSet(operand, state)).join('&&')}]`
}
