/**
 * A project's glossary rules. Takes: the config and the termbase. Returns:
 * the term rules of every target locale (sharing one compiled source index),
 * each segment's source terms (told from the source lint's where they can
 * be), and the locks of segments for the exchange-file writers.
 * (Translations are checked against the rules by the QA stage's term rules.)
 */
import type {Config} from '../../config/index.ts'
import {compileTermIndex, compileTermRules, matchLocks, matchTerms, sliceMatches, termLocks, type TermIndex, type TermMatch, type Termbase, type TermRules} from '../../glossary/index.ts'
import type {BlockTerms, LintTerms} from '../../lint/index.ts'
import type {Segment, SegmentToken, SourceDocument, TermLock} from '../../types.ts'
import {textOfTokens} from '../../units/index.ts'

/** A project's compiled glossary. */
export interface ProjectTerms {
  /** The source terms (what the source lint and every locale's rules match with). */
  sourceIndex: TermIndex
  /** Term rules by target locale. */
  locales: ReadonlyMap<string, TermRules>
}

/**
 * @param config Project config (source and target locales).
 * @param termbase The project's termbase.
 */
export function projectTerms(config: Config, termbase: Termbase): ProjectTerms {
  const sourceIndex = compileTermIndex(termbase, {language: config.sourceLocale})
  return {sourceIndex, locales: new Map(config.targetLocales.map((locale) => [locale, compileTermRules(termbase, {source: config.sourceLocale, target: locale, sourceIndex})]))}
}

/** Each segment's source terms in a document, and the index they were matched with. */
export interface SegmentMatches {
  index: TermIndex
  /** `matchTerms` of each segment's `textOfTokens`. */
  segments: ReadonlyMap<Segment, readonly TermMatch[]>
}

/**
 * The `terms` option of the XLIFF writers for one locale: each segment's
 * locks, or `null` when the project has no rules for it.
 *
 * @param terms The project's glossary.
 * @param locale Target locale.
 * @param matches The document's segment terms (`segmentMatches`), when known: used when matched with the rules' own source index, else each segment is matched.
 */
export function segmentLocks(terms: ProjectTerms | null | undefined, locale: string, matches?: SegmentMatches | null): ((segment: Segment) => TermLock[]) | null {
  const rules = terms?.locales.get(locale)
  if (!rules) return null
  const known = matches?.index === rules.sourceIndex ? matches.segments : undefined
  return (segment) => {
    const found = known?.get(segment)
    return found ? matchLocks(rules, found) : termLocks(rules, textOfTokens(segment.tokens))
  }
}

/**
 * Each segment's source terms (`matchTerms` of its `textOfTokens`), told
 * from those the source lint found in its block where they can be, so the
 * text is not scanned twice.
 *
 * A segment's plain text reads each code as U+FFFC, which no term crosses
 * and which ends any word: its terms are those of each run of text between
 * codes, found alone. Each run is somewhere in its block's lint text (where
 * paired codes take no room), and the run's terms are the lint's there when
 * `sliceMatches` can tell them; else the segment is matched.
 *
 * > | La **NATO** e Mosca.
 * >   segment: `La ￼NATO￼ e Mosca.` runs `La `, `NATO`, ` e Mosca.`
 * >   lint:    `La NATO e Mosca.`  `NATO` there, with a space on either side
 *
 * @param document The extracted source.
 * @param terms What the source lint found in its blocks (`LintResult.terms`, linted on this document's blocks).
 * @returns The segments' terms.
 */
export function segmentMatches(document: SourceDocument, terms: LintTerms): SegmentMatches {
  const segments = new Map<Segment, TermMatch[]>()
  document.units.forEach((unit, at) => {
    const block = terms.blocks[at]
    // The lint reads the blocks the units were made of, in the same order.
    const lint = block?.block === unit.block ? block : undefined
    const cursor = {at: 0}
    for (const part of unit.parts) {
      if (part.type !== 'segment') continue
      const tokens = part.segment.tokens
      segments.set(part.segment, (lint && toldMatches(tokens, lint, cursor)) ?? matchTerms(textOfTokens(tokens), terms.index))
    }
  })
  return {index: terms.index, segments}
}

/**
 * A segment's terms told from its block's, or `undefined` when they cannot be.
 *
 * @param tokens The segment's tokens.
 * @param lint Its block's lint text and terms.
 * @param cursor Where in the lint text to look for the next run (runs come in order); moved past each run found.
 */
function toldMatches(tokens: readonly SegmentToken[], lint: BlockTerms, cursor: {at: number}): TermMatch[] | undefined {
  const result: TermMatch[] = []
  let offset = 0
  let index = 0
  while (index < tokens.length) {
    const token = tokens[index]!
    index++
    if (token.type !== 'text') {
      offset++
      continue
    }

    let run = token.value
    while (index < tokens.length && tokens[index]!.type === 'text') run += (tokens[index++] as {value: string}).value
    if (run.length === 0) continue
    // Any place with the run's characters does (`sliceMatches` reads nothing else): the first one from the cursor.
    const start = lint.text.indexOf(run, cursor.at)
    if (start === -1) return undefined
    const found = sliceMatches(lint.text, lint.matches, start, start + run.length)
    if (!found) return undefined
    for (const match of found) {
      match.start += offset
      match.end += offset
      result.push(match)
    }

    cursor.at = start + run.length
    offset += run.length
  }

  return result
}
