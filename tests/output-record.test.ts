/**
 * The record of the outputs babele wrote (`pipeline/cli/output-record.ts`):
 * an output whose key did not change and whose file still has the signature
 * recorded once it settled is kept (`--json`: `cache.kept`), neither read
 * from the cache nor compared; one without that signature (written a moment
 * before the last command ended, touched) that still holds the recorded
 * bytes is read and hashed, kept and signed; a file edited (even keeping its size and
 * modification time), deleted or replaced is written again. Each run goes
 * past the run cache (its entries are removed first), which would otherwise
 * answer a run that changes nothing before any output is looked at. The
 * record keeps each entry's value less its texts as JSON text: a kept
 * entry's value is the one made (a run keeping every output reports what a
 * `--no-cache` run does), a value JSON would not give back is not recorded,
 * and a record that is not one is read as none.
 */
import {appendFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {execFileSync} from 'node:child_process'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {deserialize, serialize} from 'node:v8'
import test from 'ava'
import {openCache, versionFolder} from '../pipeline/cli/cache.ts'
import {settledSignature, signatureLength, statOf} from '../pipeline/cli/fs.ts'
import {openOutputRecord} from '../pipeline/cli/output-record.ts'
import type {Workspace} from '../pipeline/cli/workspace.ts'
import {digestBytes} from '../pipeline/incremental/index.ts'
import {outputKinds, reused} from '../pipeline/project/index.ts'
import {babeleJson as json, copyProject, projectOutputs, runPastCache as run, settle} from './helpers/cli.ts'

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
  t.deepEqual(Object.values(unsigned(folder)).map((count) => count > 0), [true, true], 'written during the command: not signed')
  await settle()
  const signing = run(folder)
  t.deepEqual(signing.cache.kept, {extract: 2, build: 2 * locales}, 'a file written a moment ago has no signature: read and hashed, found holding its bytes, kept')
  t.deepEqual(signing.written, [])
  t.deepEqual(unsigned(folder), {[outputKinds.extract]: 0, [outputKinds.build]: 0}, 'and signed')
  const kept = run(folder)
  t.deepEqual(kept.cache.kept, {extract: 2, build: 2 * locales})
  t.deepEqual([kept.cache.outputs.extract, kept.cache.outputs.build], [{hits: 2, misses: 0}, {hits: 2 * locales, misses: 0}])
  t.deepEqual(kept.written, [])
  t.deepEqual(kept.unchanged, signing.unchanged)
  return {folder, unchanged: kept.unchanged}
}

