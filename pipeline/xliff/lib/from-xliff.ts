/**
 * Read an XLIFF 2.0, 2.1 or 2.2 document strictly, checking the processing
 * requirements its schema cannot. Takes: the document as a string (already
 * decoded; a BOM is allowed), options. Returns: `{value, messages}`: the
 * document as a plain value, or `undefined` when the document as a whole
 * cannot be trusted, and diagnostics. Units with errors are left out of the
 * value and reported with their `unitId`, so the other units still import.
 *
 * Security: any DOCTYPE is refused before it is read, so no entity other than
 * the five predefined ones and character references is ever expanded (no
 * XXE, no billion laughs, no quadratic blowup); input size, nesting depth and
 * the length of any one text are limited, and refused early.
 *
 * This module only checks options and wires two layers together: the XML
 * driver (`xml-driver.ts`, which knows nothing of XLIFF and can serve an
 * XLIFF 1.2 reader too) and the XLIFF 2 reader (`xliff2-reader.ts`), which
 * receives namespace-resolved elements and text.
 */

import type {Diagnostic} from '../../types.ts'
import {Reporter} from './reporter.ts'
import {readXml, type XmlLimits} from './xml-driver.ts'
import {Xliff2Reader} from './xliff2-reader.ts'
import type {XliffDocument} from './xliff-model.ts'

/** Configuration for {@link fromXliff}. */
export interface Options {
  /** Path of the document, copied into every diagnostic. */
  file?: string | null | undefined
  /** Largest input accepted, in UTF-8 bytes; larger input is refused before parsing (`xliff-too-large`). Default: 50 MiB. */
  maxBytes?: number | null | undefined
  /** Deepest element nesting accepted (`xliff-too-deep`). Default: 256. */
  maxDepth?: number | null | undefined
  /** Longest single text, attribute value, comment or start tag accepted, and longest merged text of one inline run, in UTF-16 code units (`xliff-text-too-long`). Default: 10 MiB. */
  maxTextLength?: number | null | undefined
}

/** What {@link fromXliff} returns. */
export interface FromXliffResult {
  /** The document, or `undefined` if an error outside any unit was found. */
  value: XliffDocument | undefined
  /** Diagnostics, in the order found. */
  messages: Diagnostic[]
}

const emptyOptions: Options = {}
const mebibyte = 1024 * 1024

/**
 * Read an XLIFF 2.x document.
 *
 * Never throws on bad input: malformed XML, a DOCTYPE, a wrong root or
 * version, oversized input and broken processing requirements all become
 * diagnostics (`source: 'xliff'`, `severity: 'error'`). When reading has to
 * stop (malformed XML, DOCTYPE, version, a limit), that one diagnostic is
 * returned alone.
 *
 * @param xml
 *   The document as a string (a leading BOM is ignored).
 * @param options
 *   Configuration (optional).
 * @returns
 *   The value (`undefined` on document-level errors) and diagnostics.
 */
export function fromXliff(xml: string, options?: Options | null): FromXliffResult {
  if (typeof xml !== 'string') {
    throw new TypeError('Cannot read XLIFF from `' + typeof xml + '`, expected a string')
  }

  const settings = options || emptyOptions
  const limits: XmlLimits = {
    maxBytes: checkLimit(settings.maxBytes, 'maxBytes', 50 * mebibyte),
    maxDepth: checkLimit(settings.maxDepth, 'maxDepth', 256),
    maxTextLength: checkLimit(settings.maxTextLength, 'maxTextLength', 10 * mebibyte)
  }
  const file = settings.file ?? undefined
  if (file !== undefined && typeof file !== 'string') {
    throw new TypeError('Cannot use `' + String(file) + '` for `options.file`, expected a string')
  }

  const report = new Reporter(xml, file)
  const reader = new Xliff2Reader(report, limits)
  const fatal = readXml(xml, reader, limits, report)

  // Reading stopped: report that alone. What the reader found before is
  // noise next to it (saxes even closes open elements before it fails).
  if (fatal) return {value: undefined, messages: [fatal]}

  return {value: reader.finish(), messages: report.messages}
}

/**
 * Validate a numeric limit option.
 *
 * @param value
 *   Value given.
 * @param name
 *   Option name.
 * @param fallback
 *   Default.
 * @returns
 *   The limit.
 */
function checkLimit(value: number | null | undefined, name: string, fallback: number): number {
  if (value === null || value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new TypeError('Cannot use `' + String(value) + '` for `options.' + name + '`, expected a positive integer')
  }

  return value
}
