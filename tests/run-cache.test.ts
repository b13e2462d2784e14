/**
 * The run cache: a command that would change nothing (`run`, `extract`,
 * `build`) is answered from the cache, with the output it would print; any
 * change to what it read or wrote makes it run again. Seen through
 * `--json`'s `cache.run`, never through timing. Every test runs the CLI on a
 * copy of the shipped project (one document, four locales, no engine).
 */
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import test from 'ava'
import {babele, babeleJson as json, copyProject, root} from './helpers/cli.ts'

/** The shipped project, run until a run changes nothing, so the next one can be answered from the cache. */
function settled(): string {
  const folder = copyProject()
  for (let run = 0; run < 3 && json(folder, 'run').result.written.length > 0; run++);
  return folder
}

/** `--json` output less what says how it was made (the cache's use, the threads). */
function made(result: any): unknown {
  const {cache, threads, ...rest} = result
  return rest
}

test('a run with nothing to change is answered from the cache: the same output, nothing extracted', (t) => {
  const folder = copyProject()
  const first = json(folder, 'run')
  t.is(first.result.cache.run, 'miss')
  t.true(first.result.written.length > 0)
  const second = json(folder, 'run')
  t.is(second.result.cache.run, 'miss', 'the first run wrote files: it was not stored')
  t.deepEqual(second.result.written, [])
  const third = json(folder, 'run')
  t.is(third.status, second.status)
  t.deepEqual(third.result.cache, {documents: {hits: 0, misses: 0}, lint: {hits: 0, misses: 0}, run: 'hit'})
  t.is(third.result.threads, 0)
  t.deepEqual(made(third.result), made(second.result))
  // The text output is stored apart from --json's, and replayed as printed.
  const text = babele(folder, 'run')
  t.deepEqual(babele(folder, 'run'), text)
  // extract and build are answered the same way, each under its own key.
  for (const command of ['extract', 'build']) {
    t.is(json(folder, command).result.cache.run, 'miss', command)
    t.is(json(folder, command).result.cache.run, 'hit', command)
  }
  t.is(json(folder, 'run', '--xliff-version', '1.2').result.cache.run, 'miss', 'other options, another entry')
  rmSync(folder, {recursive: true, force: true})
})

test('every input of an output makes the next run a miss, and it then settles again; a file no command reads keeps the hit', (t) => {
  const folder = settled()
  t.is(json(folder, 'run').result.cache.run, 'hit')
  writeFileSync(join(folder, 'NOTES.txt'), 'not an input')
  t.is(json(folder, 'run').result.cache.run, 'hit', 'a file no command reads')
  const config = () => JSON.parse(readFileSync(join(folder, 'babele.config.json'), 'utf8'))
  const setConfig = (value: unknown) => writeFileSync(join(folder, 'babele.config.json'), JSON.stringify(value))
  const source = join(folder, 'source/it/putin-xi-alleanza.md')
  const tbx = join(folder, 'glossary/geopolitics.tbx')
  const store = join(folder, 'locales/en/putin-xi-alleanza.json')
  const changes: Array<[string, () => void]> = [
    ['a byte of a source', () => writeFileSync(source, readFileSync(source, 'utf8').replace(/\. /, '! '))],
    ['a new source', () => writeFileSync(join(folder, 'source/it/nuova.md'), '# Nuova\n\nUna pagina nuova.\n')],
    ['an output deleted', () => rmSync(join(folder, 'dist/es/putin-xi-alleanza.md'))],
    ['a config field', () => setConfig({...config(), memory: {threshold: 90}})],
    ['a glossary entry', () => writeFileSync(tbx, readFileSync(tbx, 'utf8').replace(/<term>AKUS<\/term>/, '<term>AKUSX</term>'))],
    [
      'a store value',
      () => {
        const [key] = Object.entries(JSON.parse(readFileSync(join(folder, 'locales/it/putin-xi-alleanza.json'), 'utf8')) as Record<string, string>).find(([, text]) => !text.includes('<'))!
        mkdirSync(join(store, '..'), {recursive: true})
        writeFileSync(store, JSON.stringify({[key]: 'Changed by hand.'}))
      }
    ],
    ['a memory entry', () => (mkdirSync(join(folder, 'memory'), {recursive: true}), writeFileSync(join(folder, 'memory/old.tmx'), readFileSync(join(root, 'tests/fixtures/analysis/memory.tmx'))))],
    ['an engine setting', () => setConfig({...config(), mt: {...config().mt, apertium: {...config().mt.apertium, timeout: 1234}}})],
  ]
  for (const [name, change] of changes) {
    change()
    t.is(json(folder, 'run').result.cache.run, 'miss', name)
    let runs = 0
    while (json(folder, 'run').result.cache.run !== 'hit' && ++runs < 3);
    t.true(runs < 3, `${name}: settles again`)
  }
  t.true(readFileSync(join(folder, 'dist/es/putin-xi-alleanza.md'), 'utf8').length > 0, 'the deleted output is written again')
  rmSync(folder, {recursive: true, force: true})
})

test('a run that asked a machine-translation engine is never answered from the cache: an engine that was down is asked again', (t) => {
  const folder = copyProject()
  const config = JSON.parse(readFileSync(join(folder, 'babele.config.json'), 'utf8'))
  // Nothing listens on port 9 of this machine: every request is refused at once.
  writeFileSync(join(folder, 'babele.config.json'), JSON.stringify({...config, targetLocales: ['es'], fallbackLng: ['it'], mt: {engine: 'http', http: {api: 'libretranslate', url: 'http://127.0.0.1:9', pairs: {es: 'it|es'}, retries: 0}}}))
  const runs = [1, 2, 3].map(() => json(folder, 'run').result)
  t.deepEqual(runs[2]!.written, [], 'the last run wrote nothing')
  for (const result of runs) {
    t.is(result.cache.run, 'miss')
    t.true(result.messages.some((message: any) => message.source === 'mt'), 'the engine was asked, and failed')
  }
  rmSync(folder, {recursive: true, force: true})
})
