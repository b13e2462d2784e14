/**
 * The outputs babele wrote, known on disk without being made, read, compared
 * or hashed again. Takes: the workspace, the stages' `reuse` (the cache) and
 * one kind of per-document output (`outputKinds`: a document's extract
 * outputs, or a built file). Returns: a `reuse` whose store answers an entry
 * whose files are still on disk as babele wrote them from a record, without
 * reading the entry; and a writer that skips those files, writes (or finds
 * up to date) the others, and records each with the key that made it.
 * A document's extract outputs have no cache entries (`Codec.entries`):
 * the record is all the cache keeps of them, and those not kept on disk
 * are made again from the document.
 *
 * The record, `written-<kind>` in the cache's folder of this code version
 * (other code starts without one), `v8.serialize`d: for each output file
 * the key of the entry that made it, the SHA-256 of its bytes and, once it
 * was found holding them and had last changed more than `settleMs` before
 * the command started (`writeAtomicSigned`), its stat signature (`fs.ts`:
 * any write moves a file's change time, which cannot be set back); for each
 * key, the entry's value less its texts (a document's leverage messages, a
 * built file's coverage and messages) as JSON text, parsed only when the
 * entry is kept (a part JSON would not give back as it is, such as one
 * holding `undefined` or `NaN`, is not recorded: its files are compared as
 * ever). It is stored as a few long values (`StoredRecord`), as the read
 * record is (`read-record.ts`), not an object and a signature per file: a
 * run reads and writes the records of thousands of outputs, and a string
 * or an array is read at once where thousands of objects and typed arrays
 * cost each their own (the 2,000-file project's two records: about 43 ms to
 * deserialize and 23 ms to serialize as objects, about 14 ms and 2 ms so).
 *
 * ```text
 * run  → xliff/en/a.md.xlf made by key k1: written, recorded {k1, digest}
 * run  → k1 again, the file has no signature: read and hashed, found holding
 *        the digest: kept (the entry is not read) and signed
 * run  → k1 again, the file has its signature (one stat): kept; the entry is
 *        not read, the file neither read nor hashed
 * (a translator saves the file, even keeping its size and modification time)
 * run  → its signature moved: read and hashed, another digest: the entry read
 *        (or made), the file compared and rewritten
 * ```
 *
 * The stage gets, for a kept entry, its value with placeholders for texts
 * (`keptText`), which only this writer takes: a placeholder anywhere else
 * is an error, never written. When in doubt the file is made and compared
 * as it always was: another key, a file that does not hold the recorded
 * digest (edited, replaced, deleted), a record that cannot be read.
 *
 * A file the same command already found holding the recorded digest is
 * not looked at again (`found`: `run`'s import checks every XLIFF file
 * extract wrote against its own record, a `stat` each or, without a
 * signature, read and hashed, moments before extract asks for the same
 * files): one `stat` or one read per file per command, not two. Its
 * signature then is the one import took.
 */
import {join} from 'node:path'
import {deserialize, serialize} from 'node:v8'
import type {Coverage} from '../build/index.ts'
import {digestBytes} from '../incremental/index.ts'
import type {DocumentOutputs, EntryStore, Reuse} from '../project/index.ts'
import {outputKinds} from '../project/index.ts'
import type {Diagnostic} from '../types.ts'
import type {Cache} from './cache.ts'
import {joinOutputs, outputFiles, outputsPart, partPaths, encodedFiles, type OutputsPart, type EncodedOutputs} from './encoded-outputs.ts'
import {jsonValue} from './json-value.ts'
import {exists, holdsDigest, holdsSigned, readBytes, replaceCacheFile, sameSignatures, signatureLength, writeAtomic, writeAtomicSigned} from './fs.ts'
import {defaultTiering, manyDocuments} from './tiering.ts'
import {absoluteIn, type Workspace} from './workspace.ts'

