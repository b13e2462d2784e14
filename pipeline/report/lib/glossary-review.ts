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
 *
 * Each document's part (`glossary-part.ts`: its occurrences counted and
 * flagged, its diagnostics placed, the occurrences it has listed) is made
 * once and, given a `reuse` store, kept under a key of everything it is
 * made of (`glossaryPartKey`); the review combines the parts, numbering
 * every occurrence in document order, so an edit of one document makes its
 * part again and reads the others' back without their content. A run of
 * diagnostics given with a key that stands for them (`keyed`: a document's
 * lint findings, by their cache entry's key) goes into the part's key as
 * that key, not as its JSON. The parts
 * combined are kept too (`glossary-combined.ts`): a run reads that one
 * value and the parts of the documents whose key it lacks, not every part.
 * So is the page (`glossaryReviewPage`), used when every part and listing
 * shows what the last page's did.
 */
import {createResolver, type Resolver} from '../../build/index.ts'
import type {Config} from '../../config/index.ts'
import {indexTermbase, termsOfLanguage, type Concept, type Term, type TermEntry, type Termbase, type TermStatus} from '../../glossary/index.ts'
import {digestBytes, glossaryCombinedKey, glossaryContextKey, glossaryListingKey, glossaryPageIndexKey, glossaryPageKey, glossaryPartKey} from '../../incremental/index.ts'
import {outputKinds, paths, projectTerms, reused, usableBundle, type ProjectTerms, type Reuse, type Stores} from '../../project/index.ts'
import type {Bundle, Diagnostic, SourceDocument} from '../../types.ts'
import {hasValues} from '../../store/index.ts'
import {documentId} from '../../units/index.ts'
import {fold} from './fold.ts'
import type {PageFragments} from './glossary-items.ts'
import {combineParts} from './glossary-combined.ts'
import {documentListing, documentPart, type GlossaryPart, type ListedOccurrence, type LookUp, type PartContext, type Routed} from './glossary-part.ts'
import type {Html} from './page.ts'
import type {Piece} from './text-pieces.ts'

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
  /** Each document's part of the review from the store when nothing it is made of changed (`glossaryPartKey`); made every time when not given. */
  reuse?: Reuse | null | undefined
  /**
   * Runs of source findings about concepts, given apart from `diagnostics`
   * and placed before them, in order, each with a key that stands for them:
   * a digest of everything they are made of (the key of the lint cache
   * entry they were read from or stored under). A run about a document's
   * source, the first about it, whose concepts are all the termbase's, is
   * routed by its concepts and file alone: its key goes into the document's
   * part key in place of their JSON, and its findings are read only when
   * that part, or the page, is made. Any other run is read and placed as
   * `diagnostics` are. None when not given.
   */
  keyed?: ReadonlyArray<KeyedDiagnostics> | null | undefined
}

