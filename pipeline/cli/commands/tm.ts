/**
 * `babele tm import` and `babele tm export`: translation memory files in and
 * out of the project. Takes: a workspace and the files or the locale.
 * Returns: a command result. Import checks each TMX strictly, reports its
 * problems per file and unit (line, rule id), and writes the good units to
 * the memory folder (`<memory>/<name>.tmx`, atomically; importing the same
 * file again changes nothing). Export writes a locale's stored translations
 * as TMX 1.4b, with who made each one and its context as props.
 */
import {diagnostic} from '../../diagnostic.ts'
import {basename, resolve} from 'node:path'
import {entryUnit, fromTmx, sameLanguage, toTmx, type TmxUnitInput} from '../../memory/index.ts'
import {storedMemory} from '../../project/index.ts'
import type {Diagnostic} from '../../types.ts'
import {exists} from '../fs.ts'
import {projectPath, readXmlFile, UsageError, writeOutputs, type Workspace} from '../workspace.ts'
import {load, type CommandResult} from './pipeline.ts'

/** What `tm import` did with one file. */
export interface TmImportReport {
  file: string
  /** Where the good units went (absent when none was good). */
  memory?: string
  /** Units read and kept. */
  units: number
  /** Units left out, with their line and the diagnostics that left them out. */
  rejected: Array<{line: number; diagnostics: Diagnostic[]}>
  /** Kept units with a variant in the project's source language, by target locale. */
  usable: Record<string, number>
}

/**
 * @param workspace The project.
 * @param options TMX files (relative to the working directory).
 */
export function tmImport(workspace: Workspace, options: {files: string[]}): CommandResult & {files: TmImportReport[]} {
  const {config} = workspace
  if (options.files.length === 0) throw new UsageError('tm import: give at least one TMX file')
  const messages: Diagnostic[] = []
  const reports: TmImportReport[] = []
  const outputs = new Map<string, string>()
  for (const file of options.files) {
    const path = resolve(file)
    if (!exists(path)) throw new UsageError(`${file}: file not found`)
    const read = readXmlFile(path, file, 256 * 1024 * 1024, 'memory')
    messages.push(...read.messages)
    const report: TmImportReport = {file, units: 0, rejected: [], usable: {}}
    reports.push(report)
    if (read.value === undefined) continue
    const parsed = fromTmx(read.value, {file})
    messages.push(...parsed.messages)
    if (!parsed.value) continue
    report.rejected = parsed.value.rejected.map(({line, diagnostics}) => ({line, diagnostics}))
    const units = parsed.value.units
    report.units = units.length
    for (const locale of config.targetLocales) {
      report.usable[locale] = units.filter((unit) => unit.variants.some((variant) => sameLanguage(variant.lang, config.sourceLocale)) && unit.variants.some((variant) => sameLanguage(variant.lang, locale))).length
    }
    // A file with no unit from the source language to a target locale would be dead weight in the memory.
    if (Object.values(report.usable).every((count) => count === 0)) {
      messages.push(diagnostic('memory-language', `No unit has a ${config.sourceLocale} variant and a variant in a target locale (${config.targetLocales.join(', ')}); not stored`, {source: 'memory', severity: 'warning', file}))
      continue
    }
    const target = `${config.memory.folder}/${basename(file).replace(/\.tmx$/i, '')}.tmx`
    const written: TmxUnitInput[] = units.map((unit) => ({...(unit.tuid === undefined ? {} : {tuid: unit.tuid}), props: unit.props, variants: unit.variants}))
    outputs.set(target, toTmx(written, {sourceLocale: parsed.value.header.srclang}))
    report.memory = target
  }
  const written = writeOutputs(workspace, outputs)
  const lines = reports.map((report) => {
    const usable = Object.entries(report.usable).map(([locale, count]) => `${locale} ${count}`).join(', ')
    return `  ${report.file}: ${report.units} unit(s) kept${report.memory ? ` in ${report.memory}` : ''}, ${report.rejected.length} left out${usable ? `; usable from ${config.sourceLocale}: ${usable}` : ''}`
  })
  return {
    command: 'tm import',
    written,
    unchanged: outputs.size - written.length,
    messages,
    summary: [`tm import: ${reports.length} file(s), ${written.length} memory file(s) written, ${outputs.size - written.length} unchanged`, ...lines],
    files: reports
  }
}

/**
 * @param workspace The project.
 * @param options The locale, and the output file (`undefined`: the TMX is the command's output).
 */
export async function tmExport(workspace: Workspace, options: {locale: string; out?: string | undefined}): Promise<CommandResult & {tmx?: string}> {
  const {config} = workspace
  if (!config.targetLocales.includes(options.locale)) throw new UsageError(`--locale ${options.locale}: not a configured target locale (${config.targetLocales.join(', ')})`)
  const loaded = await load(workspace, {progress: false})
  const entries = storedMemory(config, loaded.documents, loaded.stores, options.locale).value
  const tmx = toTmx(entries.map((entry) => entryUnit(entry, {sourceLocale: config.sourceLocale, targetLocale: options.locale})), {sourceLocale: config.sourceLocale})
  const summary = `tm export: ${entries.length} translation(s) of ${options.locale}`
  if (options.out === undefined) return {command: 'tm export', written: [], unchanged: 0, messages: loaded.messages, summary: [tmx.replace(/\n$/, '')], tmx}
  const written = writeOutputs(workspace, new Map([[projectPath(workspace, options.out), tmx]]))
  return {command: 'tm export', written, unchanged: 1 - written.length, messages: loaded.messages, summary: [`${summary} in ${options.out}`]}
}

