/**
 * The pipeline commands: extract, import, build and run. Takes: a workspace
 * and command options. Returns: a command result (files written, messages,
 * a summary); printing and exit codes are main's job.
 */
import {resolve} from 'node:path'
import {deserialize, serialize} from 'node:v8'
import {asWarnings, countSeverities} from '../../diagnostic.ts'
import type {Termbase} from '../../glossary/index.ts'
import {analysisKey, digestBytes, extractContextKey, extractOutputsKey, inShard, type Shard} from '../../incremental/index.ts'
import {analysisContexts, analyzeProject, assembleExtract, storePart, outputKinds, buildProject, buildPseudo, extractContext, extractProject, type DocumentOutputs, type ExtractContextParts, importProject, paths, projectTerms, shareText, type Reuse, type BuildEntry, type LocaleGate, type ExternalMemory, type ProjectTerms, type Stores} from '../../project/index.ts'
import {percentText} from '../../build/index.ts'
import type {ImportReport} from '../../store/index.ts'
import type {UnknownWord} from '../../mt/index.ts'
import type {Diagnostic, SourceDocument} from '../../types.ts'
import {hasValues, toJson} from '../../store/index.ts'
import {documentId} from '../../units/index.ts'
import {startProgress} from '../progress.ts'
import {documentLint, extractOutputs, extractSources, outputsOnThreads, type CacheUse, type DocumentLint} from '../extract-sources.ts'
import type {SourceText} from '../source-record.ts'
import type {MemoryEntry} from '../../memory/index.ts'
import {openCache, type Cache} from '../cache.ts'
import {keepCharTables} from '../kept-char-tables.ts'
import {LazyDocuments} from '../lazy-documents.ts'
import {MessageList, SpoolTable, type PrintedMessages} from '../packed-messages.ts'
import {codeVersion} from '../code-version.ts'
import type {PretranslateCommandResult} from './pretranslate.ts'
import {engineOf} from '../engines/engine-of.ts'
import {absoluteIn, noSources, readGlossary, readMemory, readStores, readReturnedXliff, readWrittenXliff, recordWrittenXliff, saveWrittenXliff, sourceFiles, updateWrittenXliff, xliffDigests, xliffToRead, writeOutputs, xliffFiles, UsageError, type Workspace, type WrittenXliff} from '../workspace.ts'
import {holdsSigned, openSpool, settledSignature, statOf} from '../fs.ts'
import {openOutputRecord, type OutputRecord} from '../output-record.ts'
import {readRecordedSources} from '../source-record.ts'
import {defaultTiering, manyDocuments} from '../tiering.ts'
import {joinOutputs, outputFiles, outputsPart, encodedFiles, type OutputsPart} from '../encoded-outputs.ts'

/** What a command did. */
export interface CommandResult {
  command: string
  /** Files whose content changed. */
  written: string[]
  /** Files produced whose content was already up to date. */
  unchanged: number
  messages: Diagnostic[]
  /** Human summary lines. */
  summary: string[]
  reports?: ImportReport[]
  coverage?: BuildEntry[]
  /** Each target locale's coverage after fallback and its `minCoverage` (`build`, `run`). */
  locales?: LocaleGate[]
  /** Words each locale's engine did not know (`pretranslate`, `run`). */
  unknown?: Record<string, UnknownWord[]>
  /** How many documents and lint results came from the cache (`--json`). */
  cache?: CacheUse
  /** Worker threads that extracted sources beside the main thread (0: the main thread alone did). */
  threads?: number
  /** Overrides success (default: no error message); `--allow-quarantine` sets it. */
  ok?: boolean
}

/** Options shared by the commands. */
export interface CommandOptions {
  /** Show a progress bar (a TTY and not `--json`). */
  progress: boolean
  /** Exit 0 even when units were quarantined (they are still reported). */
  allowQuarantine?: boolean
  /** Threads extracting sources, the main one among them (`--jobs`; default: the machine's available parallelism). */
  jobs?: number | undefined
  /** Use the cache (`--no-cache` turns it off; default on). */
  cache?: boolean | undefined
  /** Only this shard of the documents gets outputs (`--shard i/n`). */
  shard?: Shard | undefined
}

