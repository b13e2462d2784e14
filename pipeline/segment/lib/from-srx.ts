/**
 * Read segmentation rules from an SRX document. Takes: SRX 2.0 (or 1.0) XML
 * text. Returns: the rules, with every Java regular expression translated to
 * a JavaScript one, and messages (malformed XML, a refused DOCTYPE, rules
 * that cannot be translated and were skipped).
 *
 * SRX rules are written for `java.util.regex`. Most of that syntax is the
 * same in JavaScript with the `u` flag; what differs is translated here, one
 * token at a time, so that the segmenter only ever compiles JavaScript:
 *
 * | Java                                  | JavaScript                                        |
 * | ------------------------------------- | ------------------------------------------------- |
 * | `(?i)`, `(?iu)`, `(?i:…)` (scoped)    | letters expanded to `[aA]` (properties untouched) |
 * | `\b`, `\B` (letters and digits)       | lookarounds on `[\p{L}\p{M}\p{Nd}_]`              |
 * | `\Q…\E`, `\!`, `\"`, `\'`, …          | escaped literals                                  |
 * | `*+`, `++`, `?+`, `{n,m}+`, `(?>…)`   | greedy quantifiers, `(?:…)`                       |
 * | `\p{javaLowerCase}`, `\p{IsAlphabetic}`, `\p{IsLatin}`, `\p{Punct}`, … | Unicode properties or ASCII ranges |
 * | `[\p{L}&&[^rwn]]`, `[a-z[^áé]]`       | the same with the `v` flag                        |
 * | `[\d-–]` (literal `-`), lone `{`, `}` | escaped                                           |
 *
 * Possessive quantifiers and atomic groups only forbid backtracking; as
 * greedy ones they match the same texts in every rule seen in practice.
 * Java's `\s` is ASCII-only; JavaScript's also matches no-break spaces,
 * which is what a segmenter wants after `Sig.`.
 */
import {SaxesParser, type SaxesTagNS} from 'saxes'
import type {Diagnostic} from '../../types.ts'

/** A regular expression translated from Java to JavaScript syntax. */
export interface JsPattern {
  /** Source for `new RegExp(source, flags)`; groups are non-capturing unless a backreference needs them. */
  source: string
  /** `u`, or `v` when the pattern needs class set operations (`&&`, nested classes). */
  flags: 'u' | 'v'
  /** Whether the pattern uses backreferences (then it is compiled on its own, never merged with other rules). */
  backreferences: boolean
}

/** One `<rule>` of a language rule. */
export interface SrxRule {
  /** `break="yes"`: a match is a sentence break; `break="no"`: an exception that keeps the sentence whole. */
  break: boolean
  /** `<beforebreak>` as written in the file (Java syntax); `''` matches anywhere. */
  beforeBreak: string
  /** `<afterbreak>` as written in the file (Java syntax); `''` matches anywhere. */
  afterBreak: string
  /** `beforeBreak` in JavaScript syntax: must match text ending at the break position. */
  before: JsPattern
  /** `afterBreak` in JavaScript syntax: must match text starting at the break position. */
  after: JsPattern
  /** 1-based line of the `<rule>` element in the SRX file, if known. */
  line?: number
}

/** One `<languagerule>`: an ordered list of rules under a name. */
export interface SrxLanguageRule {
  /** `languagerulename`, such as `Italian`. */
  name: string
  /** Rules in document order; the first that matches at a position decides. */
  rules: SrxRule[]
  /** 1-based line of the `<languagerule>` element, if known. */
  line?: number
}

/** One `<languagemap>`: which language codes use which language rule. */
export interface SrxLanguageMap {
  /** `languagepattern` as written (Java syntax), matched against the whole language code. */
  languagePattern: string
  /** `languagePattern` in JavaScript syntax, anchored at both ends. */
  pattern: JsPattern
  /** `languagerulename` of the language rule to use. */
  languageRuleName: string
  /** 1-based line of the `<languagemap>` element, if known. */
  line?: number
}

