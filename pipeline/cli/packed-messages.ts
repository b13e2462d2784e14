/**
 * Diagnostics kept compactly until they are printed. Takes: diagnostics, a
 * batch at a time (a document's, on the thread that found them), or the
 * bytes `--json` prints for them. Returns: the batch packed (its JSON,
 * deflated) or set aside in a spool, and a list of batches that gives them
 * back in order, one batch at a time.
 *
 * `extract` on its own streams every source through the threads, but its
 * result holds every lint finding: about twelve per file, a hundred
 * thousand objects for 8,000 files, which made its memory grow with the
 * number of files. A document's findings repeat their file, rule ids and
 * URLs, and pack into a kilobyte or two (about a sixth of their JSON); they
 * are unpacked batch by batch as they are printed (`--json` is written in
 * pieces, `json-pieces.ts`), and all at once only for the reports that
 * sort and align every message (text, GitHub, SARIF).
 *
 * A batch can also come printed (`run`: each document's lint findings, as
 * the cache's lint entry keeps them): its diagnostics, and the bytes
 * `--json` prints for them, which are printed as they are (neither
 * stringified nor encoded again). `extract` sets each document's printed
 * lint findings aside in a spool (`SpoolTable`, a temporary file:
 * `openSpool` in `fs.ts`) as they come, and keeps only where they are: they
 * are neither deflated nor inflated (about 0.4 s of a cold `extract --jobs
 * 1` of 2,000 files, 3% of it), and take no memory until read back. Its
 * extraction messages, packed, and each document's outputs less their
 * texts go there too; where each batch is is kept as numbers, not objects.
 */
import {deflateRawSync, inflateRawSync} from 'node:zlib'
import type {Diagnostic} from '../types.ts'
import type {Spool} from './fs.ts'

/** A batch of diagnostics, packed. */
export interface PackedMessages {
  /** The batch's JSON (UTF-8), deflated; empty for an empty batch. */
  bytes: Uint8Array
  /** How many of them are errors (an exit code is decided without unpacking). */
  errors: number
}

/** A printed or packed batch set aside in a spool: where its bytes (`PrintedMessages.json`, or `PackedMessages.bytes`) are. */
export interface SpooledMessages {
  spool: Spool
  /** Where its bytes start in the spool. */
  at: number
  /** How many bytes: none for an empty batch. */
  length: number
  /** How many of them are errors. */
  errors: number
  /** Its bytes are a packed batch's (`packMessages`), not a printed one's. */
  packed?: true
}

/** A batch of diagnostics with the text `--json` prints for them. */
export interface PrintedMessages {
  /** The diagnostics (a batch from the cache parses its bytes when this is first read: `--json` never reads it). */
  readonly messages: readonly Diagnostic[]
  /** The batch as `--json` prints it among a result's messages (`messagesJson`), UTF-8; empty only for an empty batch. */
  json: Uint8Array
  /** How many of them are errors. */
  errors: number
}

/** The fastest level: the batches are small and repetitive, and packing costs the threads time. */
const level = 1

/**
 * @param messages A batch of diagnostics (plain data: what JSON keeps of them is all there is).
 * @returns The batch packed.
 */
export function packMessages(messages: readonly Diagnostic[]): PackedMessages {
  if (messages.length === 0) return {bytes: new Uint8Array(0), errors: 0}
  // A copy of its own: zlib's result is a view of a 16 KB buffer, and a view crosses threads (and is kept) with all of its buffer.
  const bytes = new Uint8Array(deflateRawSync(JSON.stringify(messages), {level}))
  return {bytes, errors: messages.filter((message) => message.severity === 'error').length}
}

/**
 * Byte batches set aside in one spool, a row per document and a column per
 * kind of batch, each one's place (start, length, and its errors when it is
 * a batch of messages) kept as three numbers of one array, not as objects.
 * `extract` keeps three per document while the sources stream (its outputs
 * less their texts, its extraction messages packed, its lint printed), and
 * as objects they were about 450 bytes a document of what the main thread
 * held (2.7 MB more for 8,000 files than for 2,000; heap snapshots).
 *
 * ```ts
 * const table = new SpoolTable(openSpool(), documents, 2)
 * table.set(index, 0, packed.bytes, packed.errors) // as each document comes
 * messages.add(table.batch(index, 0, {packed: true})) // at the end, in order
 * ```
 */
export class SpoolTable {
  readonly #spool: Spool
  readonly #columns: number
  readonly #cells: Float64Array

  /**
   * @param spool Where the bytes go.
   * @param rows How many rows.
   * @param columns How many batches a row.
   */
  constructor(spool: Spool, rows: number, columns: number) {
    this.#spool = spool
    this.#columns = columns
    this.#cells = new Float64Array(rows * columns * 3)
  }

