/**
 * Split a paragraph into sentences. Takes: the paragraph's plain text (inline
 * codes as U+FFFC, soft line breaks as `\n`), a language and SRX rules.
 * Returns: trimmed sentence ranges into that text. Never rewrites the text.
 *
 * This is Okapi's "ICU break rules + SRX exceptions" model. Candidate breaks
 * come from `Intl.Segmenter` (ICU); SRX rules of the language are then tried,
 * in order, at every candidate and at every position where a `break="yes"`
 * rule matches. The first rule whose `beforebreak` matches the text ending
 * at the position and whose `afterbreak` matches the text starting there
 * decides; when none does, the candidate breaks.
 *
 * A candidate is the whitespace gap between two sentences, and rules are
 * tried at each position of it, so both styles of SRX file work: Okapi's
 * (`Sig\.` + `\s`, right after the period) and LanguageTool's (`Sig\.\s` +
 * nothing, after the space):
 *
 * > | Il Sig. Rossi
 *            ^^ rules tried here, at both positions
 */
import type {Range} from '../../types.ts'
import {fromSrx, type JsPattern, type SrxRule, type SrxRules} from './from-srx.ts'
import {readFileSync} from 'node:fs'

/** Options of {@linkcode sentenceSpans} and {@linkcode segment}. */
export interface Options {
  /** BCP 47 language tag of the text (`it`, `it-IT`): picks the ICU sentence rules and the SRX language maps (matched case-insensitively, as tags are). */
  language: string
  /** SRX rules, as returned by `fromSrx` (default: {@linkcode defaultRules}). */
  rules?: SrxRules | null
}

/**
 * How far a rule sees on each side of a position, in UTF-16 code units.
 * Backwards it also stops `ruleContext` before the start of the sentence
 * being built: a quotation or parenthesis still open must have opened in it
 * (candidates inside one never break), and rules such as `«[^«»]*` scan no
 * further than that. `^` and `$` in a rule also match at the window's edges.
 */
const ruleWindow = 1000
/** Text before the current sentence that rules still see (`\sart\.` needs the space). */
const ruleContext = 64
/** ICU is fed pieces of about this size: `Intl.Segmenter` slows down quadratically on long strings. */
const icuWindow = 2048
/** Boundaries this close to the end of a piece are found again in the next one, with their full lookahead. */
const icuMargin = 256
/** Positions of a wide whitespace gap where rules are tried (plus its last). */
const gapPositions = 8

/** Whether a rule matches at offset `at` of `window`. */
type Test = (window: string, at: number) => boolean

/** Rules with the same `break`, split in sticky alternations. */
interface Part {
  /** A character the text must contain for these rules to match anywhere. */
  requires: string | undefined
  /** The character every match of their `beforebreak` ends with, if known. */
  last: string | undefined
  test: Test
}

/** Rules of one language, ready to run. */
interface Compiled {
  /** Runs of consecutive rules with the same `break`, in order. */
  runs: Array<{break: boolean; parts: Part[]}>
  /** One global scan per `break="yes"` rule: each match ends at a candidate. */
  scans: RegExp[]
  /** Every character some part requires. */
  required: string[]
}

/** A candidate break: the gap between the end of one sentence and the start of the next. */
interface Gap {
  /** Just after the last non-whitespace character before the candidate. */
  from: number
  /** End of the sentence if the gap breaks (`from`, or after closing placeholders). */
  end: number
  /** Start of the next sentence: the first non-whitespace character after the candidate. */
  start: number
}

const compiledCache = new WeakMap<SrxRules, Map<string, Compiled>>()
const segmenters = new Map<string, Intl.Segmenter>()
let builtIn: SrxRules | undefined

/**
 * babele's built-in rules: Italian abbreviations, initials, dotted acronyms,
 * dates, plus language-independent rules for quotations, parentheses and
 * ellipses. Loaded once, on first use.
 *
 * @returns The rules of `rules/babele.srx`.
 */