/** Segmentation rules read from an SRX document. */
export interface SrxRules {
  /** SRX version of the source document. */
  version: '1.0' | '2.0'
  /** Header `segmentsubflows`: whether subflows are segmented (babele keeps this for reference; its text has no subflows). */
  segmentSubflows: boolean
  /** Header `cascade`: use every matching language map in order (`true`) or only the first (`false`). SRX 1.0 has no cascade. */
  cascade: boolean
  /** Language rules in document order. */
  languageRules: SrxLanguageRule[]
  /** Language maps in document order (for SRX 1.0, those of the first `<maprule>`). */
  languageMaps: SrxLanguageMap[]
}

/** Options of {@linkcode fromSrx}. */
export interface Options {
  /** Path of the SRX file, copied into messages. */
  file?: string | null
}

const srx20 = 'http://www.lisa.org/srx20'
const srx10 = 'http://www.lisa.org/srx10'

/** Thrown inside saxes handlers to stop parsing; never leaves this module. */
const stop = Symbol('stop')

/**
 * Parse an SRX 2.0 (or 1.0) document into rules. Never expands entities and
 * refuses a DOCTYPE. A rule whose regular expression cannot be translated or
 * compiled is skipped with a `srx-rule-invalid` warning.
 *
 * @param xml SRX document text.
 * @param options Where the text came from.
 * @returns The rules (empty on a fatal error) and messages.
 */
