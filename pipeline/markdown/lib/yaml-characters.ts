/**
 * Which characters YAML can hold unescaped (YAML 1.2 §5.1, `c-printable`):
 * tab, LF, CR, U+0020–U+007E, NEL U+0085, U+00A0–U+D7FF, U+E000–U+FFFD and
 * the astral planes. Takes: a string. Returns: a verdict, or the string with
 * each character outside the set written as a `\uHHHH` escape (which only a
 * double-quoted scalar reads).
 *
 * Not XML's set (`xml/lib/xml-characters.ts`): YAML also leaves out DEL and
 * the C1 controls but NEL, and XML allows them.
 *
 * ```
 * > | title: "a\u0085b"
 *               ^ NEL: printable in YAML, so written raw
 * ```
 */

// Outside `c-printable`, as UTF-16 code units (lone surrogates are JSON's to escape).
const nonPrintable = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/
const nonPrintableAll = new RegExp(nonPrintable.source, 'g')

/**
 * @param text Text.
 * @returns Whether YAML can hold it as it is, with no character it must escape.
 */
export function yamlPrintable(text: string): boolean {
  return !nonPrintable.test(text)
}

/**
 * @param text Text, usually a JSON string literal (which has escaped C0 already).
 * @returns The text with every character YAML cannot hold raw written `\uHHHH`.
 */
export function escapeNonPrintable(text: string): string {
  return text.replace(nonPrintableAll, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
