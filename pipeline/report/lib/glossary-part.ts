/**
 * What one document contributes to the glossary review. Takes: a document,
 * what every document's part shares (config, compiled terms, the termbase's
 * concepts, how each locale renders a segment, `maxOccurrences`) and the
 * diagnostics about the document (its source findings, and the violations
 * in its store and XLIFF files, each with its locale). Returns:
 *
 * - its part (`documentPart`): per concept, the occurrences counted, the
 *   forms found, the occurrences each target locale renders, and which of
 *   them have a violation or a source finding (the first `maxOccurrences`);
 *   per diagnostic, whether it sits on an occurrence, and its item's HTML;
 * - its listing (`documentListing`): the occurrences the page lists, asked
 *   for by their number in the document, each with its sentence, renderings
 *   and items' HTML.
 *
 * Both are plain values (a part's figures in typed arrays), and hold no
 * document content beyond what the page shows, so a cached one stands for the document without reading it.
 * Diagnostics are named by their index in the document's list: the review
 * puts the caller's own objects back.
 *
 * ```ts
 * partConcepts(documentPart(document, context, [{diagnostic, locale: 'en'}]), 1)[0] // {id: 'aukus', count: 3, formsAt: 0, formsEnd: 1, flaggedAt: 0, flaggedEnd: 1, renderedAt: 3}
 * ```
 */
import {startOf} from '../../diagnostic.ts'
import type {Config} from '../../config/index.ts'
import {matchTerms, type TermMatch, type TermStatus} from '../../glossary/index.ts'
import {digestBytes} from '../../incremental/index.ts'
import {locator} from '../../markdown/index.ts'
import {paths, type ProjectTerms} from '../../project/index.ts'
import type {Diagnostic, Segment, SegmentToken, SourceDocument, Unit} from '../../types.ts'
import {fromBundleValue, textOfTokens} from '../../units/index.ts'
import {fold} from './fold.ts'
import {findingItem, fragment, occurrencePieces, otherViolationItem} from './glossary-items.ts'
import type {MarkKind, Occurrence, Rendering} from './glossary-review.ts'
import {textPieces, type Mark, type Piece} from './text-pieces.ts'

/** A segment's translation in one locale: the locale it came from, its bundle value, whether it translates the whole unit, whether the build refuses it. */
export interface Lookup {
  locale: string
  value: string
  whole: boolean
  refused: boolean
}

/**
 * Where a locale takes a segment's translation from: the value the build
 * would use, the locale's own whole-unit value first, else the segment's
 * key through the fallback chain (without refused values); a locale's own
 * refused value, marked, before any fallback.
 */
export type LookUp = (locale: string, document: SourceDocument, unit: Unit, segment: Segment) => Lookup | undefined

/** What every document's part shares. */
export interface PartContext {
  config: Config
  terms: ProjectTerms
  /** Ids of the termbase's concepts (a match of another is left out). */
  concepts: ReadonlySet<string>
  lookup: LookUp
  /** Occurrences listed per concept, at most. */
  max: number
}

/** A diagnostic about a document: a source finding (no `locale`), or a violation in one of its store or XLIFF files (its `locale`). */
export interface Routed {
  diagnostic: Diagnostic
  /** The target locale of the store or XLIFF file; none: a source finding. */
  locale?: string
}

/** One concept's occurrences in a document: where its figures are in its document's {@linkcode GlossaryPart}. */
export interface PartConcept {
  id: string
  /** Occurrences in the document, numbered 1… in source order. */
  count: number
  /** Its folded forms are the part's `forms` from `formsAt` (included) to `formsEnd` (excluded). */
  formsAt: number
  formsEnd: number
  /** Its flagged occurrences are the part's `flagged` from `flaggedAt` to `flaggedEnd`. */
  flaggedAt: number
  flaggedEnd: number
  /** Its rendered counts are the part's `figures` from `renderedAt`, one per target locale. */
  renderedAt: number
}

/**
 * A document's part of the review, in flat arrays: thousands of parts are
 * read back from the cache on every run, and a few arrays each deserialize
 * several times faster than an object and three arrays per concept. Read
 * its concepts with {@linkcode partConcepts}.
 */
export interface GlossaryPart {
  /** Ids of the concepts found, in order of their first occurrence. */
  ids: string[]
  /**
   * Per concept (same order), `3 + target locales` numbers: its occurrences
   * (numbered 1… in source order), its forms, its flagged occurrences, then
   * per target locale (config order) the occurrences whose segment it
   * renders (its own value or a fallback's, not a refused one).
   */
  figures: Uint32Array
  /** Each concept's folded forms found, each once, in source order; concept after concept. */
  forms: string[]
  /** Each concept's numbers of the occurrences with a violation or a source finding, the first `max` of them; concept after concept. */
  flagged: Uint32Array
  /** Per diagnostic given (same order): 1 when it sits on an occurrence. */
  placed: Uint8Array
  /** Per diagnostic given: its item's HTML (`findingItem` for a source finding, `otherViolationItem` for a violation that sits on none, else empty). */
  html: string[]
  /**
   * A digest of everything the page can show of the part: the fields above
   * and the diagnostics given (JSON, each with its locale), which the page
   * counts and lists. Not its listings, which the page's key holds apart.
   */
  shown: string
}

