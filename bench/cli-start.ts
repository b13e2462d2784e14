/**
 * Bench stage: how long the installed command takes to start. Takes: the
 * number of runs. Returns: the median wall time, in seconds, of spawning
 * `node bin/babele.js --version`, `… --help` (the compiled bin, lib/ built
 * first by `npm run bench`) and bare `node -e 0` (the floor no CLI can beat).
 */
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

/** Median start times, in seconds. */
export interface CliStart {
  version: number
  help: number
  node: number
}

const bin = fileURLToPath(new URL('../bin/babele.js', import.meta.url))

/** Median seconds of `runs` spawns of `node …args`, after one untimed warm-up. */
function median(args: string[], runs: number): number {
  const times: number[] = []
  for (let run = 0; run <= runs; run++) {
    const started = performance.now()
    const result = spawnSync(process.execPath, args, {encoding: 'utf8'})
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`)
    if (run > 0) times.push((performance.now() - started) / 1000)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

/** Time the compiled CLI's start against bare node. */
export function cliStart(runs: number): CliStart {
  return {version: median([bin, '--version'], runs), help: median([bin, '--help'], runs), node: median(['-e', '0'], runs)}
}
