/**
 * The per-file work of extraction, as the cache and the worker threads run
 * it. Takes: the config, the termbase and the cache (once per thread), then
 * one source at a time with its cache keys. Returns: the document and its
 * messages and lint findings, read from the cache when an entry is there
 * (the text is not parsed), else extracted and stored; or, for `extract`
 * (`outputTask`, given each target locale's memory), the document's
 * outputs made on the thread (unless kept on disk), their texts as UTF-8
 * (`encoded-outputs.ts`), the document itself
 * left there, its messages packed (`packed-messages.ts`) and its lint
 * findings as the bytes `--json` prints for them.
 */
import {isDeepStrictEqual} from 'node:util'
import {compileTermIndex, type TermIndex, type Termbase} from '../glossary/index.ts'
import type {MemoryEntry} from '../memory/index.ts'
import {compileContext, documentOutputs, extractSource, lintDocument, localePart, projectTerms, segmentMatches, type DocumentLeverage, type ExtractContext, type ExtractedSource, type LocalePart} from '../project/index.ts'
import type {LintTerms} from '../lint/index.ts'
import type {Config} from '../config/index.ts'
import type {Diagnostic, SourceDocument} from '../types.ts'
import {asWarnings, withSeverity} from '../diagnostic.ts'
import {openCache, type Cache} from './cache.ts'
import {messagesJson} from './json-pieces.ts'
import {jsonValue} from './json-value.ts'
import {fileFindings, fileSummary, type FileSummary, type KeyedDiagnostics} from '../report/index.ts'
import {packMessages, type PackedMessages, type PrintedMessages} from './packed-messages.ts'
import {encodeOutputs, type EncodedOutputs} from './encoded-outputs.ts'

/** What every thread starts with. */
export interface SourceTaskInit {
  config: Config
  termbase: Termbase | undefined
  /** The cache (absolute folder and code version), unless disabled. */
  cache: {folder: string; version: string} | undefined
}

/** What every thread of `extract` starts with: the extraction's, and what each document's outputs need. */
export interface OutputTaskInit extends SourceTaskInit {
  /** Each target locale's memory entries (stored translations, then outside memory: `extractContext`), compiled once per thread. */
  memories: Array<[string, MemoryEntry[]]>
  /** `run`: each target locale's `analysisContextKey`, in the config's order; each document made also gets its part of each locale's analysis, from the lookup its XLIFF was made from (`OutputResult.parts`). */
  parts?: string[] | undefined
}

/** A source extracted on a thread that also made its outputs: what comes back instead of the document. */
export interface OutputResult extends Omit<SourceResult, 'document' | 'messages' | 'lint' | 'lintJson'> {
  /** Extraction's messages, packed (`packMessages`): they are kept until printed. */
  messages: PackedMessages
  /** The source lint's findings as `extract` reports them (errors as warnings): the bytes `--json` prints for them (`lintJson`, an array of its own), which the main thread sets aside as they are (`SpoolTable`). */
  lint: Pick<PrintedMessages, 'json' | 'errors'>
  /** Made on the thread, its texts UTF-8 (written and hashed as they are); none when the task said they are kept on disk (`SourceTask.kept`), which counts as found. */
  outputs: EncodedOutputs | undefined
  /** The document's units. */
  units: number
  /** With `OutputTaskInit.parts`, when its outputs were made: its part of each locale's analysis (`localePart`), by the locale's index in the config (none for a document with nothing to translate). */
  parts?: LocalePart[]
}

/** One source to extract. */
export interface SourceTask {
  /** Document path. */
  path: string
  text: string
  /** Key of the document entry (`documentKey`). */
  document: string
  /** Key of the lint entry (`lintKey`). */
  lint: string
  /** `extract`: its outputs are kept on disk as babele wrote them (`output-record.ts`), so they are neither made nor read. */
  kept?: boolean
}

/** A source extracted, and whether each part came from the cache (the lint's terms stay on the thread: `extractTask`). */
export interface SourceResult extends Omit<ExtractedSource, 'terms'> {
  /** The lint findings as `--json` prints them (`LintEntry.json`). */
  lintJson: Uint8Array
  /** The document came from the cache (not parsed). */
  cachedDocument: boolean
  /** The lint findings came from the cache. */
  cachedLint: boolean
}

/** A document entry: the document without its text (the source is the text), and its messages. */
interface DocumentEntry {
  document: SourceDocument
  messages: Diagnostic[]
}

