/**
 * A translation memory, indexed for lookup. Takes: memory entries (source
 * and target as memory tokens, who made the pair, where it is from). Returns:
 * a `Memory` that finds exact matches by their normalized bundle value and
 * fuzzy ones through word posting lists, never by scanning every entry.
 *
 * Fuzzy lookup, for a query of `n` tokens and a threshold `T` (percent):
 * a score of `T` needs `max(n, m) − d ≥ T% × max(n, m)` tokens in common
 * (the edit script's matches), so at least `k = ⌈T% × n⌉`. Sorting the
 * query's tokens from rarest to commonest in the memory, any entry with `k`
 * tokens in common shares one of the first `n − k + 1` (the prefix filter):
 * only their posting lists are read. Each entry found is then filtered by
 * length (`m` between `T% × n` and `n / T%`) and by the count of tokens in
 * common (the multiset intersection, at least `⌈T% × max(n, m)⌉`), and
 * only the survivors are scored (`fuzzy-score.ts`).
 *
 * Texts of more than 2,000 tokens are found by exact match only (their
 * edit-distance table would not be worth its memory).
 */
import type {CandidateFrom, KeyState, MemoryToken, Origin} from '../../types.ts'
import {normalizeValue} from '../../units/index.ts'
import {isExact, prepareText, scoreAligned, tokenKey} from './fuzzy-score.ts'
import {matchCodes, memoryText, memoryValue} from './memory-tokens.ts'
import {textTokens} from './words.ts'

/** A translation pair in the memory. */
export interface MemoryEntry {
  /** The source (in the project's source language). */
  source: MemoryToken[]
  /** Its translation (in one target locale). */
  target: MemoryToken[]
  /** Who made the translation. */
  origin: Origin
  from: CandidateFrom
  /** Stored state of the pair (a store's, or an XLIFF's). */
  state?: KeyState['state']
  /** The neighbours of the source when it was translated (`contextOf`). */
  context?: string
  /** Score the pair was stored with, when it was itself taken from memory. */
  score?: number
  /** Engine that made it, for a machine translation. */
  engine?: string
}

/** A memory entry found for a query. */
export interface MemoryHit {
  entry: MemoryEntry
  /** Index of the entry in the memory (ties sort by it). */
  index: number
  /** 100 for an exact match, else the fuzzy score. */
  score: number
}

/** Options of {@linkcode lookupMemory}. */
export interface LookupOptions {
  /** Lowest fuzzy score returned (default 75). */
  threshold?: number | null
  /** Most fuzzy hits returned, best first (default 10). */
  limit?: number | null
}

/** Longest text, in tokens, scored for fuzzy matches. */
const maxTokens = 2000

/** An indexed translation memory. */
export class Memory {
  /** The entries, in the order given. */
  readonly entries: readonly MemoryEntry[]
  private readonly exact = new Map<string, number[]>()
  private readonly vocabulary = new Map<string, number>()
  /** Per entry: its token keys as vocabulary ids (`undefined` when too long to score). */
  private readonly keys: Array<Int32Array | undefined> = []
  /** Per vocabulary id: the entries holding it, ascending, each once. */
  private postings: Int32Array[] = []
  /** Per vocabulary id: how many entries hold it. */
  private frequency = new Int32Array(0)
  private readonly stamp: Int32Array
  private readonly counts: Int32Array
  private query = 0

  /** @param entries Translation pairs (use {@linkcode compileMemory}). */
  constructor(entries: readonly MemoryEntry[]) {
    this.entries = entries
    const lists: number[][] = []
    entries.forEach((entry, index) => {
      const key = normalizeValue(memoryValue(entry.source))
      const same = this.exact.get(key)
      if (same) same.push(index)
      else this.exact.set(key, [index])
      const tokens = textTokens(memoryText(entry.source))
      if (tokens.length > maxTokens) {
        this.keys.push(undefined)
        return
      }
      const ids = new Int32Array(tokens.length)
      tokens.forEach((token, position) => {
        const word = tokenKey(token)
        let id = this.vocabulary.get(word)
        if (id === undefined) {
          id = this.vocabulary.size
          this.vocabulary.set(word, id)
          lists.push([])
        }
        ids[position] = id
        const list = lists[id]!
        if (list.at(-1) !== index) list.push(index)
      })
      this.keys.push(ids)
    })
    this.postings = lists.map((list) => Int32Array.from(list))
    this.frequency = Int32Array.from(lists, (list) => list.length)
    this.stamp = new Int32Array(entries.length)
    this.counts = new Int32Array(this.vocabulary.size)
  }

