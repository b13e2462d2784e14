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
 */
import {deflateRawSync, inflateRawSync} from 'node:zlib'
import type {Diagnostic} from '../types.ts'

/** A batch of diagnostics, packed. */
export interface PackedMessages {
  /** The batch's JSON (UTF-8), deflated; empty for an empty batch. */
  bytes: Uint8Array
  /** How many of them are errors (an exit code is decided without unpacking). */
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
 * @param packed A batch packed by {@linkcode packMessages}.
 * @returns Its diagnostics, as new objects.
 */
export function unpackMessages(packed: PackedMessages): Diagnostic[] {
  return packed.bytes.length === 0 ? [] : (JSON.parse(inflateRawSync(packed.bytes).toString('utf8')) as Diagnostic[])
}

/**
 * A command's diagnostics in order, as batches: lists of diagnostics, or
 * packed ones, unpacked only when read.
 *
 * ```ts
 * const list = new MessageList()
 * list.add(packMessages(lint)) // per document, as it comes
 * list.add(storeMessages)
 * for (const batch of list.batches()) print(batch)
 * ```
 */
export class MessageList {
  readonly #batches: Array<readonly Diagnostic[] | PackedMessages> = []
  #errors = 0

  /**
   * @param batch Diagnostics, or a packed batch of them.
   */
  add(batch: readonly Diagnostic[] | PackedMessages): void {
    if ('bytes' in batch) {
      if (batch.bytes.length === 0) return
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
    for (const batch of this.#batches) yield 'bytes' in batch ? unpackMessages(batch) : batch
  }

  /**
   * @returns Every diagnostic, unpacked, in order.
   */
  all(): Diagnostic[] {
    return [...this.batches()].flat()
  }
}
