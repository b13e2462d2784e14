/**
 * Extract a project's sources through the cache, on this thread and worker threads. Takes:
 * the workspace, the sources by document path (each one's digest, its text
 * read when asked for: `source-record.ts`), the termbase and the
 * run's settings (jobs, cache). Returns: the documents (in document-path
 * order), extraction messages, each document's source lint findings (as
 * `--json` prints them, and what the report pages read of them), and how
 * many of each came from the cache.
 *
 * A document whose key (`documentKey`: its bytes, its
 * path, the config fields extraction reads) has an entry is read from the
 * cache when a stage asks for it (`LazyDocuments`), and its lint entry
 * now (`lintKey`: the document and the glossary): its extraction messages
 * and number of units, its findings as printed bytes, parsed only when a
 * stage asks for them as objects, and what the report pages read of them
 * (the findings about a concept, the QA grouping). The rest is extracted once each, lint and extraction on one
 * parse, on `jobs` threads (this one and `jobs − 1` workers, `pool.ts`)
 * when there are enough files to pay for starting workers (else on this
 * thread alone: the result is the same).
 *
 * `extract` on its own streams instead (`extractOutputs`): each source is
 * read when a thread is free for it and comes back as its outputs, so
 * neither the documents nor the texts are held; a source unchanged since
 * it was recorded, whose outputs are kept on disk, is answered on this
 * thread from its lint entry, and goes to no thread at all. `run`, which
 * has its documents from the cache, makes on the threads the outputs of
 * many documents at once (`outputsOnThreads`: a stored translation is
 * memory for every document), each read from its entry there.
 */
import {resolve} from 'node:path'
import {digest, documentKeys, extractOutputsKey, lintKey} from '../incremental/index.ts'
import type {TermIndex, Termbase} from '../glossary/index.ts'
import type {Diagnostic, SourceDocument} from '../types.ts'
import {asWarnings} from '../diagnostic.ts'
import {codeVersion} from './code-version.ts'
import {openCache, type Cache} from './cache.ts'
import {runPool} from './pool.ts'
import {defaultTiering, manyDocuments} from './tiering.ts'
import {LazyDocuments} from './lazy-documents.ts'
import type {PrintedMessages} from './packed-messages.ts'
import type {FileSummary} from '../report/index.ts'
import {conceptFindings, keptOutputs, lintSummary, once, outputTask, printedLint, readDocument, readUnreadDocument, sourceTask, type ConceptFindings, type OutputResult, type OutputTaskInit, type SourceResult, type SourceTask, type SourceTaskInit, type StoredLint} from './source-task.ts'
import {openSourceRecord, type SourceText} from './source-record.ts'
import {absoluteIn, type Workspace} from './workspace.ts'

/** How a run uses the machine. */
export interface ExtractSettings {
  /** Threads extracting sources, this one among them (default: the machine's available parallelism). */
  jobs?: number | undefined
  /** Use the cache (default `true`; `--no-cache` turns it off). */
  cache?: boolean | undefined
  /** Called once per source extracted or read, with its document path. */
  tick?: ((path: string) => void) | undefined
  /** `extract`: whether a document's outputs, by its path and their key (`extractOutputsKey`), are kept on disk (the thread then neither makes nor reads them). */
  kept?: ((path: string, key: string) => boolean) | undefined
  /** The termbase's source index, compiled already on this thread (`projectTerms`): sources extracted here match with it instead of compiling it again. */
  termIndex?: TermIndex | undefined
}