/** A document's source findings about concepts, given apart from the diagnostics (see {@linkcode GlossaryReviewInput.keyed}). */
export interface KeyedDiagnostics {
  /** Each finding's concept, in order. */
  conceptIds: readonly string[]
  /** The source file they are all about. */
  file: string
  /** The findings, in order: called when the review first needs them. */
  diagnostics: () => readonly Diagnostic[]
  key: string
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

const defaultMaxOccurrences = 20

/**
 * @param input Config, termbase, documents, stores, diagnostics.
 * @returns The review.
 */
export function glossaryReview(input: GlossaryReviewInput): GlossaryReview {
  return reviewWithFragments(input).review
}

/** A document as the combination knows it: by path and id (the document itself is read only to make its part). */
type DocumentRef = Pick<SourceDocument, 'path' | 'id'>

/**
 * Where each diagnostic goes, by its index in the review's: its document
 * (its index in the review's documents; -1: a file of no document; -2: no
 * concept of the termbase, not routed), its index in the document's list,
 * and the locale of its store or XLIFF file (none: a source finding).
 */
interface Routes {
  document: Int32Array
  index: Int32Array
  locale: Array<string | undefined>
}

/**
 * The review, and the HTML its documents' parts hold for the page's items.
 *
 * @param input Config, termbase, documents, stores, diagnostics.
 * @returns The review and the items' HTML.
 */
export function reviewWithFragments(input: GlossaryReviewInput): {review: GlossaryReview; fragments: PageFragments} {
  const made = reviewOrPage(input, undefined)
  return {review: made.review!, fragments: made.fragments!}
}

/**
 * The review's page: `render` of the review and its items' HTML, or, given a
 * `reuse` store, the page an earlier run rendered when everything it is made
 * of is the same (`glossaryPageKey`): then the review is not combined, listed
 * nor rendered. A one-file edit that changes nothing the page shows (a
 * sentence with no term, the counts the same) reads its document's part and
 * the kept page, not every concept's card.
 *
 * What the page is made of: the shared part (config, glossary,
 * `maxOccurrences`); the documents' paths; each diagnostic with a concept,
 * in order, by its document and locale (one of no document, as its JSON);
 * each document's part as its `shown` digest (its figures, forms, flagged
 * numbers, items' HTML and its diagnostics' JSON); and each listed
 * document's listing, by the numbers asked and a digest of its JSON. Which
 * occurrences are listed follows from the parts: when every part's `shown`
 * is the last page's, so are the numbers asked. The last page's parts and
 * listings are kept beside it (`glossary-page-index`: by document, its
 * part's key and `shown`), so a run reads only the parts and listings of
 * the documents whose part key changed.
 *
 * The kept page is kept as `render` made it: as text or bytes (`Html`).
 *
 * @param input Config, termbase, documents, stores, diagnostics, the cache.
 * @param render Makes the page of a review and its items' HTML.
 * @returns The page's HTML (text or bytes, as `render` made it or as it was kept).
 */
export function glossaryReviewPage(input: GlossaryReviewInput, render: (review: GlossaryReview, fragments: PageFragments) => Html): Html {
  return reviewOrPage(input, render).html!
}

/** The last page's parts, listings and key (`glossaryReviewPage`). */
interface PageIndex {
  /** What the page is made of besides the parts and listings. */
  rest: string
  /** Each document's part key and `shown` digest, in document order. */
  keys: string[]
  shown: string[]
  /** The documents listed: index, the numbers asked by concept, and a digest of the listing. */
  listed: ListedDigest[]
}

type ListedDigest = [document: number, asked: Array<[string, number[]]>, digest: string]

/** A kept page: its key and HTML. */
interface KeptPage {
  key: string
  html: Html
}

/** The review (and items' HTML), and its page when `render` is given (a kept page: no review). */
function reviewOrPage(input: GlossaryReviewInput, render: ((review: GlossaryReview, fragments: PageFragments) => Html) | undefined): {review?: GlossaryReview; fragments?: PageFragments; html?: Html} {
  const {config, termbase} = input
  // Each document by path and id: the full document is read only to make a part or listing the cache does not hold.
  const documents = [...input.documents.keys()].map((path): DocumentRef => ({path, id: documentId(path)}))
  const items = new Map<Diagnostic, string>()
  const placedOccurrences = new Map<Occurrence, {where: string; body: string}>()
  const fragments: PageFragments = {items, occurrences: placedOccurrences}
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
    return {review, fragments, ...(render ? {html: render(review, fragments)} : {})}
  }

