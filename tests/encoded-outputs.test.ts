/**
 * A document's extract outputs as they cross from `extract`'s threads
 * (`pipeline/cli/encoded-outputs.ts`): their texts as UTF-8 bytes, about
 * half the size of the strings for Italian text, joined back as the very
 * outputs (a leading byte order mark too). The cache keeps no copy of
 * them: a run whose outputs are gone makes them again from the documents,
 * byte for byte what the first run wrote.
 */
import {existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {serialize} from 'node:v8'
import test from 'ava'
import {encodedFiles, encodeOutputs, joinOutputs} from '../pipeline/cli/encoded-outputs.ts'
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

test('the outputs cross as their part and each text as its UTF-8 bytes, in about half what the strings take, and join back as they were', (t) => {
  const encoded = encodeOutputs(outputs)
  const files = encodedFiles(encoded)
  t.deepEqual(
    files.map(([path, bytes]) => [path, Buffer.from(bytes).toString('utf8')]),
    [outputs.source, ...outputs.locales.flatMap((locale) => locale.outputs)]
  )
  t.true(serialize(encoded).length < serialize(outputs).length * 0.6)
  // A text that starts with a byte order mark keeps it.
  const decoder = new TextDecoder('utf-8', {ignoreBOM: true})
  const texts = new Map(files.map(([path, bytes]) => [path, decoder.decode(bytes)]))
  t.deepEqual(joinOutputs(encoded.part, (path) => texts.get(path)!), outputs)
  t.true(encoded.texts.every((text) => text.byteOffset === 0 && text.byteLength === text.buffer.byteLength), 'each text an array of its own')
})

test.serial('extract and run whose outputs were moved away make them again from the documents, byte for byte; the cache holds no copy of them', (t) => {
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
  const version = () => join(folder, '.babele/cache', readdirSync(join(folder, '.babele/cache')).find((name) => name.startsWith('v'))!)
  const first = runPastCache(folder, 'extract')
  const documents = first.cache.outputs.extract.misses
  t.true(documents > 0)
  t.false(existsSync(join(version(), outputKinds.extract)), 'no entry of the extract outputs')
  const written = projectOutputs(folder)
  moveOutputs('extract')
  const again = runPastCache(folder, 'extract')
  t.deepEqual(again.cache.outputs.extract, {hits: 0, misses: documents})
  t.deepEqual(again.cache.documents, {hits: documents, misses: 0}, 'made from the documents in the cache')
  t.deepEqual(projectOutputs(folder), written)
  t.deepEqual(again.messages, first.messages)
  const run = runPastCache(folder)
  const made = projectOutputs(folder)
  moveOutputs('run')
  const rerun = runPastCache(folder)
  t.deepEqual(rerun.cache.outputs.extract, {hits: 0, misses: documents})
  t.deepEqual(rerun.cache.outputs.build, {hits: run.cache.outputs.build.misses, misses: 0}, 'built files are written from their entries')
  t.deepEqual(rerun.cache.kept, {extract: 0, build: 0})
  t.deepEqual(projectOutputs(folder), made)
  t.false(existsSync(join(version(), outputKinds.extract)))
})
