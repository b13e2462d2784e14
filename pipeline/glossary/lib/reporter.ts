/**
 * Place and collect the diagnostics of reading a glossary file (TBX, CSV).
 * Takes: the file text, its path. Returns: a reporter that turns offsets into
 * 1-based lines and columns and keeps `source: 'glossary'` diagnostics.
 */
import type {Diagnostic, Severity} from '../../types.ts'
import {pointAt} from '../../position.ts'

/** Extra fields of a diagnostic. */
export interface Extra {
  actual?: string | undefined
  expected?: string | undefined
}

/**
 * Collects diagnostics. Offsets index the text without its BOM; columns count
 * UTF-16 code units. Line starts are found once, on the first diagnostic, so
 * a clean file costs nothing.
 */
export class Reporter {
  /** Diagnostics, in the order added. */
  readonly messages: Diagnostic[] = []
  /** Errors added so far. */
  errors = 0
  private lineStarts: number[] | undefined

  /**
   * @param text
   *   The file as given (a leading BOM is allowed).
   * @param file
   *   Path of the file, copied into every diagnostic.
   */
  constructor(
    private readonly text: string,
    readonly file: string | undefined
  ) {}

  /** Line and column of an offset into the BOM-less text. */
  point(offset: number): {line: number; column: number} {
    if (!this.lineStarts) {
      const bom = this.text.charCodeAt(0) === 0xfe_ff ? 1 : 0
      const starts = [0]
      const text = this.text
      for (let index = bom; index < text.length; index++) {
        const code = text.charCodeAt(index)
        // `\n`, `\r\n` and a lone `\r` end a line, as XML and CSV read them.
        if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) starts.push(index + 1 - bom)
      }

      this.lineStarts = starts
    }

    return pointAt(this.lineStarts, offset)
  }

  /** Make a diagnostic at an offset. */
  create(offset: number, severity: Severity, ruleId: string, message: string, extra?: Extra): Diagnostic {
    const diagnostic: Diagnostic = {ruleId, source: 'glossary', severity, message}
    if (this.file !== undefined) diagnostic.file = this.file
    const point = this.point(offset)
    diagnostic.line = point.line
    diagnostic.column = point.column
    if (extra?.actual !== undefined) diagnostic.actual = extra.actual
    if (extra?.expected !== undefined) diagnostic.expected = extra.expected
    return diagnostic
  }

  /** Add an error at an offset. */
  error(offset: number, ruleId: string, message: string, extra?: Extra): void {
    this.errors++
    this.messages.push(this.create(offset, 'error', ruleId, message, extra))
  }

  /** Add a warning at an offset. */
  warning(offset: number, ruleId: string, message: string, extra?: Extra): void {
    this.messages.push(this.create(offset, 'warning', ruleId, message, extra))
  }
}
