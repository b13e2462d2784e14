/**
 * Diagnostics kept compactly until they are printed. Takes: diagnostics, a
 * batch at a time (a document's, on the thread that found them). Returns:
 * the batch packed (its JSON, deflated), and a list of batches that gives
 * them back in order, one batch at a time.
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
 * stringified nor encoded again). A printed batch packs as its bytes
 * deflated (`packPrinted`: `extract`'s lint findings), so it is neither
 * stringified to be packed nor parsed and stringified again to be printed.
 */
import {deflateRawSync, inflateRawSync} from 'node:zlib'
import type {Diagnostic} from '../types.ts'

/** A batch of diagnostics, packed. */
export interface PackedMessages {
  /** The batch's JSON (UTF-8), deflated; empty for an empty batch. */
  bytes: Uint8Array
  /** How many of them are errors (an exit code is decided without unpacking). */
  errors: number
  /** The bytes are a printed batch's (`PrintedMessages.json`, as `--json` prints it among a result's messages), not a JSON array: printed as they are once inflated. */
  printed?: true
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
 * @param batch A printed batch (its bytes `messagesJson` of its diagnostics).
 * @returns The batch packed: its bytes deflated, as they are.
 */
export function packPrinted(batch: PrintedMessages): PackedMessages {
  if (batch.json.length === 0) return packMessages(batch.messages)
  // A copy of its own, as in `packMessages`.
  const bytes = new Uint8Array(deflateRawSync(batch.json, {level}))
  return {bytes, errors: batch.errors, printed: true}
}

/**
 * @param packed A batch packed by {@linkcode packMessages} or {@linkcode packPrinted}.
 * @returns Its diagnostics, as new objects.
 */
export function unpackMessages(packed: PackedMessages): Diagnostic[] {
  if (packed.bytes.length === 0) return []
  const text = inflateRawSync(packed.bytes).toString('utf8')
  // A printed batch is its messages' text without the brackets around them.
  return JSON.parse(packed.printed ? `[${text}]` : text) as Diagnostic[]
}

/**
 * A command's diagnostics in order, as batches: lists of diagnostics, or
 * packed ones, unpacked only when read.
 *
 * ```ts
 * const list = new MessageList()
 * list.add(packPrinted(lint)) // per document, as it comes
 * list.add(storeMessages)
 * for (const batch of list.batches()) print(batch)
 * ```
 */
export class MessageList {
  readonly #batches: Array<readonly Diagnostic[] | PackedMessages | PrintedMessages> = []
  #errors = 0

  /**
   * @param batch Diagnostics, a packed or printed batch of them, or every batch of a list, in order.
   */
  add(batch: readonly Diagnostic[] | PackedMessages | PrintedMessages | MessageList): void {
    if (batch instanceof MessageList) {
      this.#batches.push(...batch.#batches)
      this.#errors += batch.#errors
      return
    }
    if ('bytes' in batch || 'json' in batch) {
      // A printed batch's diagnostics are not read (a batch from the cache would parse them): empty, it has no bytes.
      if ('bytes' in batch ? batch.bytes.length === 0 : batch.json.length === 0 && batch.messages.length === 0) return
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
    for (const batch of this.#batches) yield 'bytes' in batch ? unpackMessages(batch) : 'json' in batch ? batch.messages : batch
  }

  /**
   * @returns The batches in order as `--json` prints them: a printed batch as its bytes (a packed one inflated when reached), the others as diagnostics (packed ones unpacked when reached; none is empty).
   */
  *printable(): Generator<readonly Diagnostic[] | Uint8Array> {
    for (const batch of this.#batches) yield 'bytes' in batch ? (batch.printed ? inflateRawSync(batch.bytes) : unpackMessages(batch)) : 'json' in batch ? batch.json : batch
  }

  /**
   * @returns Every diagnostic, unpacked, in order.
   */
  all(): Diagnostic[] {
    return [...this.batches()].flat()
  }
}
