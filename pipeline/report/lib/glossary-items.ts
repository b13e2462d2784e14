/**
 * The glossary page's repeated items, as hast and as HTML. Takes: one
 * diagnostic (a source finding, or a violation with no occurrence to sit
 * on) or one listed occurrence. Returns: its list item's nodes, and the
 * same nodes serialized (`fragment`), so a document's part of the review
 * can keep its items' HTML and the page insert it unchanged (`page`'s
 * `inserts`) instead of building and serializing them again.
 *
 * A fragment is the serializer's own output for nodes built here from text
 * (escaped where it lands), so inserting it adds no markup the nodes did
 * not have: the page is byte for byte the page serialized whole.
 */
import {startOf} from '../../diagnostic.ts'
import type {ElementContent} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import type {Diagnostic} from '../../types.ts'
import type {MarkKind, Occurrence, PlacedDiagnostic} from './glossary-review.ts'
import {messageText, severityBadge} from './parts.ts'
import type {Piece} from './text-pieces.ts'

/** Item HTML already made (by a document's part of the review), for the page to insert. */
export interface PageFragments {
  /** A source finding's item (`findingItem`), or a violation's with no occurrence (`otherViolationItem`), by diagnostic. */
  items: ReadonlyMap<Diagnostic, string>
  /** A listed occurrence's pieces (`occurrencePieces`), by occurrence. */
  occurrences: ReadonlyMap<Occurrence, {where: string; body: string}>
}

/**
 * @param finding A source finding that sits on no listed occurrence.
 * @returns Its item: severity, place, message, rule.
 */
export function findingItem(finding: Diagnostic): ElementContent {
  return h('li.finding', [
    severityBadge(finding.severity),
    h('span.at', `${finding.file ?? ''}:${startOf(finding.place)?.line ?? ''}:${startOf(finding.place)?.column ?? ''}`),
    h('span', messageText(finding.message)),
    h('span.rule', finding.ruleId)
  ])
}

/**
 * @param placed A violation with no occurrence of its concept in its segment, and its locale.
 * @returns Its item: locale, severity, file and unit, message, rule.
 */
export function otherViolationItem({locale, diagnostic}: PlacedDiagnostic): ElementContent {
  return h('li.finding', {dataLocale: locale ?? '*'}, [
    ...(locale ? [h('span.loc', locale)] : []),
    severityBadge(diagnostic.severity),
    h('span.at', [diagnostic.file ?? '', diagnostic.unitId ? ` unit ${diagnostic.unitId}` : '']),
    h('span', messageText(diagnostic.message)),
    h('span.rule', diagnostic.ruleId)
  ])
}

/**
 * What an occurrence's item holds besides its anchor (which names the
 * occurrence's number in the page): the badges after the anchor, and the
 * sentence, its findings and each locale's rendering.
 *
 * @param sourceLocale The source locale (the sentence's language).
 * @param occurrence A listed occurrence.
 * @returns The nodes after the anchor in its `p.where`, and the nodes after the `p.where`.
 */
export function occurrencePieces(sourceLocale: string, occurrence: Occurrence): {where: ElementContent[]; body: ElementContent[]} {
  return {
    where: [
      ...(occurrence.status === 'preferred' ? [] : [h('span.badge', {className: [occurrence.status]}, occurrence.status === 'admitted' ? 'admitted term' : `${occurrence.status} variant`)]),
      ...(occurrence.alsoConcepts ? [h('span', ['also: ', ...occurrence.alsoConcepts.flatMap((id, index) => [index > 0 ? ', ' : '', h('a', {href: `#concept-${id}`}, id)])])] : [])
    ],
    body: [
      h('p.sentence', {lang: sourceLocale}, pieces(occurrence.sentence)),
      ...occurrence.findings.map((finding) => h('ul.violations', h('li', [severityBadge(finding.severity), h('span.rule', finding.ruleId), h('span', messageText(finding.message))]))),
      h(
        'dl.renderings',
        occurrence.renderings.map((rendering) =>
          h('div.rendering', {className: [rendering.state], dataLocale: rendering.locale}, [
            h('dt', h('span.loc', rendering.locale)),
            h('dd', [
              ...(rendering.state === 'untranslated'
                ? ['not translated']
                : [
                    h('span', {lang: rendering.from ?? rendering.locale}, pieces(rendering.text)),
                    ...(rendering.from ? [h('span.via', `from ${rendering.from}`)] : []),
                    ...(rendering.whole ? [h('span.via', 'whole unit')] : []),
                    ...(rendering.refused ? [h('span.badge.error', {title: 'this value has an error by the QA rules: the build does not use it, nor does a locale falling back to this one'}, 'refused by the build')] : [])
                  ]),
              ...(rendering.violations.length > 0
                ? [h('ul.violations', rendering.violations.map((violation) => h('li', [severityBadge(violation.severity), h('span.rule', violation.ruleId), h('span', messageText(violation.message))])))]
                : [])
            ])
          ])
        )
      )
    ]
  }
}

/**
 * @param nodes Nodes built by this module.
 * @returns Their HTML, as the page's serializer writes them.
 */
export function fragment(nodes: ElementContent[]): string {
  return toHtml(nodes)
}

const markTitles: Record<MarkKind, string> = {term: 'the term', variant: 'a deprecated or forbidden variant', approved: 'an approved term', avoided: 'a term to avoid'}

/** Text pieces as text, marks and code. */
function pieces(list: ReadonlyArray<Piece<MarkKind>>): ElementContent[] {
  return list.map((piece) => (piece.mark ? h('mark', {className: [`hit-${piece.mark}`], title: markTitles[piece.mark]}, piece.text) : piece.code ? h('code.code', piece.text) : {type: 'text', value: piece.text}))
}
