/**
 * Turn the content of one XLIFF 1.2 `<trans-unit>` into the segments and
 * ignorables of the read model. Takes: its `<source>`, `<seg-source>` and
 * `<target>` as read (inline content, with the offset of each top-level
 * child). Returns: the parts, and the problems that quarantine the unit.
 *
 * The mapping, for a unit with a `<seg-source>` holding `<mrk mtype="seg">`:
 * - each such `<mrk>` directly in `<seg-source>` is a segment whose id is its
 *   `mid`; whatever lies between them (text, codes) is an ignorable;
 * - each `<mrk mtype="seg">` directly in `<target>` is the target of the
 *   segment with the same `mid`; only white space (any Unicode space: an
 *   ignorable may hold U+2003) may lie between them, and it is dropped,
 *   since the skeleton keeps the source's;
 * - a `<target>` without `<mrk mtype="seg">` (OmegaT may write one) is the
 *   target of the only segment if there is one. If there are several, the
 *   CAT tool joined them, and no split of the translation can be trusted:
 *   the unit is returned as ONE segment part with no `id`, whose source is
 *   the whole `<source>` and whose target is the whole `<target>` (a
 *   translation of the unit as a whole; the import decides what to do with
 *   it — today it quarantines the unit, `segment-unknown`).
 * Without `<seg-source>` (or with one holding no segment), the unit is one
 * segment whose id is the `<trans-unit>` id, source `<source>`.
 *
 * A `<target>` that holds only white space (or nothing) is no translation.
 * The 1.2 `state` of `<target>` is mapped onto every segment it gives a
 * target to (see {@link states}); the raw value stays in `targetAttributes`.
 */
import type {Inline, XliffAttributes, XliffMrk, XliffPart, XliffState} from './xliff-model.ts'
import type {Point} from '../../types.ts'
import {record} from './xliff2-vocabulary.ts'

/** A `<source>`, `<seg-source>` or `<target>` as read. */
export interface Content {
  /** Its inline content. */
  children: Inline[]
  /** Offset of each top-level child (same indices as `children`). */
  offsets: number[]
  /** Its attributes (`xml:lang`, `state`, extension attributes). */
  attributes: XliffAttributes
  /** Offset of its start tag. */
  offset: number
}

/** A problem that quarantines the unit. */
export interface PartProblem {
  offset: number
  message: string
  segmentId?: string | undefined
}

/**
 * 1.2 `state` values in the 2.x workflow. A `needs-review-*` target has been
 * translated and waits for review, so it is `translated`, not `reviewed`:
 * claiming a review that has not happened would let it pass as checked.
 * `x-` values map to nothing (the import then assumes `translated`).
 */
export const states: Readonly<Record<string, XliffState>> = {
  new: 'initial',
  'needs-translation': 'initial',
  'needs-l10n': 'initial',
  'needs-adaptation': 'initial',
  translated: 'translated',
  'needs-review-translation': 'translated',
  'needs-review-l10n': 'translated',
  'needs-review-adaptation': 'translated',
  'signed-off': 'reviewed',
  final: 'final'
}

/**
 * @param unitId Id of the `<trans-unit>`.
 * @param source Its `<source>`.
 * @param segmentSource Its `<seg-source>`, if any.
 * @param target Its `<target>`, if any.
 * @param point Turns an offset into a line and column.
 * @returns The parts in order, and problems (the unit is bad if there are any).
 */
export function unitParts(
  unitId: string,
  source: Content,
  segmentSource: Content | undefined,
  target: Content | undefined,
  point: (offset: number) => Point
): {parts: XliffPart[]; problems: PartProblem[]} {
  let parts: XliffPart[] = []
  const problems: PartProblem[] = []
  const segments = new Map<string, XliffPart>()
  const segmented = segmentSource !== undefined && segmentSource.children.some(isSegment)

  if (segmented) {
    for (const [index, child] of segmentSource.children.entries()) {
      const offset = segmentSource.offsets[index] ?? segmentSource.offset
      if (isSegment(child)) {
        const part = makePart('segment', child.id, child.children, segmentSource.attributes, offset, point)
        part.attributes = child.attributes
        if (child.id === '') problems.push({offset, message: '`<mrk mtype="seg">` in `<seg-source>` has no `mid`'})
        else if (segments.has(child.id)) problems.push({offset, message: 'Duplicate `<mrk mtype="seg" mid="' + child.id + '">` in `<seg-source>`', segmentId: child.id})
        segments.set(child.id, part)
        parts.push(part)
        continue
      }
      // Children never hold two adjacent strings, so neither does a run of them.
      const last = parts.at(-1)
      if (last && last.kind === 'ignorable') last.source.push(child)
      else parts.push(makePart('ignorable', undefined, [child], segmentSource.attributes, offset, point))
    }
  } else {
    parts.push(makePart('segment', unitId, source.children, source.attributes, source.offset, point))
  }

  if (!target || isBlank(target.children)) return {parts, problems}

  const state = states[target.attributes.state ?? '']
  const give = (part: XliffPart, children: Inline[]): void => {
    part.target = children
    part.targetAttributes = Object.assign(record<string>(), target.attributes)
    if (state) part.state = state
  }

  if (segmented && target.children.some(isSegment)) {
    const seen = new Set<string>()
    for (const [index, child] of target.children.entries()) {
      const offset = target.offsets[index] ?? target.offset
      if (isSegment(child)) {
        const part = segments.get(child.id)
        if (!part) problems.push({offset, message: 'Target `<mrk mtype="seg" mid="' + child.id + '">` names no segment of `<seg-source>`', segmentId: child.id})
        else if (seen.has(child.id)) problems.push({offset, message: 'Duplicate `<mrk mtype="seg" mid="' + child.id + '">` in `<target>`', segmentId: child.id})
        else give(part, child.children)
        seen.add(child.id)
      } else if (typeof child !== 'string' || !isSpace(child)) {
        problems.push({offset, message: 'Content outside `<mrk mtype="seg">` in a segmented `<target>` belongs to no segment and would be lost'})
      }
    }
  } else if (segments.size > 1) {
    // Joined by a CAT tool: one segment for the whole unit, without id.
    const part = makePart('segment', undefined, source.children, source.attributes, source.offset, point)
    give(part, target.children)
    parts = [part]
  } else {
    give(parts.find((part) => part.kind === 'segment')!, target.children)
  }

  return {parts, problems}
}

function makePart(kind: XliffPart['kind'], id: string | undefined, source: Inline[], sourceAttributes: XliffAttributes, offset: number, point: (offset: number) => Point): XliffPart {
  const {line, column} = point(offset)
  const part: XliffPart = {kind, attributes: record(), source, sourceAttributes, line, column}
  if (id !== undefined) part.id = id
  return part
}

/** A `<mrk mtype="seg">` (only called on top-level children). */
function isSegment(child: Inline): child is XliffMrk {
  return typeof child !== 'string' && child.type === 'mrk' && child.mrkType === 'seg'
}

function isBlank(children: readonly Inline[]): boolean {
  return children.every((child) => typeof child === 'string' && isSpace(child))
}

/** Only white space, XML's or any other Unicode space (`\s`). */
function isSpace(value: string): boolean {
  return /^\s*$/u.test(value)
}
