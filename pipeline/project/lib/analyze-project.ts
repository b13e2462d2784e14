/**
 * Analyze a project. Takes: the config, the documents, the stores, the
 * memory (and machine translations and unknown words by locale, from the
 * machine-translation stage; by default the unknown words the stored
 * machine drafts record) and, optionally, the cache of each document's
 * part of it (`analysisPart`, by `analysisKey`) and of every document's
 * part combined (`combineAnalysis`, by `analysisCombinedKey`: one entry per
 * locale, with each part's leverage messages, replaced by each run that
 * changes it). Returns: the analysis of each target locale and its report
 * file, `reports/analysis-<lng>.json`.
 */
import type {Config} from '../../config/index.ts'
import {analysisCombinedKey, analysisContextKey, analysisKey} from '../../incremental/index.ts'
import {analysisOfCounts, analysisPart, analyzeParts, combineAnalysis, type Analysis, type AnalysisPart, type CombinedAnalysis, type UnknownWord} from '../../report/index.ts'
import {toJson} from '../../store/index.ts'
import type {MemoryEntry} from '../../memory/index.ts'
import type {Diagnostic, SourceDocument} from '../../types.ts'
import {localeLeverage, type DocumentLeverage, type ProjectLeverageOptions} from './leverage-project.ts'
import {outputKinds, reused, type EntryStore, type Reuse} from './reuse.ts'
import type {Outputs, Stores} from './paths.ts'
import {storedUnknownWords} from './stored-unknown-words.ts'

/** Options of {@linkcode analyzeProject}. */
export interface AnalyzeProjectOptions extends ProjectLeverageOptions {
  /** Target locales to analyze (default: all). */
  locales?: readonly string[] | null
  /** Words machine translation did not know, by locale (default: those the stored machine drafts record, `storedUnknownWords`). */
  unknownWords?: ReadonlyMap<string, readonly UnknownWord[]> | null
  /** Each document's part of a locale's analysis from the store when nothing it is made of changed (`analysisKey`); without machine translations only. */
  reuse?: Reuse | null
}

/**
 * @param config Project config.
 * @param documents Extracted sources by path.
 * @param stores Locale stores.
 * @param options Locales, memory, machine translations, unknown words.
 */
export function analyzeProject(config: Config, documents: ReadonlyMap<string, SourceDocument>, stores: Stores, options?: AnalyzeProjectOptions | null): {value: Analysis[]; outputs: Outputs; messages: Diagnostic[]} {
  const value: Analysis[] = []
  const outputs: Outputs = new Map()
  const messages: Diagnostic[] = []
  // Machine translations are the edge's, made for this run: their parts are not reused.
  const reuse = options?.machine ? undefined : options?.reuse
  for (const locale of options?.locales?.length ? options.locales : config.targetLocales) {
    const found = localeLeverage(config, documents, stores, locale, options)
    messages.push(...found.messages)
    const shared = reuse && analysisContextKey(config, locale, found.entries)
    // By path: a part found by its key needs nothing of its document.
    const partOf = (path: string, key: string | undefined): LocalePart =>
      reused(reuse?.store, outputKinds.analysis, key, () => localePart(found.of(documents.get(path)!)))
    const analyzed = {sourceLocale: config.sourceLocale, locale, threshold: config.memory.threshold, unknownWords: options?.unknownWords?.get(locale) ?? storedUnknownWords(documents, stores, locale)}
    // The analysis's order; every document keyed: its parts combined as the last run left them, only the changed ones got.
    const paths = [...documents.keys()].sort()
    const keys = paths.map((path) => reuse?.keys.get(path))
    let analysis: Analysis
    if (reuse && keys.every((key) => key !== undefined)) {
      const partKeys = keys.map((key) => analysisKey(key!, shared!))
      const combinedKey = analysisCombinedKey(shared!)
      const kept = keptCombination(reuse.store.get(outputKinds.analysisCombined, combinedKey))
      const got = new Map<number, LocalePart>()
      const gotPart = (index: number) => {
        let part = got.get(index)
        if (!part) got.set(index, (part = partOf(paths[index]!, partKeys[index])))
        return part
      }
      const combined = combineAnalysis({keys: partKeys, kept: kept?.analysis, partOf: (index) => gotPart(index).part})
      // The parts kept in the combination are found as much as those read.
      reuse.store.kept?.(outputKinds.analysis, combined.from.reduce((sum, at) => (at >= 0 ? sum + 1 : sum), 0))
      // Each document's messages: its part's when it was got, else those kept with its counts.
      const messagesOf = (index: number): Diagnostic[] => (combined.from[index]! >= 0 ? (kept!.messages.get(combined.from[index]!) ?? []) : gotPart(index).messages)
      const at = new Map(paths.map((path, index) => [path, index]))
      for (const path of documents.keys()) messages.push(...messagesOf(at.get(path)!))
      if (combined.combined && combined.changed) {
        const withMessages: Array<[number, Diagnostic[]]> = []
        paths.forEach((_, index) => {
          const found = messagesOf(index)
          if (found.length > 0) withMessages.push([index, found])
        })
        reuse.store.put(outputKinds.analysisCombined, combinedKey, {analysis: combined.combined, messages: withMessages} satisfies StoredCombination)
      }
      analysis = analysisOfCounts(paths, combined.counts, analyzed)
    } else {
      const parts = new Map<string, AnalysisPart>()
      for (const path of documents.keys()) {
        const key = reuse?.keys.get(path)
        const part = partOf(path, key && analysisKey(key, shared!))
        messages.push(...part.messages)
        parts.set(path, part.part)
      }
      analysis = analyzeParts(parts, analyzed)
    }
    value.push(analysis)
    outputs.set(`${config.reports}/analysis-${locale}.json`, toJson(analysis))
  }
  return {value, outputs, messages}
}

