/**
 * The `babele` command line: parses arguments, runs a command, prints its
 * result in the chosen output format (`--format text|json|sarif|github`,
 * `--json`; `--quiet`, `--verbose`) and sets the exit code: 0 success, 1
 * content errors (quarantined units, broken translations, a locale under
 * its `minCoverage`), 2 usage or config errors.
 * Only commander is loaded up front: each action imports its command's
 * modules when it runs, so `--help` and `--version` never load the pipeline.
 */
import {readFileSync} from 'node:fs'
import {Command, Option} from 'commander'
import type {Diagnostic} from '../types.ts'
import type {CommandResult, StreamedResult} from './commands/pipeline.ts'
import type {MessageList} from './packed-messages.ts'
import type {Printed, Replayed} from './run-cache.ts'
import type {RunFlags, RunSettings} from './run-settings.ts'
import type {Workspace} from './workspace.ts'
import type {EngineChoice} from './engines/select.ts'
import {formats, xliffVersions, type Format} from './choices.ts'

/** The output options every command that reports diagnostics takes (see `output`). */
interface OutputOptions {
  json?: boolean
  format?: Format
  quiet?: boolean
  verbose?: boolean
}

interface GlobalOptions extends OutputOptions {
  config: string
}

const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR

/**
 * The output options, defined once for every command that reports
 * diagnostics: `--format`, `--json` (short for `--format json`), `--quiet`
 * and `--verbose`.
 */
function output(command: Command): Command {
  return command
    .addOption(new Option('--format <format>', 'output: text (the default; GitHub Actions annotations too when GITHUB_ACTIONS=true), json (the result, for scripts), sarif (SARIF 2.1.0, for code scanning) or github (annotations)').choices(formats))
    .option('--json', 'print the result as JSON (for scripts); short for --format json')
    .addOption(new Option('-q, --quiet', 'show errors only (text and github)').conflicts('verbose'))
    .option('--verbose', 'show each diagnostic\'s unit, segment, concept, expected and actual values and documentation (text)')
}

/**
 * @param options Output options.
 * @returns The format asked for (`--json` is `json`).
 */
function formatOf(options: OutputOptions): Format {
  return options.json ? 'json' : (options.format ?? 'text')
}

/** Whether a progress bar may show: output for people (it still needs a TTY, see `startProgress`). */
function interactive(options: OutputOptions): boolean {
  const format = formatOf(options)
  return (format === 'text' || format === 'github') && !options.quiet
}

/** babele's version, from its package.json. */
function version(): string {
  return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version
}

