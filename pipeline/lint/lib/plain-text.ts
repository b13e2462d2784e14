/**
 * Read a block as plain text. Takes: a block and the source body. Returns:
 * the text a reader sees, with the source offsets of every character, so a
 * rule can search words and still report (and fix) exact source ranges.
 *
 * Paired codes (emphasis, strong, links, images) take no room, so a word
 * under markup reads whole; escapes and character references read as what
 * they stand for; other placeholders (inline code, HTML, hard breaks) read
 * as U+FFFC, a boundary no word or term crosses:
 *
 * > | sempre di **più'** anche
 * >                   ^^ no room: the plain text reads `più' anche`
 */
import type {Block, Range} from '../../types.ts'

/** A block's plain text. */
export interface PlainText {
  /** The block it reads. */
  block: Block
  /** The text as read: soft line breaks as `\n`, placeholders as U+FFFC. */
  value: string
  /** Source offset (in the body) where each character starts. */
  starts: Int32Array
  /** Source offset (in the body) just past each character. */
  ends: Int32Array
}

/**
 * @param block A block from `markdownBlocks`.
 * @param body The BOM-less source its ranges refer to.
 * @returns The plain text with its offset maps.
 */
export function plainText(block: Block, body: string): PlainText {
  // The pieces first, then the offsets in arrays of their final length.
  const pieces: string[] = []
  const ranges: number[] = []
  let length = 0
  for (const token of block.tokens) {
    let piece: string
    let range: Range
    let exact = false
    if (token.type === 'text') {
      piece = token.value
      range = token.range
      exact = range.end - range.start === piece.length && body.startsWith(piece, range.start)
    } else if (token.type === 'ph') {
      const escape = token.code.subType === 'escape' || token.code.subType === 'entity'
      piece = escape && token.code.display ? token.code.display : '\uFFFC'
      range = token.code.open
    } else continue
    pieces.push(piece)
    ranges.push(range.start, range.end, exact ? 1 : 0)
    length += piece.length
  }

  const starts = new Int32Array(length)
  const ends = new Int32Array(length)
  let at = 0
  for (let index = 0; index < pieces.length; index++) {
    const size = pieces[index]!.length
    const start = ranges[index * 3]!
    const end = ranges[index * 3 + 1]!
    const exact = ranges[index * 3 + 2] === 1
    for (let offset = 0; offset < size; offset++, at++) {
      starts[at] = exact ? start + offset : start
      ends[at] = exact ? start + offset + 1 : end
    }
  }

  return {block, value: pieces.join(''), starts, ends}
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
  const range = {start: plain.starts[start]!, end: plain.ends[end - 1]!}
  return {...range, exact: body.slice(range.start, range.end) === plain.value.slice(start, end)}
}
