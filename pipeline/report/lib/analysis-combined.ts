/**
 * Every document's part of a locale's analysis, combined in path order.
 * Takes: the documents in the analysis's order (by path), each with its
 * part's key (`analysisKey`) and how to get its part (`analysisPart`); the
 * combination the last run kept (or none). Returns: each document's counts,
 * as `analyzeParts` places its segments; the combination to keep (every
 * document's part key, every segment occurrence's key in order, each
 * document's counts) and whether it differs from the one given; and, per
 * document, where the kept combination had it.
 *
 * A segment occurrence is a repetition (unless its best band is `context`)
 * when its key occurs earlier in its document or in an earlier document:
 * for a document holding the key, when the key's first document is not
 * this one. So a document's counts are made of its own part and, for each
 * of its keys, whether it holds the key's first occurrence. A document
 * whose part's key the kept combination holds keeps its counts unless one
 * of its keys' first document changed, which only a document added,
 * removed or edited can do, and only for a key it held or holds: for each
 * such key, the first document before and after (found in the combination
 * laid out as text, `\nkey\nkey\n…`) are counted again from their parts,
 * with the edited ones. A one-file edit of a large project reads one
 * combination and a few parts, not every document's part, and does not
 * walk every segment.
 *
 * A kept combination is used by key only, in order: documents added,
 * removed or edited are new or missing keys, one that does not add up is
 * not used at all, and past a few changed documents every part is got and
 * counted as `analyzeParts` does; a part with a key no text layout can hold
 * (empty, or with a newline) is counted and not kept.
 *
 * ```ts
 * const {counts, combined} = combineAnalysis({keys, kept, partOf: (document) => parts[document]})
 * analysisOfCounts(paths, counts, {sourceLocale: 'it', locale: 'en'}) // analyzeParts(new Map(paths.map((path, at) => [path, parts[at]])), …)
 * ```
 */
import {lastAtOrBefore} from '../../position.ts'
import {bands, wordRule, type Analysis, type AnalysisCounts, type AnalysisPart, type Band, type Options} from './analyze.ts'

/** Every document's part of a locale's analysis, combined (see the module's comment). */
export interface CombinedAnalysis {
  /** Each document's part's key, in path order. */
  keys: string[]
  /** Every segment occurrence's key, documents in path order and segments in document order, each with a newline before and after: `\nk1\nk2\n`. */
  segments: string
  /** Per document, where its first segment key is in `segments`, then the length of `segments` (`keys.length + 1` numbers). */
  starts: Uint32Array
  /** Per document, its counts: `countsWidth` numbers (see {@linkcode countsWidth}). */
  counts: Float64Array
}

/** Numbers per document in `counts`: each band's segments and words, in the order of `bands`, then the total's. */
export const countsWidth = bands.length * 2 + 2

/** Each band's place in a document's counts. */
const bandAt = new Map<string, number>(bands.map((band, at) => [band, at * 2]))

/** The total's place in a document's counts. */
const totalAt = bands.length * 2

/** Documents added, removed or edited past which every part is got and counted: each changed key is looked for in the whole combination. */
const changedLimit = 64

/** Changed keys (held or now held by those documents) past which every part is got and counted. */
const keyLimit = 4096

/** What {@linkcode combineAnalysis} takes. */
export interface CombineInput {
  /** Each document's part's key, in path order. */
  keys: readonly string[]
  /** The combination the last run kept (anything: checked before it is used). */
  kept: unknown
  /** A document's part (by its index in `keys`). */
  partOf: (document: number) => AnalysisPart
}

/** What {@linkcode combineAnalysis} gives. */
export interface Combined {
  /** Per document, its counts (`countsWidth` numbers each). */
  counts: Float64Array
  /** The combination to keep; none when a part's key has no place in it. */
  combined: CombinedAnalysis | undefined
  /** Whether `combined` differs from the combination given. */
  changed: boolean
  /** Per document, its index in the kept combination when its counts were taken from there, else -1 (its part was got). */
  from: Int32Array
}

/**
 * @param input The documents' part keys in path order, the kept combination, how to get a part.
 * @returns The documents' counts and the combination to keep.
 */
export function combineAnalysis(input: CombineInput): Combined {
  const {keys, partOf} = input
  const kept = usable(input.kept)
  return (kept && fromKept(keys, kept, partOf)) ?? counted(keys, partOf, kept)
}

/**
 * The analysis from each document's counts, as `analyzeParts` gives it.
 *
 * @param paths The documents' paths, in path order (as `combineAnalysis` got their keys).
 * @param counts Their counts (`Combined.counts`).
 * @param options Locales, threshold, unknown words.
 */