/**
 * @param part A document's part.
 * @param locales How many target locales the project has.
 * @returns Its concepts, in order of their first occurrence.
 */
export function partConcepts(part: GlossaryPart, locales: number): PartConcept[] {
  const concepts: PartConcept[] = []
  let formsAt = 0
  let flaggedAt = 0
  part.ids.forEach((id, index) => {
    const at = index * (3 + locales)
    const formsEnd = formsAt + part.figures[at + 1]!
    const flaggedEnd = flaggedAt + part.figures[at + 2]!
    concepts.push({id, count: part.figures[at]!, formsAt, formsEnd, flaggedAt, flaggedEnd, renderedAt: at + 3})
    formsAt = formsEnd
    flaggedAt = flaggedEnd
  })
  return concepts
}

/** A listed occurrence as a part keeps it: diagnostics by their index in the document's list. */
export interface PartOccurrence extends Omit<Occurrence, 'id' | 'findings' | 'renderings'> {
  findings: number[]
  renderings: Array<Omit<Rendering, 'violations'> & {violations: number[]}>
}

/** One occurrence the page lists, by its concept and number in the document, with its pieces' HTML (`occurrencePieces`). */
export interface ListedOccurrence {
  conceptId: string
  number: number
  occurrence: PartOccurrence
  where: string
  body: string
}

/** An occurrence while a document is read. */
interface Found {
  unit: Unit
  segment: Segment
  number: number
  match: TermMatch
  conceptId: string
  /** Concepts the matched text names. */
  concepts: string[]
  /** Where each target locale (in config order) takes the segment's translation from; shared by the segment's occurrences. */
  lookups: Array<Lookup | undefined>
  /** Violations (indexes of the document's diagnostics) by locale, once one is placed here. */
  violations?: Map<string, number[]>
  /** Source findings (indexes) at this term, once one is placed here. */
  findings?: number[]
}

/** A document read: its occurrences by concept, with the diagnostics placed, and the folded forms. */
interface Scan {
  found: Map<string, Found[]>
  forms: Map<string, Set<string>>
  placed: boolean[]
}

/**
 * @param document The document.
 * @param context What every document's part shares.
 * @param diagnostics The diagnostics about the document (with a concept of the termbase), in the review's order.
 * @returns Its part.
 */
export function documentPart(document: SourceDocument, context: PartContext, diagnostics: readonly Routed[]): GlossaryPart {
  const {found, forms, placed} = scanOnce(document, context, diagnostics)
  const locales = context.config.targetLocales.length
  const figures = new Uint32Array(found.size * (3 + locales))
  const formList: string[] = []
  const flaggedList: number[] = []
  let index = 0
  for (const [id, list] of found) {
    const conceptForms = forms.get(id)!
    const flagged = list.filter(isFlagged).slice(0, context.max)
    const at = index++ * (3 + locales)
    figures[at] = list.length
    figures[at + 1] = conceptForms.size
    figures[at + 2] = flagged.length
    for (let locale = 0; locale < locales; locale++) figures[at + 3 + locale] = list.filter((one) => one.lookups[locale]?.refused === false).length
    formList.push(...conceptForms)
    for (const one of flagged) flaggedList.push(one.number)
  }

  const part = {
    ids: [...found.keys()],
    figures,
    forms: formList,
    flagged: Uint32Array.from(flaggedList),
    placed: Uint8Array.from(diagnostics, (routed, index) => (routed.locale !== undefined && placed[index] ? 1 : 0)),
    html: diagnostics.map((routed, index) => {
      if (routed.locale === undefined) return fragment([findingItem(routed.diagnostic)])
      return placed[index] ? '' : fragment([otherViolationItem(routed)])
    })
  }
  // The JSON as made (not `digest`'s sorted form): equal values written in another order only miss.
  const shown = digestBytes(JSON.stringify([part.ids, [...part.figures], part.forms, [...part.flagged], [...part.placed], part.html, diagnostics.map((routed) => [routed.locale ?? null, routed.diagnostic])]))
  return {...part, shown}
}

/**
 * @param document The document.
 * @param context What every document's part shares.
 * @param diagnostics The diagnostics about the document, as given to `documentPart`.
 * @param wanted Numbers of the occurrences to list, by concept.
 * @returns Those occurrences, in the order asked.
 */
