/**
 * A record of files a command read, so the next one knows them without
 * reading them again. Takes: the record's file in the cache folder (none
 * with `--no-cache`: nothing is recorded, every file is read) and when the
 * command started. Returns: for a file that still has the stat signature
 * recorded with it, what was recorded (its SHA-256 and, when the caller
 * keeps one, the value it made of the text); a reader that reads, hashes
 * and records a file; and `save`, which writes the record back when it
 * changed.
 *
 * The record (`v8.serialize`d) holds, per file (relative to the project
 * root): the SHA-256 of its text, the value made of it, if any, and, once
 * the file had last changed `settleMs` before a command that read it
 * started, its stat signature taken before it was read (`fs.ts`: any write
 * moves a file's change time, which cannot be set back). While a file keeps
 * that signature it holds those bytes: one `stat`, and the run cache's
 * `read` fact noted as if it had been read. It is stored as a few long
 * values, not an object per file (`StoredRecord`): a run reads the record
 * of thousands of sources and stores, and a string or an array is read at
 * once where thousands of objects, strings and signatures cost each their
 * own (the 2,000-file project's 4,000 stores: about 13 ms to deserialize as
 * objects, 1.5 ms so).
 *
 * ```ts
 * const record = openReadRecord<Bundle>(join(cache, 'stores-read'), {started})
 * const known = record.known('locales/en/a.json', absolute) // {digest, value} or undefined
 * const read = known ?? record.read('locales/en/a.json', absolute, JSON.parse)
 * record.save()
 * ```
 *
 * When in doubt it reads: no record, no signature or another one, a record
 * that is not one (one written in another layout among them). Users: the sources (`source-record.ts`) and the stores
 * (`readStores`).
 */
import {deserialize, serialize} from 'node:v8'
import {digestBytes} from '../incremental/index.ts'
import {exists, holdsSigned, readBytes, readText, replaceCacheFile, sameSignatures, settledSignature, signatureLength, statOf} from './fs.ts'

/** What is recorded of one file. */
interface Recorded<Value> {
  /** SHA-256 of its text. */
  digest: string
  signature: Float64Array | undefined
  /** What the caller made of its text, when it keeps one. */
  value?: Value | undefined
}

/** The record as stored: a few long values, each file's part of them at its index. */
interface StoredRecord {
  /** The files (relative to the project root), joined by `\0` (which no path holds). */
  files: string
  /** Each file's SHA-256 (64 hex digits), one after the other. */
  digests: string
  /** Each file's signature (`signatureLength` numbers, `signatureOf`), `NaN` when it has none. */
  signatures: Float64Array
  /** Each file's value (`undefined`: none kept). */
  values: unknown[]
}

/** Hex digits of a SHA-256. */
const digestLength = 64

/** A file read, or known from the record. */
export interface ReadFile<Value> {
  digest: string
  /** What the caller made of the text (`undefined`: none kept). */
  value: Value | undefined
}

/** An open record. */
export interface ReadRecord<Value> {
  /**
   * What is recorded of a file that still has its signature, else nothing.
   *
   * @param file Path relative to the project root (the record's key).
   * @param absolute Its absolute path.
   */
  known(file: string, absolute: string): ReadFile<Value> | undefined
  /**
   * Read a file, hash it and record it (signed once settled).
   *
   * @param make What to keep of its text; when it returns `undefined`, the file is not recorded (read again every time).
   */
  read(file: string, absolute: string, make?: (text: string) => Value | undefined): ReadFile<Value> & {text: string}
  /** Drop every file not among these (when they are all the files of their kind). */
  keepOnly(files: Iterable<string>): void
  /** Write the record back when it changed (a cache never fails a run: ignored when it cannot be written). */
  save(): void
}

/**
 * @param path The record's file (absolute), or none: nothing recorded.
 * @param options When the command started (`Date.now()`): only a file that last changed `settleMs` before it is signed.
 */
