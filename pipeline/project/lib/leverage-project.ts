/**
 * The leverage stage over a project, for one target locale. Takes: the
 * config, the documents, the stores and the memory from outside the stores
 * (TMX and XLIFF files, by locale), and machine translations made at the
 * edge. Returns: every document's leverage (candidates per segment, best
 * first), and the pre-fill of a segment as the config's policy says.
 *
 * The locale's memory is every stored translation of the locale (every
 * document's, and those of documents no longer in the source whose state
 * recorded their source), then the outside memory, in that order.
 */
import type {Config} from '../../config/index.ts'
import {compileMemory, leverage, prefill, storeEntries, type MachineTranslation, type Memory, type MemoryEntry, type Prefill, type SegmentLeverage} from '../../memory/index.ts'
import type {Diagnostic, Segment, SourceDocument} from '../../types.ts'
import {documentId} from '../../units/index.ts'
import {hasValues} from '../../store/index.ts'
import {paths, type Stores} from './paths.ts'

/** Memory entries from TMX and XLIFF files, by target locale. */
export type ExternalMemory = ReadonlyMap<string, readonly MemoryEntry[]>

/** Machine translations by target locale, then segment key. */
export type MachineTranslations = ReadonlyMap<string, ReadonlyMap<string, MachineTranslation>>

/** Options of {@linkcode projectLeverage}. */
export interface ProjectLeverageOptions {
  /** Memory from outside the stores. */
  memory?: ExternalMemory | null
  /** Machine translations made at the edge (see `MachineTranslation`). */
  machine?: MachineTranslations | null
}

/** A locale's leverage: by document path, and by segment occurrence. */
export interface ProjectLeverage {
  documents: Map<string, SegmentLeverage[]>
  segments: Map<Segment, SegmentLeverage>
  messages: Diagnostic[]
}

/**
 * @param config Project config (threshold, number of candidates).
 * @param documents Extracted sources by path.
 * @param stores Locale stores.
 * @param locale Target locale.
 * @param options Outside memory and machine translations.
 */
export function projectLeverage(config: Config, documents: ReadonlyMap<string, SourceDocument>, stores: Stores, locale: string, options?: ProjectLeverageOptions | null): ProjectLeverage {
  const found = localeLeverage(config, documents, stores, locale, options)
  const result: ProjectLeverage = {documents: new Map(), segments: new Map(), messages: found.messages}
  for (const document of documents.values()) {
    const one = found.of(document)
    result.messages.push(...one.messages)
    result.documents.set(document.path, one.value)
    for (const segment of one.value) result.segments.set(segment.segment, segment)
  }
  return result
}

/** A locale's memory, and the leverage of any document against it. */
export interface LocaleLeverage {
  /** The memory's entries (`localeMemory`). */
  entries: MemoryEntry[]
  /** What reading the stored translations found. */
  messages: Diagnostic[]
  /** A document's leverage (`documentLeverage`); the memory is compiled on the first call. */
  of(document: SourceDocument): DocumentLeverage
}

/** A document's leverage in a locale, and its messages (`documentLeverage`). */
export interface DocumentLeverage {
  value: SegmentLeverage[]
  messages: Diagnostic[]
}

/**
 * A locale's memory, read once, and the leverage of the documents a stage
 * asks for against it: every document (`projectLeverage`), those whose
 * analysis part is not kept (`analyzeProject`), those a returned XLIFF
 * file names (`importProject`). Only the documents that are memory are read
 * to make it.
 *
 * @param config Project config.
 * @param documents Extracted sources by path.
 * @param stores Locale stores.
 * @param locale Target locale.
 * @param options Outside memory and machine translations.
 * @param entries The locale's memory, when the caller read it already (`localeMemory`: the same entries are compiled once, {@linkcode compiledMemory}).
 */
export function localeLeverage(config: Config, documents: ReadonlyMap<string, SourceDocument>, stores: Stores, locale: string, options?: ProjectLeverageOptions | null, entries?: MemoryEntry[] | null): LocaleLeverage {
  const found = entries ? {value: entries, messages: []} : localeMemory(config, documents, stores, locale, options)
  return {entries: found.value, messages: found.messages, of: (document) => documentLeverage(config, document, compiledMemory(found.value), locale, options)}
}

