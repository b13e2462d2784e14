/**
 * What a termbase asks of translations from one language into another.
 * Takes: a termbase, the source and target languages. Returns: compiled
 * rules; from them, the term locks of a source text (for exchange files) and
 * the violations of a translation (for import, build and `babele check`).
 *
 * For every source term found, a translation must use an approved target
 * term of its concept (preferred or admitted, in any inflected form), keep a
 * do-not-translate source term verbatim, and never use a deprecated or
 * forbidden target term. A term is locked when it is a name (written with a
 * capital in the termbase: `Cremlino`, `NATO`, `oceano Pacifico`) or
 * do-not-translate on either side: breaking a lock is an error. Missing a
 * common noun or adjective (`vertice` → `summit`) is a warning: a translator
 * may have good reason to rephrase. An avoided target term is an error when
 * its concept is in the source, a warning otherwise. In a translation, only
 * a target term's first capital is required (`Asia central` passes for
 * `Asia Central`), except for kept terms and acronyms, matched exactly. A term whose text belongs to several
 * concepts (a homonym) is left alone: which one it is cannot be known.
 *
 * Presence is per concept and segment, not per occurrence: a sentence that
 * names NATO twice may say "it" the second time.
 */
import {diagnostic} from '../../diagnostic.ts'
import type {Diagnostic, Severity, TermLock} from '../../types.ts'
import {compileTermIndex, type TermIndex} from './compile-term-index.ts'
import {indexTermbase, termsOfLanguage, type TermEntry} from './index-termbase.ts'
import {matchTerms, type TermMatch} from './match-terms.ts'
import {termForms} from './target-forms.ts'
import type {Concept, Term, Termbase} from './termbase.ts'

/** Options of {@linkcode compileTermRules}. */
export interface Options {
  /** Source language (BCP 47). */
  source: string
  /** Target language (BCP 47). */
  target: string
  /** The source terms, already compiled with `compileTermIndex` for `source` (compiled here otherwise). */
  sourceIndex?: TermIndex | null | undefined
}

/** The target side of one concept. */
export interface ConceptRules {
  concept: Concept
  /** Target terms a translation may use: preferred first, then admitted. */
  approved: Term[]
  /** Target terms a translation must not use: deprecated and forbidden. */
  avoided: Term[]
  /** The string every translation of a locked use must contain, when a substring test is exact (see `TermLock.mustContain`). */
  exact?: TermLock['mustContain']
}

/** Compiled rules for one language pair (treat as opaque; made by {@linkcode compileTermRules}). */
export interface TermRules {
  readonly source: string
  readonly target: string
  /** Source terms, inflected as the source language inflects. */
  readonly sourceIndex: TermIndex
  /** Target terms (inflected) and the source's do-not-translate terms (as written). */
  readonly targetIndex: TermIndex
  /** Concepts that have a target side or a do-not-translate source term. */
  readonly concepts: ReadonlyMap<string, ConceptRules>
  /** Every term by id. */
  readonly terms: ReadonlyMap<string, TermEntry>
  /** What the lock of each source term says wherever it is found, by term id (none: the target has nothing to say about its concept). */
  readonly locks: ReadonlyMap<string, LockTemplate>
}

/** A source text and its translation, as plain text (`textOfTokens`). */
export interface Translation {
  source: string
  target: string
}

const letter = /[\p{L}\p{M}\p{N}]/u
const capital = /\p{Lu}/u

/**
 * Compile the rules of a language pair.
 *
 * @param termbase
 *   Termbase.
 * @param options
 *   Languages; a compiled source index to share.
 * @returns
 *   Rules.
 */
