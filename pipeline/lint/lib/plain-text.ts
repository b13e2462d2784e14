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
  let value = ''
  const starts: number[] = []
  const ends: number[] = []
  const push = (characters: string, start: number, end: number, exact: boolean): void => {
    for (let index = 0; index < characters.length; index++) {
      value += characters[index]
      starts.push(exact ? start + index : start)
      ends.push(exact ? start + index + 1 : end)
    }
  }

  for (const token of block.tokens) {
    if (token.type === 'text') {
      const {start, end} = token.range
      push(token.value, start, end, body.slice(start, end) === token.value)
    } else if (token.type === 'ph') {
      const {start, end} = token.code.open
      const escape = token.code.subType === 'escape' || token.code.subType === 'entity'
      push(escape && token.code.display ? token.code.display : '\uFFFC', start, end, false)
    }
  }

  return {block, value, starts: Int32Array.from(starts), ends: Int32Array.from(ends)}
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
