/**
 * The content-addressed cache. Takes: a folder and the code version.
 * Returns: a store of values by kind and key: `get` answers a value put
 * under the same key by the same babele, or nothing.
 *
 * Layout: `<folder>/v<schema>-<code version>/<kind>/<2 hex>/<key>`. An entry
 * is written once, atomically (temp file + rename), never changed: its key
 * is a digest of everything its value is made of (`pipeline/incremental`),
 * so a changed input is a new key, and concurrent runs (CI shards sharing
 * the folder) can only write the same bytes to the same name. The
 * exceptions are the run cache's `run` entries (`run-cache.ts`): keyed by a
 * command, each is replaced by the command's latest run and trusted only
 * after the facts it lists are checked again; a locale's analysis parts
 * combined (`analysis-combined`), replaced by each run that changes them
 * and used only where a document's part key matches; and the glossary
 * review's parts combined (`glossary-combined`), replaced by each run that changes
 * them and used only where a document's part key matches; and the glossary
 * page with its index of parts and listings (`glossary-report`,
 * `glossary-report-index`), replaced by each run that renders the page and
 * used only where the page's key matches; a replaced
 * entry is written as the cache's records are (`replaceCacheFile`: the old
 * file removed before the new one is renamed into place, a reader in
 * between misses). Values are
 * stored with `v8.serialize` (the structured clone: shared objects stay
 * shared, as a document's codes are in its tokens, units and segments).
 * An entry may be stored with bytes after it
 * (`putWithBytes`: the run cache's printed output, a lint entry's printed
 * findings), read back as a view of the bytes read (`getWithTail`), or
 * from the open file (`getWithBytes`); the entry holds their length and
 * CRC-32, and bytes cut short or changed are a miss (they are printed as
 * they are, never parsed: checking the 15.6 MB a no-change `run --json` of
 * the bench's 2,000 files replays costs it about 6 ms). Such an entry whose
 * value is text (a lint entry's head, as JSON) is stored as its key, the
 * bytes' length and CRC and the text, each as it is (`textEntry`), not
 * through `v8.serialize`: a run reads 2,000 of them, and the deserializer
 * took about 3.5 µs each to make three fields. Its CRC covers the text and
 * then the bytes, so a changed text misses too (a lint entry's head says
 * which findings are errors: a changed digit would change the exit code).
 *
 * Packs: beside the entries, `<kind>.pack` holds the entries of that kind
 * the last run used (read, found or written), so a run reads thousands of
 * small entries in one read per kind. While packs are in use
 * ({@linkcode usePacks}: the CLI, for one command), a kind's pack is read on
 * the first `get` or `has` of that kind, a `get` found in it deserializes
 * its slice, and anything else goes to the entry's own file as ever; at the
 * end ({@linkcode savePacks}) a pack is written again, atomically, only when
 * it differs from what the run used (an entry it lacks, one it holds that
 * went unused, one that did not deserialize). While the difference is small
 * next to the pack (`deltaShare`: a one-file edit), what is written is its
 * delta, `<kind>.pack-delta`: the entries the pack lacks and the keys it
 * holds that went unused, naming the pack it applies to by the digest of
 * its index; a pack is read with its delta applied, and a delta naming
 * another pack (one a concurrent run wrote) is ignored and written again.
 * Past that share the pack is written whole and its delta removed, so a
 * one-file edit of a large project writes a few entries, not megabytes of
 * them (renaming a large file over another can also wait on the disk's
 * writeback). It is only an index of
 * entries: the entries' files stay the truth (written first, never removed
 * by a pack), so concurrent runs may each write a pack (the last one
 * stands). Layout of a pack: `babele-pack 1\n`, the length of the index
 * (4 bytes, big-endian), the index (JSON: `{"keys": [...], "lengths":
 * [...]}`), then each entry's bytes (its file's, as they are) in the index's
 * order; a delta is laid out the same way after `babele-pack-delta 1\n`,
 * its index also holding `base` (the pack's) and `removed` (keys). Only the
 * kinds in `packedKinds` are packed: those a run reads by
 * the thousand, small each (lint findings, the glossary and QA pages'
 * parts, checks, a document's part of the analysis); documents, whose
 * entries are large and read only when a stage asks for one, are packed as
 * keys alone (`has` answers from the index; a `get` reads the entry's
 * file); built files (`build`), mostly kept on disk (`output-record.ts`)
 * and read one by one when not, are not packed. A document's extract
 * outputs have no entries: the output record alone knows them.
 *
 * When in doubt it misses: an entry that cannot be read, does not
 * deserialize, does not name its own key or whose bytes after it do not
 * hold is ignored (and written again);
 * a pack that cannot be read or does not add up is ignored whole (and its
 * delta with it), a delta that does not add up or names another pack is
 * ignored, and an
 * entry of a pack that does not deserialize or name its key is read from
 * its own file. Folders of other schemas or code versions are removed on
 * open. Deleting the folder is always safe: everything is computed again.
 */
