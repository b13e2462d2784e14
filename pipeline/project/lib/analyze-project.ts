/**
 * Analyze a project. Takes: the config, the documents, the stores, the
 * memory (and machine translations and unknown words by locale, from the
 * machine-translation stage; by default the unknown words the stored
 * machine drafts record). Returns: the analysis of each target locale
 * and its report file, `reports/analysis-<lng>.json`.
 */
import type {Config} from '../../config/index.ts'
import {analyze, type Analysis, type UnknownWord} from '../../report/index.ts'
import {toJson} from '../../store/index.ts'
import type {Diagnostic, SourceDocument} from '../../types.ts'
import {projectLeverage, type ProjectLeverageOptions} from './leverage-project.ts'
import type {Outputs, Stores} from './paths.ts'
import {storedUnknownWords} from './stored-unknown-words.ts'

/** Options of {@linkcode analyzeProject}. */
export interface AnalyzeProjectOptions extends ProjectLeverageOptions {
  /** Target locales to analyze (default: all). */
  locales?: readonly string[] | null
  /** Words machine translation did not know, by locale (default: those the stored machine drafts record, `storedUnknownWords`). */
  unknownWords?: ReadonlyMap<string, readonly UnknownWord[]> | null
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
  for (const locale of options?.locales?.length ? options.locales : config.targetLocales) {
    const found = projectLeverage(config, documents, stores, locale, options)
    messages.push(...found.messages)
    const analysis = analyze(found.documents, {sourceLocale: config.sourceLocale, locale, threshold: config.memory.threshold, unknownWords: options?.unknownWords?.get(locale) ?? storedUnknownWords(documents, stores, locale)})
    value.push(analysis)
    outputs.set(`${config.reports}/analysis-${locale}.json`, toJson(analysis))
  }
  return {value, outputs, messages}
}
