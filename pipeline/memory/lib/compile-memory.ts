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
 * only their posting lists are read, and of each only the entries whose
 * length `m` can reach the threshold (between `T% × n` and `n / T%`; the
 * lists are sorted by length, so a binary search finds the range). Each
 * entry found is then filtered by the count of tokens in common (the
 * multiset intersection, at least `⌈T% × max(n, m)⌉`) and by its edit
 * distance (counted only in the band of cells the threshold allows, and
 * given up on at the first row past it: `boundedDistance`), and only the
 * survivors are aligned and get their penalties (`fuzzy-score.ts`). An
 * entry's tokens, codes and exact key are made once, however many queries
 * score it: a project's segments repeat.
 *
 * Texts of more than 2,000 tokens are found by exact match only (their
 * edit-distance table would not be worth its memory).
 */
import type {CandidateFrom, KeyState, MemoryToken, Origin} from '../../types.ts'
import {align, boundedDistance, exactKey, finalScore, largestDistance, prepareText, sameCodeBytes, textSimilarity, tokenKey} from './fuzzy-score.ts'
import {codeShapes, matchShapes, memoryText, memoryValue, type CodeShape} from './memory-tokens.ts'
import {textTokens, type TextToken} from './words.ts'

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
  /** Each group's `exactKey`. */
  private readonly groupKeys: string[] = []
  /** Each group's tokens, once it was scored (a lookup scores a group for many queries: the same sentence in many documents). */
  private readonly tokens: Array<TextToken[] | undefined>
  /** Each group's codes (`codeShapes`), once it was scored. */
  private readonly shapes: Array<CodeShape[] | undefined>
  /** Each entry's source and target as a bundle value (`memoryValue`), once asked for (`pairValue`). */
  private readonly pairValues: Array<string | undefined>
  private readonly vocabulary = new Map<string, number>()
  /** Each group's first entry (a group: the entries of one source, the same `exactKey` and code bytes). */
  private readonly firstOf: Int32Array
  /** The other entries of the groups that have more than one, ascending. */
  private readonly othersOf = new Map<number, number[]>()
  /** Each entry's group. */
  private readonly groupOf: Int32Array
  /** Every group's token keys as vocabulary ids, one after the other (see `starts`). */
  private readonly keys: Int32Array
  /** Per group: where its keys start in `keys`; the next group's start ends them. A source too long to score has none. */
  private readonly starts: Int32Array
  /** Per vocabulary id: the groups holding it, each once, shortest first. */
  private postings: Int32Array[] = []
  /** Per vocabulary id: how many groups hold it. */
  private frequency = new Int32Array(0)
  private readonly stamp: Int32Array
  private readonly counts: Int32Array
  private query = 0
  private readonly touched = new Int32Array(maxTokens)

  /** @param entries Translation pairs (use {@linkcode compileMemory}). */
  constructor(entries: readonly MemoryEntry[]) {
    this.entries = entries
    const lists: number[][] = []
    const all: number[] = []
    const starts: number[] = []
    const firsts: number[] = []
    // Per exact key, its groups, each with its code bytes once another entry shares the key (most keys have one entry, whose are never made).
    const groupsOfKey = new Map<string, Array<{group: number; bytes?: string}>>()
    this.groupOf = new Int32Array(entries.length)
    entries.forEach((entry, index) => {
      const key = exactKey(entry.source)
      const same = this.exact.get(key)
      if (same) same.push(index)
      else this.exact.set(key, [index])
      // Entries of one source (the same key and code bytes) score alike against any query: one group is scored for all.
      const groups = groupsOfKey.get(key)
      if (groups) {
        const bytes = codeBytes(entry.source)
        const known = groups.find((one) => (one.bytes ??= codeBytes(entries[firsts[one.group]!]!.source)) === bytes)
        if (known) {
          this.groupOf[index] = known.group
          const others = this.othersOf.get(known.group)
          if (others) others.push(index)
          else this.othersOf.set(known.group, [index])
          return
        }
      }
      const group = firsts.length
      this.groupOf[index] = group
      firsts.push(index)
      this.groupKeys.push(key)
      if (groups) groups.push({group})
      else groupsOfKey.set(key, [{group}])
      starts.push(all.length)
      const tokens = textTokens(memoryText(entry.source))
      if (tokens.length > maxTokens) return
      for (const token of tokens) {
        const word = tokenKey(token)
        let id = this.vocabulary.get(word)
        if (id === undefined) {
          id = this.vocabulary.size
          this.vocabulary.set(word, id)
          lists.push([])
        }
        all.push(id)
        const list = lists[id]!
        if (list[list.length - 1] !== group) list.push(group)
      }
    })
    starts.push(all.length)
    this.starts = Int32Array.from(starts)
    this.firstOf = Int32Array.from(firsts)
    this.keys = Int32Array.from(all)
    // Postings sorted by the group's length, so a lookup reads only the groups whose length can reach the threshold.
    const length = (group: number) => this.starts[group + 1]! - this.starts[group]!
    this.postings = lists.map((list) => Int32Array.from(list).sort((a, b) => length(a) - length(b) || a - b))
    this.frequency = Int32Array.from(lists, (list) => list.length)
    this.stamp = new Int32Array(firsts.length)
    // Filled, not holey: an array written at scattered indices past its length would turn into a dictionary.
    this.tokens = new Array<TextToken[] | undefined>(firsts.length).fill(undefined)
    this.shapes = new Array<CodeShape[] | undefined>(firsts.length).fill(undefined)
    this.pairValues = new Array<string | undefined>(entries.length).fill(undefined)
    this.counts = new Int32Array(this.vocabulary.size)
  }

  /** Entries whose source is the same as `source` (`isExact`), in memory order. */
  exactHits(source: readonly MemoryToken[]): MemoryHit[] {
    if (this.entries.length === 0) return []
    // Those of the same key: the same text once white space is normalized; then the codes' bytes, the same for a group.
    const found = this.exact.get(exactKey(source)) ?? []
    const same = new Map<number, boolean>()
    const sameBytes = (index: number) => {
      const group = this.groupOf[index]!
      let answer = same.get(group)
      if (answer === undefined) same.set(group, (answer = sameCodeBytes(source, this.entries[index]!.source)))
      return answer
    }
    return found.filter(sameBytes).map((index) => ({entry: this.entries[index]!, index, score: 100}))
  }

  /** An entry's source and target as a bundle value (`memoryValue(source, target)`): two entries of the same are one candidate. */
  pairValue(index: number): string {
    let value = this.pairValues[index]
    if (value === undefined) {
      const entry = this.entries[index]!
      this.pairValues[index] = value = memoryValue(entry.source, entry.target)
    }
    return value
  }

  /** Fuzzy hits (not exact ones), best score first, then memory order. */
  fuzzyHits(source: readonly MemoryToken[], options: LookupOptions | null | undefined): MemoryHit[] {
    if (this.entries.length === 0) return []
    const threshold = options?.threshold ?? 75
    const limit = options?.limit ?? 10
    const prepared = prepareText(source)
    const n = prepared.keys.length
    if (n === 0 || n > maxTokens) return []
    const ids = prepared.keys.map((key) => this.vocabulary.get(key) ?? -1)
    const fraction = threshold / 100
    const needed = Math.ceil(fraction * n - 1e-9)
    // The prefix filter: the n − k + 1 rarest query tokens (unknown ones first: they are in no entry).
    const order = ids.map((id) => ({id, frequency: id < 0 ? 0 : this.frequency[id]!})).sort((x, y) => x.frequency - y.frequency || x.id - y.id)
    const query = ++this.query
    const found: number[] = []
    // Length filter: an entry of m tokens needs min(n, m) ≥ ⌈T × max(n, m)⌉.
    const shortest = Math.ceil(fraction * n - 1e-9)
    const longestAllowed = Math.floor(n / fraction + 1e-9)
    const {starts} = this
    for (const {id} of order.slice(0, Math.max(1, n - needed + 1))) {
      if (id < 0) continue
      const list = this.postings[id]!
      let low = 0
      let high = list.length
      while (low < high) {
        const middle = (low + high) >>> 1
        if (starts[list[middle]! + 1]! - starts[list[middle]!]! < shortest) low = middle + 1
        else high = middle
      }
      for (let position = low; position < list.length; position++) {
        const group = list[position]!
        if (starts[group + 1]! - starts[group]! > longestAllowed) break
        if (this.stamp[group] === query) continue
        this.stamp[group] = query
        found.push(group)
      }
    }
    const counts = this.counts
    const {keys} = this
    for (const id of ids) if (id >= 0) counts[id]!++
    const hits: MemoryHit[] = []
    const touched = this.touched
    // The query's exact key and codes, made for the first entry that needs them.
    let queryKey: string | undefined
    let queryShapes: CodeShape[] | undefined
    for (let position = 0; position < found.length; position++) {
      const group = found[position]!
      const start = starts[group]!
      const m = starts[group + 1]! - start
      const longest = n > m ? n : m
      const least = Math.ceil(fraction * longest - 1e-9)
      if ((n < m ? n : m) < least) continue
      // Tokens in common (multiset): take from the query's counts, then give back.
      let common = 0
      for (let offset = start; offset < start + m; offset++) {
        const id = keys[offset]!
        if (counts[id]! > 0) {
          counts[id]!--
          touched[common++] = id
        }
      }
      for (let back = 0; back < common; back++) counts[touched[back]!]!++
      if (common < least) continue
      const entryKeys = keys.subarray(start, start + m)
      // The distance first, in the band the threshold allows: most entries found are further, and are not aligned.
      const most = largestDistance(longest, threshold)
      const distance = boundedDistance(ids, entryKeys, most)
      if (distance > most) continue
      const similarity = textSimilarity(distance, longest)
      const firstIndex = this.firstOf[group]!
      const first = this.entries[firstIndex]!
      if (distance === 0 && (queryKey ??= exactKey(source)) === this.groupKeys[group] && sameCodeBytes(source, first.source)) continue
      const tokens = (this.tokens[group] ??= textTokens(memoryText(first.source)))
      const shapes = (this.shapes[group] ??= codeShapes(first.source))
      const score = finalScore(similarity, align(ids, entryKeys).pairs, prepared.tokens, tokens, matchShapes((queryShapes ??= codeShapes(source)), shapes).unmatched)
      if (score < threshold) continue
      hits.push({entry: first, index: firstIndex, score})
      for (const index of this.othersOf.get(group) ?? []) hits.push({entry: this.entries[index]!, index, score})
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

/** The bytes and sub-types of a text's codes, in order: with its `exactKey`, what a fuzzy score reads of a source (its tokens, code roles and code bytes). */
function codeBytes(tokens: readonly MemoryToken[]): string {
  return JSON.stringify(tokens.flatMap((token) => (token.type === 'text' ? [] : [[token.type, token.data, token.subType ?? null]])))
}