export function openReadRecord<Value>(path: string | undefined, options: {started: number}): ReadRecord<Value> {
  const stored = (path && readRecord(path)) || emptyRecord()
  // Each file's index in the stored record; what this command changed, over it (`undefined`: no longer recorded).
  const index = new Map(stored.names.map((file, at) => [file, at]))
  const changes = new Map<string, Recorded<Value> | undefined>()
  let changed = false
  const recorded = (file: string): Recorded<Value> | undefined => {
    if (changes.has(file)) return changes.get(file)
    const at = index.get(file)
    if (at === undefined) return undefined
    const signature = stored.signatures.subarray(at * signatureLength, (at + 1) * signatureLength)
    const value = stored.values[at] as Value | undefined
    return {digest: stored.digests.slice(at * digestLength, (at + 1) * digestLength), signature: Number.isNaN(signature[0]) ? undefined : signature, ...(value === undefined ? {} : {value})}
  }
  const change = (file: string, entry: Recorded<Value> | undefined) => {
    changes.set(file, entry)
    changed = true
  }
  return {
    known(file, absolute) {
      if (changes.has(file)) {
        const known = changes.get(file)
        if (!known?.signature || !holdsSigned(absolute, known.signature, known.digest)) return undefined
        return {digest: known.digest, value: known.value}
      }
      const at = index.get(file)
      if (at === undefined || Number.isNaN(stored.signatures[at * signatureLength])) return undefined
      const digest = stored.digests.slice(at * digestLength, (at + 1) * digestLength)
      if (!holdsSigned(absolute, stored.signatures, digest, at * signatureLength)) return undefined
      return {digest, value: stored.values[at] as Value | undefined}
    },
    read(file, absolute, make) {
      const known = recorded(file)
      // The stat before the read: a signature taken after could be a later file's.
      const stat = statOf(absolute)
      const text = readText(absolute)
      const digest = digestBytes(text)
      const value = make?.(text)
      // Nothing kept of its text: not recorded, read again every time.
      if (make && value === undefined) {
        if (known) change(file, undefined)
        return {digest, value, text}
      }
      const signature = settledSignature(stat, options.started)
      if (known?.digest !== digest || !sameSignatures(known.signature, signature) || (value !== undefined && known.value === undefined)) {
        change(file, value === undefined ? {digest, signature} : {digest, signature, value})
      }
      return {digest, value, text}
    },
    keepOnly(files) {
      const current = new Set(files)
      for (const file of [...index.keys(), ...changes.keys()]) if (!current.has(file) && recorded(file)) change(file, undefined)
    },
    save() {
      if (!path || !changed) return
      const entries: Array<[string, Recorded<Value>]> = []
      for (const file of [...index.keys(), ...[...changes.keys()].filter((file) => !index.has(file))]) {
        const entry = recorded(file)
        if (entry) entries.push([file, entry])
      }
      const signatures = new Float64Array(entries.length * signatureLength).fill(Number.NaN)
      entries.forEach(([, entry], at) => entry.signature && signatures.set(entry.signature, at * signatureLength))
      const record: StoredRecord = {files: entries.map(([file]) => file).join('\0'), digests: entries.map(([, entry]) => entry.digest).join(''), signatures, values: entries.map(([, entry]) => entry.value)}
      try {
        replaceCacheFile(path, serialize(record))
      } catch {
        // Not written: the next command reads the files again.
      }
    }
  }
}

/** A record of no file. */
function emptyRecord(): StoredRecord & {names: string[]} {
  return {files: '', names: [], digests: '', signatures: new Float64Array(0), values: []}
}

/** The record read back, with its files' names; `undefined` when there is none or it is not one (then every file is read). */
function readRecord(path: string): (StoredRecord & {names: string[]}) | undefined {
  try {
    if (!exists(path)) return undefined
    const value = deserialize(readBytes(path)) as Partial<StoredRecord> | null
    if (!value || typeof value !== 'object') return undefined
    const {files, digests, signatures, values} = value
    if (typeof files !== 'string' || typeof digests !== 'string' || !(signatures instanceof Float64Array) || !Array.isArray(values)) return undefined
    const names = files === '' ? [] : files.split('\0')
    const count = names.length
    if (new Set(names).size !== count || digests.length !== count * digestLength || !/^[0-9a-f]*$/.test(digests) || signatures.length !== count * signatureLength || values.length !== count) return undefined
    return {files, names, digests, signatures, values}
  } catch {
    return undefined
  }
}
