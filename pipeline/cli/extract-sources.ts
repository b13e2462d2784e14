/**
 * Extract a project's sources through the cache, on worker threads. Takes:
 * the workspace, the source texts by document path, the termbase and the
 * run's settings (jobs, cache). Returns: the documents (in document-path
 * order), extraction messages, the source lint's findings, and how many of
 * each came from the cache.
 *
 * Each source is hashed; a document whose key (`documentKey`: its bytes, its
 * path, the config fields extraction reads) has an entry is read from the
 * cache, as are its lint findings (`lintKey`: the document and the
 * glossary). The rest is extracted once each, lint and extraction on one
 * parse, on `jobs` worker threads when there are enough files to pay for
 * starting them (else on this thread: the result is the same).
 */
import {resolve} from 'node:path'
import {digest, digestBytes, documentKey, lintKey} from '../incremental/index.ts'
import type {Termbase} from '../glossary/index.ts'
import type {Diagnostic, SourceDocument} from '../types.ts'
import {codeVersion} from './code-version.ts'
import {openCache} from './cache.ts'
import {runPool} from './pool.ts'
import {readDocument, sourceTask, type SourceResult, type SourceTask, type SourceTaskInit} from './source-task.ts'
import type {Workspace} from './workspace.ts'

/** How a run uses the machine. */
export interface ExtractSettings {
  /** Worker threads (default: the machine's available parallelism). */
  jobs?: number | undefined
  /** Use the cache (default `true`; `--no-cache` turns it off). */
  cache?: boolean | undefined
  /** Called once per source extracted or read, with its document path. */
  tick?: ((path: string) => void) | undefined
}

/** Cache use of one run: entries read, and computed (written). */
export interface CacheUse {
  documents: {hits: number; misses: number}
  lint: {hits: number; misses: number}
  /** `extract`, `build` and `run`: the whole result came from the cache (`hit`: nothing was extracted or computed), or not (`run-cache.ts`). */
  run?: 'hit' | 'miss'
}

/** What {@linkcode extractSources} returns. */
export interface ExtractedSources {
  documents: Map<string, SourceDocument>
  messages: Diagnostic[]
  /** Source lint findings, each with its own severity, in document order. */
  lint: Diagnostic[]
  cache: CacheUse
  /** Worker threads that extracted sources (0: none were started, this thread did). */
  threads: number
}

/** Fewer sources than this to extract are done on this thread: starting workers would cost more. */
const workerThreshold = 16

/**
 * @param workspace Project.
 * @param sources Source texts by document path.
 * @param termbase The project's termbase, if any.
 * @param settings Jobs, cache.
 */
export async function extractSources(workspace: Workspace, sources: ReadonlyMap<string, string>, termbase: Termbase | undefined, settings: ExtractSettings): Promise<ExtractedSources> {
  const {config} = workspace
  const useCache = settings.cache ?? true
  const init: SourceTaskInit = {config, termbase, cache: useCache ? {folder: resolve(workspace.root, config.cache), version: codeVersion()} : undefined}
  const cache = init.cache && openCache(init.cache.folder, init.cache.version)
  const glossary = termbase ? digest(termbase) : undefined
  const ordered = [...sources].sort(([a], [b]) => a.localeCompare(b))
  const tasks: SourceTask[] = ordered.map(([path, text]) => {
    const document = documentKey(config, path, digestBytes(text))
    return {path, text, document, lint: lintKey(document, glossary)}
  })
  const results: SourceResult[] = new Array(tasks.length)
  const pending: number[] = []
  tasks.forEach((task, index) => {
    const stored = cache && readDocument(cache, task)
    const lint = stored && cache.get<Diagnostic[]>('lint', task.lint)
    if (stored && lint) {
      results[index] = {...stored, lint, cachedDocument: true, cachedLint: true}
      settings.tick?.(task.path)
    } else pending.push(index)
  })
  const jobs = settings.jobs ?? 1
  const threads = jobs > 1 && pending.length >= workerThreshold ? Math.min(jobs, pending.length) : 0
  if (threads > 0) {
    const worker = new URL(import.meta.url.endsWith('.ts') ? './source-worker.ts' : './source-worker.js', import.meta.url)
    await runPool(pending.map((index) => tasks[index]!), {jobs, worker, init}, (result: SourceResult, at) => {
      results[pending[at]!] = result
      settings.tick?.(tasks[pending[at]!]!.path)
    })
  } else if (pending.length > 0) {
    const run = sourceTask(init)
    for (const index of pending) {
      results[index] = run(tasks[index]!)
      settings.tick?.(tasks[index]!.path)
    }
  }
  const documents = new Map<string, SourceDocument>()
  const messages: Diagnostic[] = []
  const lint: Diagnostic[] = []
  const use: CacheUse = {documents: {hits: 0, misses: 0}, lint: {hits: 0, misses: 0}}
  results.forEach((result, index) => {
    documents.set(tasks[index]!.path, result.document)
    messages.push(...result.messages)
    lint.push(...result.lint)
    use.documents[result.cachedDocument ? 'hits' : 'misses']++
    use.lint[result.cachedLint ? 'hits' : 'misses']++
  })
  return {documents, messages, lint, cache: use, threads}
}
