/**
 * A command result as `--json` prints it, in pieces. Takes: the result,
 * its `messages` a list of diagnostics or a {@linkcode MessageList}.
 * Returns: the text of `JSON.stringify(result, null, 2)` and a line break,
 * byte for byte, as pieces to write one after the other: everything but
 * the messages, split where they go, and the messages a batch (at most
 * {@linkcode sliceLength} of them) at a time, so neither the whole text nor
 * (from a message list) every diagnostic is held at once. A batch printed
 * already (its UTF-8 bytes, kept with the lint findings in the cache:
 * `PrintedMessages`) is a piece as it is. Any other list of the result's
 * longer than a slice (an import's `reports` of 2,000 returned files, 35 MB
 * of text; a run's `coverage`) is stringified a slice at a time the same
 * way.
 *
 * A batch (or slice) is stringified in one native call, inside an object
 * that puts it where `messages` is in the result ({@linkcode messagesJson}): its
 * messages come out indented as they are in the whole text, and the piece
 * is that text less its first and last lines. No message is stringified
 * alone, no line is indented again, and no text is concatenated message by
 * message.
 *
 * ```text
 * {                      ← head
 *   "command": "extract",
 *   "messages": [
 *     {                  ← a batch: JSON.stringify({messages: batch}, null, 2)
 *       "file": "…",       less its first two lines (`{`, `"messages": [`)
 *     },                   and its last two (`]`, `}`)
 *     {
 *     …
 *   ],                   ← tail
 *   "summary": [
 * ```
 */
import type {Diagnostic} from '../types.ts'
import type {MessageList} from './packed-messages.ts'

/**
 * The most messages stringified in one call: a longer batch (an import's
 * findings come as one list: 169,000 of them, 92 MB, when 2,000 returned
 * files missed their terms) is stringified a slice at a time, so no one
 * string, nor the bytes it is written as, holds them all. The same for the
 * items of any other list of the result.
 */
const sliceLength = 1000

/** What stands for the messages while the rest is stringified: no path, summary or count holds a NUL. */
const marker = '\u0000messages'

/** What `JSON.stringify({messages: batch}, null, 2)` holds before the batch's first message. */
const batchHead = '{\n  "messages": [\n'

/** What it holds after the batch's last message. */
const batchTail = '\n  ]\n}'

/**
 * @param result A command result (`messages` at its top level).
 * @returns The pieces of its `--json` text: per batch that holds messages, its text a thousand messages at a time (the first piece with the text before it) or, for a printed batch, the text before it and its bytes; any other list of the result's longer than a thousand (an import's `reports`, a run's `coverage`) a thousand at a time too; then the rest.
 */
export function* jsonPieces(result: {messages: Diagnostic[] | MessageList; [field: string]: unknown}): Generator<string | Uint8Array> {
  // The messages and every other long list, each stood for by a marker of its own, taken in the order the text holds them.
  const long = Object.keys(result).filter((field) => field !== 'messages' && Array.isArray(result[field]) && (result[field] as unknown[]).length > sliceLength)
  const text = JSON.stringify({...result, messages: marker, ...Object.fromEntries(long.map((field) => [field, listMarker(field)]))}, null, 2) + '\n'
  const place = (stand: string, chunks: Iterable<string | Uint8Array>) => ({at: text.indexOf(JSON.stringify(stand)), length: JSON.stringify(stand).length, chunks})
  const places = [place(marker, messageChunks(result.messages)), ...long.map((field) => place(listMarker(field), slices(result[field] as unknown[])))].sort((a, b) => a.at - b.at)
  // The text between the lists goes with the next piece.
  let done = 0
  let before = ''
  for (const {at, length, chunks} of places) {
    before = yield* listPieces(before + text.slice(done, at), chunks)
    done = at + length
  }
  yield before + text.slice(done)
}

/**
 * A list's pieces: `[`, its chunks joined by commas, `]`, as
 * `JSON.stringify(result, null, 2)` lays a top-level list out.
 *
 * @param before The text before the list, put before its first piece.
 * @param chunks Its items as text a slice at a time ({@linkcode messagesJson}), or a printed batch's bytes.
 * @returns The text that ends it (with `before`, when the list is empty), to go before the next piece.
 */
function* listPieces(before: string, chunks: Iterable<string | Uint8Array>): Generator<string | Uint8Array, string> {
  let first = true
  for (const chunk of chunks) {
    const head = first ? before + '[\n' : ',\n'
    first = false
    if (typeof chunk === 'string') yield head + chunk
    else {
      yield head
      yield chunk
    }
  }
  return first ? before + '[]' : '\n  ]'
}

/** The messages' chunks: each batch that holds some, a printed one as its bytes, any other a thousand messages at a time. */
function* messageChunks(messages: Diagnostic[] | MessageList): Generator<string | Uint8Array> {
  for (const batch of Array.isArray(messages) ? [messages] : messages.printable()) {
    if (batch instanceof Uint8Array) {
      if (batch.length > 0) yield batch
    } else yield* slices(batch)
  }
}

/** A list's items as text, a thousand at a time ({@linkcode messagesJson}). */
function* slices(items: readonly unknown[]): Generator<string> {
  for (let from = 0; from < items.length; from += sliceLength) yield messagesJson(items.slice(from, from + sliceLength))
}

/** What stands for another long list of the result while the rest is stringified. */
function listMarker(field: string): string {
  return `\u0000list ${field}`
}

/**
 * A batch of messages as `--json` prints it among a result's messages (or
 * the items of another list of the result's, alike).
 *
 * ```text
 *     {
 *       "file": "source/it/a.md",
 *       …
 *     },
 *     {
 *       …
 *     }
 * ```
 *
 * @param batch Diagnostics, or a list's items (at least one).
 * @returns Their text, each message indented as in `JSON.stringify(result, null, 2)`, joined by `,\n`, with neither a line break before the first nor after the last.
 */
export function messagesJson(batch: readonly unknown[]): string {
  const whole = JSON.stringify({messages: batch}, null, 2)
  return whole.slice(batchHead.length, whole.length - batchTail.length)
}
