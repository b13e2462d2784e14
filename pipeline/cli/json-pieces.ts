/**
 * A command result as `--json` prints it, in pieces. Takes: the result,
 * its `messages` a list of diagnostics or a {@linkcode MessageList}.
 * Returns: the text of `JSON.stringify(result, null, 2)` and a line break,
 * byte for byte, as pieces to write one after the other: everything but
 * the messages, split where they go, and the messages a batch (at most
 * {@linkcode sliceLength} of them) at a time, so neither the whole text nor
 * (from a message list) every diagnostic is held at once. A batch printed
 * already (its UTF-8 bytes, kept with the lint findings in the cache:
 * `PrintedMessages`) is a piece as it is.
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
 * string, nor the bytes it is written as, holds them all.
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
 * @returns The pieces of its `--json` text: per batch that holds messages, its text a thousand messages at a time (the first piece with the text before it) or, for a printed batch, the text before it and its bytes; then the rest.
 */
export function* jsonPieces(result: {messages: Diagnostic[] | MessageList; [field: string]: unknown}): Generator<string | Uint8Array> {
  const text = JSON.stringify({...result, messages: marker}, null, 2) + '\n'
  const at = text.indexOf(JSON.stringify(marker))
  const batches = Array.isArray(result.messages) ? [result.messages] : result.messages.printable()
  let first = true
  for (const batch of batches) {
    if (batch.length === 0) continue
    const before = first ? text.slice(0, at) + '[\n' : ',\n'
    first = false
    if (batch instanceof Uint8Array) {
      yield before
      yield batch
    } else for (let from = 0; from < batch.length; from += sliceLength) yield (from === 0 ? before : ',\n') + messagesJson(batch.slice(from, from + sliceLength))
  }
  yield (first ? text.slice(0, at) + '[]' : '\n  ]') + text.slice(at + JSON.stringify(marker).length)
}

/**
 * A batch of messages as `--json` prints it among a result's messages.
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
 * @param batch Diagnostics (at least one).
 * @returns Their text, each message indented as in `JSON.stringify(result, null, 2)`, joined by `,\n`, with neither a line break before the first nor after the last.
 */
export function messagesJson(batch: readonly Diagnostic[]): string {
  const whole = JSON.stringify({messages: batch}, null, 2)
  return whole.slice(batchHead.length, whole.length - batchTail.length)
}
