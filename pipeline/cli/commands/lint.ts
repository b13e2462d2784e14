/**
 * `babele lint`: check Markdown sources before they go to translators.
 * Takes: a workspace, the files to lint (default: every source) and options.
 * Returns: a command result whose messages are the findings; with `fix`, the
 * sources with every safe fix applied (written atomically) and the list of
 * fixes applied, which the summary prints one by one.
 */
import {placeText} from '../format.ts'
import {relative, resolve} from 'node:path'
import {compileTermIndex, type TermIndex, type Termbase} from '../../glossary/index.ts'
import {applyFixes, lintMarkdown} from '../../lint/index.ts'
import {paths} from '../../project/index.ts'
import type {Diagnostic} from '../../types.ts'
import {exists, isFolder, listFiles, readText} from '../fs.ts'
import {noSources, readGlossary, readSources, UsageError, writeOutputs, type Workspace} from '../workspace.ts'
import type {CommandResult} from './pipeline.ts'

/** Options of {@linkcode lintCommand}. */
export interface LintCommandOptions {
  /** Files or folders (relative to the working directory); empty: every source under `<source>/<sourceLocale>/`. */
  files: string[]
  /** Apply every safe fix and write the files. */
  fix?: boolean
  /** Fail (exit 1) on any finding, not only on errors. */
  strict?: boolean
}

/** What `babele lint` did. */
export interface LintCommandResult extends CommandResult {
  /** Findings whose fix was applied (offsets refer to the text before the fix). */
  fixed: Diagnostic[]
}

/** Passes of `--fix` at most: a fix left out for overlapping another gets the next pass. */
const maxPasses = 10

/**
 * `babele lint [FILE…] [--fix] [--strict]`.
 *
 * @param workspace Project.
 * @param options Files, `fix`, `strict`.
 */
export function lintCommand(workspace: Workspace, options: LintCommandOptions): LintCommandResult {
  const files = options.files.length > 0 ? namedFiles(workspace, options.files) : projectSources(workspace)
  if (files.size === 0) throw new UsageError(noSources(workspace))
  const linter = projectLinter(workspace)
  const messages = [...linter.messages]
  const fixed: Diagnostic[] = []
  const outputs = new Map<string, string>()
  const summary: string[] = []
  for (const [file, {path, text}] of files) {
    let current = text
    let found = linter.lint(file, current)
    for (let pass = 0; options.fix && pass < maxPasses; pass++) {
      const result = applyFixes(current, found)
      if (result.applied.length === 0) break
      fixed.push(...result.applied)
      for (const message of result.applied) summary.push(`fixed ${file}:${placeText(message.place)}  \`${current.slice(message.fix!.start, message.fix!.end)}\` → \`${message.fix!.replacement}\`  ${message.ruleId}`)
      current = result.value
      found = linter.lint(file, current)
    }

    if (current !== text) outputs.set(path, current)
    messages.push(...found)
  }

  const written = writeOutputs(workspace, outputs)
  const count = (severity: string) => messages.filter((message) => message.source === 'lint' && message.severity === severity).length
  summary.push(
    `lint: ${files.size} file(s), ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info` +
      (options.fix ? `; ${fixed.length} fix(es) applied, ${written.length} file(s) written` : `; ${messages.filter((message) => message.fix?.safe).length} safe fix(es) available (--fix)`)
  )
  return {
    command: 'lint',
    written,
    unchanged: outputs.size - written.length,
    messages,
    summary,
    fixed,
    ...(options.strict && messages.length > 0 ? {ok: false} : {})
  }
}

/** The project's glossary, read and compiled once, and a function linting one file with it. */
function projectLinter(workspace: Workspace): {messages: Diagnostic[]; lint: (file: string, text: string) => Diagnostic[]} {
  const glossary = readGlossary(workspace)
  return {messages: glossary.messages, lint: linterFor(workspace, glossary.value, undefined)}
}

/** Lint one file with a termbase (its source terms compiled here unless given). */
function linterFor(workspace: Workspace, termbase: Termbase | undefined, compiled: TermIndex | undefined): (file: string, text: string) => Diagnostic[] {
  const language = workspace.config.sourceLocale
  const termIndex = compiled ?? (termbase ? compileTermIndex(termbase, {language}) : undefined)
  const {frontmatterKeys, flavor, codeFinder} = workspace.config
  return (file, text) => lintMarkdown(text, {file, language, termbase, termIndex, frontmatterKeys, flavor, codeFinder}).messages
}

/** Every source, keyed by its project-relative path. */
function projectSources(workspace: Workspace): Map<string, {path: string; text: string}> {
  const files = new Map<string, {path: string; text: string}>()
  for (const [path, text] of readSources(workspace)) {
    const file = paths.source(workspace.config, path)
    files.set(file, {path: file, text})
  }

  return files
}

/** Files named on the command line (a folder: its Markdown files), keyed as named; `path` is relative to the project root, for writing. */
function namedFiles(workspace: Workspace, names: readonly string[]): Map<string, {path: string; text: string}> {
  const files = new Map<string, {path: string; text: string}>()
  for (const name of names) {
    const full = resolve(name)
    if (!exists(full)) throw new UsageError(`${name}: file not found`)
    const found = isFolder(full) ? listFiles(full, (file) => /\.(?:md|markdown)$/i.test(file)).map((file) => `${name.replace(/\/+$/, '')}/${file}`) : [name]
    for (const file of found) files.set(file, {path: relative(workspace.root, resolve(file)), text: readText(resolve(file))})
  }

  return files
}
