/**
 * The whole pipeline over a project held in memory. Takes: the config and the
 * project's files as strings (sources, bundles, XLIFF). Returns: the files to
 * write (paths relative to the project root) and messages. The CLI only reads
 * and writes; everything here is testable on strings.
 */
import type {Config} from '../../config/index.ts'
import {buildDocument, createResolver, type Coverage} from '../../build/index.ts'
import {applyUpdates, importXliff, sourceBundle, toJson, type BundleUpdate, type ImportReport} from '../../store/index.ts'
import type {Bundle, Diagnostic, SourceDocument, StateFile} from '../../types.ts'
import {fromBundleValue, fromMarkdown} from '../../units/index.ts'
import {fromXliff, toXliff, toXliff12} from '../../xliff/index.ts'

/** The stores of a project, as values. */
export interface Stores {
  /** Bundles by `<locale>/<document id>`. */
  bundles: Map<string, Bundle>
  /** Per-key state by `<locale>/<document id>`. */
  states: Map<string, StateFile>
}

/** Files to write: path relative to the project root → content. */
export type Outputs = Map<string, string>

/** Paths of a document's stores and exchange files. */
export const paths = {
  bundle: (config: Config, locale: string, id: string) => `${config.locales}/${locale}/${id}.json`,
  state: (config: Config, locale: string, id: string) => `${config.locales}/${locale}/${id}.state.json`,
  xliff: (config: Config, locale: string, path: string) => `${config.xliff}/${locale}/${path}.xlf`,
  dist: (config: Config, locale: string, path: string) => `${config.dist}/${locale}/${path}`,
  source: (config: Config, path: string) => `${config.source}/${config.sourceLocale}/${path}`
}

/**
 * Extract every source into units.
 *
 * @param config Project config.
 * @param sources Source texts by path relative to `<source>/<sourceLocale>/`.
 */
export function extractDocuments(config: Config, sources: ReadonlyMap<string, string>): {value: Map<string, SourceDocument>; messages: Diagnostic[]} {
  const documents = new Map<string, SourceDocument>()
  const messages: Diagnostic[] = []
  for (const [path, text] of [...sources].sort(([a], [b]) => a.localeCompare(b))) {
    const result = fromMarkdown(text, {path, language: config.sourceLocale, frontmatterKeys: config.frontmatterKeys})
    documents.set(path, result.value)
    messages.push(...result.messages.map((message) => ({...message, file: paths.source(config, path)})))
  }
  return {value: documents, messages}
}

/**
 * Write the source bundles and, for every target locale, an XLIFF file per
 * document with known translations pre-filled.
 */
export function extractProject(config: Config, documents: ReadonlyMap<string, SourceDocument>, stores: Stores): {value: Outputs; messages: Diagnostic[]} {
  const outputs: Outputs = new Map()
  const messages: Diagnostic[] = []
  for (const document of documents.values()) {
    outputs.set(paths.bundle(config, config.sourceLocale, document.id), toJson(sourceBundle(document)))
    // XLIFF 2 requires a unit in every file; a document with nothing to translate gets none.
    if (document.units.length === 0) continue
    for (const locale of config.targetLocales) {
      const bundle = stores.bundles.get(`${locale}/${document.id}`) ?? {}
      const state = stores.states.get(`${locale}/${document.id}`) ?? {}
      // A target bundle exists from the start (empty: nothing translated yet), so
      // apps loading `locales/<lng>/<ns>.json` find it; an existing one is never rewritten here.
      if (!stores.bundles.has(`${locale}/${document.id}`)) outputs.set(paths.bundle(config, locale, document.id), toJson(bundle))
      if (!stores.states.has(`${locale}/${document.id}`)) outputs.set(paths.state(config, locale, document.id), toJson(state))
      const write = config.xliffVersion === '1.2' ? toXliff12 : toXliff
      const xliff = write(document, {
        sourceLocale: config.sourceLocale,
        targetLocale: locale,
        target(segment) {
          const value = bundle[segment.key]
          if (value === undefined) return
          const {tokens, problems} = fromBundleValue(value, segment)
          if (problems.length > 0) {
            messages.push(...problems.map((problem) => ({file: paths.bundle(config, locale, document.id), segmentId: segment.id, ruleId: problem.ruleId, source: 'extract', severity: 'warning' as const, message: `${problem.message}; key \`${segment.key}\` is not pre-filled`})))
            return
          }
          return {tokens, state: state[segment.key]?.state ?? 'translated'}
        }
      })
      outputs.set(paths.xliff(config, locale, document.path), xliff)
    }
  }
  return {value: outputs, messages}
}

/** What importing did, per file. */
export interface ImportResult {
  /** Bundle and state files that changed. */
  value: Outputs
  /** The stores after the import. */
  stores: Stores
  reports: ImportReport[]
  messages: Diagnostic[]
}

/**
 * Import translated XLIFF files into the locale stores.
 *
 * @param xliffs XLIFF texts by path.
 */
