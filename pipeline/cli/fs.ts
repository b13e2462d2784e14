/**
 * The file-system edge: reads, listings and atomic writes. Takes: paths.
 * Returns: contents, or which files a write changed. Nothing else in babele
 * touches the disk.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {dirname, join, relative, sep} from 'node:path'

/** Read a UTF-8 file as is (BOM included). */
export function readText(path: string): string {
  return readFileSync(path, 'utf8')
}

/** Read a file's bytes (for files whose encoding the content declares: TMX, XLIFF given as memory). */
export function readBytes(path: string): Uint8Array {
  return readFileSync(path)
}

/** Size of a file in bytes. */
export function sizeOf(path: string): number {
  return statSync(path).size
}

/** Whether a path is a folder. */
export function isFolder(path: string): boolean {
  return statSync(path).isDirectory()
}

/** Whether a path exists. */
export function exists(path: string): boolean {
  return existsSync(path)
}

/**
 * List files under `folder` (recursively) whose names pass `accept`, in
 * the sub-folders `enter` lets in (default: all).
 *
 * @returns Paths relative to `folder`, with `/` separators, sorted.
 */
export function listFiles(folder: string, accept: (name: string) => boolean, enter?: (path: string) => boolean): string[] {
  if (!existsSync(folder)) return []
  const found: string[] = []
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, {withFileTypes: true})) {
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
 * changes, so re-running a command with nothing new touches no file.
 *
 * @returns Whether the file was written.
 */
export function writeAtomic(path: string, content: string): boolean {
  if (existsSync(path) && statSync(path).isFile() && readFileSync(path, 'utf8') === content) return false
  mkdirSync(dirname(path), {recursive: true})
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, content)
  renameSync(temporary, path)
  return true
}

/**
 * Write bytes atomically (temp file + rename) without comparing: for files
 * named by their content's key, which never change once written. A reader
 * sees the whole file or none.
 */
export function writeBytesAtomic(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), {recursive: true})
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  writeFileSync(temporary, bytes)
  renameSync(temporary, path)
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
