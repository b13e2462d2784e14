/**
 * Load a project from disk and write outputs back. Takes: the config path.
 * Returns: the validated config, sources and stores as values; writes go
 * through the atomic writer and report which files changed.
 */
import {dirname, join, resolve} from 'node:path'
import {parseConfig, type Config} from '../config/index.ts'
import {fromTbx, fromTermCsv, type Termbase} from '../glossary/index.ts'
import type {Outputs, Stores} from '../project/index.ts'
import type {Bundle, Diagnostic, StateFile} from '../types.ts'
import {exists, isFolder, listFiles, readText, sizeOf, writeAtomic} from './fs.ts'

/** A project on disk. */
export interface Workspace {
  /** Folder the config lives in; every configured path is relative to it. */
  root: string
  config: Config
}

/** Raised for a problem that stops a command before it starts (exit code 2). */
export class UsageError extends Error {
  messages: Diagnostic[]
  constructor(message: string, messages: Diagnostic[] = []) {
    super(message)
    this.messages = messages
  }
}

/** Read and validate the config; a missing default config means all defaults. */
export function openWorkspace(configPath: string, explicit: boolean): Workspace {
  const path = resolve(configPath)
  let input: unknown = {}
  if (exists(path)) {
    try {
      input = JSON.parse(readText(path))
    } catch (error) {
      throw new UsageError(`${configPath}: not valid JSON (${(error as Error).message})`)
    }
  } else if (explicit) {
    throw new UsageError(`${configPath}: config file not found`)
  }
  const {value, messages} = parseConfig(input, configPath)
  if (!value) throw new UsageError(`${configPath}: invalid configuration`, messages)
  return {root: dirname(path), config: value}
}

/** Source texts by path relative to `<source>/<sourceLocale>/`. */
export function readSources(workspace: Workspace): Map<string, string> {
  const folder = join(workspace.root, workspace.config.source, workspace.config.sourceLocale)
  const sources = new Map<string, string>()
  for (const path of listFiles(folder, (name) => /\.(?:md|markdown)$/i.test(name))) sources.set(path, readText(join(folder, path)))
  return sources
}

/**
 * The project's termbase: every `*.tbx`, `*.csv` and `*.tsv` under the
 * configured glossary folder, read with `fromTbx`/`fromTermCsv` and merged
 * in path order (concepts concatenated; a concept id already seen in an
 * earlier file is left out with a warning). `value` is `undefined` when the
 * folder holds no termbase or none could be read.
 */
export function readGlossary(workspace: Workspace): {value: Termbase | undefined; messages: Diagnostic[]} {
  const folder = join(workspace.root, workspace.config.glossary)
  const messages: Diagnostic[] = []
  let merged: Termbase | undefined
  const ids = new Set<string>()
  for (const path of listFiles(folder, (name) => /\.(?:tbx|csv|tsv)$/i.test(name))) {
    const file = `${workspace.config.glossary}/${path}`
    const text = readText(join(folder, path))
    const read = /\.tbx$/i.test(path) ? fromTbx(text, {file}) : fromTermCsv(text, {file})
    messages.push(...read.messages)
    if (!read.value) continue
    merged ??= {...read.value, concepts: []}
    for (const concept of read.value.concepts) {
      if (ids.has(concept.id)) {
        messages.push({file, ruleId: 'glossary-duplicate-concept', source: 'glossary', severity: 'warning', message: `Concept \`${concept.id}\` is already defined in an earlier glossary file; this one is left out`})
        continue
      }
      ids.add(concept.id)
      merged.concepts.push(concept)
    }
  }
  return {value: merged, messages}
}

/** Target-locale bundles and state files. */
export function readStores(workspace: Workspace): {value: Stores; messages: Diagnostic[]} {
  const bundles = new Map<string, Bundle>()
  const states = new Map<string, StateFile>()
  const messages: Diagnostic[] = []
  for (const locale of workspace.config.targetLocales) {
    const folder = join(workspace.root, workspace.config.locales, locale)
    for (const path of listFiles(folder, (name) => name.endsWith('.json'))) {
      const file = `${workspace.config.locales}/${locale}/${path}`
      let value: unknown
      try {
        value = JSON.parse(readText(join(folder, path)))
      } catch (error) {
        messages.push({file, ruleId: 'store-invalid', source: 'store', severity: 'error', message: `Not valid JSON: ${(error as Error).message}`})
        continue
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        messages.push({file, ruleId: 'store-invalid', source: 'store', severity: 'error', message: 'Expected a JSON object of keys to values'})
        continue
      }
      if (path.endsWith('.state.json')) states.set(`${locale}/${path.slice(0, -'.state.json'.length)}`, value as StateFile)
      else bundles.set(`${locale}/${path.slice(0, -'.json'.length)}`, value as Bundle)
    }
  }
  return {value: {bundles, states}, messages}
}

/** Every `.xlf` under the configured XLIFF folder, by project-relative path. */
export function xliffFiles(workspace: Workspace): string[] {
  return listFiles(join(workspace.root, workspace.config.xliff), (name) => name.endsWith('.xlf')).map((path) => `${workspace.config.xliff}/${path}`)
}

/**
 * Read XLIFF files by path (relative to `base` unless absolute; a folder
 * means every `.xlf` in it). A file over `maxBytes` is not read at all: it is
 * reported, so a hostile file never reaches memory.
 */
export function readXliffFiles(paths: readonly string[], base: string, maxBytes: number): {value: Map<string, string>; messages: Diagnostic[]} {
  const files = new Map<string, string>()
  const messages: Diagnostic[] = []
  for (const path of paths) {
    const full = resolve(base, path)
    if (!exists(full)) throw new UsageError(`${path}: file not found`)
    const names = isFolder(full) ? listFiles(full, (name) => name.endsWith('.xlf') || name.endsWith('.xliff')).map((name) => join(path, name)) : [path]
    for (const name of names) {
      const size = sizeOf(resolve(base, name))
      if (size > maxBytes) {
        messages.push({file: name, ruleId: 'xliff-too-large', source: 'import', severity: 'error', message: `File is ${size} bytes, over the limit of ${maxBytes} (\`maxXliffBytes\` in the config); not read`})
        continue
      }
      files.set(name, readText(resolve(base, name)))
    }
  }
  return {value: files, messages}
}

/** Write outputs atomically; returns the paths whose content changed. */
export function writeOutputs(workspace: Workspace, outputs: Outputs): string[] {
  const written: string[] = []
  for (const [path, content] of outputs) if (writeAtomic(join(workspace.root, path), content)) written.push(path)
  return written
}