export function compileTermRules(termbase: Termbase, options: Options): TermRules {
  if (!options?.source || !options.target) throw new TypeError('Missing `options.source` or `options.target`, expected BCP 47 tags')
  const index = indexTermbase(termbase)
  const sourceIndex = options.sourceIndex ?? compileTermIndex(termbase, {language: options.source})
  const concepts = new Map<string, ConceptRules>()
  const rulesOf = (concept: Concept) => {
    let rules = concepts.get(concept.id)
    if (!rules) {
      rules = {concept, approved: [], avoided: []}
      concepts.set(concept.id, rules)
    }

    return rules
  }

  for (const {concept, term} of termsOfLanguage(index, options.target)) {
    const rules = rulesOf(concept)
    if (term.status === 'preferred' || term.status === 'admitted') rules.approved.push(term)
    else rules.avoided.push(term)
  }

  const inflect = termForms(options.target)
  for (const rules of concepts.values()) {
    rules.approved.sort((a, b) => Number(b.status === 'preferred') - Number(a.status === 'preferred'))
    const exact = exactRequirement(rules.approved, inflect)
    if (exact) rules.exact = exact
  }

  // The target index also holds the source's do-not-translate terms, so one
  // scan of a translation finds whether they were kept.
  const kept = new Map<string, Term[]>()
  for (const {concept, term} of termsOfLanguage(index, options.source)) {
    if (!term.doNotTranslate) continue
    rulesOf(concept)
    kept.set(concept.id, [...(kept.get(concept.id) ?? []), term])
  }

  const targetTerms: Termbase = {
    language: options.target,
    sourceDesc: [],
    concepts: [...concepts.values()].map(({concept, approved, avoided}) => ({
      id: concept.id,
      notes: [],
      languages: [{language: options.target, terms: [...approved, ...avoided, ...(kept.get(concept.id) ?? [])]}]
    }))
  }
  const targetIndex = compileTermIndex(targetTerms, {language: options.target, forms: (term) => (exactCase(term) ? [term.text] : inflect(term).map(firstCapitalOnly))})
  // Each source term's lock, made once here and copied per match (`lockOf`): a corpus has hundreds of thousands of matches.
  const locks = new Map<string, LockTemplate>()
  for (const {concept, term} of termsOfLanguage(index, options.source)) {
    const template = lockTemplate({concepts, terms: index.terms}, concept.id, term.id)
    if (template) locks.set(term.id, template)
  }

  return {source: options.source, target: options.target, sourceIndex, targetIndex, concepts, terms: index.terms, locks}
}

/**
 * The term locks of a source text: one per unambiguous term found.
 *
 * @param rules
 *   Rules of the language pair.
 * @param text
 *   Source plain text (`textOfTokens` of a segment).
 * @returns
 *   Locks, left to right.
 */
export function termLocks(rules: TermRules, text: string): TermLock[] {
  return matchLocks(rules, matchTerms(text, rules.sourceIndex))
}

/**
 * The term locks of a source text from its matches, found already.
 *
 * @param rules
 *   Rules of the language pair.
 * @param matches
 *   `matchTerms(text, rules.sourceIndex)` of the source plain text.
 * @returns
 *   Locks, left to right (as `termLocks` of the text).
 */
export function matchLocks(rules: TermRules, matches: readonly TermMatch[]): TermLock[] {
  const locks: TermLock[] = []
  for (const match of unambiguous(matches)) {
    const lock = lockOf(rules, match)
    if (lock) locks.push(lock)
  }

  return locks
}

/**
 * Check a translation against the terms of its source.
 *
 * @param rules
 *   Rules of the language pair.
 * @param translation
 *   Source and target plain text (`textOfTokens`).
 * @returns
 *   Violations, as diagnostics (`source: 'glossary'`, no place: the QA
 *   stage's term rules place them): one per concept and rule, source terms
 *   first, then avoided terms used in the target. Each names the term (the
 *   source term; for `term-forbidden`/`term-deprecated` the target term
 *   found) and its concept; `expected` lists the approved target terms,
 *   `actual` what the translation has instead, when known.
 */
