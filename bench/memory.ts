/**
 * `npm run bench`, the memory figures: fuzzy lookup of 1,000 segments against
 * a 100,000-entry translation memory, on one core, with the time to build
 * the index and the process's peak RSS, against the target (≤ 2 s for the
 * lookups, ≤ 600 MB). Prints figures; asserts nothing.
 *
 * The memory is the sentences of the Italian documentation sample
 * (`../shared/corpora/it-docs-sample/`), each also varied by replacing one
 * to three of its words with words of the sample (a fixed-seed PRNG), up to
 * 100,000 distinct entries: a memory of one domain, full of near
 * duplicates, as real ones are. The queries are 1,000 sample sentences
 * with one word changed (each has fuzzy matches) and 1,000 lookups in all.
 * `BENCH_MEMORY_ENTRIES` and `BENCH_MEMORY_QUERIES` change the sizes.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {compileMemory, type MemoryEntry, type MemoryToken} from '../pipeline/index.ts'
import {random} from './corpus.ts'

const entriesWanted = Number(process.env.BENCH_MEMORY_ENTRIES ?? 100_000)
const queriesWanted = Number(process.env.BENCH_MEMORY_QUERIES ?? 1000)
const sample = fileURLToPath(new URL('../../shared/corpora/it-docs-sample/', import.meta.url))

const next = random(20220204)
const files = readdirSync(sample, {recursive: true}).map(String).filter((name) => name.endsWith('.md')).sort()
const sentences = [...new Set(files.flatMap((name) => readFileSync(sample + name, 'utf8').split(/(?<=[.!?])\s+|\n+/)).map((line) => line.trim()).filter((line) => line.split(' ').length >= 4 && line.length < 400))]
const words = [...new Set(sentences.join(' ').match(/\p{L}{4,}/gu) ?? [])]
const vary = (sentence: string, edits: number) => {
  const parts = sentence.split(' ')
  for (let edit = 0; edit < edits; edit++) parts[Math.floor(next() * parts.length)] = words[Math.floor(next() * words.length)]!
  return parts.join(' ')
}
const text = (value: string): MemoryToken[] => [{type: 'text', value}]

const sources = new Set(sentences)
while (sources.size < entriesWanted) sources.add(vary(sentences[Math.floor(next() * sentences.length)]!, 1 + Math.floor(next() * 3)))
const entries: MemoryEntry[] = [...sources].slice(0, entriesWanted).map((source, index) => ({source: text(source), target: text(source.toUpperCase()), origin: 'human', from: {kind: 'tmx', file: 'bench.tmx', line: index + 1}}))
const queries = Array.from({length: queriesWanted}, () => text(vary(sentences[Math.floor(next() * sentences.length)]!, 1)))

const rss = () => process.memoryUsage().rss / 1e6
const before = rss()
let started = performance.now()
const memory = compileMemory(entries)
const indexSeconds = (performance.now() - started) / 1000
started = performance.now()
let hits = 0
let exact = 0
for (const query of queries) {
  exact += memory.exactHits(query).length
  hits += memory.fuzzyHits(query, {threshold: 75, limit: 10}).length
}
const lookupSeconds = (performance.now() - started) / 1000
const peak = process.resourceUsage().maxRSS / 1024

const rows: Array<[string, string]> = [
  ['memory', `${entries.length} entries (${sentences.length} sample sentences and their variants), ${queries.length} queries`],
  ['index build', `${indexSeconds.toFixed(2)} s, RSS ${before.toFixed(0)} → ${rss().toFixed(0)} MB`],
  ['1,000 lookups (exact + fuzzy ≥ 75, 10 best)', `${lookupSeconds.toFixed(2)} s (${((lookupSeconds * 1000) / queries.length).toFixed(2)} ms each; target ≤ 2 s): ${hits} fuzzy and ${exact} exact hits`],
  ['peak RSS (corpus, entries, index)', `${peak.toFixed(0)} MB (target ≤ 600 MB)`]
]
const width = Math.max(...rows.map(([label]) => label.length))
console.log('babele bench: translation memory (one core)')
console.log(rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n'))
