/**
 * The plain text of a segment or a translation. Takes: source or target
 * tokens. Returns: their text values joined, each code one U+FFFC, so term
 * matching never crosses markup and `TermLock` offsets index it.
 */
import type {SegmentToken, TargetToken, Token} from '../../types.ts'

/** U+FFFC: stands for one inline code in plain text. */
export const codeCharacter = '\uFFFC'

/**
 * @param tokens Segment, block or target tokens.
 * @returns Text with one U+FFFC per code token.
 */
export function textOfTokens(tokens: ReadonlyArray<SegmentToken | TargetToken | Token>): string {
  let result = ''
  for (const token of tokens) result += token.type === 'text' ? token.value : codeCharacter
  return result
}
