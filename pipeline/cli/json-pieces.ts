/**
 * A command result as `--json` prints it, in pieces. Takes: the result,
 * its `messages` a list of diagnostics or a {@linkcode MessageList}.
 * Returns: the text of `JSON.stringify(result, null, 2)` and a line break,
 * byte for byte, as pieces to write one after the other: everything but
 * the messages, split where they go, and the messages a batch at a time,
 * so neither the whole text nor (from a message list) every diagnostic is
 * held at once.
 *
 * ```text
 * {                      ← head
 *   "command": "extract",
 *   "messages": [
 *     {                  ← a batch: each message stringified alone,
 *       "file": "…",       its lines indented by two levels
 *     },
 *     {
 *     …
 *   ],                   ← tail
 *   "summary": [
 * ```
 */
import type {Diagnostic} from '../types.ts'
import type {MessageList} from './packed-messages.ts'

/** What stands for the messages while the rest is stringified: no path, summary or count holds a NUL. */
const marker = '\u0000messages'

/** A message's indentation inside `"messages": [` at the top level. */
const indent = '    '

/**
 * @param result A command result (`messages` at its top level).
 * @returns The pieces of its `--json` text.
 */
export function* jsonPieces(result: {messages: Diagnostic[] | MessageList; [field: string]: unknown}): Generator<string> {
  const text = JSON.stringify({...result, messages: marker}, null, 2) + '\n'
  const at = text.indexOf(JSON.stringify(marker))
  const batches = Array.isArray(result.messages) ? [result.messages] : result.messages.batches()
  let first = true
  for (const batch of batches) {
    if (batch.length === 0) continue
    let piece = first ? text.slice(0, at) + '[\n' : ',\n'
    first = false
    for (let index = 0; index < batch.length; index++) piece += (index === 0 ? '' : ',\n') + indent + JSON.stringify(batch[index], null, 2).replaceAll('\n', '\n' + indent)
    yield piece
  }
  yield (first ? text.slice(0, at) + '[]' : '\n  ]') + text.slice(at + JSON.stringify(marker).length)
}
