/**
 * What a command depends on, as it runs. Takes: facts reported by the edges
 * that meet the world (the file system's reads, listings and writes, the
 * Apertium installation) and the reasons a run cannot be replayed (a
 * machine-translation engine was asked). Returns: nothing; the observer set
 * with {@linkcode observeRun} (the run cache's) collects them. No observer,
 * no cost: every report is dropped.
 *
 * A fact is a kind, a subject and a value, such as
 * `read /p/source/it/a.md → <SHA-256 of its bytes>`: the run cache checks
 * each again before it replays a run (`run-cache.ts`).
 *
 * The observer may also know what the run found on disk as it began (the
 * run cache's check of its entry stats every path it lists): an edge asks
 * {@linkcode foundSigned} before it looks at a file again for the same
 * stat signature.
 */

/** A kind of fact: file bytes, existence, size, folder, a folder's entries, or the Apertium modes installed. */
export type FactKind = 'read' | 'exists' | 'size' | 'folder' | 'list' | 'apertium-modes'

/** Who collects facts. */
export interface Observer {
  /** Whether facts about this absolute path matter (the cache's own files do not). */
  wants(path: string): boolean
  /** A fact the run's result depends on. */
  fact(kind: FactKind, subject: string, value: string): void
  /** A file the run changed. */
  changed(path: string): void
  /** Something that cannot be checked again later (an engine's answer). */
  taint(reason: string): void
  /** Whether the run already found a path with the stat signature at `at` in `signatures` (`fs.ts`), and has not changed it since. */
  found?(path: string, signatures: Float64Array, at: number): boolean
}

let current: Observer | undefined

/**
 * @param observer The observer of this run, or `undefined` to stop observing.
 */
export function observeRun(observer: Observer | undefined): void {
  current = observer
}

/** Report a fact (dropped when nothing observes). */
export function noteFact(kind: FactKind, subject: string, value: string): void {
  current?.fact(kind, subject, value)
}

/** Report a changed file (dropped when nothing observes). */
export function noteChanged(path: string): void {
  current?.changed(path)
}

/** Report why this run cannot be replayed (dropped when nothing observes). */
export function noteTaint(reason: string): void {
  current?.taint(reason)
}

/** Whether facts about a path are wanted (so an edge computes a digest only then). */
export function observing(path: string): boolean {
  return current !== undefined && current.wants(path)
}

/** Whether the run already found a path with this stat signature ({@linkcode Observer.found}; never when nothing observes). */
export function foundSigned(path: string, signatures: Float64Array, at: number): boolean {
  return current?.found?.(path, signatures, at) === true
}
