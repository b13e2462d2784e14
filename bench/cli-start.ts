/**
 * Bench stage: how long the installed command takes to start. Takes: the
 * number of runs. Returns: the median wall time, in seconds, of spawning
 * `node bin/babele.js --version`, `… --help` (the bundled bin, bundle/ built
 * first by `npm run bench`) and bare `node -e 0` (the floor no CLI can beat).
 */
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {median} from './stats.ts'

/** Median start times, in seconds. */
export interface CliStart {
  version: number
  help: number
  node: number
}

const bin = fileURLToPath(new URL('../bin/babele.js', import.meta.url))

/** Median seconds of `runs` spawns of `node …args`, after one untimed warm-up. */
function spawnMedian(args: string[], runs: number): number {
  const times: number[] = []
  for (let run = 0; run <= runs; run++) {
    const started = performance.now()
    const result = spawnSync(process.execPath, args, {encoding: 'utf8'})
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`)
    if (run > 0) times.push((performance.now() - started) / 1000)
  }
  return median(times)
}

/** Time the compiled CLI's start against bare node. */
export function cliStart(runs: number): CliStart {
  return {version: spawnMedian([bin, '--version'], runs), help: spawnMedian([bin, '--help'], runs), node: spawnMedian(['-e', '0'], runs)}
}