/** A project read from disk: documents, stores, the glossary with its compiled term rules, and the translation memory. */
export interface Loaded {
  /** Documents by path: the shard's, and (under `--shard`) the others whose stores hold translations, which are memory. */
  documents: Map<string, SourceDocument>
  /** Under `--shard`: the paths of the shard's documents, the only ones a command writes outputs for. */
  shard?: ReadonlySet<string> | undefined
  stores: Stores
  termbase: Termbase | undefined
  terms: ProjectTerms | undefined
  /** Memory from TMX and XLIFF files (the stores' own pairs are added per locale by the leverage stage). */
  memory: ExternalMemory
  messages: Diagnostic[]
  /** Each document's number of units, by path (known without reading the document). */
  units: ReadonlyMap<string, number>
  /** Each document's source by path: its digest, and its text (read on first use, checked against the digest). */
  sources: ReadonlyMap<string, SourceText>
  /** The source lint's findings on the shard's documents, a document's at a time, each with its own severity (extract reports them as warnings). */
  lint: DocumentLint[]
  /** The same findings, a document's at a time, as `run` reports them (errors as warnings), with the bytes `--json` prints for them (a batch with findings outside the shard: those in it, unprinted). */
  printedLint: Array<readonly Diagnostic[] | PrintedMessages>
  /** What came from the cache. */
  cache: CacheUse
  /** Worker threads that extracted sources. */
  threads: number
  /** The stages' per-document outputs through the cache (unless `--no-cache`). */
  reuse: (Reuse & {store: Cache}) | undefined
}

/**
 * Read the stores, the glossary and the memory, and extract the sources
 * (through the cache, on worker threads): under `--shard`, the shard's
 * sources and those whose stores hold translations (the leverage stage's
 * memory is every stored translation, whatever the shard).
 */
export async function load(workspace: Workspace, options: CommandOptions): Promise<Loaded> {
  const started = Date.now()
  const files = sourceFiles(workspace)
  if (files.size === 0) throw new UsageError(noSources(workspace))
  const {stores, glossary, termbase, memory} = readInputs(workspace, options, started)
  const shard = options.shard && new Set([...files.keys()].filter((path) => inShard(path, options.shard)))
  if (shard) {
    const translated = translatedDocuments(stores.value)
    for (const path of files.keys()) if (!shard.has(path) && !translated(path)) files.delete(path)
  }
  const folder = cacheFolder(workspace, options)
  const read = readRecordedSources(workspace, files, {cache: folder, started, complete: !shard})
  // The term matcher's character tables as this engine built them in an earlier run, not built again (`kept-char-tables.ts`).
  if (termbase && folder !== undefined) keepCharTables(openCache(folder, codeVersion()))
  // Compiled once: the sources extracted on this thread match with the same source index.
  const terms = termbase ? projectTerms(workspace.config, termbase) : undefined
  const progress = await startProgress('extract', files.size, options.progress)
  const extracted = await extractSources(workspace, read.sources, termbase, {jobs: options.jobs, cache: options.cache, tick: (path) => progress.tick(path), termIndex: terms?.sourceIndex})
  progress.stop()
  read.save()
  // What a stage reads back of what an earlier stage of this command stored is counted as made (`run`'s analysis parts).
  const store = folder === undefined ? undefined : openCache(folder, codeVersion(), {countMade: true})
  const documentOf = shard && new Map([...extracted.documents.keys()].map((path) => [paths.source(workspace.config, path), path]))
  const inThisShard = (message: Diagnostic) => !documentOf || message.file === undefined || !documentOf.has(message.file) || shard!.has(documentOf.get(message.file)!)
  return {
    documents: extracted.documents,
    units: extracted.units,
    sources: read.sources,
    ...(shard ? {shard} : {}),
    stores: stores.value,
    termbase,
    terms,
    memory: memory.value,
    messages: [...extracted.messages.filter(inThisShard), ...stores.messages, ...glossary.messages, ...asWarnings(memory.messages)],
    lint: shard ? extracted.lint.map((one) => documentLint(one.findings().filter(inThisShard))) : extracted.lint,
    printedLint: shard ? extracted.printedLint.map((batch) => (batch.messages.every(inThisShard) ? batch : batch.messages.filter(inThisShard))) : extracted.printedLint,
    cache: folder === undefined ? extracted.cache : {...extracted.cache, sources: read.use},
    threads: extracted.threads,
    reuse: store && {keys: extracted.keys, glossary: extracted.glossary, store}
  }
}

/** What every command reads besides the sources: the stores, the glossary and the memory. */
function readInputs(workspace: Workspace, options: CommandOptions, started: number): {stores: ReturnType<typeof readStores>; glossary: ReturnType<typeof readGlossary>; termbase: Termbase | undefined; memory: ReturnType<typeof readMemory>} {
  const cache = cacheFolder(workspace, options)
  const glossary = readGlossary(workspace, {cache, started})
  return {stores: readStores(workspace, {cache, started}), glossary, termbase: glossary.value, memory: readMemory(workspace)}
}

/** Whether a document's stores hold a translation in any locale (its pairs are memory), by document path. */
function translatedDocuments(stores: Stores): (path: string) => boolean {
  const ids = new Set([...stores.bundles].filter(([, bundle]) => hasValues(bundle)).map(([name]) => paths.storeParts(name).id))
  return (path) => ids.has(documentId(path))
}

