/**
 * The `babele` executable: runs the command line on `process.argv`.
 * `bin/babele.js` imports its bundled form (`bundle/cli/main.js`, built by
 * `scripts/build.js`, split at each `await import(…)` below and in
 * `program.ts`); the tests run this file from the sources through tsx.
 *
 * `run`, `extract` and `build` with simple arguments are first looked up
 * in the run cache (`replay-args.ts`, `run-cache.ts`): a hit prints the
 * stored output without loading the command line parser; anything else,
 * a miss included, goes to commander (`program.ts`).
 *
 * V8's optimizing is tuned first (`tiering.ts`; TurboFan off for those
 * three commands until they find they compute for long), before any of
 * that code is loaded.
 */
import {tuneTiering} from './tiering.ts'

/** The commands a one-file edit runs, which the run cache answers when nothing changed. */
const warmCommands = ['run', 'extract', 'build']

tuneTiering({baselineOnly: warmCommands.includes(process.argv[2]!)})

if (!(await replayedFromArguments())) {
  const {createProgram} = await import('./program.ts')
  await createProgram().parseAsync(process.argv)
}

/** Whether the command was answered from the run cache (its output printed and its exit code set). */
async function replayedFromArguments(): Promise<boolean> {
  if (!warmCommands.includes(process.argv[2]!)) return false
  const {replayRequest, simpleArguments} = await import('./replay-args.ts')
  const simple = simpleArguments(process.argv)
  if (!simple) return false
  const {replayed} = await import('./run-cache.ts')
  const hit = await replayed(replayRequest(simple.command, simple.values))
  if (!hit) return false
  hit.emit()
  if (hit.exitCode !== 0) process.exitCode = hit.exitCode
  return true
}
