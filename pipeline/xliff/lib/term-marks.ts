/**
 * Place term marks among a segment's tokens. Takes: source tokens and the
 * segment's term locks (offsets into its plain text, `textOfTokens`).
 * Returns: the tokens with text split at each lock's edges and a mark
 * opening and closing around it, for a writer to turn into `<mrk>`.
 *
 * A lock never contains a code (U+FFFC stops term matching), so a mark only
 * ever encloses text and nests inside any paired code around it.
 */
import type {TargetToken, TermLock} from '../../types.ts'

/** A token, or the edge of a term mark (`index` counts the segment's marks from 0). */
export type MarkedToken = TargetToken | {type: 'mark-open'; lock: TermLock; index: number} | {type: 'mark-close'; lock: TermLock}

/**
 * @param tokens Source tokens of a segment.
 * @param locks Its locks, left to right, not overlapping.
 */
export function withTermMarks(tokens: readonly TargetToken[], locks: readonly TermLock[]): MarkedToken[] {
  if (locks.length === 0) return [...tokens]
  const result: MarkedToken[] = []
  let offset = 0
  let next = 0
  let open: TermLock | undefined
  for (const token of tokens) {
    if (token.type !== 'text') {
      if (open) throw new Error(`Term lock ${open.start}–${open.end} (${open.term}) spans a code`)
      result.push(token)
      offset++
      continue
    }

    const end = offset + token.value.length
    let cursor = offset
    while (cursor < end) {
      const edge = open ? open.end : next < locks.length ? locks[next]!.start : Infinity
      const stop = Math.min(Math.max(edge, cursor), end)
      if (stop > cursor) result.push({type: 'text', value: token.value.slice(cursor - offset, stop - offset)})
      cursor = stop
      if (stop !== edge) break
      if (open) {
        result.push({type: 'mark-close', lock: open})
        open = undefined
      } else {
        open = locks[next]!
        result.push({type: 'mark-open', lock: open, index: next})
        next++
      }
    }

    offset = end
  }

  if (open && open.end === offset) result.push({type: 'mark-close', lock: open})
  else if (open || next < locks.length) throw new Error('Term locks run past the end of the segment')
  return result
}