/** The cache folder (absolute), unless `--no-cache`. */
function cacheFolder(workspace: Workspace, options: CommandOptions): string | undefined {
  return options.cache === false ? undefined : resolve(workspace.root, workspace.config.cache)
}

/** The documents a command writes outputs for: all, or the shard's. */
function ownDocuments(loaded: Loaded): Map<string, SourceDocument> {
  const shard = loaded.shard
  if (!shard) return loaded.documents
  // The shard's documents are read when a stage asks for them, as the others.
  const own = new LazyDocuments()
  for (const path of loaded.documents.keys()) if (shard.has(path)) own.defer(path, () => loaded.documents.get(path)!)
  return own
}

/** The record of the XLIFF files extract wrote (`readWrittenXliff`) as import read and updated it, and whether it changed since it was read: `run` writes it once, after extract. */
interface XliffRecord {
  record: Map<string, WrittenXliff>
  changed: boolean
  /** The files import found holding the bytes extract last wrote, each with the signature it had then: extract's record of outputs does not look at them again. */
  found: ReadonlyMap<string, Required<WrittenXliff>>
}

/** What `extract` on its own did: a command result whose messages are kept packed, document by document, until printed. */
export type StreamedResult = Omit<CommandResult, 'messages'> & {messages: MessageList}

/**
 * `extract` on a project `run` loaded (`babele extract` on its own is
 * {@linkcode extract}, which streams). Given `xliff`, the record of XLIFF
 * files import read, extract's files are recorded in it and it is written
 * once, not read again.
 */
async function extractLoaded(workspace: Workspace, options: CommandOptions, given: Loaded, earlier: {xliff?: XliffRecord | undefined} = {}): Promise<StreamedResult> {
  const {config} = workspace
  const record = openOutputRecord(workspace, given.reuse, outputKinds.extract, Date.now(), earlier.xliff?.found)
  const context = extractContext(config, given.documents, given.stores, {memory: given.memory})
  const key = given.reuse && extractContextKey(config, context.memories, given.reuse.glossary)
  // Unsharded, `run` analyzes next: each document made stores its analysis parts from the same lookup.
  const parts = given.shard || !given.reuse ? undefined : analysisContexts(config, context.memories)
  // Without memory a document's outputs take no lookup, and are made here for less than the threads' reading it again would cost.
  const lookups = context.memories.some(([, entries]) => entries.length > 0)
  const threads = record && given.reuse && lookups ? await outputsMadeOnThreads(workspace, options, given, {record, reuse: given.reuse, memories: context.memories, key: key!, parts}) : 0
  const result = extractProject(config, given.documents, given.stores, {terms: given.terms, memory: given.memory, only: given.shard, reuse: record?.reuse, parts, context: {...context, key}})
  const written = record ? record.write(result.value) : writeOutputs(workspace, result.value)
  if (options.cache !== false) {
    const digests = xliffDigests(workspace, result.value, record?.digestOf)
    const xliff = earlier.xliff
    if (!xliff) recordWrittenXliff(workspace, digests)
    else if (updateWrittenXliff(xliff.record, digests) || xliff.changed) saveWrittenXliff(workspace, xliff.record)
  }
  record?.save()
  const documents = ownDocuments(given)
  const units = [...documents.keys()].reduce((sum, path) => sum + given.units.get(path)!, 0)
  // The lint findings as the cache keeps them printed, a document's at a time.
  const messages = new MessageList()
  for (const batch of [given.messages, result.messages, ...given.printedLint]) messages.add(batch)
  return extractResult(workspace, options, {documents: documents.size, units, outputs: result.value.size, written, messages, cache: cacheUse(given), threads: Math.max(given.threads, threads)})
}

/**
 * The outputs of the documents `run`'s extract is to make, when there are
 * many (a stored translation changed the memory: every document's), made
 * on the threads (`outputsOnThreads`) and supplied to the record, whose
 * store hands each to `extractProject` as made (a miss); each one's
 * analysis parts stored as `extractProject`'s `parts` stores them. The
 * documents whose outputs are kept on disk are told first (the record
 * remembers them for the stage). Below the threshold, or with one job,
 * none: `extractProject` makes them on this thread.
 *
 * @returns How many threads beside this one made them.
 */
