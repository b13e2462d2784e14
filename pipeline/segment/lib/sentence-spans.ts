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
import {compileRules, type Compiled} from './compile-rules.ts'
import {defaultRules} from './default-rules.ts'
import {icuBoundaries, segmenterFor} from './icu-breaks.ts'
import type {SrxRules} from './srx-rules.ts'
import {isSpace} from './whitespace.ts'

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
/** Positions of a wide whitespace gap where rules are tried (plus its last). */
const gapPositions = 8

/** A candidate break: the gap between the end of one sentence and the start of the next. */
interface Gap {
  /** Just after the last non-whitespace character before the candidate. */
  from: number
  /** End of the sentence if the gap breaks (`from`, or after closing placeholders). */
  end: number
  /** Start of the next sentence: the first non-whitespace character after the candidate. */
  start: number
}

/**
 * Find the sentences of a paragraph.
 *
 * `\n` (a soft line break) counts as a space and never breaks by itself;
 * U+FFFC (an inline code) is never a sentence end by itself. Closing
 * placeholders right after the final punctuation stay with their sentence,
 * and an enumerator alone (`1.`, `3.1.`, `IV.`) joins the sentence it numbers.
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
  const compiled = compileRules(rules, language)

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
  return mergeEnumerators(work, mergeBare(work, spans))
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

/**
 * Join a span that is an enumerator and nothing else (`1.`, `3.1.`, `IV.`,
 * `A.`) to the sentence it numbers, the next one (or, last in the text, to
 * the one before). An enumerator at the start of a heading, a bold lead or a
 * numbered step is never a sentence by itself:
 *
 * > | 1. Identifica tutti i form
 *       ^ ICU breaks here; the span `1.` joins `Identifica tutti i form`
 *
 * This is not an SRX rule because it depends on the decision at the break
 * before the number, which SRX never sees: in `Passi. 1. Apri` the number
 * stands alone and joins `Apri`, while in `cap. 3. Il resto` the break before
 * `3.` was refused (an abbreviation), so `3.` ends its sentence and the break
 * after it holds.
 */
function mergeEnumerators(work: string, spans: Range[]): Range[] {
  if (spans.length < 2) return spans
  const merged: Range[] = []
  let pending: Range | undefined
  for (const span of spans) {
    if (pending) {
      merged.push({start: pending.start, end: span.end})
      pending = undefined
    } else if (isEnumerator(work, span)) pending = span
    else merged.push({...span})
  }
  if (pending) {
    const previous = merged.at(-1)
    if (previous) previous.end = pending.end
    else merged.push({...pending})
  }
  return merged
}

/** Placeholders and a bullet, then digits with dots (`1.`, `3.1.`), a Roman numeral (`IV.`) or one letter (`A.`), then placeholders. */
const enumerator = /^\uFFFC*(?:[•◦▪‣⁃∙·*–—-]\s*)?(?:\d{1,4}(?:\.\d{1,4})*|[IVXLCDM]{1,7}|[ivxlcdm]{1,7}|\p{L})\.[\s\uFFFC]*$/u

function isEnumerator(work: string, span: Range): boolean {
  return span.end - span.start <= 24 && enumerator.test(work.slice(span.start, span.end))
}
