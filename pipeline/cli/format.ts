/**
 * Render diagnostics for people. Takes: diagnostics. Returns: text (it never
 * prints), colored only when asked.
 */
import type {Diagnostic} from '../types.ts'

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
      const place = [message.file ?? '', message.line, message.column].filter((part) => part !== undefined && part !== '').join(':')
      const severity = message.severity === 'error' ? paint(31, 'error') : message.severity === 'warning' ? paint(33, 'warning') : paint(34, 'info')
      const unit = message.unitId ? ` (unit ${message.unitId}${message.segmentId ? `, segment ${message.segmentId}` : ''})` : ''
      return `${place || '-'}  ${severity}  ${message.message}  ${message.ruleId}${unit}`
    })
    .join('\n')
}

/** Count diagnostics by severity. */
export function countSeverities(messages: readonly Diagnostic[]): {errors: number; warnings: number} {
  let errors = 0
  let warnings = 0
  for (const message of messages) {
    if (message.severity === 'error') errors++
    else if (message.severity === 'warning') warnings++
  }
  return {errors, warnings}
}
