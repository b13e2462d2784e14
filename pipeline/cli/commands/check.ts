/**
 * `babele check`: the CI gate over the locale stores. Takes: a workspace and
 * options. Returns: a command result whose messages are every stored
 * translation that breaks its source's codes or a glossary rule; not ok
 * (exit 1) on any error, or on any finding with `strict`; a glossary that
 * cannot be read is a usage error (exit 2).
 */
import {countSeverities} from '../../diagnostic.ts'
import {checkProject} from '../../project/index.ts'
import {UsageError, type Workspace} from '../workspace.ts'
import {load, type CommandResult} from './pipeline.ts'

/** Options of {@linkcode checkCommand}. */
export interface CheckCommandOptions {
  /** Target locales to check (empty: every configured one). */
  locales: string[]
  /** Fail on warnings too (a common term not used). */
  strict?: boolean
  /** Show a progress bar while extracting. */
  progress: boolean
}

/**
 * @param workspace Project.
 * @param options Locales, strictness.
 */
export async function checkCommand(workspace: Workspace, options: CheckCommandOptions): Promise<CommandResult> {
  const {config} = workspace
  for (const locale of options.locales) {
    if (!config.targetLocales.includes(locale)) throw new UsageError(`--locale ${locale}: not a configured target locale (${config.targetLocales.join(', ')})`)
  }

  const loaded = await load(workspace, options)
  // A gate that silently skipped the glossary would pass what it should refuse.
  const unreadable = loaded.messages.filter((message) => message.source === 'glossary' && message.severity === 'error')
  if (unreadable.length > 0) throw new UsageError(`the glossary in ${config.glossary}/ could not be read`, unreadable)
  const locales = options.locales.length > 0 ? options.locales : config.targetLocales
  const result = checkProject(config, loaded.documents, loaded.stores, {terms: loaded.terms, locales, reuse: loaded.reuse})
  const {errors, warnings} = countSeverities(result.messages)
  const messages = [...loaded.messages, ...result.messages]
  return {
    command: 'check',
    written: [],
    unchanged: 0,
    messages,
    summary: [
      `check: ${locales.length} locale(s), ${result.checked} stored translation(s) checked${loaded.terms ? ' against the glossary' : ' (no glossary: codes only)'}; ${errors} error(s), ${warnings} warning(s)`
    ],
    ...(options.strict && messages.some((message) => message.severity !== 'info') ? {ok: false} : {})
  }
}