/** Cache use of one run: entries read, and computed (written). */
export interface CacheUse {
  documents: {hits: number; misses: number}
  lint: {hits: number; misses: number}
  /** Per-document outputs read from the cache or made (`run`, `import`, `build`): extract's bundle and XLIFF files, each built file, and (`run`) each document's part of each locale's analysis. */
  outputs?: {extract: {hits: number; misses: number}; build: {hits: number; misses: number}; analysis?: {hits: number; misses: number}}
  /** Of those hits, the outputs known on disk as babele wrote them, by their key and signature: neither read from the cache, nor compared with the file, nor hashed (`output-record.ts`). */
  kept?: {extract: number; build: number}
  /** Commands that load the project (`run`, `build`, `import`, `report`…): sources known by the signature recorded when they were last read, not read again (`hits`), and sources read (`misses`; `source-record.ts`). */
  sources?: {hits: number; misses: number}
  /** `import` and `run` with no file argument: XLIFF files known to be babele's own by their signature, without being read (`hits`), and files read (`misses`). */
  xliff?: {hits: number; misses: number}
  /** `extract`, `build` and `run`: the whole result came from the cache (`hit`: nothing was extracted or computed), or not (`run-cache.ts`). */
  run?: 'hit' | 'miss'
}

/** What {@linkcode extractSources} returns. */
export interface ExtractedSources {
  /** By path; those found in the cache are read when a stage asks for them (`LazyDocuments`). */
  documents: Map<string, SourceDocument>
  /** Each document's key (`documentKey`), by path: what its outputs' keys start from. */
  keys: Map<string, string>
  /** Each document's number of units, by path (known without reading the document). */
  units: Map<string, number>
  /** Digest of the termbase (in the lint's keys and the outputs'), if any. */
  glossary: string | undefined
  messages: Diagnostic[]
  /** Source lint findings, a document's at a time, in document order. */
  lint: DocumentLint[]
  /** The same findings as `run` reports them (errors as warnings) and with the bytes `--json` prints for them (the lint entry's): each one's `printed`. */
  printedLint: PrintedMessages[]
  cache: CacheUse
  /** Worker threads that extracted sources beside this one (0: none were started, this thread did them all). */
  threads: number
}

/** A document's source lint findings, and what the stages read of them without reading them all. */
export interface DocumentLint {
  /** The findings, each with its own severity (from the cache: parsed when first asked for). */
  findings: () => Diagnostic[]
  /** Those about a concept (`conceptId`), each with its own severity, in order: what the glossary review reads (from the cache: known by their concepts and file, parsed when first asked for). */
  concepts: ConceptFindings
  /** Their QA grouping (`fileSummary`), when they are all about one file. */
  summary: FileSummary | undefined
  /** As `run` reports them (errors as warnings), with the bytes `--json` prints for them. */
  printed: PrintedMessages
  /** The key of the lint entry they were read from or made for (`lintKey`: a digest of all they are made of), which stands for `concepts` in the glossary review's keys; none: they are not the entry's (a shard's). */
  key: string | undefined
}

/**
 * @param findings A document's findings, each with its own severity.
 * @param printed The same as `printedLint` gives them (made here when not given).
 * @param key The key of the lint entry made of them (`lintKey`), if they are its findings.
 * @returns Them as a {@linkcode DocumentLint}.
 */
export function documentLint(findings: Diagnostic[], printed?: PrintedMessages, key?: string): DocumentLint {
  return {findings: () => findings, concepts: conceptFindings(findings.filter((message) => message.conceptId !== undefined)), summary: lintSummary(findings), printed: printed ?? printedLint(findings), key}
}

/**
 * A lint entry's findings as a {@linkcode DocumentLint}: parsed when a stage first asks for them as objects.
 *
 * @param stored The entry read back.
 * @param again The findings made again, should the entry's bytes not parse back (they did when it was made).
 * @param key The entry's key (`lintKey`).
 */
function storedLint(stored: StoredLint, again: () => Diagnostic[], key: string): DocumentLint {
  // Made again at most once: the printed findings are the findings as warnings.
  const findings = once(() => stored.lint() ?? again())
  const printed = once(() => stored.printed() ?? asWarnings(findings()))
  return {
    findings,
    // Their stored JSON, else the findings' own (made again if need be: the same findings, as the entry's key is).
    concepts: {...stored.concepts, diagnostics: once(() => stored.concepts.diagnostics() ?? findings().filter((message) => message.conceptId !== undefined))},
    summary: stored.summary,
    printed: {
      get messages() {
        return printed()
      },
      json: stored.json,
      errors: 0
    },
    key
  }
}

