/**
 * Fold text for search. Takes: text. Returns: it in NFD with combining marks
 * dropped, lowercase, white space runs as one space, trimmed, so `Città`,
 * `citta` and `CITTÀ` are one. The pages' scripts fold what is typed the
 * same way.
 */

/**
 * @param text Any text.
 * @returns The folded text.
 */
export function fold(text: string): string {
  return text.normalize('NFD').replace(marks, '').toLowerCase().replace(spaces, ' ').trim()
}

// Made once (`replace` starts a global expression from the start each time).
const marks = /\p{M}/gu
const spaces = /\s+/g
