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
import {exists, listFolders, openFile, readBytes, removeFolder, writeBytesAtomic, type OpenFile} from './fs.ts'

/** Bumped whenever the shape of an entry changes. */
const cacheSchema = 7

/** Hits, misses and writes of one kind of entry. */
export interface CacheCounts {
  hits: number
  misses: number
  writes: number
  /** Hits answered by the record of outputs on disk without reading the entry (`output-record.ts`). */
  kept?: number
}

/** An open cache. */
export interface Cache {
  /** The folder of this schema and code version. */
  folder: string
  /** A value put under `key`, if any. */
  get<Value>(kind: string, key: string): Value | undefined
  /** Whether an entry is there under `key` (not read: `get` may still miss on it, and is counted then). */
  has(kind: string, key: string): boolean
  /** Store a value (ignored when it cannot be written: a cache never fails a run). */
  put(kind: string, key: string, value: unknown): void
  /**
   * A value put with {@linkcode Cache.putWithBytes} under `key`, and where
   * the bytes stored after it are in its file, which is left open (the same
   * bytes even if the entry is replaced meanwhile; close it): read only
   * when they are used.
   */
  getWithBytes<Value>(kind: string, key: string): {value: Value; bytes: StoredBytes} | undefined
  /** Store a value and bytes after it, read back whole: the run cache's printed output, which a hit writes as it is. */
  putWithBytes(kind: string, key: string, value: unknown, bytes: Uint8Array[]): void
  /** Counts by kind, for `--json`. */
  counts: Record<string, CacheCounts>
}

/** Bytes stored after an entry: `length` bytes from `start` in an open file. */
export interface StoredBytes {
  file: OpenFile
  start: number
  length: number
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
      return counted(kind, key, entry)?.value as Value | undefined
    },
    has(kind: string, key: string): boolean {
      return exists(pathOf(kind, key))
    },
    getWithBytes<Value>(kind: string, key: string): {value: Value; bytes: StoredBytes} | undefined {
      const file = openFile(pathOf(kind, key))
      if (!file) {
        counted(kind, key, undefined)
        return undefined
      }
      let entry: Entry | undefined
      let start = 0
      try {
        const length = file.read(0, 4).readUInt32BE(0)
        entry = deserialize(file.read(4, length)) as Entry
        start = 4 + length
      } catch {
        entry = undefined
      }
      if (!counted(kind, key, entry) || start > file.size) {
        file.close()
        return undefined
      }
      return {value: entry!.value as Value, bytes: {file, start, length: file.size - start}}
    },
    put(kind, key, value) {
      store(kind, key, () => serialize({key, value} satisfies Entry))
    },
    putWithBytes(kind, key, value, bytes) {
      store(kind, key, () => {
        const entry = serialize({key, value} satisfies Entry)
        const length = Buffer.alloc(4)
        length.writeUInt32BE(entry.length)
        return Buffer.concat([length, entry, ...bytes])
      })
    }
  }

  /** The entry if it is the key's, counted as a hit or a miss. */
  function counted(kind: string, key: string, entry: Entry | undefined): Entry | undefined {
    const valid = entry !== undefined && entry !== null && typeof entry === 'object' && entry.key === key
    count(kind)[valid ? 'hits' : 'misses']++
    return valid ? entry : undefined
  }

  /** Write an entry atomically (ignored when it cannot be written: a cache never fails a run). */
  function store(kind: string, key: string, bytes: () => Uint8Array): void {
    const path = pathOf(kind, key)
    try {
      writeBytesAtomic(path, bytes())
      count(kind).writes++
    } catch {
      // Not written: the next run computes it again.
    }
  }
}