import {join} from 'node:path'
import {deserialize, serialize} from 'node:v8'
import {crc32} from 'node:zlib'
import {digestBytes} from '../incremental/index.ts'
import {exists, knownMissing, listFolders, openFile, readBytes, removeFile, removeFolder, replaceCacheFile, writeBytesAtomic, type OpenFile} from './fs.ts'
import {defaultTiering, manyDocuments} from './tiering.ts'

/** Bumped whenever the shape of an entry or the cache's layout changes. */
const cacheSchema = 15

/** The kinds packed ({@linkcode usePacks}): with their entries' bytes, or (`keys`) as an index of the keys alone. */
const packedKinds: Readonly<Record<string, 'entries' | 'keys'>> = {
  lint: 'entries',
  analysis: 'entries',
  'glossary-part': 'entries',
  'glossary-listing': 'entries',
  'glossary-page': 'entries',
  'qa-page': 'entries',
  'qa-check': 'entries',
  document: 'keys'
}

/**
 * The kinds whose entry under a key is replaced by a later run (the run
 * cache's `run`, a locale's analysis parts combined, the glossary review's
 * `glossary-combined`, several MB on a large project): written with
 * `replaceCacheFile`, not renamed over the old file, which on ext4 waits
 * for the new file's data to be written out.
 */
const replacedKinds: ReadonlySet<string> = new Set(['run', 'analysis-combined', 'glossary-combined', 'glossary-report', 'glossary-report-index'])

/** The first bytes of a pack. */
const packMagic = Buffer.from('babele-pack 1\n')

/** The first bytes of a pack's delta. */
const deltaMagic = Buffer.from('babele-pack-delta 1\n')

/** A pack is written again as a delta while the entries it adds are at most this share of its entries and of its bytes, and those it drops at most this share of its entries; past that, whole. */
const deltaShare = 1 / 8

/** A kind's pack while packs are in use: what it holds, and what the run used. */
interface Pack {
  /** Its file. */
  path: string
  /** Each entry's bytes (a slice of the pack's file or of its delta's), by key: the pack's entries less those its delta drops, and those its delta adds. */
  at: Map<string, Uint8Array>
  /** The pack's own file as read (none: there was none, or it did not add up), what a delta is written against. */
  base: PackBase | undefined
  /** The file could not be read as a pack, or an entry of it did not deserialize to its key: it is written again whole. */
  broken: boolean
  /** A delta file is there that was not applied (not a delta, or another pack's): it is written again or removed. */
  staleDelta: boolean
  /** Keys used: `true` when the entry is known to be there (read, found or written), `false` when asked for and missed. */
  used: Map<string, boolean>
  /** The path of an entry's own file. */
  entryPath: (key: string) => string
  keysOnly: boolean
}

/** A pack's own file: its keys, its length, and its identity (the digest of its index), which its delta names. */
interface PackBase {
  keys: ReadonlySet<string>
  length: number
  id: string
}

/** The packs in use, by cache folder (of a code version) and kind; `undefined`: not in use. */
let packs: Map<string, Map<string, Pack>> | undefined

/**
 * Use packs from now on (see the module's comment) until
 * {@linkcode savePacks}: for one command, which the CLI runs in a process
 * of its own.
 */
export function usePacks(): void {
  packs ??= new Map()
}

/**
 * Write each pack used since {@linkcode usePacks} that differs from what
 * was used (atomically; one that cannot be written is left as it is: a
 * cache never fails a run), and stop using packs.
 */
