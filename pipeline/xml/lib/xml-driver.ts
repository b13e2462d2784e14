/**
 * Read XML as namespace-resolved events, within limits. Knows nothing of any
 * format, so it serves the XLIFF readers (every version) and the TBX reader
 * alike; a format only says which DOCTYPE it tolerates and how its
 * diagnostics are named and worded. Takes: the document (already decoded; a
 * BOM is allowed), a handler, options (limits and format), a reporter.
 * Returns: the diagnostic that stopped reading, if any; everything else goes
 * to the handler as start tags, end tags and text.
 *
 * Security: a DOCTYPE is looked at before the parser reads any of it. With
 * `doctype: 'refuse'` any DOCTYPE is refused. With `'external-id-only'` one
 * is accepted only when it is nothing but a name and an external identifier,
 * as TBX v2 files start (`<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">`);
 * that DTD is never fetched or read, and an internal subset (`[…]`, where
 * entities are declared) is refused. Either way no entity other than the
 * five predefined ones and character references is ever expanded (no XXE,
 * no billion laughs, no quadratic blowup). Input size, nesting depth and the
 * length of any one text are limited, and refused early.
 */

import {SaxesParser} from 'saxes'
import type {Diagnostic} from '../../types.ts'
import type {Reporter} from './reporter.ts'

/** Limits the driver enforces; they change from call to call. */
export interface XmlLimits {
  /** Largest input, in UTF-8 bytes (rule `ruleIds.tooLarge`). */
  maxBytes: number
  /** Deepest element nesting (rule `ruleIds.tooDeep`). */
  maxDepth: number
  /** Longest single text, attribute value, comment or start tag, in UTF-16 code units (rule `ruleIds.textTooLong`). */
  maxTextLength: number
}

/**
 * Ids of the diagnostics the driver makes. Each format keeps the ids it has
 * published (XLIFF: `xml-malformed`, `xml-doctype`, `xliff-too-large`, …;
 * TBX: `tbx-malformed`, `tbx-doctype`, `tbx-too-large`, …).
 */
export interface XmlRuleIds {
  /** Not well-formed XML. */
  malformed: string
  /** A DOCTYPE refused. */
  doctype: string
  /** Input over `maxBytes`. */
  tooLarge: string
  /** Nesting over `maxDepth`. */
  tooDeep: string
  /** A text, or anything still open after a chunk, over `maxTextLength`. */
  textTooLong: string
}

/** What a format asks of the driver; the same for every call. */
export interface XmlFormat {
  /**
   * Which DOCTYPE passes: `'refuse'`, none; `'external-id-only'`, only one
   * that is a root name plus an optional `SYSTEM` or `PUBLIC` identifier,
   * never fetched.
   */
  doctype: 'refuse' | 'external-id-only'
  /** Message of a refused DOCTYPE, in the format's words (say what is accepted). */
  doctypeMessage: string
  /** Rule ids. */
  ruleIds: XmlRuleIds
  /**
   * Message of one whole text (or a merged run of texts, see
   * {@link textTooLong}) over the limit, given `maxTextLength`. Default: as
   * for anything still open after a chunk, ``A single text, comment or tag
   * longer than N characters refused (`maxTextLength`)``.
   */
  textTooLongMessage?: ((maxTextLength: number) => string) | undefined
}

/** Configuration of {@link readXml}: the limits of this call and the format. */
export type Options = XmlLimits & XmlFormat

/** An attribute, namespace resolved. */
export interface XmlAttribute {
  /** Namespace URI (`''` for none). */
  uri: string
  /** Local name. */
  local: string
  /** Qualified name as written. */
  name: string
  /** Value, references expanded. */
  value: string
}

/** A start or end tag, namespace resolved; namespace declarations are not attributes. */
export interface XmlElement {
  /** Namespace URI (`''` for none). */
  uri: string
  /** Local name. */
  local: string
  /** Qualified name as written. */
  name: string
  /** Attributes in document order (none on an end tag: one shared empty array, not to be changed). */
  attributes: XmlAttribute[]
  /** Offset in the BOM-less text: of its `<` when opened, just past its end tag when closed. */
  offset: number
}

/** What the driver reports to a format reader. Throw {@link Abort} to stop. */
export interface XmlHandler {
  /** A start tag (an empty-element tag gives `open` then `close`). */
  open(element: XmlElement): void
  /** An end tag. */
  close(element: XmlElement): void
  /** Character data (text or CDATA, line ends normalized, references expanded). */
  text(value: string, offset: number): void
}

