/**
 * What the run cache's check of an entry found on disk, used by the command
 * that runs after a miss: a file the check found with its signature is
 * taken as found by `holdsSigned`, without a `stat` (as if it had been
 * looked at when the command began: a change since is seen by the next
 * command), until the command writes it; a later command of the same
 * process checks again. In-process, on a folder of two files read by a
 * command that writes nothing: seen through `holdsSigned`'s answer for a
 * file rewritten after the check, which a `stat` would reject. The miss is
 * the process's, not the module's: the installed bin checks from its start
 * and runs the command from another bundle, each with its own copy of the
 * module (a second copy here: the module imported under another URL).
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test, {type ExecutionContext} from 'ava'
import {holdsSigned, readText, signatureLength, signatureOf, statOf, writeAtomic} from '../pipeline/cli/fs.ts'
import * as runCache from '../pipeline/cli/run-cache.ts'
import type {ReplayRequest} from '../pipeline/cli/run-cache.ts'
import type {CommandResult} from '../pipeline/cli/commands/pipeline.ts'
import type {Workspace} from '../pipeline/cli/workspace.ts'
import {digestBytes} from '../pipeline/incremental/index.ts'

/** Wait, so that every file written so far last changed more than a second ago (the run cache signs such files). */
function settle(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1100)
}

/** A file's signature now. */
function signature(path: string): Float64Array {
  const into = new Float64Array(signatureLength)
  signatureOf(statOf(path)!, into, 0)
  return into
}

/** The module that checks the entry, and the one that runs the command after the miss. */
interface Copies {
  checking: typeof runCache
  running: typeof runCache
}

test.serial('after a miss, a file the check found with its signature is found without a stat until the command writes it, and a later command checks again', async (t) => {
  await foundAfterMiss(t, {checking: runCache, running: runCache})
})

test.serial('a copy of the module that runs the command after another copy\'s check takes what that check found', async (t) => {
  // Another URL: another instance of the module, with state of its own.
  const copy = (await import(new URL('../pipeline/cli/run-cache.ts?copy', import.meta.url).href)) as typeof runCache
  t.not(copy, runCache, 'two copies of the module')
  await foundAfterMiss(t, {checking: runCache, running: copy})
})

async function foundAfterMiss(t: ExecutionContext, {checking, running}: Copies): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'babele-found-'))
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const config = join(folder, 'babele.config.json')
  writeFileSync(config, '{}\n')
  // Checked in path order: a.txt and b.txt before z.txt.
  const [a, b, z] = ['a.txt', 'b.txt', 'z.txt'].map((name) => join(folder, name)) as [string, string, string]
  for (const path of [a, b, z]) writeFileSync(path, 'A\n')
  settle()
  const request: ReplayRequest = {command: 'found-test', options: {}, config, flags: {}}
  const workspace = {root: folder, config: {cache: '.babele/cache'}} as unknown as Workspace
  const result = {command: 'found-test', written: [], unchanged: 0, messages: [], summary: []} as unknown as CommandResult
  const run = (action: () => void) =>
    running.replayOrRun({...request, open: async () => workspace, render: async () => ({stdout: 'done\n', stderr: '', exitCode: 0})}, async () => {
      action()
      return result
    })
  // Stored: a command that read the three files and wrote nothing.
  await run(() => void [a, b, z].map((path) => readText(path)))
  const [signedA, signedB, signedZ] = [a, b, z].map(signature) as [Float64Array, Float64Array, Float64Array]
  const digest = digestBytes('A\n')

  // z.txt edited: a miss; the check found a.txt and b.txt with their signatures, not z.txt.
  writeFileSync(z, 'Z\n')
  t.is(await checking.replayed(request), undefined)
  // a.txt and b.txt rewritten after the check: a stat would see other signatures.
  writeFileSync(a, 'Z\n')
  writeFileSync(b, 'Z\n')
  t.false(holdsSigned(a, signedA, digest), 'outside a command, looked at')
  const answers: boolean[] = []
  await run(() => {
    answers.push(holdsSigned(a, signedA, digest), holdsSigned(b, signedB, digest), holdsSigned(z, signedZ, digest))
    writeAtomic(b, 'Y\n')
    answers.push(holdsSigned(b, signedB, digest))
  })
  t.deepEqual(answers, [true, true, false, false], 'a.txt and b.txt found by the check; z.txt not found (its signature moved), looked at; b.txt looked at once written')

  // Another command of the same process checks the entry again: a.txt's signature moved.
  const again: boolean[] = []
  await run(() => void again.push(holdsSigned(a, signedA, digest)))
  t.deepEqual(again, [false])
}
