/**
 * The file-system edge: reads, listings, atomic writes and spools (bytes set
 * aside in a temporary file until read back). Takes: paths.
 * Returns: contents, or which files a write changed. Nothing else in babele
 * touches the disk.
 *
 * While a run is observed (`observe.ts`, the run cache), each read, listing
 * and write is reported as a fact (the digest of the bytes read, a folder's
 * entries…), and {@linkcode factNow} computes the same fact again to check
 * it later.
 */
import {closeSync, existsSync, fstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync, writevSync, type Dirent, type Stats} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {digestBytes} from '../incremental/index.ts'
import {foundSigned, noteChanged, noteFact, observing, type FactKind} from './observe.ts'
import {signatureLength, signatureOf} from './signature.ts'

/** Read a UTF-8 file as is (BOM included). */
export function readText(path: string): string {
  return readBytesObserved(path).toString('utf8')
}

/** Read a file's bytes (for files whose encoding the content declares: TMX, XLIFF given as memory). */
export function readBytes(path: string): Uint8Array {
  return readBytesObserved(path)
}

function readBytesObserved(path: string): Buffer {
  const bytes = readFileSync(path)
  if (observing(path)) noteFact('read', path, digestBytes(bytes))
  return bytes
}

/** Size of a file in bytes. */
export function sizeOf(path: string): number {
  const size = statSync(path).size
  if (observing(path)) noteFact('size', path, String(size))
  return size
}

/** Whether a path is a folder. */
export function isFolder(path: string): boolean {
  const folder = statSync(path).isDirectory()
  if (observing(path)) noteFact('folder', path, String(folder))
  return folder
}

/** Whether a path exists. */
export function exists(path: string): boolean {
  const found = existsSync(path)
  if (observing(path)) noteFact('exists', path, String(found))
  return found
}

/**
 * One `stat` of a path (symbolic links followed), for the facts
 * {@linkcode factNow} derives from it and the signature the run cache
 * trusts ({@linkcode sameSignature}).
 *
 * @param path Absolute path.
 * @returns `undefined` when nothing is there or it cannot be looked at.
 */
export function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, {throwIfNoEntry: false})
  } catch {
    return undefined
  }
}

/**
 * A fact about a path as it is now, to compare with the one observed
 * (`'missing'` for a path that is not there, or not a folder for `list`).
 * `exists`, `size` and `folder` come from `stat`; `read` and `list` look
 * at the path itself.
 *
 * @param kind What to look at (`apertium-modes` is not the file system's: see `engines/apertium.ts`).
 * @param path Absolute path.
 * @param stat The path's {@linkcode statOf}, when already made.
 */
export function factNow(kind: Exclude<FactKind, 'apertium-modes'>, path: string, stat: Stats | undefined = statOf(path)): string {
  if (kind === 'exists') return String(stat !== undefined)
  if (kind === 'size') return stat ? String(stat.size) : 'missing'
  if (kind === 'folder') return stat ? String(stat.isDirectory()) : 'missing'
  try {
    if (kind === 'read') return digestBytes(readFileSync(path))
    return listing(readdirSync(path, {withFileTypes: true}))
  } catch {
    return 'missing'
  }
}

/**
 * How long before it is looked at a file must have last changed for its
 * signature to stand for its bytes: two writes within one tick of the file
 * system's clock can leave the same signature, and the clock that stamps
 * files may lag the process's by up to a tick.
 */
export const settleMs = 1000

export {signatureLength, signatureOf} from './signature.ts'

/**
 * Whether a stat has the signature written at `at` (never one of a path
 * that is neither a file nor a folder).
 *
 * @param stat A stat, or `undefined` for nothing there.
 * @param signatures Signatures written by {@linkcode signatureOf}.
 * @param at Offset in `signatures`.
 */
export function sameSignature(stat: Stats | undefined, signatures: Float64Array, at: number): boolean {
  if (stat === undefined || stat.ctimeMs !== signatures[at + 5] || stat.mtimeMs !== signatures[at + 4] || stat.ino !== signatures[at + 3] || stat.dev !== signatures[at + 2] || stat.size !== signatures[at + 1]) return false
  return signatures[at] === 1 ? stat.isFile() : signatures[at] === 2 && stat.isDirectory()
}

