/**
 * The file-system edge: reads, listings and atomic writes. Takes: paths.
 * Returns: contents, or which files a write changed. Nothing else in babele
 * touches the disk.
 *
 * While a run is observed (`observe.ts`, the run cache), each read, listing
 * and write is reported as a fact (the digest of the bytes read, a folder's
 * entries…), and {@linkcode factNow} computes the same fact again to check
 * it later.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Dirent} from 'node:fs'
import {dirname, join, relative, sep} from 'node:path'
import {digestBytes} from '../incremental/index.ts'
import {noteChanged, noteFact, observing, type FactKind} from './observe.ts'

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
 * A fact about a path as it is now, to compare with the one observed
 * (`'missing'` for a path that is not there, or not a folder for `list`).
 *
 * @param kind What to look at (`apertium-modes` is not the file system's: see `engines/apertium.ts`).
 * @param path Absolute path.
 */
export function factNow(kind: Exclude<FactKind, 'apertium-modes'>, path: string): string {
  try {
    if (kind === 'exists') return String(existsSync(path))
    if (kind === 'read') return digestBytes(readFileSync(path))
    if (kind === 'size') return String(statSync(path).size)
    if (kind === 'folder') return String(statSync(path).isDirectory())
    return listing(readdirSync(path, {withFileTypes: true}))
  } catch {
    return 'missing'
  }
}

/**
 * A file's identity on disk without reading it: size, inode, modification
 * and change times (to the microsecond; the change time moves on every
 * write and cannot be set back), and the change time in milliseconds.
 *
 * @param path Absolute path.
 * @returns `undefined` when the path is not a file.
 */
export function statSignature(path: string): {signature: string; changed: number} | undefined {
  try {
    const stat = statSync(path, {throwIfNoEntry: false})
    if (!stat?.isFile()) return undefined
    return {signature: `${stat.size}:${stat.ino}:${stat.mtimeMs}:${stat.ctimeMs}`, changed: stat.ctimeMs}
  } catch {
    return undefined
  }
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
  const walk = (directory: string) => {
    const entries = readdirSync(directory, {withFileTypes: true})
    if (observing(directory)) noteFact('list', directory, listing(entries))
    for (const entry of entries) {
      const full = join(directory, entry.name)
      if (entry.isDirectory()) {
        if (!enter || enter(relative(folder, full).split(sep).join('/'))) walk(full)
      } else if (entry.isFile() && accept(entry.name)) found.push(relative(folder, full).split(sep).join('/'))
    }
  }
  walk(folder)
  return found.sort()
}

/**
 * Write a file atomically (temp file + rename), and only when its content
 * changes, so re-running a command with nothing new touches no file. A file
 * of another size is not read to be compared.
 *
 * @returns Whether the file was written.
 */
export function writeAtomic(path: string, content: string): boolean {
  // The file holds `content` afterwards, written or not: that is the fact a later run checks.
  if (observing(path)) noteFact('read', path, digestBytes(content))
  const stat = statSync(path, {throwIfNoEntry: false})
  if (stat?.isFile() && stat.size === Buffer.byteLength(content) && readFileSync(path, 'utf8') === content) return false
  const temporary = `${path}.${process.pid}.tmp`
  writeInFolder(temporary, content)
  renameSync(temporary, path)
  noteChanged(path)
  return true
}

/**
 * Write bytes atomically (temp file + rename) without comparing: for files
 * named by their content's key, which never change once written. A reader
 * sees the whole file or none.
 */
export function writeBytesAtomic(path: string, bytes: Uint8Array): void {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  writeInFolder(temporary, bytes)
  renameSync(temporary, path)
}

/** Write a file, making its folder first only when it is missing (most writes go to a folder already there). */
function writeInFolder(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    mkdirSync(dirname(path), {recursive: true})
    writeFileSync(path, data)
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

/** Remove a folder and everything in it (nothing when it does not exist). */
export function removeFolder(path: string): void {
  rmSync(path, {recursive: true, force: true})
}
