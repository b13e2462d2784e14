/**
 * `babele init`: write `babele.config.json` for an existing documentation
 * site. Takes: where the config goes and the options. Returns: a command
 * result with the config, each choice and what gave it away; the file is
 * written (atomically) only when none is there, or with `--force`, and never
 * with `--dry-run`. Detection itself is `detectSite`, on values: here the
 * site is listed and its few config files read.
 */
import {basename, dirname, join, relative, resolve} from 'node:path'
import {detectSite, siteFiles, type Finding} from '../../site/index.ts'
import {exists, listFiles, readText, sizeOf, writeAtomic} from '../fs.ts'
import {UsageError} from '../workspace.ts'
import type {CommandResult} from './pipeline.ts'

/** Options of {@linkcode initCommand}. */
export interface InitOptions {
  /** The config file to write (`--config`, default `babele.config.json`); its folder is the site's root. */
  config: string
  /** `--source-locale`. */
  sourceLocale?: string
  /** `--target-locales` (each may hold several, comma-separated). */
  targetLocales?: readonly string[]
  /** Overwrite an existing config. */
  force?: boolean
  /** Print the config, write nothing. */
  dryRun?: boolean
}

/** What `babele init` did: the config and why, beside the usual result. */
export interface InitResult extends CommandResult {
  /** The config written (or that would be). */
  config: Record<string, unknown>
  /** Each choice, with the file that gave it away. */
  findings: Finding[]
  /** The site's files the config takes as sources. */
  sources: string[]
}

/** Folders never listed: version control and dependencies. */
const unlisted = new Set(['.git', '.hg', '.svn', 'node_modules'])
/** Config files larger than this are not read (a generated file, not a site's config). */
const maxConfigBytes = 1024 * 1024

/**
 * Detect the site around the config path and write the config.
 *
 * @param options Where, which locales, `force`, `dryRun`.
 */
export function initCommand(options: InitOptions): InitResult {
  const path = resolve(options.config)
  const root = dirname(path)
  const name = relative(process.cwd(), path) || basename(path)
  if (exists(path) && !options.force && !options.dryRun) {
    throw new UsageError(`${name} already exists: babele init never replaces a config; pass --force to overwrite it, or --dry-run to see what it would write`)
  }
  const files = listFiles(root, () => true, (folder) => !unlisted.has(basename(folder)))
  const contents = new Map<string, string>()
  for (const file of siteFiles(files)) if (sizeOf(join(root, file)) <= maxConfigBytes) contents.set(file, readText(join(root, file)))
  const targetLocales = options.targetLocales?.flatMap((item) => item.split(',')).map((locale) => locale.trim()).filter((locale) => locale !== '')
  const detected = detectSite({files, contents}, {sourceLocale: options.sourceLocale, targetLocales, file: name})
  if (!detected.value) throw new UsageError(`no config written for ${root}`, detected.messages)
  const {config, findings, sources} = detected.value
  const text = toConfigJson(config)
  const written = options.dryRun ? [] : writeAtomic(path, text) ? [name] : []
  const summary = [
    options.dryRun ? `babele init: would write ${name} (dry run):` : written.length > 0 ? `babele init: wrote ${name}` : `babele init: ${name} is already this config`,
    ...(options.dryRun ? text.trimEnd().split('\n') : []),
    ...findings.map(formatFinding),
    `  ${'sources'.padEnd(16)}${sources.length} Markdown file${sources.length === 1 ? '' : 's'}: ${sources.slice(0, 3).join(', ')}${sources.length > 3 ? ', …' : ''}`,
    options.dryRun ? 'Run it without --dry-run to write the config.' : 'Next: `babele run` extracts XLIFF for translators and builds every locale.'
  ]
  return {command: 'init', written, unchanged: options.dryRun || written.length > 0 ? 0 : 1, messages: detected.messages, summary, config, findings, sources}
}

/** One line per choice: field, value, and the file and reason that gave it away. */
function formatFinding(finding: Finding): string {
  const value = Array.isArray(finding.value) ? finding.value.join(', ') : String(finding.value)
  return `  ${finding.field.padEnd(16)}${value.padEnd(Math.max(24, value.length + 2))}${finding.file ? `${finding.file}: ` : ''}${finding.reason}`
}

/** The config as JSON, one field a line, lists on their field's line. */
function toConfigJson(config: Record<string, unknown>): string {
  const fields = Object.entries(config).map(([key, value]) => `  ${JSON.stringify(key)}: ${Array.isArray(value) ? `[${value.map((item) => JSON.stringify(item)).join(', ')}]` : JSON.stringify(value)}`)
  return `{\n${fields.join(',\n')}\n}\n`
}