/** How an entry's value holds its files: what is recorded of it, and how it is put together again. */
interface Codec<Value, Part> {
  /** Its files, path and text. */
  files(value: Value): Array<[string, string]>
  /** The value less its texts. */
  part(value: Value): Part
  /** The paths of a part's files. */
  paths(part: Part): string[]
  /** The value again, each text by its path. */
  join(part: Part, text: (path: string) => string): Value
  /**
   * Whether its entries go into the cache. A built file's do: building one
   * takes about a millisecond, and a CI job that keeps the cache folder
   * between runs often keeps no `dist/` (2,000 files written from their
   * entries: 0.6 s; built: 2.1 s). A document's extract outputs do not:
   * they are made from its document entry in a fraction of that, and their
   * entries, a copy of the files on disk, were a third of the cache and
   * about 4% of a cold `extract`.
   */
  entries: boolean
}

/** A built file, as `buildProject` stores it. */
interface BuiltFile {
  file: string
  value: string
  coverage: Coverage
  messages: Diagnostic[]
}

const extractCodec: Codec<DocumentOutputs, OutputsPart> = {
  files: outputFiles,
  part: outputsPart,
  paths: partPaths,
  join: joinOutputs,
  entries: false
}

const buildCodec: Codec<BuiltFile, Omit<BuiltFile, 'value'>> = {
  files: (value) => [[value.file, value.value]],
  part: ({file, coverage, messages}) => ({file, coverage, messages}),
  paths: (part) => [part.file],
  join: (part, text) => ({...part, value: text(part.file)}),
  entries: true
}

const codecs: Record<string, Codec<never, never>> = {[outputKinds.extract]: extractCodec as Codec<never, never>, [outputKinds.build]: buildCodec as Codec<never, never>}

/** What is recorded of one output file. */
interface Recorded {
  /** Key of the entry that made it. */
  made: string
  /** SHA-256 of its bytes. */
  digest: string
  /** Its signature (`signatureOf`) once found holding them, settled. */
  signature: Float64Array | undefined
}

/** The record of one kind of output, as a command uses it. */
interface OutputRecordFile {
  /** By path (relative to the project root). */
  files: Map<string, Recorded>
  /** Each recorded key's value less its texts (`Codec.part`), as JSON text (`partText`). */
  parts: Map<string, string>
}

/** The record as stored: a few long values, each file's and each key's part of them at its index. */
interface StoredRecord {
  /** The files (relative to the project root), joined by `\0` (which no path holds). */
  files: string
  /** Each file's key, as its index in `keys`. */
  made: Uint32Array
  /** Each file's SHA-256 (64 hex digits), one after the other. */
  digests: string
  /** Each file's signature (`signatureLength` numbers, `signatureOf`), `NaN` when it has none. */
  signatures: Float64Array
  /** The keys, joined by `\0`. */
  keys: string
  /** Each key's part, as JSON text. */
  parts: string[]
}

/** Hex digits of a SHA-256. */
const digestLength = 64

/** Starts every placeholder: no output babele writes starts with a NUL. */
const placeholderMark = '\u0000babele-kept\u0000'

/** What a kept file's text is in the value the stage gets. */
function keptText(path: string): string {
  return placeholderMark + path
}

/** A record of one kind of output, open for one command. */
export interface OutputRecord {
  /** The stage's `reuse`, its store answering kept entries from the record. */
  reuse: Reuse
  /** An entry's value when its files are kept on disk (placeholders for texts, which only {@linkcode OutputRecord.write} takes), without counting it: `extract`, which counts what its threads did not make. */
  kept(key: string): unknown
  /**
   * An entry's value made elsewhere for this command (`run`'s threads): the
   * store answers it once, when the stage asks for its key, counted as made
   * (a miss), and its files are recorded when written.
   */
  supply(key: string, value: unknown): void
  /** A document's extract outputs made elsewhere (`extract`'s threads), their texts UTF-8 (`encoded-outputs.ts`): its files are recorded when written, their bytes compared by identity. */
  see(key: string, stored: EncodedOutputs): void
  /**
   * Write outputs as `writeOutputs` does (paths relative to the project
   * root), but skip the kept files, and record each file an entry made.
   *
   * @returns The paths whose content changed.
   */
  write(outputs: Iterable<[string, string | Uint8Array]>): string[]
  /** The SHA-256 of an output's text (or its UTF-8 bytes), from the record when it was kept or hashed by the last {@linkcode OutputRecord.write}. */
  digestOf(path: string, text: string | Uint8Array): string
  /** Write the record back when it changed (a cache never fails a run: ignored when it cannot be written). */
  save(): void
}