/** Thrown by a handler (or the driver) to stop reading with a diagnostic. */
export class Abort extends Error {
  /**
   * @param diagnostic
   *   Why reading stopped; {@link readXml} returns it.
   */
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message)
  }
}

/** The namespace of `xml:` attributes (`xml:lang`, `xml:space`), bound by Namespaces in XML §3. */
export const xmlNamespace = 'http://www.w3.org/XML/1998/namespace'
const xmlnsNamespace = 'http://www.w3.org/2000/xmlns/'
const noAttributes: XmlAttribute[] = []
const chunkSize = 256 * 1024

/**
 * A DOCTYPE that is only a root name and an external identifier, without an
 * internal subset.
 */
const externalDoctype =
  /^<!DOCTYPE[ \t\r\n]+[^ \t\r\n>[]+(?:[ \t\r\n]+(?:SYSTEM[ \t\r\n]+(?:"[^"]*"|'[^']*')|PUBLIC[ \t\r\n]+(?:"[^"]*"|'[^']*')[ \t\r\n]+(?:"[^"]*"|'[^']*')))?[ \t\r\n]*>/

/**
 * Read XML, calling the handler for each start tag, end tag and text.
 *
 * @param xml
 *   Document.
 * @param handler
 *   Format reader.
 * @param options
 *   Limits of this call, and the format's DOCTYPE rule, rule ids and wording.
 * @param report
 *   Positions and diagnostics.
 * @returns
 *   The diagnostic that stopped reading, if any.
 */
export function readXml(xml: string, handler: XmlHandler, options: Options, report: Reporter): Diagnostic | undefined {
  const {maxBytes, maxDepth, maxTextLength, ruleIds} = options
  const bytes = utf8Length(xml, maxBytes)
  if (bytes > maxBytes) {
    return report.create(0, ruleIds.tooLarge, 'Input of more than ' + maxBytes + ' bytes refused before parsing (`maxBytes`)', {
      actual: '> ' + maxBytes,
      expected: '<= ' + maxBytes
    })
  }

  const text = xml.charCodeAt(0) === 0xfe_ff ? xml.slice(1) : xml

  // Look at a DOCTYPE before the parser reads any of it: a DTD, and above all
  // its internal subset, is where entities are declared, and no format here
  // needs one.
  const doctype = findDoctype(text)
  if (doctype !== -1 && (options.doctype === 'refuse' || !externalDoctype.test(text.slice(doctype, doctype + 4096)))) {
    return report.create(doctype, ruleIds.doctype, options.doctypeMessage)
  }

  const parser = new SaxesParser({xmlns: true, position: true})
  // Namespace names are cut from the document too (its `xmlns` attributes): each copied once (`unpinned`).
  const uris = new Map<string, string>()
  const uriOf = (uri: string): string => {
    let own = uris.get(uri)
    if (own === undefined) uris.set(uri, (own = unpinned(uri)))
    return own
  }
  let depth = 0
  let tagStart = 0
  let lastEvent = 0

  // Exactly six handlers: saxes stores each as a property of its parser, and
  // a seventh tips that object into V8 dictionary mode, which makes reading
  // four times slower. So no `doctype` handler (`findDoctype` refused any
  // DOCTYPE but a bare external identifier already, and saxes expands no
  // entity a DTD declares), and no `comment`, `processinginstruction` or
  // `attribute` handlers (comments and processing instructions are not
  // content; the length guard below counts them with the text around them).
  parser.on('error', function (error) {
    throw new Abort(report.create(parser.position, ruleIds.malformed, 'Malformed XML: ' + error.message.replace(/^\d+:\d+: /, '')))
  })
  parser.on('opentagstart', function (tag) {
    // > | <unit id="1">
    //           ^ parser here: after the name and the character ending it
    tagStart = parser.position - tag.name.length - 2
    lastEvent = parser.position
    depth++
    if (depth > maxDepth) {
      throw new Abort(report.create(tagStart, ruleIds.tooDeep, 'Elements nested more than ' + maxDepth + ' deep refused (`maxDepth`)'))
    }
  })
  parser.on('opentag', function (tag) {
    lastEvent = parser.position
    const attributes: XmlAttribute[] = []
    for (const key in tag.attributes) {
      const attribute = tag.attributes[key]!
      if (attribute.uri === xmlnsNamespace || attribute.name === 'xmlns') continue
      attributes.push({uri: uriOf(attribute.uri), local: attribute.local, name: attribute.name, value: unpinned(attribute.value)})
    }

    handler.open({uri: uriOf(tag.uri), local: tag.local, name: tag.name, attributes, offset: tagStart})
  })
  parser.on('closetag', function (tag) {
    lastEvent = parser.position
    depth--
    handler.close({uri: uriOf(tag.uri), local: tag.local, name: tag.name, attributes: noAttributes, offset: lastEvent})
  })
  parser.on('text', function (value) {
    const start = lastEvent
    lastEvent = parser.position
    if (value.length > maxTextLength) throw textTooLong(report, start, options)
    handler.text(unpinned(value), start)
  })
  parser.on('cdata', function (value) {
    const start = lastEvent
    lastEvent = parser.position
    if (value.length > maxTextLength) throw textTooLong(report, start, options)
    handler.text(unpinned(value), start)
  })

  try {
    for (let start = 0; start < text.length; start += chunkSize) {
      parser.write(text.slice(start, start + chunkSize))
      // A text, comment, start tag or attribute value that is still open
      // after a whole chunk: refuse it now rather than buffer it whole.
      if (parser.position - lastEvent > maxTextLength) {
        throw new Abort(report.create(lastEvent, ruleIds.textTooLong, stillOpenMessage(maxTextLength)))
      }
    }

    parser.close()
  } catch (error) {
    if (error instanceof Abort) return error.diagnostic
    throw error
  }

  return undefined
}

/**
 * Make the abort for a text, or a merged run of texts, longer than the limit.
 * Readers that merge texts (XLIFF inline runs) throw it too.
 *
 * @param report
 *   Positions and diagnostics.
 * @param offset
 *   Where the text starts.
 * @param options
 *   Limits and format.
 * @returns
 *   Abort to throw.
 */
export function textTooLong(report: Reporter, offset: number, options: Options): Abort {
  const message = options.textTooLongMessage ? options.textTooLongMessage(options.maxTextLength) : stillOpenMessage(options.maxTextLength)
  return new Abort(report.create(offset, options.ruleIds.textTooLong, message))
}

/**
 * Message of a text, comment or tag still open past the limit.
 *
 * @param maxTextLength
 *   Limit.
 * @returns
 *   Message.
 */
function stillOpenMessage(maxTextLength: number): string {
  return 'A single text, comment or tag longer than ' + maxTextLength + ' characters refused (`maxTextLength`)'
}

/**
 * Find a DOCTYPE in the prolog, without parsing it.
 *
 * @param text
 *   Document without BOM.
 * @returns
 *   Offset of `<!DOCTYPE`, or `-1`.
 */
function findDoctype(text: string): number {
  let index = 0
  while (true) {
    index = text.indexOf('<', index)
    if (index === -1) return -1
    if (text.startsWith('<!--', index)) {
      const end = text.indexOf('-->', index + 4)
      if (end === -1) return -1
      index = end + 3
    } else if (text.startsWith('<?', index)) {
      const end = text.indexOf('?>', index + 2)
      if (end === -1) return -1
      index = end + 2
    } else {
      // Any case: `<!doctype` is malformed anyway; it is refused all the same
      // (`externalDoctype` wants `<!DOCTYPE`).
      return text.slice(index, index + 9).toUpperCase() === '<!DOCTYPE' ? index : -1
    }
  }
}

/**
 * UTF-8 length of a string, counting no further than just past `limit`.
 *
 * @param value
 *   String.
 * @param limit
 *   Limit.
 * @returns
 *   Byte length, or a number above `limit`.
 */
function utf8Length(value: string, limit: number): number {
  // UTF-8 needs at least one byte per UTF-16 code unit and at most three.
  if (value.length > limit) return value.length
  if (value.length * 3 <= limit) return value.length
  let bytes = 0
  for (let index = 0; index < value.length && bytes <= limit; index++) {
    const code = value.charCodeAt(index)
    if (code < 0x80) bytes += 1
    else if (code < 0x8_00) bytes += 2
    else if (code >= 0xd8_00 && code < 0xdc_00 && index + 1 < value.length) {
      const next = value.charCodeAt(index + 1)
      if (next >= 0xdc_00 && next < 0xe0_00) {
        bytes += 4
        index++
      } else bytes += 3
    } else bytes += 3
  }

  return bytes
}

/**
 * A value the handler may keep, holding none of the document. The parser
 * cuts each text and attribute value out of the document, and V8 keeps a
 * cut of 13 or more characters as a view into the string it was cut from:
 * one target a store keeps, or one concept id a diagnostic keeps, held a
 * whole XLIFF file (importing 2,000 returned files kept all 96 MB of them,
 * twice that as UTF-16). Joined to a character and cut again, the value is
 * copied into a string of its own.
 */
function unpinned(value: string): string {
  return value.length < 13 ? value : (' ' + value).slice(1)
}
