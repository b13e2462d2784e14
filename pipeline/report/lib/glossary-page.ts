/**
 * The glossary review page. Takes: a glossary review (`glossaryReview`).
 * Returns: `reports/glossary.html`, one self-contained page: figures, then
 * every concept (terms per locale, source findings, violations, the
 * concordance of its occurrences with each locale's rendering), an index of
 * concepts, and a toolbar to search and filter by locale, term status,
 * violations and source findings (the page works without script too: it then
 * shows everything).
 *
 * Every value from the termbase, sources and stores goes in as a text node
 * or attribute value, escaped by the serializer (`page`). The repeated items
 * (findings, occurrences) are serialized one by one, or come made from the
 * review's parts, and the page inserts them (`page`'s `inserts`).
 *
 * Each concept's card is serialized on its own and inserted too. Given a
 * store (the CLI's cache), a card's HTML is kept under a digest of
 * everything it is made of: the source locale, its position, the concept
 * (a JSON value) and the items' HTML it holds. A one-file edit renders the
 * cards whose concept or items changed and reads the others back, instead
 * of building and serializing every card (babele's code is in the cache
 * folder's name). A kept card is its UTF-8 bytes (`htmlBytes`), which the
 * page copies in as they are (`glossaryPageHtml`: the page as bytes, for the
 * CLI to write as they are).
 */
import {percentShare} from '../../build/index.ts'
import type {ElementContent} from 'hast'
import {h, s} from 'hastscript'
import type {Term} from '../../glossary/index.ts'
import {digestBytes} from '../../incremental/index.ts'
import {reused, type EntryStore} from '../../project/index.ts'
import {findingItem, fragment, occurrencePieces, otherViolationItem, type PageFragments} from './glossary-items.ts'
import type {Severity} from '../../types.ts'
import type {GlossaryReview, ReviewConcept, ReviewTerms} from './glossary-review.ts'
import {glossaryScript} from './glossary-script.ts'
import {htmlBytes, insertion, page, pageHtml, serialize, type Html, type Options as PageOptions} from './page.ts'
import {plural} from './parts.ts'
import {glossaryStyle} from './style.ts'

const noFragments: PageFragments = {items: new Map(), occurrences: new Map()}

/** Options of {@linkcode glossaryPage}. */
export interface GlossaryPageOptions {
  /** Where rendered concept cards are kept (none: every card is rendered). */
  store?: EntryStore | null | undefined
}

/** The cache entries' kind: concept cards, as HTML. */
const kind = 'glossary-page'

/**
 * What a concept's card shows besides its items: the concept's own fields,
 * its figures, and of each listed occurrence its anchor, place and the
 * severities of its violations. The card is rendered from these values and
 * its items' HTML alone, so its key holds everything it is made of.
 */
interface CardValues extends Pick<ReviewConcept, 'id' | 'label' | 'subjectField' | 'definition' | 'notes' | 'terms' | 'search' | 'violations'> {
  /** How many source findings, violations with no occurrence, and occurrences the concept has. */
  findings: number
  otherViolations: number
  occurrenceCount: number
  occurrences: Array<{id: string; file: string; line: number; column: number; violations: Array<{locale: string; severities: Severity[]}>}>
}

/** The HTML a card holds made: its items', made before (`PageFragments`) or serialized here. */
interface CardItems {
  /** Its source findings that sit on no listed occurrence: how many, and their items joined (none: no such finding). */
  findings: {count: number; html: string} | undefined
  /** Its violations with no occurrence to sit on, their items joined (none: no such violation). */
  otherViolations: string | undefined
  /** Each listed occurrence's pieces, in order. */
  occurrences: Array<{where: string; body: string}>
}

/**
 * @param review From `glossaryReview`.
 * @param fragments Items' HTML already made for this review (the rest is serialized here).
 * @param options The store of rendered cards.
 * @returns The HTML document.
 */
export function glossaryPage(review: GlossaryReview, fragments?: PageFragments | null | undefined, options?: GlossaryPageOptions | null): string {
  return page(pageOf(review, fragments, options))
}

/**
 * {@linkcode glossaryPage} as `Html` (`pageHtml`): its bytes, the cards read
 * back copied in as they are (its text when the text is not well-formed).
 *
 * @param review From `glossaryReview`.
 * @param fragments Items' HTML already made for this review (the rest is serialized here).
 * @param options The store of rendered cards.
 * @returns The HTML document's bytes (or text).
 */
