/**
 * Read segmentation rules from an SRX document. Takes: SRX 2.0 (or 1.0) XML
 * text, options (file name, limits). Returns: the rules, with every Java
 * regular expression translated to JavaScript, and messages (malformed XML,
 * a refused DOCTYPE, input over a limit, rules that cannot be translated and
 * were skipped).
 *
 * This module checks options and wires two layers together: the XML driver
 * (`pipeline/xml/`: limits, the DOCTYPE rule, saxes) and the SRX reader
 * (`srx-reader.ts`, which translates patterns with `java-regex.ts`).
 */
import type {Diagnostic} from '../../types.ts'
import {readOptions, readXml, Reporter, type ReadOptions, type XmlFormat} from '../../xml/index.ts'
import {SrxReader} from './srx-reader.ts'
import type {SrxRules} from './srx-rules.ts'

/**
 * Options of {@linkcode fromSrx}: the file name copied into messages, and
 * limits that refuse input with `srx-too-large` (default 16 MiB),
 * `srx-too-deep` (256) and `srx-text-too-long` (10 MiB).
 */
export type Options = ReadOptions

const mebibyte = 1024 * 1024

/** How SRX reads XML: no DOCTYPE at all, since SRX needs no DTD. */
const srxXml: XmlFormat = {
  doctype: 'refuse',
  doctypeMessage: 'Refusing an SRX document with a DOCTYPE: entity declarations are never expanded',
  ruleIds: {malformed: 'srx-xml-malformed', doctype: 'srx-doctype', tooLarge: 'srx-too-large', tooDeep: 'srx-too-deep', textTooLong: 'srx-text-too-long'}
}

/**
 * Parse an SRX 2.0 (or 1.0) document into rules. Never expands entities and
 * refuses a DOCTYPE.
 *
 * Never throws on bad input. Rule ids: `srx-xml-malformed`, `srx-doctype`,
 * `srx-not-srx` (the root is not SRX), `srx-too-large`, `srx-too-deep`,
 * `srx-text-too-long` (errors: no rules are returned); `srx-rule-invalid` (a
 * rule whose regular expression cannot be translated or compiled),
 * `srx-languagerule-invalid`, `srx-languagemap-invalid` (warnings: skipped);
 * `srx-maprule-ignored` (info: SRX 1.0 maprules after the first).
 *
 * @param xml SRX document text (a leading BOM is ignored).
 * @param options Where the text came from, and limits.
 * @returns The rules (empty on a fatal error) and messages.
 */
export function fromSrx(xml: string, options?: Options | null): {value: SrxRules; messages: Diagnostic[]} {
  if (typeof xml !== 'string') throw new TypeError(`Cannot read SRX from \`${typeof xml}\`, expected a string`)
  const {file, limits} = readOptions(options, 16 * mebibyte)
  const report = new Reporter(xml, file, 'segment')
  const reader = new SrxReader(report)
  const stopped = readXml(xml, reader, {...srxXml, ...limits}, report)
  if (stopped) return {value: reader.empty(), messages: [...report.messages, stopped]}
  const value = reader.result()
  return {value, messages: report.messages}
}
