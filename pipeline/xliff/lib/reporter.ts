/**
 * Place and collect the diagnostics of reading an XML document (any XLIFF
 * version). Takes: the document text, its path. Returns: a reporter that turns
 * offsets into lines and columns, and builds `source: 'xliff'` error
 * diagnostics (optionally kept in `messages`).
 */

import type {Diagnostic} from '../../types.ts'
import {pointAt} from '../../position.ts'

/** A 1-based line and column. */
export interface Point {
  /** Line, 1-based. */
  line: number
  /** Column, 1-based, in UTF-16 code units. */
  column: number
}

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
 * Line starts are found lazily, so reading stays linear.
 */
export class Reporter {
  /** Diagnostics added with {@link Reporter.error}, in the order added. */
  readonly messages: Diagnostic[] = []
  private readonly text: string
  private readonly bomLength: number
  private readonly lineStarts: number[] = [0]
  /** Offsets (BOM-less) below this have had their line ends recorded. */
  private scanned = 0
  /** Next `\n` and `\r` at or after `scanned` (in the text with BOM), `-1` if none. */
  private nextLineFeed = -2
  private nextReturn = -2

  /**
   * @param xml
   *   The document as given (a leading BOM is allowed).
   * @param file
   *   Path of the document, copied into every diagnostic.
   */
  constructor(xml: string, readonly file: string | undefined) {
    this.bomLength = xml.charCodeAt(0) === 0xfe_ff ? 1 : 0
    this.text = xml
  }

  /** Point of an offset into the BOM-less text. */
  point(offset: number): Point {
    const {text, lineStarts, bomLength} = this
    const end = Math.min(offset, text.length - bomLength) + bomLength

    // Line endings: `\n`, `\r\n` and a lone `\r`, as XML normalizes them.
    // Jump between them with `indexOf`, which is much faster than a loop.
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

    return pointAt(lineStarts, offset)
  }

  /** Make an error diagnostic at an offset. */
  create(offset: number, ruleId: string, message: string, extra?: Extra): Diagnostic {
    const diagnostic: Diagnostic = {ruleId, source: 'xliff', severity: 'error', message}
    if (this.file !== undefined) diagnostic.file = this.file
    const point = this.point(offset)
    diagnostic.line = point.line
    diagnostic.column = point.column
    if (extra) {
      if (extra.unitId !== undefined) diagnostic.unitId = extra.unitId
      if (extra.segmentId !== undefined) diagnostic.segmentId = extra.segmentId
      if (extra.actual !== undefined) diagnostic.actual = extra.actual
      if (extra.expected !== undefined) diagnostic.expected = extra.expected
    }

    return diagnostic
  }

  /** Add an error diagnostic at an offset. */
  error(offset: number, ruleId: string, message: string, extra?: Extra): void {
    this.messages.push(this.create(offset, ruleId, message, extra))
  }
}