export function checkTranslation(rules: TermRules, translation: Translation): Diagnostic[] {
  const violations: Diagnostic[] = []
  const found = new Map<string, Set<string>>()
  const avoidedUsed = new Map<string, TermMatch>()
  for (const match of matchTerms(translation.target, rules.targetIndex)) {
    for (const one of [match, ...(match.alternatives ?? [])]) {
      let ids = found.get(one.conceptId)
      if (!ids) {
        ids = new Set()
        found.set(one.conceptId, ids)
      }

      ids.add(one.termId)
    }

    const avoided = rules.concepts.get(match.conceptId)?.avoided.some((term) => term.id === match.termId)
    if (avoided && !avoidedUsed.has(match.termId)) avoidedUsed.set(match.termId, match)
  }

  const sourceMatches = unambiguous(matchTerms(translation.source, rules.sourceIndex))
  const inSource = new Set(sourceMatches.map((match) => match.conceptId))
  const explained = new Set([...avoidedUsed.values()].map((match) => match.conceptId))
  const checked = new Set<string>()
  for (const match of sourceMatches) {
    if (checked.has(match.conceptId)) continue
    checked.add(match.conceptId)
    const lock = lockOf(rules, match)
    if (!lock) continue
    const ids = found.get(match.conceptId)
    const severity: Severity = lock.locked ? 'error' : 'warning'
    const expected = lock.translations
    const keep = keptTerm(rules.terms.get(match.termId)!.term, rules.concepts.get(match.conceptId)!)
    if (keep) {
      if (!ids?.has(keep.id)) {
        violations.push(diagnostic('term-not-kept', named(`\`${match.text}\` is not to be translated, but the translation does not keep it as written`, lock.term, match.conceptId), {source: 'glossary', severity: 'error', conceptId: match.conceptId, expected}))
      }

      continue
    }

    const approved = rules.concepts.get(match.conceptId)?.approved ?? []
    if (approved.some((term) => ids?.has(term.id)) || explained.has(match.conceptId)) continue
    if (contains(translation.target, match.text) && !approved.some((term) => term.text === match.text)) {
      violations.push(diagnostic('term-untranslated', named(`\`${match.text}\` is left in the source language; the glossary has ${quoteList(lock.translations)}`, lock.term, match.conceptId), {source: 'glossary', severity, conceptId: match.conceptId, expected, actual: match.text}))
    } else {
      violations.push(diagnostic('term-missing', named(`\`${match.text}\` should be translated as ${quoteList(lock.translations)}, which the translation does not use`, lock.term, match.conceptId), {source: 'glossary', severity, conceptId: match.conceptId, expected}))
    }
  }

  for (const match of avoidedUsed.values()) {
    const entry = rules.terms.get(match.termId)!
    const approved = rules.concepts.get(match.conceptId)?.approved ?? []
    const instead = approved.length > 0 ? `; use ${quoteList(approved.map((term) => term.text))}` : ''
    violations.push(
      diagnostic(match.status === 'forbidden' ? 'term-forbidden' : 'term-deprecated', named(`\`${match.text}\` is ${match.status} in \`${rules.target}\`${instead}`, entry.term.text, match.conceptId), {
        source: 'glossary',
        // Without its concept in the source, the word may mean something else (`americano` in `continente americano`).
        severity: inSource.has(match.conceptId) ? 'error' : 'warning',
        conceptId: match.conceptId,
        expected: approved.map((term) => term.text),
        actual: match.text
      })
    )
  }

  return violations
}

/** What a lock says of a term wherever it is found: all but its place (`TermRules.locks`). */
export type LockTemplate = Omit<TermLock, 'start' | 'end'>

/** The lock of a source match, or `undefined` when the target has nothing to say about its concept. */
function lockOf(rules: TermRules, match: TermMatch): TermLock | undefined {
  const made = rules.locks.get(match.termId)
  // Made with the term's own concept; a match naming another (no index compiled from the termbase does) is worked out alone.
  const template = made?.conceptId === match.conceptId ? made : lockTemplate(rules, match.conceptId, match.termId)
  if (!template) return undefined
  // Arrays copied, so a caller changing one lock changes no other.
  const lock: TermLock = {start: match.start, end: match.end, conceptId: template.conceptId, termId: template.termId, term: template.term, doNotTranslate: template.doNotTranslate, translations: [...template.translations], avoid: [...template.avoid], locked: template.locked}
  if (template.definition !== undefined) lock.definition = template.definition
  // A kept term's requirement is the lock's own; a locked one's is its concept's `exact`.
  if (template.mustContain) lock.mustContain = template.doNotTranslate ? {...template.mustContain} : template.mustContain
  return lock
}

