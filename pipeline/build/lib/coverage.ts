/**
 * Coverage of built documents, the one computation the build's summary, the
 * QA page and the coverage gate read. Takes: each segment of a document as
 * the build resolved it (from the target locale itself, from a fallback
 * locale, or nowhere) with its words and the state of the translation used.
 * Returns: segments and words by where their text came from, and the
 * translated ones by origin (human, memory, machine) and by state; sums over
 * documents; the share of words and segments that given origins translated.
 *
 * Words follow the analysis's word rule (`wordCount`), so a coverage figure
 * and an analysis figure of the same text agree.
 */
import type {Count, KeyState, Origin} from '../../types.ts'

/** Origins of a translation, in the order figures list them. */
export const origins = ['human', 'memory', 'machine'] as const satisfies readonly Origin[]

/** States of a translation, in the order figures list them. */
export const states = ['initial', 'translated', 'reviewed', 'final'] as const satisfies ReadonlyArray<KeyState['state']>

/** How much of a built document came from where. */
export interface Coverage {
  /** Segments in the document. */
  segments: number
  /** Segments resolved from the target locale itself. */
  translated: number
  /** Segments resolved from a fallback locale other than the target and the source. */
  fallback: number
  /** Segments left as their source (no translation anywhere in the chain). */
  source: number
  /** The same figures in words. */
  words: {total: number; translated: number; fallback: number; source: number}
  /** The translated segments (in the locale or a fallback), by who made the translation used. */
  origin: Record<Origin, Count>
  /** The translated segments (in the locale or a fallback), by the state of the translation used. */
  state: Record<KeyState['state'], Count>
}

/**
 * How the build resolved one segment: the source (nothing in the chain), or
 * a translation of the target locale or of a fallback locale, with who made
 * it and its state (`undefined`: a value with no state, such as one written
 * into a bundle by hand, counts as `human` and `translated`; the older
 * origin `source` counts as `human`).
 */
export type Resolution = {from: 'source'} | {from: 'locale' | 'fallback'; state: KeyState | undefined}

/** Coverage of nothing. */
export function emptyCoverage(): Coverage {
  return {
    segments: 0,
    translated: 0,
    fallback: 0,
    source: 0,
    words: {total: 0, translated: 0, fallback: 0, source: 0},
    origin: {human: {segments: 0, words: 0}, memory: {segments: 0, words: 0}, machine: {segments: 0, words: 0}},
    state: {initial: {segments: 0, words: 0}, translated: {segments: 0, words: 0}, reviewed: {segments: 0, words: 0}, final: {segments: 0, words: 0}}
  }
}

/**
 * Count segments into a coverage (the build's running figures).
 *
 * @param coverage Figures to add to (changed in place).
 * @param resolution Where the segments' text came from.
 * @param segments How many segments (a unit translated whole counts all of its own).
 * @param words Their words.
 */
export function countSegments(coverage: Coverage, resolution: Resolution, segments: number, words: number): void {
  const field = resolution.from === 'locale' ? 'translated' : resolution.from
  coverage.segments += segments
  coverage.words.total += words
  coverage[field] += segments
  coverage.words[field] += words
  if (resolution.from === 'source') return
  const origin = resolution.state?.origin
  for (const count of [coverage.origin[origin === 'memory' || origin === 'machine' ? origin : 'human'], coverage.state[resolution.state?.state ?? 'translated']]) {
    count.segments += segments
    count.words += words
  }
}

/**
 * @param coverages Figures of several documents.
 * @returns Their sum.
 */
export function sumCoverage(coverages: Iterable<Coverage>): Coverage {
  const total = emptyCoverage()
  const {words, origin, state} = total
  // Field by field, not over the lists of origins and states: a field named by a loop's variable is looked up by name on each of thousands of documents, several times slower.
  for (const one of coverages) {
    total.segments += one.segments
    total.translated += one.translated
    total.fallback += one.fallback
    total.source += one.source
    words.total += one.words.total
    words.translated += one.words.translated
    words.fallback += one.words.fallback
    words.source += one.words.source
    add(origin.human, one.origin.human)
    add(origin.memory, one.origin.memory)
    add(origin.machine, one.origin.machine)
    add(state.initial, one.state.initial)
    add(state.translated, one.state.translated)
    add(state.reviewed, one.state.reviewed)
    add(state.final, one.state.final)
  }
  return total
}

/** What some origins translated, of all there is. */
export interface CoveredShare {
  /** Segments and words translated (in the locale or a fallback) by those origins. */
  covered: Count
  /** Segments and words in all. */
  total: Count
  /** Covered words as a percentage of all words (100 when there are none). */
  percent: number
}

/**
 * @param coverage Figures of a document or a locale.
 * @param counted Origins whose translations count.
 * @returns What they translated, after fallback, in segments and words.
 */
export function coveredShare(coverage: Coverage, counted: readonly Origin[]): CoveredShare {
  const covered: Count = {segments: 0, words: 0}
  // Each origin once, however often it is named; a plain loop, no set made: a report asks this of every document in every locale.
  for (let index = 0; index < counted.length; index++) {
    const origin = counted[index]!
    if (counted.indexOf(origin) === index) add(covered, coverage.origin[origin])
  }
  const total: Count = {segments: coverage.segments, words: coverage.words.total}
  return {covered, total, percent: total.words === 0 ? 100 : (covered.words / total.words) * 100}
}

function add(into: Count, more: Count): void {
  into.segments += more.segments
  into.words += more.words
}

/** How {@linkcode percentShare} and {@linkcode percentText} count a share of nothing. */
export interface PercentOptions {
  /** The percentage of `0` out of `0`: `100` (the default: nothing to do is all done) or `0` (a band of nothing). */
  empty?: number
}

/**
 * The one rounding of every percentage babele shows (gate, summaries, pages, bars).
 * @param part The part, e.g. covered words.
 * @param whole What it is part of.
 * @param options What a share of nothing is (100 unless `empty` says otherwise).
 * @returns `part` of `whole` in percent with one decimal, never rounded up past what was reached
 *   (2 of 3 → `66.6`, 8996 of 10000 → `89.9`, below 90), so a gate's minimum is met only when it is.
 */
export function percentShare(part: number, whole: number, options?: PercentOptions | null): number {
  if (whole === 0) return options?.empty ?? 100
  return Math.floor((part * 1000) / whole + 1e-9) / 10
}

/**
 * @param part The part, e.g. covered words.
 * @param whole What it is part of.
 * @param options What a share of nothing is (100 unless `empty` says otherwise).
 * @returns {@linkcode percentShare} as text, without a trailing `.0` (`66.6`, `100`, `0`), no `%`.
 */
export function percentText(part: number, whole: number, options?: PercentOptions | null): string {
  return String(percentShare(part, whole, options))
}
