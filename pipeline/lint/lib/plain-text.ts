/**
 * Read a block as plain text. Takes: a block. Returns: the text a reader
 * sees; `sourceRange` gives the source range of any part of it, so a rule
 * can search words and still report (and fix) exact source ranges. The
 * range is found from the block's tokens for each finding: most blocks have
 * none, and a map of every character's offsets, made for every block, was
 * most of the cost of reading it.
 *
 * Paired codes (emphasis, strong, links, images) take no room, so a word
 * under markup reads whole; escapes and character references read as what
 * they stand for; other placeholders (inline code, HTML, hard breaks) read
 * as U+FFFC, a boundary no word or term crosses:
 *
 * > | sempre di **più'** anche
 * >                   ^^ no room: the plain text reads `più' anche`
 */
import type {Block, Range, Token} from '../../types.ts'

/** A block's plain text. */
export interface PlainText {
  /** The block it reads. */
  block: Block
  /** The text as read: soft line breaks as `\n`, placeholders as U+FFFC. */
  value: string
}

/**
 * @param block A block from `markdownBlocks`.
 * @returns The plain text.
 */
export function plainText(block: Block): PlainText {
  const pieces: string[] = []
  for (const token of block.tokens) {
    if (token.type === 'text') pieces.push(token.value)
    else if (token.type === 'ph') pieces.push(placeholderPiece(token))
  }

  return {block, value: pieces.join('')}
}

/** What a placeholder reads as: an escape or a character reference as what it stands for, any other code U+FFFC. */
function placeholderPiece(token: Extract<Token, {type: 'ph'}>): string {
  const escape = token.code.subType === 'escape' || token.code.subType === 'entity'
  return escape && token.code.display ? token.code.display : '\uFFFC'
}

/**
 * The source range of plain characters `start` to `end`, and whether the
 * source holds exactly those characters there (no markup or escape inside),
 * which a fix needs.
 *
 * @param plain Plain text.
 * @param start Offset of the first plain character.
 * @param end Offset just past the last one.
 * @param body The BOM-less source.
 */
export function sourceRange(plain: PlainText, start: number, end: number, body: string): Range & {exact: boolean} {
  const range = {start: sourceOffset(plain, start, body, false), end: sourceOffset(plain, end - 1, body, true)}
  return {...range, exact: body.slice(range.start, range.end) === plain.value.slice(start, end)}
}

/**
 * Where the plain character at `index` starts (or ends, with `after`) in the
 * source: inside a text token that the source spells as it is, at the same
 * place; in any other token (a placeholder, an escape, a text token whose
 * source differs), the token's whole source range.
 *
 * @param plain Plain text.
 * @param index Offset of a plain character.
 * @param body The BOM-less source.
 * @param after Whether to give where the character ends instead of where it starts.
 */
function sourceOffset(plain: PlainText, index: number, body: string, after: boolean): number {
  let at = 0
  for (const token of plain.block.tokens) {
    let size: number
    let range: Range
    if (token.type === 'text') {
      size = token.value.length
      range = token.range
    } else if (token.type === 'ph') {
      size = placeholderPiece(token).length
      range = token.code.open
    } else continue
    if (index < at + size) {
      const exact = token.type === 'text' && range.end - range.start === size && body.startsWith(token.value, range.start)
      if (exact) return range.start + index - at + (after ? 1 : 0)
      return after ? range.end : range.start
    }

    at += size
  }

  return Number.NaN
}
