/**
 * Carry the case of a word over to its replacement, and tell whether a
 * place starts a sentence. Takes: strings and offsets. Returns: the
 * replacement in the word's case; whether the offset starts a sentence.
 */

/**
 * Write `replacement` in the case `written` has: all capitals (`PIU'` →
 * `PIÙ`), a first capital (`Perchè` → `Perché`), or as given.
 *
 * @param written The word as written in the text.
 * @param replacement Its replacement, in lowercase or as the termbase writes it.
 */
export function matchCase(written: string, replacement: string): string {
  const letters = written.replace(/[^\p{L}]/gu, '')
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase()
  if (/^\p{Lu}/u.test(letters)) return replacement.charAt(0).toUpperCase() + replacement.slice(1)
  return replacement
}

/**
 * Whether a word at `offset` of a block's plain text starts a sentence: only
 * white space, opening quotes, brackets and placeholders stand between it
 * and the block's start or a `.`, `!`, `?` or `…`.
 *
 * > | Bene. «E' vero»
 * >         ^ starts a sentence
 *
 * @param value Plain text of a block.
 * @param offset Offset of the word.
 */
export function startsSentence(value: string, offset: number): boolean {
  let index = offset - 1
  while (index >= 0 && /[\s"'«“‘([\uFFFC*_-]/u.test(value[index]!)) index--
  return index < 0 || /[.!?…]/u.test(value[index]!)
}