export function savePacks(): void {
  const used = packs
  packs = undefined
  for (const kinds of used?.values() ?? []) for (const pack of kinds.values()) savePack(pack)
}

/** An entry's file in a code version's folder: `<kind>/<first 2 hex of the key>/<key>`. */
function entryFile(root: string, kind: string, key: string): string {
  return join(root, kind, key.slice(0, 2), key)
}

/** The folder of a code version's entries in a cache folder. */
export function versionFolder(folder: string, version: string): string {
  return join(folder, `v${cacheSchema}-${version}`)
}

/** The folders of a cache folder that hold other schemas' or code versions' entries (a cache opened for `version` removes them). */
export function otherVersions(folder: string, version: string): string[] {
  const own = `v${cacheSchema}-${version}`
  return listFolders(folder).filter((name) => name !== own && /^v\d+-/.test(name))
}

/**
 * The keys of a packed kind's entries that the last command to use the
 * kind used (read, found or written: what its pack and the pack's delta
 * list), in a code version's folder.
 *
 * @returns `undefined` when the kind is not packed, or its pack is missing, does not add up or has a delta written against another pack: which entries are in use is not known.
 */
export function packedKeys(root: string, kind: string): ReadonlySet<string> | undefined {
  const packing = packedKinds[kind]
  if (!packing || !exists(join(root, `${kind}.pack`))) return undefined
  const pack = readPack(join(root, `${kind}.pack`), (key) => entryFile(root, kind, key), packing === 'keys')
  return pack.broken || pack.staleDelta ? undefined : new Set(pack.at.keys())
}

/**
 * Whether an entry's file is there, as a lookup asks: one in a folder this
 * thread made and did not write it in is taken for missing without a look
 * (`knownMissing`: a cold run asks for thousands before it makes them). A
 * pack's index asks `exists` instead: an entry another thread wrote there
 * since is in it.
 */
function entryThere(path: string): boolean {
  return !knownMissing(path) && exists(path)
}

/** Hits, misses and writes of one kind of entry. */
export interface CacheCounts {
  /** Entries found, as an earlier command made them. */
  hits: number
  /** Entries not found, or (`countMade`) found as this command wrote them: made by this command. */
  misses: number
  writes: number
  /** Hits answered without reading the entry: by the record of outputs on disk (`output-record.ts`), or by a combination of every document's parts (`Cache.kept`). */
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
  /** Count entries a stage used without reading them (their values kept in a combination of every document's parts) as hits. */
  kept(kind: string, count: number): void
  /**
   * Note an entry another thread read or wrote for this command (a worker's
   * document and lint entries), neither read nor counted here: while packs
   * are in use it is listed in its kind's pack when its file is there as the
   * pack is saved, as one this thread used is. A worker keeps no packs, so
   * after a cold `run --jobs 2` of 100 files the lint pack listed 69 entries
   * of 100: the next run read the others from their own files, and the pack
   * did not tell which entries were in use.
   */
  noteUsed(kind: string, key: string): void
  /**
   * A value put with {@linkcode Cache.putWithBytes} under `key`, and where
   * the bytes stored after it are in its file, which is left open (the same
   * bytes even if the entry is replaced meanwhile; close it). Bytes of
   * another length are a miss; their CRC is checked when the caller asks
   * (`StoredBytes.whole`: read once, a chunk at a time, none held), so a
   * caller that finds the entry stale by its value reads none of them.
   */
  getWithBytes<Value>(kind: string, key: string): {value: Value; bytes: StoredBytes} | undefined
  /** Store a value and bytes after it, read back whole: the run cache's printed output, which a hit writes as it is. */
  putWithBytes(kind: string, key: string, value: unknown, bytes: Uint8Array[]): void
  /**
   * A value put with {@linkcode Cache.putWithBytes} under `key`, and the
   * bytes stored after it as a view of the bytes read (its pack's, or its
   * own file's), never copied: a lint entry's printed findings, which
   * `--json` prints as they are. Packed as any entry of its kind.
   */
  getWithTail<Value>(kind: string, key: string): {value: Value; tail: Uint8Array} | undefined
  /** Counts by kind, for `--json`. */
  counts: Record<string, CacheCounts>
}