/** Build the program; exported so tests can parse arguments without a process. */
export function createProgram(): Command {
  const program = new Command('babele')
    .description('Localization pipeline: Markdown sources to XLIFF units, i18next locale bundles and localized Markdown.')
    .version(version())
    .showHelpAfterError()
    // Unknown options and missing arguments are usage errors: exit 2, as documented (commander's own is 1).
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))

  const common = (command: Command) => output(command.addOption(new Option('-c, --config <file>', 'config file').default('babele.config.json')))
  // Commands that extract the sources: threads and the cache.
  const scaled = (command: Command) =>
    common(command)
      .option('-j, --jobs <n>', 'threads extracting sources, the main one and n − 1 workers (default: the machine\'s cores)')
      .option('--no-cache', 'extract every source again, without reading or writing the cache (config `cache`)')
  // Commands that write per-document outputs: a CI job can take one shard of the documents.
  const sharded = (command: Command) => scaled(command).option('--shard <i/n>', 'only the documents of shard i of n (a CI matrix job; the shards together write what one run writes)')

  output(program
    .command('init')
    .description('write babele.config.json for an existing documentation site (VitePress, Docusaurus, MkDocs, Hugo, mdBook, DocFX, Jekyll, or a folder of Markdown): its flavour, source and target locales, where sources are and where translations go, each with the file that gave it away; never overwrites a config without --force')
    .addOption(new Option('-c, --config <file>', 'config file to write; its folder is the site\'s root').default('babele.config.json'))
    .option('--source-locale <lng>', 'language of the sources (default: what the site says, else it)')
    .option('--target-locales <lng...>', 'locales to translate into, space- or comma-separated (default: the site\'s other locales, else en es fr ca)')
    .option('--force', 'overwrite an existing config')
    .option('--dry-run', 'print the config and the choices, write nothing'))
    .action((options: GlobalOptions & {sourceLocale?: string; targetLocales?: string[]; force?: boolean; dryRun?: boolean}, command: Command) =>
      report(command, options, async () => (await import('./commands/init.ts')).initCommand(options))
    )
  sharded(
    program
      .command('extract')
      .description('write source bundles (locales/<source>/) and XLIFF for every target locale (xliff/<lng>/)')
      .addOption(new Option('--xliff-version <version>', 'XLIFF version (default: the config\'s xliffVersion)').choices(xliffVersions))
  ).action((options: GlobalOptions & {xliffVersion?: '2.1' | '1.2'}, command: Command) =>
    execute(command, options, async (workspace, settings) => (await import('./commands/pipeline.ts')).extract(withVersion(workspace, options.xliffVersion), {progress: interactive(options), ...settings}), true)
  )
  scaled(
    program
      .command('import')
      .description('import translated XLIFF (2.x or 1.2) into the locale stores (default: every .xlf under the xliff folder)')
      .argument('[files...]', 'XLIFF files, or folders of them (an OmegaT project\'s target/)')
      .option('--allow-quarantine', 'exit 0 even when units were quarantined (they are still reported)')
  ).action((files: string[], options: GlobalOptions & {allowQuarantine?: boolean}, command: Command) =>
    execute(command, options, async (workspace, settings) => (await import('./commands/pipeline.ts')).importCommand(workspace, {progress: interactive(options), files, allowQuarantine: options.allowQuarantine, ...settings}))
  )
  sharded(program.command('build').description('build localized Markdown (dist/<lng>/) with i18next fallback chains')).action((options: GlobalOptions, command: Command) =>
    execute(command, options, async (workspace, settings) => (await import('./commands/pipeline.ts')).build(workspace, {progress: interactive(options), ...settings}), true)
  )
  scaled(
    program
      .command('check')
      .description('CI gate: check every stored translation against its source\'s codes and the glossary (approved terms used, locked terms kept, no forbidden or deprecated term); exit 0 clean, 1 on errors (or any finding with --strict), 2 on usage or config errors')
      .option('-l, --locale <lng...>', 'target locales to check (default: all)', [])
      .option('--strict', 'exit 1 on warnings too (a common term not used)')
  ).action((options: GlobalOptions & {locale: string[]; strict?: boolean}, command: Command) =>
    execute(command, options, async (workspace, settings) => (await import('./commands/check.ts')).checkCommand(workspace, {locales: options.locale, strict: options.strict, progress: interactive(options), ...settings}))
  )
  sharded(
    program
      .command('pretranslate')
      .description('machine drafts (state initial, origin machine) for every segment a locale\'s store has no translation for; every draft is checked like an import (codes, glossary locks) and one that fails is reported and not stored')
      .addOption(new Option('-e, --engine <engine>', 'engine for every locale (default: the config\'s mt.engine); memory: no engine').choices(['apertium', 'http', 'memory']))
      .option('-l, --locale <lng...>', 'target locales (default: all)', [])
  ).action((options: GlobalOptions & {engine?: EngineChoice; locale: string[]}, command: Command) =>
    execute(command, options, async (workspace, settings) => (await import('./commands/pretranslate.ts')).pretranslate(workspace, {engine: options.engine, locales: options.locale, progress: interactive(options), ...settings}))
  )
  sharded(
    program
      .command('run')
      .description('the whole pipeline: import returned XLIFF, pre-translate (when the config enables an engine), extract, build, and write the analysis (reports/analysis-<lng>.json) and the reports (reports/glossary.html, reports/qa.html)')
      .option('--allow-quarantine', 'exit 0 even when units were quarantined')
      .addOption(new Option('--xliff-version <version>', 'XLIFF version (default: the config\'s xliffVersion)').choices(xliffVersions))
  ).action((options: GlobalOptions & {allowQuarantine?: boolean; xliffVersion?: '2.1' | '1.2'}, command: Command) =>
    execute(command, options, async (workspace, settings) => (await import('./commands/pipeline.ts')).run(withVersion(workspace, options.xliffVersion), {progress: interactive(options), allowQuarantine: options.allowQuarantine, ...settings}), true)
  )
  scaled(
    program
      .command('analyze')
      .description('analyze what the translation memory and machine translation cover, per target locale, like a CAT tool: segments and words per band (context, 100%, 95–99, 85–94, 75–84, machine, no match, repetitions), per file and in total; writes reports/analysis-<lng>.json')
      .option('-l, --locale <lng...>', 'target locales (default: all)', [])
  ).action((options: GlobalOptions & {locale: string[]}, command: Command) =>
    execute(command, options, async (workspace, settings) => (await import('./commands/analyze.ts')).analyzeCommand(workspace, {locales: options.locale, progress: interactive(options), ...settings}))
  )
  const tm = program.command('tm').description('translation memory files: import TMX into the memory folder, export a locale\'s stored translations as TMX')
  common(
    tm
      .command('import')
      .description('check TMX files (1.4b; 1.1–1.3 read too), report problems per file and unit with line and rule id, and store the good units in the memory folder (config memory.folder); importing the same file again changes nothing')
      .argument('<files...>', 'TMX files')
  ).action((files: string[], options: GlobalOptions, command: Command) => execute(command, options, async (workspace) => (await import('./commands/tm.ts')).tmImport(workspace, {files})))
  common(
    tm
      .command('export')
      .description('write the stored translations of one locale as TMX 1.4b (codes as <bpt>/<ept>/<ph>/<it>; who made each pair and its context as props)')
      .requiredOption('-l, --locale <lng>', 'target locale')
      .option('-o, --out <file>', 'TMX file to write (default: standard output)')
  ).action((options: GlobalOptions & {locale: string; out?: string}, command: Command) => execute(command, options, async (workspace) => (await import('./commands/tm.ts')).tmExport(workspace, {locale: options.locale, out: options.out})))
  const cache = program.command('cache').description('the project\'s cache folder (config `cache`): prune what no command uses any more')
  common(
    cache
      .command('prune')
      .description('remove cache entries no command uses any more: those of documents, lint findings, report parts and outputs that the last run\'s packs and output records do not list, once written --older-than days ago; temporary files left by a killed write; folders of other babele versions. A command that needs a removed entry makes it again')
      .option('--older-than <days>', 'keep entries written fewer than this many days ago (0: remove every unused one; protects what other shards and branches sharing the folder made)', '7')
      .option('--dry-run', 'count what would be removed, remove nothing')
  ).action((options: GlobalOptions & {olderThan: string; dryRun?: boolean}, command: Command) =>
    execute(command, options, async (workspace) => (await import('./commands/cache.ts')).cachePrune(workspace, {olderThan: options.olderThan, dryRun: options.dryRun}))
  )
  scaled(
    program
      .command('report')
      .description('write reports/glossary.html (concepts, terms per locale, concordance of every occurrence with each locale\'s rendering, violations; search and filters) and reports/qa.html (findings by file and rule, coverage per locale and document); exit 1 when a finding is an error')
  ).action((options: GlobalOptions, command: Command) =>
    execute(command, options, async (workspace, settings) => (await import('./commands/report.ts')).reportCommand(workspace, {progress: interactive(options), ...settings}))
  )
  common(
    program
      .command('export')
      .description('write a CAT-tool project for one locale (OmegaT: omegat.project, source/ with XLIFF 1.2 and term marks, tm/auto/ with known translations, glossary/ with the termbase)')
      .addOption(new Option('--for <tool>', 'CAT tool').choices(['omegat']).makeOptionMandatory())
      .requiredOption('-l, --locale <lng>', 'target locale')
      .requiredOption('-o, --out <folder>', 'project folder')
  ).action((options: GlobalOptions & {for: 'omegat'; locale: string; out: string}, command: Command) =>
    execute(command, options, async (workspace) => (await import('./commands/export-project.ts')).exportProject(workspace, {tool: options.for, locale: options.locale, out: options.out}))
  )
  common(
    program
      .command('export-bundles')
      .description('export each locale bundle and its source as flat XLIFF (one unit per key) for app-string tooling')
      .requiredOption('-o, --out <folder>', 'output folder; files go to <folder>/<lng>/<doc>.xlf')
      .option('-l, --locale <lng...>', 'target locales (default: all)', [])
      .addOption(new Option('--xliff-version <version>', 'XLIFF version').choices(['2.0', '1.2']).default('2.0'))
  ).action((options: GlobalOptions & {out: string; locale: string[]; xliffVersion: '2.0' | '1.2'}, command: Command) =>
    execute(command, options, async (workspace) => (await import('./commands/export-bundles.ts')).exportBundles(workspace, {out: options.out, locales: options.locale, version: options.xliffVersion}))
  )
  common(
    program
      .command('lint')
      .description('check sources for glossary variants and near misses, accents typed as apostrophes, repeated lines splitting a sentence and links to `#` (default: every source); exit 1 on errors, or on any finding with --strict')
      .argument('[files...]', 'Markdown files, or folders of them')
      .option('--fix', 'apply the fixes marked safe, write the files and print each fix applied')
      .option('--strict', 'exit 1 on any finding, not only on errors')
  ).action((files: string[], options: GlobalOptions & {fix?: boolean; strict?: boolean}, command: Command) =>
    execute(command, options, async (workspace) => (await import('./commands/lint.ts')).lintCommand(workspace, {files, fix: options.fix, strict: options.strict}))
  )
  program
    .command('segment')
    .description('split text from stdin into sentences, one per line')
    .requiredOption('-l, --lang <language>', 'language of the text (BCP 47)')
    .option('--json', 'print a JSON array of strings')
    .addOption(new Option('-c, --config <file>', 'config file (unused by this command)').default('babele.config.json'))
    .action(async (options: {lang: string; json?: boolean}) => {
      const {segmentCommand} = await import('./commands/segment.ts')
      const sentences = segmentCommand(readFileSync(0, 'utf8'), options.lang)
      process.stdout.write(options.json ? JSON.stringify(sentences, null, 2) + '\n' : sentences.map((sentence) => sentence.replace(/\s+/g, ' ')).join('\n') + (sentences.length > 0 ? '\n' : ''))
    })
  return program
}