export function documentListing(document: SourceDocument, context: PartContext, diagnostics: readonly Routed[], wanted: ReadonlyArray<[string, readonly number[]]>): ListedOccurrence[] {
  const {found} = scanOnce(document, context, diagnostics)
  const listed: ListedOccurrence[] = []
  for (const [conceptId, numbers] of wanted) {
    for (const number of numbers) {
      const one = found.get(conceptId)?.[number - 1]
      if (!one) throw new RangeError('Cannot list occurrence ' + number + ' of `' + conceptId + '` in `' + document.path + '`, expected one of its ' + (found.get(conceptId)?.length ?? 0))
      const {occurrence, full} = occurrenceOf(document, context, diagnostics, one)
      const pieces = occurrencePieces(context.config.sourceLocale, full)
      listed.push({conceptId, number, occurrence, where: fragment(pieces.where), body: fragment(pieces.body)})
    }
  }

  return listed
}

/** Whether an occurrence has a violation or a source finding (listed first). */
function isFlagged(one: Found): boolean {
  return one.violations !== undefined || one.findings !== undefined
}

/** Each context's last document read: the document, the diagnostics it was read with, and what was found. */
const lastScans = new WeakMap<PartContext, {document: SourceDocument; diagnostics: readonly Routed[]; scan: Scan}>()

/**
 * A document read, or the same document read last with the same context and
 * diagnostics (the same objects): a document whose part is made and then
 * its listing (the document edited, in a run that checks the kept page) is
 * read once. Only the last is kept, so a run over every document holds no
 * more than one document's occurrences. Nothing reads a scan to change it.
 */
function scanOnce(document: SourceDocument, context: PartContext, diagnostics: readonly Routed[]): Scan {
  const last = lastScans.get(context)
  if (last && last.document === document && last.diagnostics === diagnostics) return last.scan
  const made = scan(document, context, diagnostics)
  lastScans.set(context, {document, diagnostics, scan: made})
  return made
}

/** Every occurrence of the termbase's concepts in a document, with its diagnostics placed on them. */
function scan(document: SourceDocument, context: PartContext, diagnostics: readonly Routed[]): Scan {
  const {config, terms, concepts: known, lookup} = context
  const found = new Map<string, Found[]>()
  const forms = new Map<string, Set<string>>()
  const byKey = new Map<string, Found[]>()
  for (const unit of document.units) {
    for (const part of unit.parts) {
      if (part.type !== 'segment') continue
      const segment = part.segment
      let translations: Array<Lookup | undefined> | undefined
      for (const match of matchTerms(textOfTokens(segment.tokens), terms.sourceIndex)) {
        const concepts = match.alternatives ? [...new Set([match.conceptId, ...match.alternatives.map((other) => other.conceptId)])] : [match.conceptId]
        let form: string | undefined
        for (const conceptId of concepts) {
          if (!known.has(conceptId)) continue
          form ??= fold(match.text)
          let list = found.get(conceptId)
          if (!list) {
            found.set(conceptId, (list = []))
            forms.set(conceptId, new Set())
          }
          forms.get(conceptId)!.add(form)
          translations ??= config.targetLocales.map((locale) => lookup(locale, document, unit, segment))
          const one: Found = {unit, segment, number: list.length + 1, match, conceptId, concepts, lookups: translations}
          list.push(one)
          push(byKey, segment.key, one)
        }
      }
    }
  }

  return {found, forms, placed: place(document, diagnostics, byKey)}
}

/**
 * Put each diagnostic on the occurrences it is about: a source finding on
 * the first occurrence of its concept at its line and column; a store
 * diagnostic on every occurrence of its concept in its segment (repeats of
 * a sentence share it), or in its unit when it names no segment.
 *
 * @returns Per diagnostic, whether it sits on an occurrence.
 */
function place(document: SourceDocument, diagnostics: readonly Routed[], byKey: ReadonlyMap<string, Found[]>): boolean[] {
  return diagnostics.map(({diagnostic, locale}, index) => {
    if (locale === undefined) {
      const at = occurrenceAt(document, byKey, diagnostic)
      if (at) (at.findings ??= []).push(index)
      return at !== undefined
    }

    let placed = false
    for (const {unit, segment} of placeOf(document, diagnostic)) {
      for (const one of byKey.get(segment.key) ?? []) {
        // A whole-unit diagnostic (no segment id) is about its unit's occurrences only.
        if (one.conceptId !== diagnostic.conceptId || (diagnostic.segmentId === undefined && one.unit !== unit)) continue
        push((one.violations ??= new Map()), locale, index)
        placed = true
      }
    }

    return placed
  })
}