export function fromSrx(xml: string, options?: Options | null): {value: SrxRules; messages: Diagnostic[]} {
  if (typeof xml !== 'string') throw new TypeError(`Cannot read SRX from \`${typeof xml}\`, expected a string`)
  const file = options?.file ?? undefined
  if (file !== undefined && typeof file !== 'string') throw new TypeError('Cannot use `options.file`, expected a string')

  const messages: Diagnostic[] = []
  const value: SrxRules = {version: '2.0', segmentSubflows: true, cascade: false, languageRules: [], languageMaps: []}
  const message = (severity: Diagnostic['severity'], ruleId: string, text: string, line?: number, column?: number): void => {
    const diagnostic: Diagnostic = {ruleId, source: 'segment', severity, message: text}
    if (file !== undefined) diagnostic.file = file
    if (line !== undefined) diagnostic.line = line
    if (column !== undefined) diagnostic.column = column
    messages.push(diagnostic)
  }

  const parser = new SaxesParser({xmlns: true, position: true})
  // SRX-namespace elements open around the cursor; `null` for foreign ones.
  const stack: Array<string | null> = []
  let namespace = ''
  let rule: {break: boolean; line: number; before: string; after: string} | undefined
  let language: SrxLanguageRule | undefined
  let text: string | undefined
  let mapRules = 0
  const maps: Array<{pattern: string; name: string; line: number}> = []

  const onText = (data: string): void => {
    if (text !== undefined) text += data
  }

  parser.on('doctype', () => {
    message('error', 'srx-doctype', 'Refusing an SRX document with a DOCTYPE: entity declarations are never expanded', parser.line, parser.column + 1)
    throw stop
  })
  parser.on('error', (error) => {
    message('error', 'srx-xml-malformed', `Malformed SRX XML: ${error.message.replace(/^\d+:\d+: /, '')}`, parser.line, parser.column + 1)
    throw stop
  })
  parser.on('text', onText)
  parser.on('cdata', onText)
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (stack.length === 0) {
      if (tag.local !== 'srx' || (tag.uri !== srx20 && tag.uri !== srx10)) {
        message('error', 'srx-not-srx', `Expected an \`srx\` root element in namespace \`${srx20}\`, got \`${tag.name}\`${tag.uri ? ` in \`${tag.uri}\`` : ''}`, parser.line)
        throw stop
      }
      namespace = tag.uri
      value.version = namespace === srx10 ? '1.0' : '2.0'
      stack.push('srx')
      return
    }
    const parent = stack.at(-1)
    if (tag.uri !== namespace || parent === null) {
      stack.push(null)
      return
    }
    const name = tag.local
    stack.push(name)
    const attribute = (key: string): string | undefined => tag.attributes[key]?.value
    if (name === 'header') {
      value.segmentSubflows = attribute('segmentsubflows') !== 'no'
      value.cascade = attribute('cascade') === 'yes'
    } else if (name === 'languagerule') {
      const ruleName = attribute('languagerulename')
      if (ruleName === undefined) {
        message('warning', 'srx-languagerule-invalid', 'Skipping a `languagerule` without `languagerulename`', parser.line)
        language = undefined
      } else if (value.languageRules.some((known) => known.name === ruleName)) {
        message('warning', 'srx-languagerule-invalid', `Skipping a second \`languagerule\` named \`${ruleName}\``, parser.line)
        language = undefined
      } else {
        language = {name: ruleName, rules: [], line: parser.line}
        value.languageRules.push(language)
      }
    } else if (name === 'rule' && parent === 'languagerule') {
      rule = {break: attribute('break') !== 'no', line: parser.line, before: '', after: ''}
    } else if ((name === 'beforebreak' || name === 'afterbreak') && parent === 'rule') {
      text = ''
    } else if (name === 'maprule') {
      mapRules++
    } else if (name === 'languagemap' && (mapRules <= 1 || namespace === srx20)) {
      const pattern = attribute('languagepattern')
      const ruleName = attribute('languagerulename')
      if (pattern === undefined || ruleName === undefined) {
        message('warning', 'srx-languagemap-invalid', 'Skipping a `languagemap` without `languagepattern` or `languagerulename`', parser.line)
      } else {
        maps.push({pattern, name: ruleName, line: parser.line})
      }
    }
  })
  parser.on('closetag', () => {
    const name = stack.pop()
    if (name === 'beforebreak' && rule) rule.before = text ?? ''
    else if (name === 'afterbreak' && rule) rule.after = text ?? ''
    else if (name === 'rule' && rule) {
      if (language) addRule(language, rule)
      rule = undefined
    } else if (name === 'languagerule') language = undefined
    if (name === 'beforebreak' || name === 'afterbreak') text = undefined
  })

  const addRule = (owner: SrxLanguageRule, raw: {break: boolean; line: number; before: string; after: string}): void => {
    const before = fromJavaRegex(raw.before)
    const after = fromJavaRegex(raw.after)
    if ('reason' in before || 'reason' in after) {
      const problem = 'reason' in before ? `beforebreak \`${raw.before}\`: ${before.reason}` : `afterbreak \`${raw.after}\`: ${(after as {reason: string}).reason}`
      message('warning', 'srx-rule-invalid', `Skipping a rule of languagerule \`${owner.name}\` (line ${raw.line}), ${problem}`, raw.line)
      return
    }
    owner.rules.push({break: raw.break, beforeBreak: raw.before, afterBreak: raw.after, before, after, line: raw.line})
  }

  try {
    parser.write(xml).close()
  } catch (error) {
    if (error !== stop) throw error
    return {value: {...value, languageRules: [], languageMaps: []}, messages}
  }

  if (mapRules > 1) message('info', 'srx-maprule-ignored', `Using the first of ${mapRules} SRX 1.0 \`maprule\` elements`)
  for (const map of maps) {
    if (!value.languageRules.some((known) => known.name === map.name)) {
      message('warning', 'srx-languagemap-invalid', `Skipping the \`languagemap\` for \`${map.pattern}\`: no languagerule is named \`${map.name}\``, map.line)
      continue
    }
    const pattern = fromJavaRegex(map.pattern)
    if ('reason' in pattern) {
      message('warning', 'srx-languagemap-invalid', `Skipping the \`languagemap\` for \`${map.name}\`, languagepattern \`${map.pattern}\`: ${pattern.reason}`, map.line)
      continue
    }
    value.languageMaps.push({
      languagePattern: map.pattern,
      pattern: {...pattern, source: `^(?:${pattern.source})$`},
      languageRuleName: map.name,
      line: map.line
    })
  }
  return {value, messages}
}

