/**
 * The context of a segment, for context ("101%") matches. Takes: a source
 * document. Returns: each segment occurrence's context: a hash of the keys
 * of its neighbours.
 *
 * The neighbours of a segment are the segments just before and just after
 * it in the document: in `document.units` order (source order; a link or
 * image title's unit follows the unit of the block that holds it), across
 * unit boundaries, ignorables skipped. At the start and the end of the
 * document the missing neighbour is the empty string. A translation stored
 * with the context it was made in is a context match for a segment with the
 * same source and the same context.
 *
 * > | Primo. Secondo.
 * > |
 * > | Terzo.
 *     `Secondo.` has neighbours `Primo.` (same unit) and `Terzo.` (next unit)
 */
import type {Segment, SourceDocument} from '../../types.ts'
import {hashOf} from '../../units/index.ts'

/**
 * @param previous Key of the segment before (`undefined` at the start).
 * @param next Key of the segment after (`undefined` at the end).
 * @returns A 10-character hash.
 */
export function contextOf(previous: string | undefined, next: string | undefined): string {
  return hashOf(`${previous ?? ''}\u0000${next ?? ''}`)
}

/**
 * @param document An extracted source.
 * @returns The context of every segment occurrence (the `Segment` objects of `document`).
 */
export function segmentContexts(document: Pick<SourceDocument, 'units'>): Map<Segment, string> {
  const segments: Segment[] = []
  for (const unit of document.units) for (const part of unit.parts) if (part.type === 'segment') segments.push(part.segment)
  const contexts = new Map<Segment, string>()
  segments.forEach((segment, index) => contexts.set(segment, contextOf(segments[index - 1]?.key, segments[index + 1]?.key)))
  return contexts
}