  if (termbase.title) review.title = termbase.title
  const terms = input.terms ?? projectTerms(config, termbase)
  const max = input.maxOccurrences ?? defaultMaxOccurrences
  if (!Number.isInteger(max) || max < 0) throw new TypeError('Cannot list `' + String(max) + '` occurrences (`options.maxOccurrences`), expected a whole number of 0 or more')
  // The concepts by id (the cards are made after the kept page's check: a kept page needs none).
  const concepts = new Set(termbase.concepts.map((concept) => concept.id))
  const refused = input.refused ?? new Map<string, ReadonlySet<string>>()
  const routed = route(input, documents, review.documents, concepts)
  const {routes} = routed
  const context: PartContext = {config, terms, concepts, lookup: lookups(config, input.stores, refused), max}
  const reuse = input.reuse ?? undefined
  // Without the termbase's digest a stored part could be another termbase's: made every time.
  const shared = reuse?.glossary === undefined ? undefined : glossaryContextKey(config, reuse.glossary, max)
  const values = storedValues(config, input.stores, refused)

  // Every document's part, combined in document order: from the combination kept by the last run where its key is there, else from the store or made.
  const targets = config.targetLocales.length
  const keys = documents.map((document, index) => {
    const documentKey = shared === undefined ? undefined : reuse?.keys.get(document.path)
    return documentKey && glossaryPartKey(documentKey, shared!, values(document.id), routed.keyOf(index))
  })
  const store = reuse?.store
  const conceptIds = [...concepts]
  const combinedKey = store && shared !== undefined && keys.every((key) => key !== undefined) ? glossaryCombinedKey(shared) : undefined
  // Each document's part, got once (the page's check and the combination may both ask for it).
  const parts = new Map<number, GlossaryPart>()
  const partOf = (index: number): GlossaryPart => {
    let part = parts.get(index)
    if (!part) parts.set(index, (part = reused(store, outputKinds.glossaryPart, keys[index], () => documentPart(input.documents.get(documents[index]!.path)!, context, routed.of(index)))))
    return part
  }
  const listingOf = (document: number, asked: Array<[string, number[]]>): ListedOccurrence[] => {
    const key = keys[document]
    return reused(store, outputKinds.glossaryListing, key && glossaryListingKey(key, asked), () => documentListing(input.documents.get(documents[document]!.path)!, context, routed.of(document), asked))
  }

  // The page kept by the last run, when everything it is made of is the same.
  const pageIndexKey = render && combinedKey && glossaryPageIndexKey(shared!)
  let pageFacts: {rest: string; index: PageIndex | undefined; shown: Array<string | undefined>} | undefined
  if (pageIndexKey) {
    const rest = routesDigest(review.documents, routed)
    const index = usableIndex(store!.get(outputKinds.glossaryPageIndex, pageIndexKey))
    // A document's `shown` when the last page had a part of the same key (documents added, removed or moved keep theirs), else from its part (got only when needed).
    const known = new Map(index?.keys.map((key, at) => [key, index.shown[at]!]))
    const shown = keys.map((key) => known.get(key!))
    pageFacts = {rest, index, shown}
    if (index && index.rest === rest && index.keys.length === documents.length && shown.every((one, at) => (one ?? (shown[at] = partOf(at).shown)) === index.shown[at])) {
      const listed = index.listed.map(([document, asked, digest]): ListedDigest => [document, asked, keys[document] === index.keys[document] ? digest : listingDigest(listingOf(document, asked))])
      const pageKey = glossaryPageKey(shared!, rest, index.shown, listed)
      const kept = store!.get<KeptPage>(outputKinds.glossaryPage, pageIndexKey)
      if (kept && kept.key === pageKey && (typeof kept.html === 'string' || kept.html instanceof Uint8Array)) {
        if (keys.some((key, at) => key !== index.keys[at]) || listed.some((one, at) => one[2] !== index.listed[at]![2])) store!.put(outputKinds.glossaryPageIndex, pageIndexKey, {...index, keys: keys as string[], listed} satisfies PageIndex)
        return {html: kept.html}
      }
    }
  }

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

  const {combined, changed} = combineParts({
    keys,
    concepts: conceptIds,
    locales: targets,
    kept: combinedKey && store!.get(outputKinds.glossaryCombined, combinedKey),
    partOf
  })
  if (combinedKey && changed) store!.put(outputKinds.glossaryCombined, combinedKey, combined)

