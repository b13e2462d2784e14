/**
 * What a glossary reviewer needs to see, as a value. Takes: the config, the
 * termbase (and its compiled rules), the extracted documents, the locale
 * stores and diagnostics (term violations from `checkProject`, source
 * findings from `lintMarkdown`). Returns: every concept with its terms per
 * locale, a concordance of every occurrence in the sources with the sentence
 * and each target locale's rendering, and the diagnostics placed on the
 * concepts and occurrences they are about. JSON-safe; the page renders it.
 *
 * Occurrences come from the term matcher over each segment's plain text, so
 * inflected and elided forms count (`dell'AUKUS`, `alleanze`), deprecated
 * variants too (`AKUS`). A rendering is what the build would use for that
 * segment: the locale's own stored value (a whole-unit translation first),
 * else a fallback locale's, else none. A value with an error by the QA rules
 * (`refused`: the build does not use it) reaches no fallback, and is shown
 * in its own locale marked refused, with its violations. Every occurrence is counted; a
 * concept lists at most `maxOccurrences` of them (those with a violation or
 * a source finding first, then the rest in source order), so the page stays
 * readable, and its size bounded, on a large project.
 *
 * A diagnostic is placed by its `conceptId` and place: on a store (or
 * XLIFF) file and segment (`unitId`, `segmentId`), it is a violation of every occurrence of
 * its concept in that segment (repeats of a sentence share it); on a source
 * file, a source finding of the occurrence at its line and column, if any.
 * One with a concept but no occurrence to sit on (a forbidden term used
 * where the source does not name the concept; a near miss) stays with its
 * concept.
 */
import {startOf} from '../../diagnostic.ts'
import {createResolver, type Resolver} from '../../build/index.ts'
import type {Config} from '../../config/index.ts'
import {indexTermbase, matchTerms, termsOfLanguage, type Concept, type Term, type TermEntry, type TermMatch, type Termbase, type TermStatus} from '../../glossary/index.ts'
import {locator} from '../../markdown/index.ts'
import {paths, projectTerms, usableBundle, type ProjectTerms, type Stores} from '../../project/index.ts'
import type {Bundle, Diagnostic, Segment, SegmentToken, SourceDocument, Unit} from '../../types.ts'
import {fromBundleValue, textOfTokens} from '../../units/index.ts'
import {fold} from './fold.ts'
import {textPieces, type Mark, type Piece} from './text-pieces.ts'

/** What {@linkcode glossaryReview} reads. */
export interface GlossaryReviewInput {
  /** Project config: source and target locales, fallback chains, store paths. */
  config: Config
  /** The project's termbase (`undefined`: the project has none). */
  termbase: Termbase | undefined
  /** The termbase compiled for the project (`projectTerms`); compiled here when not given. */
  terms?: ProjectTerms | null | undefined
  /** Extracted sources, by path. */
  documents: ReadonlyMap<string, SourceDocument>
  /** Locale stores. */
  stores: Stores
  /** Diagnostics; those with a `conceptId` are placed, the rest are left out. */
  diagnostics: readonly Diagnostic[]
  /**
   * Keys with an error by store (`checkProject(…).broken`): the build uses none
   * of these values, so they reach no fallback rendering, and a locale's own is
   * shown marked `refused`. None when not given.
   */
  refused?: ReadonlyMap<string, ReadonlySet<string>> | null | undefined
  /** Occurrences listed per concept, at most (default 20); all are counted. */
  maxOccurrences?: number | null | undefined
}

/** Kinds of marked text: the source term, a deprecated or forbidden source variant; in a rendering an approved, kept or avoided target term. */
export type MarkKind = 'term' | 'variant' | 'approved' | 'avoided'

/** The terms of a concept in one locale. */
export interface ReviewTerms {
  locale: string
  preferred: Term[]
  admitted: Term[]
  /** Deprecated and forbidden terms. */
  avoided: Term[]
  /** Definition of the concept in this locale, if any. */
  definition?: string
}

/** A diagnostic and the locale it is about (for a store or an XLIFF file), if known. */
export interface PlacedDiagnostic {
  locale?: string
  diagnostic: Diagnostic
}