/** A source's document and lint entries, made or read by whichever thread extracted it, noted as this command's (`Cache.noteUsed`): its packs list them. */
function noteEntries(cache: Cache, task: Pick<SourceTask, 'document' | 'lint'>): void {
  cache.noteUsed('document', task.document)
  cache.noteUsed('lint', task.lint)
}

/** Fewer sources than this to extract are done on this thread: starting workers would cost more. */
const workerThreshold = 16

/** The worker module beside this one, of the same kind: bundled (`bundle/cli/source-worker.cjs`), compiled (`lib/cli/source-worker.js`) or the source under tsx. */
const workerModule = new URL(`./source-worker${/\.[cm]?[jt]s$/.exec(import.meta.url)![0]}`, import.meta.url)

/** The cache's settings for a run: its folder and code version, unless `--no-cache`. */
function cacheInit(workspace: Workspace, settings: ExtractSettings): SourceTaskInit['cache'] {
  return (settings.cache ?? true) ? {folder: resolve(workspace.root, workspace.config.cache), version: codeVersion()} : undefined
}

/** How many threads, this one among them, extract `count` sources: this one alone below the threshold. */
function jobsFor(jobs: number, count: number): number {
  return count >= workerThreshold ? jobs : 1
}

/** What each document's outputs need besides the config and the cache (`OutputTaskInit`), the glossary's digest (`ExtractedSources.glossary`) and the outputs' shared key. */
export type OutputContext = Pick<OutputTaskInit, 'termbase' | 'memories'> & {
  glossary: string | undefined
  /** The key of what every document's outputs share (`extractContextKey`): with a document's key, its outputs' key, by which they are known kept on disk. */
  shared: string
}

/** A source's cache keys (`documentKey` by the config's `documentKeys`, `lintKey`), from its digest. */
function keysOf(documentKey: (path: string, source: string) => string, path: string, digest: string, glossary: string | undefined): Omit<SourceTask, 'text'> {
  const document = documentKey(path, digest)
  return {path, document, lint: lintKey(document, glossary)}
}

/**
 * `extract`'s streaming pass: each source is read when a thread is free for
 * it, extracted (through the cache) and turned into its outputs on that
 * thread (`outputTask`), and handed to `onResult` as soon as it is done; no
 * document and no source text is kept after its turn, so memory does not
 * grow with the number of files. Each source read is recorded with its
 * digest and signature (`source-record.ts`). First, a source that keeps
 * its recorded signature, whose outputs are kept on disk (`kept`) and whose
 * document and lint entries are there, is answered here from its lint entry
 * (`keptOutputs`): it is not read, and only the others go to the threads,
 * which start only when enough of them are left. A one-file edit of the
 * 2,000-file project started two workers, read and hashed every source and
 * read every document entry on them; it now extracts one source on this
 * thread (eight interleaved pairs: wall median 2.45 → 0.91 s, CPU 3.98 →
 * 0.95 s).
 *
 * @param workspace Project.
 * @param files Source files (relative to the project root) by document path.
 * @param context Termbase, memories and their key.
 * @param settings Jobs, cache, progress, which outputs are kept on disk, and when the command started (`Date.now()`: a source is signed in the record only if it last changed a second before).
 * @param onResult Each source's outputs, messages and lint (and whether they came from the cache), with its document path and its index in document-path order.
 * @returns Worker threads started beside this one (0: this thread did the work).
 */
