/**
 * Extract a project. Takes: the config, the sources (or documents), the
 * stores and the memory. Returns: the extracted documents; the source
 * bundles and, for every target locale, an XLIFF file per document whose
 * targets the leverage stage pre-filled (the segment's own stored
 * translation, a context or exact match; fuzzy matches and machine
 * translations as the config's `memory.prefill` says), with every other
 * candidate listed as a proposal and, given the project's term rules, its
 * glossary terms marked.
 */
import type {Config} from '../../config/index.ts'
import {sourceBundle, toJson} from '../../store/index.ts'
import type {Diagnostic, SourceDocument} from '../../types.ts'
import {fromMarkdown} from '../../units/index.ts'
import {toXliff, toXliff12} from '../../xliff/index.ts'
import {projectLeverage, projectPrefill, type ProjectLeverageOptions} from './leverage-project.ts'
import {paths, type Outputs, type Stores} from './paths.ts'
import {segmentLocks, type ProjectTerms} from './terms.ts'

/** Options of {@linkcode extractProject}. */
export interface ExtractProjectOptions extends ProjectLeverageOptions {
  /** Term rules by target locale: each XLIFF marks its glossary terms (see `projectTerms`). */
  terms?: ProjectTerms | null
  /**
   * Paths of the documents to write files for (default: all). The others
   * are there as memory: their stored translations are the leverage
   * stage's, as in a run over every document (a CI shard).
   */
  only?: ReadonlySet<string> | null
}

/**
 * Extract every source into units.
 *
 * @param config Project config.
 * @param sources Source texts by document path (`documentPath`: below where `{path}` starts in `sourcePattern`).
 * @param options `onProgress(path)`, called after each document (the CLI's progress bar).
 */
export function extractDocuments(config: Config, sources: ReadonlyMap<string, string>, options?: {onProgress?: ((path: string) => void) | null} | null): {value: Map<string, SourceDocument>; messages: Diagnostic[]} {
  const documents = new Map<string, SourceDocument>()
  const messages: Diagnostic[] = []
  for (const [path, text] of [...sources].sort(([a], [b]) => a.localeCompare(b))) {
    const result = fromMarkdown(text, {path, language: config.sourceLocale, frontmatterKeys: config.frontmatterKeys, flavor: config.flavor, codeFinder: config.codeFinder})
    documents.set(path, result.value)
    messages.push(...result.messages.map((message) => ({...message, file: paths.source(config, path)})))
    options?.onProgress?.(path)
  }
  return {value: documents, messages}
}

/**
 * Write the source bundles and, for every target locale, an XLIFF file per
 * document with known translations pre-filled.
 */
export function extractProject(config: Config, documents: ReadonlyMap<string, SourceDocument>, stores: Stores, options: ExtractProjectOptions = {}): {value: Outputs; messages: Diagnostic[]} {
  const outputs: Outputs = new Map()
  const messages: Diagnostic[] = []
  const only = options.only
  const written = only ? [...documents.values()].filter((document) => only.has(document.path)) : [...documents.values()]
  for (const document of written) outputs.set(paths.bundle(config, config.sourceLocale, document.id), toJson(sourceBundle(document)))
  for (const locale of config.targetLocales) {
    const found = projectLeverage(config, documents, stores, locale, options)
    // A shard reports what is about its own documents: their sources and their stores.
    const files = only && new Set(written.flatMap((document) => [paths.source(config, document.path), paths.bundle(config, locale, document.id)]))
    messages.push(...(files ? found.messages.filter((message) => message.file === undefined || files.has(message.file)) : found.messages))
    for (const document of written) {
      // XLIFF 2 requires a unit in every file; a document with nothing to translate gets none.
      if (document.units.length === 0) continue
      const name = paths.store(locale, document.id)
      // A target bundle exists from the start (empty: nothing translated yet), so
      // apps loading `locales/<lng>/<ns>.json` find it; an existing one is never rewritten here.
      if (!stores.bundles.has(name)) outputs.set(paths.bundle(config, locale, document.id), toJson({}))
      if (!stores.states.has(name)) outputs.set(paths.state(config, locale, document.id), toJson({}))
      const write = config.xliffVersion === '1.2' ? toXliff12 : toXliff
      const xliff = write(document, {
        sourceLocale: config.sourceLocale,
        targetLocale: locale,
        terms: segmentLocks(options.terms, locale),
        target(segment) {
          const filled = projectPrefill(config, found.segments.get(segment))
          return filled && {tokens: filled.tokens, state: filled.state}
        },
        matches: (segment) => (found.segments.get(segment)?.candidates ?? []).filter((candidate) => !candidate.own)
      })
      outputs.set(paths.xliff(config, locale, document.path), xliff)
    }
  }
  return {value: outputs, messages}
}
