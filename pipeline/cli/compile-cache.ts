/**
 * The bundled CLI compiled once rather than at every start. Takes: a
 * CommonJS file (the bundle's `main.cjs`), the folder of compiled code to
 * keep (`compileCacheFolder`) and a name for the kind of start (the
 * command: a run and a `--help` compile different functions). Does: runs
 * the file from V8's code cache of it when the folder holds one for these
 * exact bytes, and when it held none (or V8 turned it down), writes one
 * as the process exits, holding every function the run compiled.
 *
 * Node 20 keeps no compiled code of ES modules (`module.enableCompileCache`
 * came with Node 22), so each start parsed and compiled the bundle's
 * chunks again: about a tenth of the CPU of a one-file edit's `run` on a
 * 2,000-file project. A CommonJS file run as a `vm.Script` can be given
 * V8's cached data (`cachedData`, `createCachedData`).
 *
 * Never wrong: a cache file is named after a SHA-256 digest of the code's
 * bytes (or of the code version, when the start computed it already: it
 * stands for the bytes of every file of the bundle), Node's version and
 * the architecture (V8 checks only the code's length, its own version and
 * its flags); V8 turns down data made under
 * other flags (the caller sets the flags the process started with again
 * before the data is made: `restoreFlags`), and the code is then compiled
 * as without a cache. V8 does not check that the data's own bytes are
 * whole (a flipped byte can crash the process as it reads them), so each
 * file starts with the CRC-32 of the data after it (made to catch damaged
 * bytes, and a tenth of the time of a SHA-256 of the 1.9 MB a `run` keeps),
 * and data that does not match is not given to V8. Files are written whole
 * (a temporary file renamed), and a folder another user could write in is
 * not used at all.
 *
 * The folder does not grow with every version: a start that writes its
 * data removes the data of the same file and kind made of other bytes
 * (another version or build of babele) but the newest one (two versions
 * used in turn keep theirs), and temporary files a start that stopped
 * while writing left over an hour ago. The folder had grown to 160 MB in
 * a few days of builds on this machine.
 *
 * ```ts
 * runCompiled({file: '/…/bundle/cli/main.cjs', folder: compileCacheFolder(process.env), kind: 'run', restoreFlags})
 * ```
 */