// ---------------------------------------------------------------------------
// Java → JavaScript regular expressions.

/** Inline flags in effect (`(?i)`, `(?u)`, `(?s)`, `(?m)`, `(?x)`, `(?U)`). */
interface Flags {
  caseless: boolean
  unicodeCase: boolean
  dotAll: boolean
  multiline: boolean
  comments: boolean
  unicodeClasses: boolean
}

/**
 * A character set: `(cps ∪ escapes ∪ nested) ∩ and[0] ∩ and[1] …`, negated
 * if `negated`. Escapes are class escapes valid in both `u` and `v` mode.
 */
interface CharSet {
  negated: boolean
  cps: Array<[number, number]>
  escapes: string[]
  nested: CharSet[]
  and: CharSet[]
}

class Untranslatable extends Error {}

const syntaxCharacters = new Set('^$\\.*+?()[]{}|/')
// Escaped inside classes; all are valid escapes with both `u` and `v`.
const classSyntax = new Set('^$\\.*+?()[]{}|/-')
const lineTerminators = '\\n\\r\\u0085\\u2028\\u2029'
// Java's legacy `\b` treats letters and digits of every script as word characters.
const wordClass = '[\\p{L}\\p{M}\\p{Nd}_]'
// Stand-ins for the two boundaries while a pattern is checked: the property
// classes above take V8 over half a millisecond to parse, per `\b`.
const boundaryMark = '\uFDD0'
const notBoundaryMark = '\uFDD1'
const wordBoundary = `(?:(?<=${wordClass})(?!${wordClass})|(?<!${wordClass})(?=${wordClass}))`
const notWordBoundary = `(?:(?<=${wordClass})(?=${wordClass})|(?<!${wordClass})(?!${wordClass}))`

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
function property(name: string, negated: boolean): CharSet {
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
function caseVariants(cp: number, flags: Flags): number[] {
  if (!flags.caseless || (!flags.unicodeCase && cp > 0x7f)) return [cp]
  const found = new Set([cp])
  const char = String.fromCodePoint(cp)
  for (const variant of [char.toLowerCase(), char.toUpperCase()]) {
    const other = variant.codePointAt(0)!
    if (variant.length === String.fromCodePoint(other).length && (flags.unicodeCase || other <= 0x7f)) found.add(other)
  }
  return [...found]
}

function escapeCodePoint(cp: number, special: Set<string>): string {
  const char = String.fromCodePoint(cp)
  if (special.has(char)) return '\\' + char
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0xfdd0 && cp <= 0xfdef) || cp === 0x2028 || cp === 0x2029 || (cp >= 0xd800 && cp <= 0xdfff)) return `\\u{${cp.toString(16)}}`
  return char
}

