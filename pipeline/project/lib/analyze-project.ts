/**
 * Analyze a project. Takes: the config, the documents, the stores, the
 * memory (and machine translations and unknown words by locale, from the
 * machine-translation stage; by default the unknown words the stored
 * machine drafts record) and, optionally, the cache of each document's
 * part of it (`analysisPart`, by `analysisKey`). Returns: the analysis of
 * each target locale and its report file, `reports/analysis-<lng>.json`.
 */
import type {Config} from '../../config/index.ts'
import {analysisContextKey, analysisKey} from '../../incremental/index.ts'
import {compileMemory, type Memory} from '../../memory/index.ts'
import {analysisPart, analyzeParts, type Analysis, type AnalysisPart, type UnknownWord} from '../../report/index.ts'
import {toJson} from '../../store/index.ts'
import type {Diagnostic, SourceDocument} from '../../types.ts'
import {documentLeverage, localeMemory, type ProjectLeverageOptions} from './leverage-project.ts'
import {outputKinds, reused, type Reuse} from './reuse.ts'
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
    const found = localeMemory(config, documents, stores, locale, options)
    messages.push(...found.messages)
    let memory: Memory | undefined
    const shared = reuse && analysisContextKey(config, locale, found.value)
    const parts = new Map<string, AnalysisPart>()
    // By path: a part found by its key needs nothing of its document.
    for (const path of documents.keys()) {
      const key = reuse?.keys.get(path)
      const part = reused(reuse?.store, outputKinds.analysis, key && analysisKey(key, shared!), () => {
        const leverage = documentLeverage(config, documents.get(path)!, (memory ??= compileMemory(found.value)), locale, options)
        return {part: analysisPart(leverage.value), messages: leverage.messages}
      })
      messages.push(...part.messages)
      parts.set(path, part.part)
    }
    const analysis = analyzeParts(parts, {sourceLocale: config.sourceLocale, locale, threshold: config.memory.threshold, unknownWords: options?.unknownWords?.get(locale) ?? storedUnknownWords(documents, stores, locale)})
    value.push(analysis)
    outputs.set(`${config.reports}/analysis-${locale}.json`, toJson(analysis))
  }
  return {value, outputs, messages}
}
