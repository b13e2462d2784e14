/**
 * The seed's reference English translation as a locale store. Takes: a
 * source text (the seed, or an edited copy) and an edit. Returns: the bundle
 * of each segment's English (`tests/fixtures/omegat/reference-en.json`),
 * passed through the edit; a segment the reference lacks gets its source.
 */
import {readFileSync} from 'node:fs'
import {fromMarkdown} from '../../pipeline/index.ts'

/** Source segment (bundle form) and its English, from the OmegaT fixture. */
export const reference = JSON.parse(readFileSync(new URL('../fixtures/omegat/reference-en.json', import.meta.url), 'utf8')) as Array<{source: string; target: string}>

/**
 * @param source The seed's Markdown (`putin-xi-alleanza.md`).
 * @param edit Called with each segment's English (or its source, when the reference has none) and its source value.
 * @returns Keys to values.
 */
export function englishBundle(source: string, edit: (target: string, source: string) => string = (target) => target): Record<string, string> {
  const targets = new Map(reference.map((pair) => [pair.source, pair.target]))
  const bundle: Record<string, string> = {}
  for (const unit of fromMarkdown(source, {path: 'putin-xi-alleanza.md'}).value.units) {
    for (const part of unit.parts) if (part.type === 'segment') bundle[part.segment.key] = edit(targets.get(part.segment.value) ?? part.segment.value, part.segment.value)
  }
  return bundle
}
