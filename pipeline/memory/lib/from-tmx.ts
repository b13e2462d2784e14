/**
 * Read a TMX translation memory. Takes: a TMX 1.4b document (1.1 to 1.3 are
 * read too) as a string, options. Returns: `{value, messages}`: the header
 * and every good translation unit (`undefined` when the file cannot be read
 * at all), and diagnostics with line, column and rule id.
 *
 * This module checks options and wires two layers together: the XML driver
 * (`pipeline/xml/`: limits, the DOCTYPE rule, saxes) and the TMX reader
 * (`tmx-reader.ts`: structure, codes, model).
 *
 * Security: a DOCTYPE is accepted only as a name and an external identifier
 * (`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`, how many TMX files start), never
 * fetched or read; an internal subset is refused, so no entity other than
 * the predefined ones is ever expanded. Input size, nesting depth and the
 * length of one text are limited.
 */
import type {Diagnostic} from '../../types.ts'
import {readOptions, readXml, Reporter, type ReadOptions, type XmlFormat, type XmlOptions} from '../../xml/index.ts'
import {TmxReader, type TmxDocument} from './tmx-reader.ts'

/**
 * Configuration for {@linkcode fromTmx}. Limits refuse input with
 * `tmx-too-large` (default 256 MiB), `tmx-too-deep` and `tmx-text-too-long`.
 */
export type Options = ReadOptions

/** What {@linkcode fromTmx} returns. */
export interface FromTmxResult {
  /** The document with its good units, or `undefined` when it cannot be read. */
  value: TmxDocument | undefined
  /** Diagnostics (`source: 'memory'`), in the order found. */
  messages: Diagnostic[]
}

const mebibyte = 1024 * 1024

/** How TMX reads XML: a DOCTYPE passes as long as it only names a DTD, never fetched. */
const tmxXml: XmlFormat = {
  doctype: 'external-id-only',
  doctypeMessage:
    'DOCTYPE refused: only a DOCTYPE with an external identifier and no internal subset is accepted, such as `<!DOCTYPE tmx SYSTEM "tmx14.dtd">` (it is never fetched; no entity is declared or expanded)',
  ruleIds: {malformed: 'tmx-malformed', doctype: 'tmx-doctype', tooLarge: 'tmx-too-large', tooDeep: 'tmx-too-deep', textTooLong: 'tmx-text-too-long'}
}

/**
 * Read a TMX document.
 *
 * Never throws on bad input. Rule ids: `tmx-malformed` (not well-formed XML),
 * `tmx-doctype` (a DOCTYPE with an internal subset), `tmx-version` (not
 * `<tmx>`, or a version other than 1.1–1.4), `tmx-too-large`,
 * `tmx-too-deep`, `tmx-text-too-long`, `tmx-too-many-errors` (the file is
 * not read); `tmx-invalid` (against the DTD, or an unpaired code: the `<tu>`
 * it is in is left out, the others are kept; in the header, reported and
 * the units still read; a header without `srclang` stops reading).
 *
 * @param xml The document (a leading BOM is ignored).
 * @param options Configuration (optional).
 */
export function fromTmx(xml: string, options?: Options | null): FromTmxResult {
  if (typeof xml !== 'string') throw new TypeError('Cannot read TMX from `' + typeof xml + '`, expected a string')
  const {file, limits: checked} = readOptions(options, 256 * mebibyte)
  const limits: XmlOptions = {...tmxXml, ...checked}
  const report = new Reporter(xml, file, 'memory')
  const reader = new TmxReader(report)
  const stopped = readXml(xml, reader, limits, report)
  if (stopped) return {value: undefined, messages: [...report.messages, stopped]}
  const value = reader.result()
  if (!value) return {value: undefined, messages: [...report.messages, report.create(0, 'tmx-invalid', 'No `<header>` with a `srclang`: the file has no unit with a known source language')]}
  return {value, messages: report.messages}
}
