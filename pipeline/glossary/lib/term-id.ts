/**
 * Make ids for concepts and terms that a file leaves without one. Takes: the
 * concept id, language and text, and the ids already taken. Returns: an XML
 * name made from that content (`aukus-it-akus`), never from a position, so
 * inserting a term elsewhere changes no other id.
 */

/** Characters an XML name (NCName) may start with, and continue with. */
const xmlName = /^[\p{L}_][\p{L}\p{M}\p{N}._\-\u00B7]*$/u

/**
 * Whether a value can be an XML `ID` (an NCName: no colon, no space, not
 * starting with a digit, `-` or `.`).
 *
 * @param value
 *   Candidate id.
 */
export function isXmlName(value: string): boolean {
  return xmlName.test(value)
}

/**
 * Lowercase letters and digits of a text joined by `-`, accents dropped
 * (`Stati Uniti d'America` → `stati-uniti-d-america`).
 *
 * @param text
 *   Any text.
 * @returns
 *   The slug, or `term` when the text has no letter or digit.
 */
function slug(text: string): string {
  // Most terms are plain ASCII: build those without the regular expressions.
  if (/^[\x20-\x7E]*$/.test(text)) {
    let value = ''
    let dash = false
    for (let index = 0; index < text.length; index++) {
      let code = text.charCodeAt(index)
      if (code >= 65 && code <= 90) code += 32
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
        if (dash && value) value += '-'
        dash = false
        value += String.fromCharCode(code)
      } else dash = true
    }

    return value || 'term'
  }

  const value = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return value || 'term'
}

/**
 * An unused id from a base: the base itself, or the base with `-2`, `-3`, …
 * The id is added to `taken`.
 *
 * @param base
 *   Preferred id.
 * @param taken
 *   Ids in use (changed).
 */
function uniqueId(base: string, taken: Set<string>): string {
  let id = base
  let counter = 1
  while (taken.has(id)) id = base + '-' + ++counter
  taken.add(id)
  return id
}

/**
 * The id of a term that has none: `<concept>-<language>-<slug of text>`.
 *
 * @param conceptId
 *   Id of its concept.
 * @param language
 *   Language tag.
 * @param text
 *   The term.
 * @param taken
 *   Ids in use (changed).
 */
export function termId(conceptId: string, language: string, text: string, taken: Set<string>): string {
  return uniqueId(conceptId + '-' + language.toLowerCase() + '-' + slug(text), taken)
}

/**
 * The id of a concept that has none: `c-<slug of its first term>`.
 *
 * @param firstTerm
 *   The first term of the concept, if any.
 * @param taken
 *   Ids in use (changed).
 */
export function conceptId(firstTerm: string | undefined, taken: Set<string>): string {
  return uniqueId('c-' + slug(firstTerm ?? 'concept'), taken)
}
