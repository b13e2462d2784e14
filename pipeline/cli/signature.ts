/**
 * A file's identity on disk as six numbers (its stat signature), so that a
 * file whose signature is unchanged need not be read again. Takes: a stat.
 * Writes: the numbers into an array of them. Its own module so a helper
 * thread that signs paths (`sign-ahead-worker.ts`) loads nothing else.
 */
import type {Stats} from 'node:fs'

/** The numbers of a stat signature, in the order {@linkcode signatureOf} writes them. */
export const signatureLength = 6

/**
 * A file's or a folder's identity on disk without reading it: file or
 * folder, size, device, inode, and the modification and change times in
 * milliseconds (to a fraction of a microsecond). Any write moves a file's
 * change time, and any entry added, removed or renamed moves its folder's;
 * a change time cannot be set back. Only two changes within one tick of the
 * file system's clock can leave the same signature, which is why the run
 * cache trusts a signature only once its change time is `settleMs` past
 * (`run-cache.ts`, `fs.ts`).
 *
 * @param stat A file's or a folder's stat.
 * @param into Where to write the numbers.
 * @param at Offset in `into`.
 */
export function signatureOf(stat: Stats, into: Float64Array, at: number): void {
  into[at] = stat.isFile() ? 1 : stat.isDirectory() ? 2 : 0
  into[at + 1] = stat.size
  into[at + 2] = stat.dev
  into[at + 3] = stat.ino
  into[at + 4] = stat.mtimeMs
  into[at + 5] = stat.ctimeMs
}