async function outputsMadeOnThreads(workspace: Workspace, options: CommandOptions, given: Loaded, made: {record: OutputRecord; reuse: Reuse & {store: Cache}; memories: Array<[string, MemoryEntry[]]>; key: string; parts: readonly string[] | undefined}): Promise<number> {
  const {record, reuse} = made
  const documents: Array<{path: string; source: SourceText; key: string}> = []
  for (const path of ownDocuments(given).keys()) {
    const key = reuse.keys.get(path)
    const source = given.sources.get(path)
    if (key !== undefined && source && record.kept(extractOutputsKey(key, made.key)) === undefined) documents.push({path, source, key})
  }
  const decoder = new TextDecoder()
  return outputsOnThreads(workspace, documents, {termbase: given.termbase, glossary: reuse.glossary, memories: made.memories, parts: made.parts && [...made.parts]}, {jobs: options.jobs, cache: options.cache}, (result, path) => {
    const key = reuse.keys.get(path)!
    const outputs = result.outputs!
    const texts = new Map(encodedFiles(outputs).map(([file, bytes]) => [file, decoder.decode(bytes)]))
    record.supply(extractOutputsKey(key, made.key), joinOutputs(outputs.part, (file) => texts.get(file)!))
    result.parts?.forEach((part, at) => storePart(reuse.store, analysisKey(key, made.parts![at]!), () => part))
  })
}

/** What came from the cache: the documents and lint findings, and the stages' per-document outputs so far (the analysis's parts once a stage analyzed). */
function cacheUse(loaded: Loaded): CacheUse {
  const store = loaded.reuse?.store
  if (!store) return loaded.cache
  const use = (kind: string) => ({hits: store.counts[kind]?.hits ?? 0, misses: store.counts[kind]?.misses ?? 0})
  const analyzed = store.counts[outputKinds.analysis] ? {analysis: use(outputKinds.analysis)} : {}
  const kept = (kind: string) => store.counts[kind]?.kept ?? 0
  return {...loaded.cache, outputs: {extract: use(outputKinds.extract), build: use(outputKinds.build), ...analyzed}, kept: {extract: kept(outputKinds.extract), build: kept(outputKinds.build)}}
}

/** What extract did, as a command result. */
function extractResult<Messages extends Diagnostic[] | MessageList>(workspace: Workspace, options: CommandOptions, done: {documents: number; units: number; outputs: number; written: string[]; messages: Messages; cache: CacheUse; threads: number}): Omit<CommandResult, 'messages'> & {messages: Messages} {
  const unchanged = done.outputs - done.written.length
  return {
    command: 'extract',
    written: done.written,
    unchanged,
    messages: done.messages,
    summary: [`extract: ${done.documents} document(s)${options.shard ? ` (shard ${options.shard.index}/${options.shard.count})` : ''}, ${done.units} unit(s), ${workspace.config.targetLocales.length} target locale(s); ${done.written.length} file(s) written, ${unchanged} unchanged`],
    cache: done.cache,
    threads: done.threads
  }
}

/**
 * `babele extract`: source bundles and XLIFF for every target locale; the
 * source lint's findings come along as warnings. File by file: every
 * source streams through the threads (`extractOutputs`), is turned into its
 * outputs there and written as it comes back, and its messages come back
 * packed and stay so until printed, its lint findings as the bytes
 * `--json` prints, set aside in a spool (`packed-messages.ts`), so no
 * document is held and memory does not grow with the number of files. The documents
 * whose stores hold translations are extracted first (through the cache):
 * their pairs are each locale's memory, as in `extractProject`. Files,
 * messages and their order are `extractProject`'s.
 */
