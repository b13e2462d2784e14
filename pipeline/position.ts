/**
 * Offsets to 1-based lines and columns. Takes: sorted line-start offsets and
 * an offset. Returns: its line and column. Shared by every stage that reports
 * a place in a text (Markdown sources, XLIFF files); and the searches of
 * sorted starts and ranges by offset.
 */
import type {Range} from './types.ts'

/**
 * @param lineStarts Offsets where lines start, ascending, beginning with 0.
 * @param offset A UTF-16 offset.
 */
export function pointAt(lineStarts: readonly number[], offset: number): {line: number; column: number} {
  const line = lastAtOrBefore(lineStarts, offset)
  return {line: line + 1, column: offset - lineStarts[line]! + 1}
}

/**
 * Index of the last of the first `count` sorted starts that is at or before
 * `offset` (0 when none is: the first start is where everything begins).
 *
 * @param starts Offsets, ascending.
 * @param offset A UTF-16 offset.
 * @param count How many of the starts to search (default: all).
 */
export function lastAtOrBefore(starts: ArrayLike<number>, offset: number, count = starts.length): number {
  let low = 0
  let high = count - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle]! <= offset) low = middle
    else high = middle - 1
  }
  return low
}

/**
 * Offsets where the lines of `text` start (after `\n`, `\r\n` or a lone `\r`), beginning with 0.
 *
 * @param text A text.
 */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index)
    if (char === 10 || (char === 13 && text.charCodeAt(index + 1) !== 10)) starts.push(index + 1)
  }
  return starts
}

/**
 * Index of the first item whose range ends after `offset`, in items whose
 * ranges are sorted and disjoint (`items.length` when none does).
 *
 * @param items Items in order.
 * @param offset A UTF-16 offset.
 * @param rangeOf The range of an item.
 */
export function firstEndingAfter<T>(items: readonly T[], offset: number, rangeOf: (item: T) => Range): number {
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (rangeOf(items[middle]!).end <= offset) low = middle + 1
    else high = middle
  }
  return low
}