/** How many files each kind's record lists without a signature. */
function unsigned(folder: string): Record<string, number> {
  const [version] = readdirSync(join(folder, '.babele/cache')).filter((name) => name.startsWith('v'))
  const count = (kind: string) => {
    const {signatures} = deserialize(readFileSync(join(folder, '.babele/cache', version!, `written-${kind}`))) as {signatures: Float64Array}
    return signatures.filter((_, at) => at % signatureLength === 0 && Number.isNaN(signatures[at])).length
  }
  return {[outputKinds.extract]: count(outputKinds.extract), [outputKinds.build]: count(outputKinds.build)}
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
  t.deepEqual(signing.cache.kept, {extract: 2, build: 0}, 'read and hashed, found holding their bytes')
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

test.serial('a run that keeps every output reports the coverage, gates and messages of a --no-cache run, and writes the same files; a record that is not one is read as none', async (t) => {
  const {folder} = await keptProject(t)
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const before = projectOutputs(folder)
  const kept = run(folder)
  t.deepEqual(kept.cache.kept, {extract: 2, build: 2 * locales})
  const fresh = run(folder, 'run', '--no-cache')
  t.deepEqual(fresh.written, [])
  for (const field of ['coverage', 'locales', 'messages', 'summary', 'unchanged']) t.deepEqual(kept[field], fresh[field], field)
  t.deepEqual(projectOutputs(folder), before)
  // Records of another layout, or no record at all: every output compared (none written), and recorded again.
  const [version] = readdirSync(join(folder, '.babele/cache')).filter((name) => name.startsWith('v'))
  writeFileSync(join(folder, '.babele/cache', version!, 'written-build'), 'not a record')
  writeFileSync(join(folder, '.babele/cache', version!, 'written-extract-outputs'), serialize({files: new Map(), parts: new Map()}))
  const compared = run(folder)
  t.deepEqual(compared.cache.kept, {extract: 0, build: 0})
  t.deepEqual(compared.written, [])
  for (const field of ['coverage', 'locales', 'messages', 'summary', 'unchanged']) t.deepEqual(compared[field], fresh[field], field)
  t.deepEqual(run(folder).cache.kept, {extract: 2, build: 2 * locales})
  t.deepEqual(projectOutputs(folder), before)
})

/** A folder with a record of built files, and a pass over it: each entry from the record, the cache or made, its file written, the record saved. */
function recordFolder(values: ReadonlyMap<string, {file: string; value: string; coverage: {segments: number}; messages: Array<Record<string, unknown>>}>) {
  const root = mkdtempSync(join(tmpdir(), 'babele-output-record-'))
  const workspace: Workspace = {root, config: {} as Workspace['config']}
  // Every file written by a pass counts as settled: the next pass that finds it holding its text signs it.
  const later = Date.now() + 10_000
  const pass = (found?: ReadonlyMap<string, {digest: string; signature: Float64Array}>) => {
    const cache = openCache(join(root, 'cache'), 'test')
    const record = openOutputRecord(workspace, {keys: new Map(), glossary: undefined, store: cache}, outputKinds.build, later, found)!
    const got = [...values].map(([key, value]) => reused(record.reuse.store, outputKinds.build, key, () => value))
    const written = record.write(new Map(got.map((value) => [value.file, value.value])))
    record.save()
    return {got, written, counts: cache.counts[outputKinds.build]}
  }
  /** The signature the record holds for a file (`undefined`: none). */
  const signatureIn = (file: string) => {
    const stored = deserialize(readFileSync(join(versionFolder(join(root, 'cache'), 'test'), `written-${outputKinds.build}`))) as {files: string; signatures: Float64Array}
    const at = stored.files.split('\0').indexOf(file) * signatureLength
    const signature = stored.signatures.slice(at, at + signatureLength)
    return Number.isNaN(signature[0]) ? undefined : signature
  }
  return {root, later, pass, signatureIn}
}

test('a file whose signature moved though it holds its recorded bytes (touched) is read and hashed, kept and signed again; one that holds other bytes is written again', (t) => {
  const {root, later, pass, signatureIn} = recordFolder(new Map([['a0'.repeat(16), {file: 'dist/a.md', value: 'A\n', coverage: {segments: 1}, messages: []}]]))
  t.teardown(() => rmSync(root, {recursive: true, force: true}))
  const file = join(root, 'dist/a.md')
  t.deepEqual(pass().written, ['dist/a.md'])
  t.is(signatureIn('dist/a.md'), undefined, 'written by the pass: not signed')
  t.is(pass().counts?.kept, 1)
  t.deepEqual(signatureIn('dist/a.md'), settledSignature(statOf(file), later))
  utimesSync(file, new Date(2_000_000_000_000), new Date(2_000_000_000_000))
  const touched = pass()
  t.is(touched.counts?.kept, 1)
  t.deepEqual(touched.written, [])
  t.deepEqual(signatureIn('dist/a.md'), settledSignature(statOf(file), later), 'signed again')
  writeFileSync(file, 'B\n')
  const edited = pass()
  t.is(edited.counts?.kept, undefined)
  t.deepEqual(edited.written, ['dist/a.md'])
  t.is(readFileSync(file, 'utf8'), 'A\n')
})

test('an entry whose value JSON would not give back as it is (undefined, NaN) is not kept: it is read from the cache every time, its file compared', (t) => {
  const values = new Map([
    ['a0'.repeat(16), {file: 'dist/a.md', value: 'A\n', coverage: {segments: 1}, messages: [{message: 'm', file: 'dist/a.md'}]}],
    ['b0'.repeat(16), {file: 'dist/b.md', value: 'B\n', coverage: {segments: Number.NaN}, messages: []}],
    ['c0'.repeat(16), {file: 'dist/c.md', value: 'C\n', coverage: {segments: 1}, messages: [{message: 'm', file: undefined}]}]
  ])
  const {root, pass} = recordFolder(values)
  t.teardown(() => rmSync(root, {recursive: true, force: true}))
  pass()
  t.is(pass().counts?.kept, 1, 'read and hashed, found holding its bytes, then signed')
  const third = pass()
  t.is(third.counts?.kept, 1)
  const [a, b, c] = third.got
  t.deepEqual({...a, value: undefined}, {...values.get('a0'.repeat(16)), value: undefined})
  t.not(a!.value, 'A\n', 'kept: its text is not read')
  t.deepEqual([b!.value, c!.value], ['B\n', 'C\n'])
  t.true(Number.isNaN(b!.coverage.segments))
  t.true(Object.hasOwn(c!.messages[0]!, 'file'))
  t.deepEqual(['a.md', 'b.md', 'c.md'].map((name) => readFileSync(join(root, 'dist', name), 'utf8')), ['A\n', 'B\n', 'C\n'])
})

test('a file the command already found holding its recorded digest (import\'s check of the XLIFF) is kept without being looked at again, and takes the signature found; found with another digest, it is looked at, and written again when deleted', (t) => {
  const {root, later, pass, signatureIn} = recordFolder(new Map([['a0'.repeat(16), {file: 'dist/a.md', value: 'A\n', coverage: {segments: 1}, messages: []}]]))
  t.teardown(() => rmSync(root, {recursive: true, force: true}))
  const file = join(root, 'dist/a.md')
  pass()
  pass()
  const signature = settledSignature(statOf(file), later)!
  const digest = digestBytes('A\n')
  rmSync(file)
  // Found moments ago by the same command: trusted (a file deleted since is written by the next run).
  const trusted = pass(new Map([['dist/a.md', {digest, signature}]]))
  t.is(trusted.counts?.kept, 1)
  t.deepEqual(trusted.written, [])
  t.deepEqual(pass().written, ['dist/a.md'], 'found with nothing: looked at, written again')
  t.is(pass().counts?.kept, 1, 'read and hashed, then signed')
  const now = settledSignature(statOf(file), later)!
  // Found with the recorded digest and another signature (import took its own): trusted, and that signature recorded.
  const other = Float64Array.from(now, (number, at) => (at === 5 ? number + 1 : number))
  const resigned = pass(new Map([['dist/a.md', {digest, signature: other}]]))
  t.is(resigned.counts?.kept, 1)
  t.deepEqual(resigned.written, [])
  t.deepEqual(signatureIn('dist/a.md'), other)
  // Found with another digest: looked at (its recorded signature has moved too), and written again once deleted.
  rmSync(file)
  const looked = pass(new Map([['dist/a.md', {digest: digestBytes('B\n'), signature: now}]]))
  t.is(looked.counts?.kept, undefined)
  t.deepEqual(looked.written, ['dist/a.md'])
  t.is(readFileSync(file, 'utf8'), 'A\n')
})

test('a document\'s outputs supplied for their key (made on a thread) are what the stage gets, once, counted made; written, they are recorded as that key\'s and kept by the next command', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'babele-output-record-'))
  t.teardown(() => rmSync(root, {recursive: true, force: true}))
  const workspace: Workspace = {root, config: {} as Workspace['config']}
  const later = Date.now() + 10_000
  const key = 'a0'.repeat(16)
  const outputs = {source: ['locales/it/a.json', '{}\n'] as [string, string], locales: [{outputs: [['xliff/en/a.md.xlf', '<xliff/>\n'] as [string, string]], messages: []}]}
  const open = () => {
    const cache = openCache(join(root, 'cache'), 'test')
    return {cache, record: openOutputRecord(workspace, {keys: new Map(), glossary: undefined, store: cache}, outputKinds.extract, later)!}
  }
  const {cache, record} = open()
  record.supply(key, outputs)
  const made = (): typeof outputs => {
    throw new Error('made again')
  }
  t.is(reused(record.reuse.store, outputKinds.extract, key, made), outputs)
  t.deepEqual(cache.counts[outputKinds.extract], {hits: 0, misses: 1, writes: 0})
  t.is(record.reuse.store.get(outputKinds.extract, key), undefined, 'answered once')
  t.deepEqual(record.write([outputs.source, ...outputs.locales[0]!.outputs]), ['locales/it/a.json', 'xliff/en/a.md.xlf'])
  record.save()
  const next = open()
  t.not(next.record.kept(key), undefined)
  t.is(readFileSync(join(root, 'xliff/en/a.md.xlf'), 'utf8'), '<xliff/>\n')
})
