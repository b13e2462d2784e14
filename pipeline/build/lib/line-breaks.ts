/**
 * Place a translation's line breaks on the source's lines. Takes: target
 * tokens and the source tokens they translate (a segment's, or a whole
 * block's). Returns: target items where every line break names the source
 * soft break it is written as (that line's own ending and container prefix),
 * or is gone (written as a space).
 *
 * Soft breaks are wrapping, not content (a repeated sentence wrapped
 * differently has one key and one translation), so each occurrence is wrapped
 * like its own source: a target with as many breaks as the source keeps the
 * translator's breaks, line by line; any other target is re-wrapped at spaces
 * near the source's breaks, in proportion. A translation never has more lines
 * than its source, so no line needs a prefix the source does not have:
 *
 * > | - Testo
 * > |   riga
 *       ^^ break 1 is written `\n  `
 * > |     `codice`
 *         ^^^^ break 2 is written `\n    `
 */
import type {InlineCode, Range, SegmentToken, TargetToken, Token} from '../../types.ts'

/** A target item: text without line breaks, a code, or a line break. */
export type Placed = Exclude<TargetToken, {type: 'text'}> | {type: 'text'; value: string} | {type: 'break'; source: Range}

/** What placement needs to know about the rendered bytes of codes. */
export interface BreakOptions {
  /**
   * Whether a line starting with this code (its rendered bytes) could start
   * a block, so that it must not start a line the source did not start
   * with it.
   */
  opensBlock: (token: Exclude<TargetToken, {type: 'text'}>) => boolean
  /** Whether the code's bytes end a line themselves (a hard break). */
  endsLine: (token: Exclude<TargetToken, {type: 'text'}>) => boolean
}

interface SourceBreak {
  range: Range
  /** Offset in the source's plain text (each placeholder counts one). */
  offset: number
  /** The code side that starts the line after the break, if any. */
  next?: {type: SegmentToken['type']; code: InlineCode}
}

const breakRun = /[^\S\n\r]*(?:\r\n|\r|\n)\s*/g

/**
 * @param target Translation tokens (text may hold `\n`).
 * @param source The source tokens it translates.
 * @param options What rendered codes do at a line start.
 */
export function placeBreaks(target: readonly TargetToken[], source: ReadonlyArray<Token | SegmentToken>, options: BreakOptions): Placed[] {
  const {breaks, length} = sourceBreaks(source)
  const items = splitBreaks(target)
  const count = items.filter((item) => item.type === 'break').length
  let placed = count === breaks.length ? assign(items, breaks) : rewrap(items, breaks, length)
  placed = secure(placed, breaks, options)
  return placed.filter((item) => item.type !== 'text' || item.value !== '')
}

function sourceBreaks(source: ReadonlyArray<Token | SegmentToken>): {breaks: SourceBreak[]; length: number} {
  const breaks: SourceBreak[] = []
  let length = 0
  for (const [index, token] of source.entries()) {
    if (token.type === 'text') {
      if (token.value === '\n') {
        const next = source[index + 1]
        breaks.push({range: token.range, offset: length, ...(next && next.type !== 'text' ? {next: {type: next.type, code: next.code}} : {})})
      }
      length += token.value.length
    } else if (token.type === 'ph') length++
  }
  return {breaks, length}
}

/** Split target text at runs of whitespace holding a line ending. */
function splitBreaks(target: readonly TargetToken[]): Array<Placed | {type: 'break'}> {
  const items: Array<Placed | {type: 'break'}> = []
  for (const token of target) {
    if (token.type !== 'text') {
      items.push(token)
      continue
    }
    let cursor = 0
    for (const match of token.value.matchAll(breakRun)) {
      items.push({type: 'text', value: token.value.slice(cursor, match.index)}, {type: 'break'})
      cursor = match.index + match[0].length
    }
    items.push({type: 'text', value: token.value.slice(cursor)})
  }
  return items
}

/** As many breaks as the source: the n-th target break is written as the n-th source break. */
function assign(items: Array<Placed | {type: 'break'}>, breaks: readonly SourceBreak[]): Placed[] {
  let index = 0
  return items.map((item) => (item.type === 'break' && !('source' in item) ? {type: 'break', source: breaks[index++]!.range} : (item as Placed)))
}

/**
 * Re-wrap: target breaks become spaces, and each source break goes to the
 * space nearest its place in proportion to the text's length.
 */
function rewrap(items: Array<Placed | {type: 'break'}>, breaks: readonly SourceBreak[], sourceLength: number): Placed[] {
  const flat: Placed[] = items.map((item) => (item.type === 'break' && !('source' in item) ? {type: 'text', value: ' '} : (item as Placed)))
  // Plain offsets of every space a break may take: [item index, offset in item, plain offset].
  const spaces: Array<[number, number, number]> = []
  let length = 0
  for (const [index, item] of flat.entries()) {
    if (item.type === 'text') {
      for (let at = 0; at < item.value.length; at++) if (item.value[at] === ' ' || item.value[at] === '\t') spaces.push([index, at, length + at])
      length += item.value.length
    } else if (item.type === 'ph') length++
  }
  const chosen = new Map<number, Map<number, Range>>()
  let from = 0
  for (const one of breaks) {
    const wanted = (one.offset / Math.max(1, sourceLength)) * length
    let best = -1
    for (let candidate = from; candidate < spaces.length; candidate++) {
      if (best === -1 || Math.abs(spaces[candidate]![2] - wanted) < Math.abs(spaces[best]![2] - wanted)) best = candidate
      else break
    }
    if (best === -1) break
    const [item, at] = spaces[best]!
    if (!chosen.has(item)) chosen.set(item, new Map())
    chosen.get(item)!.set(at, one.range)
    from = best + 1
  }
  const result: Placed[] = []
  for (const [index, item] of flat.entries()) {
    const cuts = chosen.get(index)
    if (!cuts || item.type !== 'text') {
      result.push(item)
      continue
    }
    let cursor = 0
    for (const [at, range] of [...cuts].sort(([a], [b]) => a - b)) {
      result.push({type: 'text', value: item.value.slice(cursor, at)}, {type: 'break', source: range})
      cursor = at + 1
    }
    result.push({type: 'text', value: item.value.slice(cursor)})
  }
  return result
}

/**
 * A line must not start with a code that would open a block where the
 * source's line did not start with it, nor be empty: such a break is written
 * as a space (or dropped after a code that ends the line itself).
 */
function secure(items: Placed[], breaks: readonly SourceBreak[], options: BreakOptions): Placed[] {
  const result = [...items]
  for (let index = 0; index < result.length; index++) {
    const item = result[index]!
    if (item.type !== 'break') continue
    const previous = result.slice(0, index).findLast((one) => one.type !== 'text' || one.value !== '')
    if (previous && previous.type !== 'text' && previous.type !== 'break' && options.endsLine(previous)) {
      result[index] = {type: 'text', value: ''}
      continue
    }
    const next = result.slice(index + 1).find((one) => one.type !== 'text' || one.value !== '')
    if (!next || next.type === 'break' || !previous) {
      result[index] = {type: 'text', value: previous && next ? ' ' : ''}
      continue
    }
    if (next.type === 'text') continue
    const same = breaks.find((one) => one.next?.code === next.code && one.next.type === next.type)
    if (same) result[index] = {type: 'break', source: same.range}
    else if (options.opensBlock(next)) result[index] = {type: 'text', value: ' '}
  }
  return result
}
