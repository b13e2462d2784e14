/**
 * Replay a command that would change nothing. Takes: the command's name and
 * the options its result depends on, how to open the workspace, and the
 * command itself. Returns: the command's result, computed, or read from the
 * cache when every fact the same command last depended on still holds.
 *
 * While the command runs, every file it reads, every folder it lists, every
 * file it writes (each as the bytes it holds afterwards) and what Apertium
 * has installed are observed as facts (`observe.ts`; the cache's own
 * entries are not facts: they are keyed by their content). When the command
 * changed no file and asked no engine, its result is stored with its facts
 * under a key of the command, its options, the project and the working
 * folder (entry kind `run`; babele's own code is in the cache folder's
 * name). The next time, if each fact holds (the same bytes in each file
 * read or written, the same entries in each folder listed), the stored
 * result is the result: the command would read the same inputs with the
 * same code and write what is already there.
 *
 * A hit loads none of the pipeline (not even the config's schema): the
 * config file is read as JSON for the cache folder (config `cache`, default
 * `.babele/cache`) and checked as a fact like every other file. What is
 * stored is the output as a hit prints it (text, or `--json` with
 * `cache.run: "hit"`; the output mode is part of the key), so a hit checks
 * the facts and prints.
 *
 * When in doubt it misses: a command that changed a file is not stored (its
 * result says what it wrote; the next run, with nothing left to write,
 * is), nor one that asked an engine (its answer cannot be checked without
 * asking again), and one fact that differs, or cannot be read, is a miss.
 *
 * ```text
 * babele run   → wrote 12 files: not stored
 * babele run   → wrote nothing: stored, with 6,214 facts
 * babele run   → every fact holds: the stored result (`cache.run: "hit"`)
 * (edit source/it/a.md)
 * babele run   → the fact `read source/it/a.md` differs: a miss, the command runs
 * ```
 */
import {dirname, resolve, sep} from 'node:path'
import {digest} from '../incremental/index.ts'
import type {CommandResult} from './commands/pipeline.ts'
import {openCache} from './cache.ts'
import {codeVersion} from './code-version.ts'
import {apertiumModesNow} from './engines/apertium-modes.ts'
import {factNow, readText, statSignature} from './fs.ts'
import {observeRun, type FactKind} from './observe.ts'
import {runSettings, type RunFlags, type RunSettings} from './run-settings.ts'
import type {Workspace} from './workspace.ts'

/**
 * A stored command: the facts it depended on, one per line
 * (`kind\0subject\0value\0signature`; for a file read, when it was last
 * changed well before the entry was written, its stat signature), and its
 * output as printed on a hit.
 */
interface RunEntry {
  facts: string
  /** The output as UTF-8 bytes (read back as one copy, never decoded). */
  stdout: Uint8Array
  stderr: Uint8Array
  exitCode: number
}

/** What a command prints, and its exit code. */
export interface Printed {
  stdout: string | Uint8Array
  stderr: string | Uint8Array
  exitCode: number
}

/** A file changed less than this before the command started is read again to be checked: a change within the clock's tick could leave the same signature. */
const settleMs = 1000

/** The cache folder when the config does not name one (the config schema's default). */
const defaultCache = '.babele/cache'

/** The command to replay. */
export interface ReplayOptions {
  /** Command name (`run`). */
  command: string
  /** The options its result depends on (`--shard`, `--xliff-version`…; not `--jobs`, which changes no output). */
  options: Record<string, unknown>
  /** `--config` as given. */
  config: string
  /** `--jobs`, `--no-cache`, `--shard`. */
  flags: RunFlags
  /** Read and validate the config (on a miss). */
  open: () => Promise<Workspace>
  /** Print a result as the command prints it. */
  render: (result: CommandResult) => Promise<Printed>
}

/**
 * @param replay Command, options, config, flags.
 * @param action The command.
 */
export async function replayOrRun(replay: ReplayOptions, action: (workspace: Workspace, settings: RunSettings) => Promise<CommandResult>): Promise<CommandResult | Printed> {
  const settings = runSettings(replay.flags)
  if (!settings.cache) return action(await replay.open(), settings)
  const version = codeVersion()
  const started = Date.now()
  const facts = new Map<string, [FactKind, string, string]>()
  let changed = 0
  let taint: string | undefined
  let ignored = '\0'
  observeRun({
    wants: (path) => !(path === ignored || path.startsWith(ignored + sep)),
    fact: (kind, subject, value) => void facts.set(kind + '\0' + subject, [kind, subject, value]),
    changed: () => void changed++,
    taint: (reason) => void (taint ??= reason)
  })
  try {
    const root = dirname(resolve(replay.config))
    const key = digest(['run', replay.command, replay.options, resolve(replay.config), process.cwd(), process.env.APERTIUM_DATADIR ?? null])
    // The folder the config names, read without validating it: a wrong guess only misses.
    let guessed: string | undefined
    try {
      const named = (JSON.parse(readText(resolve(replay.config))) as {cache?: unknown}).cache
      guessed = resolve(root, typeof named === 'string' ? named : defaultCache)
    } catch {
      guessed = undefined
    }
    if (guessed) {
      ignored = guessed
      const stored = openCache(guessed, version).get<RunEntry>('run', key)
      if (stored && stored.facts.split('\n').every((line) => holds(line.split('\0')))) {
        observeRun(undefined)
        return {stdout: stored.stdout, stderr: stored.stderr, exitCode: stored.exitCode}
      }
    }
    const workspace = await replay.open()
    const folder = resolve(workspace.root, workspace.config.cache)
    ignored = folder
    const result = await action(workspace, settings)
    observeRun(undefined)
    if (changed === 0 && taint === undefined && folder === guessed) {
      const replayed = {...result, cache: {documents: {hits: 0, misses: 0}, lint: {hits: 0, misses: 0}, run: 'hit' as const}, threads: 0}
      const printed = await replay.render(replayed)
      const bytes = (text: string | Uint8Array) => (typeof text === 'string' ? Buffer.from(text) : text)
      openCache(folder, version).put('run', key, {facts: signed([...facts.values()], started), stdout: bytes(printed.stdout), stderr: bytes(printed.stderr), exitCode: printed.exitCode} satisfies RunEntry)
    }
    return {...result, cache: {documents: {hits: 0, misses: 0}, lint: {hits: 0, misses: 0}, ...result.cache, run: 'miss'}}
  } finally {
    observeRun(undefined)
  }
}

/**
 * Whether a fact still holds. A file whose stat signature is recorded and
 * unchanged holds without being read (its change time moves on any write);
 * any other is read and hashed again.
 */
function holds([kind, subject, value, signature]: string[]): boolean {
  if (kind === 'apertium-modes') return apertiumModesNow(subject!) === value
  if (signature && statSignature(subject!)?.signature === signature) return true
  return factNow(kind as Exclude<FactKind, 'apertium-modes'>, subject!) === value
}

/**
 * The facts as lines, each file read with its stat signature when it last
 * changed at least `settleMs` before the command started: a file changed
 * while the command ran may hold other bytes than the ones it read, so it is
 * always read again.
 */
function signed(facts: Array<[FactKind, string, string]>, started: number): string {
  const signatures = facts.map(([kind, subject]) => (kind === 'read' ? statSignature(subject) : undefined))
  const settled = started - settleMs
  return facts
    .map((fact, index) => {
      const found = signatures[index]
      return [...fact, found && found.changed < settled ? found.signature : ''].join('\0')
    })
    .join('\n')
}
