/**
 * A pack's delta (`pipeline/cli/cache.ts`): when a command used a few
 * entries other than its kind's pack holds, what is written is the delta
 * (the entries added, the keys dropped), not the pack; the next command
 * reads the pack with its delta applied; a delta written against another
 * pack is ignored; past `deltaShare` the pack is written whole and its
 * delta removed. Each test drives the cache as the CLI does, a command at a
 * time (`usePacks` … `savePacks`), with the entries' own files made
 * unreadable where only the pack and its delta may answer.
 */
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import {openCache, savePacks, usePacks, type Cache} from '../pipeline/cli/cache.ts'

/** Forty-eight entries' keys (hex, as the cache asks) and the value stored under each. */
const keys = Array.from({length: 48}, (_, n) => n.toString(16).padStart(16, '0'))
const valueOf = (key: string) => ({key, findings: [`finding of ${key}`]})

/** One command's use of the cache: packs read as it goes and written at its end. */
function command(folder: string, use: (cache: Cache) => void): void {
  usePacks()
  try {
    use(openCache(folder, 'test'))
  } finally {
    savePacks()
  }
}

/** A pack's (or a delta's) index. */
function indexOf(path: string, magic: string): {keys: string[]; lengths: number[]; base?: string; removed?: string[]} {
  const bytes = readFileSync(path)
  return JSON.parse(bytes.subarray(magic.length + 4, magic.length + 4 + bytes.readUInt32BE(magic.length)).toString('utf8'))
}

/** Every entry's own file of a kind made unreadable: only the pack and its delta can answer. */
function garble(root: string, kind: string): void {
  const walk = (path: string): void => {
    for (const name of readdirSync(path)) statSync(join(path, name)).isDirectory() ? walk(join(path, name)) : writeFileSync(join(path, name), 'not an entry')
  }
  walk(join(root, kind))
}

/** A cache whose lint pack holds the first forty keys, and the folder of its code version. */
function packed(): {folder: string; root: string; pack: string; delta: string} {
  const folder = mkdtempSync(join(tmpdir(), 'babele-pack-delta-'))
  let root = ''
  command(folder, (cache) => {
    root = cache.folder
    for (const key of keys.slice(0, 40)) cache.put('lint', key, valueOf(key))
  })
  return {folder, root, pack: join(root, 'lint.pack'), delta: join(root, 'lint.pack-delta')}
}

test('a command that used one entry more and one fewer than the pack writes its delta, and the next finds every entry through the pack and the delta', (t) => {
  const {folder, root, pack, delta} = packed()
  t.deepEqual(indexOf(pack, 'babele-pack 1\n').keys, keys.slice(0, 40))
  t.false(existsSync(delta))
  const before = readFileSync(pack)
  // The last entry goes unused, one is added.
  command(folder, (cache) => {
    for (const key of keys.slice(0, 39)) t.deepEqual(cache.get('lint', key), valueOf(key))
    cache.put('lint', keys[40]!, valueOf(keys[40]!))
  })
  t.true(readFileSync(pack).equals(before), 'the pack is not written again')
  const index = indexOf(delta, 'babele-pack-delta 1\n')
  t.deepEqual([index.removed, index.keys], [[keys[39]], [keys[40]]])
  garble(root, 'lint')
  command(folder, (cache) => {
    for (const key of [...keys.slice(0, 39), keys[40]!]) t.deepEqual(cache.get('lint', key), valueOf(key), key)
    t.is(cache.get('lint', keys[39]!), undefined, 'the dropped entry is read from its own file, which holds none')
  })
  rmSync(folder, {recursive: true, force: true})
})

test('a delta written against another pack is ignored, and written again against the pack there', (t) => {
  const {folder, root, pack, delta} = packed()
  command(folder, (cache) => {
    for (const key of keys.slice(0, 39)) cache.get('lint', key)
    cache.put('lint', keys[40]!, valueOf(keys[40]!))
  })
  const stale = readFileSync(delta)
  const staleBase = indexOf(delta, 'babele-pack-delta 1\n').base
  // Another command (a CI shard sharing the folder) writes the pack whole: the same entries, in another order.
  command(folder, (cache) => {
    for (const key of keys.slice(0, 40).reverse()) cache.get('lint', key)
    for (const key of keys.slice(41, 47)) cache.put('lint', key, valueOf(key))
  })
  const shard = indexOf(pack, 'babele-pack 1\n').keys
  t.false(existsSync(delta), 'a pack written whole has no delta')
  writeFileSync(delta, stale)
  garble(root, 'lint')
  command(folder, (cache) => {
    // Applied to this pack, the stale delta would drop the 40th entry and add the 41st.
    for (const key of shard) t.deepEqual(cache.get('lint', key), valueOf(key), key)
    t.is(cache.get('lint', keys[40]!), undefined)
  })
  t.not(indexOf(delta, 'babele-pack-delta 1\n').base, staleBase, 'the delta now names the pack there')
  rmSync(folder, {recursive: true, force: true})
})

test('a command that used more than an eighth of other entries writes the pack whole and removes its delta', (t) => {
  const {folder, pack, delta} = packed()
  command(folder, (cache) => {
    for (const key of keys.slice(0, 39)) cache.get('lint', key)
    cache.put('lint', keys[40]!, valueOf(keys[40]!))
  })
  t.true(existsSync(delta))
  // Six entries dropped and six added: more than 40 / 8.
  command(folder, (cache) => {
    for (const key of keys.slice(0, 34)) cache.get('lint', key)
    for (const key of keys.slice(42, 48)) cache.put('lint', key, valueOf(key))
  })
  t.false(existsSync(delta))
  t.deepEqual(indexOf(pack, 'babele-pack 1\n').keys, [...keys.slice(0, 34), ...keys.slice(42, 48)])
  rmSync(folder, {recursive: true, force: true})
})
