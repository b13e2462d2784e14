/**
 * Words and punctuation of plain text, for fuzzy scores and word counts.
 * Takes: text. Returns: its tokens in order, each a word (a number is a
 * word too) or one punctuation character; white space separates and is
 * never a token.
 *
 * The word rule, the same for fuzzy matching and the analysis: a word is a
 * run of letters, combining marks and digits (`\p{L}\p{M}\p{N}`), or a
 * number whose digit groups are joined by `.` or `,` (`2.5`, `1,000`);
 * anything else splits words, so an apostrophe or a hyphen makes two
 * (`un'alleanza`, `30-year`: 2 words each, as CAT tools count elisions).
 *
 * > | un'alleanza tra Russia e Cina, 2.5 volte
 *     ^^ ^^^^^^^^ ^^^ ^^^^^^ ^ ^^^^  ^^^ ^^^^^   8 words (the `'` and `,` are punctuation tokens)
 */

/** A token of plain text. */
export interface TextToken {
  /** The token as written. */
  value: string
  /** A word (letters, marks, digits), not punctuation. */
  word: boolean
  /** A number: a word that starts with a digit and holds only digits and separators. */
  number: boolean
}

/** A word: a number with its separators, else a run of letters, marks and digits. */
const word = String.raw`\p{N}+(?:[.,]\p{N}+)*(?![\p{L}\p{M}\p{N}])|[\p{L}\p{M}\p{N}]+`
/** A word, else one punctuation character (white space and U+FFFC are skipped). */
const pattern = new RegExp(`${word}|[^\\s\\p{L}\\p{M}\\p{N}\\uFFFC]`, 'gu')
/** Words only: a punctuation character never starts a word, so these are the words `pattern` finds, at the same places. */
const words = new RegExp(word, 'gu')
const numeric = /^\p{N}+(?:[.,]\p{N}+)*$/u

/**
 * @param text Plain text (U+FFFC, which stands for a code, separates like white space).
 * @returns Words and punctuation characters, in order.
 */
export function textTokens(text: string): TextToken[] {
  const tokens: TextToken[] = []
  for (const match of text.matchAll(pattern)) {
    const value = match[0]
    const word = /[\p{L}\p{M}\p{N}]/u.test(value)
    tokens.push({value, word, number: word && numeric.test(value)})
  }
  return tokens
}

/**
 * Count words by the rule above.
 *
 * @param text Plain text.
 */
export function wordCount(text: string): number {
  let count = 0
  words.lastIndex = 0
  while (words.exec(text) !== null) count++
  return count
}