/** Bytes stored after an entry: `length` bytes from `start` in an open file. */
export interface StoredBytes {
  file: OpenFile
  start: number
  length: number
  /** Whether they are the bytes stored (their CRC-32, which for an entry stored as text covers its text too), read once to tell; ask before using them, or the value. */
  whole: () => boolean
}

interface Entry {
  key: string
  value: unknown
  /** An entry put with bytes after it (`putWithBytes`): their length and CRC-32, which must hold when it is read. */
  tail?: [number, number]
  /** A text entry's ({@linkcode textEntry}): the CRC-32 of its text, which the CRC of its bytes after it goes on from. */
  textCrc?: number
}

/**
 * Whether an entry's bytes after it are those it was put with: their
 * length and CRC-32 are the entry's ({@linkcode Entry.tail}). Bytes cut
 * short or changed (a damaged file, an interrupted copy of a CI cache) are
 * a miss: a lint entry's printed findings and the run cache's printed
 * output go to `--json` and the terminal as they are, never parsed, so
 * nothing else would catch them.
 *
 * @param entry The entry read.
 * @param length How many bytes follow it.
 * @param crc Their CRC-32 going on from `start` (a text entry's text's, else 0), computed only when the length matches.
 */
function tailHolds(entry: Entry, length: number, crc: (start: number) => number): boolean {
  const tail = entry.tail
  return Array.isArray(tail) && tail[0] === length && tail[1] === crc(entry.textCrc ?? 0)
}

/** The entry if it is the key's. */
function entryOf(bytes: Uint8Array, key: string): Entry | undefined {
  let entry: Entry | undefined
  try {
    entry = decodeEntry(bytes)
  } catch {
    return undefined
  }
  return entry !== undefined && entry !== null && typeof entry === 'object' && entry.key === key ? entry : undefined
}

/**
 * Starts an entry stored as text ({@linkcode textEntry}); `v8.serialize`
 * starts with its version tag, 0xFF.
 */
const textEntryMark = 0x54

/**
 * An entry put with bytes after it whose value is text: the mark, the
 * key's length (4 bytes, big-endian) and its UTF-8 bytes, the bytes'
 * length and the CRC-32 of the text's bytes and then theirs (4 bytes
 * each), then the text's UTF-8 bytes.
 */
function textEntry(key: string, text: Uint8Array, tail: [number, number]): Buffer {
  const keyLength = Buffer.byteLength(key)
  const head = Buffer.alloc(5 + keyLength + 8)
  head[0] = textEntryMark
  head.writeUInt32BE(keyLength, 1)
  head.write(key, 5)
  head.writeUInt32BE(tail[0], 5 + keyLength)
  head.writeUInt32BE(tail[1], 9 + keyLength)
  return Buffer.concat([head, text])
}

/** An entry's bytes as stored (`v8.serialize`, or {@linkcode textEntry}); throws when they are neither. */
function decodeEntry(bytes: Uint8Array): Entry {
  if (bytes[0] !== textEntryMark) return deserialize(bytes) as Entry
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const keyEnd = 5 + view.readUInt32BE(1)
  if (keyEnd + 8 > view.length) throw new RangeError('not a text entry')
  const text = view.subarray(keyEnd + 8)
  return {key: view.toString('utf8', 5, keyEnd), value: text.toString('utf8'), tail: [view.readUInt32BE(keyEnd), view.readUInt32BE(keyEnd + 4)], textCrc: crc32(text)}
}

/**
 * An entry stored with bytes after it ({@linkcode Cache.putWithBytes}: the
 * entry's length in 4 bytes, big-endian, the entry, the bytes), if it is
 * the key's, and those bytes as a view.
 */
function withTail(bytes: Uint8Array, key: string): {entry: Entry; tail: Uint8Array} | undefined {
  if (bytes.length < 4) return undefined
  const length = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0
  if (4 + length > bytes.length) return undefined
  const entry = entryOf(bytes.subarray(4, 4 + length), key)
  const tail = bytes.subarray(4 + length)
  return entry && tailHolds(entry, tail.length, (start) => crc32(tail, start)) ? {entry, tail} : undefined
}

/** The file of a pack's delta. */
function deltaPath(path: string): string {
  return `${path}-delta`
}

/** A file's bytes, or none when it cannot be read. */
function bytesOrNone(path: string): Buffer | undefined {
  try {
    const read = readBytes(path)
    return Buffer.from(read.buffer, read.byteOffset, read.byteLength)
  } catch {
    return undefined
  }
}