export function importProject(config: Config, documents: ReadonlyMap<string, SourceDocument>, stores: Stores, xliffs: ReadonlyMap<string, string>): ImportResult {
  const outputs: Outputs = new Map()
  const messages: Diagnostic[] = []
  const reports: ImportReport[] = []
  const bundles = new Map(stores.bundles)
  const states = new Map(stores.states)
  const byId = new Map([...documents.values()].map((document) => [document.id, document]))
  const keyOwner = new Map<string, string>()
  // Segment keys of a unit, to retire the unit's whole translation when its sentences are translated again.
  const unitOfKey = new Map<string, string>()
  for (const document of documents.values()) {
    for (const unit of document.units) {
      // A unit id is a key too: the whole translation of a unit whose segments a CAT tool joined or split.
      keyOwner.set(`${document.id}\u0000${unit.id}`, document.id)
      for (const part of unit.parts) {
        if (part.type !== 'segment') continue
        keyOwner.set(`${document.id}\u0000${part.segment.key}`, document.id)
        unitOfKey.set(`${document.id}\u0000${part.segment.key}`, unit.id)
      }
    }
  }

  for (const [file, text] of xliffs) {
    const read = fromXliff(text, {file, maxBytes: config.maxXliffBytes})
    messages.push(...read.messages)
    const xliff = read.value
    if (!xliff) {
      reports.push({file, units: 0, segments: 0, quarantined: [{unitId: '*', line: 1, reasons: read.messages.map((message) => message.message)}]})
      continue
    }
    const locale = xliff.trgLang
    if (!locale || !config.targetLocales.includes(locale)) {
      messages.push({file, line: 1, ruleId: 'locale-unknown', source: 'import', severity: 'error', message: `Target language \`${locale ?? '(none)'}\` is not one of the configured target locales (${config.targetLocales.join(', ')})`})
      reports.push({file, units: 0, segments: 0, quarantined: []})
      continue
    }
    const badUnits = new Set(read.messages.filter((message) => message.severity === 'error' && message.unitId).map((message) => message.unitId))
    const filtered = {...xliff, files: xliff.files.map((one) => ({...one, units: one.units.filter((unit) => !badUnits.has(unit.id))}))}
    const imported = importXliff(filtered, documents, {file})
    for (const unitId of badUnits) {
      const found = read.messages.filter((message) => message.unitId === unitId)
      imported.report.quarantined.push({unitId: unitId!, line: found[0]?.line ?? 0, reasons: found.map((message) => `${message.ruleId}: ${message.message}`)})
    }
    messages.push(...imported.messages)
    reports.push(imported.report)

    const byDocument = new Map<string, BundleUpdate[]>()
    for (const one of xliff.files) {
      const document = one.original === undefined ? undefined : documents.get(one.original)
      if (document) byDocument.set(document.id, [])
    }
    const seen = new Map<string, string>()
    for (const update of imported.value) {
      const documentId = [...byDocument.keys()].find((id) => keyOwner.has(`${id}\u0000${update.key}`))
      if (!documentId) continue
      const previous = seen.get(`${documentId}\u0000${update.key}`)
      if (previous !== undefined && previous !== update.value) {
        messages.push({file, ruleId: 'key-conflict', source: 'import', severity: 'warning', message: `Repeated segment \`${update.key}\` has different translations in one file; the last one is kept`})
      }
      seen.set(`${documentId}\u0000${update.key}`, update.value)
      byDocument.get(documentId)!.push(update)
    }
    for (const [documentId, updates] of byDocument) {
      const name = `${locale}/${documentId}`
      const order = Object.keys(sourceBundle(byId.get(documentId)!))
      const applied = applyUpdates(bundles.get(name) ?? {}, states.get(name) ?? {}, updates, order)
      // A unit translated sentence by sentence again no longer uses its older whole translation.
      const retired = new Set(updates.flatMap((update) => unitOfKey.get(`${documentId}\u0000${update.key}`) ?? []))
      for (const unitId of retired) {
        if (!(unitId in applied.bundle)) continue
        delete applied.bundle[unitId]
        delete applied.state[unitId]
        applied.changed.push(unitId)
      }
      if (applied.changed.length === 0) continue
      bundles.set(name, applied.bundle)
      states.set(name, applied.state)
      outputs.set(paths.bundle(config, locale, documentId), toJson(applied.bundle))
      outputs.set(paths.state(config, locale, documentId), toJson(applied.state))
    }
  }
  return {value: outputs, stores: {bundles, states}, reports, messages}
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
export function buildProject(config: Config, documents: ReadonlyMap<string, SourceDocument>, stores: Stores): {value: Outputs; coverage: BuildEntry[]; messages: Diagnostic[]} {
  const resources: Record<string, Record<string, Bundle>> = {}
  for (const document of documents.values()) {
    ;(resources[config.sourceLocale] ??= {})[document.id] = sourceBundle(document)
  }
  for (const [name, bundle] of stores.bundles) {
    const slash = name.indexOf('/')
    const locale = name.slice(0, slash)
    if (locale !== config.sourceLocale) (resources[locale] ??= {})[name.slice(slash + 1)] = bundle
  }
  const resolve = createResolver({resources, fallbackLng: config.fallbackLng})
  const outputs: Outputs = new Map()
  const coverage: BuildEntry[] = []
  const messages: Diagnostic[] = []
  for (const locale of config.targetLocales) {
    for (const document of documents.values()) {
      const file = paths.dist(config, locale, document.path)
      const built = buildDocument(document, {locale, resolve, file: paths.bundle(config, locale, document.id), sourceLocale: config.sourceLocale})
      outputs.set(file, built.value)
      coverage.push({locale, path: document.path, coverage: built.coverage})
      messages.push(...built.messages)
    }
  }
  return {value: outputs, coverage, messages}
}