export function analysisOfCounts(paths: readonly string[], counts: Float64Array, options: Options): Analysis {
  const total = new Float64Array(countsWidth)
  const files: Analysis['files'] = []
  for (let document = 0; document < paths.length; document++) {
    const at = document * countsWidth
    for (let index = 0; index < countsWidth; index++) total[index]! += counts[at + index]!
    const {bands: byBand, total: all} = countsOf(counts, at)
    files.push({path: paths[document]!, bands: byBand, total: all})
  }
  return {sourceLocale: options.sourceLocale, locale: options.locale, threshold: options.threshold ?? 75, wordRule, files, total: countsOf(total, 0), unknownWords: [...(options.unknownWords ?? [])]}
}

/** A document's counts (or the total) as the analysis holds them. */
function countsOf(counts: Float64Array, at: number): AnalysisCounts {
  const byBand = {} as AnalysisCounts['bands']
  for (let index = 0; index < bands.length; index++) byBand[bands[index]!] = {segments: counts[at + index * 2]!, words: counts[at + index * 2 + 1]!}
  return {bands: byBand, total: {segments: counts[at + totalAt]!, words: counts[at + totalAt + 1]!}}
}

/**
 * Add a part's segments to a document's counts.
 *
 * @param repeated Whether a key occurred before this occurrence (asked for every occurrence, in order).
 */
function countPart(part: AnalysisPart, repeated: (key: string) => boolean, counts: Float64Array, at: number): void {
  const {keys, bands: best, words} = part
  for (let index = 0; index < keys.length; index++) {
    const again = repeated(keys[index]!)
    const band: Band = best[index] !== 'context' && again ? 'repetitions' : best[index]!
    const place = bandAt.get(band)
    if (place === undefined) throw new TypeError(`Cannot count a segment in band \`${band}\`, expected one of ${bands.join(', ')}`)
    counts[at + place]!++
    counts[at + place + 1]! += words[index]!
    counts[at + totalAt]!++
    counts[at + totalAt + 1]! += words[index]!
  }
}

/** A part's keys as the combination lays them out (each followed by a newline), or none when one cannot be. */
function section(part: AnalysisPart): string | undefined {
  if (part.keys.some((key) => key === '' || key.includes('\n'))) return undefined
  return part.keys.length === 0 ? '' : part.keys.join('\n') + '\n'
}

/** Every part got and counted in order, as `analyzeParts` does; combined unless a key cannot be laid out. */
function counted(keys: readonly string[], partOf: (document: number) => AnalysisPart, kept: CombinedAnalysis | undefined): Combined {
  const counts = new Float64Array(keys.length * countsWidth)
  const seen = new Set<string>()
  const repeated = (key: string) => {
    const again = seen.has(key)
    seen.add(key)
    return again
  }
  const sections: string[] = []
  let laidOut = true
  keys.forEach((_, document) => {
    const part = partOf(document)
    countPart(part, repeated, counts, document * countsWidth)
    const text = laidOut ? section(part) : undefined
    if (text === undefined) laidOut = false
    else sections.push(text)
  })
  const combined = laidOut ? combination(keys, sections, counts) : undefined
  return {counts, combined, changed: combined !== undefined && !sameCombination(combined, kept), from: new Int32Array(keys.length).fill(-1)}
}

/** The combination of documents' keys, sections and counts. */
function combination(keys: readonly string[], sections: readonly string[], counts: Float64Array): CombinedAnalysis {
  const starts = new Uint32Array(keys.length + 1)
  let at = 1
  sections.forEach((text, document) => {
    starts[document] = at
    at += text.length
  })
  starts[keys.length] = at
  return {keys: [...keys], segments: '\n' + sections.join(''), starts, counts}
}

/** Whether two combinations hold the same. */
function sameCombination(a: CombinedAnalysis, b: CombinedAnalysis | undefined): boolean {
  return b !== undefined && a.segments === b.segments && a.keys.length === b.keys.length && a.keys.every((key, at) => key === b.keys[at]) && a.starts.every((start, at) => start === b.starts[at]) && a.counts.every((count, at) => count === b.counts[at])
}

/** The document whose section holds a position of `segments` (the last whose start is at or before it). */
function documentAt(starts: Uint32Array, position: number): number {
  // The last entry is where the sections end, no document's start.
  return lastAtOrBefore(starts, position, starts.length - 1)
}

/** The document of a key's first occurrence in a combination's `segments` (-1: none). */
function firstDocument(segments: string, starts: Uint32Array, key: string): number {
  const found = segments.indexOf('\n' + key + '\n')
  return found < 0 ? -1 : documentAt(starts, found + 1)
}

/**
 * The counts from the kept combination, counting again only the documents
 * whose part changed and those whose keys' first document did (see the
 * module's comment); none when the kept combination is not in this order or
 * too much changed.
 */