/**
 * A pack's or a delta's file taken apart: its index (the JSON after the
 * magic and its length) and each entry's bytes, in the index's order.
 * Throws when it does not add up.
 */
function unpack(bytes: Buffer, magic: Buffer, keysOnly: boolean): {index: Record<string, unknown>; indexBytes: Buffer; entries: Array<[string, Uint8Array]>} {
  const indexAt = magic.length + 4
  if (bytes.length < indexAt || !bytes.subarray(0, magic.length).equals(magic)) throw new Error('not a pack')
  const dataAt = indexAt + bytes.readUInt32BE(magic.length)
  const indexBytes = bytes.subarray(indexAt, dataAt)
  const index = JSON.parse(indexBytes.toString('utf8')) as Record<string, unknown>
  const {keys, lengths} = index
  if (!Array.isArray(keys) || !Array.isArray(lengths) || keys.length !== lengths.length) throw new Error('not an index')
  const entries: Array<[string, Uint8Array]> = []
  let start = dataAt
  keys.forEach((key, at) => {
    const length = lengths[at] as unknown
    if (typeof key !== 'string' || typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0 || (keysOnly && length !== 0)) throw new Error('not an index')
    entries.push([key, bytes.subarray(start, start + length)])
    start += length
  })
  if (start !== bytes.length) throw new Error('truncated')
  return {index, indexBytes, entries}
}

/**
 * A kind's pack as read from its file and its delta (none there, or one
 * that does not add up: empty, and broken when there was a file; a delta
 * that is not this pack's is left out).
 */
function readPack(path: string, entryPath: (key: string) => string, keysOnly: boolean): Pack {
  const pack: Pack = {path, at: new Map(), base: undefined, broken: false, staleDelta: false, used: new Map(), entryPath, keysOnly}
  const bytes = bytesOrNone(path)
  if (!bytes) return pack
  let base: PackBase
  try {
    const {indexBytes, entries} = unpack(bytes, packMagic, keysOnly)
    for (const [key, slice] of entries) pack.at.set(key, slice)
    base = {keys: new Set(pack.at.keys()), length: bytes.length, id: digestBytes(indexBytes)}
    pack.base = base
  } catch {
    pack.at.clear()
    pack.broken = true
    return pack
  }
  const delta = bytesOrNone(deltaPath(path))
  if (!delta) return pack
  try {
    const {index, entries} = unpack(delta, deltaMagic, keysOnly)
    const removed = index.removed
    // Written against this very pack: it drops only keys the pack holds, and adds only keys it does not.
    if (index.base !== base.id || !Array.isArray(removed) || !removed.every((key) => typeof key === 'string' && base.keys.has(key)) || entries.some(([key]) => base.keys.has(key))) throw new Error('not this pack\'s delta')
    for (const key of removed as string[]) pack.at.delete(key)
    for (const [key, slice] of entries) pack.at.set(key, slice)
  } catch {
    pack.staleDelta = true
  }
  return pack
}

/**
 * Write a pack again when the run used other entries than it holds (see
 * {@linkcode savePacks}): as a delta beside it (the entries it adds, the
 * keys it drops) while that is small next to the pack, so a one-file edit
 * writes a few entries, not every one; else whole, its delta removed.
 */
function savePack(pack: Pack): void {
  const keys: string[] = []
  for (const [key, found] of pack.used) if (found || exists(pack.entryPath(key))) keys.push(key)
  if (!pack.broken && !pack.staleDelta && keys.length === pack.at.size && keys.every((key) => pack.at.has(key))) return
  const held: Array<[string, Uint8Array]> = []
  for (const key of keys) {
    let bytes: Uint8Array | undefined = pack.keysOnly ? Buffer.alloc(0) : pack.at.get(key)
    if (!bytes) {
      try {
        bytes = readBytes(pack.entryPath(key))
      } catch {
        continue
      }
    }
    held.push([key, bytes])
  }
  try {
    const base = pack.broken ? undefined : pack.base
    if (base) {
      const heldKeys = new Set(held.map(([key]) => key))
      const removed = [...base.keys].filter((key) => !heldKeys.has(key))
      const added = held.filter(([key]) => !base.keys.has(key))
      const addedBytes = added.reduce((sum, [, bytes]) => sum + bytes.length, 0)
      if (removed.length === 0 && added.length === 0) {
        removeFile(deltaPath(pack.path))
        return
      }
      const limit = base.keys.size * deltaShare
      if (removed.length <= limit && added.length <= limit && addedBytes <= base.length * deltaShare) {
        replaceCacheFile(deltaPath(pack.path), packed(deltaMagic, {base: base.id, removed}, added))
        return
      }
    }
    replaceCacheFile(pack.path, packed(packMagic, {}, held))
    removeFile(deltaPath(pack.path))
  } catch {
    // Not written: the next run reads the entries' own files, and writes it again.
  }
}