export async function extractOutputs(workspace: Workspace, files: ReadonlyMap<string, string>, context: OutputContext, settings: ExtractSettings & {started: number}, onResult: (result: OutputResult, path: string, index: number) => void): Promise<number> {
  const {config} = workspace
  const {glossary, shared, ...rest} = context
  const init: OutputTaskInit = {config, cache: cacheInit(workspace, settings), ...rest}
  const ordered = [...files].sort(([a], [b]) => a.localeCompare(b))
  const documentKey = documentKeys(config)
  // Each source read is recorded with its digest (`source-record.ts`): one that keeps its signature is known without being read.
  const record = openSourceRecord({cache: init.cache?.folder, started: settings.started})
  const absoluteOf = absoluteIn(workspace.root)
  const isKept = (path: string, task: Omit<SourceTask, 'text'>) => settings.kept?.(path, extractOutputsKey(task.document, shared)) ?? false
  const cache = init.cache ? openCache(init.cache.folder, init.cache.version) : undefined
  // The keys of the sources a thread is extracting: once done, their document and lint entries are in this command's packs (`noteUsed`).
  const inFlight = new Map<number, Pick<SourceTask, 'document' | 'lint'>>()
  const taskAt = (index: number): SourceTask => {
    const [path, file] = ordered[index]!
    const {text, digest} = record.read(file, absoluteOf(file))
    const task: SourceTask = {...keysOf(documentKey, path, digest, glossary), text}
    if (isKept(path, task)) task.kept = true
    inFlight.set(index, {document: task.document, lint: task.lint})
    return task
  }
  const done = (result: OutputResult, index: number) => {
    const task = inFlight.get(index)
    if (task && cache) noteEntries(cache, task)
    inFlight.delete(index)
    onResult(result, ordered[index]![0], index)
    settings.tick?.(ordered[index]![0])
  }
  // A source known by its signature whose outputs are kept on disk is answered here from its lint entry (`keptOutputs`):
  // neither read nor handed to a thread. A one-file edit of the 2,000-file project extracts one source, on this thread.
  const keptAnswer = (index: number): OutputResult | undefined => {
    if (!cache || !settings.kept) return undefined
    const [path, file] = ordered[index]!
    const known = record.known(file, absoluteOf(file))
    if (!known) return undefined
    const task = keysOf(documentKey, path, known.digest, glossary)
    return isKept(path, task) ? keptOutputs(cache, task) : undefined
  }
  const pending: number[] = []
  for (let index = 0; index < ordered.length; index++) {
    const answer = keptAnswer(index)
    if (answer) done(answer, index)
    else pending.push(index)
  }
  // Many sources go through the threads, read, hashed and keyed: V8 optimizes as it does by default (`tiering.ts`).
  if (pending.length >= manyDocuments) defaultTiering()
  const threads = await runPool(pending.length, (at) => taskAt(pending[at]!), {jobs: jobsFor(settings.jobs ?? 1, pending.length), worker: workerModule, init, here: () => outputTask(init)}, (result: OutputResult, at) => done(result, pending[at]!))
  record.save()
  return threads
}

/**
 * `run`'s extract when many documents' outputs are to be made (a stored
 * translation changed the memory: every document's): each document is
 * turned into its outputs on the threads as `extract` does it
 * (`outputTask`), read from its cache entry there (extracted again from
 * its text, read and checked against its digest here, only when the entry
 * is gone), with its part of each locale's analysis when `parts` says, and
 * handed to `onResult` as it comes. Only the threads' outputs and parts are
 * used: `run` has each document's messages and lint from `load`.
 *
 * @param workspace Project.
 * @param documents Each document to make: its path, its source and its key (`documentKey`).
 * @param context Termbase, the glossary's digest, memories, and each locale's `analysisContextKey` when parts are wanted.
 * @param settings Jobs and cache.
 * @param onResult Each document's outputs, with its path.
 * @returns How many threads beside this one did the work (none below the threshold, or with one job: then `run` makes them itself).
 */
export async function outputsOnThreads(workspace: Workspace, documents: ReadonlyArray<{path: string; source: SourceText; key: string}>, context: Pick<OutputTaskInit, 'termbase' | 'memories' | 'parts'> & {glossary: string | undefined}, settings: ExtractSettings, onResult: (result: OutputResult, path: string) => void): Promise<number> {
  const jobs = jobsFor(settings.jobs ?? 1, documents.length)
  if (jobs < 2) return 0
  const {glossary, ...rest} = context
  const init: OutputTaskInit = {config: workspace.config, cache: cacheInit(workspace, settings), ...rest}
  const taskAt = (index: number): SourceTask => {
    const {path, source, key} = documents[index]!
    return {path, document: key, lint: lintKey(key, glossary), text: source.text()}
  }
  return runPool(documents.length, taskAt, {jobs, worker: workerModule, init, here: () => outputTask(init)}, (result: OutputResult, index) => onResult(result, documents[index]!.path))
}

