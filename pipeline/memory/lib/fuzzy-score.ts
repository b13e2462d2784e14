/**
 * The fuzzy score of a memory source against a segment. Takes: two memory
 * texts (`MemoryToken[]`). Returns: an integer from 0 to 100.
 *
 * The formula (the README states the same):
 *
 * 1. Both texts become word and punctuation tokens (`words.ts`); codes are
 *    left out of the text and counted apart. A token's *key* is its
 *    lower-case form (NFC), and `#` for any number.
 * 2. `d` is the word-level edit distance between the two key sequences
 *    (insert, delete, substitute a token: 1 each), `n` and `m` their lengths.
 *    The text similarity is `⌊100 × (1 − d / max(n, m))⌋` (100 when both
 *    have no token).
 * 3. Explicit penalties, one point each, over the tokens the edit script
 *    pairs as equal (the backtrace prefers a match, then a substitution, a
 *    deletion, an insertion, from the end):
 *    - *case*: a pair whose forms differ in case only (`Nato`/`NATO`);
 *    - *numbers*: a pair of numbers written differently (`2021`/`2022`);
 *    - *codes*: each code of either text without a counterpart of the same
 *      role and bytes in the other (`matchCodes`).
 * 4. `score = similarity − case − numbers − codes`, at least 0 and at most
 *    99: 100 is only for an exact match, the same bundle value (white space
 *    normalized) with the same code bytes (see `isExact`).
 *
 * Example: a 13-token sentence (12 words and a full stop) with one word
 * replaced: `d = 1`, `⌊100 × 12/13⌋ = 92`, no penalty: 92.
 */
import type {MemoryToken} from '../../types.ts'
import {normalizeValue} from '../../units/index.ts'
import {matchCodes, memoryText, memoryValue} from './memory-tokens.ts'
import {textTokens, type TextToken} from './words.ts'

/** A text ready to score: its tokens and their keys. */
export interface PreparedText {
  tokens: TextToken[]
  keys: string[]
}

/** Tokens and keys of a memory text. */
export function prepareText(text: readonly MemoryToken[]): PreparedText {
  const tokens = textTokens(memoryText(text))
  return {tokens, keys: tokens.map(tokenKey)}
}

/** The key a token is compared by: `#` for a number, else its lower-case NFC form. */
export function tokenKey(token: TextToken): string {
  if (token.number) return '#'
  // Below U+0300 (the first combining mark) every character is its own NFC form: most words are, and skip the normalization.
  return (composable.test(token.value) ? token.value.normalize('NFC') : token.value).toLowerCase()
}

/** A character NFC may change (U+0300 and above). */
const composable = /[^\u0000-\u02FF]/

/**
 * @param query The segment's source.
 * @param entry A memory source.
 * @returns The score, 0–100 (100 only for an exact match).
 */
export function fuzzyScore(query: readonly MemoryToken[], entry: readonly MemoryToken[]): number {
  if (isExact(query, entry)) return 100
  const a = prepareText(query)
  const b = prepareText(entry)
  const ids = new Map<string, number>()
  const id = (key: string) => {
    let value = ids.get(key)
    if (value === undefined) ids.set(key, (value = ids.size))
    return value
  }
  return scoreAligned(a.keys.map(id), b.keys.map(id), a.tokens, b.tokens, matchCodes(query, entry).unmatched)
}

/**
 * Whether two memory texts are the same: equal bundle values once white
 * space is normalized, and equal bytes for every code whose bytes both know.
 */
export function isExact(a: readonly MemoryToken[], b: readonly MemoryToken[]): boolean {
  return exactKey(a) === exactKey(b) && sameCodeBytes(a, b)
}

/** The bundle value of a memory text with white space normalized: two texts are the same only when theirs are (`isExact`). */
export function exactKey(text: readonly MemoryToken[]): string {
  return normalizeValue(memoryValue(text))
}

/** The rest of {@linkcode isExact}, for two texts of the same `exactKey`: equal bytes for every code, in order, whose bytes both know. */
export function sameCodeBytes(a: readonly MemoryToken[], b: readonly MemoryToken[]): boolean {
  const codes = (tokens: readonly MemoryToken[]) => tokens.filter((token) => token.type !== 'text')
  const left = codes(a)
  const right = codes(b)
  return left.every((token, index) => {
    const other = right[index]!
    return token.data === '' || other.data === '' || token.data === other.data
  })
}

/**
 * Score two key sequences (steps 2 to 4), given the tokens (for the case and
 * number penalties) and the count of unmatched codes.
 */
function scoreAligned(a: ArrayLike<number>, b: ArrayLike<number>, aTokens: readonly TextToken[], bTokens: readonly TextToken[], unmatchedCodes: number): number {
  const longest = Math.max(a.length, b.length)
  if (longest === 0) return Math.max(0, Math.min(99, 100 - unmatchedCodes))
  const {distance, pairs} = align(a, b)
  return finalScore(textSimilarity(distance, longest), pairs, aTokens, bTokens, unmatchedCodes)
}