/**
 * A lint entry: the source lint's findings as `--json` prints them, with
 * what a run needs of the document besides them (its extraction messages
 * and number of units), so a document found in the cache is read only when
 * a stage asks for it. The findings themselves are those bytes parsed back
 * (`StoredLint.lint`), the errors among them given their severity again:
 * half the bytes of keeping them twice, and parsing them is faster than
 * deserializing them. When parsing back would not give the very findings
 * (checked as the entry is made), they are kept as they are in `lint`.
 *
 * What the report pages read of them is kept beside, so the bytes are
 * parsed only for a document whose findings a page lists: the findings
 * about a concept (the glossary review's), and the QA review's grouping of
 * them (`fileSummary`). The findings about a concept are most of what is
 * kept beside (2.6 MB of the 2,000-file project's 3.3 MB of heads), and the
 * glossary review reads them only to make a document's part again or its
 * page: so they are stored as JSON after the printed bytes, and the head
 * holds only their concepts and file, what the review routes them by
 * (`ConceptsApart`); their JSON is parsed when first asked for.
 *
 * A run reads every document's entry (the 2,000-file project's lint pack:
 * 18 MB), so it is stored to be read fast: the printed bytes after the
 * entry (`putWithBytes`), read back as a view of the pack (`getWithTail`),
 * not copied into an array of their own as a deserialized one is; the rest
 * (`LintHead`) as its JSON text when JSON gives it back as it is
 * (`jsonValue`), which parses about twice as fast as the same objects
 * deserialize (some 5,000 findings about a concept), else as it is.
 */
type LintEntry = string | LintHead

/** A lint entry but the printed findings' bytes (see `LintEntry`). */
interface LintHead {
  /** How many findings there are. */
  count: number
  /** Which of them (their index) are errors. */
  errors: number[]
  /** The findings, only when `json` parsed back does not give them exactly. */
  lint?: Diagnostic[] | undefined
  /** The findings about a concept (`conceptId`), in order, each with its own severity: kept apart when they can be (`ConceptsApart`), else here. */
  concepts: Diagnostic[] | ConceptsApart
  /** The QA review's grouping of the findings (`fileFindings`), when they are all about one file (left out when not: JSON has no `undefined`). */
  summary?: FileSummary | undefined
  messages: Diagnostic[]
  units: number
}

/**
 * The findings about a concept of a lint entry that has some, all about one
 * file and plain JSON data: their JSON follows the printed findings' bytes.
 */
interface ConceptsApart {
  /** Each one's concept, in order. */
  ids: string[]
  /** The file they are all about. */
  file: string
  /** How many of the bytes after the entry are the printed findings' (their JSON follows). */
  printed: number
}

/**
 * A document's findings about a concept (`conceptId`), in order, each with
 * its own severity: the glossary review's keyed run but its key, their
 * concepts and file known without reading them (from a lint entry, the
 * findings are parsed when first asked for); `file` is none when there are
 * none, or they are about more than one file.
 */
export type ConceptFindings = Omit<KeyedDiagnostics, 'key' | 'file'> & {file: string | undefined}

/** A lint entry's {@linkcode ConceptFindings}: `diagnostics` gives `undefined` when they do not parse back to the findings its head names. */
type StoredConcepts = Omit<ConceptFindings, 'diagnostics'> & {diagnostics: () => readonly Diagnostic[] | undefined}

/**
 * @param concepts A document's findings about a concept, in order.
 * @returns Them as {@linkcode ConceptFindings}.
 */
export function conceptFindings(concepts: readonly Diagnostic[]): ConceptFindings {
  const file = concepts[0]?.file
  return {conceptIds: concepts.map((message) => message.conceptId!), file: file !== undefined && concepts.every((message) => message.file === file) ? file : undefined, diagnostics: () => concepts}
}

/** A lint entry read back: the findings (parsed when asked for), and what the report pages and `run` read of them without parsing them. */
export interface StoredLint {
  /** The findings with their own severity, parsed from the entry's bytes the first time; `undefined` when they do not parse back to them. */
  lint: () => Diagnostic[] | undefined
  /** The findings as `run` prints them (errors as warnings), parsed from the entry's bytes the first time; `undefined` when they do not parse back. */
  printed: () => Diagnostic[] | undefined
  /** The bytes `--json` prints for them (`printedLint`): a view of the bytes the cache read (its pack's), not an array of their own. */
  json: Uint8Array
  /** The findings about a concept, each with its own severity. */
  concepts: StoredConcepts
  /** Their QA grouping (`fileSummary`), when they are all about one file. */
  summary: FileSummary | undefined
  messages: Diagnostic[]
  units: number
}

