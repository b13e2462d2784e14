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
 * A hit loads none of the pipeline (not even the config's schema), nor the
 * command line when the arguments are simple (the start reads them with
 * `replay-args.ts`, which gives the same key as commander's parse, and
 * looks the entry up before it loads the command line: `replay.ts`): the
 * config file is read as JSON for the cache folder (config `cache`, default
 * `.babele/cache`) and checked as a fact like every other file. What is
 * stored is the output as a hit prints it (text, or `--json` with
 * `cache.run: "hit"`; the output mode is part of the key), so a hit checks
 * the facts and prints.
 *
 * When in doubt it misses: a command that changed a file is not stored (its
 * result says what it wrote; the next run, with nothing left to write,
 * is; the cache's own files, such as import's record of babele's XLIFF,
 * are no output and do not count), nor one that asked an engine (its answer cannot be checked without
 * asking again), and one fact that differs, or cannot be read, is a miss.
 *
 * A hit costs one `stat` per path (a path in the working folder, which is
 * part of the key, is stored relative to it: a shorter entry, and fewer
 * folders for the kernel to walk to the same file): the facts about a path
 * (its bytes, its size, whether it exists, whether it is a folder, a
 * folder's entries) are stored together, and a file or folder that last
 * changed a second before it was looked at is stored with its stat
 * signature (size, device, inode, modification and change times; `fs.ts`):
 * while the signature is the same, so are a file's bytes and a folder's
 * entries, and nothing is read.
 * Any other path is looked at again: a file without a signature, or whose
 * signature moved (rewritten with the same bytes, touched), is read and
 * hashed, a folder listed; when all holds the hit stands, and the path is
 * signed anew (if it last changed a second before the hit began), so the
 * entry is written again and the next hit reads nothing. A file changed
 * within that second is never signed: two writes within one tick of the
 * file system's clock can leave the same size and times, so only a change
 * time in the past proves that the bytes read are the bytes of that
 * signature. The facts themselves are stored after the entry, read only
 * when a signature moved, and the printed output after them: a hit writes
 * those bytes as they are.
 *
 * On a miss, the command that runs takes each path the check found with its
 * signature as found then (`Observer.found`: `holdsSigned` does not look at
 * it again for that signature until the command writes it; a change since
 * is seen by the next command, as one made just after a look): the check
 * stops at the first fact that differs, after it found thousands of paths
 * that the command would otherwise look at again (a one-file edit of the
 * 2,000-file project: its outputs and stores, about 8,000 paths). The paths
 * after the one that stopped it, when there are a thousand or more, are
 * signed on a helper thread while the command loads (`sign-ahead.ts`), and
 * taken alike once signed: after a one-file edit of that project, the main
 * thread made about 11,000 fewer `stat`s.
 *
 * ```text
 * babele run   → wrote 12 files: not stored
 * babele run   → wrote nothing: stored, with 6,214 facts
 * babele run   → every fact holds: the stored result (`cache.run: "hit"`)
 * (save source/it/a.md unchanged)
 * babele run   → its signature moved, its bytes did not: a hit, and the entry re-signed
 * (edit source/it/a.md)
 * babele run   → the fact `read source/it/a.md` differs: a miss, the command runs
 * ```
 */
import type {Stats} from 'node:fs'
import {dirname, isAbsolute, resolve, sep} from 'node:path'
import {digest} from '../incremental/index.ts'
import type {CommandResult, StreamedResult} from './commands/pipeline.ts'
import {openCache} from './cache.ts'
import {codeVersion} from './code-version.ts'
import {factNow, readText, sameSignature, sameSignatureAt, settleMs, signatureLength, signatureOf, statOf} from './fs.ts'
import {observeRun, type FactKind} from './observe.ts'
import {processState} from './process-state.ts'
import type {SignedAhead} from './sign-ahead.ts'
import {runSettings, type RunFlags, type RunSettings} from './run-settings.ts'
import type {Workspace} from './workspace.ts'

/** A fact about a path (every kind but the Apertium installation's). */
type PathKind = Exclude<FactKind, 'apertium-modes'>

/**
 * A stored command: the paths it depended on and their signatures; the
 * facts about each path and the output it prints are stored after the
 * entry (its facts, then stderr, then stdout): a hit whose signatures all
 * hold reads neither its facts nor its output before it writes the output.
 * A few long strings and one array of numbers, not an object per path: a
 * hit reads thousands of paths, and one string is read (and collected) at
 * once where thousands cost each their own.
 */
interface RunEntry {
  /** The paths facts are about (relative to the working folder when in it, else absolute), in the order of their absolute paths, joined by `\0` (which no path holds). */
  paths: string
  /** Each path's stat signature (`signatureLength` numbers from `signatureOf`), `NaN` when it has none: it is looked at again. */
  signatures: Float64Array
  /** What each Apertium command listed (`apertium -l`), by command. */
  modes: Array<[string, string]>
  /** How many of the bytes stored after the entry are the facts (UTF-8): each path's facts, as `kind\0value` pairs joined by `\0` (`read\0<SHA-256>\0size\01234`), path after path joined by `\n` (which no fact holds). */
  factsLength: number
  /** How many of the bytes after the facts are stderr's (the rest are stdout's). */
  stderrLength: number
  exitCode: number
}

/** What a command prints, and its exit code. */
export interface Printed {
  /** Text, bytes, or pieces of text written one after the other, in chunks (`--json`: `json-pieces.ts`, `byte-chunks.ts`). */
  stdout: string | Uint8Array | Iterable<string | Uint8Array>
  stderr: string | Uint8Array
  exitCode: number
}

/** A command answered from the cache: its exit code, and `emit` writes its output (stderr, then stdout) straight from the entry. */
export interface Replayed {
  exitCode: number
  emit(): void
}

/** The cache folder when the config does not name one (the config schema's default). */
const defaultCache = '.babele/cache'

/** A command to look up: what its entry's key is made of (`replay-args.ts`). */
export interface ReplayRequest {
  /** Command name (`run`). */
  command: string
  /** The options its result depends on (`--shard`, `--xliff-version`…; not `--jobs`, which changes no output). */
  options: Record<string, unknown>
  /** `--config` as given. */
  config: string
  /** `--jobs`, `--no-cache`, `--shard`. */
  flags: RunFlags
}

/** The command to replay, or run. */
export interface ReplayOptions extends ReplayRequest {
  /** Read and validate the config (on a miss). */
  open: () => Promise<Workspace>
  /** Print a result as the command prints it. */
  render: (result: CommandResult | StreamedResult) => Promise<Printed>
}

/** Where a command's entry would be: its key, the cache folder the config names (`undefined` when the config cannot be read as JSON) and the code version. */
interface Lookup {
  key: string
  guessed: string | undefined
  version: string
}

/**
 * What a check of an entry found on disk: the paths whose stat had the
 * entry's signature, and on a miss the signatures of the paths after it
 * (`ahead`). The command that runs after a miss does not look at those
 * paths again for the same signature (`Observer.found`).
 */
interface Found {
  /** The entry's paths, as stored. */
  paths: string
  signatures: Float64Array
  /** Per path, 1 when it was found with its signature (up to where the check stopped). */
  matched: Uint8Array
  /** Each path found with its signature, by absolute path: its offset in `signatures`; made when first asked (a hit asks nothing). */
  byPath?: Map<string, number>
  /** Where the check stopped on a miss: the path whose facts did not hold. */
  stopped?: number
  /** The paths after it, signed on a helper thread as the command runs (`sign-ahead.ts`). */
  ahead?: SignedAhead
}

/**
 * The entry this process already found not holding ({@linkcode replayed}),
 * and what its check found: the command runs without checking it again.
 * Kept on the process (`process-state.ts`): the installed bin checks from
 * its start and runs the command from the command line's bundle, each with
 * a copy of this module.
 */
const checkedEntry = processState<{missed?: {key: string; found: Found} | undefined}>('run-cache', () => ({}))

/**
 * A command's stored output, before anything else is loaded (`replay.ts`):
 * nothing when it is not stored or a fact differs, with `--no-cache`, or
 * when a run flag is wrong (the command line then reports it).
 *
 * @param request Command, options, config, flags.
 */
export async function replayed(request: ReplayRequest): Promise<Replayed | undefined> {
  try {
    if (!runSettings(request.flags).cache) return undefined
  } catch {
    return undefined
  }
  const lookup = lookUp(request)
  const found = noneFound()
  const hit = await fromEntry(lookup, Date.now(), found)
  if (!hit) {
    // The paths the check did not reach, signed on a helper thread while the command loads and runs.
    if (found.stopped !== undefined) found.ahead = (await import('./sign-ahead.ts')).signAhead(found.paths, found.matched.length, found.stopped + 1)
    checkedEntry.missed = {key: lookup.key, found}
  }
  return hit
}

/**
 * @param replay Command, options, config, flags.
 * @param action The command.
 */
export async function replayOrRun(replay: ReplayOptions, action: (workspace: Workspace, settings: RunSettings) => Promise<CommandResult | StreamedResult>): Promise<CommandResult | StreamedResult | Replayed> {
  const settings = runSettings(replay.flags)
  if (!settings.cache) return action(await replay.open(), settings)
  const lookup = lookUp(replay)
  const {key, guessed, version} = lookup
  const started = Date.now()
  // What this process's check of the entry found (`replayed`), used once: a later command of the same process checks again.
  const {missed} = checkedEntry
  const checked = missed?.key === key ? missed.found : undefined
  checkedEntry.missed = undefined
  const found = checked ?? noneFound()
  // Kind, subject and value, fact after fact, pushed as they come and keyed only when stored (`entryOf`): most runs that note facts change a file before the end, and drop them.
  const facts: string[] = []
  // A command that changed a file or asked an engine is not stored: from then on its facts are dropped and none is made (a cold run hashed every file it read and wrote, and held the digests, for nothing).
  let storable = true
  const unstorable = () => {
    storable = false
    facts.length = 0
  }
  let ignored = '\0'
  // Facts about the cache's own files are not the run's; a write there (import's record of babele's XLIFF among them) is no output of the run.
  const outside = (path: string) => !(path === ignored || path.startsWith(ignored + sep))
  observeRun({
    wants: (path) => storable && outside(path),
    fact: (kind, subject, value) => void (storable && facts.push(kind, subject, value)),
    changed(path) {
      // Written since: its signature moved.
      foundPaths(found).delete(path)
      if (outside(path)) unstorable()
    },
    taint: unstorable,
    found(path, signatures, at) {
      const index = foundPaths(found).get(path)
      if (index === undefined) return false
      const {ahead} = found
      // Signed ahead once the thread's lowest signed path is at or before it (`sign-ahead.ts`: signatures are written before they are counted).
      if (ahead && index >= ahead.from * signatureLength) return Atomics.load(ahead.done, 0) * signatureLength <= index && sameSignatureAt(ahead.signatures, index, signatures, at)
      return sameSignatureAt(found.signatures, index, signatures, at)
    }
  })
  try {
    if (guessed) {
      ignored = guessed
      const hit = checked ? undefined : await fromEntry(lookup, started, found)
      if (hit) return hit
    }
    const workspace = await replay.open()
    const folder = resolve(workspace.root, workspace.config.cache)
    ignored = folder
    const result = await action(workspace, settings)
    observeRun(undefined)
    if (storable && folder === guessed) {
      const replayed = {...result, cache: {documents: {hits: 0, misses: 0}, lint: {hits: 0, misses: 0}, run: 'hit' as const}, threads: 0}
      const printed = await replay.render(replayed)
      // Text, bytes, or (`--json`) pieces of text, as the chunks of bytes stored after the entry (pieces joined into large chunks).
      const {byteChunks} = await import('./byte-chunks.ts')
      const chunks = (text: Printed['stdout']) => (typeof text === 'string' ? [Buffer.from(text)] : text instanceof Uint8Array ? [text] : [...byteChunks(text)])
      const stderr = chunks(printed.stderr)
      const stderrLength = stderr.reduce((sum, chunk) => sum + chunk.length, 0)
      const {facts: factsText, ...entry} = entryOf(facts, started)
      const factBytes = Buffer.from(factsText)
      openCache(folder, version).putWithBytes('run', key, {...entry, factsLength: factBytes.length, stderrLength, exitCode: printed.exitCode} satisfies RunEntry, [factBytes, ...stderr, ...chunks(printed.stdout)])
    }
    return {...result, cache: {documents: {hits: 0, misses: 0}, lint: {hits: 0, misses: 0}, ...result.cache, run: 'miss'}}
  } finally {
    observeRun(undefined)
  }
}

/** The entry's key, the cache folder the config names, read without validating it (a wrong guess only misses: the command reads the config again, as a fact), and the code version. */
function lookUp(request: ReplayRequest): Lookup {
  const key = digest(['run', request.command, request.options, resolve(request.config), process.cwd(), process.env.APERTIUM_DATADIR ?? null])
  let guessed: string | undefined
  try {
    const named = (JSON.parse(readText(resolve(request.config))) as {cache?: unknown}).cache
    guessed = resolve(dirname(resolve(request.config)), typeof named === 'string' ? named : defaultCache)
  } catch {
    guessed = undefined
  }
  return {key, guessed, version: codeVersion(guessed)}
}

/** Nothing found yet. */
function noneFound(): Found {
  return {paths: '', signatures: new Float64Array(0), matched: new Uint8Array(0)}
}

/** The paths found with their signatures, by absolute path (a relative one is the working folder's, as when it was stored). */
function foundPaths(found: Found): Map<string, number> {
  if (!found.byPath) {
    const byPath = new Map<string, number>()
    const here = process.cwd() + sep
    // The paths found with their signature by the check, and those signed ahead after it (known once signed).
    const ahead = found.ahead?.from ?? Infinity
    found.paths.split('\0').forEach((path, index) => {
      if (found.matched[index] === 1 || index >= ahead) byPath.set(isAbsolute(path) ? path : here + path, index * signatureLength)
    })
    found.byPath = byPath
  }
  return found.byPath
}

/**
 * The stored output of a command, when its entry is there and every fact
 * holds; files read again and found unchanged are signed, and the entry
 * written again.
 *
 * @param now When this command started.
 * @param found Filled with the paths found with their signatures (on a miss, those checked before it).
 */
async function fromEntry({key, guessed, version}: Lookup, now: number, found: Found): Promise<Replayed | undefined> {
  if (!guessed) return undefined
  const cache = openCache(guessed, version)
  const stored = cache.getWithBytes<RunEntry>('run', key)
  if (!stored) return undefined
  const {value: entry, bytes} = stored
  let resigned: number | false = false
  try {
    if (entry.factsLength + entry.stderrLength <= bytes.length) resigned = await holds(entry, () => bytes.file.read(bytes.start, entry.factsLength).toString('utf8'), now, found)
  } finally {
    if (resigned === false) bytes.file.close()
  }
  if (resigned === false) return undefined
  // The stored output checked only now (15.6 MB for the bench's 2,000 files): a miss on the facts, such as any edit, reads none of it.
  if (!bytes.whole()) {
    bytes.file.close()
    return undefined
  }
  // Files read and found unchanged are signed now: the next hit reads none of them.
  if (resigned > 0) cache.putWithBytes('run', key, entry, [bytes.file.read(bytes.start, bytes.length)])
  return {
    exitCode: entry.exitCode,
    emit() {
      try {
        const stderrAt = bytes.start + entry.factsLength
        bytes.file.copyTo(2, () => process.stderr, stderrAt, entry.stderrLength)
        bytes.file.copyTo(1, () => process.stdout, stderrAt + entry.stderrLength, bytes.length - entry.factsLength - entry.stderrLength)
      } finally {
        bytes.file.close()
      }
    }
  }
}

/**
 * Whether every fact of an entry still holds, looking at each path once:
 * a path whose signature is the same holds without being read; any other
 * is looked at again, fact by fact (a file read and hashed), and signed
 * when it holds and last changed `settleMs` before `now`. A relative path
 * is the working folder's (the key's), as when it was stored.
 *
 * @param entry The stored command (its signatures are updated in place).
 * @param readFacts Its facts, read when a path's signature moved.
 * @param now When this command started.
 * @param found Filled with each path (absolute) found with its signature, up to a miss.
 * @returns `false` on a miss, else how many paths were signed anew.
 */
async function holds(entry: RunEntry, readFacts: () => string, now: number, found: Found): Promise<number | false> {
  const {paths, signatures} = entry
  const count = signatures.length / signatureLength
  if (!Number.isInteger(count) || (count === 0 && (paths !== '' || entry.factsLength !== 0))) return false
  Object.assign(found, {paths, signatures, matched: new Uint8Array(count)})
  let facts: string[] | undefined
  let resigned = 0
  // Each path is read in place; the facts are read and split only when a signature moved.
  for (let index = 0, pathAt = 0; index < count; index++) {
    const last = index === count - 1
    let pathEnd = paths.indexOf('\0', pathAt)
    if (last !== (pathEnd === -1)) return false
    if (last) pathEnd = paths.length
    const path = paths.slice(pathAt, pathEnd)
    const at = index * signatureLength
    const stat = statOf(path)
    if (sameSignature(stat, signatures, at)) found.matched[index] = 1
    else {
      facts ??= readFacts().split('\n')
      if (facts.length !== count) return false
      const pairs = facts[index]!.split('\0')
      for (let pair = 0; pair < pairs.length; pair += 2) {
        if (factNow(pairs[pair] as PathKind, path, stat) !== pairs[pair + 1]) {
          found.stopped = index
          return false
        }
      }
      if (stat && signable(pairs, stat) && stat.ctimeMs < now - settleMs) {
        signatureOf(stat, signatures, at)
        resigned++
      }
    }
    pathAt = pathEnd + 1
  }
  if (entry.modes.length > 0) {
    const {apertiumModesNow} = await import('./engines/apertium-modes.ts')
    if (!entry.modes.every(([command, listed]) => apertiumModesNow(command) === listed)) return false
  }
  return resigned
}

/**
 * Whether a stat stands for every fact about its path, each found holding
 * with that stat: a file's bytes, size, existence and not being a folder;
 * a folder's entries (its change time moves when one is added, removed or
 * renamed), existence and being a folder.
 */
function signable(pairs: string[], stat: Stats): boolean {
  const kinds = stat.isFile() ? fileKinds : stat.isDirectory() ? folderKinds : undefined
  if (!kinds) return false
  for (let pair = 0; pair < pairs.length; pair += 2) if (!kinds.has(pairs[pair]!)) return false
  return true
}

/** The facts a file's signature stands for. */
const fileKinds = new Set(['read', 'size', 'exists', 'folder'])

/** The facts a folder's signature stands for. */
const folderKinds = new Set(['list', 'exists', 'folder'])

/**
 * The facts observed as an entry: grouped by path, each file signed when
 * every fact about it holds with its stat now and it last changed at least
 * `settleMs` before the command started (a file changed while the command
 * ran may hold other bytes than the ones it read, so it is read again); a
 * path in the working folder stored relative to it. A fact noted again
 * has its later value, in the place of the first.
 *
 * @param observed Kind, subject and value of each fact, one after the other.
 */
function entryOf(observed: readonly string[], started: number): Pick<RunEntry, 'paths' | 'signatures' | 'modes'> & {facts: string} {
  const latest = new Map<string, [FactKind, string, string]>()
  for (let at = 0; at < observed.length; at += 3) latest.set(observed[at] + '\0' + observed[at + 1], [observed[at] as FactKind, observed[at + 1]!, observed[at + 2]!])
  const byPath = new Map<string, string[]>()
  const modes: Array<[string, string]> = []
  for (const [kind, subject, value] of latest.values()) {
    if (kind === 'apertium-modes') modes.push([subject, value])
    else byPath.set(subject, [...(byPath.get(subject) ?? []), kind, value])
  }
  const paths = [...byPath.keys()].sort()
  const signatures = new Float64Array(paths.length * signatureLength).fill(Number.NaN)
  const facts = paths.map((path, index) => {
    const pairs = byPath.get(path)!
    const stat = statOf(path)
    let holding = stat !== undefined && signable(pairs, stat) && stat.ctimeMs < started - settleMs
    for (let pair = 0; holding && pair < pairs.length; pair += 2) if (pairs[pair] !== 'read' && pairs[pair] !== 'list' && factNow(pairs[pair] as PathKind, path, stat) !== pairs[pair + 1]) holding = false
    if (holding) signatureOf(stat!, signatures, index * signatureLength)
    return pairs.join('\0')
  })
  const here = process.cwd() + sep
  return {paths: paths.map((path) => (path.startsWith(here) ? path.slice(here.length) : path)).join('\0'), facts: facts.join('\n'), signatures, modes}
}