/** The workspace with `--xliff-version` applied over the config's `xliffVersion`. */
function withVersion(workspace: Workspace, version: '2.1' | '1.2' | undefined): Workspace {
  return version ? {...workspace, config: {...workspace.config, xliffVersion: version}} : workspace
}

/**
 * Run a project command: open the workspace (the config) and read `--jobs`,
 * `--no-cache` and `--shard`, then `report`. When `replay` (`run`, `extract`,
 * `build`), a command that would change nothing is answered from the cache
 * (`run-cache.ts`, keyed by `replay-args.ts`).
 */
async function execute(command: Command, options: GlobalOptions & RunFlags, action: (workspace: Workspace, settings: RunSettings) => Promise<CommandResult | StreamedResult>, replay = false): Promise<void> {
  // The command reads the cache's entries a kind at a time, and the packs are written once it is done (`cache.ts`).
  const {usePacks, savePacks} = await import('./cache.ts')
  usePacks()
  try {
    await executeCommand(command, options, action, replay)
  } finally {
    savePacks()
  }
}

/** {@linkcode execute}, packs aside. */
async function executeCommand(command: Command, options: GlobalOptions & RunFlags, action: (workspace: Workspace, settings: RunSettings) => Promise<CommandResult | StreamedResult>, replay: boolean): Promise<void> {
  const explicit = command.getOptionValueSource('config') === 'cli'
  if (!replay) {
    const {openWorkspace, runSettings} = await import('./workspace.ts')
    return report(command, options, () => action(openWorkspace(options.config, explicit), runSettings(options)))
  }
  const {replayOrRun} = await import('./run-cache.ts')
  const {replayRequest} = await import('./replay-args.ts')
  const open = async () => (await import('./workspace.ts')).openWorkspace(options.config, explicit)
  return report(command, options, () => replayOrRun({...replayRequest(command.name(), options), open, render: (result) => renderResult(result, options)}, action))
}