/** A term's lock but its place, or `null` when the target has nothing to say about its concept. */
function lockTemplate(rules: Pick<TermRules, 'concepts' | 'terms'>, conceptId: string, termId: string): LockTemplate | null {
  const entry = rules.terms.get(termId)
  const concept = rules.concepts.get(conceptId)
  if (!entry || !concept) return null
  const keep = keptTerm(entry.term, concept)
  const translations = keep ? [keep.text] : concept.approved.map((term) => term.text)
  if (translations.length === 0) return null
  const locked = keep !== undefined || capital.test(entry.term.text) || concept.approved.some((term) => term.doNotTranslate)
  const approved = concept.approved.map((term) => term.text)
  const avoid = concept.avoided.map((term) => term.text).filter((text) => !approved.some((one) => one.includes(text)))
  const template: LockTemplate = {conceptId, termId, term: entry.term.text, doNotTranslate: keep !== undefined, translations, avoid, locked}
  const definition = entry.section.definition ?? concept.concept.definition
  if (definition) template.definition = definition
  const mustContain = keep ? {text: keep.text, caseSensitive: true} : locked ? concept.exact : undefined
  if (mustContain) template.mustContain = mustContain
  return template
}

/**
 * The term a translation keeps verbatim, if any: a do-not-translate source
 * term (`AUKUS`), or a preferred target term that is do-not-translate and
 * written as the source term is (`NATO` in English, not in Spanish).
 */
function keptTerm(source: Term, concept: ConceptRules): Term | undefined {
  if (source.doNotTranslate) return source
  const preferred = concept.approved[0]
  return preferred?.doNotTranslate && preferred.text === source.text ? preferred : undefined
}

/**
 * The one string every translation must contain, if a plain substring test
 * can say it: a single approved term every inflected form of which contains
 * it (English `Kremlin`, `Kremlin's`; not Spanish `sanción`, whose plural is
 * `sanciones`).
 */
function exactRequirement(approved: readonly Term[], inflect: (term: Term) => readonly string[]): TermLock['mustContain'] {
  if (approved.length !== 1) return undefined
  const term = approved[0]!
  // Case-sensitive when babele too wants the term as written (`Kremlin`), not when it lets later capitals go (`Asia Central`).
  const caseSensitive = exactCase(term) || firstCapitalOnly(term.text) === term.text
  const fold = (text: string) => (caseSensitive ? text : text.toLowerCase())
  const forms = exactCase(term) ? [term.text] : inflect(term)
  return forms.every((form) => fold(form).includes(fold(term.text))) ? {text: term.text, caseSensitive} : undefined
}

/**
 * Whether a target term must be written exactly as in the termbase: kept
 * terms, acronyms, abbreviations and terms with no lowercase letter (`NATO`).
 */
function exactCase(term: Term): boolean {
  return term.doNotTranslate || term.termType === 'acronym' || term.termType === 'abbreviation' || !/\p{Ll}/u.test(term.text)
}

/**
 * A target form whose only required capital is its first letter: style
 * guides differ on the rest (`Asia Central`, `Asia central`), and a
 * lowercase letter in a form matches either case.
 */
function firstCapitalOnly(form: string): string {
  const first = String.fromCodePoint(form.codePointAt(0)!)
  return first + form.slice(first.length).toLowerCase()
}

/** Matches whose text names one concept only. */
function unambiguous(matches: readonly TermMatch[]): TermMatch[] {
  return matches.filter((match) => !match.alternatives?.some((other) => other.conceptId !== match.conceptId))
}

/** Whether `text` holds `word` as a whole word (no letter or digit on either side). */
function contains(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const before = at > 0 ? text[at - 1]! : ''
    const after = text[at + word.length] ?? ''
    if (!letter.test(before) && !letter.test(after)) return true
  }

  return false
}

/** A violation's message, naming its term and concept. */
function named(message: string, term: string, conceptId: string): string {
  return `${message} (term \`${term}\`, concept \`${conceptId}\`)`
}

function quoteList(texts: readonly string[]): string {
  return texts.map((text) => '`' + text + '`').join(' or ')
}