  // Each record's document, where its flagged numbers start, and its concept's occurrences in the documents before (its first occurrence is numbered after them); each concept's records in document order.
  const records = combined.concept.length
  const recordDocument = new Uint32Array(records)
  const flaggedFrom = new Uint32Array(records)
  const before = new Uint32Array(records)
  const conceptTotals = new Uint32Array(conceptIds.length)
  const flaggedTotals = new Uint32Array(conceptIds.length)
  const recordsFrom = new Uint32Array(conceptIds.length + 1)
  const rendered = config.targetLocales.map(() => 0)
  const formsFound = combined.forms.length
  // A concept's form by number (concept, then form): a bitmap of every pair would grow with the termbase times its forms.
  const formsSeen = new Set<number>()
  let record = 0
  let formAt = 0
  let flaggedAt = 0
  for (let document = 0; document < documents.length; document++) {
    for (const end = record + combined.records[document]!; record < end; record++) {
      const concept = combined.concept[record]!
      recordDocument[record] = document
      flaggedFrom[record] = flaggedAt
      flaggedAt += combined.flaggedCount[record]!
      before[record] = conceptTotals[concept]!
      conceptTotals[concept]! += combined.count[record]!
      flaggedTotals[concept]! += combined.flaggedCount[record]!
      recordsFrom[concept + 1]!++
      for (const formEnd = formAt + combined.formCount[record]!; formAt < formEnd; formAt++) {
        // Each concept's forms found, each once, in the order found.
        const form = combined.formIds[formAt]!
        const seen = concept * formsFound + form
        if (formsSeen.has(seen)) continue
        formsSeen.add(seen)
        searchWords.get(conceptIds[concept]!)!.add(combined.forms[form]!)
      }
      for (let index = 0; index < targets; index++) rendered[index]! += combined.rendered[record * targets + index]!
    }
  }
  for (let concept = 0; concept < conceptIds.length; concept++) recordsFrom[concept + 1]! += recordsFrom[concept]!
  const inOrder = new Uint32Array(records)
  const filled = recordsFrom.slice(0, -1)
  for (let one = 0; one < records; one++) inOrder[filled[combined.concept[one]!]!++] = one

  // The occurrences listed: those with a violation or a source finding first, then the first in source order.
  const wanted = new Map<number, Map<string, number[]>>()
  const offsets = new Map<number, Map<string, number>>()
  const indexOf = new Map(conceptIds.map((id, index) => [id, index]))
  for (const concept of review.concepts) {
    const index = indexOf.get(concept.id)!
    concept.occurrenceCount = conceptTotals[index]!
    let listFlagged = Math.min(flaggedTotals[index]!, max)
    let listRest = max - listFlagged
    for (let at = recordsFrom[index]!; at < recordsFrom[index + 1]!; at++) {
      if (listFlagged === 0 && listRest === 0) break
      const record = inOrder[at]!
      const count = combined.count[record]!
      const flags = combined.flagged.subarray(flaggedFrom[record]!, flaggedFrom[record]! + combined.flaggedCount[record]!)
      let numbers: number[]
      if (listRest === 0) {
        // Only flagged ones are still listed.
        numbers = [...flags.subarray(0, listFlagged)]
        listFlagged -= numbers.length
      } else {
        const marked = new Set(flags)
        numbers = []
        for (let number = 1; number <= count && (listFlagged > 0 || listRest > 0); number++) {
          if (marked.has(number)) {
            if (listFlagged > 0) {
              numbers.push(number)
              listFlagged--
            }
          } else if (listRest > 0) {
            numbers.push(number)
            listRest--
          }
        }
      }

      if (numbers.length === 0) continue
      const document = recordDocument[record]!
      const inDocument = wanted.get(document) ?? new Map<string, number[]>()
      inDocument.set(concept.id, numbers)
      wanted.set(document, inDocument)
      const offset = offsets.get(document) ?? new Map<string, number>()
      offset.set(concept.id, before[record]!)
      offsets.set(document, offset)
    }

    concept.search = [...searchWords.get(concept.id)!].join(' ')
  }

