/**
 * Compile the terms of one language into a matcher. Takes: a termbase, the
 * language, optionally a function giving each term's forms. Returns: a term
 * index, a trie over every normalized form (Italian, English, Spanish, French
 * and Catalan: inflected by `target-forms.ts`), for `matchTerms` to scan
 * texts with.
 *
 * Built once per termbase and language; scanning then costs the same whatever
 * the number of terms. A form is normalized as the text will be: NFC, each
 * code unit folded (`char-tables.ts`), white space runs as one space. Forms
 * whose composed and decomposed spellings differ go in both ways, so text in
 * NFD matches too. Capitals in a form are kept aside as positions: a form's
 * capital must be a capital in the text.
 */
import {charTables, space, word} from './char-tables.ts'
import {indexTermbase, termsOfLanguage} from './index-termbase.ts'
import {termForms} from './target-forms.ts'
import type {Term, Termbase, TermStatus} from './termbase.ts'
import {Trie} from './trie.ts'

/** Configuration for {@linkcode compileTermIndex}. */
export interface Options {
  /** BCP 47 tag of the texts to match (`it`): its terms are compiled (`it` takes `it-IT` too). */
  language: string
  /**
   * Forms of a term to match, the term itself included. Default:
   * `termForms(language)`, inflection for Italian, English, Spanish, French
   * and Catalan, the term as written otherwise.
   */
  forms?: ((term: Term) => readonly string[]) | null | undefined
}

/** One way a term can appear, at a trie node. */
export interface Candidate {
  conceptId: string
  termId: string
  status: TermStatus
  /** The form, as generated. */
  form: string
  /** Positions (in the normalized form) of capitals the text must have too, if any. */
  upper: readonly number[] | undefined
}

/** A compiled term index (treat as opaque; made by {@linkcode compileTermIndex}). */
export interface TermIndex {
  /** Language compiled. */
  readonly language: string
  /** Trie over normalized forms. */
  readonly trie: Trie
  /** For each trie node, its list in `lists`, or `-1` when no form ends there. */
  readonly accept: Int32Array
  /** Candidates ending at a node, most specific first (more capitals, better status, file order). */
  readonly lists: readonly Candidate[][]
  /** Terms compiled. */
  readonly terms: number
  /** Distinct forms inserted (counting composed and decomposed spellings once). */
  readonly forms: number
  /** Whether some form starts with a character that is not a word character (walks then start there too). */
  readonly punctuationStarts: boolean
}

const statusRank: Record<TermStatus, number> = {preferred: 0, admitted: 1, deprecated: 2, forbidden: 3}

/**
 * Compile a termbase's terms in one language.
 *
 * @param termbase
 *   Termbase.
 * @param options
 *   Language, forms.
 * @returns
 *   Term index.
 */
export function compileTermIndex(termbase: Termbase, options: Options): TermIndex {
  if (!options || typeof options.language !== 'string' || !options.language) {
    throw new TypeError('Cannot compile terms without `options.language`, expected a BCP 47 tag such as `it`')
  }

  const language = options.language
  const formsOf = options.forms ?? termForms(language)
  if (typeof formsOf !== 'function') throw new TypeError('Cannot use `' + String(formsOf) + '` for `options.forms`, expected a function')
  const tables = charTables()
  const trie = new Trie()
  const nodeLists = new Map<number, Candidate[]>()
  let terms = 0
  let forms = 0
  let punctuationStarts = false

  for (const {concept, term} of termsOfLanguage(indexTermbase(termbase), language)) {
    terms++
    const seen = new Set<string>()
    for (const written of formsOf(term)) {
      const composed = written.normalize('NFC')
      if (seen.has(composed)) continue
      seen.add(composed)
      forms++
      for (const spelling of new Set([composed, composed.normalize('NFD')])) {
        const normalized = normalizeForm(spelling, tables)
        if (!normalized) continue
        if (tables.kind[normalized.codes[0]!] !== word) punctuationStarts = true
        const node = trie.insert(normalized.codes)
        let list = nodeLists.get(node)
        if (!list) {
          list = []
          nodeLists.set(node, list)
        }

        if (!list.some((candidate) => candidate.termId === term.id && sameUpper(candidate.upper, normalized.upper))) {
          list.push({conceptId: concept.id, termId: term.id, status: term.status, form: written, upper: normalized.upper})
        }
      }
    }
  }

  const accept = new Int32Array(trie.nodes).fill(-1)
  const lists: Candidate[][] = []
  for (const [node, list] of nodeLists) {
    // Stable sort: file order breaks ties.
    list.sort((a, b) => (b.upper?.length ?? 0) - (a.upper?.length ?? 0) || statusRank[a.status] - statusRank[b.status])
    accept[node] = lists.length
    lists.push(list)
  }

  trie.freeze((node) => nodeLists.has(node))
  return {language, trie, accept, lists, terms, forms, punctuationStarts}
}

/**
 * Normalize a form as the matcher reads text: code units folded, white space
 * runs as one space, trimmed.
 *
 * @param form
 *   A form (NFC or NFD).
 * @param tables
 *   Character tables.
 * @returns
 *   Folded code units and the positions of capitals, or `undefined` for a
 *   form that can never match (empty, or holding U+FFFC).
 */
function normalizeForm(form: string, tables: ReturnType<typeof charTables>): {codes: number[]; upper: number[] | undefined} | undefined {
  const codes: number[] = []
  const upper: number[] = []
  for (let index = 0; index < form.length; index++) {
    const code = form.charCodeAt(index)
    if (code === 0xff_fc) return undefined
    if (tables.kind[code] === space) {
      if (codes.length > 0 && codes.at(-1) !== 32) codes.push(32)
      continue
    }

    if (tables.upper[code]) upper.push(codes.length)
    codes.push(tables.fold[code]!)
  }

  if (codes.at(-1) === 32) codes.pop()
  if (codes.length === 0) return undefined
  return {codes, upper: upper.length > 0 ? upper : undefined}
}

/** Whether two capital position lists are the same. */
function sameUpper(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (!a || !b) return a === b
  return a.length === b.length && a.every((value, index) => value === b[index])
}
