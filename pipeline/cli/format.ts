/**
 * Render diagnostics for people. Takes: diagnostics. Returns: text (it never
 * prints), colored only when asked.
 */
import type {Diagnostic, Place} from '../types.ts'

/** Options of {@linkcode formatDiagnostics}. */
export interface FormatOptions {
  /** Use ANSI colors (the caller decides: TTY and no `NO_COLOR`). */
  color?: boolean | null
}

/** One line per diagnostic: `file:line:column  severity  message  rule (unit)`. */
export function formatDiagnostics(messages: readonly Diagnostic[], options?: FormatOptions | null): string {
  const paint = (code: number, text: string) => (options?.color ? `\u001B[${code}m${text}\u001B[39m` : text)
  return messages
    .map((message) => {
      const where = [message.file ?? '', placeText(message.place)].filter((part) => part !== '').join(':')
      const severity = message.severity === 'error' ? paint(31, 'error') : message.severity === 'warning' ? paint(33, 'warning') : paint(34, 'info')
      const unit = message.unitId ? ` (unit ${message.unitId}${message.segmentId ? `, segment ${message.segmentId}` : ''})` : ''
      return `${where || '-'}  ${severity}  ${message.message}  ${message.ruleId}${unit}`
    })
    .join('\n')
}

/**
 * @param place A diagnostic's place.
 * @returns `line:column`, `line:column-line:column` for a range, or `''`.
 */
export function placeText(place: Place | undefined): string {
  if (!place) return ''
  if ('start' in place) return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
  return `${place.line}:${place.column}`
}
