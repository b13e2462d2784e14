/**
 * `babele cache prune`: remove what the project's cache holds that no
 * command uses any more (`cache-prune.ts`). Takes: a workspace, an age in
 * days and whether to remove or only count. Returns: a command result
 * saying what was removed (or would be) and kept.
 */
import {resolve} from 'node:path'
import {pruneCache, type PruneResult} from '../cache-prune.ts'
import {codeVersion} from '../code-version.ts'
import {UsageError, type Workspace} from '../workspace.ts'
import type {CommandResult} from './pipeline.ts'

/** A day, in milliseconds. */
const day = 24 * 60 * 60 * 1000

/** Options of {@linkcode cachePrune}. */
export interface CachePruneOptions {
  /** Entries in no list are removed once written this many days ago (default 7; 0: all of them). */
  olderThan?: string | undefined
  /** Count only: remove nothing. */
  dryRun?: boolean | undefined
}

/**
 * @param workspace The project (its config's `cache` folder).
 * @param options The age and whether to remove.
 */
export function cachePrune(workspace: Workspace, options: CachePruneOptions): CommandResult & {prune: PruneResult} {
  const days = Number(options.olderThan ?? 7)
  if (options.olderThan?.trim() === '' || !Number.isFinite(days) || days < 0) throw new UsageError(`--older-than takes a number of days, 0 or more; got \`${options.olderThan}\``)
  const folder = resolve(workspace.root, workspace.config.cache)
  const prune = pruneCache(folder, {version: codeVersion(), olderThanMs: days * day, now: Date.now(), dryRun: options.dryRun ?? false})
  const {removed, kept} = prune
  const verb = options.dryRun ? 'would remove' : 'removed'
  const parts = [`${removed.entries} entr${removed.entries === 1 ? 'y' : 'ies'}`, `${removed.temporary} temporary file(s)`, `${removed.versions} folder(s) of other babele versions`]
  return {
    command: 'cache prune',
    written: [],
    unchanged: 0,
    messages: [],
    summary: [
      `cache prune: ${verb} ${parts.join(', ')}: ${megabytes(removed.bytes)}; kept ${kept.entries} file(s), ${megabytes(kept.bytes)} (in ${workspace.config.cache})`,
      ...(prune.whole.length > 0 ? [`  kept whole (which entries are in use is not recorded): ${prune.whole.join(', ')}`] : [])
    ],
    prune
  }
}

/** Bytes as megabytes, one decimal. */
function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`
}