  /** Entries whose source is the same as `source` (`isExact`), in memory order. */
  exactHits(source: readonly MemoryToken[]): MemoryHit[] {
    const found = this.exact.get(normalizeValue(memoryValue(source))) ?? []
    return found.filter((index) => isExact(source, this.entries[index]!.source)).map((index) => ({entry: this.entries[index]!, index, score: 100}))
  }

  /** Fuzzy hits (not exact ones), best score first, then memory order. */
  fuzzyHits(source: readonly MemoryToken[], options: LookupOptions | null | undefined): MemoryHit[] {
    const threshold = options?.threshold ?? 75
    const limit = options?.limit ?? 10
    const prepared = prepareText(source)
    const n = prepared.keys.length
    if (n === 0 || n > maxTokens || this.entries.length === 0) return []
    const ids = prepared.keys.map((key) => this.vocabulary.get(key) ?? -1)
    const fraction = threshold / 100
    const needed = Math.ceil(fraction * n - 1e-9)
    // The prefix filter: the n − k + 1 rarest query tokens (unknown ones first: they are in no entry).
    const order = ids.map((id) => ({id, frequency: id < 0 ? 0 : this.frequency[id]!})).sort((x, y) => x.frequency - y.frequency || x.id - y.id)
    const query = ++this.query
    const found: number[] = []
    for (const {id} of order.slice(0, Math.max(1, n - needed + 1))) {
      if (id < 0) continue
      for (const index of this.postings[id]!) {
        if (this.stamp[index] === query) continue
        this.stamp[index] = query
        found.push(index)
      }
    }
    const counts = this.counts
    for (const id of ids) if (id >= 0) counts[id]!++
    const hits: MemoryHit[] = []
    const touched: number[] = []
    for (const index of found) {
      const keys = this.keys[index]
      if (!keys) continue
      const m = keys.length
      const longest = Math.max(n, m)
      const least = Math.ceil(fraction * longest - 1e-9)
      if (Math.min(n, m) < least) continue
      // Tokens in common (multiset): take from the query's counts, then give back.
      let common = 0
      touched.length = 0
      for (const id of keys) {
        if (counts[id]! > 0) {
          counts[id]!--
          common++
          touched.push(id)
        }
      }
      for (const id of touched) counts[id]!++
      if (common < least) continue
      const entry = this.entries[index]!
      if (isExact(source, entry.source)) continue
      const entryTokens = textTokens(memoryText(entry.source))
      const score = scoreAligned(ids, keys, prepared.tokens, entryTokens, matchCodes(source, entry.source).unmatched)
      if (score >= threshold) hits.push({entry, index, score})
    }
    for (const id of ids) if (id >= 0) counts[id] = 0
    hits.sort((x, y) => y.score - x.score || x.index - y.index)
    return hits.slice(0, limit)
  }
}

/**
 * @param entries Translation pairs, in the order ties should keep.
 * @returns The indexed memory.
 */
export function compileMemory(entries: Iterable<MemoryEntry>): Memory {
  return new Memory([...entries])
}

/**
 * Exact, then fuzzy hits for a source.
 *
 * @param memory The indexed memory.
 * @param source The text to look up.
 * @param options Threshold and limit of fuzzy hits.
 */
export function lookupMemory(memory: Memory, source: readonly MemoryToken[], options?: LookupOptions | null): MemoryHit[] {
  return [...memory.exactHits(source), ...memory.fuzzyHits(source, options)]
}
