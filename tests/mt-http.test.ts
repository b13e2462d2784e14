import {spawn} from 'node:child_process'
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import test from 'ava'
import {existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {startApy} from './helpers/apy.ts'
import {babele, bin, copyProject} from './helpers/cli.ts'
import {testWith} from './helpers/tools.ts'
import {segmentKey} from '../pipeline/units/index.ts'
import {httpEngine} from '../pipeline/cli/engines/http.ts'


/** Point a project's HTTP engine at a server. */
function configure(folder: string, http: Record<string, unknown>): void {
  const file = join(folder, 'babele.config.json')
  const config = JSON.parse(readFileSync(file, 'utf8'))
  writeFileSync(file, JSON.stringify({...config, mt: {...config.mt, http: {...config.mt.http, ...http}}}, null, 2) + '\n')
}

function readJson(folder: string, path: string): Record<string, any> {
  return JSON.parse(readFileSync(join(folder, path), 'utf8'))
}

testWith('apertium-apy')('babele pretranslate --engine http translates through apertium-apy on 127.0.0.1, a pivot through /translateChain', async (t) => {
  const apy = await startApy(t)
  const folder = copyProject()
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  configure(folder, {url: apy.url, pairs: {es: 'ita|spa', en: 'ita|cat|eng'}})
  const result = babele(folder, 'pretranslate', '--engine', 'http', '--locale', 'es', 'en', '--json')
  t.is(result.status, 0, result.stderr)
  const output = JSON.parse(result.stdout)
  t.deepEqual(output.engines, {es: 'apertium-apy ita|spa', en: 'apertium-apy ita|cat|eng'})
  const key = segmentKey('Cremlino.')
  t.is(readJson(folder, 'locales/es/putin-xi-alleanza.json')[key], 'Kremlin.')
  t.is(readJson(folder, 'locales/en/putin-xi-alleanza.json')[key], 'Kremlin.')
  const record = readJson(folder, 'locales/es/putin-xi-alleanza.state.json')[key]
  t.deepEqual([record.state, record.origin, record.engine, record.sourceHash], ['initial', 'machine', 'apertium-apy', key])
  t.true(output.unknown.es.some((word: {word: string}) => word.word === 'discapito'))
  t.true(existsSync(join(folder, '.babele/mt-cache/apertium-apy/ita+spa.json')))
  t.true(existsSync(join(folder, '.babele/mt-cache/apertium-apy/ita+cat+eng.json')))
})

testWith('apertium-apy')('when apertium-apy stops mid-run the error names the server, every translation already made is kept in the cache and the store, and the re-run finishes the rest', async (t) => {
  const folder = copyProject()
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  // Plain sentences and no glossary: every request is one segment.
  rmSync(join(folder, 'glossary'), {recursive: true})
  // Enough requests, one at a time, that a loaded machine still stops the server long before the last.
  const total = 1000
  const colors = ['bianca', 'rossa', 'verde', 'gialla']
  writeFileSync(join(folder, 'source/it/putin-xi-alleanza.md'), Array.from({length: total}, (_, index) => `La casa numero ${index + 1} è ${colors[index % colors.length]}.`).join('\n\n') + '\n')
  const apy = await startApy(t)
  configure(folder, {url: apy.url, pairs: {es: 'ita|spa'}, concurrency: 1, retries: 2})

  const child = spawn('node', [bin, 'pretranslate', '--engine', 'http', '--locale', 'es', '--json'], {cwd: folder, env: {...process.env, NO_COLOR: '1'}})
  let stdout = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  // `close`, not `exit`: the process may exit before its output has all been read.
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve))
  while (apy.answered() < 20) await new Promise((resolve) => setTimeout(resolve, 20))
  await apy.stop('SIGKILL')
  const status = await exited
  const output = JSON.parse(stdout)
  t.is(status, 1, JSON.stringify(output.summary))
  const failure = output.messages.find((message: {ruleId: string}) => message.ruleId === 'mt-engine-failed')
  t.regex(failure.message, /^es: apertium-apy at http:\/\/127\.0\.0\.1:\d+: cannot connect: ECONNREFUSED \(connection refused: is the server running\?\) \(after 3 attempts\); (\d+) translation\(s\) made before the failure are kept, (\d+) segment\(s\) left for the next run$/)
  const [, kept, left] = /(\d+) translation\(s\) made.*?(\d+) segment\(s\) left/.exec(failure.message)!
  const cached = Object.keys(readJson(folder, '.babele/mt-cache/apertium-apy/ita+spa.json').translations).length
  const stored = Object.keys(readJson(folder, 'locales/es/putin-xi-alleanza.json')).length
  // A floor, not a count: how many requests finish between the 20th answer and the kill depends on timing.
  t.true(cached >= 20 && cached < total, `${cached} cached`)
  t.is(stored, cached)
  t.is(Number(kept), stored)
  t.is(Number(left), total - stored)
  t.is(Object.keys(readJson(folder, 'locales/es/putin-xi-alleanza.state.json')).length, stored)

  const again = await startApy(t)
  configure(folder, {url: again.url, concurrency: 4})
  const rerun = babele(folder, 'pretranslate', '--engine', 'http', '--locale', 'es', '--json')
  t.is(rerun.status, 0, rerun.stderr)
  t.is(again.answered(), total - stored, 'only what was left is sent')
  const bundle = readJson(folder, 'locales/es/putin-xi-alleanza.json')
  t.is(Object.keys(bundle).length, total)
  t.true(Object.values(bundle).includes('La casa número 1000 es amarilla.'))
})

testWith('apertium-apy')('a server that refuses the pair is a clear error, not retried', async (t) => {
  const apy = await startApy(t)
  const folder = copyProject()
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  configure(folder, {url: apy.url, pairs: {fr: 'ita|fra'}})
  const result = babele(folder, 'pretranslate', '--engine', 'http', '--locale', 'fr', '--json')
  t.is(result.status, 1)
  const failure = JSON.parse(result.stdout).messages.find((message: {ruleId: string}) => message.ruleId === 'mt-engine-failed')
  t.regex(failure.message, /^fr: apertium-apy at http:\/\/127\.0\.0\.1:\d+: refused the request \(400 Bad Request: That pair is not installed\); 0 translation\(s\) made/)
  t.is(apy.answered(), 0)
})

test('the HTTP engine keeps at most `concurrency` requests open at once, across batches, and returns each batch in order', async (t) => {
  // A server speaking LibreTranslate's API that records how many requests are open at once: only a server can see that.
  let open = 0
  let most = 0
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    request.on('end', () => {
      open++
      most = Math.max(most, open)
      setTimeout(() => {
        open--
        response.setHeader('content-type', 'application/json')
        response.end(JSON.stringify({translatedText: String(JSON.parse(body).q).toUpperCase()}))
      }, 15)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => server.close())
  const {port} = server.address() as AddressInfo
  const engine = httpEngine({api: 'libretranslate', url: `http://127.0.0.1:${port}`, pair: 'it|en', source: 'it', target: 'en', concurrency: 3, retries: 0})
  const texts = (from: number) => Array.from({length: 12}, (_, index) => `frase ${from + index}`)
  const [first, second] = await Promise.all([engine.translate(texts(0)), engine.translate(texts(12))])
  t.deepEqual(first, texts(0).map((text) => text.toUpperCase()))
  t.deepEqual(second, texts(12).map((text) => text.toUpperCase()))
  t.is(most, 3)
})
