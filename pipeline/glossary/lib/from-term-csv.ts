/**
 * Read a term spreadsheet saved as CSV or TSV. Takes: the text (a UTF-8 BOM
 * is allowed), options. Returns: `{value, messages}`: the termbase, or
 * `undefined` when the file has errors, and diagnostics with the line and
 * column of each bad cell. The columns are described in
 * `term-csv-columns.ts`.
 *
 * A spreadsheet has no place for a termbase title or source description; the
 * termbase's language is the first language column.
 */
import type {Diagnostic} from '../../types.ts'
import {codeHex, nonXmlCharacter, Reporter} from '../../xml/index.ts'
import {detectDelimiter, parseDelimited, type Field, type Row} from './parse-delimited.ts'
import {parseColumn, type Column} from './term-csv-columns.ts'
import {isXmlName, termId} from './term-id.ts'
import {readGender, readNumber, readPartOfSpeech, readStatus, readTermType} from './tbx-values.ts'
import type {Concept, LanguageSection, Term, Termbase} from './termbase.ts'

/** Configuration for {@linkcode fromTermCsv}. */
export interface Options {
  /** Field delimiter, one character (`,`, `\t`, `;`). Default: detected from the header line (tab, else semicolon without comma, else comma). */
  delimiter?: string | null | undefined
  /** Path of the file, copied into every diagnostic. */
  file?: string | null | undefined
}

/** What {@linkcode fromTermCsv} returns. */
export interface FromTermCsvResult {
  /** The termbase, or `undefined` if the file has errors. */
  value: Termbase | undefined
  /** Diagnostics (`source: 'glossary'`), in the order found. */
  messages: Diagnostic[]
}

/** Report an error at a cell or row. */
type Fail = (at: {offset: number}, message: string, actual?: string) => void

/** A concept being read, with where it first appears. */
interface Draft {
  concept: Concept
  offset: number
  /** Terms whose id is to be made from their text, with their language. */
  pending: Array<{term: Term; language: string}>
  /** Whether a row of it had an error (then a missing term is not reported again). */
  failed: boolean
}

const emptyOptions: Options = {}
const maxErrors = 100
const yes = new Set(['yes', 'y', 'true', '1', 'x'])
const no = new Set(['no', 'n', 'false', '0', ''])

/**
 * Read a term spreadsheet.
 *
 * Rule ids: `csv-malformed` (a broken quote), `csv-invalid` (a bad header,
 * concept id, value or row), `csv-too-many-errors` (errors);
 * `csv-unknown-column` (a warning: the column is left out).
 *
 * @param text
 *   CSV or TSV text.
 * @param options
 *   Configuration (optional).
 * @returns
 *   The termbase (`undefined` on errors) and diagnostics.
 */
