/**
 * A project's glossary rules. Takes: the config and the termbase. Returns:
 * the term rules of every target locale (sharing one compiled source index),
 * and the locks of segments for the exchange-file writers. (Translations
 * are checked against the rules by the QA stage's term rules.)
 */
import type {Config} from '../../config/index.ts'
import {compileTermIndex, compileTermRules, termLocks, type TermIndex, type Termbase, type TermRules} from '../../glossary/index.ts'
import type {Segment, TermLock} from '../../types.ts'
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

/**
 * The `terms` option of the XLIFF writers for one locale: each segment's
 * locks, or `null` when the project has no rules for it.
 */
export function segmentLocks(terms: ProjectTerms | null | undefined, locale: string): ((segment: Segment) => TermLock[]) | null {
  const rules = terms?.locales.get(locale)
  return rules ? (segment) => termLocks(rules, textOfTokens(segment.tokens)) : null
}
