/**
 * The records of the files a command read (`pipeline/cli/read-record.ts`):
 * a source that keeps the stat signature recorded once it settled is known
 * by its recorded digest and not read again (`source-record.ts`, `--json`:
 * `cache.sources`), until a stage asks for its text; a store is taken with
 * the value it parsed to (`readStores`), a glossary file with its termbase
 * and messages (`readGlossary`). An edited file, a record that is
 * not one and `--no-cache` read every file as before. Each CLI run goes
 * past the run cache (its entries are removed first), which would
 * otherwise answer a run that changes nothing before any file is looked at.
 */
import {appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {deserialize, serialize} from 'node:v8'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import {UsageError} from '../pipeline/cli/run-settings.ts'
import {readRecordedSources} from '../pipeline/cli/source-record.ts'
import {readGlossary, readStores, type Workspace} from '../pipeline/cli/workspace.ts'
import {parseConfig} from '../pipeline/config/index.ts'
import {digestBytes} from '../pipeline/incremental/index.ts'
import {babeleJson as json, copyProject, projectOutputs, runPastCache, settle} from './helpers/cli.ts'

/** The shipped project with a second, short source. */
function project(): string {
  const folder = copyProject()
  writeFileSync(join(folder, 'source/it/seconda.md'), '# Seconda pagina\n\nUna pagina breve, scritta per la prova.\n')
  return folder
}

test.serial('run reads a source again only when its signature moved: the others are known by their recorded digest, and the outputs are a --no-cache run\'s', async (t) => {
  const folder = project()
  const documents = 2
  await settle()
  t.deepEqual(runPastCache(folder).cache.sources, {hits: 0, misses: documents}, 'no record yet: read, and signed')
  t.deepEqual(runPastCache(folder).cache.sources, {hits: documents, misses: 0})
  appendFileSync(join(folder, 'source/it/seconda.md'), '\nUna frase aggiunta alla fine.\n')
  const edited = runPastCache(folder)
  t.deepEqual(edited.cache.sources, {hits: documents - 1, misses: 1})
  t.deepEqual(edited.cache.documents, {hits: documents - 1, misses: 1}, 'the edited source is extracted again')
  const written = projectOutputs(folder)
  t.true([...written.values()].some((text) => text.includes('Una frase aggiunta alla fine')))
  t.is(json(folder, 'run', '--no-cache').status, 0)
  t.deepEqual(projectOutputs(folder), written)
  rmSync(folder, {recursive: true, force: true})
})

test.serial('a record that is not one is ignored: every source is read, and the record is written again', async (t) => {
  const folder = project()
  await settle()
  runPastCache(folder)
  t.deepEqual(runPastCache(folder).cache.sources, {hits: 2, misses: 0})
  const record = join(folder, '.babele/cache/sources-read')
  writeFileSync(record, 'not a record')
  const written = projectOutputs(folder)
  t.deepEqual(runPastCache(folder).cache.sources, {hits: 0, misses: 2})
  t.deepEqual(projectOutputs(folder), written)
  t.not(readFileSync(record, 'utf8'), 'not a record')
  t.deepEqual(runPastCache(folder).cache.sources, {hits: 2, misses: 0})
  rmSync(folder, {recursive: true, force: true})
})

/** A record as `read-record.ts` stores it: its files joined by NUL, their digests one after the other, their signatures in one array, their values. */
interface StoredRecord {
  files: string
  digests: string
  signatures: Float64Array
  values: unknown[]
}

/** A folder with one source file, as a workspace. */
function sourceFolder(text: string): {workspace: Workspace; cache: string; file: string} {
  const root = mkdtempSync(join(tmpdir(), 'babele-sources-'))
  writeFileSync(join(root, 'a.md'), text)
  return {workspace: {root, config: {} as Workspace['config']}, cache: join(root, 'cache'), file: join(root, 'a.md')}
}

test('a source known by its recorded digest is read only when its text is asked for, and a text that no longer has that digest stops the command', (t) => {
  const {workspace, cache, file} = sourceFolder('# Titolo\n')
  const files = new Map([['a.md', 'a.md']])
  // A command that starts two seconds from now finds the file settled, so it is signed.
  const later = Date.now() + 2000
  const first = readRecordedSources(workspace, files, {cache, started: later})
  t.deepEqual(first.use, {hits: 0, misses: 1})
  t.is(first.sources.get('a.md')!.text(), '# Titolo\n')
  first.save()
  const second = readRecordedSources(workspace, files, {cache, started: later})
  t.deepEqual(second.use, {hits: 1, misses: 0})
  t.is(second.sources.get('a.md')!.digest, digestBytes('# Titolo\n'))
  // Saved after the record was read: had the text been read then, this would not be seen.
  writeFileSync(file, '# Altro titolo\n')
  const error = t.throws(() => second.sources.get('a.md')!.text(), {instanceOf: UsageError})
  t.regex(error!.message, /^a\.md changed while babele ran/)
  const third = readRecordedSources(workspace, files, {cache, started: later})
  t.deepEqual(third.use, {hits: 0, misses: 1}, 'its signature moved')
  t.is(third.sources.get('a.md')!.digest, digestBytes('# Altro titolo\n'))
  rmSync(workspace.root, {recursive: true, force: true})
})

test('each file of a record is known at its index, and a record whose parts do not add up, or in another layout, is no record: every file is read', (t) => {
  const {workspace, cache} = sourceFolder('# Titolo\n')
  writeFileSync(join(workspace.root, 'b.md'), '# Secondo\n')
  const later = Date.now() + 2000
  const both = new Map([['a.md', 'a.md'], ['b.md', 'b.md']])
  readRecordedSources(workspace, both, {cache, started: later}).save()
  const path = join(cache, 'sources-read')
  const record = deserialize(readFileSync(path)) as StoredRecord
  t.is(record.files, 'a.md\u0000b.md')
  t.is(record.digests, digestBytes('# Titolo\n') + digestBytes('# Secondo\n'))
  t.is(record.signatures.length, 12)
  const known = readRecordedSources(workspace, both, {cache, started: later})
  t.deepEqual(known.use, {hits: 2, misses: 0})
  t.deepEqual([...known.sources.values()].map((source) => source.digest), [digestBytes('# Titolo\n'), digestBytes('# Secondo\n')])
  const broken: Array<[string, unknown]> = [
    ['a digest short', {...record, digests: record.digests.slice(0, -1)}],
    ['a signature short', {...record, signatures: record.signatures.subarray(0, 11)}],
    ['a value short', {...record, values: []}],
    // b.md at both indexes: without the check, the second (b.md's own digest and signature) would stand and b.md be known unread.
    ['a file twice', {...record, files: 'b.md\u0000b.md'}],
    ['the layout of an object per file', new Map([['a.md', {digest: digestBytes('# Titolo\n'), signature: record.signatures.slice(0, 6)}]])]
  ]
  for (const [what, value] of broken) {
    writeFileSync(path, serialize(value))
    const read = readRecordedSources(workspace, both, {cache, started: later})
    t.deepEqual(read.use, {hits: 0, misses: 2}, what)
    t.deepEqual([...read.sources.values()].map((source) => source.digest), [digestBytes('# Titolo\n'), digestBytes('# Secondo\n')], what)
  }
  rmSync(workspace.root, {recursive: true, force: true})
})

test('a file no longer among all the sources leaves the record; a part of them leaves the others\' entries', (t) => {
  const {workspace, cache} = sourceFolder('# Titolo\n')
  writeFileSync(join(workspace.root, 'b.md'), '# Secondo\n')
  const later = Date.now() + 2000
  const both = new Map([['a.md', 'a.md'], ['b.md', 'b.md']])
  readRecordedSources(workspace, both, {cache, started: later, complete: true}).save()
  readRecordedSources(workspace, new Map([['a.md', 'a.md']]), {cache, started: later}).save()
  t.deepEqual(readRecordedSources(workspace, both, {cache, started: later}).use, {hits: 2, misses: 0}, 'a shard keeps the others\' entries')
  const one = readRecordedSources(workspace, new Map([['a.md', 'a.md']]), {cache, started: later, complete: true})
  one.save()
  t.deepEqual(readRecordedSources(workspace, both, {cache, started: later}).use, {hits: 1, misses: 1})
  rmSync(workspace.root, {recursive: true, force: true})
})

/** A project folder with two stores of one target locale, one of them not a JSON object. */
function storeFolder(): {workspace: Workspace; cache: string; store: string} {
  const root = mkdtempSync(join(tmpdir(), 'babele-stores-'))
  mkdirSync(join(root, 'locales/en'), {recursive: true})
  writeFileSync(join(root, 'locales/en/a.json'), '{"a.s1": "Hello"}\n')
  writeFileSync(join(root, 'locales/en/b.json'), '[]\n')
  const config = parseConfig({targetLocales: ['en']}).value!
  return {workspace: {root, config}, cache: join(root, 'cache'), store: join(root, 'locales/en/a.json')}
}

test('a store that keeps its recorded signature is taken from the record, not read; an edited one is read, and one that is not an object is reported every time', (t) => {
  const {workspace, cache, store} = storeFolder()
  const later = Date.now() + 2000
  const first = readStores(workspace, {cache, started: later})
  t.deepEqual(first.value.bundles.get('en/a'), {'a.s1': 'Hello'})
  t.deepEqual(first.messages.map((message) => [message.ruleId, message.file]), [['store-invalid', 'locales/en/b.json']])
  // The record says the file parsed to something else: only a store taken from the record returns it.
  const path = join(cache, 'stores-read')
  const record = deserialize(readFileSync(path)) as StoredRecord
  t.is(record.files, 'locales/en/a.json', 'a store that is not an object is not recorded')
  record.values[0] = {'a.s1': 'From the record'}
  writeFileSync(path, serialize(record))
  const second = readStores(workspace, {cache, started: later})
  t.deepEqual(second.value.bundles.get('en/a'), {'a.s1': 'From the record'})
  t.deepEqual(second.messages.map((message) => message.ruleId), ['store-invalid'])
  t.deepEqual(readStores(workspace).value.bundles.get('en/a'), {'a.s1': 'Hello'}, 'without the cache folder every store is read')
  writeFileSync(store, '{"a.s1": "Ciao"}\n')
  t.deepEqual(readStores(workspace, {cache, started: later}).value.bundles.get('en/a'), {'a.s1': 'Ciao'}, 'its signature moved')
  rmSync(workspace.root, {recursive: true, force: true})
})

test('a glossary file that keeps its recorded signature is taken from the record, not parsed; an edited entry is parsed again, with its messages', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'babele-glossary-'))
  mkdirSync(join(root, 'glossary'))
  const file = join(root, 'glossary/terms.csv')
  writeFileSync(file, 'concept,it,en,extra\nnato,NATO,NATO,x\n')
  const workspace: Workspace = {root, config: {glossary: 'glossary'} as Workspace['config']}
  const cache = join(root, 'cache')
  const later = Date.now() + 2000
  const first = readGlossary(workspace, {cache, started: later})
  t.deepEqual(first.value!.concepts.map((concept) => concept.id), ['nato'])
  t.deepEqual(first.messages.map((message) => [message.ruleId, message.file]), [['csv-unknown-column', 'glossary/terms.csv']])
  // The record says the file parsed to something else: only a glossary taken from the record returns it.
  const path = join(cache, 'glossary-read')
  const record = deserialize(readFileSync(path)) as StoredRecord
  t.is(record.files, 'glossary/terms.csv')
  const glossary = record.values[0] as {value: {concepts: Array<{id: string}>}; messages: Array<{ruleId: string}>}
  glossary.value.concepts[0]!.id = 'from-the-record'
  glossary.messages[0]!.ruleId = 'from-the-record'
  writeFileSync(path, serialize(record))
  const second = readGlossary(workspace, {cache, started: later})
  t.deepEqual(second.value!.concepts.map((concept) => concept.id), ['from-the-record'])
  t.deepEqual(second.messages.map((message) => message.ruleId), ['from-the-record'])
  t.deepEqual(readGlossary(workspace).value!.concepts.map((concept) => concept.id), ['nato'], 'without the cache folder the file is parsed')
  writeFileSync(file, 'concept,it,en\nnato,NATO,NATO\nue,Unione europea,European Union\n')
  const edited = readGlossary(workspace, {cache, started: later})
  t.deepEqual(edited.value!.concepts.map((concept) => concept.id), ['nato', 'ue'], 'its signature moved')
  t.is(edited.messages.length, 0)
  rmSync(root, {recursive: true, force: true})
})
