/**
 * Split a block's tokens into sentence segments and the whitespace between
 * them. Takes: block tokens and a sentence splitter. Returns: parts that tile
 * the block's range, segment tokens (a paired code cut by a sentence boundary
 * becomes start/end) and the unit's codes.
 *
 * Closing codes and placeholders after a sentence's final punctuation stay in
 * that sentence; opening codes before the next one go to the next one:
 *
 * > | **Fine.** _Poi_ via.
 *            ^^ sentence 1 ends after `**`; `_` opens sentence 2
 */
import type {Block, Ignorable, InlineCode, Range, SegmentToken, Token} from '../../types.ts'

/** Splits plain text into trimmed sentence ranges. */
export type SentenceSplitter = (text: string) => Range[]

/** A segment before it gets its key. */
export interface RawSegment {
  range: Range
  tokens: SegmentToken[]
}

/** Result of {@linkcode segmentBlock}. */
export type RawPart = {type: 'segment'; segment: RawSegment} | {type: 'ignorable'; ignorable: Ignorable}

interface Piece {
  token: Token
  /** Plain-text offsets the piece covers (equal for zero-width codes). */
  from: number
  to: number
}

/**
 * @param block The block.
 * @param split Sentence splitter; `undefined` keeps the block one segment.
 */
export function segmentBlock(block: Block, split: SentenceSplitter | undefined): RawPart[] {
  const pieces: Piece[] = []
  let plain = ''
  for (const token of block.tokens) {
    const from = plain.length
    if (token.type === 'text') plain += token.value
    else if (token.type === 'ph') plain += placeholderText(token.code)
    pieces.push({token, from, to: plain.length})
  }

  let spans = split ? split(plain) : [{start: 0, end: plain.length}]
  spans = spans.filter((span) => span.end > span.start)
  if (spans.length === 0) spans = [{start: 0, end: plain.length}]

  // Regions alternate gap, segment, gap, …, gap; cut text at their edges.
  const edges = [0]
  for (const span of spans) edges.push(span.start, span.end)
  edges.push(plain.length)
  const regions: Piece[][] = Array.from({length: edges.length - 1}, () => [])
  let region = 0
  for (const piece of cut(pieces, edges)) {
    // A zero-width closing code at a gap's end stays in the gap (and moves back below).
    const closing = piece.to === piece.from && piece.token.type === 'close'
    while (region < regions.length - 1) {
      const end = edges[region + 1]!
      if (piece.from < end || (closing && piece.from === end && region % 2 === 0)) break
      region++
    }
    regions[region]!.push(piece)
  }

  // Codes in a gap move to a neighbouring segment: closing ones and
  // placeholders back, the rest forward; whitespace stays ignorable.
  const segments = regions.filter((_, index) => index % 2 === 1)
  const gaps = regions.filter((_, index) => index % 2 === 0)
  gaps.forEach((gap, index) => {
    const before = segments[index - 1]
    const after = segments[index]
    if (!before) {
      // Everything from the first code on moves, whitespace after a code
      // included: an ignorable is written before its segment, so whitespace
      // left behind would come out before the code instead of after it.
      //
      // > | * [ Voce](x)
      //       ^^ `[` and ` ` both open the segment
      const firstCode = gap.findIndex((piece) => piece.token.type !== 'text')
      if (firstCode >= 0) after!.unshift(...gap.splice(firstCode))
      return
    }
    let lastBack = -1
    gap.forEach((piece, position) => {
      if (piece.token.type === 'close' || piece.token.type === 'ph') lastBack = position
    })
    if (lastBack >= 0) {
      before.push(...gap.splice(0, lastBack + 1))
    }
    const firstCode = gap.findIndex((piece) => piece.token.type !== 'text')
    if (firstCode >= 0) {
      const moved = gap.splice(firstCode)
      if (after) after.unshift(...moved)
      else before.push(...moved)
    }
  })

  const parts: RawPart[] = []
  const pushGap = (gap: Piece[]) => {
    if (gap.length === 0) return
    const range = {start: rangeOf(gap[0]!.token).start, end: rangeOf(gap.at(-1)!.token).end}
    parts.push({type: 'ignorable', ignorable: {range, value: gap.map((piece) => (piece.token as {value: string}).value).join('')}})
  }
  pushGap(gaps[0]!)
  for (let index = 0; index < segments.length; index++) {
    const pieces = segments[index]!
    const range = {start: rangeOf(pieces[0]!.token).start, end: rangeOf(pieces.at(-1)!.token).end}
    parts.push({type: 'segment', segment: {range, tokens: segmentTokens(pieces)}})
    pushGap(gaps[index + 1]!)
  }
  return parts
}

/** Collect the codes of a block in order. */
export function blockCodes(block: Block): InlineCode[] {
  const codes: InlineCode[] = []
  for (const token of block.tokens) if (token.type === 'open' || token.type === 'ph') codes.push(token.code)
  return codes
}

function placeholderText(code: InlineCode): string {
  if (code.type === 'break') return ' '
  return code.display !== undefined && code.display.length === 1 ? code.display : '\uFFFC'
}

/** Split text pieces at plain offsets in `edges`. */
function cut(pieces: Piece[], edges: number[]): Piece[] {
  const result: Piece[] = []
  for (const piece of pieces) {
    const token = piece.token
    if (token.type !== 'text' || token.value === '\n' || token.value.length !== token.range.end - token.range.start) {
      result.push(piece)
      continue
    }
    let from = piece.from
    for (const edge of edges) {
      if (edge <= from || edge >= piece.to) continue
      result.push(slicePiece(piece, from, edge))
      from = edge
    }
    result.push(from === piece.from ? piece : slicePiece(piece, from, piece.to))
  }
  return result
}

function slicePiece(piece: Piece, from: number, to: number): Piece {
  const token = piece.token as Extract<Token, {type: 'text'}>
  const offset = token.range.start - piece.from
  return {
    token: {type: 'text', value: token.value.slice(from - piece.from, to - piece.from), range: {start: from + offset, end: to + offset}},
    from,
    to
  }
}

function rangeOf(token: Token): Range {
  if (token.type === 'text') return token.range
  if (token.type === 'close') return token.code.close!
  return token.code.open
}

function segmentTokens(pieces: Piece[]): SegmentToken[] {
  const opened = new Set<string>()
  const closed = new Set<string>()
  for (const {token} of pieces) {
    if (token.type === 'open') opened.add(token.code.id)
    if (token.type === 'close') closed.add(token.code.id)
  }
  return pieces.map(({token}): SegmentToken => {
    if (token.type === 'open') return closed.has(token.code.id) ? token : {type: 'start', code: token.code}
    if (token.type === 'close') return opened.has(token.code.id) ? token : {type: 'end', code: token.code}
    return token
  })
}