/** The first occurrence (in source order) of a source diagnostic's concept at its line and column. */
function occurrenceAt(document: SourceDocument, byKey: ReadonlyMap<string, readonly Found[]>, diagnostic: Diagnostic): Found | undefined {
  const at = startOf(diagnostic.place)
  for (const list of byKey.values()) {
    for (const one of list) {
      if (one.conceptId !== diagnostic.conceptId) continue
      const {line, column} = locatorOf(document)(sourceOffset(one.segment.tokens, one.match.start, document.body))
      if (line === at?.line && column === at.column) return one
    }
  }

  return undefined
}

/** The segments a store diagnostic is about: its segment, or every segment of its unit. */
function placeOf(document: SourceDocument, diagnostic: Diagnostic): Array<{unit: Unit; segment: Segment}> {
  const unit = document.units.find((one) => one.id === diagnostic.unitId)
  if (!unit) return []
  const places: Array<{unit: Unit; segment: Segment}> = []
  for (const part of unit.parts) {
    if (part.type !== 'segment') continue
    if (diagnostic.segmentId === undefined || part.segment.id === diagnostic.segmentId) places.push({unit, segment: part.segment})
  }

  return places
}

/** A listed occurrence as a part keeps it, and as the page shows it (diagnostics themselves, id still empty). */
function occurrenceOf(document: SourceDocument, context: PartContext, diagnostics: readonly Routed[], one: Found): {occurrence: PartOccurrence; full: Occurrence} {
  const {config, terms} = context
  const {unit, segment, match, conceptId} = one
  const {line, column} = locatorOf(document)(sourceOffset(segment.tokens, match.start, document.body))
  const term = conceptId === match.conceptId ? match : match.alternatives!.find((other) => other.conceptId === conceptId)!
  const renderings = config.targetLocales.map((locale, index) => rendering(document, locale, one.lookups[index], one, terms, diagnostics))
  const findings = one.findings ?? []
  const shared = {
    file: paths.source(config, document.path),
    line,
    column,
    unitId: unit.id,
    segmentId: segment.id,
    key: segment.key,
    form: match.text,
    termId: term.termId,
    status: term.status as TermStatus,
    sentence: textPieces(segment.tokens, document.body, [{start: match.start, end: match.end, kind: term.status === 'deprecated' || term.status === 'forbidden' ? 'variant' : 'term'}]) as Array<Piece<MarkKind>>
  }
  const also = one.concepts.length > 1 ? {alsoConcepts: one.concepts.filter((other) => other !== conceptId)} : {}
  const diagnostic = (index: number) => diagnostics[index]!.diagnostic
  return {
    occurrence: {...shared, renderings: renderings.map((entry) => ({...entry.value, violations: entry.violations})), findings, ...also},
    full: {id: '', ...shared, renderings: renderings.map((entry) => ({...entry.value, violations: entry.violations.map(diagnostic)})), findings: findings.map(diagnostic), ...also}
  }
}

const locators = new WeakMap<SourceDocument, ReturnType<typeof locator>>()

/** A document's offset-to-line-and-column function, made once. */
function locatorOf(document: SourceDocument): ReturnType<typeof locator> {
  let locate = locators.get(document)
  if (!locate) locators.set(document, (locate = locator(document.body)))
  return locate
}

/**
 * One locale's rendering of an occurrence: the translation's text with the
 * concept's target terms marked (approved, or avoided), and what a violation
 * names as wrong (`actual`: `Cremlino` left in an English sentence) marked as
 * avoided.
 */
function rendering(document: SourceDocument, locale: string, lookup: Lookup | undefined, one: Found, terms: ProjectTerms, diagnostics: readonly Routed[]): {value: Omit<Rendering, 'violations'>; violations: number[]} {
  const violations = one.violations?.get(locale) ?? []
  if (!lookup) return {value: {locale, state: 'untranslated', text: []}, violations}
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

  for (const actual of violations.flatMap((index) => diagnostics[index]!.diagnostic.actual ?? [])) {
    if (!actual) continue
    for (let at = plain.indexOf(actual); at !== -1; at = plain.indexOf(actual, at + actual.length)) {
      const end = at + actual.length
      if (wordAt(plain, at - 1) || wordAt(plain, end) || marks.some((mark) => mark.start < end && mark.end > at)) continue
      marks.push({start: at, end, kind: 'avoided'})
    }
  }

  return {
    value: {
      locale,
      state: lookup.locale === locale ? 'translated' : 'fallback',
      ...(lookup.locale === locale ? {} : {from: lookup.locale}),
      ...(lookup.whole ? {whole: true} : {}),
      ...(lookup.refused ? {refused: true} : {}),
      text: textPieces(tokens, document.body, marks)
    },
    violations
  }
}

/** Whether a letter, mark or digit stands at an index. */
function wordAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && /[\p{L}\p{M}\p{N}]/u.test(text[index]!)
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