/** How one target locale renders an occurrence's segment. */
export interface Rendering {
  locale: string
  /** `translated`: the locale's own value; `fallback`: another locale's (see `from`); `untranslated`: none. */
  state: 'translated' | 'fallback' | 'untranslated'
  /** The locale the value came from, when `fallback`. */
  from?: string
  /** The value translates the segment's whole unit (segments joined or split in a CAT tool). */
  whole?: boolean
  /** The locale's own value has an error by the QA rules: the build does not use it (nor does any locale falling back to this one). */
  refused?: boolean
  /** The text, with the concept's target terms marked (empty when untranslated). */
  text: Array<Piece<MarkKind>>
  /** Violations of the concept's rules in this translation. */
  violations: Diagnostic[]
}

/** One place a concept's term occurs in the sources. */
export interface Occurrence {
  /** Anchor, unique in the page (`aukus-1`). */
  id: string
  /** Source file, relative to the project root. */
  file: string
  /** 1-based line and column of the term. */
  line: number
  column: number
  unitId: string
  segmentId: string
  /** Locale-store key of the segment. */
  key: string
  /** The text matched (`AKUS`, `alleanze`). */
  form: string
  /** Id and status of the term matched. */
  termId: string
  status: TermStatus
  /** Other concepts the same text names (a homonym), if any. */
  alsoConcepts?: string[]
  /** The source sentence, the term marked. */
  sentence: Array<Piece<MarkKind>>
  /** One per target locale, in config order. */
  renderings: Rendering[]
  /** Source findings at this term (a deprecated variant). */
  findings: Diagnostic[]
}

/** One concept under review. */
export interface ReviewConcept {
  id: string
  /** The preferred source term (else the first term found, else the id). */
  label: string
  subjectField?: string
  definition?: string
  notes: string[]
  /** The source locale's terms, then each target locale's, in config order. */
  terms: ReviewTerms[]
  /** Occurrences in the sources, all of them. */
  occurrenceCount: number
  /** The occurrences listed (see `maxOccurrences`), in source order. */
  occurrences: Occurrence[]
  /** Distinct violations by target locale (`*`: a diagnostic whose locale is unknown), each counted once however many occurrences it sits on. */
  violations: Record<string, {errors: number; warnings: number}>
  /** Violations with no occurrence of the concept to sit on. */
  otherViolations: PlacedDiagnostic[]
  /** Every source finding about the concept (also on their occurrences). */
  findings: Diagnostic[]
  /** Words to search the concept by: ids, terms, forms found, notes, definitions, subject, folded (lowercase, no accents). */
  search: string
}

/** Figures of one target locale. */
export interface LocaleTotals {
  locale: string
  /** Occurrences whose segment the locale renders (its own value or a fallback's; not a refused one). */
  rendered: number
  /** Distinct violations. */
  errors: number
  warnings: number
}

/** The review. */
export interface GlossaryReview {
  /** Title of the termbase, if any. */
  title?: string
  /** Whether the project has a termbase. */
  glossary: boolean
  sourceLocale: string
  targetLocales: string[]
  /** Source files, relative to the project root. */
  documents: string[]
  concepts: ReviewConcept[]
  totals: {
    concepts: number
    /** Concepts with at least one occurrence. */
    used: number
    /** Occurrences, all of them. */
    occurrences: number
    /** Occurrences listed. */
    listed: number
    /** Distinct violations, all locales. */
    errors: number
    warnings: number
    /** Source findings with a concept. */
    findings: number
    locales: LocaleTotals[]
  }
}

/** A segment in its document, for placing diagnostics. */
interface Place {
  document: SourceDocument
  unit: Unit
  segment: Segment
}

/** An occurrence while every one is counted and placed; the listed ones become `Occurrence`s. */
interface Found extends Place {
  number: number
  match: TermMatch
  conceptId: string
  /** Concepts the matched text names. */
  concepts: string[]
  /** Where each target locale (in config order) takes the segment's translation from; shared by the segment's occurrences. */
  lookups: Array<Lookup | undefined>
  /** Violations by locale, once one is placed here. */
  violations?: Map<string, Diagnostic[]>
  /** Source findings at this term, once one is placed here. */
  findings?: Diagnostic[]
}

/** Every occurrence of a document, by its segment's key (repeats of a sentence share a key): where store diagnostics are placed. */
type OccurrencesByKey = Map<SourceDocument, Map<string, Found[]>>

const defaultMaxOccurrences = 20

/**
 * @param input Config, termbase, documents, stores, diagnostics.
 * @returns The review.
 */
