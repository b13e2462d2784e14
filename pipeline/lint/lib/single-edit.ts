/**
 * Tell whether two words are one edit apart (Damerau-Levenshtein distance 1:
 * one letter added, dropped, changed, or two neighbours swapped). Takes: a
 * word and a reference word. Returns: the edit, placed in the reference, or
 * `undefined` when they are equal or further apart.
 *
 * > | Pechnio
 * > | Pechino
 *         ^^ `transpose` at 4: the swap of `i` and `n`
 *
 * Linear, with no table: at distance 1 the first difference fixes the edit.
 * Compares UTF-16 code units as given (callers fold case first).
 */

/** One edit turning the reference into the word. */
export interface Edit {
  kind: 'substitute' | 'transpose' | 'insert' | 'delete'
  /**
   * Offset in the reference: the letter changed or dropped, the first of the
   * two swapped, or where the word's extra letter goes (`reference.length`
   * for one added at the end).
   */
  index: number
}

/**
 * @param word The word as written.
 * @param reference The word it may be a misspelling of.
 * @returns The edit, or `undefined`.
 */
export function singleEdit(word: string, reference: string): Edit | undefined {
  const difference = word.length - reference.length
  if (difference > 1 || difference < -1) return undefined
  let index = 0
  while (index < word.length && index < reference.length && word.charCodeAt(index) === reference.charCodeAt(index)) index++
  if (difference === 0) {
    if (index === word.length) return undefined
    if (word.slice(index + 1) === reference.slice(index + 1)) return {kind: 'substitute', index}
    const swapped = word[index + 1] === reference[index] && word[index] === reference[index + 1]
    return swapped && word.slice(index + 2) === reference.slice(index + 2) ? {kind: 'transpose', index} : undefined
  }

  // One letter more in the word: the reference resumes one letter later in it.
  if (difference === 1) return word.slice(index + 1) === reference.slice(index) ? {kind: 'insert', index} : undefined
  return word.slice(index) === reference.slice(index + 1) ? {kind: 'delete', index} : undefined
}
