/**
 * Score a sentence segmenter on gold cases. Takes: cases in the shape of
 * `../shared/corpora/segmentation/pragmatic_segmenter/*.json` (`text`,
 * `expected_sentences`) and a function returning sentence ranges. Returns:
 * precision, recall and F1 of the breaks, and the cases that differ.
 *
 * A break is where a sentence other than the first starts, counted in
 * non-space characters, so white space between or inside sentences never
 * counts (gold files often normalize it).
 */
import {readFileSync} from 'node:fs'
import type {Range} from '../../pipeline/types.ts'

/** One gold case. */
export interface GoldCase {
  id: string
  name: string
  language: string
  text: string
  expected_sentences: string[]
}

/** A case whose breaks differ from the gold. */
export interface Miss {
  id: string
  name: string
  expected: string[]
  actual: string[]
}

/** Break counts and rates over a set of cases. */
export interface BreakScore {
  /** Cases scored. */
  cases: number
  /** Cases left out: their expected sentences are not their text, white space aside. */
  unaligned: number
  /** Breaks in the gold. */
  expected: number
  /** Breaks the segmenter made. */
  found: number
  /** Breaks in both. */
  correct: number
  precision: number
  recall: number
  f1: number
  misses: Miss[]
}

/**
 * The cases of a gold file; cases without text or sentences (the shared files
 * list a few) are left out.
 *
 * @param path The JSON file.
 * @param language Language of cases that name none (default `it`).
 */
export function readGold(path: string | URL, language = 'it'): GoldCase[] {
  const file = JSON.parse(readFileSync(path, 'utf8')) as {cases: Array<Omit<GoldCase, 'language'> & {language?: string | null}>}
  return file.cases
    .filter((item) => typeof item.text === 'string' && Array.isArray(item.expected_sentences) && item.expected_sentences.length > 0)
    .map((item) => ({...item, language: item.language || language}))
}

/** Remove white space: breaks are compared as counts of the non-space characters before them. */
function compact(text: string): string {
  return text.replace(/\s+/gu, '')
}

/**
 * Where each expected sentence after the first starts, as a count of
 * non-space characters before it; `undefined` when the sentences are not
 * the text (some shared gold files clean their expected sentences of more
 * than white space).
 */
function expectedBreaks(item: GoldCase): number[] | undefined {
  const parts = item.expected_sentences.map(compact)
  if (parts.join('') !== compact(item.text)) return undefined
  const breaks: number[] = []
  let count = 0
  for (const part of parts.slice(0, -1)) {
    count += part.length
    breaks.push(count)
  }
  return breaks
}

/**
 * @param cases Gold cases.
 * @param spans The segmenter: text and language to sentence ranges.
 */
export function scoreBreaks(cases: readonly GoldCase[], spans: (text: string, language: string) => Range[]): BreakScore {
  let expected = 0
  let found = 0
  let correct = 0
  const misses: Miss[] = []
  let unaligned = 0
  for (const item of cases) {
    const breaks = expectedBreaks(item)
    if (!breaks) {
      unaligned++
      continue
    }
    const gold = new Set(breaks)
    const ranges = spans(item.text, item.language)
    const made = ranges.slice(1).map((range) => compact(item.text.slice(0, range.start)).length)
    expected += gold.size
    found += made.length
    const hits = made.filter((offset) => gold.has(offset)).length
    correct += hits
    if (hits !== gold.size || hits !== made.length) {
      misses.push({id: item.id, name: item.name, expected: item.expected_sentences, actual: ranges.map((range) => item.text.slice(range.start, range.end))})
    }
  }
  const precision = found === 0 ? 1 : correct / found
  const recall = expected === 0 ? 1 : correct / expected
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return {cases: cases.length - unaligned, unaligned, expected, found, correct, precision, recall, f1, misses}
}

/** One line: `P 0.981 R 0.962 F1 0.971 (51 of 53 breaks found, 52 made, 103 cases)`. */
export function formatScore(score: BreakScore): string {
  return `P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)} F1 ${score.f1.toFixed(3)} (${score.correct} of ${score.expected} breaks found, ${score.found} made, ${score.cases} cases${score.unaligned ? `, ${score.unaligned} not aligned and left out` : ''})`
}