/** A pack's or a delta's bytes, in pieces: the magic, the index's length, the index (`fields` and the entries' keys and lengths), each entry's bytes. */
function packed(magic: Buffer, fields: Record<string, unknown>, entries: Array<[string, Uint8Array]>): Uint8Array[] {
  const index = Buffer.from(JSON.stringify({...fields, keys: entries.map(([key]) => key), lengths: entries.map(([, bytes]) => bytes.length)}))
  const length = Buffer.alloc(4)
  length.writeUInt32BE(index.length)
  return [magic, length, index, ...entries.map(([, bytes]) => bytes)]
}

/** Options of {@linkcode openCache}. */
export interface CacheOptions {
  /**
   * Count an entry this command wrote and then reads as a miss, made by
   * this command (its keys are kept until the command ends): the stages'
   * store, where `run`'s extract stores the analysis parts its analysis
   * reads. Off for the threads' caches, which never read back what they
   * wrote and would keep a key per source.
   */
  countMade?: boolean
}

/**
 * @param folder The cache folder (absolute), such as `<project>/.babele/cache`.
 * @param version The code version (`codeVersion()`).
 * @param options Whether what this command wrote counts as made when read.
 */
export function openCache(folder: string, version: string, options?: CacheOptions): Cache {
  for (const other of otherVersions(folder, version)) removeFolder(join(folder, other))
  const root = versionFolder(folder, version)
  const counts: Record<string, CacheCounts> = {}
  const count = (kind: string) => (counts[kind] ??= {hits: 0, misses: 0, writes: 0})
  // With `countMade`, the keys this command wrote, by kind: an entry read back was made by this command, and counts as a miss.
  const written = options?.countMade ? new Map<string, Set<string>>() : undefined
  const pathOf = (kind: string, key: string) => {
    if (!/^[a-z][a-z-]*$/.test(kind) || !/^[0-9a-f]{16,}$/.test(key)) throw new TypeError('Cannot use `' + kind + '/' + key + '` as a cache entry, expected a kebab-case kind and a hex key')
    return entryFile(root, kind, key)
  }
  return {
    folder: root,
    counts,
    get<Value>(kind: string, key: string): Value | undefined {
      return lookup(kind, key, (bytes) => {
        const entry = entryOf(bytes, key)
        return entry && {entry}
      })?.entry.value as Value | undefined
    },
    getWithTail<Value>(kind: string, key: string): {value: Value; tail: Uint8Array} | undefined {
      const found = lookup(kind, key, (bytes) => withTail(bytes, key))
      return found && {value: found.entry.value as Value, tail: found.tail}
    },
    has(kind: string, key: string): boolean {
      const pack = packOf(kind)
      const found = pack?.at.has(key) || entryThere(pathOf(kind, key))
      pack?.used.set(key, found)
      return found
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
        entry = decodeEntry(file.read(4, length))
        start = 4 + length
        // Cut short or grown: known by the length alone. Their CRC is checked when the caller asks (`whole`).
        const tail = entry?.tail
        if (entry === null || typeof entry !== 'object' || !Array.isArray(tail) || tail[0] !== file.size - start || typeof tail[1] !== 'number') entry = undefined
      } catch {
        entry = undefined
      }
      if (!counted(kind, key, entry) || start > file.size) {
        file.close()
        return undefined
      }
      const crc = entry!.tail![1]
      // The bytes are checked a chunk at a time: they can be megabytes, which the caller copies out without holding them.
      let checked: boolean | undefined
      const whole = () => {
        if (checked === undefined) {
          let found = entry!.textCrc ?? 0
          file.eachChunk(start, file.size - start, (chunk) => {
            found = crc32(chunk, found)
          })
          checked = found === crc
        }
        return checked
      }
      return {value: entry!.value as Value, bytes: {file, start, length: file.size - start, whole}}
    },
    put(kind, key, value) {
      store(kind, key, () => serialize({key, value} satisfies Entry))
    },
    kept(kind, found) {
      const counts = count(kind)
      counts.hits += found
      counts.kept = (counts.kept ?? 0) + found
    },
    noteUsed(kind, key) {
      const pack = packOf(kind)
      // Known missing until the pack is saved, when its file is looked for.
      if (pack && !pack.used.has(key)) pack.used.set(key, false)
    },
    putWithBytes(kind, key, value, bytes) {
      store(kind, key, () => {
        let tailLength = 0
        for (const piece of bytes) tailLength += piece.length
        const text = typeof value === 'string' && tailLength <= 0xffffffff ? Buffer.from(value) : undefined
        // A text entry's CRC starts with its text's bytes.
        let crc = text ? crc32(text) : 0
        for (const piece of bytes) crc = crc32(piece, crc)
        const entry = text ? textEntry(key, text, [tailLength, crc]) : serialize({key, value, tail: [tailLength, crc]} satisfies Entry)
        const length = Buffer.alloc(4)
        length.writeUInt32BE(entry.length)
        return Buffer.concat([length, entry, ...bytes])
      })
    }
  }

  /** The entry if it is the key's, counted as a hit or a miss. */
  /**
   * An entry, read by `decode` from its pack's slice or else from its own
   * file (its path made only then, as `has` does: a run asks for thousands
   * of packed entries); a slice that does not decode is dropped from the
   * pack, which is written again without it. Counted as a hit or a miss.
   */
  function lookup<Found extends {entry: Entry}>(kind: string, key: string, decode: (bytes: Uint8Array) => Found | undefined): Found | undefined {
    const pack = packOf(kind)
    const slice = pack?.at.get(key)
    if (slice && !pack!.keysOnly) {
      const packed = decode(slice)
      if (packed) {
        pack!.used.set(key, true)
        counted(kind, key, packed.entry)
        return packed
      }
      pack!.at.delete(key)
      pack!.broken = true
    }
    const path = pathOf(kind, key)
    let found: Found | undefined
    try {
      if (entryThere(path)) found = decode(readBytes(path))
    } catch {
      found = undefined
    }
    const valid = counted(kind, key, found?.entry) !== undefined
    pack?.used.set(key, valid)
    return valid ? found : undefined
  }

  function counted(kind: string, key: string, entry: Entry | undefined): Entry | undefined {
    const valid = entry !== undefined && entry !== null && typeof entry === 'object' && entry.key === key
    const counts = count(kind)
    const made = !valid || written?.get(kind)?.has(key) === true
    counts[made ? 'misses' : 'hits']++
    // Many entries of one kind missed: the command makes them all, and computes for long (`tiering.ts`).
    if (made && counts.misses === manyDocuments) defaultTiering()
    return valid ? entry : undefined
  }

  /** The kind's pack, read on first use, while packs are in use and the kind is packed. */
  function packOf(kind: string): Pack | undefined {
    const packing = packedKinds[kind]
    if (!packs || !packing) return undefined
    let kinds = packs.get(root)
    if (!kinds) packs.set(root, (kinds = new Map()))
    let pack = kinds.get(kind)
    if (!pack) kinds.set(kind, (pack = readPack(join(root, `${kind}.pack`), (key) => pathOf(kind, key), packing === 'keys')))
    return pack
  }

  /** Write an entry atomically (ignored when it cannot be written: a cache never fails a run). */
  function store(kind: string, key: string, bytes: () => Uint8Array): void {
    const path = pathOf(kind, key)
    try {
      if (replacedKinds.has(kind)) replaceCacheFile(path, bytes())
      else writeBytesAtomic(path, bytes())
      count(kind).writes++
      if (written) {
        let keys = written.get(kind)
        if (!keys) written.set(kind, (keys = new Set()))
        keys.add(key)
      }
      packOf(kind)?.used.set(key, true)
    } catch {
      // Not written: the next run computes it again.
    }
  }
}