/**
 * A document's lint findings as `extract` and `run` report them (errors as
 * warnings), with the bytes `--json` prints for them (`messagesJson`).
 *
 * @param lint The findings, with their own severity.
 */
export function printedLint(lint: readonly Diagnostic[]): PrintedMessages {
  const messages = asWarnings(lint)
  // An array of its own (not a slice of Buffer's pool): it crosses threads and goes into the cache.
  return {messages, json: messages.length === 0 ? new Uint8Array(0) : new TextEncoder().encode(messagesJson(messages)), errors: 0}
}

/**
 * @param lint A document's findings, with their own severity.
 * @returns The QA review's grouping of them (`fileSummary`), when there are some and they are all about one file.
 */
export function lintSummary(lint: readonly Diagnostic[]): FileSummary | undefined {
  const file = lint[0]?.file
  return file !== undefined && lint.every((message) => message.file === file) ? fileSummary(fileFindings(file, lint)) : undefined
}

/** The findings a lint entry's bytes print, parsed back (errors as warnings); `undefined` when they do not parse to a list. */
function parsePrinted(json: Uint8Array): Diagnostic[] | undefined {
  if (json.length === 0) return []
  try {
    const parsed: unknown = JSON.parse('[' + new TextDecoder().decode(json) + ']')
    return Array.isArray(parsed) && parsed.every((message) => message !== null && typeof message === 'object' && !Array.isArray(message)) ? (parsed as Diagnostic[]) : undefined
  } catch {
    return undefined
  }
}

/** The findings with their own severity again: those at `errors` were printed as warnings. */
function withErrors(printed: Diagnostic[], errors: readonly number[]): Diagnostic[] | undefined {
  if (errors.some((at) => !Number.isSafeInteger(at) || at < 0 || at >= printed.length)) return undefined
  const lint = [...printed]
  for (const at of errors) lint[at] = withSeverity(printed[at]!, 'error')
  return lint
}

/** Whether a lint entry's bytes, parsed back and the errors given their severity again, are these very findings. */
function isParsedBack(lint: readonly Diagnostic[], errors: readonly number[], json: Uint8Array): boolean {
  const parsed = parsePrinted(json)
  return parsed !== undefined && isDeepStrictEqual(withErrors(parsed, errors), lint)
}

/**
 * Store a document's lint entry (see `LintEntry`).
 *
 * @param cache The cache (none: nothing is stored).
 * @param key The entry's key (`lintKey`).
 * @param lint The findings, with their own severity.
 * @param printed The same as `printedLint` gives them.
 * @param document Its extraction messages and number of units.
 */
export function putLint(cache: Cache | undefined, key: string, lint: Diagnostic[], printed: PrintedMessages, document: {messages: Diagnostic[]; units: number}): void {
  if (!cache) return
  const errors = lint.flatMap((message, at) => (message.severity === 'error' ? [at] : []))
  // Parsed back, they must be these very findings (a field JSON leaves out, such as an `undefined` one, is not): else they are kept as they are.
  // Plain JSON data (`jsonValue`) is known to parse back as it is (the bytes are `printedLint`'s): a tenth of parsing and comparing (about 0.2 s of a cold extract of 2,000 files); only other findings are parsed back and compared.
  const exact = jsonValue(lint) || isParsedBack(lint, errors, printed.json)
  const concepts = lint.filter((message) => message.conceptId !== undefined)
  const {conceptIds, file} = conceptFindings(concepts)
  const apart = file !== undefined && jsonValue(concepts)
  const summary = lintSummary(lint)
  const head: LintHead = {
    count: lint.length,
    errors,
    ...(exact ? {} : {lint}),
    concepts: apart ? ({ids: conceptIds as string[], file, printed: printed.json.length} satisfies ConceptsApart) : concepts,
    ...(summary === undefined ? {} : {summary}),
    messages: document.messages,
    units: document.units
  }
  cache.putWithBytes('lint', key, (jsonValue(head) ? JSON.stringify(head) : head) satisfies LintEntry, apart ? [printed.json, new TextEncoder().encode(JSON.stringify(concepts))] : [printed.json])
}

