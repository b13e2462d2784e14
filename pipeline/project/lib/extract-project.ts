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
import type {Memory, MemoryEntry} from '../../memory/index.ts'
import {sourceBundle, toJson} from '../../store/index.ts'
import type {Diagnostic, SourceDocument} from '../../types.ts'
import {documentId, fromMarkdown} from '../../units/index.ts'
import {toXliff, toXliff12} from '../../xliff/index.ts'
import {compiledMemory, documentLeverage, localeMemory, projectPrefill, type DocumentLeverage, type ProjectLeverageOptions} from './leverage-project.ts'
import {analysisKey, extractContextKey, extractOutputsKey} from '../../incremental/index.ts'
import {localePart, storePart} from './analyze-project.ts'
import {paths, type Outputs, type Stores} from './paths.ts'
import {outputKinds, reused, type Reuse} from './reuse.ts'
import {segmentLocks, type ProjectTerms, type SegmentMatches} from './terms.ts'

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
  /** Each document's outputs from the store when nothing they are made of changed (`extractOutputsKey`); without machine translations only. */
  reuse?: Reuse | null
  /**
   * Each target locale's `analysisContextKey` (`analysisContexts`), in the
   * config's order: a document whose outputs are made also gets its part of
   * each locale's analysis stored in `reuse`'s store (`storePart`), from
   * the lookup its XLIFF was made from: `run`, which analyzes after
   * extracting, looks up no document twice.
   */
  parts?: readonly string[] | null
  /** The target locales whose XLIFF files to make (default: all): import compares a batch of returned files with what extract would write for their own locales only. */
  locales?: ReadonlySet<string> | null
  /** The project-wide part (`extractContext`) and, for `reuse`, its key (`extractContextKey`), when the caller has them: `run`, which makes many documents' outputs on its threads first. */
  context?: (ExtractContextParts & {key?: string | undefined}) | null
}

/** The project-wide part of extraction (`extractContext`): each target locale's memory entries, and the messages of reading them, by locale. */
export interface ExtractContextParts {
  memories: Array<[string, MemoryEntry[]]>
  messages: Diagnostic[][]
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
  const only = options.only
  // By path: a document whose outputs are found by its key is not read.
  const written = [...documents.keys()].filter((path) => !only || only.has(path)).map((path) => ({path, id: documentId(path)}))
  const context = options.context ?? extractContext(config, documents, stores, options)
  let compiled: ExtractContext | undefined
  // Machine translations are the edge's, made for this run: their outputs are not reused.
  const reuse = options.machine ? undefined : options.reuse
  const shared = reuse && (options.context?.key ?? extractContextKey(config, context.memories, reuse.glossary))
  const keyOf = (path: string) => {
    const key = reuse?.keys.get(path)
    return key && extractOutputsKey(key, shared!)
  }
  const parts = (reuse && options.parts) || undefined
  const make = (path: string) => () => {
    const key = parts && reuse!.keys.get(path)
    const onLeverage = key === undefined ? undefined : (at: number, found: DocumentLeverage) => storePart(reuse!.store, analysisKey(key, parts![at]!), () => localePart(found))
    return documentOutputs(config, documents.get(path)!, (compiled ??= compileContext(context.memories)), {...options, onLeverage})
  }
  const each = written.map(({path}) => reused(reuse?.store, outputKinds.extract, keyOf(path), make(path)))
  return assembleExtract(config, written, {each, messages: context.messages, stores, only})
}

/**
 * The project's extract outputs from each document's (`documentOutputs`):
 * every source bundle, then, locale by locale, each document's files (an
 * empty target bundle and state file where the stores have none, so apps
 * loading `locales/<lng>/<ns>.json` find one, then its XLIFF); the messages
 * of the locale's memory (under a shard, those about its own documents and
 * stores), then each document's.
 *
 * @param config Project config.
 * @param written The documents written, in order.
 * @param parts Each written document's outputs, the memory's messages by locale (`extractContext`), the stores (which files exist), and the shard's documents, if any.
 */
