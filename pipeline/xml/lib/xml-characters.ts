/**
 * Which characters an XML 1.0 document can hold (XML 1.0 §2.2, `Char`):
 * tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF. Takes: a
 * code point or a string. Returns: a verdict, the first character it cannot
 * hold, or the string with each such character replaced.
 *
 * Not YAML's printable set, which also leaves out DEL and the C1 controls
 * (see `markdown/lib/yaml-characters.ts`).
 *
 * ```
 * > | a\u0001b
 *      ^ U+0001: no XML 1.0 document can hold it, not even as `&#1;`
 * ```
 */

// C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates (UTF-16 code units).
const nonXml = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const nonXmlAll = new RegExp(nonXml.source, 'g')

/**
 * Whether XML 1.0 can hold a code point.
 *
 * @param code
 *   Code point.
 * @returns
 *   Whether it is a `Char`.
 */
export function isXmlCharacter(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7_ff) ||
    (code >= 0xe0_00 && code <= 0xff_fd) ||
    (code >= 0x1_00_00 && code <= 0x10_ff_ff)
  )
}

/**
 * The first character of a string that XML 1.0 cannot hold.
 *
 * @param text
 *   Text.
 * @returns
 *   Its UTF-16 code unit (a lone surrogate's own), or `undefined`.
 */
export function nonXmlCharacter(text: string): number | undefined {
  const found = nonXml.exec(text)
  return found ? found[0].charCodeAt(0) : undefined
}

/**
 * Replace every character XML 1.0 cannot hold.
 *
 * @param text
 *   Text.
 * @param replace
 *   What to write for one, given its UTF-16 code unit.
 * @returns
 *   Text an XML document can hold (given `replace` returns such text).
 */
export function replaceNonXml(text: string, replace: (code: number) => string): string {
  return text.replace(nonXmlAll, (character) => replace(character.charCodeAt(0)))
}

/**
 * A code point in hex, as `U+HHHH` and XLIFF's `<cp hex>` write it.
 *
 * @param code
 *   Code point.
 * @returns
 *   At least four upper-case hex digits (`0001`).
 */
export function codeHex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0')
}
