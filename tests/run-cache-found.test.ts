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
 * The paths after the one that missed are signed on a helper thread
 * (`sign-ahead.ts`) while the command loads, and taken from there alike.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test, {type ExecutionContext} from 'ava'
import {holdsSigned, readText, signatureLength, signatureOf, statOf, writeAtomic} from '../pipeline/cli/fs.ts'
import * as runCache from '../pipeline/cli/run-cache.ts'
import type {ReplayRequest} from '../pipeline/cli/run-cache.ts'
import type {CommandResult} from '../pipeline/cli/commands/pipeline.ts'
import type {Workspace} from '../pipeline/cli/workspace.ts'
import {digestBytes} from '../pipeline/incremental/index.ts'
import {processState} from '../pipeline/cli/process-state.ts'
import {signAhead, type SignedAhead} from '../pipeline/cli/sign-ahead.ts'

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

/** A command of the project in `folder` that does what it is given and writes nothing, run through the run cache of `module`, and its request. */
function command(module: typeof runCache, folder: string, config: string, name: string): {request: ReplayRequest; run: (action: () => void) => ReturnType<typeof runCache.replayOrRun>} {
  const request: ReplayRequest = {command: name, options: {}, config, flags: {}}
  const workspace = {root: folder, config: {cache: '.babele/cache'}} as unknown as Workspace
  const result = {command: name, written: [], unchanged: 0, messages: [], summary: []} as unknown as CommandResult
  const run = (action: () => void) =>
    module.replayOrRun({...request, open: async () => workspace, render: async () => ({stdout: 'done\n', stderr: '', exitCode: 0})}, async () => {
      action()
      return result
    })
  return {request, run}
}

async function foundAfterMiss(t: ExecutionContext, {checking, running}: Copies): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'babele-found-'))
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const config = join(folder, 'babele.config.json')
  writeFileSync(config, '{}\n')
  // Checked in path order: a.txt and b.txt before z.txt.
  const [a, b, z] = ['a.txt', 'b.txt', 'z.txt'].map((name) => join(folder, name)) as [string, string, string]
  for (const path of [a, b, z]) writeFileSync(path, 'A\n')
  settle()
  const {request, run} = command(running, folder, config, 'found-test')
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

/** Until the helper thread has signed every path it was given (it starts through tsx here: seconds at most). */
async function signedAll(ahead: SignedAhead): Promise<void> {
  const until = Date.now() + 60_000
  while (Atomics.load(ahead.done, 0) > ahead.from) {
    if (Date.now() > until) throw new Error('the helper thread signed nothing in a minute')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

test('a helper thread signs the paths from the one given to the last: each as a stat gives it, none before, a missing one not at all', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'babele-ahead-'))
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  mkdirSync(join(folder, 'sub'))
  const paths = Array.from({length: 1200}, (_, index) => join(folder, index % 2 === 0 ? `f${index}.txt` : `sub/f${index}.txt`))
  paths.forEach((path, index) => index !== 700 && writeFileSync(path, String(index)))
  t.is(signAhead(paths.join('\0'), paths.length, paths.length - 999), undefined, 'fewer than a thousand paths: not worth a thread')
  const ahead = signAhead(paths.join('\0'), paths.length, 100)!
  await signedAll(ahead)
  const none = Array.from({length: signatureLength}, () => Number.NaN)
  t.deepEqual([...ahead.signatures.subarray(0, 100 * signatureLength)], Array.from({length: 100}, () => none).flat(), 'nothing before the first to sign')
  t.deepEqual([...ahead.signatures.subarray(700 * signatureLength, 701 * signatureLength)], none, 'a path not there: not signed')
  for (const index of [100, 101, 699, 701, 1199]) t.deepEqual(ahead.signatures.subarray(index * signatureLength, (index + 1) * signatureLength), signature(paths[index]!), paths[index])
})

test.serial('after a miss, the paths the check did not reach are signed on a helper thread, and found by their signature then until the command writes them', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'babele-found-ahead-'))
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const config = join(folder, 'babele.config.json')
  writeFileSync(config, '{}\n')
  // Checked in path order: the first file read is the one edited, and 1,200 come after it.
  const files = Array.from({length: 1201}, (_, index) => join(folder, `f${String(index).padStart(4, '0')}.txt`))
  for (const path of files) writeFileSync(path, 'A\n')
  settle()
  const {request, run} = command(runCache, folder, config, 'found-ahead-test')
  await run(() => void files.map((path) => readText(path)))
  const [first, middle, last] = [files[0]!, files[600]!, files[1200]!]
  const [signedMiddle, signedLast] = [middle, last].map(signature) as [Float64Array, Float64Array]
  const digest = digestBytes('A\n')

  writeFileSync(first, 'Z\n')
  t.is(await runCache.replayed(request), undefined, 'the first file read changed: a miss')
  const ahead = processState<{missed?: {found: {ahead?: SignedAhead}}}>('run-cache', () => ({})).missed?.found.ahead
  t.truthy(ahead, 'the 1,200 paths after it are signed ahead')
  await signedAll(ahead!)
  // Rewritten once signed: a stat now would see other signatures.
  writeFileSync(middle, 'Z\n')
  writeFileSync(last, 'Z\n')
  const answers: boolean[] = []
  await run(() => {
    answers.push(holdsSigned(middle, signedMiddle, digest), holdsSigned(last, signedLast, digest))
    writeAtomic(last, 'Y\n')
    answers.push(holdsSigned(last, signedLast, digest))
  })
  t.deepEqual(answers, [true, true, false], 'found by the signatures taken ahead; the last file looked at once the command wrote it')
})