/** Whether the signature at `atA` in `a` is the one at `atB` in `b` (never one of `NaN`s, which stands for none). */
export function sameSignatureAt(a: Float64Array, atA: number, b: Float64Array, atB: number): boolean {
  for (let index = 0; index < signatureLength; index++) if (a[atA + index] !== b[atB + index]) return false
  return true
}

/** Whether two recorded signatures are the same (both none included). */
export function sameSignatures(a: Float64Array | undefined, b: Float64Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  if (a.length !== b.length) return false
  // A loop, not `every`: a one-file edit compares thousands of them in code V8 leaves unoptimized (`tiering.ts`).
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false
  return true
}

/**
 * Whether a file still has a signature taken while it held bytes of a known
 * digest: then it holds them still, and is not read (observed as a read of
 * those bytes). One `stat`, none when the run already found the file with
 * that signature as it began and has not written it since
 * ({@linkcode foundSigned}: the run cache's check of its entry).
 *
 * @param path Absolute path.
 * @param signature Its signature ({@linkcode signatureOf}), taken before it was read and found to hold the bytes.
 * @param digest The digest of those bytes.
 * @param at Where the signature is in `signature` (default 0: at its start).
 */
export function holdsSigned(path: string, signature: Float64Array, digest: string, at = 0): boolean {
  if (!foundSigned(path, signature, at) && !sameSignature(statOf(path), signature, at)) return false
  if (observing(path)) noteFact('read', path, digest)
  return true
}

/**
 * Whether a file holds bytes of a known digest, read and hashed: for a file
 * without a signature that stands for them ({@linkcode holdsSigned}), such
 * as one written a moment before the last command ended.
 *
 * @param path Absolute path.
 * @param digest The digest of the bytes it should hold.
 * @param now When the command started (`Date.now()`).
 * @returns `undefined` when it does not hold them (or is not a file); else its signature, taken before it was read, when it last changed `settleMs` before `now` ({@linkcode settledSignature}).
 */
export function holdsDigest(path: string, digest: string, now: number): {signature: Float64Array | undefined} | undefined {
  const stat = statOf(path)
  if (!stat?.isFile()) return undefined
  let bytes: Uint8Array
  try {
    bytes = readFileSync(path)
  } catch {
    return undefined
  }
  if (digestBytes(bytes) !== digest) return undefined
  if (observing(path)) noteFact('read', path, digest)
  return {signature: settledSignature(stat, now)}
}

/**
 * A file's signature, when it last changed `settleMs` before `now` (a later
 * change moves it for certain; see {@linkcode signatureOf}).
 *
 * @param stat The file's stat, taken before it was read.
 * @param now When the command started (`Date.now()`).
 */
export function settledSignature(stat: Stats | undefined, now: number): Float64Array | undefined {
  if (!stat?.isFile() || stat.ctimeMs >= now - settleMs) return undefined
  const signature = new Float64Array(signatureLength)
  signatureOf(stat, signature, 0)
  return signature
}

/** A folder's entries as one value: names and whether each is a folder, a file or something else. */
function listing(entries: Dirent[]): string {
  return digestBytes(
    entries
      .map((entry) => `${entry.isDirectory() ? 'd' : entry.isFile() ? 'f' : 'o'}${entry.name}`)
      .sort()
      .join('\0')
  )
}

/**
 * List files under `folder` (recursively) whose names pass `accept`, in
 * the sub-folders `enter` lets in (default: all).
 *
 * @returns Paths relative to `folder`, with `/` separators, sorted.
 */
export function listFiles(folder: string, accept: (name: string) => boolean, enter?: (path: string) => boolean): string[] {
  if (!exists(folder)) return []
  const found: string[] = []
  // `under` is the folder's path relative to `folder` with `/` after it (`''` at the top): names are appended, never resolved.
  const walk = (directory: string, under: string) => {
    const entries = readdirSync(directory, {withFileTypes: true})
    if (observing(directory)) noteFact('list', directory, listing(entries))
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!enter || enter(under + entry.name)) walk(join(directory, entry.name), under + entry.name + '/')
      } else if (entry.isFile() && accept(entry.name)) found.push(under + entry.name)
    }
  }
  walk(folder, '')
  return found.sort()
}

/**
 * Write a file atomically (temp file + rename), and only when its content
 * changes, so re-running a command with nothing new touches no file. A file
 * of another size is not read to be compared.
 *
 * @param content Its text, or its text's UTF-8 bytes.
 * @returns Whether the file was written.
 */
