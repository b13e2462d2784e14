/**
 * Every document's part of a locale's analysis in one value. Takes: each
 * document's key (`documentKey`; none: no combination), in the order the
 * stage lists them, how to get a document's part, and the combination the
 * last run kept (or none). Returns: each document's part, the combination
 * of them (flat arrays laid end to end), whether it differs from the one
 * given, and how many parts came from it.
 *
 * A part is made of its document and of what every document's part of the
 * locale shares (`analysisContextKey`: the config, the locale, its memory),
 * and the stage keeps a combination under that shared part alone: a
 * document whose key the kept combination holds takes its part from there
 * (its own entry is not read); any other gets its part (from the store or
 * made). Repetitions are not in the parts: `analyzeParts` places them over
 * every part, as it does without a combination, so a document edited, added
 * or removed changes the later documents' repetitions exactly as it would
 * otherwise. A combination that does not add up is not used at all.
 *
 * ```ts
 * combineAnalysis({documents: ['…'], kept: undefined, partOf: () => ({part, messages: []})}).combined.segments // Uint32Array [3]
 * ```
 */
import type {Diagnostic} from '../../types.ts'
import {bands, type AnalysisPart} from './analyze.ts'

/** A document's part of a locale's analysis with the leverage stage's messages about it, as the stage stores it. */
export interface DocumentAnalysis {
  part: AnalysisPart
  messages: Diagnostic[]
}

/** Every document's part, in flat arrays: each document's occurrences laid end to end, in its order. */
export interface CombinedAnalysis {
  /** Each document's key (`documentKey`), in order. */
  documents: string[]
  /** Per document: its segment occurrences. */
  segments: Uint32Array
  /** Every occurrence's segment key, joined by a newline (a combination is made only when no key holds one). */
  keys: string
  /** Per occurrence: its best band (index in `bands`). */
  bands: Uint8Array
  /** Per occurrence: its words. */
  words: Uint32Array
  /** Per document: the leverage stage's messages about it. */
  messages: Diagnostic[][]
}

/** What {@linkcode combineAnalysis} reads. */
export interface CombineAnalysisInput {
  /** Each document's key, in order (one missing: every part is got, and no combination made). */
  documents: ReadonlyArray<string | undefined>
  /** The combination the last run kept (anything else: none). */
  kept: unknown
  /** A document's part, by its index in `documents` (from the store or made). */
  partOf(index: number): DocumentAnalysis
}

/**
 * @param input Documents, the kept combination and how to get a part.
 * @returns Each document's part in order; the combination (none when a document has no key, or a key holds a newline); whether it differs from the kept one; the parts taken from it.
 */
export function combineAnalysis(input: CombineAnalysisInput): {parts: DocumentAnalysis[]; combined: CombinedAnalysis | undefined; changed: boolean; taken: number} {
  const {documents} = input
  const found = documents.every((key) => key !== undefined) ? usable(input.kept) : undefined
  const kept = found?.value
  const keptKeys = found?.keys ?? []
  const keptAt = new Map<string, number>()
  const keptFrom: number[] = []
  if (kept) {
    let from = 0
    kept.documents.forEach((key, index) => {
      keptAt.set(key, index)
      keptFrom.push(from)
      from += kept.segments[index]!
    })
  }
  const parts: DocumentAnalysis[] = []
  let taken = 0
  let same = kept !== undefined && kept.documents.length === documents.length
  documents.forEach((key, index) => {
    const at = key === undefined ? undefined : keptAt.get(key)
    if (at === undefined) {
      parts.push(input.partOf(index))
      same = false
      return
    }
    if (at !== index) same = false
    const start = keptFrom[at]!
    const end = start + kept!.segments[at]!
    parts.push({
      part: {keys: keptKeys.slice(start, end), bands: Array.from(kept!.bands.subarray(start, end), (band) => bands[band]!), words: Array.from(kept!.words.subarray(start, end))},
      messages: kept!.messages[at]!
    })
    taken++
  })
  if (same) return {parts, combined: kept, changed: false, taken}
  return {parts, combined: combined(documents, parts), changed: true, taken}
}

/** The parts in flat arrays, unless a document has no key or a segment key holds a newline. */
function combined(documents: ReadonlyArray<string | undefined>, parts: readonly DocumentAnalysis[]): CombinedAnalysis | undefined {
  if (!documents.every((key) => key !== undefined)) return undefined
  const occurrences = parts.reduce((sum, {part}) => sum + part.keys.length, 0)
  const value: CombinedAnalysis = {documents: [...(documents as string[])], segments: new Uint32Array(parts.length), keys: '', bands: new Uint8Array(occurrences), words: new Uint32Array(occurrences), messages: []}
  const keys: string[] = []
  let at = 0
  parts.forEach(({part, messages}, index) => {
    value.segments[index] = part.keys.length
    value.messages.push(messages)
    part.keys.forEach((key, one) => {
      keys.push(key)
      value.bands[at] = bands.indexOf(part.bands[one]!)
      value.words[at] = part.words[one]!
      at++
    })
  })
  if (keys.some((key) => key.includes('\n'))) return undefined
  value.keys = keys.join('\n')
  return value
}

/** A kept combination that adds up (its arrays as long as its documents' occurrences, each band one of `bands`, no document twice), with its segment keys split. */
function usable(kept: unknown): {value: CombinedAnalysis; keys: string[]} | undefined {
  if (!kept || typeof kept !== 'object') return undefined
  const value = kept as Partial<CombinedAnalysis>
  const {documents, segments, keys, bands: keptBands, words, messages} = value
  if (!Array.isArray(documents) || !(segments instanceof Uint32Array) || typeof keys !== 'string' || !(keptBands instanceof Uint8Array) || !(words instanceof Uint32Array) || !Array.isArray(messages)) return undefined
  if (segments.length !== documents.length || messages.length !== documents.length || !documents.every((key) => typeof key === 'string') || !messages.every(Array.isArray)) return undefined
  const occurrences = segments.reduce((sum, count) => sum + count, 0)
  const split = keys === '' ? [] : keys.split('\n')
  if (keptBands.length !== occurrences || words.length !== occurrences || split.length !== occurrences || keptBands.some((band) => band >= bands.length)) return undefined
  if (new Set(documents).size !== documents.length) return undefined
  return {value: value as CombinedAnalysis, keys: split}
}