  // The listed occurrences, from each document's listing.
  const listed = new Map<string, Array<{number: number; occurrence: Occurrence}>>()
  const listings: ListedDigest[] = []
  for (const [document, inDocument] of wanted) {
    const diagnostics = routed.of(document)
    const asked = [...inDocument]
    const listing = listingOf(document, asked)
    if (pageFacts) listings.push([document, asked, listingDigest(listing)])
    const offset = offsets.get(document)!
    for (const one of listing) {
      const number = offset.get(one.conceptId)! + one.number
      const occurrence = listedOccurrence(one, number, diagnostics)
      placedOccurrences.set(occurrence, {where: one.where, body: one.body})
      const list = listed.get(one.conceptId) ?? []
      list.push({number, occurrence})
      listed.set(one.conceptId, list)
    }
  }

  for (const concept of review.concepts) {
    concept.occurrences = (listed.get(concept.id) ?? []).sort((a, b) => a.number - b.number).map((one) => one.occurrence)
  }

  // Diagnostics, in the order given: source findings and violations on their concepts.
  const diagnosticsFrom = new Uint32Array(documents.length)
  for (let index = 1; index < documents.length; index++) diagnosticsFrom[index] = diagnosticsFrom[index - 1]! + combined.diagnostics[index - 1]!
  for (let index = 0; index < routed.length; index++) {
    const document = routes.document[index]!
    if (document === -2) continue
    const diagnostic = routed.at(index)
    const concept = byConcept.get(diagnostic.conceptId!)!
    const locale = routes.locale[index]
    const at = document >= 0 ? diagnosticsFrom[document]! + routes.index[index]! : undefined
    const made = at === undefined ? undefined : {placed: combined.placed[at] === 1, html: combined.html[at]!}
    if (document >= 0 && locale === undefined) {
      concept.findings.push(diagnostic)
      items.set(diagnostic, made!.html)
      continue
    }

    const tally = (concept.violations[locale ?? '*'] ??= {errors: 0, warnings: 0})
    if (diagnostic.severity === 'error') tally.errors++
    else if (diagnostic.severity === 'warning') tally.warnings++
    if (made?.placed) continue
    concept.otherViolations.push({...(locale === undefined ? {} : {locale}), diagnostic})
    if (made) items.set(diagnostic, made.html)
  }

  totals(review, rendered)
  if (!render) return {review, fragments}
  const html = render(review, fragments)
  if (pageFacts) {
    const {rest, shown} = pageFacts
    const all = shown.map((one, at) => one ?? partOf(at).shown)
    store!.put(outputKinds.glossaryPage, pageIndexKey!, {key: glossaryPageKey(shared!, rest, all, listings), html} satisfies KeptPage)
    store!.put(outputKinds.glossaryPageIndex, pageIndexKey!, {rest, keys: keys as string[], shown: all, listed: listings} satisfies PageIndex)
  }

  return {review, fragments, html}
}

/** A digest of a document's listing: everything the page shows of its listed occurrences (their diagnostics by index: the part's `shown` holds them). */
function listingDigest(listing: readonly ListedOccurrence[]): string {
  return digestBytes(JSON.stringify(listing))
}

/** A kept page index when it has the fields of one, and a `shown` and a part key per document; else none. */
function usableIndex(value: unknown): PageIndex | undefined {
  if (value === null || typeof value !== 'object') return undefined
  const index = value as Partial<PageIndex>
  if (typeof index.rest !== 'string' || !Array.isArray(index.keys) || !Array.isArray(index.shown) || !Array.isArray(index.listed)) return undefined
  const documents = index.keys.length
  if (index.shown.length !== documents || !index.shown.every((one) => typeof one === 'string')) return undefined
  if (!index.listed.every((one) => Array.isArray(one) && one.length === 3 && Number.isInteger(one[0]) && one[0] >= 0 && one[0] < documents && Array.isArray(one[1]) && typeof one[2] === 'string')) return undefined
  return index as PageIndex
}