export function glossaryReview(input: GlossaryReviewInput): GlossaryReview {
  const {config, termbase} = input
  const documents = [...input.documents.values()]
  const review: GlossaryReview = {
    glossary: termbase !== undefined,
    sourceLocale: config.sourceLocale,
    targetLocales: [...config.targetLocales],
    documents: documents.map((document) => paths.source(config, document.path)),
    concepts: [],
    totals: {concepts: 0, used: 0, occurrences: 0, listed: 0, errors: 0, warnings: 0, findings: 0, locales: []}
  }
  if (!termbase) {
    review.totals.locales = config.targetLocales.map((locale) => ({locale, rendered: 0, errors: 0, warnings: 0}))
    return review
  }

  if (termbase.title) review.title = termbase.title
  const terms = input.terms ?? projectTerms(config, termbase)
  const max = input.maxOccurrences ?? defaultMaxOccurrences
  if (!Number.isInteger(max) || max < 0) throw new TypeError('Cannot list `' + String(max) + '` occurrences (`options.maxOccurrences`), expected a whole number of 0 or more')
  const locales = [config.sourceLocale, ...config.targetLocales]
  const sections = termsByConcept(indexTermbase(termbase), locales)
  const byConcept = new Map<string, ReviewConcept>()
  const searchWords = new Map<string, Set<string>>()
  for (const concept of termbase.concepts) {
    const entry = reviewConcept(concept, locales, sections)
    byConcept.set(concept.id, entry)
    review.concepts.push(entry)
    searchWords.set(concept.id, new Set(conceptWords(concept, entry)))
  }

  // Every occurrence, found and counted; indexed to place diagnostics.
  const found = new Map<string, Found[]>()
  const byKey: OccurrencesByKey = new Map()
  const folded = new Map<string, string>()
  const lookup = lookups(config, input.stores, input.refused ?? new Map())
  for (const document of documents) {
    const inDocument = new Map<string, Found[]>()
    byKey.set(document, inDocument)
    for (const unit of document.units) {
      for (const part of unit.parts) {
        if (part.type !== 'segment') continue
        const segment = part.segment
        let translations: Array<Lookup | undefined> | undefined
        for (const match of matchTerms(textOfTokens(segment.tokens), terms.sourceIndex)) {
          const concepts = match.alternatives ? [...new Set([match.conceptId, ...match.alternatives.map((other) => other.conceptId)])] : [match.conceptId]
          let form = folded.get(match.text)
          if (form === undefined) folded.set(match.text, (form = fold(match.text)))
          for (const conceptId of concepts) {
            if (!byConcept.has(conceptId)) continue
            searchWords.get(conceptId)!.add(form)
            let list = found.get(conceptId)
            if (!list) found.set(conceptId, (list = []))
            translations ??= config.targetLocales.map((locale) => lookup(locale, document, unit, segment))
            const one: Found = {document, unit, segment, number: list.length + 1, match, conceptId, concepts, lookups: translations}
            list.push(one)
            push(inDocument, segment.key, one)
          }
        }
      }
    }
  }

  place(input, byConcept, byKey)
  for (const concept of review.concepts) {
    const all = found.get(concept.id) ?? []
    concept.occurrenceCount = all.length
    const flagged = all.filter(isFlagged).slice(0, max)
    const rest = all.filter((one) => !isFlagged(one)).slice(0, max - flagged.length)
    const listed = [...flagged, ...rest].sort((a, b) => a.number - b.number)
    concept.occurrences = listed.map((one) => occurrence(config, one, terms))
    concept.search = [...searchWords.get(concept.id)!].join(' ')
  }

  totals(review, found)
  return review
}

/** Whether an occurrence has a violation or a source finding (listed first). */
function isFlagged(one: Found): boolean {
  return one.violations !== undefined || one.findings !== undefined
}

/** Terms of each concept in each locale (a bare language takes its regional tags), found once. */
function termsByConcept(index: ReturnType<typeof indexTermbase>, locales: readonly string[]): Map<string, Map<string, TermEntry[]>> {
  const byLocale = new Map<string, Map<string, TermEntry[]>>()
  for (const locale of locales) {
    const byConcept = new Map<string, TermEntry[]>()
    for (const entry of termsOfLanguage(index, locale)) push(byConcept, entry.concept.id, entry)
    byLocale.set(locale, byConcept)
  }

  return byLocale
}

