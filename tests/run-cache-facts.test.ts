/**
 * The facts a stored run depends on, as the run cache keeps them: a fact
 * noted again (a file read twice, changed in between by someone else) is
 * stored with its later value, which the next run checks. In-process, on a
 * folder of one file read by a command that writes nothing: seen through
 * `replayOrRun` answering from the entry, or running the command again.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import {readText} from '../pipeline/cli/fs.ts'
import {replayOrRun, type ReplayRequest} from '../pipeline/cli/run-cache.ts'
import type {CommandResult} from '../pipeline/cli/commands/pipeline.ts'
import type {Workspace} from '../pipeline/cli/workspace.ts'

test('a file read twice, changed in between, is stored with the bytes read last: the next run holds while the file keeps them, and runs again once it does not', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'babele-facts-'))
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const config = join(folder, 'babele.config.json')
  writeFileSync(config, '{}\n')
  const a = join(folder, 'a.txt')
  writeFileSync(a, 'A\n')
  const request: ReplayRequest = {command: 'facts-test', options: {}, config, flags: {}}
  const workspace = {root: folder, config: {cache: '.babele/cache'}} as unknown as Workspace
  const result = {command: 'facts-test', written: [], unchanged: 0, messages: [], summary: []} as unknown as CommandResult
  let runs = 0
  const run = (action: () => void) =>
    replayOrRun({...request, open: async () => workspace, render: async () => ({stdout: 'done\n', stderr: '', exitCode: 0})}, async () => {
      runs++
      action()
      return result
    })

  await run(() => {
    readText(a)
    writeFileSync(a, 'B\n')
    readText(a)
  })
  t.is(runs, 1)
  await run(() => void readText(a))
  t.is(runs, 1, 'a.txt holds the bytes read last: answered from the entry')
  writeFileSync(a, 'A\n')
  await run(() => void readText(a))
  t.is(runs, 2, 'a.txt holds the bytes read first: run again')
})
