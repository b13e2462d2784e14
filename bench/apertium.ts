/**
 * Apertium throughput: words per second of the `apertium` command alone on
 * the plain text of a corpus's segments, and of babele's machine-translation
 * stage on the same segments (protection of codes and glossary terms, the
 * terms asked of the engine on their own, restore, the code and term checks
 * of every target, the retries of segments whose terms broke). Target:
 * babele adds at most 20%. Prints figures; asserts nothing.
 *
 * `node --import tsx bench/apertium.ts`; `BENCH_MT_PAIR` (default `ita-spa`)
 * and `BENCH_MT_LOCALE` (default `es`) choose the pair, `BENCH_MT_FILES`
 * (default 60) the corpus size, `BENCH_MT_RUNS` (default 3) the runs.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {apertiumEngine, apertiumMissing} from '../pipeline/cli/engines/apertium.ts'
import {compileTermRules, fromTbx} from '../pipeline/glossary/index.ts'
import {machineTranslate, type MachineRequest} from '../pipeline/mt/index.ts'
import {fromMarkdown} from '../pipeline/units/index.ts'
import {corpus} from './corpus.ts'
import {median} from './stats.ts'

const pair = process.env.BENCH_MT_PAIR ?? 'ita-spa'
const locale = process.env.BENCH_MT_LOCALE ?? 'es'
const files = Number(process.env.BENCH_MT_FILES ?? 60)
const runs = Number(process.env.BENCH_MT_RUNS ?? 3)
const modes = pair.split('|')

const missing = apertiumMissing(modes)
if (missing) {
  console.log(`Apertium bench skipped: ${missing.message}`)
  process.exit(0)
}

const seed = readFileSync(new URL('../source/it/putin-xi-alleanza.md', import.meta.url), 'utf8')
const termbase = fromTbx(readFileSync(new URL('../glossary/geopolitics.tbx', import.meta.url), 'utf8')).value!
const rules = compileTermRules(termbase, {source: 'it', target: locale})
const requests = new Map<string, MachineRequest>()
for (const [path, text] of corpus(seed, files)) {
  for (const unit of fromMarkdown(text, {path, language: 'it'}).value.units) {
    for (const part of unit.parts) if (part.type === 'segment') requests.set(part.segment.key, {key: part.segment.key, tokens: part.segment.tokens})
  }
}
// The raw run's input: each segment's text, codes left out, one per line.
const plain = [...requests.values()].map((request) => request.tokens.map((token) => (token.type === 'text' ? token.value.replace(/\s+/g, ' ') : ' ')).join('').trim()).join('\n') + '\n'
const words = plain.match(/\p{L}+/gu)?.length ?? 0

// The `apertium` script reads `/dev/stdin`, which a Node pipe cannot be: the text goes through a file.
const folder = mkdtempSync(join(tmpdir(), 'babele-bench-mt-'))
const input = join(folder, 'input.txt')
writeFileSync(input, plain)
const raw: number[] = []
for (let run = 0; run < runs; run++) {
  const started = performance.now()
  const script = 'set -o pipefail; ' + modes.map((_, index) => `apertium "$${index + 2}"` + (index === 0 ? ' < "$1"' : '')).join(' | ') + ' > "$1.out"'
  const result = spawnSync('bash', ['-c', script, 'bench', input, ...modes], {encoding: 'utf8'})
  if (result.status !== 0 || result.stderr) throw new Error(`apertium failed: ${result.stderr}`)
  raw.push((performance.now() - started) / 1000)
}
const rawWords = readFileSync(`${input}.out`, 'utf8').match(/\p{L}+/gu)?.length ?? 0
rmSync(folder, {recursive: true, force: true})
if (rawWords < words / 2) throw new Error(`apertium returned ${rawWords} words for ${words}`)

const through: number[] = []
let summary = ''
for (let run = 0; run < runs; run++) {
  const engine = apertiumEngine({pair, source: 'it', target: locale})
  let sent = 0
  const counting = {...engine, translate: (batch: readonly string[]) => ((sent += batch.length), engine.translate(batch))}
  const started = performance.now()
  const result = await machineTranslate([...requests.values()], {engine: counting, rules, batchSize: 500})
  await engine.close()
  through.push((performance.now() - started) / 1000)
  const refused = result.messages.filter((message) => message.severity === 'warning').length
  summary = `${result.value.size} targets, ${refused} refused, ${sent - requests.size} texts sent besides the segments (terms on their own, retries)`
}

const rawSeconds = median(raw)
const babeleSeconds = median(through)
const overhead = (babeleSeconds / rawSeconds - 1) * 100
const rows: Array<[string, string]> = [
  ['corpus', `${files} files of the seed's text varied, ${requests.size} distinct segments, ${words.toLocaleString('en')} words, pair ${pair}`],
  ['apertium command alone', `${(words / rawSeconds).toFixed(0)} words/s (median of ${runs}: ${rawSeconds.toFixed(2)} s, start-up included)`],
  ['through babele (protect, terms, restore, checks)', `${(words / babeleSeconds).toFixed(0)} words/s (median of ${runs}: ${babeleSeconds.toFixed(2)} s); ${summary}`],
  ['babele adds', `${overhead.toFixed(1)}% (target ≤ 20%)${overhead <= 20 ? '' : '  ABOVE TARGET'}`],
  ['load average', loadavg().map((value) => value.toFixed(2)).join(' ')]
]
const width = Math.max(...rows.map(([name]) => name.length))
console.log('Apertium throughput')
for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`)
