/**
 * Escape text for XML. Takes: a string. Returns: markup-safe text. Characters
 * XML cannot hold become XLIFF 2 `<cp hex>` elements, carriage returns a
 * character reference (a raw CR would be normalized away by every parser).
 */

import {codeHex, replaceNonXml} from '../../xml/index.ts'

// Anything either escape may change (surrogates, even paired, are looked at closely); most text has none.
const special = /[&<>"\t\n\r\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/

/** Escape element content; forbidden characters become `<cp hex="…"/>`. */
export function escapeContent(text: string): string {
  if (!special.test(text)) return text
  const escaped = text.replace(/[&<>\r]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : '&#13;'))
  return replaceNonXml(escaped, (code) => `<cp hex="${codeHex(code)}"/>`)
}

/** Escape an attribute value (forbidden characters are replaced by U+FFFD). */
export function escapeAttribute(text: string): string {
  if (!special.test(text)) return text
  const escaped = text.replace(/[&<"\t\n\r]/g, (char) => ({'&': '&amp;', '<': '&lt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;'})[char]!)
  return replaceNonXml(escaped, () => '\uFFFD')
}
