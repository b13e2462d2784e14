/**
 * Place and collect the diagnostics of reading a text: an XML document (XLIFF
 * of any version, TBX) or a delimited file (CSV). Takes: the text, its path,
 * the stage to name as `source`. Returns: a reporter that turns offsets into
 * 1-based lines and columns, and builds diagnostics (errors and warnings,
 * optionally kept in `messages`).
 */

import {diagnostic} from '../../diagnostic.ts'
import {pointAt} from '../../position.ts'
import type {Diagnostic, Point, Severity} from '../../types.ts'

/** Extra fields of a diagnostic. */
export interface Extra {
  /** Id of the unit the problem is in. */
  unitId?: string | undefined
  /** Id of the segment or ignorable the problem is in. */
  segmentId?: string | undefined
  /** What was found. */
  actual?: string | undefined
  /** What was expected. */
  expected?: string | undefined
}

/**
 * Turns offsets into lines and columns, and collects diagnostics. Offsets
 * index the text without its BOM; columns count UTF-16 code units.
 * Line starts are found lazily, so a clean file costs nothing and reading
 * stays linear.
 */
export class Reporter {
  /** Diagnostics added with {@link Reporter.error} and {@link Reporter.warning}, in the order added. */
  readonly messages: Diagnostic[] = []
  /** Errors added with {@link Reporter.error} so far. */
  errors = 0
  private readonly text: string
  private readonly bomLength: number
  private readonly lineStarts: number[] = [0]
  /** Offsets (BOM-less) below this have had their line ends recorded. */
  private scanned = 0
  /** Next `\n` and `\r` at or after `scanned` (in the text with BOM), `-1` if none. */
  private nextLineFeed = -2
  private nextReturn = -2

  /**
   * @param text
   *   The text as given (a leading BOM is allowed).
   * @param file
   *   Path of the text, copied into every diagnostic.
   * @param source
   *   Stage that reads the text, copied into every diagnostic (`'xliff'`, `'glossary'`).
   */
  constructor(
    text: string,
    readonly file: string | undefined,
    readonly source: string
  ) {
    this.bomLength = text.charCodeAt(0) === 0xfe_ff ? 1 : 0
    this.text = text
  }

  /** Point of an offset into the BOM-less text: line, column, and the offset into the text as given (its BOM counted). */
  point(offset: number): Point {
    const {text, lineStarts, bomLength} = this
    const end = Math.min(offset, text.length - bomLength) + bomLength

    // Line endings: `\n`, `\r\n` and a lone `\r`, as XML normalizes them and
    // CSV reads them. Jump between them with `indexOf`, which is much faster
    // than a loop.
    let from = this.scanned + bomLength
    while (from < end) {
      if (this.nextLineFeed !== -1 && this.nextLineFeed < from) this.nextLineFeed = text.indexOf('\n', from)
      if (this.nextReturn !== -1 && this.nextReturn < from) this.nextReturn = text.indexOf('\r', from)
      const lineFeed = this.nextLineFeed === -1 ? Infinity : this.nextLineFeed
      const carriageReturn = this.nextReturn === -1 ? Infinity : this.nextReturn
      const next = Math.min(lineFeed, carriageReturn)
      if (next >= end) break
      // `\r\n` is one line ending: count it at its `\n`.
      if (next === lineFeed || text.charCodeAt(next + 1) !== 10) lineStarts.push(next + 1 - bomLength)
      from = next + 1
    }

    this.scanned = Math.max(this.scanned, end - bomLength)

    return {...pointAt(lineStarts, offset), offset: offset + bomLength}
  }

  /** Make an error diagnostic at an offset (not added to `messages`). */
  create(offset: number, ruleId: string, message: string, extra?: Extra): Diagnostic {
    return this.make(offset, 'error', ruleId, message, extra)
  }

  /** Add an error diagnostic at an offset; returns it. */
  error(offset: number, ruleId: string, message: string, extra?: Extra): Diagnostic {
    this.errors++
    const made = this.make(offset, 'error', ruleId, message, extra)
    this.messages.push(made)
    return made
  }

  /** Add a warning diagnostic at an offset. */
  warning(offset: number, ruleId: string, message: string, extra?: Extra): void {
    this.messages.push(this.make(offset, 'warning', ruleId, message, extra))
  }

  /** Make a diagnostic of some severity at an offset. */
  private make(offset: number, severity: Severity, ruleId: string, message: string, extra: Extra | undefined): Diagnostic {
    return diagnostic(ruleId, message, {source: this.source, severity, file: this.file, place: this.point(offset), unitId: extra?.unitId, segmentId: extra?.segmentId, actual: extra?.actual, expected: extra?.expected})
  }
}
