/**
 * The columns of babele's term spreadsheet (CSV or TSV). Takes: a header cell
 * (`concept`, `it`, `it_status`). Returns: what the column holds, or nothing
 * for a column babele does not know.
 *
 * One row holds one concept id and at most one term per language; rows with
 * the same concept id add more terms to it (synonyms, variants). Columns:
 *
 * | column | holds |
 * |---|---|
 * | `concept` | concept id (required; an XML name such as `stati-uniti`) |
 * | `subject` | subject field of the concept |
 * | `definition` | definition of the concept |
 * | `note` | notes on the concept, one per line of the cell |
 * | `<lang>` | a term in that language (`it`, `en-GB`) |
 * | `<lang>_status` | `preferred`, `admitted` (the default), `deprecated` or `forbidden` |
 * | `<lang>_pos` | `noun`, `adjective`, `verb`, `adverb` or `other` |
 * | `<lang>_gender` | `masculine`, `feminine`, `neuter` or `other` |
 * | `<lang>_number` | `singular` or `plural` |
 * | `<lang>_type` | `fullForm`, `acronym`, `abbreviation`, `shortForm`, `variant` or `phrase` |
 * | `<lang>_dnt` | `yes` when the term is never translated (also `true`, `1`, `x`) |
 * | `<lang>_note` | notes on the term, one per line of the cell |
 * | `<lang>_definition` | definition of the concept in that language |
 * | `<lang>_id` | term id, when it must not be made from the text |
 *
 * A column name is matched case-insensitively, except for the language tag,
 * which is kept as written. Any other name of two or three letters is a
 * language (`id` is Indonesian).
 */
import {isLanguageTag} from '../../language-tag.ts'

/** Concept-level columns. */
export type ConceptField = 'concept' | 'subject' | 'definition' | 'note'

/** Term-level and language-level fields. */
export type LanguageField = 'term' | 'status' | 'pos' | 'gender' | 'number' | 'type' | 'dnt' | 'note' | 'definition' | 'id'

/** What a column holds. */
export type Column = {kind: 'concept'; field: ConceptField} | {kind: 'language'; language: string; field: LanguageField}

/** Language fields in the order the writer puts them. */
export const languageFields: readonly LanguageField[] = ['term', 'status', 'pos', 'gender', 'number', 'type', 'dnt', 'note', 'definition', 'id']

const conceptFields = new Set<string>(['concept', 'subject', 'definition', 'note'])
const suffixes = new Set<string>(languageFields.filter((field) => field !== 'term'))

/**
 * What a header cell names.
 *
 * @param name
 *   Header cell, trimmed.
 * @returns
 *   The column, or `undefined` for an unknown name.
 */
export function parseColumn(name: string): Column | undefined {
  const lower = name.toLowerCase()
  if (conceptFields.has(lower)) return {kind: 'concept', field: lower as ConceptField}
  const underscore = name.lastIndexOf('_')
  const language = underscore === -1 ? name : name.slice(0, underscore)
  const field = underscore === -1 ? 'term' : lower.slice(underscore + 1)
  if (!isLanguageTag(language)) return undefined
  if (field !== 'term' && !suffixes.has(field)) return undefined
  return {kind: 'language', language, field: field as LanguageField}
}

/**
 * The header cell of a language field.
 *
 * @param language
 *   Language tag.
 * @param field
 *   Field.
 */
export function columnName(language: string, field: LanguageField): string {
  return field === 'term' ? language : language + '_' + field
}