/**
 * Run a command, print its result in the chosen format and set the exit
 * code: 2 on a usage error, 1 on content errors.
 *
 * - `text`: the diagnostics on stderr (vfile-reporter's layout; errors only
 *   with `--quiet`, details with `--verbose`), the summary on stdout, and on
 *   GitHub Actions (`GITHUB_ACTIONS=true`) an annotation per diagnostic on
 *   stdout as well;
 * - `github`: the annotations and the summary on stdout;
 * - `json`: the command result, `ok` added, on stdout (every diagnostic);
 * - `sarif`: a SARIF 2.1.0 log of every diagnostic on stdout, the summary on stderr.
 */
async function report(command: Command, options: OutputOptions, action: () => Promise<CommandResult | StreamedResult | Replayed>): Promise<void> {
  const {UsageError} = await import('./run-settings.ts')
  const format = formatOf(options)
  let done: CommandResult | StreamedResult | Replayed
  try {
    if (options.json && options.format && options.format !== 'json') throw new UsageError(`--json and --format ${options.format}: choose one`)
    done = await action()
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    const {diagnostic} = await import('../diagnostic.ts')
    const messages: Diagnostic[] = error.messages.length > 0 ? error.messages : [diagnostic('usage', error.message, {source: 'cli', severity: 'error'})]
    // People read the error's message; a script gets it as a diagnostic too.
    const machine = format === 'json' || format === 'sarif'
    await emit(await render(format, {command: command.name(), ok: false, messages: machine ? messages : error.messages, summary: []}, options, `babele ${command.name()}: ${error.message}`))
    process.exitCode = 2
    return
  }
  // A result replayed by the run cache is already printed output.
  const printed = 'emit' in done ? done : await renderResult(done, options)
  if ('emit' in printed) printed.emit()
  else await emit(printed)
  if (printed.exitCode !== 0) process.exitCode = printed.exitCode
}