/**
 * @param workspace Project.
 * @param sources Sources by document path: each one's digest, and its text when a task needs it (`source-record.ts`).
 * @param termbase The project's termbase, if any.
 * @param settings Jobs, cache.
 */
export async function extractSources(workspace: Workspace, sources: ReadonlyMap<string, SourceText>, termbase: Termbase | undefined, settings: ExtractSettings): Promise<ExtractedSources> {
  const {config} = workspace
  const init: SourceTaskInit = {config, termbase, cache: cacheInit(workspace, settings)}
  const cache = init.cache && openCache(init.cache.folder, init.cache.version)
  const glossary = termbase ? digest(termbase) : undefined
  const ordered = [...sources].sort(([a], [b]) => a.localeCompare(b))
  // A source's text is read only for a task that needs it (`source-record.ts`): one whose entries missed, or whose document a stage reads.
  const documentKey = documentKeys(config)
  const tasks = ordered.map(([path, source]) => keysOf(documentKey, path, source.digest, glossary))
  const withText = (index: number): SourceTask => ({...tasks[index]!, text: ordered[index]![1].text()})
  const results: SourceResult[] = new Array(tasks.length)
  const pending: number[] = []
  // A document whose lint entry (findings, messages, units) and document entry are there is read only when a stage asks for it.
  const deferred: Array<StoredLint | undefined> = new Array(tasks.length)
  tasks.forEach((task, index) => {
    const found = cache && readUnreadDocument(cache, task)
    if (found) {
      deferred[index] = found
      settings.tick?.(task.path)
    } else pending.push(index)
  })
  // Many sources to extract: the command computes for long, and V8 optimizes as it does by default (`tiering.ts`).
  if (pending.length >= manyDocuments) defaultTiering()
  const threads = await runPool(pending.length, (at) => withText(pending[at]!), {jobs: jobsFor(settings.jobs ?? 1, pending.length), worker: workerModule, init, here: () => sourceTask(init, settings.termIndex)}, (result: SourceResult, at) => {
    if (cache) noteEntries(cache, tasks[pending[at]!]!)
    results[pending[at]!] = result
    settings.tick?.(tasks[pending[at]!]!.path)
  })
  const documents = new LazyDocuments()
  const keys = new Map(tasks.map((task) => [task.path, task.document]))
  const units = new Map<string, number>()
  const messages: Diagnostic[] = []
  const lint: DocumentLint[] = []
  const use: CacheUse = {documents: {hits: 0, misses: 0}, lint: {hits: 0, misses: 0}}
  // A deferred document was counted a hit; if its entry can no longer be read when a stage asks for it, the source is extracted again, and counted a miss.
  let again: ((task: SourceTask) => SourceResult) | undefined
  const readDeferred = (index: number): SourceDocument => {
    const task = withText(index)
    const entry = cache && readDocument(cache, task)
    if (entry) return entry.document
    use.documents.hits--
    use.documents.misses++
    return (again ??= sourceTask(init, settings.termIndex))(task).document
  }
  const lintAgain = (index: number) => (again ??= sourceTask(init, settings.termIndex))(withText(index)).lint
  tasks.forEach((task, index) => {
    const found = deferred[index]
    if (found) {
      documents.defer(task.path, () => readDeferred(index))
      units.set(task.path, found.units)
      messages.push(...found.messages)
      lint.push(storedLint(found, () => lintAgain(index), task.lint))
      use.documents.hits++
      use.lint.hits++
      return
    }
    const result = results[index]!
    documents.set(task.path, result.document)
    units.set(task.path, result.document.units.length)
    messages.push(...result.messages)
    lint.push(documentLint(result.lint, {messages: asWarnings(result.lint), json: result.lintJson, errors: 0}, task.lint))
    use.documents[result.cachedDocument ? 'hits' : 'misses']++
    use.lint[result.cachedLint ? 'hits' : 'misses']++
  })
  return {documents, keys, units, glossary, messages, lint, printedLint: lint.map((one) => one.printed), cache: use, threads}
}