/**
 * The largest edit distance whose text similarity reaches `threshold`
 * (step 2): `⌊100 × (L − d) / L⌋ ≥ T` exactly when `d ≤ ⌊(100 − T) × L / 100⌋`.
 *
 * @param longest The longer text's number of tokens.
 * @param threshold The lowest similarity, an integer percentage.
 */
export function largestDistance(longest: number, threshold: number): number {
  return Math.floor(((100 - threshold) * longest) / 100)
}

/**
 * The word-level edit distance of two key sequences when it is at most
 * `most`, else `most + 1`: only the band of cells within `most` of the
 * diagonal can be on such a path, and a row whose band is all over `most`
 * ends the count. Found equal to {@linkcode align}'s distance wherever that
 * is at most `most` (tested); a fuzzy lookup aligns only the entries it
 * keeps.
 */
export function boundedDistance(a: ArrayLike<number>, b: ArrayLike<number>, most: number): number {
  const n = a.length
  const m = b.length
  if (Math.abs(n - m) > most) return most + 1
  const over = most + 1
  if (previousRow.length < m + 1) {
    previousRow = new Uint16Array(2 * (m + 1))
    currentRow = new Uint16Array(2 * (m + 1))
  }
  let previous = previousRow
  let current = currentRow
  for (let j = 0; j <= m; j++) previous[j] = j <= most ? j : over
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - most)
    const to = Math.min(m, i + most)
    // Cells left of the band are over the bound; the first column is i.
    current[from - 1] = from === 1 ? (i <= most ? i : over) : over
    const key = a[i - 1]
    let least = current[from - 1]!
    for (let j = from; j <= to; j++) {
      const diagonal = previous[j - 1]! + (key === b[j - 1] ? 0 : 1)
      const up = j <= i - 1 + most ? previous[j]! + 1 : over
      const left = current[j - 1]! + 1
      let cell = diagonal < up ? (diagonal < left ? diagonal : left) : up < left ? up : left
      if (cell > over) cell = over
      current[j] = cell
      if (cell < least) least = cell
    }
    if (to < m) current[to + 1] = over
    if (least > most) return over
    const swap = previous
    previous = current
    current = swap
  }
  return previous[m]! > most ? over : previous[m]!
}

let previousRow = new Uint16Array(64)
let currentRow = new Uint16Array(64)

/** Step 2: the text similarity of an edit distance over the longer length. */
export function textSimilarity(distance: number, longest: number): number {
  return longest === 0 ? 100 : Math.floor((100 * (longest - distance)) / longest)
}

/**
 * Steps 3 and 4: the similarity minus the penalties. Equal keys with
 * different forms are exactly the case and number penalties: keys fold case
 * and numbers, so forms differ only there.
 */
export function finalScore(similarity: number, pairs: ReadonlyArray<readonly [number, number]>, aTokens: readonly TextToken[], bTokens: readonly TextToken[], unmatchedCodes: number): number {
  let penalty = unmatchedCodes
  for (const [i, j] of pairs) if (aTokens[i]!.value !== bTokens[j]!.value) penalty++
  return Math.max(0, Math.min(99, similarity - penalty))
}

let table = new Uint16Array(1024)

/**
 * Word-level edit distance and the pairs of equal keys the backtrace takes
 * (a match first, then a substitution, a deletion, an insertion, from the end).
 */
export function align(a: ArrayLike<number>, b: ArrayLike<number>): {distance: number; pairs: Array<[number, number]>} {
  const n = a.length
  const m = b.length
  const width = m + 1
  if (table.length < (n + 1) * width) table = new Uint16Array((n + 1) * width * 2)
  for (let j = 0; j <= m; j++) table[j] = j
  for (let i = 1; i <= n; i++) {
    const row = i * width
    const above = row - width
    table[row] = i
    const key = a[i - 1]
    for (let j = 1; j <= m; j++) {
      const diagonal = table[above + j - 1]! + (key === b[j - 1] ? 0 : 1)
      const up = table[above + j]! + 1
      const left = table[row + j - 1]! + 1
      table[row + j] = diagonal < up ? (diagonal < left ? diagonal : left) : up < left ? up : left
    }
  }
  const pairs: Array<[number, number]> = []
  let i = n
  let j = m
  while (i > 0 && j > 0) {
    const here = table[i * width + j]!
    if (a[i - 1] === b[j - 1] && here === table[(i - 1) * width + j - 1]) {
      pairs.push([i - 1, j - 1])
      i--
      j--
    } else if (here === table[(i - 1) * width + j - 1]! + 1) {
      i--
      j--
    } else if (here === table[(i - 1) * width + j]! + 1) i--
    else j--
  }
  return {distance: table[n * width + m]!, pairs}
}