export function assembleExtract(config: Config, written: ReadonlyArray<Pick<SourceDocument, 'path' | 'id'>>, parts: {each: readonly DocumentOutputs[]; messages: readonly Diagnostic[][]; stores: Pick<Stores, 'bundles' | 'states'>; only?: ReadonlySet<string> | null | undefined}): {value: Outputs; messages: Diagnostic[]} {
  const outputs: Outputs = new Map(parts.each.map((one) => one.source))
  const messages: Diagnostic[] = []
  // A shard reports what is about its own documents: their sources and their stores.
  const files = parts.only && new Set(config.targetLocales.flatMap((locale) => written.flatMap((document) => [paths.source(config, document.path), paths.bundle(config, locale, document.id)])))
  config.targetLocales.forEach((locale, at) => {
    messages.push(...(files ? parts.messages[at]!.filter((message) => message.file === undefined || files.has(message.file)) : parts.messages[at]!))
    parts.each.forEach((one, index) => {
      const {outputs: xliff, messages: found} = one.locales[at]!
      messages.push(...found)
      // A document with nothing to translate has no XLIFF, and gets no store files either.
      if (xliff.length === 0) return
      const name = paths.store(locale, written[index]!.id)
      // An existing store file is never rewritten here.
      if (!parts.stores.bundles.has(name)) outputs.set(paths.bundle(config, locale, written[index]!.id), toJson({}))
      if (!parts.stores.states.has(name)) outputs.set(paths.state(config, locale, written[index]!.id), toJson({}))
      for (const [file, text] of xliff) outputs.set(file, text)
    })
  })
  return {value: outputs, messages}
}

/** What each document's extraction needs from the whole project (`compileContext`), on any thread. */
export interface ExtractContext {
  /** Each target locale's compiled memory (`localeMemory`, `compileMemory`), by locale. */
  memories: ReadonlyMap<string, Memory>
}

/**
 * The project-wide part of extraction: each target locale's memory entries,
 * and the messages of reading the stored translations, in the config's
 * order of target locales.
 *
 * @param config Project config.
 * @param documents Extracted sources by path (those whose stores hold translations are enough).
 * @param stores Locale stores.
 * @param options Outside memory.
 */
export function extractContext(config: Config, documents: ReadonlyMap<string, SourceDocument>, stores: Stores, options?: Pick<ProjectLeverageOptions, 'memory'> | null): ExtractContextParts {
  const memories = config.targetLocales.map((locale) => localeMemory(config, documents, stores, locale, options))
  return {memories: config.targetLocales.map((locale, at) => [locale, memories[at]!.value]), messages: memories.map((memory) => memory.messages)}
}

/**
 * The memories compiled, once per thread and per memory (`compiledMemory`:
 * import's batches, each compared with what extract would write now, and
 * its lookup of what extract pre-filled share one).
 *
 * @param memories Each target locale's memory entries (`extractContext`).
 */
export function compileContext(memories: ReadonlyArray<[string, MemoryEntry[]]>): ExtractContext {
  return {memories: new Map(memories.map(([locale, entries]) => [locale, compiledMemory(entries)]))}
}

/** One document's extraction outputs. */
export interface DocumentOutputs {
  /** Its source bundle: file and content. */
  source: [string, string]
  /** By target locale, in the config's order: its XLIFF file (none when it has nothing to translate) and the leverage's messages. */
  locales: Array<{outputs: Array<[string, string]>; messages: Diagnostic[]}>
}

/**
 * One document's source bundle and, for every target locale, its XLIFF file
 * pre-filled from the locale's memory: the per-file part of
 * {@linkcode extractProject}.
 *
 * @param config Project config.
 * @param document The extracted source.
 * @param context The compiled memories (`compileContext`).
 * @param options Term rules, machine translations, the target locales to make XLIFF for (default: all), the document's segment terms when known (`segmentMatches`), and `onLeverage(at, found)`, called with each target locale's lookup (`at` in the config's order).
 */
export function documentOutputs(config: Config, document: SourceDocument, context: ExtractContext, options?: (Pick<ExtractProjectOptions, 'terms' | 'machine' | 'locales'> & {matches?: SegmentMatches | null | undefined; onLeverage?: ((at: number, found: DocumentLeverage) => void) | null | undefined}) | null): DocumentOutputs {
  const write = config.xliffVersion === '1.2' ? toXliff12 : toXliff
  const locales = config.targetLocales.map((locale, at) => {
    // XLIFF 2 requires a unit in every file; a document with nothing to translate gets none.
    if (document.units.length === 0 || (options?.locales && !options.locales.has(locale))) return {outputs: [], messages: []}
    const found = documentLeverage(config, document, context.memories.get(locale)!, locale, options)
    options?.onLeverage?.(at, found)
    const segments = new Map(found.value.map((one) => [one.segment, one]))
    const xliff = write(document, {
      sourceLocale: config.sourceLocale,
      targetLocale: locale,
      terms: segmentLocks(options?.terms, locale, options?.matches),
      target(segment) {
        const filled = projectPrefill(config, segments.get(segment))
        return filled && {tokens: filled.tokens, state: filled.state}
      },
      matches: (segment) => (segments.get(segment)?.candidates ?? []).filter((candidate) => !candidate.own)
    })
    return {outputs: [[paths.xliff(config, locale, document.path), xliff] as [string, string]], messages: found.messages}
  })
  return {source: [paths.bundle(config, config.sourceLocale, document.id), toJson(sourceBundle(document))], locales}
}