/** A document's part of a locale's analysis as stored: the part and the leverage's messages. */
export interface LocalePart {
  part: AnalysisPart
  messages: Diagnostic[]
}

/**
 * Each target locale's `analysisContextKey`, in the config's order: with
 * a document's key, the keys of its parts (`analysisKey`).
 *
 * @param config Project config.
 * @param memories Each target locale's memory entries (`extractContext`).
 */
export function analysisContexts(config: Config, memories: ReadonlyArray<[string, MemoryEntry[]]>): string[] {
  return memories.map(([locale, entries]) => analysisContextKey(config, locale, entries))
}

/**
 * Store a document's part of a locale's analysis made with its outputs
 * (`extractProject`'s `parts`, `run`'s threads), unless it is there: a
 * change to one locale's memory makes every locale's outputs again, and
 * the other locales' parts are the same.
 *
 * @param store The stages' store.
 * @param key The part's key (`analysisKey`).
 * @param part Makes the part.
 */
export function storePart(store: EntryStore, key: string, part: () => LocalePart): void {
  if (!store.has?.(outputKinds.analysis, key)) store.put(outputKinds.analysis, key, part())
}

/**
 * A document's part of a locale's analysis, as stored under its
 * `analysisKey`: by the analysis, or by `run`'s extract from the lookup it
 * made for the document's XLIFF (`extractProject`'s `parts`).
 *
 * @param leverage The document's leverage in the locale (`documentLeverage`).
 */
export function localePart(leverage: DocumentLeverage): LocalePart {
  return {part: analysisPart(leverage.value), messages: leverage.messages}
}

/** A locale's parts combined as stored: the combination (`combineAnalysis`, which checks it) and, for each document with messages, its index and its part's messages. */
interface StoredCombination {
  analysis: CombinedAnalysis
  messages: Array<[number, Diagnostic[]]>
}

/** The stored combination's analysis and its messages by document, when its messages add up (the combination itself is checked where it is used). */
function keptCombination(stored: unknown): {analysis: unknown; messages: Map<number, Diagnostic[]>} | undefined {
  if (!stored || typeof stored !== 'object') return undefined
  const {analysis, messages} = stored as Partial<StoredCombination>
  if (!Array.isArray(messages)) return undefined
  const byDocument = new Map<number, Diagnostic[]>()
  for (const entry of messages as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2 || !Number.isSafeInteger(entry[0]) || !Array.isArray(entry[1])) return undefined
    byDocument.set(entry[0] as number, entry[1] as Diagnostic[])
  }
  return {analysis, messages: byDocument}
}
