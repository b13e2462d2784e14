/**
 * What the cache counts (`pipeline/cli/cache.ts`, `CacheCounts`, which
 * `--json` prints): a hit is an entry an earlier command made; with
 * `countMade` (the stages' store), an entry this command wrote and reads
 * back was made by this command, and counts as a miss (`run`'s extract
 * stores the analysis parts its analysis then reads).
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import {openCache} from '../pipeline/cli/cache.ts'

test('an entry read back by the command that wrote it is a miss; by the next command, a hit', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'babele-cache-counts-'))
  try {
    const key = 'a'.repeat(64)
    const other = 'b'.repeat(64)
    const first = openCache(join(root, 'cache'), 'test', {countMade: true})
    t.is(first.get('analysis', key), undefined)
    first.put('analysis', key, {part: 1})
    t.deepEqual(first.get('analysis', key), {part: 1}, 'the entry is read back')
    t.deepEqual(first.counts.analysis, {hits: 0, misses: 2, writes: 1})
    const next = openCache(join(root, 'cache'), 'test', {countMade: true})
    t.deepEqual(next.get('analysis', key), {part: 1})
    t.is(next.get('analysis', other), undefined)
    t.deepEqual(next.counts.analysis, {hits: 1, misses: 1, writes: 0})
    // Written again by the next command: its own from then on.
    next.put('analysis', key, {part: 2})
    t.deepEqual(next.get('analysis', key), {part: 2})
    t.deepEqual(next.counts.analysis, {hits: 1, misses: 2, writes: 1})
    // Without `countMade` (a thread's cache), what was read is a hit, whoever wrote it.
    const thread = openCache(join(root, 'cache'), 'test')
    thread.put('analysis', other, {part: 3})
    t.deepEqual(thread.get('analysis', other), {part: 3})
    t.deepEqual(thread.counts.analysis, {hits: 1, misses: 0, writes: 1})
  } finally {
    rmSync(root, {recursive: true, force: true})
  }
})
