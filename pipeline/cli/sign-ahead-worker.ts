/**
 * The helper thread of `sign-ahead.ts`: signs each path from the last down
 * to `from`, writing its signature into shared memory before it counts it
 * done, so a signature the main thread sees counted is whole.
 */
import {statSync} from 'node:fs'
import {workerData} from 'node:worker_threads'
import type {SignAheadData} from './sign-ahead.ts'
import {signatureLength, signatureOf} from './signature.ts'

const {paths, from, signatures, done} = workerData as SignAheadData
const all = paths.split('\0')
for (let index = all.length - 1; index >= from; index--) {
  try {
    const stat = statSync(all[index]!, {throwIfNoEntry: false})
    if (stat) signatureOf(stat, signatures, index * signatureLength)
  } catch {
    // Not signed (`NaN`s): the main thread looks at it itself.
  }
  Atomics.store(done, 0, index)
}