/**
 * Where a locale takes a segment's translation from: the value the build
 * would use, the locale's own whole-unit value first, else the segment's
 * key through the fallback chain (without refused values); a locale's own
 * refused value, marked, before any fallback.
 */
type LookUp = (locale: string, document: SourceDocument, unit: Unit, segment: Segment) => Lookup | undefined

/** The {@linkcode LookUp} of a project's stores less what the build refuses. */
function lookups(config: Config, stores: Stores, refusedKeys: ReadonlyMap<string, ReadonlySet<string>>): LookUp {
  const resolve = resolver(config, stores, refusedKeys)
  return (locale, document, unit, segment) => {
    const name = paths.store(locale, document.id)
    const own = stores.bundles.get(name)
    const refused = refusedKeys.get(name)
    const whole = ownValue(own, unit.id)
    if (whole !== undefined) return {locale, value: whole, whole: true, refused: refused?.has(unit.id) === true}
    const single = refused?.has(segment.key) ? ownValue(own, segment.key) : undefined
    if (single !== undefined) return {locale, value: single, whole: false, refused: true}
    const resolved = resolve(locale, document.id, segment.key)
    return resolved && {locale: resolved.locale, value: resolved.value, whole: false, refused: false}
  }
}

/** A bundle's own string value of a key, if any. */
function ownValue(bundle: Bundle | undefined, key: string): string | undefined {
  if (!bundle || !Object.hasOwn(bundle, key)) return undefined
  const value = bundle[key]
  return typeof value === 'string' ? value : undefined
}

/** A segment's translation in one locale: the locale it came from, its bundle value, whether it translates the whole unit, whether the build refuses it. */
interface Lookup {
  locale: string
  value: string
  whole: boolean
  refused: boolean
}

/** A listed occurrence: its place, its sentence and each locale's rendering. */
function occurrence(config: Config, one: Found, terms: ProjectTerms): Occurrence {
  const {document, unit, segment, match, conceptId} = one
  const {line, column} = locatorOf(document)(sourceOffset(segment.tokens, match.start, document.body))
  const term = conceptId === match.conceptId ? match : match.alternatives!.find((other) => other.conceptId === conceptId)!
  const result: Occurrence = {
    id: `${conceptId}-${one.number}`,
    file: paths.source(config, document.path),
    line,
    column,
    unitId: unit.id,
    segmentId: segment.id,
    key: segment.key,
    form: match.text,
    termId: term.termId,
    status: term.status,
    sentence: textPieces(segment.tokens, document.body, [{start: match.start, end: match.end, kind: term.status === 'deprecated' || term.status === 'forbidden' ? 'variant' : 'term'}]),
    renderings: config.targetLocales.map((locale, index) => rendering(locale, one.lookups[index], one, terms)),
    findings: one.findings ?? []
  }
  if (one.concepts.length > 1) result.alsoConcepts = one.concepts.filter((other) => other !== conceptId)
  return result
}

const locators = new WeakMap<SourceDocument, ReturnType<typeof locator>>()

/** A document's offset-to-line-and-column function, made once. */
function locatorOf(document: SourceDocument): ReturnType<typeof locator> {
  let locate = locators.get(document)
  if (!locate) locators.set(document, (locate = locator(document.body)))
  return locate
}

/** The concept with its terms, its occurrences and diagnostics still empty. */
function reviewConcept(concept: Concept, locales: readonly string[], sections: ReadonlyMap<string, ReadonlyMap<string, readonly TermEntry[]>>): ReviewConcept {
  const terms: ReviewTerms[] = []
  for (const locale of locales) {
    const entries = sections.get(locale)!.get(concept.id) ?? []
    const definition = entries.find((entry) => entry.section.definition)?.section.definition
    terms.push({
      locale,
      preferred: entries.filter((entry) => entry.term.status === 'preferred').map((entry) => entry.term),
      admitted: entries.filter((entry) => entry.term.status === 'admitted').map((entry) => entry.term),
      avoided: entries.filter((entry) => entry.term.status === 'deprecated' || entry.term.status === 'forbidden').map((entry) => entry.term),
      ...(definition ? {definition} : {})
    })
  }

  const source = terms[0]!
  const label = source.preferred[0]?.text ?? source.admitted[0]?.text ?? concept.languages.flatMap((section) => section.terms)[0]?.text ?? concept.id
  return {
    id: concept.id,
    label,
    ...(concept.subjectField ? {subjectField: concept.subjectField} : {}),
    ...(concept.definition ?? source.definition ? {definition: concept.definition ?? source.definition} : {}),
    notes: [...concept.notes],
    terms,
    occurrenceCount: 0,
    occurrences: [],
    violations: {},
    otherViolations: [],
    findings: [],
    search: ''
  }
}