/** A listed occurrence with its number in the page, and the caller's diagnostics in place of their indexes. */
function listedOccurrence(one: ListedOccurrence, number: number, diagnostics: readonly Routed[]): Occurrence {
  const diagnostic = (index: number) => diagnostics[index]!.diagnostic
  const {findings, renderings, alsoConcepts, ...rest} = one.occurrence
  return {
    id: `${one.conceptId}-${number}`,
    ...rest,
    renderings: renderings.map((entry) => ({...entry, violations: entry.violations.map(diagnostic)})),
    findings: findings.map(diagnostic),
    ...(alsoConcepts ? {alsoConcepts} : {})
  }
}

/** The review's diagnostics in one numbering (each keyed run's, then `diagnostics`), and where each goes. */
interface RoutedDiagnostics {
  /** How many there are. */
  length: number
  /** The diagnostic of a number (a run routed whole is read on the first need). */
  at(index: number): Diagnostic
  /** A document's diagnostics: its run's when it has one routed whole (read on the first need), then the others sent to it. */
  of(document: number): readonly Routed[]
  /** What stands for a document's diagnostics in its part's key: its whole run's key and the others' JSON, else all of theirs. */
  keyOf(document: number): unknown
  routes: Routes
}

/**
 * Each diagnostic with a concept of the termbase, sent to the document it is
 * about: by its file, a source (a source finding) or one of the document's
 * store or XLIFF files (a violation, with its locale). One whose file is no
 * document's stays with its concept only.
 *
 * The keyed runs come first, in order. A run about a document's source that
 * opens the document's diagnostics and whose concepts are all the
 * termbase's is routed whole, by its concepts and file, without reading it;
 * any other is read and routed a diagnostic at a time.
 *
 * @param sources Each document's source path (`paths.source`), in the same order.
 * @returns The diagnostics by number, each document's, and each one's route (none: no concept of the termbase).
 */
