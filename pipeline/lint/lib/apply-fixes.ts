/**
 * Apply the safe fixes of lint findings to a text. Takes: the text the
 * findings were made on (as read, BOM included) and the findings. Returns:
 * the fixed text and the findings whose fix was applied, in text order.
 *
 * Only fixes marked `safe` are applied. Fixes are sorted by offset; one that
 * overlaps a fix already taken is left for a later pass. They are applied
 * from the end, so earlier offsets stay valid, and every other code unit of
 * the text is kept as it was.
 */
import type {Diagnostic} from '../../types.ts'

/** What {@linkcode applyFixes} returns. */
export interface ApplyFixesResult {
  /** The text with the fixes applied. */
  value: string
  /** The findings whose fix was applied, in text order. */
  applied: Diagnostic[]
}

/**
 * @param text The text the findings refer to.
 * @param messages Findings (those without a safe fix are ignored).
 * @returns The fixed text and the findings applied.
 */
export function applyFixes(text: string, messages: readonly Diagnostic[]): ApplyFixesResult {
  if (typeof text !== 'string') throw new TypeError('Cannot apply fixes to `' + typeof text + '`, expected a string')
  const safe = messages.filter((message) => message.fix?.safe === true)
  for (const message of safe) {
    const {start, end, replacement} = message.fix!
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length || typeof replacement !== 'string') {
      throw new TypeError('Cannot apply fix `' + JSON.stringify(message.fix) + '` of `' + message.ruleId + '`, expected 0 <= start <= end <= ' + text.length)
    }
  }

  const sorted = [...safe].sort((a, b) => a.fix!.start - b.fix!.start || a.fix!.end - b.fix!.end)
  const applied: Diagnostic[] = []
  let taken = -1
  for (const message of sorted) {
    const fix = message.fix!
    // Overlapping, or a second insertion at the same place: next pass.
    if (fix.start < taken || (fix.start === taken && applied.length > 0 && fix.start === fix.end)) continue
    applied.push(message)
    taken = fix.end
  }

  let value = text
  for (let index = applied.length - 1; index >= 0; index--) {
    const fix = applied[index]!.fix!
    value = value.slice(0, fix.start) + fix.replacement + value.slice(fix.end)
  }

  return {value, applied}
}
