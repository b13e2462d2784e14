/**
 * Text written in large pieces. Takes: pieces of text or bytes, to be
 * written one after the other (`--json`: `json-pieces.ts`, about a piece
 * per document's messages). Returns: the same as UTF-8 bytes, in chunks of
 * about a megabyte, each a buffer of its own (a caller may keep them), or
 * one buffer filled again for each (`reused`: a caller that writes each
 * chunk before asking for the next).
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

/** How {@linkcode byteChunks} chunks the bytes. */
export interface Options {
  /** Bytes per chunk (default a megabyte); a piece that cannot fit in one is a chunk of its own. */
  size?: number | null | undefined
  /**
   * Fill one buffer again for each chunk (default `false`: each chunk a
   * buffer of its own): a chunk holds its bytes only until the next is
   * asked for, so it must be written (`outputWriter`) or copied first.
   * Printing `--json` through one megabyte, not a new one per megabyte,
   * spares the memory system a fresh buffer's pages per chunk (15 MB of
   * the 2,000-file project's `run --json`: about 10 ms of a one-file edit).
   */
  reused?: boolean | null | undefined
}

/**
 * @param pieces Text (written as UTF-8) and bytes, in pieces.
 * @param options Chunk size, and whether one buffer is filled again for each chunk.
 * @returns The bytes, in order, in chunks (none empty).
 */
export function* byteChunks(pieces: Iterable<string | Uint8Array>, options?: Options | null): Generator<Uint8Array> {
  const size = options?.size ?? chunkSize
  const reused = options?.reused ?? false
  let chunk = Buffer.allocUnsafeSlow(size)
  let used = 0
  for (const piece of pieces) {
    // UTF-8 takes at most three bytes per UTF-16 code unit: a piece that may not fit starts a new chunk.
    const most = typeof piece === 'string' ? piece.length * 3 : piece.length
    if (most > size - used) {
      if (used > 0) {
        yield chunk.subarray(0, used)
        if (!reused) chunk = Buffer.allocUnsafeSlow(size)
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
