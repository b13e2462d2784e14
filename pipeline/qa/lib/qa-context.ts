/**
 * Prepare one translation for the QA rules. Takes: a `QaInput`. Returns: its
 * `QaContext`: the plain texts of source and target (each code one U+FFFC)
 * and a cache of the analyses several rules share, computed on first use.
 */
import {textOfTokens} from '../../units/index.ts'
import type {QaContext, QaInput} from './rule.ts'

/**
 * @param input The translation, where it is, its locales and term rules.
 * @returns The context every rule reads.
 */
export function qaContext(input: QaInput): QaContext {
  const analyses = new Map<(context: QaContext) => unknown, unknown>()
  let sourceText: string | undefined
  let targetText: string | undefined
  const context: QaContext = {
    input,
    source: {
      tokens: input.source,
      get text() {
        return (sourceText ??= textOfTokens(input.source))
      }
    },
    target: {
      tokens: input.target.tokens,
      stray: input.target.stray,
      get text() {
        return (targetText ??= textOfTokens(input.target.tokens))
      }
    },
    sourceLocale: input.sourceLocale ?? undefined,
    locale: input.locale ?? undefined,
    terms: input.terms ?? undefined,
    shared<T>(analysis: (context: QaContext) => T): T {
      if (!analyses.has(analysis)) analyses.set(analysis, analysis(context))
      return analyses.get(analysis) as T
    }
  }
  return context
}
