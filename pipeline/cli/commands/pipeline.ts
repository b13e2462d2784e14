/**
 * The pipeline commands: extract, import, build and run. Takes: a workspace
 * and command options. Returns: a command result (files written, messages,
 * a summary); printing and exit codes are main's job.
 */
import {countSeverities, withSeverity} from '../../diagnostic.ts'
import type {Termbase} from '../../glossary/index.ts'
import {analyzeProject, buildProject, buildPseudo, extractDocuments, extractProject, importProject, projectTerms, shareText, type BuildEntry, type LocaleGate, type ExternalMemory, type ProjectTerms, type Stores} from '../../project/index.ts'
import type {ImportReport} from '../../store/index.ts'
import type {UnknownWord} from '../../mt/index.ts'
import type {Diagnostic, SourceDocument} from '../../types.ts'
import {toJson} from '../../store/index.ts'
import {startProgress} from '../progress.ts'
import {lintSources} from './lint.ts'
import {pretranslate, type PretranslateCommandResult} from './pretranslate.ts'
import {engineOf} from '../engines/select.ts'
import {noSources, readGlossary, readMemory, readSources, readStores, readXliffFiles, writeOutputs, xliffFiles, UsageError, type Workspace} from '../workspace.ts'

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
  /** Overrides success (default: no error message); `--allow-quarantine` sets it. */
  ok?: boolean
}

/** Options shared by the commands. */
export interface CommandOptions {
  /** Show a progress bar (a TTY and not `--json`). */
  progress: boolean
  /** Exit 0 even when units were quarantined (they are still reported). */
  allowQuarantine?: boolean
}

/** A project read from disk: documents, stores, the glossary with its compiled term rules, and the translation memory. */
export interface Loaded {
  documents: Map<string, SourceDocument>
  stores: Stores
  termbase: Termbase | undefined
  terms: ProjectTerms | undefined
  /** Memory from TMX and XLIFF files (the stores' own pairs are added per locale by the leverage stage). */
  memory: ExternalMemory
  messages: Diagnostic[]
}

/** Read and extract the sources, read the stores and the glossary. */
export function load(workspace: Workspace, options: CommandOptions): Loaded {
  const sources = readSources(workspace)
  if (sources.size === 0) throw new UsageError(noSources(workspace))
  const progress = startProgress('extract', sources.size, options.progress)
  const extracted = extractDocuments(workspace.config, sources, {onProgress: (path) => progress.tick(path)})
  progress.stop()
  const stores = readStores(workspace)
  const glossary = readGlossary(workspace)
  const termbase = glossary.value
  const memory = readMemory(workspace)
  return {
    documents: extracted.value,
    stores: stores.value,
    termbase,
    terms: termbase ? projectTerms(workspace.config, termbase) : undefined,
    memory: memory.value,
    // A bad memory file does not stop the pipeline: its good units are used, the rest reported (`babele tm import` checks files before they get there).
    messages: [...extracted.messages, ...stores.messages, ...glossary.messages, ...memory.messages.map((message) => (message.severity === 'error' ? withSeverity(message, 'warning') : message))]
  }
}

/** `babele extract`: source bundles and XLIFF for every target locale; the source lint's findings come along as warnings. */
export function extract(workspace: Workspace, options: CommandOptions, loaded = load(workspace, options)): CommandResult {
  const result = extractProject(workspace.config, loaded.documents, loaded.stores, {terms: loaded.terms, memory: loaded.memory})
  const written = writeOutputs(workspace, result.value)
  const units = [...loaded.documents.values()].reduce((sum, document) => sum + document.units.length, 0)
  const lint = lintSources(workspace, new Map([...loaded.documents].map(([path, document]) => [path, document.text])), loaded)
  return {
    command: 'extract',
    written,
    unchanged: result.value.size - written.length,
    messages: [...loaded.messages, ...result.messages, ...lint],
    summary: [`extract: ${loaded.documents.size} document(s), ${units} unit(s), ${workspace.config.targetLocales.length} target locale(s); ${written.length} file(s) written, ${result.value.size - written.length} unchanged`]
  }
}