/** Folded words a concept is found by. */
function conceptWords(concept: Concept, entry: ReviewConcept): string[] {
  const texts = [concept.id, entry.subjectField ?? '', entry.definition ?? '', ...entry.notes]
  for (const section of entry.terms) {
    if (section.definition) texts.push(section.definition)
    for (const term of [...section.preferred, ...section.admitted, ...section.avoided]) texts.push(term.text, ...term.notes)
  }

  return texts.filter(Boolean).map(fold)
}


/** A resolver over the target stores, less refused values, with the configured fallback chains. */
function resolver(config: Config, stores: Stores, refused: ReadonlyMap<string, ReadonlySet<string>>): Resolver {
  const resources: Record<string, Record<string, Bundle>> = {}
  for (const [name, bundle] of stores.bundles) {
    const {locale, id} = paths.storeParts(name)
    if (locale !== config.sourceLocale) (resources[locale] ??= {})[id] = usableBundle(name, bundle, refused)
  }

  return createResolver({resources, fallbackLng: config.fallbackLng})
}

/**
 * One locale's rendering of an occurrence: the translation's text with the
 * concept's target terms marked (approved, or avoided), and what a violation
 * names as wrong (`actual`: `Cremlino` left in an English sentence) marked as
 * avoided.
 */
function rendering(locale: string, lookup: Lookup | undefined, one: Found, terms: ProjectTerms): Rendering {
  const violations = one.violations?.get(locale) ?? []
  if (!lookup) return {locale, state: 'untranslated', text: [], violations}
  const {conceptId} = one
  const tokens = fromBundleValue(lookup.value, {tokens: lookup.whole ? one.unit.block.tokens : one.segment.tokens}).tokens
  const plain = textOfTokens(tokens)
  const marks: Array<Mark<MarkKind>> = []
  // A fallback's text is in the fallback's language: its rules find its terms.
  const rules = terms.locales.get(lookup.locale)
  if (rules) {
    const concept = rules.concepts.get(conceptId)
    for (const match of matchTerms(plain, rules.targetIndex)) {
      const ids = [match, ...(match.alternatives ?? [])].filter((other) => other.conceptId === conceptId).map((other) => other.termId)
      if (ids.length === 0) continue
      const avoided = concept?.avoided.some((term) => ids.includes(term.id))
      marks.push({start: match.start, end: match.end, kind: avoided ? 'avoided' : 'approved'})
    }
  }

  for (const actual of violations.flatMap((violation) => violation.actual ?? [])) {
    if (!actual) continue
    for (let at = plain.indexOf(actual); at !== -1; at = plain.indexOf(actual, at + actual.length)) {
      const end = at + actual.length
      if (wordAt(plain, at - 1) || wordAt(plain, end) || marks.some((mark) => mark.start < end && mark.end > at)) continue
      marks.push({start: at, end, kind: 'avoided'})
    }
  }

  return {
    locale,
    state: lookup.locale === locale ? 'translated' : 'fallback',
    ...(lookup.locale === locale ? {} : {from: lookup.locale}),
    ...(lookup.whole ? {whole: true} : {}),
    ...(lookup.refused ? {refused: true} : {}),
    text: textPieces(tokens, one.document.body, marks),
    violations
  }
}

/** Whether a letter, mark or digit stands at an index. */
function wordAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && /[\p{L}\p{M}\p{N}]/u.test(text[index]!)
}