export async function extract(workspace: Workspace, options: CommandOptions): Promise<StreamedResult> {
  const started = Date.now()
  const {config} = workspace
  const files = sourceFiles(workspace)
  if (files.size === 0) throw new UsageError(noSources(workspace))
  const {stores, glossary, termbase, memory} = readInputs(workspace, options, started)
  const translated = translatedDocuments(stores.value)
  const read = readRecordedSources(workspace, new Map([...files].filter(([path]) => translated(path))), {cache: cacheFolder(workspace, options), started})
  const stored = await extractSources(workspace, read.sources, termbase, {jobs: options.jobs, cache: options.cache})
  read.save()
  const context = extractContext(config, stored.documents, stores.value, {memory: memory.value})
  const shared = extractContextKey(config, context.memories, stored.glossary)
  const own = options.shard ? new Map([...files].filter(([path]) => inShard(path, options.shard))) : files
  // Per document, in document-path order, set aside as it comes (`SpoolTable`): its outputs less their texts (the texts are written as they come; v8-serialized, as exactly as a thread sent them), its messages (packed) and its lint (printed).
  const spooled = new SpoolTable(openSpool(), own.size, 3)
  const [partColumn, messagesColumn, lintColumn] = [0, 1, 2]
  const written = new Set<string>()
  // Each XLIFF file written or found up to date, with its digest: import knows babele's own by them.
  const xliff: Array<[string, string]> = []
  const cache: CacheUse = {documents: {...stored.cache.documents}, lint: {...stored.cache.lint}}
  const reused = {hits: 0, misses: 0}
  // The outputs kept on disk (`output-record.ts`): the threads neither make nor read them.
  const folder = cacheFolder(workspace, options)
  const store = folder === undefined ? undefined : openCache(folder, codeVersion())
  const record = store && openOutputRecord(workspace, {keys: new Map(), glossary: stored.glossary, store}, outputKinds.extract, started)
  const keys = new Map<string, string>()
  const kept = new Map<string, DocumentOutputs>()
  const keep = (path: string, key: string) => {
    const value = record?.kept(key) as DocumentOutputs | undefined
    if (value) kept.set(path, value)
    else keys.set(path, key)
    return value !== undefined
  }
  let units = 0
  const progress = await startProgress('extract', own.size, options.progress)
  const threads = await extractOutputs(
    workspace,
    own,
    {termbase, glossary: stored.glossary, memories: context.memories, shared},
    {jobs: options.jobs, cache: options.cache, started, tick: (path) => progress.tick(path), ...(record ? {kept: keep} : {})},
    (result, path, index) => {
      // A document of the first pass was counted there.
      if (!translated(path)) {
        cache.documents[result.cachedDocument ? 'hits' : 'misses']++
        cache.lint[result.cachedLint ? 'hits' : 'misses']++
      }
      // Made on the thread: written as the thread encoded them, a miss; else kept on disk (a hit): their placeholders, which the record skips.
      const stored = result.outputs
      reused[stored ? 'misses' : 'hits']++
      const onDisk = stored ? undefined : kept.get(path)
      kept.delete(path)
      if (!stored && !onDisk) throw new Error(`${path}: its outputs were neither made nor kept (a bug in babele)`)
      if (stored && record) {
        record.see(keys.get(path)!, stored)
        keys.delete(path)
      }
      const files = new Map<string, string | Uint8Array>(stored ? encodedFiles(stored) : outputFiles(onDisk!))
      for (const file of record ? record.write(files) : writeOutputs(workspace, files)) written.add(file)
      if (options.cache !== false) xliff.push(...xliffDigests(workspace, files, record?.digestOf))
      units += result.units
      // Assembly needs their names and messages only.
      spooled.set(index, partColumn, serialize(stored?.part ?? outputsPart(onDisk!)))
      spooled.set(index, messagesColumn, result.messages.bytes, result.messages.errors)
      spooled.set(index, lintColumn, result.lint.json, result.lint.errors)
    }
  )
  progress.stop()
  const ordered = [...own.keys()].sort((a, b) => a.localeCompare(b)).map((path) => ({path, id: documentId(path)}))
  const assembled = assembleExtract(config, ordered, {each: ordered.map((_, index) => joinOutputs(deserialize(spooled.bytes(index, partColumn)) as OutputsPart, () => '')), messages: context.messages, stores: stores.value, only: options.shard && new Set(own.keys())})
  // What is left to write: the empty store files of documents that had none (the rest was written as it came).
  for (const file of writeOutputs(workspace, new Map([...assembled.value].filter(([, text]) => text !== '')))) written.add(file)
  if (options.cache !== false) recordWrittenXliff(workspace, xliff)
  record?.save()
  const outputs = assembled.value.size
  if (options.cache !== false) {
    cache.outputs = {extract: reused, build: {hits: 0, misses: 0}}
    cache.kept = {extract: reused.hits, build: 0}
  }
  const messages = new MessageList()
  for (let index = 0; index < own.size; index++) messages.add(spooled.batch(index, messagesColumn, {packed: true}))
  for (const batch of [stores.messages, glossary.messages, asWarnings(memory.messages), assembled.messages]) messages.add(batch)
  for (let index = 0; index < own.size; index++) messages.add(spooled.batch(index, lintColumn, {packed: false}))
  return extractResult(workspace, options, {documents: own.size, units, outputs, written: [...assembled.value.keys()].filter((file) => written.has(file)), messages, cache, threads})
}