  /**
   * @param row Its row.
   * @param column Its column.
   * @param bytes The batch's bytes (copied into the spool; none for an empty batch).
   * @param errors How many errors a batch of messages holds.
   */
  set(row: number, column: number, bytes: Uint8Array, errors = 0): void {
    const at = this.#cell(row, column)
    this.#cells[at] = bytes.length === 0 ? 0 : this.#spool.append(bytes)
    this.#cells[at + 1] = bytes.length
    this.#cells[at + 2] = errors
  }

  /** @returns A batch's bytes, read back. */
  bytes(row: number, column: number): Buffer {
    const at = this.#cell(row, column)
    return this.#spool.read(this.#cells[at]!, this.#cells[at + 1]!)
  }

  /**
   * @param options Whether its bytes are a packed batch's (`packMessages`) rather than a printed one's (`PrintedMessages.json`).
   * @returns A batch of messages, as a list takes it (read back when printed).
   */
  batch(row: number, column: number, options: {packed: boolean}): SpooledMessages {
    const at = this.#cell(row, column)
    const batch: SpooledMessages = {spool: this.#spool, at: this.#cells[at]!, length: this.#cells[at + 1]!, errors: this.#cells[at + 2]!}
    if (options.packed) batch.packed = true
    return batch
  }

  #cell(row: number, column: number): number {
    if (!(column >= 0 && column < this.#columns && row >= 0 && row * this.#columns * 3 < this.#cells.length)) throw new RangeError(`no cell ${row}, ${column} in a spool table of ${this.#cells.length / 3 / this.#columns} × ${this.#columns}`)
    return (row * this.#columns + column) * 3
  }
}

/**
 * @param packed A batch packed by {@linkcode packMessages}.
 * @returns Its diagnostics, as new objects.
 */
export function unpackMessages(packed: PackedMessages): Diagnostic[] {
  if (packed.bytes.length === 0) return []
  return JSON.parse(inflateRawSync(packed.bytes).toString('utf8')) as Diagnostic[]
}

/**
 * @param spooled A printed or packed batch in a spool, not empty.
 * @returns Its diagnostics, as new objects.
 */
function unspoolMessages(spooled: SpooledMessages): Diagnostic[] {
  const bytes = spooled.spool.read(spooled.at, spooled.length)
  if (spooled.packed) return unpackMessages({bytes, errors: spooled.errors})
  // A printed batch is its messages' text without the brackets around them.
  return JSON.parse(`[${bytes.toString('utf8')}]`) as Diagnostic[]
}

/**
 * A command's diagnostics in order, as batches: lists of diagnostics, or
 * packed ones, unpacked only when read.
 *
 * ```ts
 * const list = new MessageList()
 * list.add(table.batch(row, 0, {packed: false})) // a document's spooled findings (`SpoolTable`)
 * list.add(storeMessages)
 * for (const batch of list.batches()) print(batch)
 * ```
 */
export class MessageList {
  readonly #batches: Array<readonly Diagnostic[] | PackedMessages | PrintedMessages | SpooledMessages> = []
  #errors = 0

  /**
   * @param batch Diagnostics, a packed, printed or spooled batch of them, or every batch of a list, in order.
   */
  add(batch: readonly Diagnostic[] | PackedMessages | PrintedMessages | SpooledMessages | MessageList): void {
    if (batch instanceof MessageList) {
      this.#batches.push(...batch.#batches)
      this.#errors += batch.#errors
      return
    }
    if ('bytes' in batch || 'json' in batch || 'spool' in batch) {
      // A printed batch's diagnostics are not read (a batch from the cache would parse them): empty, it has no bytes.
      if ('bytes' in batch ? batch.bytes.length === 0 : 'spool' in batch ? batch.length === 0 : batch.json.length === 0 && batch.messages.length === 0) return
      this.#errors += batch.errors
    } else {
      if (batch.length === 0) return
      this.#errors += batch.filter((message) => message.severity === 'error').length
    }
    this.#batches.push(batch)
  }

  /** How many errors the list holds. */
  get errors(): number {
    return this.#errors
  }

  /**
   * @returns The batches in order, each unpacked when it is reached (none is empty).
   */
  *batches(): Generator<readonly Diagnostic[]> {
    for (const batch of this.#batches) yield 'bytes' in batch ? unpackMessages(batch) : 'spool' in batch ? unspoolMessages(batch) : 'json' in batch ? batch.messages : batch
  }

  /**
   * @returns The batches in order as `--json` prints them: a printed batch as its bytes (a spooled one read back when reached), the others as diagnostics (packed ones unpacked when reached; none is empty).
   */
  *printable(): Generator<readonly Diagnostic[] | Uint8Array> {
    for (const batch of this.#batches) yield 'bytes' in batch ? unpackMessages(batch) : 'spool' in batch ? (batch.packed ? unspoolMessages(batch) : batch.spool.read(batch.at, batch.length)) : 'json' in batch ? batch.json : batch
  }

  /**
   * @returns Every diagnostic, unpacked, in order.
   */
  all(): Diagnostic[] {
    return [...this.batches()].flat()
  }
}