/**
 * @param workspace Project.
 * @param reuse The stages' reuse through the cache (none: no record, `--no-cache`).
 * @param kind `outputKinds.extract` or `outputKinds.build`.
 * @param started When the command started (`Date.now()`): only a file that last changed `settleMs` before it is signed.
 * @param found Files this command already found holding bytes of a digest, with their signature (`run`: import's check of babele's XLIFF): a file recorded with the same digest is not looked at again.
 */
export function openOutputRecord(workspace: Workspace, reuse: (Reuse & {store: Cache}) | undefined, kind: string, started: number, found?: ReadonlyMap<string, {digest: string; signature: Float64Array}>): OutputRecord | undefined {
  const codec = codecs[kind] as Codec<unknown, unknown> | undefined
  if (!reuse || !codec) return undefined
  const cache = reuse.store
  const path = join(cache.folder, `written-${kind}`)
  const record = readRecord(path)
  let changed = false
  const absolute = absoluteIn(workspace.root)
  // The files of the values the stage got from the cache or made: who made each, and its text (from `extract`'s threads, its bytes).
  const seen = new Map<string, {text: string | Uint8Array; made: Made}>()
  const kept = new Set<string>()
  // The digests of the files of the last `write` (asked for next: `digestOf`), not of every file written: `extract` writes a document's files at a time.
  let digests = new Map<string, string>()
  const seeFiles = (key: string, part: unknown, files: Iterable<[string, string | Uint8Array]>) => {
    const made: Made = {key, part, text: undefined}
    for (const [file, text] of files) seen.set(file, {text, made})
  }
  const see = (key: string, value: unknown) => seeFiles(key, codec.part(value), codec.files(value))
  // Each entry found kept, asked again by the same command (`run` looks for the outputs to make first): its files are not looked at twice.
  const keptValues = new Map<string, unknown>()
  /**
   * The value of an entry whose every file is recorded under its key and
   * still holds the recorded bytes: told by its signature, else (no
   * signature, or it moved) read and hashed, and then signed when settled.
   */
  const keptValue = (key: string): unknown => {
    if (keptValues.has(key)) return keptValues.get(key)
    const text = record.parts.get(key)
    if (text === undefined) return undefined
    try {
      const part = JSON.parse(text) as unknown
      const files = codec.paths(part)
      if (files.length === 0) return undefined
      // Signatures taken as files were read, recorded only once every file of the entry holds its bytes.
      const signed: Array<[string, Recorded]> = []
      for (const file of files) {
        const known = record.files.get(file)
        if (known?.made !== key) return undefined
        // Found holding these bytes by this command moments ago (`run`'s import, reading or by its own record's signature): not looked at again.
        const checked = found?.get(file)
        if (checked?.digest === known.digest) {
          if (!sameSignatures(checked.signature, known.signature)) signed.push([file, {...known, signature: checked.signature}])
          continue
        }
        if (known.signature && holdsSigned(absolute(file), known.signature, known.digest)) continue
        const held = holdsDigest(absolute(file), known.digest, started)
        if (!held) return undefined
        if (!sameSignatures(held.signature, known.signature)) signed.push([file, {...known, signature: held.signature}])
      }
      for (const [file, known] of signed) record.files.set(file, known)
      if (signed.length > 0) changed = true
      const value = codec.join(part, keptText)
      for (const file of files) kept.add(file)
      keptValues.set(key, value)
      return value
    } catch {
      // A part that is not what this code records: the entry is read.
      return undefined
    }
  }
  // Values made elsewhere for this command (`supply`), until the stage asks for them.
  const supplied = new Map<string, unknown>()
  // Outputs not kept, read or made: past a few, the command computes for long (`tiering.ts`).
  let notKept = 0
  const store: EntryStore = {
    get<Value>(asked: string, key: string): Value | undefined {
      if (asked === kind && supplied.has(key)) {
        const value = supplied.get(key)
        supplied.delete(key)
        ;(cache.counts[kind] ??= {hits: 0, misses: 0, writes: 0}).misses++
        if (++notKept === manyDocuments) defaultTiering()
        see(key, value)
        return value as Value
      }
      if (asked === kind) {
        const value = keptValue(key)
        const counts = (cache.counts[kind] ??= {hits: 0, misses: 0, writes: 0})
        if (value !== undefined) {
          counts.hits++
          counts.kept = (counts.kept ?? 0) + 1
          return value as Value
        }
        if (++notKept === manyDocuments) defaultTiering()
        if (!codec.entries) {
          counts.misses++
          return undefined
        }
      }
      const value = cache.get<Value>(asked, key)
      if (value !== undefined && asked === kind) see(key, value)
      return value
    },
    has: (asked, key) => asked !== kind && cache.has(asked, key),
    put(asked, key, value) {
      if (asked !== kind || codec.entries) cache.put(asked, key, value)
      if (asked === kind) see(key, value)
    }
  }
  return {
    reuse: {...reuse, store},
    kept: keptValue,
    supply(key, value) {
      supplied.set(key, value)
    },
    see: (key, stored) => seeFiles(key, stored.part, encodedFiles(stored)),
    write(outputs) {
      const written: string[] = []
      digests = new Map()
      for (const [file, content] of outputs) {
        if (typeof content === 'string' && content.startsWith(placeholderMark)) {
          if (content !== keptText(file) || !kept.has(file)) throw new Error(`${file}: a placeholder of an output kept on disk reached another file (a bug in babele; nothing was written there)`)
          continue
        }
        const seenFile = seen.get(file)
        // Used once: holding every text made until the end would grow with the project.
        seen.delete(file)
        const made = seenFile?.text === content ? seenFile.made : undefined
        // Its part as JSON text, once per entry (`null`: not one JSON gives back).
        if (made && made.text === undefined) made.text = partText(made.part) ?? null
        if (!made?.text) {
          // Not an entry's file (an empty store file, a pseudo-localized one), or one whose part cannot be recorded: written as ever, and not recorded.
          if (record.files.delete(file)) changed = true
          if (writeAtomic(absolute(file), content)) written.push(file)
          continue
        }
        const result = writeAtomicSigned(absolute(file), content, started)
        if (result.written) written.push(file)
        const digest = digestBytes(content)
        digests.set(file, digest)
        const before = record.files.get(file)
        if (before?.made !== made.key || before.digest !== digest || !sameSignatures(before.signature, result.signature) || record.parts.get(made.key) === undefined) {
          record.files.set(file, {made: made.key, digest, signature: result.signature})
          record.parts.set(made.key, made.text)
          changed = true
        }
      }
      return written
    },
    digestOf(file, text) {
      if (kept.has(file)) return record.files.get(file)!.digest
      return digests.get(file) ?? digestBytes(text)
    },
    save() {
      if (!changed) return
      // A key no recorded file is made by any more is dropped with its part.
      const used = new Set<string>()
      for (const known of record.files.values()) used.add(known.made)
      for (const key of record.parts.keys()) if (!used.has(key)) record.parts.delete(key)
      try {
        replaceCacheFile(path, serialize(storedRecord(record)))
      } catch {
        // Not written: the next run compares the files again.
      }
    }
  }
}

