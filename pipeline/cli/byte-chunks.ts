/**
 * Text written in large pieces. Takes: pieces of text or bytes, to be
 * written one after the other (`--json`: `json-pieces.ts`, about a piece
 * per document's messages). Returns: the same as UTF-8 bytes, in chunks of
 * about a megabyte, each a buffer of its own (a caller may keep them).
 *
 * Each piece is encoded (or copied) straight into the chunk it fits in: no
 * buffer per piece and no write per piece (the 4,000 pieces of
 * `babele run --json` on a 2,000-file project, 15 MB, are 16 writes).
 *
 * ```text
 * pieces  "{\n  "command"…[\n    {…}"  ",\n    {…}"  ",\n    {…}"  …  "\n  ],\n  "summary"…"
 * chunks  [         1 MB          ][         1 MB          ] … [ the rest ]
 * ```
 */

/** A chunk's size: few writes, and little held at once. */
const chunkSize = 1 << 20

/**
 * @param pieces Text (written as UTF-8) and bytes, in pieces.
 * @param size Bytes per chunk (default a megabyte); a piece that cannot fit in one is a chunk of its own.
 * @returns The bytes, in order, in chunks (none empty).
 */
export function* byteChunks(pieces: Iterable<string | Uint8Array>, size: number = chunkSize): Generator<Uint8Array> {
  let chunk = Buffer.allocUnsafeSlow(size)
  let used = 0
  for (const piece of pieces) {
    // UTF-8 takes at most three bytes per UTF-16 code unit: a piece that may not fit starts a new chunk.
    const most = typeof piece === 'string' ? piece.length * 3 : piece.length
    if (most > size - used) {
      if (used > 0) {
        yield chunk.subarray(0, used)
        chunk = Buffer.allocUnsafeSlow(size)
        used = 0
      }
      if (most > size) {
        yield typeof piece === 'string' ? Buffer.from(piece) : piece
        continue
      }
    }
    if (typeof piece === 'string') used += chunk.write(piece, used)
    else {
      chunk.set(piece, used)
      used += piece.length
    }
  }
  if (used > 0) yield chunk.subarray(0, used)
}
