/**
 * An entry store in memory that counts what is asked of it, for tests of
 * stages that keep parts through a store (`reused`). Takes: nothing.
 * Returns: the store, and the counts of lookups, hits and entries written
 * since the last time they were taken. A value is stored as a copy, as the
 * CLI's cache stores it, so a value changed after cannot change the entry.
 */
import type {EntryStore} from '../../pipeline/project/index.ts'

/** Lookups, hits and writes. */
export interface StoreCounts {
  gets: number
  hits: number
  puts: number
}

/**
 * @returns The store, and `take()`: the counts since the last call.
 */
export function countingStore(): {store: EntryStore; take: () => StoreCounts} {
  const entries = new Map<string, unknown>()
  const counts: StoreCounts = {gets: 0, hits: 0, puts: 0}
  const store: EntryStore = {
    get<Value>(kind: string, key: string) {
      counts.gets++
      const found = entries.get(`${kind}/${key}`) as Value | undefined
      if (found !== undefined) counts.hits++
      return found === undefined ? undefined : structuredClone(found)
    },
    put(kind, key, value) {
      counts.puts++
      entries.set(`${kind}/${key}`, structuredClone(value))
    }
  }
  return {
    store,
    take() {
      const taken = {...counts}
      counts.gets = counts.hits = counts.puts = 0
      return taken
    }
  }
}