/** `babele import [FILE…]`: translated XLIFF into the locale stores. */
export async function importCommand(workspace: Workspace, options: CommandOptions & {files: string[]; /** `run`: the record of XLIFF files is returned (`xliff`) for extract to complete and write, not written here. */ keepXliffRecord?: boolean}, given?: Loaded): Promise<CommandResult & {stores: Stores; xliff?: XliffRecord}> {
  const started = Date.now()
  const loaded = given ?? (await load(workspace, options))
  const maxBytes = workspace.config.maxXliffBytes
  // Without file arguments, a file of the XLIFF folder that still holds the bytes extract last wrote
  // there (`readWrittenXliff`), or exactly what extract would write now, was never touched by a
  // translator: it is not imported, so its pre-filled matches never pass for translations, and a file
  // babele wrote before its source changed is not taken for a translator's stale one. A file with
  // the signature recorded when it was last found holding those bytes is not even read.
  const recorded = options.files.length > 0 || options.cache === false ? new Map<string, WrittenXliff>() : readWrittenXliff(workspace)
  let recordChanged = false
  let untouched = 0
  const listed: string[] = []
  const found = new Map<string, Required<WrittenXliff>>()
  const absolute = absoluteIn(workspace.root)
  for (const path of options.files.length > 0 ? [] : shardXliffFiles(workspace, loaded)) {
    const known = recorded.get(path)
    if (known?.signature && holdsSigned(absolute(path), known.signature, known.digest)) {
      untouched++
      found.set(path, {digest: known.digest, signature: known.signature})
    } else listed.push(path)
  }
  const named = options.files.length > 0
  const base = named ? process.cwd() : workspace.root
  const toRead = xliffToRead(named ? options.files : listed, base, maxBytes)
  // Many files to import: the command parses them all, and computes for long (`tiering.ts`).
  if (toRead.value.length >= manyDocuments) defaultTiering()
  const xliff = {hits: untouched, misses: toRead.value.length}
  const signatures: Array<[string, Float64Array]> = []
  let imported = 0
  // Made for the first file that is not babele's own by its bytes: which document and locale each XLIFF file is
  // of, and each target locale's memory, kept for the import's lookup of what extract pre-filled and compiled
  // once for all of them (`compiledMemory`). A run whose files all hold what extract wrote reads no memory.
  let documentOf: Map<string, {path: string; locale: string}> | undefined
  let context: ExtractContextParts | undefined
  // The files that hold exactly what extract would write now for their documents (made for the batch's documents
  // and locales only: a document's files of other locales come in other batches), left out; returns their paths.
  const leaveOutCurrent = (files: Map<string, string>): string[] => {
    documentOf ??= new Map([...ownDocuments(loaded).keys()].flatMap((path) => workspace.config.targetLocales.map((locale): [string, {path: string; locale: string}] => [paths.xliff(workspace.config, locale, path), {path, locale}])))
    context ??= extractContext(workspace.config, loaded.documents, loaded.stores, {memory: loaded.memory})
    const whose = [...files.keys()].flatMap((file) => documentOf!.get(file) ?? [])
    const current = extractProject(workspace.config, loaded.documents, loaded.stores, {terms: loaded.terms, memory: loaded.memory, only: new Set(whose.map((one) => one.path)), locales: new Set(whose.map((one) => one.locale)), context}).value
    const left = [...files].filter(([path, text]) => current.get(path) === text).map(([path]) => path)
    for (const path of left) files.delete(path)
    untouched += left.length
    return left
  }
  // Files listed that could no longer be read when the import came to them (`xliff-unreadable`).
  const unreadable: Diagnostic[] = []
  const progress = await startProgress('import', toRead.value.length, options.progress)
  // The files read as the import asks for them, a batch at a time (`importBatchBytes`), each let go once
  // imported: those babele wrote are left out first, by their bytes, then by what extract would write now
  // for their documents. A file counts on the progress bar once left out, or once imported (when the
  // import asks for the next).
  function* returned(): Generator<[string, string]> {
    for (const batch of inBatches(toRead.value)) {
      const files = new Map<string, string>()
      for (const path of batch) {
        // The stat before the read: a signature taken after could be a later file's. (Files named on the command line have no record.)
        const known = recorded.get(path)
        const before = known && statOf(absolute(path))
        const read = readReturnedXliff(path, base)
        if ('message' in read) {
          unreadable.push(read.message)
          progress.tick(path)
          continue
        }
        const {text} = read
        if (known && known.digest === digestBytes(text)) {
          untouched++
          progress.tick(path)
          const signature = settledSignature(before, started)
          if (signature) {
            signatures.push([path, signature])
            found.set(path, {digest: known.digest, signature})
          }
        } else files.set(path, text)
      }
      if (!named && files.size > 0) for (const path of leaveOutCurrent(files)) progress.tick(path)
      imported += files.size
      for (const file of files) {
        // Let go of the text as the import takes it.
        files.delete(file[0])
        yield file
        progress.tick(file[0])
      }
    }
  }
  let result: ReturnType<typeof importProject>
  try {
    result = importProject(workspace.config, loaded.documents, loaded.stores, returned(), {terms: loaded.terms, memory: loaded.memory, memoryOf: (locale) => context?.memories.find(([one]) => one === locale)?.[1]})
  } finally {
    progress.stop()
  }
  if (!named && toRead.value.length > 0) {
    recordChanged = updateWrittenXliff(recorded, [], signatures)
    if (recordChanged && !options.keepXliffRecord) saveWrittenXliff(workspace, recorded)
  }
  result.messages.unshift(...toRead.messages, ...unreadable)
  const reportFiles = new Map<string, string>()
  const byLocale = new Map<string, ImportReport[]>()
  for (const report of result.reports) {
    const locale = report.locale ?? 'unknown'
    byLocale.set(locale, [...(byLocale.get(locale) ?? []), report])
  }
  const written = writeOutputs(workspace, result.value)
  // Every import writes a report per target locale. It lists the files that had
  // translations or refused units: files nobody translated yet (babele's own,
  // re-read by \`run\`) are left out, so re-running changes no report.
  for (const locale of workspace.config.targetLocales) {
    const reports = (byLocale.get(locale) ?? []).filter((report) => report.segments > 0 || report.quarantined.length > 0)
    reportFiles.set(`${workspace.config.reports}/import-${locale}.json`, toJson(reports))
  }
  const stores = written.length
  written.push(...writeOutputs(workspace, reportFiles))
  // The errors that only quarantined their unit (the rest of the file imported): what `--allow-quarantine` lets pass.
  const quarantines = new Set(result.reports.flatMap((report) => report.quarantined.flatMap((entry) => entry.diagnostics.filter((message) => message.unitId !== undefined))))
  const segments = result.reports.reduce((sum, report) => sum + report.segments, 0)
  const quarantined = result.reports.reduce((sum, report) => sum + report.quarantined.length, 0)
  return {
    command: 'import',
    written,
    unchanged: 0,
    messages: [...loaded.messages, ...result.messages],
    summary: [`import: ${imported} file(s)${untouched > 0 ? ` (${untouched} unchanged since extract, skipped)` : ''}, ${segments} segment(s) read, ${stores} store file(s) changed, ${quarantined} unit(s) quarantined`],
    reports: result.reports,
    stores: result.stores,
    ...(options.files.length === 0 && options.cache !== false ? {cache: {...cacheUse(loaded), xliff}} : {}),
    ...(options.keepXliffRecord && options.files.length === 0 && options.cache !== false ? {xliff: {record: recorded, changed: recordChanged, found}} : {}),
    ...(options.allowQuarantine && [...loaded.messages, ...result.messages].every((message) => message.severity !== 'error' || quarantines.has(message)) ? {ok: true} : {})
  }
}

