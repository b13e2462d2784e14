/**
 * The cache's packs (`pipeline/cli/cache.ts`): a kind's entries the last
 * run used, in one file read once. A run reads its entries from the packs,
 * not from the entries' own files; a pack that cannot be read, is cut short
 * or holds another key's bytes under a key changes nothing but where the
 * entries are read from; after a one-file edit each pack holds the entries
 * that run used, and nothing else; an entry another thread wrote after a
 * lookup missed it, in a folder this one made, is in the pack's index. The
 * CLI tests run on a copy of the shipped project with a few pages of the
 * Italian documentation sample added, one test at a time (`test.serial`).
 */
import {appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {serialize} from 'node:v8'
import test from 'ava'
import {openCache, savePacks, usePacks} from '../pipeline/cli/cache.ts'
import {babeleJson as json, projectOutputs, sampleProject} from './helpers/cli.ts'
import {itDocs} from './helpers/corpora.ts'

const sample = [...itDocs()].filter(([path]) => !path.startsWith('dynamics365') && !path.startsWith('nuget')).slice(0, 6)

/** The seed and the sample pages. */
const documents = sample.length + 1

/** The kinds packed with their entries, and the kind packed as keys alone. */
const entryKinds = ['lint', 'analysis', 'glossary-part', 'glossary-listing', 'glossary-page', 'qa-page']

/** The shipped project with the sample pages as sources under `source/it/sample/`. */
const project = (): string => sampleProject(sample)

/** `babele run --json --jobs 1` (or with other arguments), which must succeed. */
function run(folder: string, ...args: string[]): any {
  const result = json(folder, 'run', '--jobs', '1', ...args)
  if (result.status !== 0) throw new Error(JSON.stringify(result.result.messages.filter((message: {severity: string}) => message.severity === 'error')))
  return result.result
}

/** The cache's folder of this code version. */
function versionFolder(folder: string): string {
  const cache = join(folder, '.babele/cache')
  const [name] = readdirSync(cache).filter((entry) => entry.startsWith('v'))
  return join(cache, name!)
}

/** A pack's index and each entry's bytes, by key. */
function readPack(path: string): Map<string, Buffer> {
  const bytes = readFileSync(path)
  const magic = 'babele-pack 1\n'.length
  const dataAt = magic + 4 + bytes.readUInt32BE(magic)
  const index = JSON.parse(bytes.subarray(magic + 4, dataAt).toString('utf8')) as {keys: string[]; lengths: number[]}
  const entries = new Map<string, Buffer>()
  let at = dataAt
  index.keys.forEach((key, position) => {
    entries.set(key, bytes.subarray(at, at + index.lengths[position]!))
    at += index.lengths[position]!
  })
  return entries
}

/** The entries' own files of a kind. */
function entryFiles(folder: string, kind: string): string[] {
  const files: string[] = []
  const walk = (path: string) => {
    for (const name of readdirSync(path)) statSync(join(path, name)).isDirectory() ? walk(join(path, name)) : files.push(join(path, name))
  }
  walk(join(versionFolder(folder), kind))
  return files
}

/** Append a sentence to the `n`th sample page. */
function edit(folder: string, n: number, text = 'Una frase aggiunta alla fine.'): void {
  appendFileSync(join(folder, 'source/it/sample', sample[n]![0]), `\n${text}\n`)
}

/** A result's messages (what a run reports, whatever the cache did). */
function reported(result: any): unknown {
  return result.messages
}

/** Write a pack of these entries, in this order (`pipeline/cli/cache.ts`'s layout). */
function writePack(path: string, entries: Array<[string, Buffer]>): void {
  const index = Buffer.from(JSON.stringify({keys: entries.map(([key]) => key), lengths: entries.map(([, bytes]) => bytes.length)}))
  const length = Buffer.alloc(4)
  length.writeUInt32BE(index.length)
  writeFileSync(path, Buffer.concat([Buffer.from('babele-pack 1\n'), length, index, ...entries.map(([, bytes]) => bytes)]))
}

test.serial('a run reads its entries from the packs: every entry file of a packed kind can be unreadable and it still finds them all', (t) => {
  const folder = project()
  run(folder)
  edit(folder, 0)
  run(folder)
  for (const kind of entryKinds) t.true(existsSync(join(versionFolder(folder), `${kind}.pack`)), `${kind}.pack is written`)
  // Every entry's own file of a packed kind now holds no entry: only the packs can answer.
  const unreadable = entryKinds.flatMap((kind) => entryFiles(folder, kind))
  for (const file of unreadable) writeFileSync(file, 'not an entry')
  edit(folder, 1)
  const edited = run(folder)
  t.deepEqual(edited.cache.lint, {hits: documents - 1, misses: 1})
  t.deepEqual(edited.cache.outputs.analysis, {hits: (documents - 1) * 4, misses: 4}, 'each of 4 locales: every document but the edited one from the pack')
  t.deepEqual(unreadable.filter((file) => readFileSync(file, 'utf8') !== 'not an entry'), [], 'no entry file was read (a file read and found broken is written again)')
  // The same run without the cache reports and writes the same.
  const written = projectOutputs(folder)
  t.deepEqual(reported(run(folder, '--no-cache')), reported(edited))
  t.deepEqual(projectOutputs(folder), written)
  rmSync(folder, {recursive: true, force: true})
})

test.serial('a pack cut short, one that is not a pack, and one whose index names the wrong entries are ignored: the run equals a --no-cache run', (t) => {
  const folder = project()
  run(folder)
  edit(folder, 0)
  run(folder)
  const packs = versionFolder(folder)
  // Cut short: the index adds up to more than the file holds.
  const lint = readFileSync(join(packs, 'lint.pack'))
  writeFileSync(join(packs, 'lint.pack'), lint.subarray(0, lint.length - 10))
  writeFileSync(join(packs, 'qa-page.pack'), 'not a pack')
  // Two entries' bytes swapped: each key now points at bytes of the other entry, which name their own key.
  for (const kind of ['glossary-page', 'analysis']) {
    const entries = [...readPack(join(packs, `${kind}.pack`))]
    ;[entries[0]![1], entries[1]![1]] = [entries[1]![1], entries[0]![1]]
    writePack(join(packs, `${kind}.pack`), entries)
  }
  // A sentence naming a term: the glossary page is rendered again (not read back whole), so its cards are read, those swapped (the first concepts') among them.
  edit(folder, 1, 'Il gasdotto.')
  const edited = run(folder)
  t.deepEqual(edited.cache.lint, {hits: documents - 1, misses: 1})
  const written = projectOutputs(folder)
  t.deepEqual(reported(run(folder, '--no-cache')), reported(edited))
  t.deepEqual(projectOutputs(folder), written)
  // Each pack was written again whole: every entry in it is its key's, as in its own file.
  for (const kind of entryKinds) {
    const pack = readPack(join(packs, `${kind}.pack`))
    t.true(pack.size > 0)
    for (const [key, bytes] of pack) t.true(bytes.equals(readFileSync(join(packs, kind, key.slice(0, 2), key))), `${kind}/${key}`)
  }
  rmSync(folder, {recursive: true, force: true})
})

test.serial('after a one-file edit each pack holds the entries that run used and no other: the edited document\'s new entries in, its old ones out (of the glossary review\'s parts, its alone)', (t) => {
  const folder = project()
  run(folder)
  edit(folder, 0)
  run(folder)
  const packs = versionFolder(folder)
  const before = new Map(['lint', 'document', 'glossary-part'].map((kind) => [kind, readPack(join(packs, `${kind}.pack`))]))
  t.is(before.get('lint')!.size, documents)
  t.is(before.get('document')!.size, documents)
  edit(folder, 2)
  const edited = run(folder)
  t.deepEqual(edited.cache.lint, {hits: documents - 1, misses: 1})
  for (const [kind, old] of before) {
    const now = readPack(join(packs, `${kind}.pack`))
    // The glossary review reads a part only for a document whose part key its kept combination lacks: the edited one.
    t.is(now.size, kind === 'glossary-part' ? 1 : documents, `${kind}: one entry per document read`)
    const gone = [...old.keys()].filter((key) => !now.has(key))
    const added = [...now.keys()].filter((key) => !old.has(key))
    t.is(gone.length, 1, `${kind}: the edited document's old entry is dropped`)
    t.is(added.length, 1, `${kind}: its new entry is added`)
    // An entry added is the one this run wrote; the pack holds its bytes (a document: its key alone).
    const file = readFileSync(join(packs, kind, added[0]!.slice(0, 2), added[0]!))
    t.true(kind === 'document' ? now.get(added[0]!)!.length === 0 : now.get(added[0]!)!.equals(file))
  }
  rmSync(folder, {recursive: true, force: true})
})

test.serial('an entry another thread wrote, after this one missed it in a folder it made, is in the pack\'s index', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'babele-packs-'))
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const [mine, theirs] = ['ab' + '1'.repeat(62), 'ab' + '2'.repeat(62)]
  usePacks()
  const cache = openCache(folder, 'test')
  // This thread makes the fan-out folder `document/ab/`, then misses the other key there without looking (as a cold run does).
  cache.put('document', mine, {path: 'mine.md'})
  t.false(cache.has('document', theirs))
  // A worker thread writes that entry meanwhile, with fs calls of its own (it shares no record of folders with this thread).
  writeFileSync(join(cache.folder, 'document', 'ab', theirs), serialize({key: theirs, value: {path: 'theirs.md'}}))
  savePacks()
  const packed = readFileSync(join(cache.folder, 'document.pack'))
  for (const key of [mine, theirs]) t.true(packed.includes(key), key === mine ? 'this thread\'s entry' : 'the other thread\'s entry')
})
