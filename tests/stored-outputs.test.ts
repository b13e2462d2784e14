/**
 * A document's extract outputs as the cache keeps them
 * (`pipeline/cli/stored-outputs.ts`): their texts as UTF-8 bytes, half the
 * size of the strings `v8.serialize` keeps for Italian text; read back as
 * the very outputs (a leading byte order mark too); an entry that is not
 * whole is not there; and a run whose outputs are gone writes them from
 * those entries, byte for byte what the first run wrote.
 */
import {mkdirSync, mkdtempSync, renameSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {serialize} from 'node:v8'
import test from 'ava'
import {openCache} from '../pipeline/cli/cache.ts'
import {storedFiles, storedOutputs, storeOutputs, withStoredOutputs} from '../pipeline/cli/stored-outputs.ts'
import {outputKinds, type DocumentOutputs} from '../pipeline/project/index.ts'
import {copyProject, projectOutputs, runPastCache} from './helpers/cli.ts'

/** Outputs holding text V8 keeps at two bytes a character (typographic quotes), and a bundle that starts with a byte order mark. */
const outputs: DocumentOutputs = {
  source: ['locales/it/pagina.json', '\uFEFF{"titolo": "L’Italia e l’Europa"}\n'],
  locales: [
    {outputs: [['xliff/en/pagina.md.xlf', '<source>«Perché» è così – ' + 'una frase qualsiasi, con l’apostrofo tipografico. '.repeat(200) + '</source>\n']], messages: [{severity: 'info', ruleId: 'leverage', source: 'xliff', message: 'una nota', file: 'pagina.md', url: 'https://example.com/leverage'}]},
    {outputs: [], messages: []}
  ]
}

const key = 'ab'.repeat(32)

/** A cache in a fresh folder, removed after the test. */
function freshCache(t: {teardown: (fn: () => void) => void}) {
  const folder = mkdtempSync(join(tmpdir(), 'babele-stored-outputs-'))
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  return openCache(folder, 'test')
}

test('an entry keeps each text as its UTF-8 bytes, in about half what the strings take', (t) => {
  const stored = storeOutputs(outputs)
  t.deepEqual(
    storedFiles(stored).map(([path, bytes]) => [path, Buffer.from(bytes).toString('utf8')]),
    [outputs.source, ...outputs.locales.flatMap((locale) => locale.outputs)]
  )
  t.true(serialize(stored).length < serialize(outputs).length * 0.6)
})

test('the outputs stored through withStoredOutputs are read back as they were, the entry itself holding bytes; other kinds are as they are', (t) => {
  const cache = freshCache(t)
  const store = withStoredOutputs(cache)
  store.put(outputKinds.extract, key, outputs)
  t.deepEqual(store.get(outputKinds.extract, key), outputs)
  const raw = cache.get(outputKinds.extract, key)
  t.deepEqual(storedOutputs(raw), storeOutputs(outputs))
  store.put(outputKinds.build, key, outputs)
  t.deepEqual(cache.get(outputKinds.build, key), outputs)
})

test('an entry that is not whole is not there (the outputs are made again)', (t) => {
  const stored = storeOutputs(outputs)
  t.is(storedOutputs({part: stored.part, texts: stored.texts.slice(1)}), undefined)
  t.is(storedOutputs({part: stored.part, texts: ['a', ...stored.texts.slice(1)]}), undefined)
  t.is(storedOutputs({texts: stored.texts}), undefined)
  t.is(storedOutputs(outputs), undefined, 'outputs as strings are not an entry')
  const cache = freshCache(t)
  cache.put(outputKinds.extract, key, {part: stored.part, texts: stored.texts.slice(1)})
  t.is(withStoredOutputs(cache).get(outputKinds.extract, key), undefined)
})

test.serial('extract and run whose outputs were moved away write them again from the entries, byte for byte', (t) => {
  const folder = copyProject()
  const aside = mkdtempSync(join(tmpdir(), 'babele-aside-'))
  t.teardown(() => {
    rmSync(folder, {recursive: true, force: true})
    rmSync(aside, {recursive: true, force: true})
  })
  const moveOutputs = (name: string) => {
    mkdirSync(join(aside, name))
    for (const outputs of ['xliff', 'locales', 'reports', 'dist']) {
      try {
        renameSync(join(folder, outputs), join(aside, name, outputs))
      } catch {
        // `extract` writes no reports nor built files.
      }
    }
  }
  const first = runPastCache(folder, 'extract')
  const written = projectOutputs(folder)
  moveOutputs('extract')
  const again = runPastCache(folder, 'extract')
  t.deepEqual(again.cache.outputs.extract, {hits: first.cache.outputs.extract.misses, misses: 0})
  t.deepEqual(projectOutputs(folder), written)
  t.deepEqual(again.messages, first.messages)
  const run = runPastCache(folder)
  const made = projectOutputs(folder)
  moveOutputs('run')
  const rerun = runPastCache(folder)
  t.deepEqual(rerun.cache.outputs.extract, {hits: run.cache.outputs.extract.hits, misses: 0})
  t.is(rerun.cache.kept.extract, 0)
  t.deepEqual(projectOutputs(folder), made)
})
