/**
 * Split a project's documents between CI jobs. Takes: `--shard i/n` as
 * written, or a document path and a shard. Returns: the shard, or whether a
 * document belongs to it.
 *
 * A document's shard is a hash of its path (never its position in a list),
 * so it stays in its shard when files are added or removed elsewhere, and
 * every job decides alone, with nothing to share but the config: the `n`
 * shards are disjoint and together hold every document.
 *
 * ```ts
 * parseShard('2/3') // {value: {index: 2, count: 3}}
 * ```
 */
import {createHash} from 'node:crypto'

/** One of `count` shards, numbered from 1. */
export interface Shard {
  index: number
  count: number
}

/**
 * @param text `i/n`, with `1 ≤ i ≤ n`.
 * @returns The shard, or why the text is not one.
 */
export function parseShard(text: string): {value: Shard; problem?: undefined} | {value?: undefined; problem: string} {
  const match = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim())
  if (!match) return {problem: `expected i/n, such as 1/4 (got \`${text}\`)`}
  const index = Number(match[1])
  const count = Number(match[2])
  if (count < 1 || index < 1 || index > count) return {problem: `expected 1 ≤ i ≤ n in i/n (got \`${text}\`)`}
  return {value: {index, count}}
}

/**
 * @param path A document path (`guide/intro.md`).
 * @param shard The shard (`undefined` or `1/1`: every document).
 * @returns Whether the document is the shard's.
 */
export function inShard(path: string, shard: Shard | null | undefined): boolean {
  if (!shard || shard.count === 1) return true
  return createHash('sha1').update(path).digest().readUInt32BE(0) % shard.count === shard.index - 1
}
