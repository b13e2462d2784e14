/**
 * Read an XLIFF document of any version with the reader its root element
 * names. Takes: the document as a string (already decoded; a BOM is allowed),
 * options, which versions to accept. Returns: `{value, messages}`. Shared by
 * `fromXliff` and `fromXliff12`, which only choose the versions.
 *
 * Security: any DOCTYPE is refused before it is read, so no entity other than
 * the five predefined ones and character references is ever expanded (no
 * XXE, no billion laughs, no quadratic blowup); input size, nesting depth and
 * the length of any one text are limited, and refused early. The same holds
 * for every version: all of them go through the one XML driver.
 *
 * This module only checks options and wires layers together: the XML driver
 * (`pipeline/xml/`, which knows nothing of XLIFF) and, chosen by the root
 * element's namespace, the XLIFF 2 reader (`xliff2-reader.ts`) or the XLIFF
 * 1.2 reader (`xliff12-reader.ts`), which receive namespace-resolved
 * elements and text. The document is parsed once.
 */

import type {Diagnostic} from '../../types.ts'
import {readOptions, readXml, Reporter, type ReadOptions, type XmlElement, type XmlFormat, type XmlHandler, type XmlOptions} from '../../xml/index.ts'
import {Xliff2Reader} from './xliff2-reader.ts'
import {Xliff12Reader, xliff1Namespaces} from './xliff12-reader.ts'
import type {XliffDocument} from './xliff-model.ts'

/**
 * Configuration for `fromXliff` and `fromXliff12`.
 * Limits refuse input with `xliff-too-large` (default 50 MiB), `xliff-too-deep` and `xliff-text-too-long`.
 */
export type Options = ReadOptions

/** What `fromXliff` and `fromXliff12` return. */
export interface FromXliffResult {
  /** The document, or `undefined` if an error outside any unit was found. */
  value: XliffDocument | undefined
  /** Diagnostics, in the order found. */
  messages: Diagnostic[]
}

const mebibyte = 1024 * 1024

/** How XLIFF reads XML: no DOCTYPE at all, and the rule ids README lists. */
const xliffXml: XmlFormat = {
  doctype: 'refuse',
  doctypeMessage: 'DOCTYPE refused: XLIFF documents must not declare a DTD (no entities other than the predefined ones are expanded)',
  ruleIds: {malformed: 'xml-malformed', doctype: 'xml-doctype', tooLarge: 'xliff-too-large', tooDeep: 'xliff-too-deep', textTooLong: 'xliff-text-too-long'},
  textTooLongMessage: maxTextLength => 'Text of more than ' + maxTextLength + ' characters refused (`maxTextLength`)'
}

/**
 * Read an XLIFF document with the reader its root asks for.
 *
 * @param xml
 *   The document as a string (a leading BOM is ignored).
 * @param options
 *   Configuration (optional).
 * @param versions
 *   `any`: a 1.x root goes to the 1.2 reader, anything else to the XLIFF 2
 *   reader (which refuses what is not XLIFF 2); `1.2`: always the 1.2 reader
 *   (which refuses what is not XLIFF 1.2).
 * @returns
 *   The value (`undefined` on document-level errors) and diagnostics.
 */
export function readXliff(xml: string, options: Options | null | undefined, versions: 'any' | '1.2'): FromXliffResult {
  if (typeof xml !== 'string') {
    throw new TypeError('Cannot read XLIFF from `' + typeof xml + '`, expected a string')
  }

  const {file, limits: checked} = readOptions(options, 50 * mebibyte)
  const limits: XmlOptions = {...xliffXml, ...checked}

  const report = new Reporter(xml, file, 'xliff')
  const reader = new VersionSwitch(report, limits, versions)
  const fatal = readXml(xml, reader, limits, report)

  // Reading stopped: report that alone. What the reader found before is
  // noise next to it (saxes even closes open elements before it fails).
  if (fatal) return {value: undefined, messages: [fatal]}

  return {value: reader.finish(), messages: report.messages}
}

/**
 * Hands the events to the reader of the version the root element names,
 * chosen at the root, so the document is parsed once.
 */
class VersionSwitch implements XmlHandler {
  private reader: Xliff2Reader | Xliff12Reader | undefined

  constructor(
    private readonly report: Reporter,
    private readonly limits: XmlOptions,
    private readonly versions: 'any' | '1.2'
  ) {}

  open(element: XmlElement): void {
    if (!this.reader) {
      const one = this.versions === '1.2' || Object.hasOwn(xliff1Namespaces, element.uri)
      this.reader = one ? new Xliff12Reader(this.report, this.limits) : new Xliff2Reader(this.report, this.limits)
    }

    this.reader.open(element)
  }

  close(element: XmlElement): void {
    this.reader?.close(element)
  }

  text(value: string, offset: number): void {
    this.reader?.text(value, offset)
  }

  finish(): XliffDocument | undefined {
    return this.reader?.finish()
  }
}