/** A lint entry's findings about a concept, from its head and the bytes after it; `undefined` when the head's are not a list of them, or not kept apart as {@linkcode ConceptsApart} says. */
function storedConcepts(concepts: unknown, tail: Uint8Array): {concepts: StoredConcepts; printed: Uint8Array} | undefined {
  if (Array.isArray(concepts)) return {concepts: conceptFindings(concepts as Diagnostic[]), printed: tail}
  if (concepts === null || typeof concepts !== 'object') return undefined
  const {ids, file, printed} = concepts as Partial<ConceptsApart>
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string') || typeof file !== 'string' || !Number.isSafeInteger(printed) || printed! < 0 || printed! >= tail.length) return undefined
  const diagnostics = once(() => {
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(tail.subarray(printed)))
      // The very findings the head names: as many, each about its concept and the file.
      const named = Array.isArray(parsed) && parsed.length === ids.length && parsed.every((message, at) => message !== null && typeof message === 'object' && message.conceptId === ids[at] && message.file === file)
      return named ? (parsed as Diagnostic[]) : undefined
    } catch {
      return undefined
    }
  })
  return {concepts: {conceptIds: ids, file, diagnostics}, printed: tail.subarray(0, printed)}
}

/**
 * A document's lint entry (see `LintEntry`): its findings are parsed back
 * when first asked for.
 *
 * @param cache The cache.
 * @param key The entry's key (`lintKey`).
 * @returns `undefined` when there is none, or it is not whole (then it is made again).
 */
export function readLint(cache: Cache, key: string): StoredLint | undefined {
  const stored = cache.getWithTail<LintEntry>('lint', key)
  if (!stored) return undefined
  let entry: LintHead
  try {
    entry = typeof stored.value === 'string' ? (JSON.parse(stored.value) as LintHead) : stored.value
  } catch {
    return undefined
  }
  if (!entry || typeof entry !== 'object' || !Number.isSafeInteger(entry.count) || !Array.isArray(entry.errors)) return undefined
  const apart = storedConcepts(entry.concepts, stored.tail)
  if (!apart) return undefined
  const {concepts, printed: json} = apart
  if (entry.errors.some((at) => !Number.isSafeInteger(at) || at < 0 || at >= entry.count) || (json.length === 0) !== (entry.count === 0)) return undefined
  const {count, errors, summary, messages, units} = entry
  const kept = entry.lint
  const printed = once(() => {
    if (kept) return asWarnings(kept)
    const found = parsePrinted(json)
    return found?.length === count ? found : undefined
  })
  const lint = once(() => {
    const found = kept ? undefined : printed()
    return kept ?? (found && withErrors(found, errors))
  })
  return {lint, printed, json, concepts, summary, messages, units}
}

/**
 * What a run needs of a document it does not read: its lint entry, when its
 * document entry is there too (a stage that asks for the document reads it
 * then).
 *
 * @param cache The cache.
 * @param task The source's keys.
 * @returns `undefined` when either entry is missing, or the lint entry is not whole: the source is extracted (through the cache).
 */
export function readUnreadDocument(cache: Cache, task: Pick<SourceTask, 'document' | 'lint'>): StoredLint | undefined {
  return cache.has('document', task.document) ? readLint(cache, task.lint) : undefined
}

/** A function's result, computed on the first call and given again after. */
export function once<Value>(compute: () => Value): () => Value {
  let done = false
  let value: Value
  return () => {
    if (!done) {
      value = compute()
      done = true
    }
    return value
  }
}

/**
 * @param init Config, termbase, cache.
 * @param compiled The termbase's source index (`compileTermIndex` in the source locale), when this thread compiled it already (`load`'s `projectTerms`); else compiled on the first source extracted or linted.
 * @returns The task handler.
 */
export function sourceTask(init: SourceTaskInit, compiled?: TermIndex): (task: SourceTask) => SourceResult {
  return extractTask(init, compiled).run
}

/**
 * `sourceTask`'s handler, and the terms the lint found in the source it
 * last ran on, when it extracted it (`ExtractedSource.terms`; none when the
 * document came from the cache): `outputTask` tells the segments' terms
 * from them. They stay on the thread.
 *
 * @param init Config, termbase, cache.
 * @param compiled The termbase's source index, when compiled already (see `sourceTask`).
 * @returns The task handler, and the last source's terms.
 */