export function writeAtomic(path: string, content: string | Uint8Array): boolean {
  return writeAtomicSigned(path, content, undefined).written
}

/**
 * {@linkcode writeAtomic}, and, when the file already held `content` and
 * last changed `settleMs` before `now`, its signature, taken before it was
 * read ({@linkcode settledSignature}): while the file keeps it, it holds
 * `content` (see {@linkcode holdsSigned}).
 *
 * @param path Absolute path.
 * @param content Its text, or its text's UTF-8 bytes (`extract`'s, encoded on the thread that made them).
 * @param now When the command started (`Date.now()`); `undefined`: no signature.
 */
export function writeAtomicSigned(path: string, content: string | Uint8Array, now: number | undefined): {written: boolean; signature: Float64Array | undefined} {
  // Encoded once, then compared byte for byte: decoding the file back into a string (megabytes for a report page) costs several times more.
  const bytes = typeof content === 'string' ? Buffer.from(content) : content
  // The file holds `content` afterwards, written or not: that is the fact a later run checks.
  if (observing(path)) noteFact('read', path, digestBytes(bytes))
  // In a folder this process made, a file it did not put there is not there (a cold extract writes thousands: one `stat` each saved).
  const stat = knownMissing(path) ? undefined : statSync(path, {throwIfNoEntry: false})
  if (stat?.isFile() && stat.size === bytes.length && readFileSync(path).equals(bytes)) return {written: false, signature: now === undefined ? undefined : settledSignature(stat, now)}
  const temporary = `${path}.${process.pid}.tmp`
  writeInFolder(temporary, bytes)
  renamedInto(temporary, path)
  noteChanged(path)
  return {written: true, signature: undefined}
}

/**
 * Write bytes atomically (temp file + rename) without comparing: for files
 * named by their content's key, which never change once written. A reader
 * sees the whole file or none. Bytes in pieces are written as they are
 * (one `writev`), never joined first.
 */
export function writeBytesAtomic(path: string, bytes: Uint8Array | readonly Uint8Array[]): void {
  renamedInto(writtenBeside(path, bytes), path)
}

/**
 * Write a file of the cache that replaces one there: written beside it,
 * then, the old file removed, renamed into place. Renaming over a file
 * makes ext4 write the new file's data out before the rename returns
 * (`auto_da_alloc`): about 2.7 ms for 2 MB on a quiet disk, tens of
 * milliseconds on a busy one, paid on every record and pack a one-file
 * edit rewrites. A reader in between finds no file, and one left empty or
 * cut by a crash does not read back: for the cache either is a miss. Not
 * for outputs, which a reader must always find whole.
 */
export function replaceCacheFile(path: string, bytes: Uint8Array | readonly Uint8Array[]): void {
  const temporary = writtenBeside(path, bytes)
  removeFile(path)
  renamedInto(temporary, path)
}

/** Write bytes to a temporary file beside `path`, named for this process and a random part (concurrent writers of one path never share one); returns its path. */
function writtenBeside(path: string, bytes: Uint8Array | readonly Uint8Array[]): string {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  writeInFolder(temporary, bytes)
  return temporary
}

/**
 * The folders this thread made ({@linkcode writeInFolder}; each worker
 * thread has its own), and (in {@linkcode madePaths}) what it put in them
 * since: the files it renamed into them and the folders it made there.
 * Anything else of such a folder is taken for not there (a file another
 * thread or a concurrent run put there meanwhile is written over by
 * {@linkcode writeAtomicSigned}, as one that changed would be, and a cache
 * entry is made again: the same bytes end up there). Only the cache's
 * lookups and output writes ask ({@linkcode knownMissing});
 * {@linkcode exists} always looks.
 */
const madeFolders = new Set<string>()

/**
 * A hash of each path this thread put in a folder it made
 * ({@linkcode pathHash}), not the path: a cold run puts three cache entries
 * a source there, and their paths held as names (each a slice keeping its
 * whole absolute path) were the most the main thread kept per document
 * while `extract` streamed (about 870 bytes each: 5.2 MB more for 8,000
 * files than for 2,000). Two paths sharing a hash only make a lookup look.
 */
const madePaths = new Set<number>()

