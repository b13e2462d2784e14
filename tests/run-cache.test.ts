/**
 * The run cache: a command that would change nothing (`run`, `extract`,
 * `build`) is answered from the cache, with the output it would print; any
 * change to what it read or wrote makes it run again. Seen through
 * `--json`'s `cache.run`, never through timing, and through the run entry's
 * file: a hit that had to read a file again signs it anew (the entry is
 * written again), one that read nothing writes nothing. Every test runs the
 * CLI on a copy of the shipped project (one document, four locales, no engine).
 */
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import {spawn, spawnSync} from 'node:child_process'
import {babele, babeleJson as json, bin, copyProject, root} from './helpers/cli.ts'

/** The shipped project, run until a run changes nothing, so the next one can be answered from the cache. */
function settled(): string {
  const folder = copyProject()
  for (let run = 0; run < 3 && json(folder, 'run').result.written.length > 0; run++);
  return folder
}

/** Wait, so that every file written so far last changed more than a second ago (the run cache signs such files). */
function settle(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1100)
}

/** The run cache's entries (one per command, options and output mode), each with its bytes. */
function runEntries(folder: string): Map<string, string> {
  const entries = new Map<string, string>()
  const cache = join(folder, '.babele/cache')
  for (const version of readdirSync(cache).filter((name) => name.startsWith('v'))) {
    const runs = join(cache, version, 'run')
    for (const prefix of readdirSync(runs)) for (const name of readdirSync(join(runs, prefix))) entries.set(name, readFileSync(join(runs, prefix, name)).toString('base64'))
  }
  return entries
}

