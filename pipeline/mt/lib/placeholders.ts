/**
 * The placeholders a protected segment sends to an engine, both ways.
 * Takes: a slot number (and, for a word, the text it stands for), or a
 * placeholder's digits or letters. Returns: the placeholder, or its slot
 * number. `protect` writes them and `restore` reads them back; the
 * alphabet and the patterns that find them are written only here.
 *
 * ```text
 * slot 12, an inline code        ⟦¹²⟧
 * slot 12, a term `NATO`         Nqxbcq   (first letter, `qx`, 1 → b, 2 → c, `q`)
 * ```
 */

/** Superscript digits: slot `n` of a code is `⟦ⁿ⟧`. */
const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹'
/** Letters for the digits of a word placeholder's slot (`a` = 0 … `j` = 9). */
const slotLetters = 'abcdefghij'

/** A code placeholder, capturing its superscript digits. */
export const codePattern = '⟦([⁰¹²³⁴⁵⁶⁷⁸⁹]+)⟧'
/** The body of a word placeholder after its first letter. */
export const wordBody = 'qx[a-j]+q'
/** The same, capturing its slot letters. */
export const wordPattern = 'qx([a-j]+)q'
/** What is left of a placeholder an engine damaged: a bracket, a superscript digit, or a word placeholder's body. */
export const damagedPattern = `[⟦⟧⁰¹²³⁴⁵⁶⁷⁸⁹]|${wordBody}`

/**
 * @param index Slot number.
 * @returns The code placeholder (`⟦¹²⟧`).
 */
export function codePlaceholder(index: number): string {
  return '⟦' + [...String(index)].map((digit) => superscripts[Number(digit)]).join('') + '⟧'
}

/**
 * @param index Slot number.
 * @param text What it stands for: its first Latin letter (accents dropped) leads the placeholder, else `X`.
 * @returns The word placeholder (`Nqxbcq`).
 */
export function wordPlaceholder(index: number, text: string): string {
  const first = text.normalize('NFD').replace(/\p{M}/gu, '').match(/[A-Za-z]/)?.[0] ?? 'X'
  return first + 'qx' + [...String(index)].map((digit) => slotLetters[Number(digit)]).join('') + 'q'
}

/**
 * @param digits A code placeholder's superscript digits (`¹²`).
 * @returns Its slot number (12).
 */
export function codeSlot(digits: string): number {
  return Number([...digits].map((digit) => superscripts.indexOf(digit)).join(''))
}

/**
 * @param letters A word placeholder's slot letters (`bc`).
 * @returns Its slot number (12).
 */
export function wordSlot(letters: string): number {
  return Number([...letters].map((letter) => slotLetters.indexOf(letter)).join(''))
}
