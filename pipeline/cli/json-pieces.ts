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
  // The other long lists, each stood for by a marker of its own, in the order the text holds them.
  const long = Object.keys(result).filter((field) => field !== 'messages' && Array.isArray(result[field]) && (result[field] as unknown[]).length > sliceLength)
  const text = JSON.stringify({...result, messages: marker, ...Object.fromEntries(long.map((field) => [field, listMarker(field)]))}, null, 2) + '\n'
  const at = text.indexOf(JSON.stringify(marker))
  const lists = long.map((field) => ({items: result[field] as unknown[], at: text.indexOf(JSON.stringify(listMarker(field))), length: JSON.stringify(listMarker(field)).length})).sort((a, b) => a.at - b.at)
  // How far the text is taken, and what of it is still to go before the next piece.
  let done = 0
  let pending = ''
  // The text up to `end` taken: each long list in it a thousand items at a time (the text before it with its first piece), the rest pending.
  function* through(end: number): Generator<string> {
    for (const list of lists) {
      if (list.at < done || list.at >= end) continue
      for (let from = 0; from < list.items.length; from += sliceLength) {
        const before = from === 0 ? pending + text.slice(done, list.at) + '[\n' : ',\n'
        pending = ''
        yield before + messagesJson(list.items.slice(from, from + sliceLength))
      }
      done = list.at + list.length
      pending = '\n  ]'
    }
    pending += text.slice(done, end)
    done = end
  }
  const batches = Array.isArray(result.messages) ? [result.messages] : result.messages.printable()
  let first = true
  for (const batch of batches) {
    if (batch.length === 0) continue
    if (first) yield* through(at)
    const before = first ? pending + '[\n' : ',\n'
    pending = ''
    first = false
    if (batch instanceof Uint8Array) {
      yield before
      yield batch
    } else for (let from = 0; from < batch.length; from += sliceLength) yield (from === 0 ? before : ',\n') + messagesJson(batch.slice(from, from + sliceLength))
  }
  if (first) {
    yield* through(at)
    pending += '[]'
  } else pending = '\n  ]'
  done = at + JSON.stringify(marker).length
  yield* through(text.length)
  yield pending
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
