/**
 * `babele analyze`: what the memory and machine translation already cover,
 * per target locale, as a CAT tool's analysis. Takes: a workspace and the
 * locales. Returns: a command result: `reports/analysis-<lng>.json` written
 * for each locale, the text tables as its summary, the analyses for `--json`.
 */
import {analyzeProject} from '../../project/index.ts'
import {formatAnalysis, type Analysis} from '../../report/index.ts'
import {UsageError, writeOutputs, type Workspace} from '../workspace.ts'
import {load, type CommandResult} from './pipeline.ts'

/** Options of {@linkcode analyzeCommand}. */
export interface AnalyzeCommandOptions {
  /** Target locales (empty: every configured one). */
  locales: string[]
  /** Show a progress bar while extracting. */
  progress: boolean
}

/**
 * @param workspace The project.
 * @param options Locales.
 */
export async function analyzeCommand(workspace: Workspace, options: AnalyzeCommandOptions): Promise<CommandResult & {analyses: Analysis[]}> {
  const {config} = workspace
  for (const locale of options.locales) {
    if (!config.targetLocales.includes(locale)) throw new UsageError(`--locale ${locale}: not a configured target locale (${config.targetLocales.join(', ')})`)
  }
  const loaded = await load(workspace, options)
  const result = analyzeProject(config, loaded.documents, loaded.stores, {locales: options.locales, memory: loaded.memory, reuse: loaded.reuse})
  const written = writeOutputs(workspace, result.outputs)
  return {
    command: 'analyze',
    written,
    unchanged: result.outputs.size - written.length,
    messages: [...loaded.messages, ...result.messages],
    summary: result.value.flatMap((analysis, index) => [...(index > 0 ? [''] : []), formatAnalysis(analysis)]),
    analyses: result.value
  }
}
