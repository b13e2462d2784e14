/**
 * Read an XLIFF document of any version babele knows: 2.0, 2.1 and 2.2
 * strictly, checking the processing requirements their schema cannot, and
 * 1.2 (or 1.1, root in its namespace) into the same value, as `fromXliff12`
 * does. Takes: the document as a string (already decoded; a BOM is allowed),
 * options. Returns: `{value, messages}`: the document as a plain value, or
 * `undefined` when the document as a whole cannot be trusted, and
 * diagnostics. Units with errors are left out of the value and reported with
 * their `unitId`, so the other units still import.
 *
 * Security and limits are those of `read-xliff.ts` (any DOCTYPE refused
 * before it is read; size, depth and text length limited), for every version.
 */

import {readXliff, type FromXliffResult, type Options} from './read-xliff.ts'

export type {FromXliffResult, Options} from './read-xliff.ts'

/**
 * Read an XLIFF document: 2.0, 2.1 or 2.2, or 1.2 (root in the 1.2
 * namespace; read as `fromXliff12` reads it).
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
  return readXliff(xml, options, 'any')
}