/** How many entries differ between two readings of {@linkcode runEntries}. */
function rewritten(before: Map<string, string>, after: Map<string, string>): number {
  return [...after].filter(([name, bytes]) => before.get(name) !== bytes).length
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

test('a run entry whose stored output was cut short or changed on disk is a miss: the output is made again, never replayed damaged', (t) => {
  const folder = settled()
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const expected = json(folder, 'run')
  t.is(json(folder, 'run').result.cache.run, 'hit')
  const cache = join(folder, '.babele/cache')
  const [version] = readdirSync(cache).filter((name) => name.startsWith('v'))
  const runs = join(cache, version!, 'run')
  // Every run entry (`run --json`'s among them), each damaged the same way.
  const files = readdirSync(runs).flatMap((prefix) => readdirSync(join(runs, prefix)).map((name) => join(runs, prefix, name)))
  const damaged: Array<[string, (bytes: Buffer) => Buffer]> = [
    ['cut short', (bytes) => bytes.subarray(0, bytes.length - 2)],
    ['a byte changed', (bytes) => Buffer.from(bytes.map((byte, at) => (at === bytes.length - 10 ? byte ^ 0x01 : byte)))]
  ]
  for (const [how, damage] of damaged) {
    t.true(files.length > 0)
    for (const file of files) writeFileSync(file, damage(readFileSync(file)))
    const again = json(folder, 'run')
    t.is(again.status, expected.status, how)
    t.is(again.result.cache.run, 'miss', how)
    t.deepEqual(made(again.result), made(expected.result), how)
    const answered = json(folder, 'run')
    t.is(answered.result.cache.run, 'hit', `${how}: stored again by the miss, and answered`)
    t.deepEqual(made(answered.result), made(expected.result), how)
  }
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
  // Each change, and the runs after its miss until a hit, each as its cache use and what it wrote: a run that
  // wrote files is not stored, so the next one runs again (after a source's bytes change, the XLIFF babele
  // wrote before is not imported: it holds the bytes extract recorded, so no import report changes).
  const changes: Array<[string, () => void, string[]]> = [
    ['a byte of a source', () => writeFileSync(source, readFileSync(source, 'utf8').replace(/\. /, '! ')), ['miss: ', 'hit: ']],
    ['a new source', () => writeFileSync(join(folder, 'source/it/nuova.md'), '# Nuova\n\nUna pagina nuova.\n'), ['miss: ', 'hit: ']],
    ['an output deleted', () => rmSync(join(folder, 'dist/es/putin-xi-alleanza.md')), ['hit: ']],
    ['a config field', () => setConfig({...config(), memory: {threshold: 90}}), ['miss: ', 'hit: ']],
    ['a glossary entry', () => writeFileSync(tbx, readFileSync(tbx, 'utf8').replace(/<term>AKUS<\/term>/, '<term>AKUSX</term>')), ['miss: ', 'hit: ']],
    [
      'a store value',
      () => {
        const [key] = Object.entries(JSON.parse(readFileSync(join(folder, 'locales/it/putin-xi-alleanza.json'), 'utf8')) as Record<string, string>).find(([, text]) => !text.includes('<'))!
        mkdirSync(join(store, '..'), {recursive: true})
        writeFileSync(store, JSON.stringify({[key]: 'Changed by hand.'}))
      },
      ['miss: ', 'hit: ']
    ],
    ['a memory entry', () => (mkdirSync(join(folder, 'memory'), {recursive: true}), writeFileSync(join(folder, 'memory/old.tmx'), readFileSync(join(root, 'tests/fixtures/analysis/memory.tmx')))), ['hit: ']],
    ['an engine setting', () => setConfig({...config(), mt: {...config().mt, apertium: {...config().mt.apertium, timeout: 1234}}}), ['hit: ']],
  ]
  const output = join(folder, 'dist/es/putin-xi-alleanza.md')
  for (const [name, change, settling] of changes) {
    const deleted = name === 'an output deleted' ? readFileSync(output, 'utf8') : ''
    change()
    const miss = json(folder, 'run').result
    t.is(miss.cache.run, 'miss', name)
    if (deleted) {
      t.deepEqual(miss.written, ['dist/es/putin-xi-alleanza.md'], 'only the deleted output is written')
      t.is(readFileSync(output, 'utf8'), deleted, 'the deleted output is written again, byte for byte')
    }
    const runs = settling.map(() => json(folder, 'run').result).map((result) => `${result.cache.run}: ${result.written.join(' ')}`)
    t.deepEqual(runs, settling, `${name}: settles again`)
  }
  rmSync(folder, {recursive: true, force: true})
})

test('a run from a folder outside the project, naming its config, is answered from the cache and misses when a source or an output changes', (t) => {
  const folder = copyProject()
  // No path the run reads or writes is in the working folder: each is looked at by its absolute path (in the project's own folder, relative to it).
  const elsewhere = mkdtempSync(join(tmpdir(), 'babele-elsewhere-'))
  const config = join(folder, 'babele.config.json')
  for (let run = 0; run < 3 && json(elsewhere, 'run', '-c', config).result.written.length > 0; run++);
  t.is(json(elsewhere, 'run', '-c', config).result.cache.run, 'hit')
  const source = join(folder, 'source/it/putin-xi-alleanza.md')
  writeFileSync(source, readFileSync(source, 'utf8').replace(/\. /, '! '))
  t.is(json(elsewhere, 'run', '-c', config).result.cache.run, 'miss', 'a byte of a source')
  const settling = [1, 2].map(() => json(elsewhere, 'run', '-c', config).result).map((result) => `${result.cache.run}: ${result.written.join(' ')}`)
  t.deepEqual(settling, ['miss: ', 'hit: '], 'the run after writes nothing and is stored; the next is a hit')
  rmSync(join(folder, 'dist/es/putin-xi-alleanza.md'))
  t.deepEqual(json(elsewhere, 'run', '-c', config).result.written, ['dist/es/putin-xi-alleanza.md'], 'an output deleted: a miss that writes it again')
  t.is(readdirSync(elsewhere).length, 0, 'nothing written in the working folder')
  rmSync(folder, {recursive: true, force: true})
  rmSync(elsewhere, {recursive: true, force: true})
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

test('a file saved again with the same bytes keeps the hit; that hit signs it anew, and the next one reads and writes nothing', (t) => {
  const folder = settled()
  settle()
  // The first hit signs what the stored run saw change less than a second before it started (the outputs of the run before).
  t.is(json(folder, 'run').result.cache.run, 'hit')
  let entries = runEntries(folder)
  t.is(entries.size, 1)
  t.is(json(folder, 'run').result.cache.run, 'hit')
  t.is(rewritten(entries, runEntries(folder)), 0, 'every file is signed: a hit reads none and writes nothing')
  const source = join(folder, 'source/it/putin-xi-alleanza.md')
  writeFileSync(source, readFileSync(source))
  settle()
  t.is(json(folder, 'run').result.cache.run, 'hit', 'the same bytes: a hit')
  t.is(rewritten(entries, runEntries(folder)), 1, 'the file was read again, found the same and signed anew')
  entries = runEntries(folder)
  t.is(json(folder, 'run').result.cache.run, 'hit')
  t.is(rewritten(entries, runEntries(folder)), 0, 'signed: read no more')
  writeFileSync(join(folder, 'source/it/nuova.md'), '# Nuova\n\nUna pagina nuova.\n')
  t.is(json(folder, 'run').result.cache.run, 'miss', 'a new file in a signed folder')
  rmSync(folder, {recursive: true, force: true})
})

test('a file rewritten in place with other bytes of the same size and its modification time set back is a miss: its change time moved', (t) => {
  const folder = copyProject()
  const source = join(folder, 'source/it/putin-xi-alleanza.md')
  // A modification time of a whole second, which utimes can set back exactly.
  utimesSync(source, 1_700_000_000, 1_700_000_000)
  for (let run = 0; run < 3 && json(folder, 'run').result.written.length > 0; run++);
  settle()
  t.is(json(folder, 'run').result.cache.run, 'hit')
  const entries = runEntries(folder)
  t.is(json(folder, 'run').result.cache.run, 'hit')
  t.is(rewritten(entries, runEntries(folder)), 0, 'every file is signed, the source included')
  const before = statSync(source)
  const text = readFileSync(source, 'utf8')
  const other = text.replace(/\. /, '! ')
  t.not(other, text)
  writeFileSync(source, other)
  utimesSync(source, 1_700_000_000, 1_700_000_000)
  const after = statSync(source)
  t.deepEqual([after.size, after.ino, after.dev, after.mtimeMs], [before.size, before.ino, before.dev, before.mtimeMs], 'the same size, inode and modification time')
  t.is(json(folder, 'run').result.cache.run, 'miss')
  rmSync(folder, {recursive: true, force: true})
})

test('a run that found no Apertium mode for its pair is stored with what Apertium lists, and answered from the cache while that holds', (t) => {
  const folder = copyProject()
  const config = JSON.parse(readFileSync(join(folder, 'babele.config.json'), 'utf8'))
  // No Apertium package has this mode: the engine is never asked, a warning says what to install.
  writeFileSync(join(folder, 'babele.config.json'), JSON.stringify({...config, targetLocales: ['en'], fallbackLng: ['it'], mt: {engine: 'apertium', apertium: {pairs: {en: 'ita-xxx'}}}}))
  const first = json(folder, 'run').result
  t.deepEqual(first.messages.filter((message: any) => message.source === 'mt').map((message: any) => message.ruleId), ['mt-engine-missing'], 'the missing mode is reported')
  t.is(json(folder, 'run').result.cache.run, 'miss')
  const hit = json(folder, 'run').result
  t.is(hit.cache.run, 'hit')
  t.deepEqual(made(hit), made(json(folder, 'run', '--no-cache').result))
  rmSync(folder, {recursive: true, force: true})
})

test('a reader that stops early (babele run --json | head) cuts the output without a stack trace, and the exit code stays the run\'s, on a miss and on a hit', (t) => {
  const folder = copyProject()
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  // A page with 400 findings: the JSON is far larger than a pipe holds (64 KiB), so writing it meets the closed pipe.
  writeFileSync(join(folder, 'source/it/perche.md'), Array.from({length: 400}, (_, line) => `Riga ${line}: perche' no.\n\n`).join(''))
  const piped = () => {
    const shell = spawnSync('bash', ['-c', `node '${bin}' run --json 2>stderr.txt | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`], {cwd: folder, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
    return {status: Number(shell.stdout.trim()), stderr: readFileSync(join(folder, 'stderr.txt'), 'utf8')}
  }
  const miss = piped()
  t.is(miss.stderr, '')
  const whole = json(folder, 'run')
  t.true(JSON.stringify(whole.result).length > 1 << 17)
  t.is(miss.status, whole.status ?? -1)
  for (let run = 0; run < 3 && json(folder, 'run').result.written.length > 0; run++);
  settle()
  t.is(json(folder, 'run').result.cache.run, 'hit')
  const hit = piped()
  t.is(hit.stderr, '')
  t.is(hit.status, whole.status ?? -1)
})

test('a reader that takes the output late gets it whole, and the exit code is the run\'s, on a miss and on a hit: the process ends only once its output is printed', async (t) => {
  const folder = copyProject()
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  // Far more JSON than a pipe holds (64 KiB): the writes wait for the reader.
  writeFileSync(join(folder, 'source/it/perche.md'), Array.from({length: 400}, (_, line) => `Riga ${line}: perche' no.\n\n`).join(''))
  const late = () =>
    new Promise<{status: number | null; stdout: string}>((done) => {
      const child = spawn('node', [bin, 'run', '--json'], {cwd: folder, stdio: ['ignore', 'pipe', 'ignore'], env: {...process.env, NO_COLOR: '1'}})
      child.stdout.pause()
      const chunks: Buffer[] = []
      setTimeout(() => {
        child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
        child.stdout.resume()
      }, 1000)
      child.on('close', (status) => done({status, stdout: Buffer.concat(chunks).toString('utf8')}))
    })
  const miss = await late()
  const printed = JSON.parse(miss.stdout)
  t.is(printed.cache.run, 'miss')
  t.true(miss.stdout.length > 1 << 17)
  const whole = json(folder, 'run')
  t.is(miss.status, whole.status ?? -1)
  for (let run = 0; run < 3 && json(folder, 'run').result.written.length > 0; run++);
  settle()
  const hit = await late()
  t.is(JSON.parse(hit.stdout).cache.run, 'hit')
  t.is(hit.status, whole.status ?? -1)
  t.deepEqual(made(JSON.parse(hit.stdout)), made(whole.result))
})

test('the process ends itself once the command is printed, on a miss and on a hit: Node\'s beforeExit, which comes when the event loop empties, never comes; the exit handlers run', (t) => {
  const folder = copyProject()
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const probe = join(folder, 'exit-probe.cjs')
  const marks = join(folder, 'exit-marks.txt')
  writeFileSync(probe, `const {appendFileSync} = require('node:fs')\nprocess.on('beforeExit', () => appendFileSync(${JSON.stringify(marks)}, 'beforeExit\\n'))\nprocess.on('exit', (code) => appendFileSync(${JSON.stringify(marks)}, 'exit ' + code + '\\n'))\n`)
  const probed = () => {
    rmSync(marks, {force: true})
    const result = spawnSync('node', ['--require', probe, bin, 'run', '--json'], {cwd: folder, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
    return {status: result.status, run: JSON.parse(result.stdout).cache.run as string, marks: readFileSync(marks, 'utf8')}
  }
  const miss = probed()
  t.is(miss.run, 'miss')
  t.is(miss.marks, `exit ${miss.status}\n`)
  for (let run = 0; run < 3 && json(folder, 'run').result.written.length > 0; run++);
  settle()
  const hit = probed()
  t.is(hit.run, 'hit')
  t.is(hit.marks, `exit ${hit.status}\n`)
})