/** An entry whose files the stage got: its key, its part and (once a file of it is recorded) the part's JSON text, `null` when it has none. */
interface Made {
  key: string
  part: unknown
  text: string | null | undefined
}

/**
 * A part as JSON text, when parsing it gives the same value back: plain
 * objects and arrays (no holes) of strings, finite numbers (not `-0`),
 * booleans and `null`; else nothing (the part is not recorded).
 */
function partText(part: unknown): string | undefined {
  return jsonValue(part) ? JSON.stringify(part) : undefined
}

/** A record as stored (see {@linkcode StoredRecord}); one loop over the files, as a command runs it once, before it is compiled. */
function storedRecord(record: OutputRecordFile): StoredRecord {
  const keys: string[] = []
  const parts: string[] = []
  const keyAt = new Map<string, number>()
  for (const [key, text] of record.parts) {
    keyAt.set(key, keys.length)
    keys.push(key)
    parts.push(text)
  }
  const names: string[] = []
  const digests: string[] = []
  const made = new Uint32Array(record.files.size)
  const signatures = new Float64Array(record.files.size * signatureLength).fill(Number.NaN)
  for (const [file, known] of record.files) {
    const at = keyAt.get(known.made)
    // Every file's key has its part (`save` drops only keys no file is made by); one without would not be recorded.
    if (at === undefined) continue
    made[names.length] = at
    if (known.signature) signatures.set(known.signature, names.length * signatureLength)
    names.push(file)
    digests.push(known.digest)
  }
  return {files: names.join('\0'), made: made.subarray(0, names.length), digests: digests.join(''), signatures: signatures.subarray(0, names.length * signatureLength), keys: keys.join('\0'), parts}
}