export function defaultRules(): SrxRules {
  if (!builtIn) {
    // Packaged data shipped beside this module, not user input: reading it
    // here keeps every caller free of file handling.
    const xml = readFileSync(new URL('../rules/babele.srx', import.meta.url), 'utf8')
    const {value, messages} = fromSrx(xml, {file: 'babele.srx'})
    const problem = messages.find((message) => message.severity !== 'info')
    if (problem) throw new Error(`Broken built-in rules babele.srx: ${problem.message}`)
    builtIn = value
  }
  return builtIn
}

/**
 * Find the sentences of a paragraph.
 *
 * `\n` (a soft line break) counts as a space and never breaks by itself;
 * U+FFFC (an inline code) is never a sentence end by itself. Closing
 * placeholders right after the final punctuation stay with their sentence.
 *
 * @param text Plain text of one paragraph.
 * @param options Language and rules.
 * @returns Half-open UTF-16 ranges, in order, each starting at a
 *   non-whitespace character and ending just after one (closing quotes and
 *   brackets included); only whitespace lies between them. `[]` when the
 *   text is all whitespace.
 */
export function sentenceSpans(text: string, options: Options): Range[] {
  if (typeof text !== 'string') throw new TypeError(`Cannot segment \`${typeof text}\`, expected a string`)
  if (!options || typeof options.language !== 'string' || options.language === '') {
    throw new TypeError(`Cannot segment with \`${options?.language}\` for \`options.language\`, expected a BCP 47 language tag such as \`it\``)
  }
  const language = options.language
  const segmenter = segmenterFor(language)
  const rules = options.rules ?? defaultRules()
  const compiled = compile(rules, language)

  // Soft line breaks act as spaces: same length, so offsets hold.
  const work = /[\n\r\u0085\u2028\u2029]/.test(text) ? text.replace(/[\n\r\u0085\u2028\u2029]/g, ' ') : text
  const length = work.length
  let first = 0
  while (first < length && isSpace(work.charCodeAt(first))) first++
  if (first === length) return []

  const gaps = candidates(work, segmenter, compiled)
  const present = new Set(compiled.required.filter((char) => work.includes(char)))
  const spans: Range[] = []
  let start = first
  for (const gap of gaps) {
    if (gap.end <= start || gap.start <= start) continue
    if (!decide(work, gap, start, compiled, present)) continue
    spans.push({start, end: gap.end})
    start = gap.start
  }
  let end = length
  while (end > start && isSpace(work.charCodeAt(end - 1))) end--
  if (end > start) spans.push({start, end})
  return mergeBare(work, spans)
}

/**
 * Split a paragraph into sentence strings (for `babele segment`).
 *
 * @param text Plain text of one paragraph.
 * @param options Language and rules.
 * @returns The sentences, trimmed.
 */
export function segment(text: string, options: Options): string[] {
  return sentenceSpans(text, options).map((range) => text.slice(range.start, range.end))
}

function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  if (code < 0x85) return false
  return code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}

function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language)
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(language, {granularity: 'sentence'})
    } catch {
      throw new RangeError(`Cannot segment with \`${language}\` for \`options.language\`, expected a BCP 47 language tag such as \`it\``)
    }
    segmenters.set(language, segmenter)
  }
  return segmenter
}

/** Every candidate gap, from ICU and from `break="yes"` rules, by start of the next sentence. */
function candidates(work: string, segmenter: Intl.Segmenter, compiled: Compiled): Gap[] {
  const gaps = icuBoundaries(work, segmenter).map((position) => gapAt(work, position))
  if (compiled.scans.length > 0) {
    for (const scan of compiled.scans) {
      scan.lastIndex = 0
      let match: RegExpExecArray | null
      while ((match = scan.exec(work))) {
        const position = match.index + match[0].length
        if (match[0].length === 0) scan.lastIndex++
        if (position > 0 && position < work.length) gaps.push(gapAt(work, position))
      }
    }
    gaps.sort((a, b) => a.start - b.start || a.from - b.from)
  }
  return gaps.filter((gap, index) => index === 0 || gap.start !== gaps[index - 1]!.start)
}

/**
 * Interior ICU boundaries, from pieces of `icuWindow` code units. Each piece
 * starts at an accepted boundary (ICU's own restart point), so it sees what
 * ICU would see in the whole text.
 */
