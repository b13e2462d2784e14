/**
 * Paths signed on a helper thread while the command runs. Takes: the paths
 * of a run cache entry that missed (NUL-joined, as the entry stores them)
 * and the first one its check did not reach. Returns: their signatures
 * (`signature.ts`) in shared memory, written by the thread last path first,
 * and how far it got: the command takes a path's signature from there
 * (`Observer.found`, `run-cache.ts`) instead of making its own `stat`, once
 * the thread has signed it.
 *
 * A one-file edit's check of the run cache stops at the first path whose
 * facts changed, and the command then looked at each later path with a
 * `stat` of its own as its stages came to it: about 12,000 on the bench's
 * 2,000-file project (stores, sources, XLIFF and built files), 30–70 ms of
 * the only thread the edit runs on. The helper thread signs them while the
 * main thread loads the command (it starts in a few tens of milliseconds
 * and signs about 300 paths a millisecond). Last path first: the stages
 * come to the paths in about the order the entry lists them, so the two
 * threads meet rather than race over the same paths.
 *
 * Never wrong: a path the thread has not signed yet, that is not there,
 * or that the command changed since (`Observer.changed`) is looked at as
 * before; a signature taken ahead stands for the file as the command
 * began, as the check's own do. A thread that cannot start or fails signs
 * nothing.
 *
 * ```ts
 * const ahead = signAhead(found.paths, count, stoppedAt + 1)
 * // Later: the path at `index` is signed once Atomics.load(ahead.done, 0) <= index.
 * ```
 */
import type {Worker} from 'node:worker_threads'
import {startWorker} from './pool.ts'
import {signatureLength} from './signature.ts'

/** Fewer paths than this to sign: the main thread's own `stat`s cost less than a thread. */
const worthSigning = 1000

/** What the helper thread is given (`sign-ahead-worker.ts`). */
export interface SignAheadData {
  /** The paths, joined by NUL characters. */
  paths: string
  /** The first path (by index) to sign: the thread signs from the last down to it. */
  from: number
  /** Each path's signature at `index * signatureLength`, `NaN`s until signed (and for a path that is not there). */
  signatures: Float64Array
  /** At 0: the lowest index signed so far (the number of paths until the first is). */
  done: Int32Array
}

/** Paths being signed ahead. */
export type SignedAhead = Pick<SignAheadData, 'from' | 'signatures' | 'done'>

/** The helper thread's module beside this one, of the same kind: bundled (`bundle/cli/sign-ahead-worker.cjs`), compiled or the source under tsx. */
const workerModule = new URL(`./sign-ahead-worker${/\.[cm]?[jt]s$/.exec(import.meta.url)![0]}`, import.meta.url)

/**
 * @param paths The paths, joined by NUL characters (relative ones are the working folder's).
 * @param count How many there are.
 * @param from The first to sign.
 * @returns The signatures as they come, or `undefined` when too few are left to be worth a thread, or it cannot start.
 */
export function signAhead(paths: string, count: number, from: number): SignedAhead | undefined {
  if (count - from < worthSigning) return undefined
  const data: SignAheadData = {paths, from, signatures: new Float64Array(new SharedArrayBuffer(count * signatureLength * Float64Array.BYTES_PER_ELEMENT)).fill(Number.NaN), done: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)).fill(count)}
  let worker: Worker
  try {
    worker = startWorker(workerModule, data, undefined)
  } catch {
    return undefined
  }
  // It never keeps the command alive, and its failure is only a miss of its signatures.
  worker.unref()
  worker.on('error', () => {})
  return {from, signatures: data.signatures, done: data.done}
}
