/**
 * Build a project. Takes: the config, the documents and the stores. Returns:
 * the localized file of every document for every target locale, resolved
 * with i18next and the configured fallback chain, with coverage and messages.
 * Given the project's term rules, a document whose own translations in a
 * locale break a locked term is not written for that locale (its file keeps
 * its last good build), and those translations reach no fallback.
 */
import {buildDocument, createResolver, type Coverage} from '../../build/index.ts'
import type {Config} from '../../config/index.ts'
import {sourceBundle} from '../../store/index.ts'
import type {Bundle, Diagnostic, SourceDocument} from '../../types.ts'
import {checkProject} from './check-project.ts'
import {paths, type Outputs, type Stores} from './paths.ts'
import type {ProjectTerms} from './terms.ts'

/** Options of {@linkcode buildProject}. */
export interface BuildProjectOptions {
  /** Term rules by target locale (see `projectTerms`). */
  terms?: ProjectTerms | null
}

/** Coverage of one built document. */
export interface BuildEntry {
  locale: string
  path: string
  coverage: Coverage
}

/**
 * Build every document for every target locale, resolving keys with
 * i18next and the configured fallback chain.
 */
export function buildProject(config: Config, documents: ReadonlyMap<string, SourceDocument>, stores: Stores, options: BuildProjectOptions = {}): {value: Outputs; coverage: BuildEntry[]; messages: Diagnostic[]} {
  // Only a locale's own translations are checked (a fallback's were checked in
  // its own locale); only errors are reported here, warnings are `check`'s.
  const checked = options.terms ? checkProject(config, documents, stores, {terms: options.terms, stage: 'build', codes: false}) : undefined
  const messages = checked ? checked.messages.filter((message) => message.severity === 'error') : []
  const broken = checked?.broken ?? new Map<string, Set<string>>()
  const resources: Record<string, Record<string, Bundle>> = {}
  for (const document of documents.values()) {
    ;(resources[config.sourceLocale] ??= {})[document.id] = sourceBundle(document)
  }
  for (const [name, bundle] of stores.bundles) {
    const slash = name.indexOf('/')
    const locale = name.slice(0, slash)
    if (locale === config.sourceLocale) continue
    // A value that breaks a lock reaches no locale that falls back to this one.
    const refused = broken.get(name)
    ;(resources[locale] ??= {})[name.slice(slash + 1)] = refused ? Object.fromEntries(Object.entries(bundle).filter(([key]) => !refused.has(key))) : bundle
  }
  const resolve = createResolver({resources, fallbackLng: config.fallbackLng})
  const outputs: Outputs = new Map()
  const coverage: BuildEntry[] = []
  for (const locale of config.targetLocales) {
    for (const document of documents.values()) {
      const file = paths.dist(config, locale, document.path)
      if (broken.has(`${locale}/${document.id}`)) {
        messages.push({file, ruleId: 'build-refused', source: 'build', severity: 'error', message: `Not written: translations in \`${paths.bundle(config, locale, document.id)}\` break glossary locks (see above); fix them or re-import`})
        continue
      }
      const built = buildDocument(document, {locale, resolve, file: paths.bundle(config, locale, document.id), sourceLocale: config.sourceLocale})
      outputs.set(file, built.value)
      coverage.push({locale, path: document.path, coverage: built.coverage})
      messages.push(...built.messages)
    }
  }
  return {value: outputs, coverage, messages}
}