export function glossaryPageHtml(review: GlossaryReview, fragments?: PageFragments | null | undefined, options?: GlossaryPageOptions | null): Html {
  return pageHtml(pageOf(review, fragments, options))
}

/** The page's title, code and body, its concepts' cards among its inserts. */
function pageOf(review: GlossaryReview, fragments: PageFragments | null | undefined, options: GlossaryPageOptions | null | undefined): PageOptions {
  const made = fragments ?? noFragments
  const store = options?.store ?? undefined
  const inserts: Html[] = []
  const title = 'Glossary review'
  return {
    title: review.title ? `${title}: ${review.title}` : title,
    style: glossaryStyle,
    script: glossaryScript,
    body: [
      h('a.skip', {href: '#concepts'}, 'Skip to the concepts'),
      masthead(review),
      toolbar(review),
      h('div.layout.wrap', [
        h('nav.index', {ariaLabel: 'Concepts'}, [
          h('h2', 'Concepts'),
          h(
            'ol',
            review.concepts.map((concept) => h('li', {dataConcept: concept.id, className: concept.occurrenceCount === 0 ? ['unused'] : []}, [h('a', {href: `#concept-${concept.id}`}, [dot(concept), h('span.name', concept.label), h('span.n', {title: plural(concept.occurrenceCount, 'occurrence')}, String(concept.occurrenceCount))])]))
          )
        ]),
        h('main.concepts#concepts', {tabIndex: -1}, [
          resultsBar(review),
          ...(review.glossary ? review.concepts.map((concept, position) => insertion(inserts.push(card(review.sourceLocale, concept, position, made, store)) - 1)) : [h('p.panel.empty', 'This project has no glossary: add a TBX or CSV termbase to the glossary folder.')]),
          h('p.panel.empty#empty', {hidden: true}, 'No concept matches the search and filters.')
        ])
      ]),
      h('footer.foot.wrap', `Written by babele from ${review.documents.length === 1 ? review.documents[0] : plural(review.documents.length, 'source document')}, the termbase and the ${review.sourceLocale} → ${review.targetLocales.join(', ')} stores.`)
    ],
    inserts
  }
}

/**
 * A concept's card as HTML: read back from the store when one was made of
 * the same source locale, position, values and items' HTML, else rendered.
 */
function card(sourceLocale: string, concept: ReviewConcept, position: number, made: PageFragments, store: EntryStore | undefined): Html {
  const values = cardValues(concept)
  const items = cardItems(sourceLocale, concept, made)
  return reused<Html>(store, kind, store && cardKey(sourceLocale, position, values, items), () => {
    const inserts: string[] = []
    const html = serialize([conceptCard(sourceLocale, values, position, items, inserts)], inserts)
    // Without a store the text is joined into the page as it is; kept, its bytes are copied in.
    return store ? htmlBytes(html) : html
  })
}

/**
 * A digest of everything a card is made of: the values as JSON (as made,
 * not `digest`'s sorted form: equal values written in another order only
 * miss) with each item's length, then the items' HTML as it is (JSON would
 * escape every quote of it first).
 */
function cardKey(sourceLocale: string, position: number, values: CardValues, items: CardItems): string {
  const html = items.occurrences.flatMap((pieces) => [pieces.where, pieces.body])
  if (items.otherViolations !== undefined) html.unshift(items.otherViolations)
  if (items.findings) html.unshift(items.findings.html)
  const head = [kind, sourceLocale, position, values, items.findings?.count ?? null, items.otherViolations !== undefined, html.map((one) => one.length)]
  return digestBytes(JSON.stringify(head) + '\n' + html.join(''))
}

/** The values a concept's card shows besides its items. */
function cardValues(concept: ReviewConcept): CardValues {
  return {
    id: concept.id,
    label: concept.label,
    ...(concept.subjectField === undefined ? {} : {subjectField: concept.subjectField}),
    ...(concept.definition === undefined ? {} : {definition: concept.definition}),
    notes: concept.notes,
    terms: concept.terms,
    search: concept.search,
    violations: concept.violations,
    findings: concept.findings.length,
    otherViolations: concept.otherViolations.length,
    occurrenceCount: concept.occurrenceCount,
    occurrences: concept.occurrences.map((occurrence) => ({
      id: occurrence.id,
      file: occurrence.file,
      line: occurrence.line,
      column: occurrence.column,
      violations: occurrence.renderings.map((rendering) => ({locale: rendering.locale, severities: rendering.violations.map((violation) => violation.severity)}))
    }))
  }
}

