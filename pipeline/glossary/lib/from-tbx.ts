/**
 * Read a TBX termbase. Takes: a TBX v3 (`<tbx>`, ISO 30042:2019, DCA or DCT
 * style) or TBX v2 (`<martif>`) document as a string, options. Returns:
 * `{value, messages}`: the termbase, or `undefined` when the file has errors,
 * and diagnostics with line, column and rule id.
 *
 * This module checks options and wires two layers together: the XML driver
 * (`pipeline/xml/`: limits, the DOCTYPE rule, saxes) and the TBX reader
 * (`tbx-reader.ts`: structure, dialect, model).
 *
 * Security: a DOCTYPE is accepted only as a name and an external identifier
 * (`<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">`, how TBX v2 files
 * start), never fetched or read; an internal subset is refused, so no entity
 * other than the predefined ones is ever expanded. Input size, nesting depth
 * and the length of one text are limited.
 */
import type {Diagnostic} from '../../types.ts'
import {readOptions, readXml, Reporter, type ReadOptions, type XmlFormat, type XmlOptions} from '../../xml/index.ts'
import {TbxReader} from './tbx-reader.ts'
import type {Termbase} from './termbase.ts'

/**
 * Configuration for {@linkcode fromTbx}.
 * Limits refuse input with `tbx-too-large` (default 64 MiB), `tbx-too-deep` and `tbx-text-too-long`.
 */
export type Options = ReadOptions

/** What {@linkcode fromTbx} returns. */
export interface FromTbxResult {
  /** The termbase, or `undefined` if the file has errors. */
  value: Termbase | undefined
  /** Diagnostics (`source: 'glossary'`), in the order found. */
  messages: Diagnostic[]
}

const mebibyte = 1024 * 1024

/** How TBX reads XML: a TBX v2 DOCTYPE passes as long as it only names a DTD, never fetched. */
const tbxXml: XmlFormat = {
  doctype: 'external-id-only',
  doctypeMessage:
    'DOCTYPE refused: only a DOCTYPE with an external identifier and no internal subset is accepted, such as `<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">` (it is never fetched; no entity is declared or expanded)',
  ruleIds: {malformed: 'tbx-malformed', doctype: 'tbx-doctype', tooLarge: 'tbx-too-large', tooDeep: 'tbx-too-deep', textTooLong: 'tbx-text-too-long'}
}

/**
 * Read a TBX document.
 *
 * Never throws on bad input. Rule ids: `tbx-malformed` (not well-formed XML),
 * `tbx-doctype` (a DOCTYPE with an internal subset), `tbx-invalid` (wrong
 * root, structure, attributes, ids, TBX-Basic/TBX-Min data categories),
 * `tbx-too-large`, `tbx-too-deep`, `tbx-text-too-long`,
 * `tbx-too-many-errors` (errors); `tbx-unknown-value`, `tbx-empty-term`,
 * `tbx-forbidden-status` (warnings: the termbase is still returned).
 *
 * @param xml
 *   The document (a leading BOM is ignored).
 * @param options
 *   Configuration (optional).
 * @returns
 *   The termbase (`undefined` on errors) and diagnostics.
 */
export function fromTbx(xml: string, options?: Options | null): FromTbxResult {
  if (typeof xml !== 'string') {
    throw new TypeError('Cannot read TBX from `' + typeof xml + '`, expected a string')
  }

  const {file, limits: checked} = readOptions(options, 64 * mebibyte)
  const limits: XmlOptions = {...tbxXml, ...checked}

  const report = new Reporter(xml, file, 'glossary')
  const reader = new TbxReader(report)
  const stopped = readXml(xml, reader, limits, report)
  if (stopped) return {value: undefined, messages: [...report.messages, stopped]}
  return {value: reader.result(), messages: report.messages}
}

