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

/** A number with its separators (not followed by a letter, mark or digit: `12a` is a word), else a run of letters, marks and digits. */
const number = String.raw`\p{N}+(?:[.,]\p{N}+)*(?![\p{L}\p{M}\p{N}])`
const letters = String.raw`[\p{L}\p{M}\p{N}]+`
/**
 * A number (group 1), a word (group 2), else one punctuation character
 * (white space and U+FFFC are skipped). A number is what group 1 finds: a
 * run of digits that group 1 leaves is followed by a letter or mark, which
 * group 2 takes with it.
 */
const pattern = new RegExp(`(${number})|(${letters})|[^\\s\\p{L}\\p{M}\\p{N}\\uFFFC]`, 'gu')
/** Words only: a punctuation character never starts a word, so these are the words `pattern` finds, at the same places. */
const words = new RegExp(`${number}|${letters}`, 'gu')

/**
 * @param text Plain text (U+FFFC, which stands for a code, separates like white space).
 * @returns Words and punctuation characters, in order.
 */
export function textTokens(text: string): TextToken[] {
  const tokens: TextToken[] = []
  pattern.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = pattern.exec(text)) !== null) {
    const number = match[1] !== undefined
    tokens.push({value: match[0], word: number || match[2] !== undefined, number})
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