function icuBoundaries(work: string, segmenter: Intl.Segmenter): number[] {
  const length = work.length
  const found: number[] = []
  let from = 0
  while (from < length) {
    const to = Math.min(length, from + icuWindow)
    const limit = to === length ? length : to - icuMargin
    const piece = from === 0 && to === length ? work : work.slice(from, to)
    let last = from
    for (const {index} of segmenter.segment(piece)) {
      if (index === 0) continue
      if (from + index > limit) break
      last = from + index
      found.push(last)
    }
    if (to === length) break
    // No sentence ends in this piece: restart at a word start, which is never a
    // boundary here and hides no context from the boundaries after it.
    from = last > from ? last : restart(work, from, limit)
  }
  return found
}

function restart(work: string, from: number, limit: number): number {
  for (let position = limit; position > from + 1; position--) {
    if (isSpace(work.charCodeAt(position - 1)) && !isSpace(work.charCodeAt(position))) return position
  }
  return limit
}

/**
 * The gap around a candidate position. A placeholder right after the final
 * punctuation and followed by whitespace closes the sentence (ICU puts it
 * in the next one):
 *
 * > | estera.￼ I russi
 *            ^ ICU breaks before the placeholder
 *             ^ gap.end; gap.start is at `I`
 */
function gapAt(work: string, position: number): Gap {
  let from = position
  while (from > 0 && isSpace(work.charCodeAt(from - 1))) from--
  let start = position
  while (start < work.length && isSpace(work.charCodeAt(start))) start++
  let end = from
  if (start === from && work.charCodeAt(start) === 0xfffc) {
    closingCodes.lastIndex = start
    if (closingCodes.test(work)) {
      end = closingCodes.lastIndex
      start = end
      while (start < work.length && isSpace(work.charCodeAt(start))) start++
    }
  }
  return {from, end, start}
}