import {createHash} from 'node:crypto'
import {mkdirSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {basename, dirname, join} from 'node:path'
import {Script} from 'node:vm'
import {crc32} from 'node:zlib'
import {listFiles, readBytes, removeFile, statOf, writeBytesAtomic} from './fs.ts'

/** The environment variable naming the folder (`off`: keep no compiled code). */
export const compileCacheVariable = 'BABELE_COMPILE_CACHE'

/**
 * @param env The process's environment.
 * @returns The folder named by `BABELE_COMPILE_CACHE`, none when it is `off`, else `babele-compile-cache-<user id>` in the OS's temporary folder.
 */
export function compileCacheFolder(env: NodeJS.ProcessEnv): string | undefined {
  const named = env[compileCacheVariable]
  if (named === 'off') return undefined
  if (named) return named
  return join(tmpdir(), `babele-compile-cache-${process.getuid?.() ?? 'user'}`)
}

/** What {@linkcode runCompiled} runs. */
export interface CompiledRun {
  /** The CommonJS file to run (it finds what it requires relative to itself). */
  file: string
  /** The folder of compiled code (`compileCacheFolder`); none: compiled at every start. */
  folder: string | undefined
  /** The kind of start (a command's name), so that each kind keeps the functions it compiles. */
  kind: string
  /** Sets V8's flags back to those the process started with: called before the cached data is made. */
  restoreFlags: () => void
  /** A run this long (milliseconds) writes its compiled code though it started from some ({@linkcode longRunMs} by default). */
  longRunMs?: number
  /** A digest of the code that stands for the file's bytes (the code version, which covers every file of the bundle: `code-version.ts`), when the caller knows one: the file is then not hashed to name its compiled code. */
  codeVersion?: string | undefined
}

/**
 * A run that takes this long writes its compiled code again as it exits,
 * though it started from cached code: it compiled what the start that
 * wrote the cache did not (a cold extract on one thread parses every
 * source, one on worker threads none on its own; a one-file edit parses
 * one), and making the data costs it well under a hundredth of its time.
 * A shorter run keeps the data it found.
 */
export const longRunMs = 2000

/** How a start went, for tests. */
export interface CompiledStart {
  /** The cache file (none: no folder, or one that is not safe to use). */
  path: string | undefined
  /** Whether cached data was read and V8 took it. */
  used: boolean
}

/**
 * Run the file as Node runs a CommonJS module, from cached compiled code
 * when there is some for it (see the module's comment).
 *
 * @param run The file, the folder, the kind of start.
 * @returns Where the cached code is kept and whether it was used.
 */
export function runCompiled(run: CompiledRun): CompiledStart {
  const code = readBytes(run.file)
  const source = Buffer.from(code.buffer, code.byteOffset, code.byteLength).toString('utf8')
  const path = run.folder !== undefined && safeFolder(run.folder) ? join(run.folder, cacheName(run.file, run.kind, run.codeVersion ?? code)) : undefined
  const cachedData = path === undefined ? undefined : cachedDataOf(path)
  const script = new Script(wrapped(source), {filename: run.file, ...(cachedData ? {cachedData} : {})})
  const used = cachedData !== undefined && !script.cachedDataRejected
  // The clock in milliseconds: `performance.now()` would load Node's perf_hooks (a few ms of every start) for a measure in seconds.
  const started = Date.now()
  if (path !== undefined) {
    process.once('exit', () => {
      if (!used || Date.now() - started >= (run.longRunMs ?? longRunMs)) keep(path, run, script)
    })
  }
  const module = {exports: {}, filename: run.file, id: '.', loaded: false}
  const main = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void
  main.call(module.exports, module.exports, createRequire(run.file), module, run.file, dirname(run.file))
  return {path, used}
}

/** Node's CommonJS wrapper around a module's code (`require('node:module').wrap`, spelled out: its arguments are what {@linkcode runCompiled} passes). */
function wrapped(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`
}

/** Hex digits of the digest that ends a cache file's name. */
const keyLength = 32

/** `<file's name>-<kind>-<32 hex digits of the digest of Node's version, the architecture and the code's bytes>` (the bytes hashed as read: a string would be encoded again first), or of the code version given for them (2.6 MB of main.cjs not hashed). */
function cacheName(file: string, kind: string, code: Uint8Array | string): string {
  const key = createHash('sha256').update(`${process.version}\0${process.arch}\0`).update(typeof code === 'string' ? `code version\0${code}` : code).digest('hex').slice(0, keyLength)
  return `${basename(file)}-${kind.replace(/[^\w-]/g, '_')}-${key}`
}

/** Whether the folder is there (made when it is not) and only this user can write in it. */
function safeFolder(folder: string): boolean {
  try {
    mkdirSync(folder, {recursive: true, mode: 0o700})
  } catch {
    return false
  }
  const stat = statOf(folder)
  if (!stat?.isDirectory()) return false
  const user = process.getuid?.()
  return user === undefined || (stat.uid === user && (stat.mode & 0o022) === 0)
}

/** Bytes of the CRC-32 (big-endian) that heads a cache file. */
const crcLength = 4

/** The data of a cache file whose CRC-32 matches it; none when there is no such file. */
function cachedDataOf(path: string): Buffer | undefined {
  let bytes: Buffer
  try {
    const read = readBytes(path)
    bytes = Buffer.from(read.buffer, read.byteOffset, read.byteLength)
  } catch {
    return undefined
  }
  const data = bytes.subarray(crcLength)
  return bytes.length > crcLength && crc32(data) === bytes.readUInt32BE(0) ? data : undefined
}

/** The CRC-32 of the data, as it heads a cache file. */
function crcOf(data: Uint8Array): Buffer {
  const crc = Buffer.alloc(crcLength)
  crc.writeUInt32BE(crc32(data))
  return crc
}

/** Write the script's cached data whole under the flags the process started with (a file that cannot be written is left: the next start compiles), and prune the folder. */
function keep(path: string, run: CompiledRun, script: Script): void {
  try {
    run.restoreFlags()
    const data = script.createCachedData()
    writeBytesAtomic(path, [crcOf(data), data])
    prune(path)
  } catch {
    // Not kept (or not pruned): the next start compiles the code again (or prunes).
  }
}

/** Other cache files of one file and kind kept beside the one just written: the newest. */
const othersKept = 1

/** A temporary file `writeBytesAtomic` writes a cache file's data to: `<name>.<pid>.<random>.tmp`. */
const abandoned = new RegExp(`-[0-9a-f]{${keyLength}}\\.\\d+\\.[0-9a-z]+\\.tmp$`)

/** How old a temporary file left by a start that stopped while writing must be to be removed (one being written is never that old). */
const abandonedMs = 60 * 60 * 1000

/**
 * Remove the cache files of the same file and kind as `path` but for other
 * bytes, all but the newest {@linkcode othersKept}, and temporary files
 * (`writeBytesAtomic`'s, `<name>.<pid>.<random>.tmp`) over an hour old.
 * Files of other kinds, and anything not named as babele names them, stay.
 */
function prune(path: string): void {
  const folder = dirname(path)
  const name = basename(path)
  const sameKind = name.slice(0, -keyLength)
  const now = Date.now()
  const others: Array<{file: string; time: number}> = []
  for (const file of listFiles(folder, (entry) => entry !== name, () => false)) {
    const time = statOf(join(folder, file))?.mtimeMs
    if (time === undefined) continue
    if (file.startsWith(sameKind) && /^[0-9a-f]+$/.test(file.slice(sameKind.length)) && file.length === name.length) others.push({file, time})
    else if (abandoned.test(file) && now - time > abandonedMs) removeFile(join(folder, file))
  }
  others.sort((a, b) => b.time - a.time)
  for (const {file} of others.slice(othersKept)) removeFile(join(folder, file))
}