/** A record read back; empty when there is none or it is not one (then every file is compared). */
function readRecord(path: string): OutputRecordFile {
  return recordOrNone(path) ?? {files: new Map(), parts: new Map()}
}

/**
 * The keys of the entries that made the outputs a kind's record lists (the
 * outputs on disk as babele last wrote them): what `babele cache prune`
 * keeps of that kind.
 *
 * @param root A code version's folder of the cache (`versionFolder`).
 * @param kind `outputKinds.build`: the per-document kind whose entries the cache keeps.
 * @returns `undefined` when there is no record, or it is not one.
 */
export function recordedKeys(root: string, kind: string): ReadonlySet<string> | undefined {
  const record = recordOrNone(join(root, `written-${kind}`))
  return record && new Set([...record.files.values()].map((known) => known.made))
}

/** A record read back, if there is one and it is one. */
function recordOrNone(path: string): OutputRecordFile | undefined {
  try {
    if (exists(path)) {
      const value = deserialize(readBytes(path)) as Partial<StoredRecord> | null
      if (value && typeof value === 'object') {
        const {files, made, digests, signatures, keys, parts} = value
        if (typeof files === 'string' && made instanceof Uint32Array && typeof digests === 'string' && signatures instanceof Float64Array && typeof keys === 'string' && Array.isArray(parts)) {
          const names = files === '' ? [] : files.split('\0')
          const keyNames = keys === '' ? [] : keys.split('\0')
          const count = names.length
          if (made.length === count && digests.length === count * digestLength && /^[0-9a-f]*$/.test(digests) && signatures.length === count * signatureLength && keyNames.length === parts.length && parts.every((part) => typeof part === 'string') && made.every((at) => at < keyNames.length)) {
            const record: OutputRecordFile = {files: new Map(), parts: new Map(keyNames.map((key, at) => [key, parts[at] as string]))}
            names.forEach((file, at) => {
              const signature = signatures.subarray(at * signatureLength, (at + 1) * signatureLength)
              record.files.set(file, {made: keyNames[made[at]!]!, digest: digests.slice(at * digestLength, (at + 1) * digestLength), signature: Number.isNaN(signature[0]) ? undefined : signature})
            })
            // A file or a key twice: not a record this code wrote.
            if (record.files.size === count && record.parts.size === keyNames.length) return record
          }
        }
      }
    }
  } catch {
    // Not a record: every file is compared, and the record written again.
  }
  return undefined
}
