/**
 * Read an XLIFF 1.2 document (or 1.1) into the same value `fromXliff` gives
 * for XLIFF 2. Takes: the document as a string (already decoded; a BOM is
 * allowed), options. Returns: `{value, messages}`, as `fromXliff` does.
 *
 * Only for callers that must refuse XLIFF 2: `fromXliff` already reads a 1.2
 * root this way. The mapping is described in `xliff12-reader.ts` (elements)
 * and `xliff12-parts.ts` (segments and targets); security and limits are the
 * shared XML driver's (DOCTYPE refused before it is read).
 */
import {readXliff, type FromXliffResult, type Options} from './read-xliff.ts'

/**
 * Read an XLIFF 1.2 document.
 *
 * Never throws on bad input: everything wrong becomes a diagnostic
 * (`source: 'xliff'`, `severity: 'error'`); a root that is not XLIFF 1.2 is
 * `xliff-version`.
 *
 * @param xml
 *   The document as a string (a leading BOM is ignored).
 * @param options
 *   Configuration (optional), as for `fromXliff`.
 * @returns
 *   The value (`undefined` on document-level errors) and diagnostics.
 */
export function fromXliff12(xml: string, options?: Options | null): FromXliffResult {
  return readXliff(xml, options, '1.2')
}