/** A path's 32-bit FNV-1a hash, over its UTF-16 code units. */
function pathHash(path: string): number {
  let hash = 0x811c9dc5
  for (let at = 0; at < path.length; at++) hash = Math.imul(hash ^ path.charCodeAt(at), 0x01000193)
  return hash
}

/** Note a path put in its folder by this thread, when this thread made the folder. */
function notePut(path: string): void {
  if (madeFolders.has(dirname(path))) madePaths.add(pathHash(path))
}

/**
 * Whether a path is known not to be there without looking: in a folder
 * this thread made, and neither written nor made by it since
 * ({@linkcode madeFolders}). What another thread or process put there is
 * not known: for a cache entry such a path is a miss, and the entry is
 * made again (the same bytes). A cold run asks the cache for thousands of
 * entries before it makes them, mostly in folders it made: 6,009 of a
 * cold `extract --jobs 1` of 2,000 files' 6,020 `access` calls failed, 777
 * do now.
 */
export function knownMissing(path: string): boolean {
  return madeFolders.has(dirname(path)) && !madePaths.has(pathHash(path))
}

/** Rename a file written beside `path` into place, noting it in its folder when this thread made it ({@linkcode madeFolders}). */
function renamedInto(temporary: string, path: string): void {
  renameSync(temporary, path)
  notePut(path)
}

/** Write a file, making its folder first only when it is missing (most writes go to a folder already there), and noting the folders made ({@linkcode madeFolders}). */
function writeInFolder(path: string, data: string | Uint8Array | readonly Uint8Array[]): void {
  try {
    writeWhole(path, data)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    const folder = dirname(path)
    const first = mkdirSync(folder, {recursive: true})
    // `first` is the outermost folder made (none: all were there, another writer made them meanwhile); it and those inside it down to `folder` are new.
    if (first !== undefined) {
      const made: string[] = []
      for (let inner = folder; ; inner = dirname(inner)) {
        made.push(inner)
        if (inner === first || dirname(inner) === inner) break
      }
      for (const one of made) madeFolders.add(one)
      // Each is put in its parent: the next one made, or (`first`) a folder an earlier write made.
      for (const one of made) notePut(one)
    }
    writeWhole(path, data)
  }
}

/** Write a file's data, given whole or in pieces. */
function writeWhole(path: string, data: string | Uint8Array | readonly Uint8Array[]): void {
  if (!Array.isArray(data)) return writeFileSync(path, data as string | Uint8Array)
  const fd = openSync(path, 'w')
  try {
    const written = writevSync(fd, data as Uint8Array[])
    if (written !== data.reduce((sum: number, piece: Uint8Array) => sum + piece.length, 0)) throw new Error(`${path}: written in part`)
  } finally {
    closeSync(fd)
  }
}

/** A file kept open: its bytes stay the ones opened, whatever replaces the file meanwhile. */
export interface OpenFile {
  /** Its size in bytes. */
  size: number
  /** `length` bytes from `start` (fewer past the end). */
  read(start: number, length: number): Buffer
  /**
   * Write `length` bytes from `start` to an output (1: stdout, 2: stderr)
   * through one small buffer, never holding them all. When the output
   * cannot take more now (a full non-blocking pipe), the rest is queued on
   * `stream()`, the same output's stream.
   */
  copyTo(output: number, stream: () => NodeJS.WritableStream, start: number, length: number): void
  /** Hand `length` bytes from `start` to `use` a chunk at a time, through one small buffer reused (each chunk is valid only during its call), until `use` returns `false` or the bytes end. */
  eachChunk(start: number, length: number, use: (chunk: Buffer) => boolean | void): void
  close(): void
}

/**
 * An output stream whose reader may stop reading early (`babele run --json |
 * head`): once the pipe is closed (`EPIPE`), the rest of the output is
 * dropped, with no stack trace, and the command's exit code stands.
 *
 * @param stream `process.stdout` or `process.stderr`.
 * @returns The same stream.
 */
export function untilReaderCloses<Stream extends NodeJS.WritableStream>(stream: Stream): Stream {
  if (!closedPipeWatched.has(stream)) {
    closedPipeWatched.add(stream)
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error
    })
  }
  return stream
}

const closedPipeWatched = new WeakSet<NodeJS.WritableStream>()

