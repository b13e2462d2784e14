/**
 * The display width of a cell of the text report. Takes: a cell's text, and
 * the same text as printed (with the report's ANSI color codes around parts
 * of it). Returns: the number of terminal columns it takes, as
 * `string-width` counts them (the major vfile-reporter uses: ANSI codes
 * stripped, East Asian wide characters and emoji 2, combining marks and
 * control characters 0), without calling it for the cells that need no
 * Unicode tables.
 *
 * ```
 * 3:9  warning `perche'`: an accent typed as an apostrophe
 * ^^^^ ^^^^^^^ ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ one column per character
 * 1:1  error   Chiave `会议` …
 *                     ^^^^ two columns per character: string-width
 * ```
 */
import stringWidth from 'string-width'

/**
 * Characters that are each one grapheme one column wide in `string-width`:
 * printable ASCII; Latin-1's printable characters but `©` and `®` (which it
 * counts as emoji, two columns), for Italian's accented letters; and the
 * dashes, quotes, bullets and ellipsis of U+2010–U+2027 (`–`, `’`, `“`, `…`).
 * None of them is a control, a combining or joining mark, or the start of an
 * ANSI code, so a text of only these is as wide as it is long, and adding
 * the report's color codes (each a whole CSI sequence, which string-width
 * strips) does not change that. `tests/format.test.ts` checks each one
 * against string-width.
 */
export const narrow = /^[\u0020-\u007E\u00A0-\u00A8\u00AA-\u00AD\u00AF-\u00FF\u2010-\u2027]*$/

/**
 * @param text The cell without color codes.
 * @param printed The cell as printed: `text` with the report's color codes, or `text` itself.
 * @returns Its width in terminal columns.
 */
export function displayWidth(text: string, printed: string): number {
  return narrow.test(text) ? text.length : stringWidth(printed)
}