/** `babele import [FILE…]`: translated XLIFF into the locale stores. */
export function importCommand(workspace: Workspace, options: CommandOptions & {files: string[]}, loaded = load(workspace, options)): CommandResult & {stores: Stores} {
  const maxBytes = workspace.config.maxXliffBytes
  const read = options.files.length > 0 ? readXliffFiles(options.files, process.cwd(), maxBytes) : readXliffFiles(xliffFiles(workspace), workspace.root, maxBytes)
  const files = read.value
  // Without file arguments, a file of the XLIFF folder exactly as extract would write it now was
  // never touched by a translator: it is not read, so its pre-filled matches never pass for translations.
  let untouched = 0
  if (options.files.length === 0 && files.size > 0) {
    const current = extractProject(workspace.config, loaded.documents, loaded.stores, {terms: loaded.terms, memory: loaded.memory}).value
    for (const [path, text] of files) {
      if (current.get(path) !== text) continue
      files.delete(path)
      untouched++
    }
  }
  const result = importProject(workspace.config, loaded.documents, loaded.stores, files, {terms: loaded.terms, memory: loaded.memory})
  result.messages.unshift(...read.messages)
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
    summary: [`import: ${files.size} file(s)${untouched > 0 ? ` (${untouched} unchanged since extract, skipped)` : ''}, ${segments} segment(s) read, ${stores} store file(s) changed, ${quarantined} unit(s) quarantined`],
    reports: result.reports,
    stores: result.stores,
    ...(options.allowQuarantine && [...loaded.messages, ...read.messages, ...result.messages].every((message) => message.severity !== 'error' || quarantines.has(message)) ? {ok: true} : {})
  }
}

/** `babele build`: localized Markdown for every target locale. */
export function build(workspace: Workspace, options: CommandOptions, loaded = load(workspace, options)): CommandResult {
  const result = buildProject(workspace.config, loaded.documents, loaded.stores, {terms: loaded.terms})
  // The pseudo locale, when enabled, is built beside the target locales and counted in no coverage.
  const pseudo = workspace.config.pseudo ? buildPseudo(workspace.config, loaded.documents, {terms: loaded.terms}) : undefined
  if (pseudo) {
    for (const [file, text] of pseudo.value) result.value.set(file, text)
    result.messages.push(...pseudo.messages)
  }
  const written = writeOutputs(workspace, result.value)
  const lines = result.coverage.map((entry) => {
    const {segments, translated, fallback, source, words} = entry.coverage
    const percent = segments === 0 ? 100 : Math.round((translated / segments) * 100)
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
    locales: result.locales
  }
}

/**
 * `babele run`: import what translators returned, pre-translate when the
 * config enables an engine (a missing engine is a warning: the build goes
 * on), extract, build, then write the analysis of every locale and the
 * reports.
 */
export async function run(workspace: Workspace, options: CommandOptions): Promise<CommandResult> {
  const loaded = load(workspace, options)
  const imported = importCommand(workspace, {...options, files: []}, loaded)
  let stores = imported.stores
  let pretranslated: PretranslateCommandResult | undefined
  if (workspace.config.targetLocales.some((locale) => engineOf(workspace.config, locale) !== 'none')) {
    pretranslated = await pretranslate(workspace, {...options, locales: [], missing: 'warning'}, {...loaded, stores})
    stores = pretranslated.stores
  }
  const next = {...loaded, stores, messages: []}
  const extracted = extract(workspace, options, next)
  const built = build(workspace, options, next)
  // The analysis of what memory and machine translation cover, with the words the engines did not know.
  const analysis = analyzeProject(workspace.config, loaded.documents, stores, {memory: loaded.memory})
  const analyzed = writeOutputs(workspace, analysis.outputs)
  // The pages are the project's state, as `babele report` writes them: its findings are not run's messages.
  const {projectReports} = await import('./report.ts')
  const reports = projectReports(workspace, {...loaded, stores}, {coverage: built.coverage ?? [], messages: built.messages})
  const reported = writeOutputs(workspace, reports.outputs)
  const steps = [imported, ...(pretranslated ? [pretranslated] : []), extracted]
  return {
    command: 'run',
    written: [...steps.flatMap((step) => step.written), ...built.written, ...analyzed, ...reported],
    unchanged: extracted.unchanged + built.unchanged + analysis.outputs.size - analyzed.length + reports.outputs.size - reported.length,
    messages: [...steps.flatMap((step) => step.messages), ...built.messages],
    summary: [
      ...steps.flatMap((step) => step.summary),
      ...built.summary,
      `analyze: ${analysis.value.map((one) => `${one.locale} ${one.unknownWords.length} unknown word(s)`).join(', ')}; ${analyzed.length} report(s) written (${workspace.config.reports}/analysis-<lng>.json, babele analyze prints the tables)`,
      ...reports.summary
    ],
    reports: imported.reports,
    coverage: built.coverage,
    locales: built.locales,
    ...(pretranslated ? {unknown: pretranslated.unknown} : {}),
    ...(imported.ok && countSeverities([...extracted.messages, ...built.messages, ...(pretranslated?.messages ?? [])]).errors === 0 ? {ok: true} : {})
  }
}
