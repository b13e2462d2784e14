// `node --import ./record-loads.js app.js`: appends the URL of every module
// node loads to the file named by $BABELE_LOADS, one per line, so a test can
// tell which modules a command needed. It only watches: every load goes on to
// node's own loader unchanged. Registered from the main thread; node runs the
// hook below in its loader thread.
import {appendFileSync} from 'node:fs'
import {register} from 'node:module'
import {isMainThread} from 'node:worker_threads'

if (isMainThread) register(import.meta.url)

/** Node's `load` hook: record the URL, then load as usual. */
export async function load(url, context, nextLoad) {
  appendFileSync(process.env.BABELE_LOADS, url + '\n')
  return nextLoad(url, context)
}
