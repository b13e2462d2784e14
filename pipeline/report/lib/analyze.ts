/**
 * The analysis of a target locale, as a CAT tool's: how much of the text the
 * memory and machine translation already cover. Takes: the leverage of every
 * document (by path), or each document's part of it (`analysisPart`, which a
 * stage can keep by the document's key), the threshold, and optionally the
 * words machine translation did not know. Returns: segments and words per band, per file
 * and in total.
 *
 * Bands, and how a segment occurrence is placed (files in path order,
 * segments in document order):
 *
 * - `context` (101%): a context match, made by a human or taken from memory;
 * - `repetitions`: a later occurrence of a source already counted (the same
 *   key, in this file or an earlier one), unless it is a context match;
 * - `exact` (100%), then `95-99`, `85-94` and `<threshold>-84` (75–84 by
 *   default): the best exact or fuzzy match made by a human or taken from
 *   memory;
 * - `machine`: the best candidate is a machine translation, an engine's or a
 *   stored one nobody confirmed (origin `machine`), and no better band applies;
 * - `none`: no candidate.
 *
 * A segment takes the best band any of its candidates reaches.
 *
 * The word count rule (`wordCount`): a word is a run of letters, combining
 * marks and digits, or a number with `.`/`,` between digit groups;
 * punctuation and codes are not words, an apostrophe or a hyphen splits
 * (`un'alleanza` is 2 words).
 *
 * Unknown words (the words an engine marked as unknown) are an extension the
 * machine-translation stage fills: `Options.unknownWords`, listed as given.
 */
import {wordCount, type SegmentLeverage} from '../../memory/index.ts'
import type {Candidate, Count} from '../../types.ts'
import {textOfTokens} from '../../units/index.ts'

/** The bands, best first, in the order the table shows them. */
export const bands = ['context', 'exact', '95-99', '85-94', 'fuzzy', 'machine', 'none', 'repetitions'] as const

/** A band. `fuzzy` is the lowest fuzzy band, from the threshold to 84. */
export type Band = (typeof bands)[number]

export type {Count}

/** The counts of one file, or of all. */
export interface AnalysisCounts {
  bands: Record<Band, Count>
  total: Count
}

/** A word machine translation did not know, and how often it occurs. */
export interface UnknownWord {
  word: string
  count: number
}

/** The analysis of a target locale. */
export interface Analysis {
  sourceLocale: string
  locale: string
  /** Lowest fuzzy score counted (the `fuzzy` band starts here). */
  threshold: number
  /** The word-count rule, in words. */
  wordRule: string
  files: Array<{path: string} & AnalysisCounts>
  total: AnalysisCounts
  /** Words machine translation did not know (filled by the machine-translation stage; empty otherwise). */
  unknownWords: UnknownWord[]
}

/** Options of {@linkcode analyze}. */
export interface Options {
  sourceLocale: string
  locale: string
  /** Lowest fuzzy score (default 75). */
  threshold?: number | null
  /** Unknown words of the locale, as the machine-translation stage found them. */
  unknownWords?: readonly UnknownWord[] | null
}

/** The word rule the report states. */
export const wordRule = "a word is a run of letters, combining marks and digits, or a number with . or , between digit groups; punctuation and inline codes are not words; an apostrophe or a hyphen splits words (un'alleanza: 2)"

/**
 * @param documents Leverage of each document, by path (`projectLeverage`).
 * @param options Locales, threshold, unknown words.
 */
export function analyze(documents: ReadonlyMap<string, readonly SegmentLeverage[]>, options: Options): Analysis {
  return analyzeParts(new Map([...documents].map(([path, found]) => [path, analysisPart(found)])), options)
}

/**
 * What one document adds to the analysis, whatever the other documents
 * hold: each segment occurrence's key, the best band its candidates reach
 * (`repetitions` is placed later, across files: {@linkcode analyzeParts})
 * and its words. A value `v8.serialize` keeps, so a stage can store it by
 * the document's key.
 *
 * ```ts
 * analysisPart(documentLeverage(config, document, memory, 'en').value)
 * // {keys: ['1f0c…', …], bands: ['none', …], words: [12, …]}
 * ```
 */
export interface AnalysisPart {
  /** Each segment occurrence's key, in document order. */
  keys: string[]
  /** The best band of its candidates (never `repetitions`). */
  bands: Band[]
  /** Its words (`wordCount`). */
  words: number[]
}

/**
 * @param found A document's leverage (`documentLeverage`).
 * @returns Its part of the analysis.
 */
export function analysisPart(found: readonly SegmentLeverage[]): AnalysisPart {
  const part: AnalysisPart = {keys: [], bands: [], words: []}
  for (const one of found) {
    part.keys.push(one.segment.key)
    part.bands.push(bestBand(one))
    part.words.push(wordCount(textOfTokens(one.segment.tokens)))
  }
  return part
}

/**
 * The analysis from each document's part: files in path order, segments in
 * document order; a later occurrence of a key already counted is a
 * repetition unless its best band is `context`.
 *
 * @param parts Each document's part (`analysisPart`), by path.
 * @param options Locales, threshold, unknown words.
 */
export function analyzeParts(parts: ReadonlyMap<string, AnalysisPart>, options: Options): Analysis {
  const threshold = options.threshold ?? 75
  const total = emptyCounts()
  const files: Analysis['files'] = []
  const seen = new Set<string>()
  for (const path of [...parts.keys()].sort()) {
    const counts = emptyCounts()
    const part = parts.get(path)!
    part.keys.forEach((key, at) => {
      const best = part.bands[at]!
      const band = best !== 'context' && seen.has(key) ? 'repetitions' : best
      seen.add(key)
      const words = part.words[at]!
      for (const counted of [counts, total]) {
        counted.bands[band].segments++
        counted.bands[band].words += words
        counted.total.segments++
        counted.total.words += words
      }
    })
    files.push({path, ...counts})
  }
  return {sourceLocale: options.sourceLocale, locale: options.locale, threshold, wordRule, files, total, unknownWords: [...(options.unknownWords ?? [])]}
}

/** The best band a segment's candidates reach (`none` without one), before repetitions. */
function bestBand(found: SegmentLeverage): Band {
  return found.candidates.map(candidateBand).sort((a, b) => bands.indexOf(a) - bands.indexOf(b))[0] ?? 'none'
}

function candidateBand(candidate: Candidate): Band {
  if (candidate.match === 'machine' || candidate.origin === 'machine') return 'machine'
  if (candidate.match === 'context') return 'context'
  if (candidate.match === 'exact') return 'exact'
  const score = candidate.score ?? 0
  return score >= 95 ? '95-99' : score >= 85 ? '85-94' : 'fuzzy'
}

function emptyCounts(): AnalysisCounts {
  const counts = {} as Record<Band, Count>
  for (const band of bands) counts[band] = {segments: 0, words: 0}
  return {bands: counts, total: {segments: 0, words: 0}}
}