/** Put each diagnostic with a concept on the occurrences and concepts it is about. */
function place(input: GlossaryReviewInput, byConcept: ReadonlyMap<string, ReviewConcept>, byKey: OccurrencesByKey): void {
  const {config} = input
  const stores = new Map<string, {locale: string; document: SourceDocument}>()
  const sources = new Map<string, SourceDocument>()
  for (const document of input.documents.values()) {
    sources.set(paths.source(config, document.path), document)
    for (const locale of config.targetLocales) {
      stores.set(paths.bundle(config, locale, document.id), {locale, document})
      stores.set(paths.xliff(config, locale, document.path), {locale, document})
    }
  }

  for (const diagnostic of input.diagnostics) {
    const concept = diagnostic.conceptId === undefined ? undefined : byConcept.get(diagnostic.conceptId)
    if (!concept) continue
    const source = diagnostic.file === undefined ? undefined : sources.get(diagnostic.file)
    if (source) {
      concept.findings.push(diagnostic)
      const at = occurrenceAt(byKey.get(source), concept.id, diagnostic)
      if (at) (at.findings ??= []).push(diagnostic)
      continue
    }

    const store = diagnostic.file === undefined ? undefined : stores.get(diagnostic.file)
    const locale = store?.locale
    const tally = (concept.violations[locale ?? '*'] ??= {errors: 0, warnings: 0})
    if (diagnostic.severity === 'error') tally.errors++
    else if (diagnostic.severity === 'warning') tally.warnings++
    let placed = false
    for (const {document, unit, segment} of store ? placeOf(store.document, diagnostic) : []) {
      for (const one of byKey.get(document)?.get(segment.key) ?? []) {
        // A whole-unit diagnostic (no segment id) is about its unit's occurrences only.
        if (one.conceptId !== concept.id || (diagnostic.segmentId === undefined && one.unit !== unit)) continue
        push((one.violations ??= new Map()), locale!, diagnostic)
        placed = true
      }
    }

    if (!placed) concept.otherViolations.push({...(locale === undefined ? {} : {locale}), diagnostic})
  }
}

/** The first occurrence (in source order) of a concept that a source diagnostic is at, among a document's. */
function occurrenceAt(inDocument: ReadonlyMap<string, readonly Found[]> | undefined, conceptId: string, diagnostic: Diagnostic): Found | undefined {
  for (const list of inDocument?.values() ?? []) {
    for (const one of list) if (one.conceptId === conceptId && samePlace(one, diagnostic)) return one
  }

  return undefined
}

/** Whether a source diagnostic is at an occurrence's term (same line and column). */
function samePlace(one: Found, diagnostic: Diagnostic): boolean {
  const {line, column} = locatorOf(one.document)(sourceOffset(one.segment.tokens, one.match.start, one.document.body))
  const at = startOf(diagnostic.place)
  return line === at?.line && column === at.column
}

/** The segments a store diagnostic is about: its segment, or every segment of its unit. */
function placeOf(document: SourceDocument, diagnostic: Diagnostic): Place[] {
  const unit = document.units.find((one) => one.id === diagnostic.unitId)
  if (!unit) return []
  const places: Place[] = []
  for (const part of unit.parts) {
    if (part.type !== 'segment') continue
    if (diagnostic.segmentId === undefined || part.segment.id === diagnostic.segmentId) places.push({document, unit, segment: part.segment})
  }

  return places
}

/** Fill in the review's totals: every occurrence counted, listed or not. */
function totals(review: GlossaryReview, found: ReadonlyMap<string, Found[]>): void {
  const sums = review.totals
  sums.concepts = review.concepts.length
  sums.locales = review.targetLocales.map((locale) => ({locale, rendered: 0, errors: 0, warnings: 0}))
  for (const concept of review.concepts) {
    if (concept.occurrenceCount > 0) sums.used++
    sums.occurrences += concept.occurrenceCount
    sums.listed += concept.occurrences.length
    sums.findings += concept.findings.length
    for (const one of found.get(concept.id) ?? []) {
      sums.locales.forEach((entry, index) => {
        if (one.lookups[index]?.refused === false) entry.rendered++
      })
    }

    for (const [locale, tally] of Object.entries(concept.violations)) {
      sums.errors += tally.errors
      sums.warnings += tally.warnings
      const entry = sums.locales.find((one) => one.locale === locale)
      if (entry) {
        entry.errors += tally.errors
        entry.warnings += tally.warnings
      }
    }
  }
}

/** The source offset (in the body) of a plain-text offset of a segment. */
function sourceOffset(tokens: readonly SegmentToken[], plainOffset: number, body: string): number {
  let offset = 0
  for (const token of tokens) {
    const length = token.type === 'text' ? token.value.length : 1
    if (plainOffset < offset + length && token.type === 'text') {
      const exact = body.slice(token.range.start, token.range.end) === token.value
      return exact ? token.range.start + (plainOffset - offset) : token.range.start
    }

    offset += length
  }

  return tokens.find((token) => token.type === 'text')?.range.start ?? 0
}

function push<Value>(map: Map<string, Value[]>, key: string, value: Value): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
