/**
 * Offsets to 1-based lines and columns. Takes: sorted line-start offsets and
 * an offset. Returns: its line and column. Shared by every stage that reports
 * a place in a text (Markdown sources, XLIFF files).
 */

/**
 * @param lineStarts Offsets where lines start, ascending, beginning with 0.
 * @param offset A UTF-16 offset.
 */
export function pointAt(lineStarts: readonly number[], offset: number): {line: number; column: number} {
  let low = 0
  let high = lineStarts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (lineStarts[middle]! <= offset) low = middle
    else high = middle - 1
  }
  return {line: low + 1, column: offset - lineStarts[low]! + 1}
}
