/**
 * An entry store in memory that counts what is asked of it, for tests of
 * stages that keep parts through a store (`reused`). Takes: nothing.
 * Returns: the store, the counts of lookups, hits and entries written since
 * they were last taken (in all, or per kind of entry), and each kind's
 * values, to read or alter. A value is stored and read back as a copy, as
 * the CLI's cache stores it (`v8.serialize`), so a value changed after
 * cannot change the entry, and a stage never gets back the object it made.
 */
import type {EntryStore} from '../../pipeline/project/index.ts'

/** Lookups, hits and writes. */
export interface StoreCounts {
  gets: number
  hits: number
  puts: number
}

/** Of one kind of entry: those read back and those asked for and missing. */
export interface KindCounts {
  hits: number
  misses: number
}

/** What {@linkcode countingStore} returns. */
export interface CountingStore {
  store: EntryStore
  /** The counts in all since the last call. */
  take: () => StoreCounts
  /** Per kind, the hits and misses since the last call (a kind never asked for is absent). */
  takeByKind: () => Record<string, KindCounts>
  /** The values of every entry of a kind. */
  values: (kind: string) => any[]
  /** Every entry of a kind replaced by what `change` makes of it. */
  alter: (kind: string, change: (value: any) => unknown) => void
}

export function countingStore(): CountingStore {
  const entries = new Map<string, unknown>()
  const counts: StoreCounts = {gets: 0, hits: 0, puts: 0}
  let byKind: Record<string, KindCounts> = {}
  const store: EntryStore = {
    get<Value>(kind: string, key: string) {
      counts.gets++
      const found = entries.get(`${kind}/${key}`) as Value | undefined
      if (found !== undefined) counts.hits++
      ;(byKind[kind] ??= {hits: 0, misses: 0})[found === undefined ? 'misses' : 'hits']++
      return found === undefined ? undefined : structuredClone(found)
    },
    put(kind, key, value) {
      counts.puts++
      entries.set(`${kind}/${key}`, structuredClone(value))
    }
  }
  const ofKind = (kind: string) => [...entries.keys()].filter((name) => name.startsWith(`${kind}/`))
  return {
    store,
    take() {
      const taken = {...counts}
      counts.gets = counts.hits = counts.puts = 0
      return taken
    },
    takeByKind() {
      const taken = byKind
      byKind = {}
      return taken
    },
    values: (kind) => ofKind(kind).map((name) => entries.get(name)),
    alter(kind, change) {
      for (const name of ofKind(kind)) entries.set(name, change(entries.get(name)))
    }
  }
}