/** `babele build`: localized Markdown for every target locale. */
export async function build(workspace: Workspace, options: CommandOptions, given?: Loaded): Promise<CommandResult> {
  const started = Date.now()
  const loaded = given ?? (await load(workspace, options))
  const documents = ownDocuments(loaded)
  const record = openOutputRecord(workspace, loaded.reuse, outputKinds.build, started)
  const result = buildProject(workspace.config, documents, loaded.stores, {terms: loaded.terms, reuse: record?.reuse ?? loaded.reuse})
  // The pseudo locale, when enabled, is built beside the target locales and counted in no coverage.
  const pseudo = workspace.config.pseudo ? buildPseudo(workspace.config, documents, {terms: loaded.terms}) : undefined
  if (pseudo) {
    for (const [file, text] of pseudo.value) result.value.set(file, text)
    result.messages.push(...pseudo.messages)
  }
  const written = record ? record.write(result.value) : writeOutputs(workspace, result.value)
  record?.save()
  const lines = result.coverage.map((entry) => {
    const {segments, translated, fallback, source, words} = entry.coverage
    const percent = percentText(translated, segments)
    return `  ${entry.locale}/${entry.path}: ${translated}/${segments} translated (${percent}%), ${fallback} from a fallback locale, ${source} untranslated; words ${words.translated}/${words.total} translated, ${words.fallback} from a fallback`
  })
  const gates = result.locales.map((gate) => `  ${gate.locale}: ${shareText(gate, workspace.config.coverageOrigins)}${gate.minimum === undefined ? '' : ` (minimum ${gate.minimum}%${gate.passed ? '' : ', not met'})`}`)
  return {
    command: 'build',
    written,
    unchanged: result.value.size - written.length,
    messages: [...loaded.messages, ...result.messages],
    summary: [
      `build: ${result.value.size} file(s), ${written.length} written, ${result.value.size - written.length} unchanged`,
      ...lines,
      ...gates,
      ...(pseudo ? [`  ${workspace.config.pseudoLocale}: ${pseudo.value.size} pseudo-localized file(s)`] : [])
    ],
    coverage: result.coverage,
    locales: result.locales,
    cache: cacheUse(loaded),
    threads: loaded.threads
  }
}

/**
 * `babele run`: import what translators returned, pre-translate when the
 * config enables an engine (a missing engine is a warning: the build goes
 * on), extract, build, then write the analysis of every locale and the
 * reports. Under `--shard`, the analysis and the reports, which are about
 * the whole project, are left to an unsharded run (`babele report`,
 * `babele analyze` or `babele run` after the shards, with their cache).
 */
