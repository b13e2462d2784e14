/**
 * The term matcher's character tables kept in the cache. Takes: an open
 * cache. Does: makes `charTables` give the tables this JavaScript engine
 * built in an earlier run (`useCharTables`), or builds them and keeps them
 * for the next run.
 *
 * The tables give each code unit of the Basic Multilingual Plane its class,
 * folded form and case, found with regular expressions over Unicode
 * properties and `toLowerCase`: a function of the engine's Unicode data
 * alone, so the entry's key is the engine's versions (Node, V8, ICU,
 * Unicode), and babele's own code is in the cache folder's name. Building
 * them costs about 16 ms of every run that matches terms (a one-file edit
 * of the 2,000-file project runs that code unoptimized: `tiering.ts`);
 * reading them back is one 512 KB entry.
 */
import {charTables, useCharTables, type CharTables} from '../glossary/index.ts'
import {digest} from '../incremental/index.ts'
import type {Cache} from './cache.ts'

/** The entries' kind. */
const kind = 'char-tables'

/**
 * @param cache The open cache.
 */
export function keepCharTables(cache: Cache): void {
  const key = digest([kind, process.version, process.versions.v8, process.versions.icu ?? null, process.versions.unicode ?? null])
  const kept = cache.get<CharTables>(kind, key)
  if (kept !== null && typeof kept === 'object' && useCharTables(kept)) return
  cache.put(kind, key, charTables())
}