/** The items' HTML a card holds: made before, or serialized here. */
function cardItems(sourceLocale: string, concept: ReviewConcept, made: PageFragments): CardItems {
  const placed = new Set(concept.occurrences.flatMap((occurrence) => occurrence.findings))
  const unplaced = concept.findings.filter((finding) => !placed.has(finding))
  return {
    findings: unplaced.length === 0 ? undefined : {count: unplaced.length, html: unplaced.map((finding) => made.items.get(finding) ?? fragment([findingItem(finding)])).join('')},
    otherViolations: concept.otherViolations.length === 0 ? undefined : concept.otherViolations.map((one) => made.items.get(one.diagnostic) ?? fragment([otherViolationItem(one)])).join(''),
    occurrences: concept.occurrences.map((occurrence) => made.occurrences.get(occurrence) ?? serialized(occurrencePieces(sourceLocale, occurrence)))
  }
}

/** A node the card replaces with this HTML. */
function insert(inserts: string[], html: string): ElementContent {
  return insertion(inserts.push(html) - 1)
}

/** Title, scope and figures. */
function masthead(review: GlossaryReview): ElementContent {
  const {totals} = review
  const violations = totals.errors + totals.warnings
  return h('header.masthead', [
    h('div.wrap', [
      h('p.eyebrow', 'babele'),
      h('h1', 'Glossary review'),
      ...(review.title ? [h('p.lede', review.title)] : []),
      h('p.scope', [`Source ${review.sourceLocale} → ${review.targetLocales.join(', ')} · `, review.documents.length === 1 ? h('code', review.documents[0]!) : plural(review.documents.length, 'document')]),
      h('dl.stats', [
        stat('Concepts', String(totals.concepts), `${totals.used} in the sources`),
        stat('Occurrences', String(totals.occurrences), 'in the sources'),
        stat('Violations', String(violations), `${plural(totals.errors, 'error')} · ${plural(totals.warnings, 'warning')}`, totals.errors > 0 ? 'bad' : violations > 0 ? 'warn' : 'ok'),
        stat('Source findings', String(totals.findings), 'variants, near misses', totals.findings > 0 ? 'warn' : 'ok'),
        h('div.stat.locales', [
          h('dt', 'Occurrences rendered'),
          h(
            'dd',
            h(
              'table',
              h(
                'tbody',
                totals.locales.map((locale) =>
                  h('tr', [
                    h('th', {scope: 'row'}, h('span.loc', locale.locale)),
                    h('td', meter(locale.rendered, totals.occurrences)),
                    h('td.num', `${locale.rendered}/${totals.occurrences}`),
                    h('td.num', {className: locale.errors > 0 ? ['bad'] : locale.warnings > 0 ? ['warn'] : []}, locale.errors + locale.warnings > 0 ? plural(locale.errors + locale.warnings, 'violation') : '')
                  ])
                )
              )
            )
          )
        ])
      ])
    ])
  ])
}

function stat(label: string, value: string, detail?: string, tone?: string): ElementContent {
  return h('div.stat', {className: tone ? [tone] : []}, [h('dt', label), h('dd', [value, ...(detail ? [h('small', detail)] : [])])])
}

/** A bar showing `part` of `whole`. */
function meter(part: number, whole: number): ElementContent {
  const percent = percentShare(part, whole, {empty: 0})
  return h('span.meter', {role: 'img', ariaLabel: `${percent}%`}, [s('svg', {viewBox: '0 0 100 6', preserveAspectRatio: 'none', ariaHidden: 'true'}, [s('rect', {width: String(percent), height: '6'})])])
}

/** Search and filters (hidden until the script runs). */
function toolbar(review: GlossaryReview): ElementContent {
  return h('div.toolbar', {role: 'search', hidden: true}, [
    h('div.wrap', [
      h('input#q', {type: 'search', ariaLabel: 'Search concepts', placeholder: 'Search terms, forms, notes…', autoComplete: 'off', spellCheck: false, ariaKeyShortcuts: '/', ariaDescribedBy: 'count'}),
      h('kbd', {ariaHidden: 'true', title: 'Press / to search'}, '/'),
      h('label', ['Locale ', h('select#locale', [h('option', {value: ''}, 'All'), ...review.targetLocales.map((locale) => h('option', {value: locale}, locale))])]),
      h('label', [
        'Term status ',
        h('select#status', [h('option', {value: ''}, 'Any'), ...['preferred', 'admitted', 'deprecated', 'forbidden'].map((status) => h('option', {value: status}, status))])
      ]),
      h('fieldset.only', [h('legend', 'Only'), h('label', [h('input#violations', {type: 'checkbox'}), 'with violations']), h('label', [h('input#findings', {type: 'checkbox'}), 'with source findings']), h('label', [h('input#used', {type: 'checkbox'}), 'in the sources'])])
    ])
  ])
}

