/**
 * A command answered from the run cache, from its arguments as given.
 * Takes: `process.argv`. Does: when the command is one the run cache
 * answers (`warmCommands`) and its arguments are simple enough to read
 * without the command line parser (`replay-args.ts`), looks its entry up
 * (`run-cache.ts`) and, on a hit, prints the stored output and sets the
 * exit code. Returns whether it did. Loads neither commander nor any of
 * the pipeline: the start runs it before it loads the command line
 * (`start.ts`).
 *
 * ```text
 * babele run --json    (nothing changed since the last run) → true: the stored output printed
 * babele run --json    (a source edited)                    → false: the command line runs it
 * babele lint          → false, nothing looked up
 * ```
 */
import {warmCommands} from './tiering.ts'

/** Whether the command was answered from the run cache (its output printed and its exit code set). */
export async function replayedFromArguments(): Promise<boolean> {
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
