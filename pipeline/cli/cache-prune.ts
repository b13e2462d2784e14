/**
 * What a project's cache holds that no command uses any more, removed
 * (`babele cache prune`). Takes: the cache folder, this babele's code
 * version, an age and whether to remove or only count. Returns: what was
 * removed (or would be) and what was kept, in entries and bytes.
 *
 * Entries are named by their content's key and never changed, so the cache
 * only grows: each edit of a source adds its document, lint findings,
 * built file and report parts under new keys (6 entries, about 113 KB an
 * edit of the 2,000-file bench project), and a CI cache saved on every commit carries every old
 * one along. Which entries are in use is known for two sorts of kind:
 *
 * - a packed kind (documents, lint findings, the report pages' parts): its
 *   pack lists the entries the last command that used the kind used;
 * - built files (`build`): the output record lists the entries that made
 *   the files on disk.
 *
 * An entry of such a kind that neither lists, and that was written longer
 * than `olderThanMs` ago, is removed: a command that still needs it (a
 * shard whose run did not write the pack last, a branch built from an
 * older commit) misses, and makes it again. The other kinds (the run
 * cache's entries, the combined pages, each replaced in place) and any kind
 * whose pack or record is missing or does not read back are kept whole.
 * Temporary files a write left (a process killed between writing and
 * renaming) are removed once an hour old, and the folders of other code
 * versions always (as a cache opened by this babele removes them).
 * Removing never makes an answer wrong, only a later command slower.
 *
 * ```ts
 * const result = pruneCache('/site/.babele/cache', {version: codeVersion(), olderThanMs: 7 * 24 * 3600_000, now: Date.now(), dryRun: false})
 * result.removed // {entries, bytes, temporary, versions}; result.kept // {entries, bytes}; result.whole // ['run', …]
 * ```
 */
import {join} from 'node:path'
import {outputKinds} from '../project/index.ts'
import {otherVersions, packedKeys, versionFolder} from './cache.ts'
import {listFiles, listFolders, removeFile, removeFolder, statOf} from './fs.ts'
import {recordedKeys} from './output-record.ts'

/** How to prune. */
export interface PruneOptions {
  /** This babele's code version (`codeVersion()`): its folder is pruned, the others removed. */
  version: string
  /** An entry in no list is removed only when it was written at least this long ago (milliseconds). */
  olderThanMs: number
  /** The time the command started (`Date.now()`). */
  now: number
  /** Count only: remove nothing. */
  dryRun: boolean
}

/** Entries and their bytes. */
export interface EntryCount {
  entries: number
  bytes: number
}

/** What {@linkcode pruneCache} removed (or, `dryRun`, would remove) and kept. */
export interface PruneResult {
  /** Entries in no list and old enough; temporary files an hour old; folders of other code versions (their bytes counted in `bytes`). */
  removed: EntryCount & {temporary: number; versions: number}
  kept: EntryCount
  /** The kinds kept whole: their entries in use are not known (replaced in place, or no pack or record that reads back). */
  whole: string[]
}

/** A temporary file is a leftover once this old: a write renames it within milliseconds. */
const temporaryAgeMs = 60 * 60 * 1000

/**
 * @param folder The cache folder (the config's `cache`).
 * @param options The code version, the age, the time, and whether to remove.
 * @returns What was removed and kept.
 */
export function pruneCache(folder: string, options: PruneOptions): PruneResult {
  const result: PruneResult = {removed: {entries: 0, bytes: 0, temporary: 0, versions: 0}, kept: {entries: 0, bytes: 0}, whole: []}
  for (const other of otherVersions(folder, options.version)) {
    const path = join(folder, other)
    result.removed.versions++
    result.removed.bytes += bytesUnder(path)
    if (!options.dryRun) removeFolder(path)
  }
  const root = versionFolder(folder, options.version)
  for (const kind of listFolders(root)) {
    const inUse = kind === outputKinds.build ? recordedKeys(root, kind) : packedKeys(root, kind)
    if (!inUse) result.whole.push(kind)
    for (const name of listFiles(join(root, kind), () => true)) {
      const path = join(root, kind, name)
      const stat = statOf(path)
      if (!stat?.isFile()) continue
      const age = options.now - stat.mtimeMs
      const key = name.slice(name.lastIndexOf('/') + 1)
      const temporary = key.endsWith('.tmp')
      if (temporary ? age < temporaryAgeMs : !inUse || inUse.has(key) || age < options.olderThanMs) {
        result.kept.entries++
        result.kept.bytes += stat.size
        continue
      }
      if (temporary) result.removed.temporary++
      else result.removed.entries++
      result.removed.bytes += stat.size
      if (!options.dryRun) removeFile(path)
    }
  }
  return result
}

/** The bytes of the files under a folder. */
function bytesUnder(folder: string): number {
  let bytes = 0
  for (const name of listFiles(folder, () => true)) bytes += statOf(join(folder, name))?.size ?? 0
  return bytes
}