export async function run(workspace: Workspace, options: CommandOptions): Promise<StreamedResult> {
  const loaded = await load(workspace, options)
  const imported = await importCommand(workspace, {...options, files: [], keepXliffRecord: true}, loaded)
  let stores = imported.stores
  let pretranslated: PretranslateCommandResult | undefined
  // The engines' modules load only when a locale has one.
  if (workspace.config.targetLocales.some((locale) => engineOf(workspace.config, locale) !== 'none')) {
    const {pretranslate} = await import('./pretranslate.ts')
    pretranslated = await pretranslate(workspace, {...options, locales: [], missing: 'warning'}, {...loaded, stores})
    stores = pretranslated.stores
  }
  const next = {...loaded, stores, messages: []}
  const extracted = await extractLoaded(workspace, options, next, {xliff: imported.xliff})
  const built = await build(workspace, options, next)
  const steps = [imported, ...(pretranslated ? [pretranslated] : []), extracted]
  const project = loaded.shard ? undefined : await projectOutputs(workspace, {...loaded, stores}, built)
  const messages = new MessageList()
  for (const batch of [...steps.map((step) => step.messages), built.messages]) messages.add(batch)
  return {
    command: 'run',
    written: [...steps.flatMap((step) => step.written), ...built.written, ...(project?.written ?? [])],
    unchanged: extracted.unchanged + built.unchanged + (project?.unchanged ?? 0),
    messages,
    summary: [
      ...steps.flatMap((step) => step.summary),
      ...built.summary,
      ...(project?.summary ?? [`run: shard ${options.shard?.index}/${options.shard?.count}: no analysis and no reports (they are about the whole project: run \`babele run\` without --shard after the shards, on their cache)`])
    ],
    reports: imported.reports,
    coverage: built.coverage,
    locales: built.locales,
    ...(pretranslated ? {unknown: pretranslated.unknown} : {}),
    cache: {...cacheUse(loaded), ...(imported.cache?.xliff ? {xliff: imported.cache.xliff} : {})},
    threads: Math.max(loaded.threads, extracted.threads ?? 0),
    ...(imported.ok && extracted.messages.errors + countSeverities([...built.messages, ...(pretranslated?.messages ?? [])]).errors === 0 ? {ok: true} : {})
  }
}

/** The outputs about the whole project: the analysis of every locale and the report pages. */
async function projectOutputs(workspace: Workspace, loaded: Loaded, built: CommandResult): Promise<{written: string[]; unchanged: number; summary: string[]}> {
  // The analysis of what memory and machine translation cover, with the words the engines did not know.
  const analysis = analyzeProject(workspace.config, loaded.documents, loaded.stores, {memory: loaded.memory, reuse: loaded.reuse})
  const analyzed = writeOutputs(workspace, analysis.outputs)
  // The pages are the project's state, as `babele report` writes them: its findings are not run's messages.
  const {projectReports} = await import('./report.ts')
  const reports = projectReports(workspace, loaded, {coverage: built.coverage ?? [], locales: built.locales, messages: built.messages})
  const reported = writeOutputs(workspace, reports.outputs)
  return {
    written: [...analyzed, ...reported],
    unchanged: analysis.outputs.size - analyzed.length + reports.outputs.size - reported.length,
    summary: [`analyze: ${analysis.value.map((one) => `${one.locale} ${one.unknownWords.length} unknown word(s)`).join(', ')}; ${analyzed.length} report(s) written (${workspace.config.reports}/analysis-<lng>.json, babele analyze prints the tables)`, ...reports.summary]
  }
}

/**
 * How many bytes of returned XLIFF import reads before it imports them: the
 * files it compares with what extract would write now in one extraction.
 * Bounds what an import holds, whatever the number of files (2,000 returned
 * files are 96 MB, twice that as text), at the cost of one extraction per
 * batch.
 */
const importBatchBytes = 8 * 1024 * 1024

/** Paths in batches of at most {@linkcode importBatchBytes} (a larger file is a batch of its own). */
function* inBatches(files: ReadonlyArray<{path: string; bytes: number}>): Generator<string[]> {
  let batch: string[] = []
  let bytes = 0
  for (const {path, bytes: size} of files) {
    if (batch.length > 0 && bytes + size > importBatchBytes) {
      yield batch
      batch = []
      bytes = 0
    }
    batch.push(path)
    bytes += size
  }
  if (batch.length > 0) yield batch
}

/** The XLIFF files `import` reads by default: every one under the XLIFF folder, or under `--shard` those of the shard's documents. */
function shardXliffFiles(workspace: Workspace, loaded: Loaded): string[] {
  const files = xliffFiles(workspace)
  const shard = loaded.shard
  if (!shard) return files
  const mine = new Set(workspace.config.targetLocales.flatMap((locale) => [...shard].map((path) => paths.xliff(workspace.config, locale, path))))
  return files.filter((file) => mine.has(file))
}