/** A command's result as printed in the chosen format, with its exit code (0, or 1 on content errors). */
async function renderResult(result: CommandResult | StreamedResult, options: OutputOptions): Promise<Printed> {
  const {countSeverities} = await import('../diagnostic.ts')
  const ok = result.ok ?? (Array.isArray(result.messages) ? countSeverities(result.messages).errors : result.messages.errors) === 0
  return {...(await render(formatOf(options), {...result, ok}, options)), exitCode: ok ? 0 : 1}
}

/** Write printed output: stderr, then stdout (when it comes in pieces, joined into chunks of a megabyte: `byte-chunks.ts`), to a reader that may stop early. */
async function emit(printed: Pick<Printed, 'stdout' | 'stderr'>): Promise<void> {
  const {outputWriter, untilReaderCloses} = await import('./fs.ts')
  if (printed.stderr.length > 0) untilReaderCloses(process.stderr).write(printed.stderr)
  const stdout = untilReaderCloses(process.stdout)
  if (typeof printed.stdout === 'string' || printed.stdout instanceof Uint8Array) {
    if (printed.stdout.length > 0) stdout.write(printed.stdout)
  } else if (stdout.writableLength > 0) {
    for (const chunk of (await import('./byte-chunks.ts')).byteChunks(printed.stdout)) stdout.write(chunk)
  } else {
    // Each chunk written to the output before the next fills the same buffer (`outputWriter`): nothing is waiting in its stream to go first.
    const write = outputWriter(1, () => stdout)
    for (const chunk of (await import('./byte-chunks.ts')).byteChunks(printed.stdout, {reused: true})) if (!write(chunk)) break
  }
}

/**
 * A result as printed in a format.
 *
 * @param header A line printed before a text report (a usage error's message).
 */
async function render(format: Format, result: Pick<CommandResult, 'command' | 'summary'> & {messages: Diagnostic[] | MessageList; ok: boolean}, options: OutputOptions, header?: string): Promise<Pick<Printed, 'stdout' | 'stderr'>> {
  const summary = result.summary.length > 0 ? result.summary.join('\n') + '\n' : ''
  // Printed in pieces, a batch of messages at a time: never the whole text at once.
  if (format === 'json') return {stdout: (await import('./json-pieces.ts')).jsonPieces(result), stderr: ''}
  // These reports sort or align every message: they are all unpacked.
  const messages = Array.isArray(result.messages) ? result.messages : result.messages.all()
  if (format === 'sarif') {
    const {toSarif} = await import('./sarif.ts')
    return {stdout: JSON.stringify(toSarif(messages, {version: version()}), null, 2) + '\n', stderr: (header ? header + '\n' : '') + summary}
  }
  const {formatGithub, formatText, shownDiagnostics} = await import('./format.ts')
  const shown = shownDiagnostics(messages, options)
  if (format === 'github') return {stdout: formatGithub(shown) + summary, stderr: header ? header + '\n' : ''}
  const text = formatText(shown, {color, verbose: options.verbose})
  return {
    stderr: header || text ? [header, text].filter(Boolean).join('\n') + '\n' : '',
    stdout: (process.env.GITHUB_ACTIONS === 'true' ? formatGithub(shown) : '') + summary
  }
}