/**
 * End the process once a command is done and has printed its output: now,
 * with `process.exitCode`, when nothing is left queued on stdout or stderr
 * (a full non-blocking pipe's rest); else Node ends it once they drain, as
 * ever. When the event loop empties, Node tears the process's heap down
 * before it ends (about 14 ms of a one-file edit of the 2,000-file
 * project, whose heap holds the whole project's state); an explicit exit
 * skips that. Its `exit` handlers run either way (the compiled code kept,
 * a spool's file removed); a worker thread still running is stopped (the
 * run cache's helper, unreferenced: what it signed is no longer asked for).
 */
export function exitWhenPrinted(): void {
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit()
}

/**
 * Write bytes to an output (1: stdout, 2: stderr) piece by piece, each
 * written before the call returns, so the caller may fill the same buffer
 * with the next piece (the run cache's hit copies its stored output
 * through one buffer, `--json` is printed through one: `byte-chunks.ts`).
 * When the output cannot take more now (a full non-blocking pipe,
 * `EAGAIN`), the rest of that piece and every later piece are queued on
 * `stream()`, the same output's stream, as copies, in order. Once the
 * reader is gone (`EPIPE`: `babele run --json | head`), the rest is
 * dropped, with no stack trace.
 *
 * @param output The output's file descriptor.
 * @param stream The output's stream (asked for only when something is queued on it).
 * @returns A writer of one piece: `false` once the reader is gone.
 */
export function outputWriter(output: number, stream: () => NodeJS.WritableStream): (bytes: Uint8Array) => boolean {
  let queued = false
  let closed = false
  return (bytes) => {
    if (closed) return false
    let written = 0
    while (!queued && written < bytes.length) {
      try {
        written += writeSync(output, bytes, written, bytes.length - written)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'EPIPE') {
          closed = true
          return false
        }
        if (code !== 'EAGAIN') throw error
        queued = true
      }
    }
    // The stream keeps what it cannot write yet: a copy, since the caller fills its buffer again.
    if (written < bytes.length) untilReaderCloses(stream()).write(Buffer.from(bytes.subarray(written)))
    return true
  }
}

/** The buffer {@linkcode OpenFile.copyTo} reads through. */
const copyChunk = 1 << 20

/**
 * Open a file to read it in parts (the run cache's entry: its facts, then
 * the output a hit prints as it is).
 *
 * @param path Absolute path.
 * @returns `undefined` when it cannot be opened.
 */
export function openFile(path: string): OpenFile | undefined {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return undefined
  }
  const read = (start: number, length: number) => {
    const bytes = Buffer.allocUnsafe(length)
    let done = 0
    for (let got = 1; done < length && got > 0; done += got) got = readSync(fd, bytes, done, length - done, start + done)
    return bytes.subarray(0, done)
  }
  const eachChunk = (start: number, length: number, use: (chunk: Buffer) => boolean | void) => {
    const chunk = Buffer.allocUnsafe(Math.min(copyChunk, length))
    for (let at = start, end = start + length; at < end; ) {
      const got = readSync(fd, chunk, 0, Math.min(chunk.length, end - at), at)
      if (got === 0) break
      at += got
      if (use(chunk.subarray(0, got)) === false) return
    }
  }
  return {
    size: fstatSync(fd).size,
    read,
    copyTo(output, stream, start, length) {
      const write = outputWriter(output, stream)
      // The reader is gone (`babele run --json | head`): the rest is not read.
      eachChunk(start, length, write)
    },
    eachChunk,
    close: () => closeSync(fd)
  }
}

/** The names of the folders in a folder (none when it does not exist). */
export function listFolders(folder: string): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
}

