/**
 * The `babele` executable: runs the command line on `process.argv`.
 * `bin/babele.js` runs its bundled form (`bundle/cli/main.cjs`, built by
 * `scripts/build.js`) through `start.ts`, from V8's cache of its compiled
 * code; each module behind an `await import(…)` below and in `program.ts`
 * is evaluated only when a command reaches it. The tests run this file from
 * the sources through tsx.
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
import {tuneTiering, warmCommands} from './tiering.ts'

tuneTiering({baselineOnly: warmCommands.includes(process.argv[2]!)})

// Not awaited at the top: the bundle is a CommonJS script (`compile-cache.ts`); a rejection ends the process as an error.
void runCommandLine()

/** Answer from the run cache, or parse the arguments and run the command. */
async function runCommandLine(): Promise<void> {
  if (await replayedFromArguments()) return
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
