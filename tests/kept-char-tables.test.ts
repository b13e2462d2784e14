/**
 * The term matcher's character tables kept in the cache
 * (`pipeline/cli/kept-char-tables.ts`): a run reads the tables an earlier
 * run of the same engine built, and `charTables` gives them; tables of
 * another shape, or whose combined `info` is not their fold and class, are
 * refused, and the process builds its own.
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import {openCache} from '../pipeline/cli/cache.ts'
import {keepCharTables} from '../pipeline/cli/kept-char-tables.ts'
import {charTables, useCharTables, type CharTables} from '../pipeline/glossary/index.ts'

/** A copy of tables, each array its own. */
function copyOf(tables: CharTables): CharTables {
  return {kind: tables.kind.slice(), fold: tables.fold.slice(), upper: tables.upper.slice(), info: tables.info.slice()}
}

test('useCharTables takes tables charTables built, and refuses tables of another shape or whose info is not their fold and class', (t) => {
  const built = charTables()
  t.teardown(() => useCharTables(built))
  const copy = copyOf(built)
  t.true(useCharTables(copy))
  t.is(charTables().info, copy.info, 'charTables gives the tables taken')
  const wrongInfo = copyOf(built)
  wrongInfo.info[0x41] = wrongInfo.info[0x41]! ^ (1 << 3)
  t.false(useCharTables(wrongInfo))
  const wrongKind = copyOf(built)
  wrongKind.kind[0x41] = 9
  wrongKind.info[0x41] = (wrongKind.fold[0x41]! << 3) | 9
  t.false(useCharTables(wrongKind))
  t.false(useCharTables({...copyOf(built), fold: new Uint16Array(100)}))
  t.false(useCharTables({...copyOf(built), upper: Array.from(built.upper) as unknown as Uint8Array}))
  t.is(charTables().info, copy.info, 'refused tables leave the ones in use')
})

test('keepCharTables keeps the tables in the cache, and the next run reads them instead of building them', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'babele-char-tables-'))
  const built = copyOf(charTables())
  t.teardown(() => {
    useCharTables(built)
    rmSync(folder, {recursive: true, force: true})
  })
  const first = openCache(folder, 'test')
  keepCharTables(first)
  t.like(first.counts['char-tables'], {hits: 0, misses: 1, writes: 1})
  const inUse = charTables()
  const next = openCache(folder, 'test')
  keepCharTables(next)
  t.like(next.counts['char-tables'], {hits: 1, misses: 0, writes: 0})
  const read = charTables()
  t.not(read.info, inUse.info, 'the tables read back are in use')
  t.deepEqual(read, built)
})