function route(input: GlossaryReviewInput, documents: readonly DocumentRef[], sources: readonly string[], concepts: ReadonlySet<string>): RoutedDiagnostics {
  const {config} = input
  const bySource = new Map(sources.map((source, at) => [source, at]))
  // Made on the first diagnostic about no source (a project's findings are mostly source findings).
  let stores: Map<string, {locale: string; document: number}> | undefined
  const storeOf = (file: string) => {
    if (!stores) {
      stores = new Map()
      for (const [at, document] of documents.entries()) {
        for (const locale of config.targetLocales) {
          stores.set(paths.bundle(config, locale, document.id), {locale, document: at})
          stores.set(paths.xliff(config, locale, document.path), {locale, document: at})
        }
      }
    }

    return stores.get(file)
  }

  // Those sent to each document one at a time (after its whole run, if it has one).
  const routed = documents.map((): Routed[] => [])
  // By number: where it goes (-2: no concept of the termbase; -1: no document), its place among its document's, its locale; the diagnostic, or the whole run it is in.
  const documentOf: number[] = []
  const indexOf: number[] = []
  const locale: Array<string | undefined> = []
  const single: Array<Diagnostic | undefined> = []
  const inRun: Array<WholeRun | undefined> = []
  const wholeRuns = new Map<number, WholeRun>()
  const sendOne = (diagnostic: Diagnostic) => {
    single.push(diagnostic)
    inRun.push(undefined)
    if (diagnostic.conceptId === undefined || !concepts.has(diagnostic.conceptId)) {
      documentOf.push(-2)
      indexOf.push(-1)
      locale.push(undefined)
      return
    }

    const source = diagnostic.file === undefined ? undefined : bySource.get(diagnostic.file)
    const store = source !== undefined || diagnostic.file === undefined ? undefined : storeOf(diagnostic.file)
    const document = source ?? store?.document
    documentOf.push(document ?? -1)
    if (document === undefined) {
      indexOf.push(-1)
      locale.push(undefined)
      return
    }

    const before = wholeRuns.get(document)?.run.conceptIds.length ?? 0
    indexOf.push(before + routed[document]!.push(store ? {diagnostic, locale: store.locale} : {diagnostic}) - 1)
    locale.push(store?.locale)
  }

  for (const run of input.keyed ?? []) {
    // An empty run routes nothing.
    if (run.conceptIds.length === 0) continue
    const source = bySource.get(run.file)
    if (source !== undefined && !wholeRuns.has(source) && routed[source]!.length === 0 && run.conceptIds.every((id) => concepts.has(id))) {
      const whole: WholeRun = {run, from: documentOf.length, read: undefined}
      wholeRuns.set(source, whole)
      run.conceptIds.forEach((_, at) => {
        documentOf.push(source)
        indexOf.push(at)
        locale.push(undefined)
        single.push(undefined)
        inRun.push(whole)
      })
      continue
    }

    for (const diagnostic of readRun(run)) sendOne(diagnostic)
  }

  for (const diagnostic of input.diagnostics) sendOne(diagnostic)
  const readWhole = (whole: WholeRun) => (whole.read ??= readRun(whole.run))
  const ofDocument = new Map<number, Routed[]>()
  const listed = (diagnostics: readonly Routed[]) => diagnostics.map((one) => [one.locale ?? null, one.diagnostic])
  return {
    length: documentOf.length,
    at: (index) => single[index] ?? readWhole(inRun[index]!)[index - inRun[index]!.from]!,
    of(document) {
      const whole = wholeRuns.get(document)
      if (!whole) return routed[document]!
      let all = ofDocument.get(document)
      if (!all) ofDocument.set(document, (all = [...readWhole(whole).map((diagnostic): Routed => ({diagnostic})), ...routed[document]!]))
      return all
    },
    keyOf(document) {
      const whole = wholeRuns.get(document)
      // An object and an array never give the same JSON.
      return whole ? {keyed: whole.run.key, rest: listed(routed[document]!)} : listed(routed[document]!)
    },
    routes: {document: Int32Array.from(documentOf), index: Int32Array.from(indexOf), locale}
  }
}

/** A keyed run routed whole: where its numbers start, and its findings once read. */
interface WholeRun {
  run: KeyedDiagnostics
  from: number
  read: readonly Diagnostic[] | undefined
}

/** A keyed run's findings, checked to be those it names: as many, each about its concept and its file. */
function readRun(run: KeyedDiagnostics): readonly Diagnostic[] {
  const read = run.diagnostics()
  if (read.length !== run.conceptIds.length || read.some((diagnostic, at) => diagnostic.conceptId !== run.conceptIds[at] || diagnostic.file !== run.file)) {
    throw new TypeError('Cannot place the keyed run `' + run.key + '`: its diagnostics are not about the concepts (`conceptIds`) and the file (`file`) it names')
  }

  return read
}

/**
 * A digest of the documents' source paths and of where each routed
 * diagnostic goes, in order: its document, and its locale (a store or XLIFF
 * file's) or, for one of no document, its JSON. Three texts joined by
 * newlines (JSON, and numbers joined by commas, hold no raw newline): the
 * paths, each routed diagnostic's document (-1: none), then its locale or
 * JSON by its place among the routed ones.
 */