/** Negate a single class escape: `\p{L}` ⇄ `\P{L}`, `\d` ⇄ `\D`. */
function flip(escape: string): string {
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
function renderSet(set: CharSet, state: {needV: boolean}): string {
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

/**
 * Translate one Java regular expression.
 *
 * @returns The pattern, or the reason it cannot be used.
 */
function fromJavaRegex(java: string): JsPattern | {reason: string} {
  let result: JsPattern | {reason: string}
  try {
    result = new JavaTranslator(java, false).run()
    if (result.backreferences) result = new JavaTranslator(java, true).run()
    new RegExp(result.source.replaceAll(boundaryMark, '(?:)').replaceAll(notBoundaryMark, '(?:)'), result.flags)
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') : String(error)
    return {reason}
  }
  return {...result, source: result.source.replaceAll(boundaryMark, wordBoundary).replaceAll(notBoundaryMark, notWordBoundary)}
}

/** One pass over a Java pattern, emitting JavaScript source. */
class JavaTranslator {
  private index = 0
  private out = ''
  private readonly flagStack: Flags[] = []
  private flags: Flags = {caseless: false, unicodeCase: false, dotAll: false, multiline: false, comments: false, unicodeClasses: false}
  private readonly state = {needV: false}
  private backreferences = false
  /** Whether the last thing emitted can take a quantifier. */
  private quantifiable = false

  constructor(
    private readonly java: string,
    /** Keep capturing groups (only when a backreference needs them). */
    private readonly keepGroups: boolean
  ) {}

  run(): JsPattern {
    const java = this.java
    while (this.index < java.length) {
      const char = java[this.index]!
      if (this.flags.comments && /\s/.test(char)) {
        this.index++
      } else if (this.flags.comments && char === '#') {
        while (this.index < java.length && java[this.index] !== '\n') this.index++
      } else if (char === '\\') {
        this.escape()
      } else if (char === '[') {
        this.index++
        this.emitAtom(renderSet(this.charClass(), this.state))
      } else if (char === '(') {
        this.group()
      } else if (char === ')') {
        if (this.flagStack.length === 0) throw new Untranslatable('unmatched `)`')
        this.flags = this.flagStack.pop()!
        this.index++
        this.out += ')'
        this.quantifiable = true
      } else if (char === '*' || char === '+' || char === '?' || (char === '{' && /^\{\d+(?:,\d*)?\}/.test(java.slice(this.index)))) {
        this.quantifier()
      } else if (char === '.') {
        this.index++
        this.emitAtom(this.flags.dotAll ? '[\\s\\S]' : `[^${lineTerminators}]`)
      } else if (char === '^') {
        this.index++
        this.out += this.flags.multiline ? `(?<![^${lineTerminators}])` : '^'
        this.quantifiable = false
      } else if (char === '$') {
        this.index++
        this.out += this.flags.multiline ? `(?![^${lineTerminators}])` : '$'
        this.quantifiable = false
      } else if (char === '|') {
        this.index++
        this.out += '|'
        this.quantifiable = false
      } else {
        const cp = java.codePointAt(this.index)!
        this.index += cp > 0xffff ? 2 : 1
        this.literal(cp)
      }
    }
    if (this.flagStack.length > 0) throw new Untranslatable('unclosed group')
    return {source: this.out, flags: this.state.needV ? 'v' : 'u', backreferences: this.backreferences}
  }

  private emitAtom(source: string): void {
    this.out += source
    this.quantifiable = true
  }

  private literal(cp: number): void {
    const variants = caseVariants(cp, this.flags)
    if (variants.length > 1) this.emitAtom(renderSet({negated: false, cps: variants.map((v): [number, number] => [v, v]), escapes: [], nested: [], and: []}, this.state))
    else this.emitAtom(escapeCodePoint(cp, syntaxCharacters))
  }

  private quantifier(): void {
    const java = this.java
    if (!this.quantifiable) throw new Untranslatable(`quantifier \`${java[this.index]}\` without anything to repeat`)
    if (java[this.index] === '{') {
      const end = java.indexOf('}', this.index)
      this.out += java.slice(this.index, end + 1)
      this.index = end + 1
    } else {
      this.out += java[this.index]
      this.index++
    }
    if (java[this.index] === '?') {
      this.out += '?'
      this.index++
    } else if (java[this.index] === '+') {
      // Possessive: no backtracking in Java; greedy here.
      this.index++
    }
    this.quantifiable = false
  }

  private group(): void {
    const java = this.java
    const rest = java.slice(this.index)
    this.flagStack.push({...this.flags})
    this.quantifiable = false
    let match: RegExpExecArray | null
    if (rest.startsWith('(?:') || rest.startsWith('(?>')) {
      // An atomic group matches like a non-capturing one, minus backtracking.
      this.out += '(?:'
      this.index += 3
    } else if (rest.startsWith('(?=') || rest.startsWith('(?!')) {
      this.out += rest.slice(0, 3)
      this.index += 3
    } else if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
      this.out += rest.slice(0, 4)
      this.index += 4
    } else if ((match = /^\(\?<([A-Za-z][A-Za-z0-9]*)>/.exec(rest))) {
      this.out += this.keepGroups ? match[0] : '(?:'
      this.index += match[0].length
    } else if ((match = /^\(\?([idmsuxU]*)(?:-([idmsuxU]*))?([:)])/.exec(rest))) {
      const flags = this.flagStack.pop()!
      const updated = {...flags}
      this.setFlags(updated, match[1]!, true)
      this.setFlags(updated, match[2] ?? '', false)
      this.index += match[0].length
      if (match[3] === ')') {
        // `(?i)`: applies to the rest of the enclosing group.
        this.flags = updated
        return
      }
      this.flagStack.push(flags)
      this.flags = updated
      this.out += '(?:'
    } else if (rest.startsWith('(?')) {
      throw new Untranslatable(`unsupported group \`${rest.slice(0, 4)}\``)
    } else {
      this.out += this.keepGroups ? '(' : '(?:'
      this.index += 1
    }
  }

  private setFlags(flags: Flags, letters: string, on: boolean): void {
    for (const letter of letters) {
      if (letter === 'i') flags.caseless = on
      else if (letter === 'u') flags.unicodeCase = on
      else if (letter === 's') flags.dotAll = on
      else if (letter === 'm') flags.multiline = on
      else if (letter === 'x') flags.comments = on
      else if (letter === 'U') flags.unicodeClasses = on
      // `d` (UNIX_LINES) only narrows which characters end a line.
    }
  }

  /** An escape outside a class; `this.index` is at the backslash. */
  private escape(): void {
    const java = this.java
    const next = java[this.index + 1]
    if (next === undefined) throw new Untranslatable('pattern ends with `\\`')
    const shorthand = this.shorthand(next)
    if (shorthand) {
      this.index += 2
      const {negated, cps, escapes} = shorthand
      if (!negated && cps.length === 0 && escapes.length === 1) this.emitAtom(escapes[0]!)
      else this.emitAtom(renderSet(shorthand, this.state))
      return
    }
    if (next === 'p' || next === 'P') {
      const set = this.propertyEscape()
      if (set.cps.length === 0 && set.escapes.length === 1) this.emitAtom(set.negated ? flip(set.escapes[0]!) : set.escapes[0]!)
      else this.emitAtom(renderSet(set, this.state))
      return
    }
    switch (next) {
      case 'b':
        this.index += 2
        this.out += boundaryMark
        this.quantifiable = false
        return
      case 'B':
        this.index += 2
        this.out += notBoundaryMark
        this.quantifiable = false
        return
      case 'A':
        this.index += 2
        this.out += '^'
        this.quantifiable = false
        return
      case 'z':
        this.index += 2
        this.out += '$'
        this.quantifiable = false
        return
      case 'Z':
        this.index += 2
        this.out += `(?=(?:\\r\\n|[${lineTerminators}])?$)`
        this.quantifiable = false
        return
      case 'G':
        throw new Untranslatable('`\\G` (end of the previous match) has no meaning in a segmentation rule')
      case 'R':
        this.index += 2
        this.emitAtom('(?:\\r\\n|[\\n\\u000b\\f\\r\\u0085\\u2028\\u2029])')
        return
      case 'X':
        this.index += 2
        this.emitAtom('(?:\\P{M}\\p{M}*)')
        return
      case 'Q': {
        const end = java.indexOf('\\E', this.index + 2)
        const quoted = java.slice(this.index + 2, end < 0 ? undefined : end)
        this.index = end < 0 ? java.length : end + 2
        for (const char of quoted) this.literal(char.codePointAt(0)!)
        return
      }
      case 'E':
        // A stray `\E` ends nothing.
        this.index += 2
        return
      case 'k': {
        const match = /^\\k<([A-Za-z][A-Za-z0-9]*)>/.exec(java.slice(this.index))
        if (!match) throw new Untranslatable('malformed `\\k<name>`')
        this.index += match[0].length
        this.backreferences = true
        this.emitAtom(`(?:\\k<${match[1]}>)`)
        return
      }
      default:
    }
    if (/[1-9]/.test(next)) {
      const match = /^\\(\d+)/.exec(java.slice(this.index))!
      this.index += match[0].length
      this.backreferences = true
      this.emitAtom(`(?:\\${match[1]})`)
      return
    }
    this.literal(this.escapedCodePoint())
  }

  /** `\d \s \w \h \v` and negations, as sets; `undefined` for other letters. */
  private shorthand(letter: string): CharSet | undefined {
    const set = (negated: boolean, escapes: string[], cps: Array<[number, number]> = []): CharSet => ({negated, cps, escapes, nested: [], and: []})
    const lower = letter.toLowerCase()
    const negated = letter !== lower
    if (!'dswhv'.includes(lower)) return undefined
    if (lower === 'h') return set(negated, [], [[0x20, 0x20], [0x09, 0x09], [0xa0, 0xa0], [0x1680, 0x1680], [0x180e, 0x180e], [0x2000, 0x200a], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000]])
    if (lower === 'v') return set(negated, [], [[0x0a, 0x0d], [0x85, 0x85], [0x2028, 0x2029]])
    if (this.flags.unicodeClasses) {
      if (lower === 'd') return set(negated, ['\\p{Nd}'])
      if (lower === 'w') return set(negated, ['\\p{Alphabetic}', '\\p{M}', '\\p{Nd}', '\\p{Pc}', '\\p{Join_Control}'])
      return set(negated, ['\\p{White_Space}'])
    }
    return set(false, ['\\' + letter])
  }

  /** `\p{…}`, `\P{…}`, `\pL`; `this.index` is at the backslash. */
  private propertyEscape(): CharSet {
    const java = this.java
    const negated = java[this.index + 1] === 'P'
    let name: string
    if (java[this.index + 2] === '{') {
      const end = java.indexOf('}', this.index + 3)
      if (end < 0) throw new Untranslatable('unclosed `\\p{`')
      name = java.slice(this.index + 3, end)
      this.index = end + 1
    } else {
      name = java[this.index + 2] ?? ''
      this.index += 3
    }
    let caret = false
    if (name.startsWith('^')) {
      caret = true
      name = name.slice(1)
    }
    return property(name, negated !== caret)
  }

  /** A character escape (`\t`, `\x41`, `\u00AB`, `\0101`, `\.`, …) after the backslash at `this.index`; advances past it. */
  private escapedCodePoint(): number {
    const java = this.java
    const rest = java.slice(this.index + 1)
    const simple: Record<string, number> = {t: 9, n: 10, r: 13, f: 12, a: 7, e: 27}
    let match: RegExpExecArray | null
    const char = rest[0]!
    if (char in simple) {
      this.index += 2
      return simple[char]!
    }
    if ((match = /^x\{([0-9A-Fa-f]+)\}/.exec(rest)) || (match = /^x([0-9A-Fa-f]{2})/.exec(rest)) || (match = /^u([0-9A-Fa-f]{4})/.exec(rest))) {
      this.index += 1 + match[0].length
      let cp = Number.parseInt(match[1]!, 16)
      // A surrogate pair written as two `\u` escapes is one character.
      const low = /^\\u([dD][c-fC-F][0-9A-Fa-f]{2})/.exec(java.slice(this.index))
      if (cp >= 0xd800 && cp <= 0xdbff && low) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (Number.parseInt(low[1]!, 16) - 0xdc00)
        this.index += 6
      }
      if (cp > 0x10ffff) throw new Untranslatable(`code point \`${match[0]}\` out of range`)
      return cp
    }
    if ((match = /^0([0-3][0-7]{2}|[0-7]{1,2})/.exec(rest))) {
      this.index += 1 + match[0].length
      return Number.parseInt(match[1]!, 8)
    }
    if ((match = /^c([@-_a-z?])/.exec(rest))) {
      this.index += 3
      return match[1]!.toUpperCase().charCodeAt(0) ^ 0x40
    }
    const cp = java.codePointAt(this.index + 1)!
    if (/[A-Za-z0-9]/.test(String.fromCodePoint(cp))) throw new Untranslatable(`unknown escape \`\\${String.fromCodePoint(cp)}\``)
    // Java lets any other character be escaped to stand for itself.
    this.index += cp > 0xffff ? 3 : 2
    return cp
  }

  /** A class after its `[`; advances past the closing `]`. */
  private charClass(): CharSet {
    const java = this.java
    const result: CharSet = {negated: false, cps: [], escapes: [], nested: [], and: []}
    if (java[this.index] === '^') {
      result.negated = true
      this.index++
    }
    const operands: CharSet[] = [{negated: false, cps: [], escapes: [], nested: [], and: []}]
    let current = operands[0]!
    let first = true
    const addChar = (cp: number, set: CharSet): void => {
      for (const variant of caseVariants(cp, this.flags)) set.cps.push([variant, variant])
    }
    const addRange = (lo: number, hi: number, set: CharSet): void => {
      if (hi < lo) throw new Untranslatable(`character range out of order in class`)
      set.cps.push([lo, hi])
      if (this.flags.caseless && hi - lo < 1000) for (let cp = lo; cp <= hi; cp++) addChar(cp, set)
    }
    while (true) {
      if (this.index >= java.length) throw new Untranslatable('unclosed character class')
      const char = java[this.index]!
      if (char === ']' && !first) {
        this.index++
        break
      }
      first = false
      if (this.flags.comments && /\s/.test(char)) {
        this.index++
        continue
      }
      if (char === '[') {
        this.index++
        current.nested.push(this.charClass())
        continue
      }
      if (char === '&' && java[this.index + 1] === '&') {
        this.index += 2
        current = {negated: false, cps: [], escapes: [], nested: [], and: []}
        operands.push(current)
        continue
      }
      let cp: number
      if (char === '\\') {
        const next = java[this.index + 1]
        if (next === undefined) throw new Untranslatable('pattern ends with `\\`')
        const shorthand = this.shorthand(next)
        if (shorthand || next === 'p' || next === 'P') {
          let set: CharSet
          if (shorthand) {
            this.index += 2
            set = shorthand
          } else {
            set = this.propertyEscape()
          }
          if (set.negated && set.cps.length === 0 && set.escapes.length === 1) current.escapes.push(flip(set.escapes[0]!))
          else if (set.negated) current.nested.push(set)
          else {
            current.cps.push(...set.cps)
            current.escapes.push(...set.escapes)
          }
          continue
        }
        if (next === 'Q') {
          const end = java.indexOf('\\E', this.index + 2)
          const quoted = java.slice(this.index + 2, end < 0 ? undefined : end)
          this.index = end < 0 ? java.length : end + 2
          for (const quotedChar of quoted) addChar(quotedChar.codePointAt(0)!, current)
          continue
        }
        if (next === 'b' || next === 'B') throw new Untranslatable('`\\b` inside a character class')
        cp = this.escapedCodePoint()
      } else {
        cp = java.codePointAt(this.index)!
        this.index += cp > 0xffff ? 2 : 1
      }
      // A range, unless `-` is last or followed by a class or a class escape.
      if (java[this.index] === '-' && java[this.index + 1] !== ']' && java[this.index + 1] !== '[' && !/^\\[dDsSwWhHvVpPQ]/.test(java.slice(this.index + 1))) {
        this.index++
        let hi: number
        if (java[this.index] === '\\') hi = this.escapedCodePoint()
        else {
          hi = java.codePointAt(this.index)!
          this.index += hi > 0xffff ? 2 : 1
        }
        addRange(cp, hi, current)
      } else {
        addChar(cp, current)
      }
    }
    result.cps = operands[0]!.cps
    result.escapes = operands[0]!.escapes
    result.nested = operands[0]!.nested
    result.and = operands.slice(1)
    return result
  }
}