const closingCodes = /\uFFFC[\uFFFC\p{Pe}\p{Pf}"']*(?=\s|$)/uy

/** Whether a candidate gap breaks: the first rule matching at one of its positions decides; else yes. */
function decide(work: string, gap: Gap, sentenceStart: number, compiled: Compiled, present: Set<string>): boolean {
  if (compiled.runs.length === 0) return true
  const low = Math.max(0, gap.from - ruleWindow, sentenceStart - ruleContext)
  const high = Math.min(work.length, gap.start + ruleWindow)
  const window = low === 0 && high === work.length ? work : work.slice(low, high)
  const last = Math.min(gap.start, gap.from + gapPositions)
  for (const run of compiled.runs) {
    for (const part of run.parts) {
      if (part.requires !== undefined && !present.has(part.requires)) continue
      for (let position = gap.from; position <= last; position++) {
        if (part.last !== undefined && work[position - 1] !== part.last) continue
        if (part.test(window, position - low)) return run.break
      }
      if (last < gap.start && (part.last === undefined || work[gap.start - 1] === part.last) && part.test(window, gap.start - low)) return run.break
    }
  }
  return true
}

/**
 * Merge spans with no letter, digit or sentence punctuation (a lone
 * placeholder such as an image after the last sentence) into the one before.
 */
function mergeBare(work: string, spans: Range[]): Range[] {
  if (spans.length < 2) return spans
  const merged: Range[] = []
  for (const span of spans) {
    const previous = merged.at(-1)
    // A bare first span takes the next one in instead.
    if (previous && (isBare(work, span) || (merged.length === 1 && isBare(work, previous)))) previous.end = span.end
    else merged.push({...span})
  }
  return merged
}

const contentful = /[\p{L}\p{N}.?!…]/gu

function isBare(work: string, span: Range): boolean {
  contentful.lastIndex = span.start
  const match = contentful.exec(work)
  return !match || match.index >= span.end
}

/** Compile the rules that apply to `language`, once per rules object and language. */
function compile(rules: SrxRules, language: string): Compiled {
  let perLanguage = compiledCache.get(rules)
  if (!perLanguage) {
    perLanguage = new Map()
    compiledCache.set(rules, perLanguage)
  }
  let compiled = perLanguage.get(language)
  if (!compiled) {
    compiled = build(languageRules(rules, language))
    perLanguage.set(language, compiled)
  }
  return compiled
}

/** The rules of every language rule mapped to `language` (all of them with `cascade`, else the first), in map order. */
function languageRules(rules: SrxRules, language: string): SrxRule[] {
  if (!rules || !Array.isArray(rules.languageMaps) || !Array.isArray(rules.languageRules)) {
    throw new TypeError('Cannot segment with `options.rules`, expected SRX rules from `fromSrx`')
  }
  const variants = [language, language.toLowerCase(), language.toUpperCase()]
  const names: string[] = []
  for (const map of rules.languageMaps) {
    const pattern = regex(map.pattern, '')
    if (!variants.some((variant) => pattern.test(variant))) continue
    if (!names.includes(map.languageRuleName)) names.push(map.languageRuleName)
    if (!rules.cascade) break
  }
  return names.flatMap((name) => rules.languageRules.find((rule) => rule.name === name)?.rules ?? [])
}

function build(rules: SrxRule[]): Compiled {
  const runs: Compiled['runs'] = []
  const scans: RegExp[] = []
  const required = new Set<string>()
  let pending: SrxRule[] = []
  const flush = (): void => {
    if (pending.length === 0) return
    // Order inside a run is free (same decision), so rules group by the
    // character they require; rules with backreferences stand alone.
    const groups = new Map<string, {requires: string | undefined; last: string | undefined; rules: SrxRule[]}>()
    const parts: Part[] = []
    for (const rule of pending) {
      if (rule.before.backreferences || rule.after.backreferences) {
        parts.push({requires: undefined, last: undefined, test: alone(rule)})
        continue
      }
      const requires = firstChar(rule.before.source)
      const last = lastChar(rule.before.source)
      if (requires !== undefined) required.add(requires)
      const key = `${requires ?? ''}\u0000${last ?? ''}`
      const group = groups.get(key)
      if (group) group.rules.push(rule)
      else groups.set(key, {requires, last, rules: [rule]})
    }
    for (const {requires, last, rules} of groups.values()) parts.push({requires, last, test: alternation(rules)})
    runs.push({break: pending[0]!.break, parts})
    pending = []
  }
  for (const rule of rules) {
    if (rule.break) scans.push(scanner(rule))
    if (pending.length > 0 && pending[0]!.break !== rule.break) flush()
    pending.push(rule)
  }
  flush()
  return {runs, scans, required: [...required]}
}

/**
 * A global regex whose matches end where `rule` matches. Forwards
 * (`before(?=after)`) when `beforebreak` starts with a plain atom; when it
 * starts with a repetition (`\\w+[.?!]+`), a forward scan retries the
 * repetition inside every word, so the scan tests each position instead,
 * `after` first: `(?=after)(?<=before)`.
 */
function scanner(rule: SrxRule): RegExp {
  const {before, after} = rule
  if (!leadingRepeat(before.source)) return regex(pattern(`(?:${before.source})(?=${after.source})`, before, after), 'g')
  return regex(pattern((after.source ? `(?=${after.source})` : '') + `(?<=${before.source})`, before, after), 'g')
}

/** Whether the first atom of `source` (after lookarounds) is a group or is repeated. */
function leadingRepeat(source: string): boolean {
  let index = 0
  while (/^\(\?<?[=!]/.test(source.slice(index))) index = groupEnd(source, index)
  const rest = source.slice(index)
  const atom = /^(?:\\[pPu]\{[^}]*\}|\\.|\[(?:\\.|\[(?:\\.|[^\]])*\]|[^\]])*\]|\(|[\s\S])/u.exec(rest)
  if (!atom) return false
  if (atom[0] === '(') return true
  return /^[*+{]/.test(rest.slice(atom[0].length))
}

/**
 * Walk the characters of a pattern that are outside escapes and character
 * classes, with the group depth before each; stop when `visit` returns true.
 *
 * @returns The index `visit` stopped at, or -1.
 */
function walkPattern(source: string, from: number, visit: (char: string, depth: number) => boolean): number {
  let depth = 0
  let inClass = 0
  for (let index = from; index < source.length; index++) {
    const char = source[index]!
    if (char === '\\') index++
    else if (inClass > 0) {
      if (char === '[') inClass++
      else if (char === ']') inClass--
    } else if (char === '[') inClass = 1
    else {
      if (visit(char, depth)) return index
      if (char === '(') depth++
      else if (char === ')') depth--
    }
  }
  return -1
}

/** Index just after the group opening at `index`. */
function groupEnd(source: string, index: number): number {
  const close = walkPattern(source, index, (char, depth) => char === ')' && depth === 1)
  return close === -1 ? source.length : close + 1
}

/**
 * A punctuation character every match of `source` starts with, if it is
 * plain to see: `«` in `«[^«»]*`, `(` in `\\([^()]*`. A rule that needs one
 * absent from the text is skipped, which spares it a scan back to the start
 * of the sentence at every candidate.
 */
function firstChar(source: string): string | undefined {
  const char = source[0] === '\\' ? source[1] : String.fromCodePoint(source.codePointAt(0) ?? 0x61)
  if (char === undefined || (source[0] !== '\\' && '^$.*+?()[]{}|'.includes(char))) return undefined
  if (!plain(char) || /^[?*{]/.test(source.slice(source[0] === '\\' ? 2 : char.length))) return undefined
  return alternatives(source) ? undefined : char
}

/**
 * A punctuation character every match of `source` ends with, if it is
 * plain to see: `.` in `\\b(?:Sig|Dott)\\.`. Such rules are only tried
 * at positions right after that character.
 */
function lastChar(source: string): string | undefined {
  const match = /(?:^|[^\\])(?:\\\\)*(\\?)([^\\])$/.exec(source)
  if (!match) return undefined
  const char = match[2]!
  if (match[1] === '' && '^$.*+?()[]{}|'.includes(char)) return undefined
  if (!plain(char)) return undefined
  return alternatives(source) ? undefined : char
}

/** Punctuation, not a letter, digit, space or escape letter. */
function plain(char: string): boolean {
  return !/[\p{L}\p{N}\s]/u.test(char)
}

/** Whether `source` has a top-level `|`. */
function alternatives(source: string): boolean {
  return walkPattern(source, 0, (char, depth) => char === '|' && depth === 0) !== -1
}

/**
 * Rules with the same decision, tried together: a sticky alternation of
 * `(?<=before)(?:after)`. V8 matches a lookbehind backwards from the
 * position, so a rule that cannot match fails within a character or two.
 */
function alternation(rules: SrxRule[]): Test {
  const source = rules.map((rule) => (rule.before.source ? `(?<=${rule.before.source})` : '') + (rule.after.source ? `(?:${rule.after.source})` : '')).join('|')
  let compiled: RegExp
  try {
    compiled = regex(pattern(source, ...rules.flatMap((rule) => [rule.before, rule.after])), 'y')
  } catch {
    // One rule does not compile (hand-made rules): name it.
    for (const rule of rules) alone(rule)
    throw new TypeError('Cannot compile the rules of `options.rules`')
  }
  return (window, at) => {
    compiled.lastIndex = at
    return compiled.test(window)
  }
}

/** A rule with backreferences: its `beforebreak` must run forwards, anchored at the position. */
function alone(rule: SrxRule): Test {
  let before: RegExp
  let after: RegExp
  try {
    before = regex({...rule.before, source: `(?:${rule.before.source})$`}, '')
    after = regex({...rule.after, source: `(?:${rule.after.source})`}, 'y')
  } catch {
    throw new TypeError(`Cannot compile the rule of \`options.rules\` at line ${rule.line ?? '?'}: \`${rule.beforeBreak}\` / \`${rule.afterBreak}\``)
  }
  return (window, at) => {
    if (!before.test(window.slice(0, at))) return false
    after.lastIndex = at
    return after.test(window)
  }
}

/** A pattern whose flags suit all its parts (`v` if any part needs it). */
function pattern(source: string, ...parts: JsPattern[]): JsPattern {
  return {source, flags: parts.some((part) => part.flags === 'v') ? 'v' : 'u', backreferences: false}
}

function regex(value: JsPattern, extra: string): RegExp {
  return new RegExp(value.source, value.flags + extra)
}
