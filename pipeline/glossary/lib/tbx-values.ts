/**
 * Map TBX data category values to the termbase model and back. Takes: a data
 * category value as a file writes it (`preferredTerm-admn-sts`, `noun`,
 * `masculine`). Returns: the model's value, or `undefined` when the value is
 * not one the model holds; and the TBX-Basic value for each model value.
 *
 * TBX-Basic lacks three things babele needs. They are written as notes on the
 * term (`<note>` is free text, valid at every level and shown to translators
 * by CAT tools), each a fixed text:
 *
 * - `babele:forbidden`, beside `deprecatedTerm-admn-sts` (TBX-Basic's
 *   `administrativeStatus` picklist is closed: preferred, admitted,
 *   deprecated, superseded);
 * - `babele:doNotTranslate` (no TBX-Basic data category says it; the DCA
 *   schematron forbids foreign elements and the core schema foreign
 *   attributes, so ITS `translate="no"` cannot be used);
 * - `babele:grammaticalNumber=plural` or `=singular` (TBX-Basic's `termNote`
 *   types have gender but not number).
 */
import type {Gender, GrammaticalNumber, PartOfSpeech, TermStatus, TermType} from './termbase.ts'

/** Note text that marks a forbidden term. */
export const forbiddenNote = 'babele:forbidden'
/** Note text that marks a do-not-translate term. */
export const doNotTranslateNote = 'babele:doNotTranslate'
/** Prefix of the note text that gives a term's grammatical number. */
export const numberNotePrefix = 'babele:grammaticalNumber='

/** TBX-Basic `administrativeStatus` value of each status. */
export const statusToTbx: Record<TermStatus, string> = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  deprecated: 'deprecatedTerm-admn-sts',
  forbidden: 'deprecatedTerm-admn-sts'
}

/**
 * Statuses by lowercased value, without the `-admn-sts` suffix. Covers
 * `administrativeStatus` and `normativeAuthorization` (ISO 12620 values) and
 * TBX-Min's `usageStatus`.
 */
const statuses: Record<string, TermStatus> = {
  preferred: 'preferred',
  preferredterm: 'preferred',
  standardizedterm: 'preferred',
  admitted: 'admitted',
  admittedterm: 'admitted',
  legalterm: 'admitted',
  regulatedterm: 'admitted',
  deprecated: 'deprecated',
  deprecatedterm: 'deprecated',
  superseded: 'deprecated',
  supersededterm: 'deprecated',
  notrecommended: 'deprecated',
  obsolete: 'deprecated',
  forbidden: 'forbidden',
  forbiddenterm: 'forbidden'
}

/** The values TBX-Basic writes, looked up as they are (the common case). */
const exactStatuses = new Map<string, TermStatus>([
  ['preferredTerm-admn-sts', 'preferred'],
  ['admittedTerm-admn-sts', 'admitted'],
  ['deprecatedTerm-admn-sts', 'deprecated'],
  ['supersededTerm-admn-sts', 'deprecated']
])

const partsOfSpeech: Record<string, PartOfSpeech> = {
  noun: 'noun',
  n: 'noun',
  propernoun: 'noun',
  adjective: 'adjective',
  adj: 'adjective',
  verb: 'verb',
  v: 'verb',
  adverb: 'adverb',
  adv: 'adverb',
  other: 'other'
}

const genders: Record<string, Gender> = {
  masculine: 'masculine',
  m: 'masculine',
  feminine: 'feminine',
  f: 'feminine',
  neuter: 'neuter',
  n: 'neuter',
  other: 'other',
  othergender: 'other'
}

const numbers: Record<string, GrammaticalNumber> = {
  singular: 'singular',
  sg: 'singular',
  plural: 'plural',
  pl: 'plural'
}

const termTypes: Record<string, TermType> = {
  fullform: 'fullForm',
  acronym: 'acronym',
  abbreviation: 'abbreviation',
  abbreviatedform: 'abbreviation',
  shortform: 'shortForm',
  variant: 'variant',
  phrase: 'phrase'
}

/** Read a status value (`preferredTerm-admn-sts`, `deprecated`, …). */
export function readStatus(value: string): TermStatus | undefined {
  return exactStatuses.get(value) ?? own(statuses, value.toLowerCase().replace(/-admn-sts$/, ''))
}

/** Read a part of speech value. */
export function readPartOfSpeech(value: string): PartOfSpeech | undefined {
  return own(partsOfSpeech, value.toLowerCase())
}

/** Read a grammatical gender value. */
export function readGender(value: string): Gender | undefined {
  return own(genders, value.toLowerCase())
}

/** Read a grammatical number value. */
export function readNumber(value: string): GrammaticalNumber | undefined {
  return own(numbers, value.toLowerCase())
}

/** Read a term type value. */
export function readTermType(value: string): TermType | undefined {
  return own(termTypes, value.toLowerCase())
}

/**
 * A key's value in a lookup table, ignoring inherited keys (`constructor`).
 *
 * @param table
 *   Lookup table.
 * @param key
 *   Key.
 */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}