/**
 * Each memory compiled, by its entries: stages that look up against the
 * same entries share one compiled memory (import compares the returned
 * files with what extract would write now, then looks up what extract
 * pre-filled, against the same memory; compiled twice, a large memory was
 * held twice). The entries are not changed once read.
 */
const compiledMemories = new WeakMap<MemoryEntry[], Memory>()

/**
 * @param entries A locale's memory entries (`localeMemory`).
 * @returns Them compiled (`compileMemory`), once.
 */
export function compiledMemory(entries: MemoryEntry[]): Memory {
  let memory = compiledMemories.get(entries)
  if (!memory) compiledMemories.set(entries, (memory = compileMemory(entries)))
  return memory
}

/**
 * A locale's memory: the stored translations (`storedMemory`), then the
 * outside memory. Compiled once (`compileMemory`), it serves every document
 * (`documentLeverage`), on any thread.
 *
 * @param config Project config.
 * @param documents Extracted sources by path (those whose stores hold translations are enough).
 * @param stores Locale stores.
 * @param locale Target locale.
 * @param options Outside memory.
 */
export function localeMemory(config: Config, documents: ReadonlyMap<string, SourceDocument>, stores: Stores, locale: string, options?: Pick<ProjectLeverageOptions, 'memory'> | null): {value: MemoryEntry[]; messages: Diagnostic[]} {
  const stored = storedMemory(config, documents, stores, locale)
  stored.value.push(...(options?.memory?.get(locale) ?? []))
  return stored
}

/**
 * One document's leverage in a locale, against the locale's compiled memory
 * (`localeMemory`, compiled), its messages naming the source file.
 *
 * @param config Project config (threshold, number of candidates).
 * @param document The extracted source.
 * @param memory The locale's memory.
 * @param locale Target locale.
 * @param options Machine translations.
 */
export function documentLeverage(config: Config, document: SourceDocument, memory: Memory, locale: string, options?: Pick<ProjectLeverageOptions, 'machine'> | null): DocumentLeverage {
  const found = leverage(document, {memory, machine: options?.machine?.get(locale), threshold: config.memory.threshold, limit: config.memory.matches})
  return {value: found.value, messages: found.messages.map((message) => ({...message, file: paths.source(config, document.path)}))}
}

/**
 * The stored translations of a locale as memory entries: every document's,
 * then those of documents no longer in the source whose state recorded
 * their source; warnings for stored values whose codes do not fit.
 *
 * @param config Project config.
 * @param documents Extracted sources by path.
 * @param stores Locale stores.
 * @param locale Target locale.
 */
export function storedMemory(config: Config, documents: ReadonlyMap<string, SourceDocument>, stores: Stores, locale: string): {value: MemoryEntry[]; messages: Diagnostic[]} {
  const messages: Diagnostic[] = []
  const entries: MemoryEntry[] = []
  const known = new Set<string>()
  // By path: a document whose bundle is missing or empty has no entries, and is not read.
  for (const path of documents.keys()) {
    const id = documentId(path)
    const name = paths.store(locale, id)
    known.add(name)
    const bundle = stores.bundles.get(name)
    if (!bundle || !hasValues(bundle)) continue
    const found = storeEntries(documents.get(path)!, bundle, stores.states.get(name) ?? {}, {file: paths.bundle(config, locale, id)})
    entries.push(...found.value)
    messages.push(...found.messages)
  }
  for (const [name, bundle] of [...stores.bundles].sort(([a], [b]) => a.localeCompare(b))) {
    if (known.has(name) || !name.startsWith(locale + '/')) continue
    const id = name.slice(locale.length + 1)
    const gone: SourceDocument = {id, path: id + '.md', text: '', bom: false, body: '', units: [], blocks: [], definitions: false}
    entries.push(...storeEntries(gone, bundle, stores.states.get(name) ?? {}, {file: paths.bundle(config, locale, id)}).value)
  }
  return {value: entries, messages}
}

/** The pre-fill of a segment under the config's policy (`memory.prefill`). */
export function projectPrefill(config: Config, found: SegmentLeverage | undefined): Prefill | undefined {
  return found ? prefill(found, config.memory.prefill) : undefined
}
