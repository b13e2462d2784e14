/**
 * The record of the outputs babele wrote (`pipeline/cli/output-record.ts`):
 * an output whose key did not change and whose file still has the signature
 * recorded once it settled is kept (`--json`: `cache.kept`), neither read
 * from the cache nor compared; a file edited (even keeping its size and
 * modification time), deleted or replaced is written again. Each run goes
 * past the run cache (its entries are removed first), which would otherwise
 * answer a run that changes nothing before any output is looked at.
 */
import {appendFileSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {execFileSync} from 'node:child_process'
import {join} from 'node:path'
import test from 'ava'
import {babeleJson as json, copyProject, runPastCache as run, settle} from './helpers/cli.ts'

const locales = 4

/** The shipped project with a second, short source. */
function project(): string {
  const folder = copyProject()
  writeFileSync(join(folder, 'source/it/seconda.md'), '# Seconda pagina\n\nUna pagina breve, scritta per la prova.\n')
  return folder
}

/** A run, then the same run on settled files (which signs them), then one that keeps every output. */
async function keptProject(t: {deepEqual: (a: unknown, b: unknown, message?: string) => void}): Promise<{folder: string; unchanged: number}> {
  const folder = project()
  if (json(folder, 'run').status !== 0) throw new Error('the first run failed')
  await settle()
  const signing = run(folder)
  t.deepEqual(signing.cache.kept, {extract: 0, build: 0}, 'a file written a moment ago is compared, then signed')
  t.deepEqual(signing.written, [])
  const kept = run(folder)
  t.deepEqual(kept.cache.kept, {extract: 2, build: 2 * locales})
  t.deepEqual([kept.cache.outputs.extract, kept.cache.outputs.build], [{hits: 2, misses: 0}, {hits: 2 * locales, misses: 0}])
  t.deepEqual(kept.written, [])
  t.deepEqual(kept.unchanged, signing.unchanged)
  return {folder, unchanged: kept.unchanged}
}

/** The file's bytes. */
function read(folder: string, file: string): string {
  return readFileSync(join(folder, file), 'utf8')
}

test.serial('run keeps an output whose key did not change and whose file has its signature, without reading its cache entry; a changed source makes its own outputs again', async (t) => {
  const {folder, unchanged} = await keptProject(t)
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const files = ['xliff/en/seconda.md.xlf', 'dist/en/seconda.md', 'locales/it/seconda.json']
  const before = files.map((file) => read(folder, file))
  // The entries of the kept outputs are not read: without them, every output is still kept, and counted as a hit of its entry.
  const [version] = readdirSync(join(folder, '.babele/cache')).filter((name) => name.startsWith('v'))
  for (const kind of ['extract-outputs', 'build']) rmSync(join(folder, '.babele/cache', version!, kind), {recursive: true, force: true})
  const without = run(folder)
  t.deepEqual(without.cache.kept, {extract: 2, build: 2 * locales})
  t.deepEqual([without.cache.outputs.extract, without.cache.outputs.build], [{hits: 2, misses: 0}, {hits: 2 * locales, misses: 0}])
  t.deepEqual(without.written, [])
  t.is(without.unchanged, unchanged)
  t.deepEqual(files.map((file) => read(folder, file)), before)
  // A source edit is another key: its document's outputs are made and written, the other document's kept.
  appendFileSync(join(folder, 'source/it/seconda.md'), '\nUna frase aggiunta alla fine.\n')
  const edited = run(folder)
  t.deepEqual(edited.cache.kept, {extract: 1, build: locales})
  t.deepEqual([edited.cache.outputs.extract, edited.cache.outputs.build], [{hits: 1, misses: 1}, {hits: locales, misses: locales}])
  for (const file of files) t.true(edited.written.includes(file), file)
  for (const file of files.slice(0, 2)) t.true(read(folder, file).includes('Una frase aggiunta alla fine.'), file)
})

test.serial('run writes again an output file that was edited (keeping its size and modification time), deleted or replaced, though its key did not change', async (t) => {
  const {folder} = await keptProject(t)
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const edited = 'dist/en/putin-xi-alleanza.md'
  const deleted = 'xliff/es/seconda.md.xlf'
  const replaced = 'locales/it/seconda.json'
  const before = new Map([edited, deleted, replaced].map((file) => [file, read(folder, file)]))
  // A letter changed: the same size, and the modification time set back to the nanosecond.
  const path = join(folder, edited)
  const stat = statSync(path, {bigint: true})
  const text = read(folder, edited)
  const at = text.search(/[a-z]/)
  writeFileSync(path, text.slice(0, at) + text[at]!.toUpperCase() + text.slice(at + 1))
  execFileSync('touch', ['-m', '-d', `@${stat.mtimeNs / 1_000_000_000n}.${String(stat.mtimeNs % 1_000_000_000n).padStart(9, '0')}`, path])
  t.is(statSync(path, {bigint: true}).mtimeNs, stat.mtimeNs)
  t.is(statSync(path).size, Number(stat.size))
  rmSync(join(folder, deleted))
  // Another file of the same size moved in its place.
  const other = join(folder, `${replaced}.new`)
  writeFileSync(other, before.get(replaced)!.replace(/[a-z]/, (letter) => letter.toUpperCase()))
  renameSync(other, join(folder, replaced))
  const rewritten = run(folder)
  t.deepEqual(rewritten.written.filter((file: string) => before.has(file)).sort(), [deleted, edited, replaced].sort())
  t.deepEqual(rewritten.written.filter((file: string) => !before.has(file)), [], 'nothing else')
  t.deepEqual(rewritten.cache.kept, {extract: 1, build: 2 * locales - 1})
  for (const [file, text] of before) t.is(read(folder, file), text, file)
})

test.serial('extract on its own keeps the outputs on disk as well, its threads neither making nor reading them, and writes a deleted one again', async (t) => {
  const folder = project()
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  t.is(json(folder, 'extract').status, 0)
  await settle()
  const signing = run(folder, 'extract')
  t.deepEqual(signing.cache.kept, {extract: 0, build: 0})
  t.deepEqual(signing.written, [])
  const kept = run(folder, 'extract')
  t.deepEqual(kept.cache.kept, {extract: 2, build: 0})
  t.deepEqual(kept.cache.outputs, {extract: {hits: 2, misses: 0}, build: {hits: 0, misses: 0}})
  t.deepEqual(kept.written, [])
  t.is(kept.unchanged, signing.unchanged)
  const deleted = 'xliff/fr/seconda.md.xlf'
  const before = read(folder, deleted)
  rmSync(join(folder, deleted))
  const again = run(folder, 'extract')
  t.deepEqual(again.written, [deleted])
  t.deepEqual(again.cache.kept, {extract: 1, build: 0})
  t.is(read(folder, deleted), before)
})
