/**
 * Build the pseudo locale. Takes: the config, the documents and the
 * project's term rules. Returns: every document pseudo-localized
 * (`pseudoLocalize`) and rendered by the build stage into its skeleton, as
 * a target locale's files are, at `targetPattern` with the pseudo locale
 * (`dist/qps/…`), and the build's messages.
 *
 * The terms kept as written are those locked in any target locale (names,
 * do-not-translate terms): what a translation has to keep somewhere, a
 * pseudo translation keeps everywhere. A key the pseudo bundle lacks (a
 * segment with no text) falls back to the source.
 */
import {buildDocument, createResolver} from '../../build/index.ts'
import type {Config} from '../../config/index.ts'
import {termLocks} from '../../glossary/index.ts'
import {pseudoLocalize} from '../../pseudo/index.ts'
import {sourceBundle} from '../../store/index.ts'
import type {Bundle, Diagnostic, Segment, SourceDocument, TermLock} from '../../types.ts'
import {textOfTokens} from '../../units/index.ts'
import {paths, type Outputs} from './paths.ts'
import type {ProjectTerms} from './terms.ts'

/** Options of {@linkcode buildPseudo}. */
export interface BuildPseudoOptions {
  /** Term rules by target locale (see `projectTerms`); their locked terms are kept. */
  terms?: ProjectTerms | null
}

/**
 * @param config Project config (`pseudoLocale`, `targetPattern`).
 * @param documents Extracted sources by path.
 * @param options Term rules.
 */
export function buildPseudo(config: Config, documents: ReadonlyMap<string, SourceDocument>, options?: BuildPseudoOptions | null): {value: Outputs; messages: Diagnostic[]} {
  const locale = config.pseudoLocale
  const rules = [...(options?.terms?.locales.values() ?? [])]
  const locks = (segment: Segment): TermLock[] => {
    if (rules.length === 0) return []
    const plain = textOfTokens(segment.tokens)
    return rules.flatMap((one) => termLocks(one, plain).filter((lock) => lock.locked))
  }
  const resources: Record<string, Record<string, Bundle>> = {[config.sourceLocale]: {}, [locale]: {}}
  for (const document of documents.values()) {
    resources[config.sourceLocale]![document.id] = sourceBundle(document)
    resources[locale]![document.id] = pseudoLocalize(document, {locks}).value
  }
  const resolve = createResolver({resources, fallbackLng: {[locale]: [config.sourceLocale], default: [config.sourceLocale]}})
  const value: Outputs = new Map()
  const messages: Diagnostic[] = []
  for (const document of documents.values()) {
    const built = buildDocument(document, {locale, resolve, file: paths.dist(config, locale, document.path), sourceLocale: config.sourceLocale})
    value.set(paths.dist(config, locale, document.path), built.value)
    messages.push(...built.messages)
  }
  return {value, messages}
}
