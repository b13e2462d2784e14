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
 * `read` fact noted as if it had been read.
 *
 * ```ts
 * const record = openReadRecord<Bundle>(join(cache, 'stores-read'), {started})
 * const known = record.known('locales/en/a.json', absolute) // {digest, value} or undefined
 * const read = known ?? record.read('locales/en/a.json', absolute, JSON.parse)
 * record.save()
 * ```
 *
 * When in doubt it reads: no record, no signature or another one, a record
 * that is not one. Users: the sources (`source-record.ts`) and the stores
 * (`readStores`).
 */
import {deserialize, serialize} from 'node:v8'
import {digestBytes} from '../incremental/index.ts'
import {exists, holdsSigned, readBytes, readText, sameSignatures, settledSignature, signatureLength, statOf, writeBytesAtomic} from './fs.ts'

/** What is recorded of one file. */
interface Recorded<Value> {
  /** SHA-256 of its text. */
  digest: string
  signature: Float64Array | undefined
  /** What the caller made of its text, when it keeps one. */
  value?: Value | undefined
}

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
  const record = path ? readRecord<Value>(path) : new Map<string, Recorded<Value>>()
  let changed = false
  return {
    known(file, absolute) {
      const known = record.get(file)
      if (!known?.signature || !holdsSigned(absolute, known.signature, known.digest)) return undefined
      return {digest: known.digest, value: known.value}
    },
    read(file, absolute, make) {
      const known = record.get(file)
      // The stat before the read: a signature taken after could be a later file's.
      const stat = statOf(absolute)
      const text = readText(absolute)
      const digest = digestBytes(text)
      const value = make?.(text)
      // Nothing kept of its text: not recorded, read again every time.
      if (make && value === undefined) {
        if (record.delete(file)) changed = true
        return {digest, value, text}
      }
      const signature = settledSignature(stat, options.started)
      if (known?.digest !== digest || !sameSignatures(known.signature, signature) || (value !== undefined && known.value === undefined)) {
        record.set(file, value === undefined ? {digest, signature} : {digest, signature, value})
        changed = true
      }
      return {digest, value, text}
    },
    keepOnly(files) {
      const current = new Set(files)
      for (const file of [...record.keys()]) {
        if (current.has(file)) continue
        record.delete(file)
        changed = true
      }
    },
    save() {
      if (!path || !changed) return
      try {
        writeBytesAtomic(path, serialize(record))
      } catch {
        // Not written: the next command reads the files again.
      }
    }
  }
}

/** The record read back; empty when there is none or it is not one (then every file is read). */
function readRecord<Value>(path: string): Map<string, Recorded<Value>> {
  const record = new Map<string, Recorded<Value>>()
  try {
    if (!exists(path)) return record
    const value = deserialize(readBytes(path)) as unknown
    if (!(value instanceof Map)) return record
    for (const [file, known] of value as Map<unknown, Partial<Recorded<Value>> | null>) {
      if (typeof file !== 'string' || !known || typeof known.digest !== 'string' || !/^[0-9a-f]{64}$/.test(known.digest)) continue
      const signature = known.signature instanceof Float64Array && known.signature.length === signatureLength ? known.signature : undefined
      record.set(file, known.value === undefined ? {digest: known.digest, signature} : {digest: known.digest, signature, value: known.value})
    }
  } catch {
    record.clear()
  }
  return record
}