export function fromTermCsv(text: string, options?: Options | null): FromTermCsvResult {
  if (typeof text !== 'string') throw new TypeError('Cannot read a term spreadsheet from `' + typeof text + '`, expected a string')
  const settings = options || emptyOptions
  const file = settings.file ?? undefined
  if (file !== undefined && typeof file !== 'string') throw new TypeError('Cannot use `' + String(file) + '` for `options.file`, expected a string')
  const body = text.charCodeAt(0) === 0xfe_ff ? text.slice(1) : text
  const delimiter = settings.delimiter ?? detectDelimiter(body)
  if (typeof delimiter !== 'string' || delimiter.length !== 1 || /["\r\n]/.test(delimiter)) {
    throw new TypeError('Cannot use `' + String(delimiter) + '` for `options.delimiter`, expected one character other than `"` or a line break')
  }

  const report = new Reporter(text, file, 'glossary')
  const rows = parseDelimited(body, delimiter, report)
  if (!rows) return {value: undefined, messages: report.messages}
  try {
    const value = read(rows, report)
    return {value: report.errors > 0 ? undefined : value, messages: report.messages}
  } catch (error) {
    if (error instanceof TooManyErrors) return {value: undefined, messages: report.messages}
    throw error
  }
}

/** Thrown to stop after too many errors. */
class TooManyErrors extends Error {}

/**
 * Build the termbase from the rows.
 *
 * @param rows
 *   Rows, the first being the header.
 * @param report
 *   Diagnostics.
 */
function read(rows: Row[], report: Reporter): Termbase | undefined {
  const fail: Fail = (field, message, actual) => {
    report.error(field.offset, 'csv-invalid', message, actual === undefined ? undefined : {actual})
    if (report.errors >= maxErrors) {
      report.messages.push(report.create(field.offset, 'csv-too-many-errors', 'Reading stopped after ' + maxErrors + ' errors'))
      throw new TooManyErrors()
    }
  }

  const header = rows[0]
  if (!header) {
    report.error(0, 'csv-invalid', 'Empty file: expected a header row such as `concept,it,it_status,en,en_status`')
    return undefined
  }

  const columns = readHeader(header, report, fail)
  if (!columns) return undefined
  const languages: string[] = []
  for (const column of columns) {
    if (column?.kind === 'language' && !languages.some((language) => language.toLowerCase() === column.language.toLowerCase())) languages.push(column.language)
  }

  const drafts = new Map<string, Draft>()
  const taken = new Set<string>()

  for (const row of rows.slice(1)) {
    const cells = new Map<Column, Field>()
    let conceptCell: Field | undefined
    for (const [index, field] of row.fields.entries()) {
      const column = columns[index]
      if (index >= columns.length) {
        if (field.value.trim() !== '') fail(field, 'Cell beyond the last column of the header', field.value.trim())
        continue
      }

      if (!column) continue
      if (column.kind === 'concept' && column.field === 'concept') conceptCell = field
      else cells.set(column, field)
    }

    const id = conceptCell?.value.trim() ?? ''
    if (!id) {
      fail(conceptCell ?? row, 'Row without a concept id: fill the `concept` column')
      continue
    }

    if (!isXmlName(id)) {
      fail(conceptCell!, '`' + id + '` cannot be a concept id: start with a letter or `_`, then letters, digits, `-`, `_` or `.`', id)
      continue
    }

    let draft = drafts.get(id)
    if (!draft) {
      draft = {concept: {id, notes: [], languages: []}, offset: row.offset, pending: [], failed: false}
      drafts.set(id, draft)
      if (taken.has(id)) fail(conceptCell!, 'Concept id `' + id + '` is already a term id', id)
      taken.add(id)
    }

    const before = report.errors
    readRow(draft, cells, languages, fail, taken)
    if (report.errors > before) draft.failed = true
  }

  const concepts: Concept[] = []
  for (const draft of drafts.values()) {
    if (draft.concept.languages.length === 0) {
      if (!draft.failed) fail(draft, 'Concept `' + draft.concept.id + '` has no term: fill at least one language column', draft.concept.id)
      continue
    }

    concepts.push(draft.concept)
  }

  // Ids made from text come last, so they never take an id a later row gives.
  for (const draft of drafts.values()) {
    for (const {term, language} of draft.pending) term.id = termId(draft.concept.id, language, term.text, taken)
  }

  return {language: languages[0] ?? '', sourceDesc: [], concepts}
}

/**
 * Read the header row.
 *
 * @returns
 *   One column (or `undefined` for an unknown one) per header cell, or
 *   `undefined` when the header is unusable.
 */
function readHeader(header: Row, report: Reporter, fail: Fail): Array<Column | undefined> | undefined {
  const columns: Array<Column | undefined> = []
  const seen = new Set<string>()
  const languages = new Set<string>()
  let concept = false
  let errors = report.errors

  for (const field of header.fields) {
    const name = field.value.trim()
    const column = parseColumn(name)
    if (!column) {
      if (name) report.warning(field.offset, 'csv-unknown-column', 'Unknown column `' + name + '` left out', {actual: name})
      columns.push(undefined)
      continue
    }

    const key = column.kind === 'concept' ? column.field : column.language.toLowerCase() + '_' + column.field
    if (seen.has(key)) fail(field, 'Column `' + name + '` appears twice', name)
    seen.add(key)
    if (column.kind === 'concept' && column.field === 'concept') concept = true
    if (column.kind === 'language' && column.field === 'term') languages.add(column.language.toLowerCase())
    columns.push(column)
  }

  for (const [index, column] of columns.entries()) {
    if (column?.kind === 'language' && !languages.has(column.language.toLowerCase())) {
      fail(header.fields[index]!, 'Column `' + header.fields[index]!.value.trim() + '` has no term column `' + column.language + '`', column.language)
    }
  }

  if (!concept) fail(header, 'No `concept` column: the header must name one, such as `concept,it,it_status,en,en_status`')
  if (languages.size === 0) fail(header, 'No language column: the header must name at least one, such as `it` or `en`')
  errors = report.errors - errors
  return errors > 0 ? undefined : columns
}

/**
 * Add a row's cells to a concept.
 *
 * @param draft
 *   Concept being read.
 * @param cells
 *   Cells by column.
 * @param languages
 *   Language tags in header order.
 * @param fail
 *   Report an error at a cell.
 * @param taken
 *   Ids in use (changed).
 */
function readRow(
  draft: Draft,
  cells: Map<Column, Field>,
  languages: string[],
  fail: Fail,
  taken: Set<string>
): void {
  const concept = draft.concept
  const byLanguage = new Map<string, Map<string, Field>>()

  for (const [column, field] of cells) {
    const value = field.value
    if (column.kind === 'concept') {
      const text = normalize(value)
      if (column.field === 'note') concept.notes.push(...lines(value))
      else if (text) {
        const key = column.field === 'subject' ? 'subjectField' : 'definition'
        const current = concept[key]
        if (current === undefined) concept[key] = text
        else if (current !== text) fail(field, 'Concept `' + concept.id + '` already has a different `' + column.field + '`: `' + current + '`', text)
      }

      continue
    }

    const key = column.language.toLowerCase()
    let fields = byLanguage.get(key)
    if (!fields) {
      fields = new Map()
      byLanguage.set(key, fields)
    }

    fields.set(column.field, field)
  }

  for (const language of languages) {
    const fields = byLanguage.get(language.toLowerCase())
    if (!fields) continue
    const text = normalize(fields.get('term')?.value ?? '')
    let section = concept.languages.find((item) => item.language.toLowerCase() === language.toLowerCase())
    const definition = fields.get('definition')
    if (definition && normalize(definition.value)) {
      section = sectionOf(concept, language, section)
      const value = normalize(definition.value)
      if (section.definition === undefined) section.definition = value
      else if (section.definition !== value) fail(definition, 'Concept `' + concept.id + '` already has a different definition in `' + language + '`', value)
    }

    if (!text) {
      for (const [name, field] of fields) {
        if (name !== 'term' && name !== 'definition' && field.value.trim() !== '') fail(field, '`' + language + '_' + name + '` given without a term in `' + language + '`', field.value.trim())
      }

      continue
    }

    const term = readTerm(text, fields, language, fail)
    if (!term) continue
    section = sectionOf(concept, language, section)
    section.terms.push(term)
    const idField = fields.get('id')
    const id = idField?.value.trim() ?? ''
    if (id) {
      if (!isXmlName(id)) fail(idField!, '`' + id + '` cannot be a term id: start with a letter or `_`, then letters, digits, `-`, `_` or `.`', id)
      else if (taken.has(id)) fail(idField!, 'Id `' + id + '` is used twice', id)
      else {
        taken.add(id)
        term.id = id
      }
    } else draft.pending.push({term, language})
  }
}

/**
 * The section of a language, added when missing.
 *
 * @param concept
 *   Concept (changed).
 * @param language
 *   Language tag.
 * @param section
 *   The section, if found already.
 */
function sectionOf(concept: Concept, language: string, section: LanguageSection | undefined): LanguageSection {
  if (section) return section
  const created: LanguageSection = {language, terms: []}
  concept.languages.push(created)
  return created
}

/**
 * Read one term from its cells.
 *
 * @returns
 *   The term (its id still to make), or `undefined` after an error.
 */
function readTerm(text: string, fields: Map<string, Field>, language: string, fail: Fail): Term | undefined {
  const term: Term = {id: '', text, status: 'admitted', doNotTranslate: false, notes: []}
  let ok = true
  const pick = <T>(name: string, read: (value: string) => T | undefined, expected: string): T | undefined => {
    const field = fields.get(name)
    const value = field?.value.trim() ?? ''
    if (!field || !value) return undefined
    const result = read(value)
    if (result === undefined) {
      fail(field, '`' + language + '_' + name + '` must be ' + expected + ', found `' + value + '`', value)
      ok = false
    }

    return result
  }

  const status = pick('status', readStatus, '`preferred`, `admitted`, `deprecated` or `forbidden`')
  if (status) term.status = status
  const partOfSpeech = pick('pos', readPartOfSpeech, '`noun`, `adjective`, `verb`, `adverb` or `other`')
  if (partOfSpeech) term.partOfSpeech = partOfSpeech
  const gender = pick('gender', readGender, '`masculine`, `feminine`, `neuter` or `other`')
  if (gender) term.gender = gender
  const number = pick('number', readNumber, '`singular` or `plural`')
  if (number) term.number = number
  const termType = pick('type', readTermType, '`fullForm`, `acronym`, `abbreviation`, `shortForm`, `variant` or `phrase`')
  if (termType) term.termType = termType
  const dnt = fields.get('dnt')
  if (dnt) {
    const value = dnt.value.trim().toLowerCase()
    if (yes.has(value)) term.doNotTranslate = true
    else if (!no.has(value)) {
      fail(dnt, '`' + language + '_dnt` must be `yes` or empty, found `' + dnt.value.trim() + '`', dnt.value.trim())
      ok = false
    }
  }

  const note = fields.get('note')
  if (note) term.notes = lines(note.value)
  const bad = nonXmlCharacter(text + (note?.value ?? ''))
  if (bad !== undefined) {
    fail(fields.get('term')!, 'Character U+' + codeHex(bad) + ' in a term or note: XML 1.0 cannot hold it, so no TBX could')
    ok = false
  }

  return ok ? term : undefined
}

/** Collapse white space (not NBSP) and trim. */
function normalize(value: string): string {
  return value.replace(/[ \t\r\n]+/g, ' ').trim()
}

/** Non-empty lines of a cell, each normalized. */
function lines(value: string): string[] {
  return value
    .split(/\r\n|\r|\n/)
    .map((line) => normalize(line))
    .filter(Boolean)
}
