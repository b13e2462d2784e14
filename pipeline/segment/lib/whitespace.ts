/**
 * Whitespace as the segmenter sees it. Takes: a UTF-16 code unit. Returns:
 * whether it is white space (`\s` in JavaScript: ASCII spaces and line
 * ends, no-break spaces, the Unicode space separators, the BOM).
 */

/**
 * @param code A UTF-16 code unit.
 * @returns Whether it is white space.
 */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  if (code < 0x85) return false
  return code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}
