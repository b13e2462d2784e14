/**
 * `babele export --for omegat`: a ready-to-open CAT-tool project for one
 * target locale, with the project's glossary. Takes: a workspace, the tool,
 * a locale and a folder. Returns: a command result (the project's files,
 * written atomically).
 */
import {relative, resolve} from 'node:path'
import {omegatProject} from '../../project/index.ts'
import {UsageError, writeOutputs, type Workspace} from '../workspace.ts'
import {load, type CommandResult} from './pipeline.ts'

/** Options of {@linkcode exportProject}. */
export interface ExportProjectOptions {
  /** The CAT tool (only `omegat` today). */
  tool: 'omegat'
  locale: string
  /** Project folder, relative to the working directory. */
  out: string
}

/**
 * @param workspace The babele project.
 * @param options Tool, locale and output folder.
 */
export async function exportProject(workspace: Workspace, options: ExportProjectOptions): Promise<CommandResult> {
  const {config} = workspace
  if (!config.targetLocales.includes(options.locale)) throw new UsageError(`--locale ${options.locale}: not a configured target locale (${config.targetLocales.join(', ')})`)
  const loaded = await load(workspace, {progress: false})
  const folder = relative(workspace.root, resolve(options.out)) || '.'
  const files = omegatProject(config, loaded.documents, loaded.stores, {locale: options.locale, termbase: loaded.termbase, terms: loaded.terms, memory: loaded.memory})
  const written = writeOutputs(workspace, new Map([...files].map(([path, content]) => [`${folder}/${path}`, content])))
  return {
    command: 'export',
    written,
    unchanged: files.size - written.length,
    messages: loaded.messages,
    summary: [
      `export: OmegaT project for ${options.locale} in ${options.out} (${loaded.documents.size} document(s)${loaded.termbase ? ', glossary in glossary/' : ''}); translate it, then run: babele import ${options.out}/target`
    ]
  }
}