/** The count of what is shown, and the sort order. */
function resultsBar(review: GlossaryReview): ElementContent {
  return h('div.results', [
    h('output.count#count', {htmlFor: 'q locale status violations findings used', ariaLive: 'polite'}, `Showing ${review.concepts.length} of ${plural(review.concepts.length, 'concept')} · ${plural(review.totals.listed, 'occurrence')}`),
    h('label.sort', {hidden: true}, [
      'Sort ',
      h('select#sort', [h('option', {value: 'file'}, 'Termbase order'), h('option', {value: 'name'}, 'A–Z'), h('option', {value: 'occurrences'}, 'Most occurrences'), h('option', {value: 'violations'}, 'Most violations')])
    ])
  ])
}

/** One concept, its items' HTML put in `inserts`. */
function conceptCard(sourceLocale: string, concept: CardValues, position: number, items: CardItems, inserts: string[]): ElementContent {
  const violations = Object.values(concept.violations).reduce((sum, tally) => sum + tally.errors + tally.warnings, 0)
  const errors = Object.values(concept.violations).reduce((sum, tally) => sum + tally.errors, 0)
  const statuses = concept.terms.flatMap((section) => [...section.preferred, ...section.admitted, ...section.avoided].map((term) => `${section.locale}:${term.status}`))
  const heading = `concept-${concept.id}-title`
  return h(
    'article.concept.panel',
    {
      id: `concept-${concept.id}`,
      ariaLabelledBy: heading,
      dataOrder: String(position),
      dataSearch: concept.search,
      dataStatus: [...new Set(statuses)].join(' '),
      dataViolations: Object.keys(concept.violations).join(' '),
      dataViolationCount: String(violations),
      dataFindings: String(concept.findings),
      dataOccurrences: String(concept.occurrenceCount)
    },
    [
      h('header', [
        h('h2', {id: heading}, h('a', {href: `#concept-${concept.id}`, lang: sourceLocale}, concept.label)),
        h('code.cid', concept.id),
        ...(concept.subjectField ? [h('span.subject', concept.subjectField)] : []),
        h('ul.chips', {ariaLabel: 'Summary'}, [
          h('li.badge', {className: concept.occurrenceCount === 0 ? [] : ['info']}, concept.occurrenceCount === 0 ? 'not in the sources' : plural(concept.occurrenceCount, 'occurrence')),
          ...(violations > 0 ? [h('li.badge', {className: [errors > 0 ? 'error' : 'warning']}, plural(violations, 'violation'))] : []),
          ...(concept.findings > 0 ? [h('li.badge.warning', plural(concept.findings, 'source finding'))] : [])
        ])
      ]),
      ...(concept.definition ? [h('p.definition', [h('span.label', 'Definition'), concept.definition])] : []),
      ...concept.notes.map((note) => h('p.definition', [h('span.label', 'Note'), note])),
      termsTable(concept),
      ...(items.findings === undefined ? [] : [findingsBlock(items.findings, inserts)]),
      ...(items.otherViolations === undefined ? [] : [otherViolationsBlock(concept, items.otherViolations, inserts)]),
      ...(concept.occurrenceCount > 0 ? [concordance(concept, items, inserts)] : [])
    ]
  )
}

/** The terms of every locale: preferred, admitted, deprecated or forbidden. */
function termsTable(concept: CardValues): ElementContent {
  return h('table.terms', [
    h('caption.sr-only', `Terms of ${concept.label}`),
    h('thead', h('tr', [h('th', {scope: 'col'}, 'Locale'), h('th', {scope: 'col'}, 'Preferred'), h('th', {scope: 'col'}, 'Admitted'), h('th', {scope: 'col'}, 'Deprecated or forbidden')])),
    h(
      'tbody',
      concept.terms.map((section, position) =>
        h('tr', {dataLocale: section.locale, ...(position === 0 ? {dataSource: ''} : {})}, [
          h('th', {scope: 'row'}, h('span.loc', section.locale)),
          termCell(section, section.preferred, 'preferred-col'),
          termCell(section, section.admitted, 'admitted-col'),
          termCell(section, section.avoided, 'avoided-col')
        ])
      )
    )
  ])
}