function extractTask(init: SourceTaskInit, compiled?: TermIndex): {run: (task: SourceTask) => SourceResult; terms: () => LintTerms | undefined} {
  const cache = init.cache ? openCache(init.cache.folder, init.cache.version) : undefined
  let termIndex = init.termbase ? compiled : undefined
  const options = () => {
    if (init.termbase) termIndex ??= compileTermIndex(init.termbase, {language: init.config.sourceLocale})
    return {termbase: init.termbase, termIndex}
  }
  let last: LintTerms | undefined
  const run = (task: SourceTask): SourceResult => {
    last = undefined
    const stored = cache && readDocument(cache, task)
    const entry = cache && readLint(cache, task.lint)
    const found = entry?.lint()
    // Bytes of their own (the entry's are a view of the bytes read): they cross threads, and a view would take all its buffer along.
    const lint = found && {lint: found, json: new Uint8Array(entry!.json)}
    if (stored && lint) return {...stored, lint: lint.lint, lintJson: lint.json, cachedDocument: true, cachedLint: true}
    if (stored) {
      const found = lintDocument(init.config, stored.document, options())
      const printed = printedLint(found)
      putLint(cache, task.lint, found, printed, {messages: stored.messages, units: stored.document.units.length})
      return {...stored, lint: found, lintJson: printed.json, cachedDocument: true, cachedLint: false}
    }
    const {terms, ...extracted} = extractSource(init.config, task.path, task.text, options())
    last = terms
    cache?.put('document', task.document, {document: {...extracted.document, text: '', body: ''}, messages: extracted.messages} satisfies DocumentEntry)
    if (lint) return {...extracted, lint: lint.lint, lintJson: lint.json, cachedDocument: false, cachedLint: true}
    const printed = printedLint(extracted.lint)
    putLint(cache, task.lint, extracted.lint, printed, {messages: extracted.messages, units: extracted.document.units.length})
    return {...extracted, lintJson: printed.json, cachedDocument: false, cachedLint: false}
  }
  return {run, terms: () => last}
}

/**
 * The per-file work of `extract`: extraction (`sourceTask`), then the
 * document's source bundle and XLIFF files (`documentOutputs`), so only
 * their bytes and packed messages cross back from the thread.
 *
 * @param init Config, termbase, cache, memories and their key.
 * @returns The task handler.
 */
export function outputTask(init: OutputTaskInit): (task: SourceTask) => OutputResult {
  const terms = init.termbase ? projectTerms(init.config, init.termbase) : undefined
  // The lint matches with the rules' source index, so the terms it finds are the segments' (`segmentMatches`).
  const extraction = extractTask(init, terms?.sourceIndex)
  const extract = extraction.run
  /** The segments' terms of the document just extracted, told from its lint's when it was linted here. */
  const segmentTerms = (document: SourceDocument) => {
    const found = extraction.terms()
    return found && segmentMatches(document, found)
  }
  let context: ExtractContext | undefined
  return (task) => {
    const {document, messages, lint, lintJson, ...rest} = extract(task)
    if (task.kept) return {...rest, messages: packMessages(messages), lint: {json: lintJson, errors: 0}, outputs: undefined, units: document.units.length}
    // Made from the document (the cache keeps no entry of them: `output-record.ts`), encoded once, here: the main thread writes and hashes these bytes.
    const parts: LocalePart[] | undefined = init.parts && []
    const onLeverage = parts && ((at: number, found: DocumentLeverage) => void (parts[at] = localePart(found)))
    const outputs = encodeOutputs(documentOutputs(init.config, document, (context ??= compileContext(init.memories)), {terms, matches: segmentTerms(document), onLeverage}))
    return {...rest, messages: packMessages(messages), lint: {json: lintJson, errors: 0}, outputs, units: document.units.length, ...(parts ? {parts} : {})}
  }
}

/**
 * `outputTask`'s answer for a source whose outputs are kept on disk, made
 * on the calling thread from its lint entry alone (its extraction messages,
 * printed findings and number of units) when its document entry is there
 * too: the source is not read, nor its document, nor its outputs. What
 * `outputTask` answers for it, without a thread.
 *
 * @param cache The cache.
 * @param task The source's keys (no text), known to have its outputs kept (`SourceTask.kept`).
 * @returns `undefined` when an entry is missing (or the lint entry is not whole): the source then goes to `outputTask`.
 */
export function keptOutputs(cache: Cache, task: Omit<SourceTask, 'text'>): OutputResult | undefined {
  const found = readUnreadDocument(cache, task)
  return found && {cachedDocument: true, cachedLint: true, messages: packMessages(found.messages), lint: {json: found.json, errors: 0}, outputs: undefined, units: found.units}
}

/**
 * A document from the cache, its text put back.
 *
 * @param cache The cache.
 * @param task The source and its key.
 */
export function readDocument(cache: Cache, task: Pick<SourceTask, 'text' | 'document'>): DocumentEntry | undefined {
  const entry = cache.get<DocumentEntry>('document', task.document)
  if (!entry) return undefined
  entry.document.text = task.text
  entry.document.body = entry.document.bom ? task.text.slice(1) : task.text
  return entry
}
