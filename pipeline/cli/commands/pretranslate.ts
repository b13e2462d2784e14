/**
 * `babele pretranslate`: fill every segment a locale's store has no
 * translation for with the leverage stage's best candidate: a memory match
 * as the config lets it pre-fill, else a machine draft. Takes: a workspace
 * and options (`--engine`, `--locale`). Returns: a command result with the
 * store files written, the words each engine did not know, and messages: a
 * machine target refused by
 * the checks (a warning, with file, unit and reason), a locale without an
 * engine (an error here, a warning in `babele run`, which goes on building),
 * an engine failure (an error; every translation made before it is stored
 * and cached, and the next run translates the rest).
 */
import type {UnknownWord} from '../../mt/index.ts'
import {pretranslateProject, type Stores} from '../../project/index.ts'
import {selectEngines, type EngineChoice} from '../engines/select.ts'
import {progressBars, type Progress} from '../progress.ts'
import {UsageError, writeOutputs, type Workspace} from '../workspace.ts'
import {load, type CommandOptions, type CommandResult, type Loaded} from './pipeline.ts'

/** Options of {@linkcode pretranslate}. */
export interface PretranslateCommandOptions extends CommandOptions {
  /** `--engine`: overrides the config's engine for every locale (`memory`: none). */
  engine?: EngineChoice | undefined
  /** `--locale`: target locales (empty: every configured one). */
  locales: readonly string[]
  /** Severity of a locale left without an engine (default `error`; `run` passes `warning`). */
  missing?: 'error' | 'warning'
}

/** The result of `pretranslate`, with what JSON output adds. */
export interface PretranslateCommandResult extends CommandResult {
  stores: Stores
  /** Words each locale's engine did not know: candidates for the glossary or a translator. */
  unknown: Record<string, UnknownWord[]>
  /** The engine and pair of each locale translated (`apertium ita-cat|cat-eng`). */
  engines: Record<string, string>
}

/**
 * @param workspace Project.
 * @param options Engine, locales, progress.
 * @param loaded The project already read (by `run`).
 */
export async function pretranslate(workspace: Workspace, options: PretranslateCommandOptions, loaded?: Loaded): Promise<PretranslateCommandResult> {
  const {config} = workspace
  for (const locale of options.locales) {
    if (!config.targetLocales.includes(locale)) throw new UsageError(`--locale ${locale}: not a configured target locale (${config.targetLocales.join(', ')})`)
  }
  const project = loaded ?? (await load(workspace, options))
  const locales = options.locales.length > 0 ? options.locales : config.targetLocales
  const startBar = await progressBars(options.progress)
  const selected = selectEngines(workspace, {engine: options.engine, locales, severity: options.missing ?? 'error'})
  let bar: Progress | undefined
  let shown = 0
  let result: Awaited<ReturnType<typeof pretranslateProject>>
  try {
    result = await pretranslateProject(config, project.documents, project.stores, {
      engines: selected.engines,
      locales,
      memory: project.memory,
      terms: project.terms,
      batchSize: config.mt.batchSize,
      onProgress(done, total) {
        bar ??= startBar('pretranslate', total)
        for (; shown < done; shown++) bar.tick()
      }
    })
  } finally {
    bar?.stop()
    await Promise.all([...selected.engines.values()].map((engine) => engine.close?.()))
  }
  const written = writeOutputs(workspace, result.value)
  const engines = Object.fromEntries([...selected.engines].map(([locale, engine]) => [locale, `${engine.name} ${engine.pair}`]))
  const lines = locales.map((locale) => {
    const engine = engines[locale]
    const {memory = 0, machine = 0} = result.filled.get(locale) ?? {}
    const unknown = result.unknown.get(locale) ?? []
    const pending = result.pending.get(locale) ?? 0
    const drafts = engine ? `, ${machine} machine-translated by ${engine}${pending > 0 ? `, ${pending} left (engine failed)` : ''}; ${unknown.length} unknown word(s)${unknown.length > 0 ? `: ${unknown.slice(0, 8).map((word) => word.word).join(', ')}${unknown.length > 8 ? ', …' : ''}` : ''}` : ', no engine'
    return `  ${locale}: ${memory} segment(s) from memory${drafts}`
  })
  return {
    command: 'pretranslate',
    written,
    unchanged: 0,
    messages: [...(loaded ? [] : project.messages), ...selected.messages, ...result.messages],
    summary: [`pretranslate: ${locales.length} locale(s), ${selected.engines.size} with an engine; ${written.length} store file(s) written`, ...lines],
    stores: result.stores,
    unknown: Object.fromEntries(result.unknown),
    engines
  }
}
