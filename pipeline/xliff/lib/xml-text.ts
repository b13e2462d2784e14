/**
 * Escape text for XML. Takes: a string. Returns: markup-safe text. Characters
 * XML cannot hold become XLIFF 2 `<cp hex>` elements, carriage returns a
 * character reference (a raw CR would be normalized away by every parser).
 */

// Not allowed in XML 1.0: C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates.
const forbidden = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Escape element content; forbidden characters become `<cp hex="…"/>`. */
export function escapeContent(text: string): string {
  return text
    .replace(/[&<>\r]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : '&#13;'))
    .replace(forbidden, (char) => `<cp hex="${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}"/>`)
}

/** Escape an attribute value (forbidden characters are replaced by U+FFFD). */
export function escapeAttribute(text: string): string {
  return text
    .replace(/[&<"\t\n\r]/g, (char) => ({'&': '&amp;', '<': '&lt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;'})[char]!)
    .replace(forbidden, '\uFFFD')
}
