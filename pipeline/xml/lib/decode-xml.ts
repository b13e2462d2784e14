/**
 * Decode the bytes of an XML file into a string, as XML says to find its
 * encoding. Takes: the bytes. Returns: the text, or a message when its
 * encoding is unknown or the bytes are not valid in it.
 *
 * The encoding is, in order: a byte order mark (UTF-8, UTF-16 LE or BE);
 * the first bytes of `<?xml` in UTF-16 without a mark; the `encoding` of the
 * XML declaration (any label the WHATWG Encoding Standard knows:
 * `ISO-8859-1`, `windows-1252`, …; `us-ascii` is read as UTF-8, its
 * superset); else UTF-8. Translation memories from older tools are often
 * UTF-16 (the LISA TMX compliance kit is).
 */
import {TextDecoder} from 'node:util'

/** What {@linkcode decodeXml} returns. */
export interface Decoded {
  /** The text (a BOM removed), or `undefined` when it cannot be decoded. */
  value: string | undefined
  /** The encoding used (`utf-8`, `utf-16le`, …). */
  encoding: string
  /** Why it could not be decoded. */
  message?: string
}

/** @param bytes The file as read. */
export function decodeXml(bytes: Uint8Array): Decoded {
  let encoding = 'utf-8'
  let start = 0
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf-16le', 2]
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf-16be', 2]
  else if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) encoding = 'utf-16le'
  else if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) encoding = 'utf-16be'
  else {
    const declaration = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 200)))
    const label = declaration?.[1]?.toLowerCase()
    if (label && label !== 'us-ascii' && label !== 'ascii') encoding = label
  }
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(encoding, {fatal: true, ignoreBOM: true})
  } catch {
    return {value: undefined, encoding, message: `Unknown encoding \`${encoding}\` in the XML declaration`}
  }
  try {
    return {value: decoder.decode(bytes.subarray(start)), encoding: decoder.encoding}
  } catch {
    return {value: undefined, encoding: decoder.encoding, message: `The bytes are not valid ${decoder.encoding}`}
  }
}