/** Remove a file (nothing when it does not exist): one `unlink`, where `rmSync` looks at the path first and loads Node's rimraf on its first call. */
export function removeFile(path: string): void {
  try {
    unlinkSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}

/** Remove a folder and everything in it (nothing when it does not exist). */
export function removeFolder(path: string): void {
  rmSync(path, {recursive: true, force: true})
}

/**
 * Bytes set aside until they are read back (`extract`'s lint findings,
 * kept until printed): in a temporary file, so they take neither memory nor
 * the time to pack them.
 */
export interface Spool {
  /**
   * @param bytes Bytes to set aside (copied: the caller may reuse its buffer).
   * @returns Where they start, for {@linkcode Spool.read}.
   */
  append(bytes: Uint8Array): number
  /**
   * @param at Where bytes appended start.
   * @param length How many.
   * @returns Those bytes, a buffer of their own.
   */
  read(at: number, length: number): Buffer
}

/** What a spool gathers before it writes, and reads at once. */
const spoolChunk = 1 << 20

/** Closes a spool's file (and removes it where it could not be removed while open) once the spool is no longer reachable. */
const spoolCleanup = new FinalizationRegistry<() => void>((cleanup) => cleanup())

/**
 * A spool in a file of its own under `folder`, made at the first bytes
 * appended. The file is removed as soon as it is open (the open descriptor
 * keeps its bytes, and the system frees them when it closes, whatever ends
 * the process); where an open file cannot be removed (Windows), it is
 * removed when the spool is collected or the process exits.
 *
 * Not observed (`observe.ts`): it is no file of the project's.
 *
 * @param folder Where the file is made (default: the system's temporary folder).
 */
export function openSpool(folder = tmpdir()): Spool {
  let fd: number | undefined
  // Bytes appended and not written yet (`pending`, up to `filled`), after the `written` ones.
  const pending = Buffer.allocUnsafe(spoolChunk)
  let filled = 0
  let written = 0
  // The last bytes read (`window`, up to `windowLength`), from `windowAt`: batches are read back in about the order they came.
  let window = Buffer.allocUnsafe(0)
  let windowAt = 0
  let windowLength = 0
  // Where the file cannot be made (a temporary folder that cannot be written), the bytes are kept in memory instead, chunk by chunk.
  let held: Buffer[] | undefined
  const open = (): number | undefined => {
    try {
      const file = openSpoolFile(folder)
      spoolCleanup.register(spool, file.close)
      return file.fd
    } catch {
      held = []
      return undefined
    }
  }
  const writeAll = (bytes: Uint8Array) => {
    if (fd === undefined && !held) fd = open()
    if (fd === undefined) held!.push(Buffer.from(bytes))
    else for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, written + done)
    written += bytes.length
  }
  const readAt = (into: Buffer, at: number): number => {
    if (fd !== undefined) return readSync(fd, into, 0, into.length, at)
    let start = 0
    for (const chunk of held ?? []) {
      if (at < start + chunk.length) return chunk.copy(into, 0, at - start)
      start += chunk.length
    }
    return 0
  }
  const flush = () => {
    if (filled === 0) return
    writeAll(pending.subarray(0, filled))
    filled = 0
  }
  const spool: Spool = {
    append(bytes) {
      const at = written + filled
      if (filled + bytes.length > pending.length) flush()
      if (bytes.length > pending.length) writeAll(bytes)
      else {
        pending.set(bytes, filled)
        filled += bytes.length
      }
      return at
    },
    read(at, length) {
      if (at < 0 || length < 0 || at + length > written + filled) throw new RangeError(`Cannot read bytes ${at} to ${at + length} of a spool of ${written + filled} bytes`)
      if (at + length > written) flush()
      if (at < windowAt || at + length > windowAt + windowLength) {
        if (window.length < length) window = Buffer.allocUnsafe(Math.max(spoolChunk, length))
        windowAt = at
        windowLength = 0
        for (let got = 1; windowLength < length && got > 0; windowLength += got) got = readAt(window.subarray(windowLength), at + windowLength)
        if (windowLength < length) throw new Error(`The spool's file ends before byte ${at + length} (a bug in babele)`)
      }
      return Buffer.from(window.subarray(at - windowAt, at - windowAt + length))
    }
  }
  return spool
}

/**
 * A spool's file, made in a folder of its own and removed at once (see
 * {@linkcode openSpool}); made apart from the spool, so that closing it
 * holds no reference to the spool (which would never be collected).
 *
 * @returns Its descriptor, and what closes it (and removes it, if it could not be removed yet).
 */
function openSpoolFile(folder: string): {fd: number; close: () => void} {
  const made = mkdtempSync(join(folder, 'babele-spool-'))
  const path = join(made, 'spool')
  const fd = openSync(path, 'w+', 0o600)
  let removed = false
  try {
    rmSync(path)
    rmSync(made, {recursive: true})
    removed = true
  } catch {
    // Removed when closed.
  }
  let closed = false
  const close = () => {
    if (closed) return
    closed = true
    closeSync(fd)
    if (!removed) rmSync(made, {recursive: true, force: true})
    process.off('exit', close)
  }
  if (!removed) process.on('exit', close)
  return {fd, close}
}
