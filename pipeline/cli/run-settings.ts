/**
 * What stops a command before it starts, and how it uses the machine.
 * Takes: `--jobs`, `--no-cache` and `--shard` as commander gives them.
 * Returns: the run's settings, or a usage error (exit code 2). Light on
 * purpose: a command answered from the run cache loads nothing more.
 */
import {availableParallelism} from 'node:os'
import {parseShard, type Shard} from '../incremental/index.ts'
import type {Diagnostic} from '../types.ts'

/** Raised for a problem that stops a command before it starts (exit code 2). */
export class UsageError extends Error {
  messages: Diagnostic[]
  constructor(message: string, messages: Diagnostic[] = []) {
    super(message)
    this.messages = messages
  }
}

/** `--jobs`, `--no-cache` and `--shard` as commander gives them. */
export interface RunFlags {
  jobs?: string | undefined
  cache?: boolean | undefined
  shard?: string | undefined
}

/** How a command uses the machine and the cache. */
export interface RunSettings {
  /** Threads extracting sources, the main one among them (default: the machine's available parallelism). */
  jobs: number
  /** Read and write the cache (`--no-cache`: neither). */
  cache: boolean
  /** Only this shard's documents get outputs. */
  shard?: Shard | undefined
}

/**
 * Check the run flags; a bad one is a usage error.
 *
 * @param flags `--jobs`, `--no-cache`, `--shard`.
 */
export function runSettings(flags: RunFlags): RunSettings {
  let jobs = availableParallelism()
  if (flags.jobs !== undefined) {
    if (!/^\d{1,3}$/.test(flags.jobs) || Number(flags.jobs) < 1) throw new UsageError(`--jobs ${flags.jobs}: expected a whole number of threads, 1 or more`)
    jobs = Number(flags.jobs)
  }
  const settings: RunSettings = {jobs, cache: flags.cache !== false}
  if (flags.shard !== undefined) {
    const shard = parseShard(flags.shard)
    if (!shard.value) throw new UsageError(`--shard ${flags.shard}: ${shard.problem}`)
    settings.shard = shard.value
  }
  return settings
}