function routesDigest(sources: readonly string[], routed: RoutedDiagnostics): string {
  const {routes} = routed
  const documents: number[] = []
  const named: Array<[number, unknown]> = []
  for (let index = 0; index < routes.document.length; index++) {
    const document = routes.document[index]!
    if (document === -2) continue
    if (document === -1) named.push([documents.length, routed.at(index)])
    else if (routes.locale[index] !== undefined) named.push([documents.length, routes.locale[index]])
    documents.push(document)
  }

  return digestBytes(`${JSON.stringify(sources)}\n${documents.join(',')}\n${JSON.stringify(named)}`)
}

/** A document's bundles (every locale but the source's, where the review looks a segment up: its own and its fallbacks'), each with the keys refused in it, by document id. */
function storedValues(config: Config, stores: Stores, refused: ReadonlyMap<string, ReadonlySet<string>>): (id: string) => unknown {
  const byId = new Map<string, Array<[string, Bundle, string[]]>>()
  for (const [name, bundle] of stores.bundles) {
    const {locale, id} = paths.storeParts(name)
    // An empty bundle renders nothing, as a missing one: extract's empty store files do not change a part's key.
    if (locale === config.sourceLocale || !hasValues(bundle)) continue
    const list = byId.get(id) ?? []
    list.push([locale, bundle, [...(refused.get(name) ?? [])].sort()])
    byId.set(id, list)
  }

  return (id) => (byId.get(id) ?? []).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
}

/** Terms of each concept in each locale (a bare language takes its regional tags), found once. */
function termsByConcept(index: ReturnType<typeof indexTermbase>, locales: readonly string[]): Map<string, Map<string, TermEntry[]>> {
  const byLocale = new Map<string, Map<string, TermEntry[]>>()
  for (const locale of locales) {
    const byConcept = new Map<string, TermEntry[]>()
    for (const entry of termsOfLanguage(index, locale)) {
      const list = byConcept.get(entry.concept.id)
      if (list) list.push(entry)
      else byConcept.set(entry.concept.id, [entry])
    }
    byLocale.set(locale, byConcept)
  }

  return byLocale
}

/** The {@linkcode LookUp} of a project's stores less what the build refuses (its resolver made on the first look-up). */
function lookups(config: Config, stores: Stores, refusedKeys: ReadonlyMap<string, ReadonlySet<string>>): LookUp {
  let resolve: Resolver | undefined
  return (locale, document, unit, segment) => {
    const name = paths.store(locale, document.id)
    const own = stores.bundles.get(name)
    const refused = refusedKeys.get(name)
    const whole = ownValue(own, unit.id)
    if (whole !== undefined) return {locale, value: whole, whole: true, refused: refused?.has(unit.id) === true}
    const single = refused?.has(segment.key) ? ownValue(own, segment.key) : undefined
    if (single !== undefined) return {locale, value: single, whole: false, refused: true}
    resolve ??= resolver(config, stores, refusedKeys)
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

/** A resolver over the target stores, less refused values, with the configured fallback chains. */
function resolver(config: Config, stores: Stores, refused: ReadonlyMap<string, ReadonlySet<string>>): Resolver {
  const resources: Record<string, Record<string, Bundle>> = {}
  for (const [name, bundle] of stores.bundles) {
    const {locale, id} = paths.storeParts(name)
    if (locale !== config.sourceLocale) (resources[locale] ??= {})[id] = usableBundle(name, bundle, refused)
  }

  return createResolver({resources, fallbackLng: config.fallbackLng})
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

/** Fill in the review's totals: every occurrence counted, listed or not; `rendered`: per target locale, the occurrences it renders. */
function totals(review: GlossaryReview, rendered: readonly number[]): void {
  const sums = review.totals
  sums.concepts = review.concepts.length
  sums.locales = review.targetLocales.map((locale, index) => ({locale, rendered: rendered[index]!, errors: 0, warnings: 0}))
  for (const concept of review.concepts) {
    if (concept.occurrenceCount > 0) sums.used++
    sums.occurrences += concept.occurrenceCount
    sums.listed += concept.occurrences.length
    sums.findings += concept.findings.length
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
