/**
 * Build a project. Takes: the config, the documents and the stores. Returns:
 * the localized file of every document for every target locale, resolved
 * with i18next and the configured fallback chain, with coverage and messages.
 * A document whose own translations in a locale have an error by the QA
 * rules (`checkProject`: a broken term lock, with the project's term rules;
 * any rule the config's `qa` makes an error) is not written for that locale
 * (its file keeps its last good build), and those translations reach no
 * fallback. Below a locale's `minCoverage` every file is still written, and
 * the coverage gate (`coverageGate`) adds a `coverage-below-minimum` error.
 */
import {diagnostic} from '../../diagnostic.ts'
import {buildDocument, createResolver, type Coverage, type Resolver} from '../../build/index.ts'
import type {Config} from '../../config/index.ts'
import {hasValues, sourceBundle} from '../../store/index.ts'
import type {Bundle, Diagnostic, SourceDocument} from '../../types.ts'
import {documentId} from '../../units/index.ts'
import {checkProject, usableBundle} from './check-project.ts'
import {coverageGate, type LocaleGate} from './coverage-gate.ts'
import {buildContextKey, buildKey} from '../../incremental/index.ts'
import {paths, type Outputs, type Stores} from './paths.ts'
import {outputKinds, reused, type Reuse} from './reuse.ts'
import type {ProjectTerms} from './terms.ts'

/** Options of {@linkcode buildProject}. */
export interface BuildProjectOptions {
  /** Term rules by target locale (see `projectTerms`). */
  terms?: ProjectTerms | null
  /** Each built file from the store when nothing it is made of changed (`buildKey`). */
  reuse?: Reuse | null
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
export function buildProject(config: Config, documents: ReadonlyMap<string, SourceDocument>, stores: Stores, options: BuildProjectOptions = {}): {value: Outputs; coverage: BuildEntry[]; locales: LocaleGate[]; messages: Diagnostic[]} {
  // Only a locale's own translations are checked (a fallback's were checked in
  // its own locale); only errors are reported here, warnings are `check`'s.
  const checked = checkProject(config, documents, stores, {terms: options.terms, codes: false, reuse: options.reuse})
  const messages = checked.messages.filter((message) => message.severity === 'error')
  const broken = checked.broken
  const resources: Record<string, Record<string, Bundle>> = {}
  for (const [name, bundle] of stores.bundles) {
    const {locale, id} = paths.storeParts(name)
    if (locale === config.sourceLocale) continue
    // A value with an error reaches no locale that falls back to this one.
    ;(resources[locale] ??= {})[id] = usableBundle(name, bundle, broken)
  }
  // Made on the first file not reused, with the source bundles (no key reads them): i18next indexes every bundle.
  let resolver: Resolver | undefined
  const makeResolver = () => {
    // Each source bundle is made when i18next first reads it (a key of its document falling back to the source locale): a document whose built files are all reused is not read.
    const source: Record<string, Bundle> = (resources[config.sourceLocale] = {})
    for (const path of documents.keys()) {
      const id = documentId(path)
      Object.defineProperty(source, id, {
        enumerable: true,
        configurable: true,
        get: () => {
          const bundle = sourceBundle(documents.get(path)!)
          Object.defineProperty(source, id, {value: bundle, enumerable: true, configurable: true, writable: true})
          return bundle
        }
      })
    }
    return createResolver({resources, fallbackLng: config.fallbackLng})
  }
  const resolve: Resolver = (locale, namespace, key) => (resolver ??= makeResolver())(locale, namespace, key)
  const state = (locale: string, id: string, key: string) => stores.states.get(paths.store(locale, id))?.[key]
  // What a document's build reads besides itself: its bundle (less refused values) and state file in every target locale (empty or missing alike).
  const some = (value: Readonly<Record<string, unknown>> | undefined) => (value && hasValues(value) ? value : null)
  const values = (id: string) => config.targetLocales.map((locale) => [some(resources[locale]?.[id]), some(stores.states.get(paths.store(locale, id)))])
  // A document's values as JSON text, once for its built file in every locale.
  const valuesText = new Map<string, string>()
  const valuesOf = (path: string, id: string) => {
    let text = valuesText.get(path)
    if (text === undefined) valuesText.set(path, (text = JSON.stringify(values(id))))
    return text
  }
  const outputs: Outputs = new Map()
  const coverage: BuildEntry[] = []
  for (const locale of config.targetLocales) {
    // The config's and the locale's part of every built file's key, once.
    let context: string | undefined
    // By path: a document whose built file is found by its key is not read.
    for (const path of documents.keys()) {
      const id = documentId(path)
      const file = paths.dist(config, locale, path)
      if (broken.has(paths.store(locale, id))) {
        messages.push(diagnostic('build-refused', `Not written: translations in \`${paths.bundle(config, locale, id)}\` have errors (see above); fix them or re-import`, {source: 'build', severity: 'error', file}))
        continue
      }
      // The stored value names its file: what the CLI records of an output on disk (`output-record.ts`) is by path.
      const make = () => ({file, ...buildDocument(documents.get(path)!, {locale, resolve, file: paths.bundle(config, locale, id), sourceLocale: config.sourceLocale, state})})
      const document = options.reuse?.keys.get(path)
      const key = document && buildKey(document, valuesOf(path, id), (context ??= buildContextKey(config, locale)))
      const built = reused(options.reuse?.store, outputKinds.build, key, make)
      outputs.set(file, built.value)
      coverage.push({locale, path, coverage: built.coverage})
      messages.push(...built.messages)
    }
  }
  const gate = coverageGate(config, coverage)
  messages.push(...gate.messages)
  return {value: outputs, coverage, locales: gate.value, messages}
}
