/**
 * The data categories of the TBX-Basic and TBX-Min dialects (TBX v3). Takes:
 * the dialect named by `tbx/@type`, a data category (its element kind and
 * name), the level it sits at and its value. Returns: what is wrong with it,
 * if anything, as a sentence.
 *
 * Transcribed from the dialect schematron `TBX-Basic_DCA.sch` (LTAC,
 * `TBX-Basic_dialect`): the `type` values each element may have, the levels
 * each category may sit at, and the picklists of the categories the termbase
 * model reads. Two differences, both to accept LTAC's own valid test files:
 * `usageStatus` (TBX-Min's status category in those files) is accepted in
 * TBX-Basic, and picklists of categories the model does not read
 * (`transactionType`, `termLocation`) are not checked.
 */

/** Where a data category sits: the entry, a language section or a term section. */
export type Level = 'conceptEntry' | 'langSec' | 'termSec'

/** One data category of a dialect. */
interface Category {
  /** The element it is written with in DCA style. */
  element: string
  /** Levels it may sit at (directly, or in a `…Grp` at that level). */
  levels: readonly Level[]
  /** Allowed values, when the value is a closed picklist the model reads. */
  values?: readonly string[]
}

const everywhere: readonly Level[] = ['conceptEntry', 'langSec', 'termSec']
const conceptOrTerm: readonly Level[] = ['conceptEntry', 'termSec']
const termOnly: readonly Level[] = ['termSec']

const administrativeStatus: Category = {
  element: 'termNote',
  levels: termOnly,
  values: ['preferredTerm-admn-sts', 'admittedTerm-admn-sts', 'deprecatedTerm-admn-sts', 'supersededTerm-admn-sts']
}
const partOfSpeech: Category = {element: 'termNote', levels: termOnly, values: ['noun', 'adjective', 'verb', 'adverb', 'other']}
const usageStatus: Category = {
  element: 'termNote',
  levels: termOnly,
  values: ['preferred', 'admitted', 'deprecated', 'superseded', 'notRecommended', 'obsolete']
}
const customerSubset: Category = {element: 'admin', levels: conceptOrTerm}
const subjectField: Category = {element: 'descrip', levels: ['conceptEntry']}
const externalCrossReference: Category = {element: 'xref', levels: everywhere}

/** TBX-Min: the smallest dialect. */
const min = new Map<string, Category>([
  ['administrativeStatus', administrativeStatus],
  ['partOfSpeech', partOfSpeech],
  ['usageStatus', usageStatus],
  ['customerSubset', customerSubset],
  ['subjectField', subjectField],
  ['externalCrossReference', externalCrossReference]
])

/** TBX-Basic: TBX-Min plus the Basic module. */
const basic = new Map<string, Category>([
  ...min,
  ['projectSubset', {element: 'admin', levels: conceptOrTerm}],
  ['source', {element: 'admin', levels: everywhere}],
  ['context', {element: 'descrip', levels: termOnly}],
  ['definition', {element: 'descrip', levels: ['conceptEntry', 'langSec']}],
  ['crossReference', {element: 'ref', levels: conceptOrTerm}],
  ['geographicalUsage', {element: 'termNote', levels: termOnly}],
  ['grammaticalGender', {element: 'termNote', levels: termOnly, values: ['masculine', 'feminine', 'neuter', 'other']}],
  ['termLocation', {element: 'termNote', levels: termOnly}],
  ['termType', {element: 'termNote', levels: termOnly, values: ['fullForm', 'acronym', 'abbreviation', 'shortForm', 'variant', 'phrase']}],
  ['transactionType', {element: 'transac', levels: everywhere}],
  ['responsibility', {element: 'transacNote', levels: everywhere}],
  ['xGraphic', {element: 'xref', levels: ['conceptEntry', 'langSec']}]
])

/** Dialects whose data categories are checked, by `tbx/@type`. */
const dialects = new Map<string, ReadonlyMap<string, Category>>([
  ['TBX-Basic', basic],
  ['TBX-Min', min]
])

/** Elements whose `type` names a data category. */
export const datcatElements: ReadonlySet<string> = new Set(['admin', 'descrip', 'ref', 'termNote', 'transac', 'transacNote', 'xref'])

/**
 * Whether a dialect's data categories are known (`TBX-Basic`, `TBX-Min`).
 *
 * @param dialect
 *   `tbx/@type`.
 */
export function isCheckedDialect(dialect: string): boolean {
  return dialects.has(dialect)
}

/**
 * Check the name and place of a data category.
 *
 * @param dialect
 *   `tbx/@type` of a checked dialect.
 * @param element
 *   DCA element (`termNote`), or `undefined` in DCT style (the category is the element).
 * @param name
 *   Category (`partOfSpeech`).
 * @param level
 *   Where it sits, if at a level at all.
 * @returns
 *   What is wrong, or `undefined`.
 */
export function checkCategory(dialect: string, element: string | undefined, name: string, level: Level | undefined): string | undefined {
  const categories = dialects.get(dialect)
  if (!categories) return undefined
  const category = categories.get(name)
  if (!category || (element !== undefined && category.element !== element)) {
    const allowed = [...categories].filter(([, value]) => element === undefined || value.element === element).map(([key]) => '`' + key + '`')
    const what = element === undefined ? '`<' + name + '>`' : '`<' + element + ' type="' + name + '">`'
    return what + ' is not a ' + dialect + ' data category' + (allowed.length > 0 ? '; expected ' + list(allowed) : '')
  }

  if (level && !category.levels.includes(level)) {
    return '`' + name + '` is not allowed at `' + level + '` level in ' + dialect + '; allowed at ' + list(category.levels.map((value) => '`' + value + '`'))
  }

  return undefined
}

/**
 * Check the value of a data category with a picklist.
 *
 * @param dialect
 *   `tbx/@type` of a checked dialect.
 * @param name
 *   Category.
 * @param value
 *   Value, trimmed.
 * @returns
 *   What is wrong, or `undefined`.
 */
export function checkValue(dialect: string, name: string, value: string): string | undefined {
  const values = dialects.get(dialect)?.get(name)?.values
  if (!values || values.includes(value)) return undefined
  return '`' + name + '` value `' + value + '` is not allowed in ' + dialect + '; expected ' + list(values.map((item) => '`' + item + '`'), 'or')
}

/**
 * Join items as a sentence does.
 *
 * @param items
 *   Items, already formatted.
 * @param word
 *   Last joiner.
 */
function list(items: readonly string[], word = 'or'): string {
  if (items.length < 2) return items.join('')
  return items.slice(0, -1).join(', ') + ' ' + word + ' ' + items.at(-1)
}
