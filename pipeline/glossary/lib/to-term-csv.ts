/**
 * Write a termbase as a term spreadsheet (CSV or TSV). Takes: a termbase,
 * options. Returns: the text, which `fromTermCsv` reads back to the same
 * concepts (a spreadsheet holds no title or source description). Columns
 * (`term-csv-columns.ts`) appear only when some value needs them; the
 * termbase's language comes first.
 */
import {columnName, languageFields, type LanguageField} from './term-csv-columns.ts'
import {termId} from './term-id.ts'
import type {Concept, LanguageSection, Term, Termbase} from './termbase.ts'

/** Configuration for {@linkcode toTermCsv}. */
export interface Options {
  /** Field delimiter, one character: `,` (default) for CSV, `\t` for TSV, `;` where spreadsheets expect it. */
  delimiter?: string | null | undefined
  /** Start with a UTF-8 BOM, which Excel needs to read accents in a CSV file right. Default: `false`. */
  bom?: boolean | null | undefined
}

const emptyOptions: Options = {}

/**
 * Serialize a termbase as a term spreadsheet.
 *
 * @param termbase
 *   Termbase.
 * @param options
 *   Configuration (optional).
 * @returns
 *   CSV or TSV text, rows ending with `\n`.
 */
export function toTermCsv(termbase: Termbase, options?: Options | null): string {
  const settings = options || emptyOptions
  const delimiter = settings.delimiter ?? ','
  if (typeof delimiter !== 'string' || delimiter.length !== 1 || /["\r\n]/.test(delimiter)) {
    throw new TypeError('Cannot use `' + String(delimiter) + '` for `options.delimiter`, expected one character other than `"` or a line break')
  }

  const languages = languagesOf(termbase)
  const explicitIds = needsIds(termbase)
  const conceptColumns = (['subject', 'definition', 'note'] as const).filter((field) =>
    termbase.concepts.some((concept) => (field === 'note' ? concept.notes.length > 0 : (field === 'subject' ? concept.subjectField : concept.definition) !== undefined))
  )
  const columns: Array<{language: string; field: LanguageField}> = []
  for (const language of languages) {
    const sections = sectionsOf(termbase, language)
    const terms = sections.flatMap((section) => section.terms)
    for (const field of languageFields) {
      if (field === 'term' || field === 'status' || (field === 'id' ? explicitIds : has(field, terms, sections))) columns.push({language, field})
    }
  }

  const quote = (value: string): string => (value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim() ? '"' + value.replace(/"/g, '""') + '"' : value)
  const rows: string[] = [['concept', ...conceptColumns, ...columns.map((column) => columnName(column.language, column.field))].map(quote).join(delimiter)]

  for (const concept of termbase.concepts) {
    // Sections of one language split over several `langSec` are merged, as a row has one cell per language.
    const byLanguage = new Map<string, {section: LanguageSection; terms: Term[]}>()
    for (const section of concept.languages) {
      const key = section.language.toLowerCase()
      const entry = byLanguage.get(key)
      if (entry) entry.terms.push(...section.terms)
      else byLanguage.set(key, {section, terms: [...section.terms]})
    }

    const rowCount = Math.max(1, ...[...byLanguage.values()].map((entry) => entry.terms.length))
    for (let row = 0; row < rowCount; row++) {
      const cells = [concept.id]
      for (const field of conceptColumns) cells.push(row === 0 ? conceptCell(concept, field) : '')
      for (const column of columns) {
        const entry = byLanguage.get(column.language.toLowerCase())
        const term = entry?.terms[row]
        if (column.field === 'definition') cells.push(row === 0 ? (entry?.section.definition ?? '') : '')
        else cells.push(term ? termCell(term, column.field) : '')
      }

      rows.push(cells.map(quote).join(delimiter))
    }
  }

  return (settings.bom ? '\uFEFF' : '') + rows.join('\n') + '\n'
}

/** Language tags, the termbase's first, then in order of appearance (one per case-insensitive tag). */
function languagesOf(termbase: Termbase): string[] {
  const result = termbase.language ? [termbase.language] : []
  for (const concept of termbase.concepts) {
    for (const section of concept.languages) {
      if (!result.some((language) => language.toLowerCase() === section.language.toLowerCase())) result.push(section.language)
    }
  }

  return result
}

/** Sections of a language over all concepts. */
function sectionsOf(termbase: Termbase, language: string): LanguageSection[] {
  const key = language.toLowerCase()
  return termbase.concepts.flatMap((concept) => concept.languages.filter((section) => section.language.toLowerCase() === key))
}

/**
 * Whether some term or section has a value for a field.
 *
 * @param field
 *   Field.
 * @param terms
 *   Terms of one language.
 * @param sections
 *   Sections of that language.
 */
function has(field: LanguageField, terms: Term[], sections: LanguageSection[]): boolean {
  if (field === 'definition') return sections.some((section) => section.definition !== undefined)
  return terms.some((term) => termCell(term, field) !== '')
}

/**
 * Whether some term id differs from the one `fromTermCsv` would make, so ids
 * must be written.
 *
 * @param termbase
 *   Termbase.
 */
function needsIds(termbase: Termbase): boolean {
  const taken = new Set(termbase.concepts.map((concept) => concept.id))
  for (const concept of termbase.concepts) {
    for (const section of concept.languages) {
      for (const term of section.terms) {
        if (termId(concept.id, section.language, term.text, taken) !== term.id) return true
      }
    }
  }

  return false
}

/** The cell of a concept-level column. */
function conceptCell(concept: Concept, field: 'subject' | 'definition' | 'note'): string {
  if (field === 'note') return concept.notes.join('\n')
  return (field === 'subject' ? concept.subjectField : concept.definition) ?? ''
}

/** The cell of a term-level column. */
function termCell(term: Term, field: LanguageField): string {
  switch (field) {
    case 'term':
      return term.text
    case 'status':
      return term.status
    case 'pos':
      return term.partOfSpeech ?? ''
    case 'gender':
      return term.gender ?? ''
    case 'number':
      return term.number ?? ''
    case 'type':
      return term.termType ?? ''
    case 'dnt':
      return term.doNotTranslate ? 'yes' : ''
    case 'note':
      return term.notes.join('\n')
    case 'id':
      return term.id
    default:
      return ''
  }
}
