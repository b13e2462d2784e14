/**
 * Write a termbase as TBX. Takes: a termbase. Returns: a TBX v3 document
 * (ISO 30042:2019), dialect TBX-Basic, DCA style, that `fromTbx` reads back
 * to the same termbase, and that validates against `TBXcoreStructV03.rng` and
 * the TBX-Basic DCA schematron.
 *
 * What TBX-Basic cannot say is written as fixed notes on the term
 * (`tbx-values.ts`): `babele:forbidden` (with `deprecatedTerm-admn-sts`),
 * `babele:doNotTranslate`, `babele:grammaticalNumber=…`.
 */
import {isWellFormedTag} from '../../language-tag.ts'
import {codeHex, nonXmlCharacter} from '../../xml/index.ts'
import {isXmlName} from './term-id.ts'
import {doNotTranslateNote, forbiddenNote, numberNotePrefix, statusToTbx} from './tbx-values.ts'
import {tbxNamespace} from './tbx-structure.ts'
import type {Concept, LanguageSection, Term, Termbase} from './termbase.ts'

/**
 * Serialize a termbase as TBX-Basic (TBX v3, DCA style).
 *
 * @param termbase
 *   Termbase; every concept and term id must be a unique XML name.
 * @returns
 *   The document, UTF-8 ready, ending with a line feed.
 */
export function toTbx(termbase: Termbase): string {
  const ids = new Set<string>()
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tbx type="TBX-Basic" style="dca" xml:lang="' + attribute(language(termbase.language, 'termbase.language')) + '" xmlns="' + tbxNamespace + '">',
    '  <tbxHeader>',
    '    <fileDesc>'
  ]
  if (termbase.title !== undefined) lines.push('      <titleStmt>', '        <title>' + content(termbase.title) + '</title>', '      </titleStmt>')
  lines.push('      <sourceDesc>')
  // `sourceDesc` needs a paragraph; an empty one reads back as no paragraph.
  if (termbase.sourceDesc.length === 0) lines.push('        <p/>')
  for (const paragraph of termbase.sourceDesc) lines.push('        <p>' + content(paragraph) + '</p>')
  lines.push('      </sourceDesc>', '    </fileDesc>', '  </tbxHeader>', '  <text>', '    <body>')
  for (const concept of termbase.concepts) writeConcept(lines, concept, ids)
  lines.push('    </body>', '  </text>', '</tbx>', '')
  return lines.join('\n')
}

/**
 * Write one concept.
 *
 * @param lines
 *   Output (changed).
 * @param concept
 *   Concept.
 * @param ids
 *   Ids written so far (changed).
 */
function writeConcept(lines: string[], concept: Concept, ids: Set<string>): void {
  checkId(concept.id, 'concept', ids)
  if (concept.languages.length === 0 || concept.languages.some((section) => section.terms.length === 0)) {
    throw new TypeError('Cannot serialize concept `' + concept.id + '` as TBX, expected at least one term in each of its languages')
  }

  lines.push('      <conceptEntry id="' + attribute(concept.id) + '">')
  if (concept.subjectField !== undefined) lines.push('        <descrip type="subjectField">' + content(concept.subjectField) + '</descrip>')
  if (concept.definition !== undefined) lines.push('        <descrip type="definition">' + content(concept.definition) + '</descrip>')
  for (const note of concept.notes) lines.push('        <note>' + content(note) + '</note>')
  for (const section of concept.languages) writeSection(lines, section, ids)
  lines.push('      </conceptEntry>')
}

/**
 * Write one language section.
 *
 * @param lines
 *   Output (changed).
 * @param section
 *   Language section.
 * @param ids
 *   Ids written so far (changed).
 */
function writeSection(lines: string[], section: LanguageSection, ids: Set<string>): void {
  lines.push('        <langSec xml:lang="' + attribute(language(section.language, 'language')) + '">')
  if (section.definition !== undefined) lines.push('          <descrip type="definition">' + content(section.definition) + '</descrip>')
  for (const term of section.terms) writeTerm(lines, term, ids)
  lines.push('        </langSec>')
}

/**
 * Write one term.
 *
 * @param lines
 *   Output (changed).
 * @param term
 *   Term.
 * @param ids
 *   Ids written so far (changed).
 */
function writeTerm(lines: string[], term: Term, ids: Set<string>): void {
  checkId(term.id, 'term', ids)
  if (!term.text) throw new TypeError('Cannot serialize term `' + term.id + '` as TBX, expected text')
  lines.push('          <termSec id="' + attribute(term.id) + '">', '            <term>' + content(term.text) + '</term>')
  if (term.partOfSpeech) lines.push('            <termNote type="partOfSpeech">' + term.partOfSpeech + '</termNote>')
  lines.push('            <termNote type="administrativeStatus">' + statusToTbx[term.status] + '</termNote>')
  if (term.gender) lines.push('            <termNote type="grammaticalGender">' + term.gender + '</termNote>')
  if (term.termType) lines.push('            <termNote type="termType">' + term.termType + '</termNote>')
  if (term.status === 'forbidden') lines.push('            <note>' + forbiddenNote + '</note>')
  if (term.doNotTranslate) lines.push('            <note>' + doNotTranslateNote + '</note>')
  if (term.number) lines.push('            <note>' + numberNotePrefix + term.number + '</note>')
  for (const note of term.notes) lines.push('            <note>' + content(note) + '</note>')
  lines.push('          </termSec>')
}

/**
 * Check an id is a new XML name.
 *
 * @param id
 *   Id.
 * @param what
 *   `concept` or `term`.
 * @param ids
 *   Ids written so far (changed).
 */
function checkId(id: string, what: string, ids: Set<string>): void {
  if (!isXmlName(id)) throw new TypeError('Cannot serialize ' + what + ' id `' + id + '` as TBX, expected an XML name (a letter or `_`, then letters, digits, `-`, `_`, `.`)')
  if (ids.has(id)) throw new TypeError('Cannot serialize ' + what + ' id `' + id + '` as TBX, expected ids unique in the termbase')
  ids.add(id)
}

/**
 * Check a language tag is there.
 *
 * @param value
 *   Tag.
 * @param field
 *   Field name for the message.
 */
function language(value: string, field: string): string {
  if (!isWellFormedTag(value)) throw new TypeError('Cannot serialize `' + value + '` for `' + field + '` as TBX, expected a BCP 47 language tag')
  return value
}

/** Escape text content; refuse characters XML 1.0 cannot hold. */
function content(value: string): string {
  const bad = nonXmlCharacter(value)
  if (bad !== undefined) throw new TypeError('Cannot serialize U+' + codeHex(bad) + ' as TBX, expected characters XML 1.0 allows')
  return value.replace(/[&<>]/g, (character) => (character === '&' ? '&amp;' : character === '<' ? '&lt;' : '&gt;'))
}

/** Escape an attribute value (double-quoted). */
function attribute(value: string): string {
  return content(value).replace(/"/g, '&quot;')
}