function fromKept(keys: readonly string[], kept: CombinedAnalysis, partOf: (document: number) => AnalysisPart): Combined | undefined {
  const keptAt = new Map<string, number>()
  kept.keys.forEach((key, at) => keptAt.set(key, at))
  // A key twice: not one document's counts each.
  if (keptAt.size !== kept.keys.length) return undefined
  const from = new Int32Array(keys.length).fill(-1)
  // Where each kept document is now (-1: removed, or its part changed).
  const now = new Int32Array(kept.keys.length).fill(-1)
  let last = -1
  let changedDocuments = 0
  for (let document = 0; document < keys.length; document++) {
    const at = keptAt.get(keys[document]!)
    if (at === undefined) {
      changedDocuments++
      continue
    }
    // Kept documents stay in their order (a key twice is not a combination of documents).
    if (at <= last) return undefined
    last = at
    from[document] = at
    now[at] = document
  }
  changedDocuments += kept.keys.length - (keys.length - changedDocuments)
  if (changedDocuments > changedLimit) return undefined
  const unchanged = changedDocuments === 0 && keys.length === kept.keys.length
  if (unchanged) return {counts: kept.counts, combined: kept, changed: false, from}

  // The new layout: runs of kept documents copied as one slice each, the others' parts laid out.
  const parts = new Map<number, AnalysisPart>()
  const part = (document: number) => {
    let got = parts.get(document)
    if (!got) parts.set(document, (got = partOf(document)))
    return got
  }
  const changedKeys = new Set<string>()
  const pieces: string[] = ['\n']
  const starts = new Uint32Array(keys.length + 1)
  let length = 1
  for (let document = 0; document < keys.length; ) {
    starts[document] = length
    if (from[document] >= 0) {
      let end = document + 1
      while (end < keys.length && from[end] === from[end - 1]! + 1) end++
      const first = from[document]!
      for (let index = document; index < end; index++) starts[index] = length + kept.starts[from[index]!]! - kept.starts[first]!
      const text = kept.segments.slice(kept.starts[first]!, kept.starts[from[end - 1]! + 1]!)
      pieces.push(text)
      length += text.length
      document = end
      continue
    }
    const got = part(document)
    const text = section(got)
    if (text === undefined) return undefined
    for (const key of got.keys) changedKeys.add(key)
    pieces.push(text)
    length += text.length
    document++
  }
  starts[keys.length] = length
  const segments = pieces.join('')
  // The keys the removed or edited documents held.
  for (let at = 0; at < kept.keys.length; at++) {
    if (now[at] !== -1 || kept.starts[at] === kept.starts[at + 1]) continue
    for (const key of kept.segments.slice(kept.starts[at]!, kept.starts[at + 1]! - 1).split('\n')) changedKeys.add(key)
  }
  if (changedKeys.size > keyLimit) return undefined

  // Counted again: the documents got, and both first documents of a changed key whose first document moved.
  const again = new Set<number>(parts.keys())
  for (const key of changedKeys) {
    const before = firstDocument(kept.segments, kept.starts, key)
    const was = before < 0 ? -1 : now[before]!
    const is = firstDocument(segments, starts, key)
    if (was === is) continue
    if (was >= 0) again.add(was)
    if (is >= 0) again.add(is)
  }

  const counts = new Float64Array(keys.length * countsWidth)
  for (let document = 0; document < keys.length; document++) {
    const at = from[document]!
    if (at >= 0 && !again.has(document)) counts.set(kept.counts.subarray(at * countsWidth, (at + 1) * countsWidth), document * countsWidth)
  }
  for (const document of again) {
    const seen = new Set<string>()
    const start = starts[document]!
    // A key of this document occurred in an earlier one when its first occurrence is before this document's section.
    const repeated = (key: string) => {
      if (seen.has(key)) return true
      seen.add(key)
      return segments.indexOf('\n' + key + '\n') + 1 < start
    }
    countPart(part(document), repeated, counts, document * countsWidth)
    from[document] = -1
  }
  return {counts, combined: {keys: [...keys], segments, starts, counts}, changed: true, from}
}

/** The kept combination when it adds up, else none. */
function usable(kept: unknown): CombinedAnalysis | undefined {
  if (!kept || typeof kept !== 'object') return undefined
  const {keys, segments, starts, counts} = kept as Partial<CombinedAnalysis>
  if (!Array.isArray(keys) || typeof segments !== 'string' || !(starts instanceof Uint32Array) || !(counts instanceof Float64Array)) return undefined
  if (!keys.every((key) => typeof key === 'string') || starts.length !== keys.length + 1 || counts.length !== keys.length * countsWidth) return undefined
  if (segments[0] !== '\n' || starts[keys.length] !== segments.length) return undefined
  // Every section starts after a newline, ends with one (or is empty), and follows the one before.
  for (let document = 0; document < keys.length; document++) {
    const start = starts[document]!
    const end = starts[document + 1]!
    if (start < 1 || end < start || segments[start - 1] !== '\n' || segments[end - 1] !== '\n') return undefined
  }
  return kept as CombinedAnalysis
}
