/**
 * The content-addressed cache. Takes: a folder and the code version.
 * Returns: a store of values by kind and key: `get` answers a value put
 * under the same key by the same babele, or nothing.
 *
 * Layout: `<folder>/v<schema>-<code version>/<kind>/<2 hex>/<key>`. An entry
 * is written once, atomically (temp file + rename), never changed: its key
 * is a digest of everything its value is made of (`pipeline/incremental`),
 * so a changed input is a new key, and concurrent runs (CI shards sharing
 * the folder) can only write the same bytes to the same name. The one
 * exception is the run cache's `run` entries (`run-cache.ts`): keyed by a
 * command, each is replaced by the command's latest run and trusted only
 * after the facts it lists are checked again. Values are
 * stored with `v8.serialize` (the structured clone: shared objects stay
 * shared, as a document's codes are in its tokens, units and segments).
 *
 * When in doubt it misses: an entry that cannot be read, does not
 * deserialize or does not name its own key is ignored (and written again).
 * Folders of other schemas or code versions are removed on open. Deleting
 * the folder is always safe: everything is computed again.
 */
import {join} from 'node:path'
import {deserialize, serialize} from 'node:v8'
import {exists, listFolders, readBytes, removeFolder, writeBytesAtomic} from './fs.ts'

/** Bumped whenever the shape of an entry changes. */
export const cacheSchema = 1

/** Hits, misses and writes of one kind of entry. */
export interface CacheCounts {
  hits: number
  misses: number
  writes: number
}

/** An open cache. */
export interface Cache {
  /** The folder of this schema and code version. */
  folder: string
  /** A value put under `key`, if any. */
  get<Value>(kind: string, key: string): Value | undefined
  /** Store a value (ignored when it cannot be written: a cache never fails a run). */
  put(kind: string, key: string, value: unknown): void
  /** Counts by kind, for `--json`. */
  counts: Record<string, CacheCounts>
}

interface Entry {
  key: string
  value: unknown
}

/**
 * @param folder The cache folder (absolute), such as `<project>/.babele/cache`.
 * @param version The code version (`codeVersion()`).
 */
export function openCache(folder: string, version: string): Cache {
  const name = `v${cacheSchema}-${version}`
  for (const other of listFolders(folder)) if (other !== name && /^v\d+-/.test(other)) removeFolder(join(folder, other))
  const root = join(folder, name)
  const counts: Record<string, CacheCounts> = {}
  const count = (kind: string) => (counts[kind] ??= {hits: 0, misses: 0, writes: 0})
  const pathOf = (kind: string, key: string) => {
    if (!/^[a-z][a-z-]*$/.test(kind) || !/^[0-9a-f]{16,}$/.test(key)) throw new TypeError('Cannot use `' + kind + '/' + key + '` as a cache entry, expected a kebab-case kind and a hex key')
    return join(root, kind, key.slice(0, 2), key)
  }
  return {
    folder: root,
    counts,
    get<Value>(kind: string, key: string): Value | undefined {
      const path = pathOf(kind, key)
      let entry: Entry | undefined
      try {
        if (exists(path)) entry = deserialize(readBytes(path)) as Entry
      } catch {
        entry = undefined
      }
      if (!entry || typeof entry !== 'object' || entry.key !== key) {
        count(kind).misses++
        return undefined
      }
      count(kind).hits++
      return entry.value as Value
    },
    put(kind, key, value) {
      try {
        writeBytesAtomic(pathOf(kind, key), serialize({key, value} satisfies Entry))
        count(kind).writes++
      } catch (error) {
        if (error instanceof TypeError) throw error
      }
    }
  }
}