function termCell(section: ReviewTerms, terms: readonly Term[], kind: string): ElementContent {
  if (terms.length === 0) return h('td', {className: [kind]}, h('span.none', {ariaLabel: 'none'}, '—'))
  return h('td', {className: [kind]}, terms.map((term) => termItem(section.locale, term)))
}

const termTypes: Record<NonNullable<Term['termType']>, string> = {fullForm: 'full form', acronym: 'acronym', abbreviation: 'abbreviation', shortForm: 'short form', variant: 'variant', phrase: 'phrase'}

/** One term: its text, what kind of term it is, its notes. */
function termItem(locale: string, term: Term): ElementContent {
  const meta = [term.termType ? termTypes[term.termType] : undefined, term.partOfSpeech, term.gender, term.number === 'plural' ? 'plural' : undefined].filter((value): value is string => Boolean(value))
  return h('span.term', {dataStatus: term.status}, [
    h('span.text', {lang: locale}, term.text),
    ...(term.status === 'forbidden' ? [h('span.badge.forbidden', 'forbidden')] : term.status === 'deprecated' ? [h('span.badge.deprecated', 'deprecated')] : []),
    ...(term.doNotTranslate ? [h('span.badge', {title: 'Do not translate: kept as written in every locale'}, 'keep as is')] : []),
    ...(meta.length > 0 ? [h('span.meta', meta.join(' · '))] : []),
    ...term.notes.map((note) => h('span.note', note))
  ])
}

/** Source findings about the concept that sit on no occurrence (a near miss: the word is no term). */
function findingsBlock(findings: {count: number; html: string}, inserts: string[]): ElementContent {
  return h('section.block', [h('h3', ['Source findings ', h('span.n', `(${findings.count})`)]), h('ul.findings', [insert(inserts, findings.html)])])
}

/** Violations with no occurrence of the concept in their segment. */
function otherViolationsBlock(concept: CardValues, html: string, inserts: string[]): ElementContent {
  return h('section.block', [h('h3', ['Other violations ', h('span.n', `(${concept.otherViolations})`)]), h('ul.findings', [insert(inserts, html)])])
}

/** Every occurrence of the concept with each locale's rendering. */
function concordance(concept: CardValues, items: CardItems, inserts: string[]): ElementContent {
  const listed = concept.occurrences.length
  const all = concept.occurrenceCount
  return h('section.block', [
    h('h3', ['Concordance ', h('span.n', listed === all ? `(${all})` : `(${listed} of ${all})`)]),
    ...(listed < all ? [h('p.more', `Listing ${listed} of ${plural(all, 'occurrence')}: those with a violation or a source finding first, then the first in source order.`)] : []),
    h('ol.occurrences', concept.occurrences.map((occurrence, index) => occurrenceItem(occurrence, items.occurrences[index]!, inserts)))
  ])
}

/** An occurrence's pieces serialized. */
function serialized(pieces: {where: ElementContent[]; body: ElementContent[]}): {where: string; body: string} {
  return {where: fragment(pieces.where), body: fragment(pieces.body)}
}

/** One occurrence: its anchor (the occurrence's number in the page), then its pieces' HTML. */
function occurrenceItem(occurrence: CardValues['occurrences'][number], made: {where: string; body: string}, inserts: string[]): ElementContent {
  const violated = occurrence.violations.filter((rendering) => rendering.severities.length > 0).map((rendering) => rendering.locale)
  const place = `${occurrence.file.split('/').at(-1)}:${occurrence.line}:${occurrence.column}`
  const severities = occurrence.violations.flatMap((rendering) => rendering.severities)
  const tone = severities.includes('error') ? ['has-error'] : severities.length > 0 ? ['has-warning'] : []
  return h('li.occurrence', {id: occurrence.id, className: tone, dataViolations: violated.join(' ')}, [
    h('p.where', [h('a', {href: `#${occurrence.id}`, title: `${occurrence.file}, line ${occurrence.line}, column ${occurrence.column}`}, place), insert(inserts, made.where)]),
    insert(inserts, made.body)
  ])
}

/** The concept's worst violation as a dot in the index. */
function dot(concept: ReviewConcept): ElementContent {
  const tallies = Object.values(concept.violations)
  if (tallies.some((tally) => tally.errors > 0)) return h('span.dot.error', {title: 'errors'})
  if (tallies.some((tally) => tally.warnings > 0)) return h('span.dot.warning', {title: 'warnings'})
  return h('span.dot')
}

