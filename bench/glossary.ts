/**
 * Glossary figures: load the iso-codes TBX (17 MB, 12k concepts), compile an
 * Italian term index of about 100,000 forms, match 8 MB of the seed's text.
 * Prints figures; asserts nothing (speed is tracked here, not in tests).
 *
 * `node --import tsx bench/glossary.ts`; `BENCH_GLOSSARY_MB` (default 8) sets
 * the size of the text, `BENCH_GLOSSARY_RUNS` (default 5) the matching runs.
 */
import {readFileSync} from 'node:fs'
import {loadavg} from 'node:os'
import {compileTermIndex, fromTbx, matchTerms, type Concept, type TermIndex} from '../pipeline/glossary/index.ts'
import {median, time} from './stats.ts'

const isoCodes = new URL('../../shared/corpora/terminology/iso-codes/iso-codes-it-en-fr-de-es.tbx', import.meta.url)
const megabytes = Number(process.env.BENCH_GLOSSARY_MB ?? 8)
const runs = Number(process.env.BENCH_GLOSSARY_RUNS ?? 5)
const targetForms = 100_000
const rows: Array<[string, string]> = []
const rss = () => `${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`

/** Run several times; median and best seconds, and the last result. */
function repeat<T>(run: () => T): {median: number; best: number; value: T} {
  const times: number[] = []
  let value!: T
  for (let index = 0; index < runs; index++) {
    const result = time(run)
    times.push(result.seconds)
    value = result.value
  }

  return {median: median(times), best: Math.min(...times), value}
}

// 1 and 2 in a function, so the termbases can be collected once the index is built.
const index = buildIndex()

// 3. Match 8 MB of the seed's text, repeated.
const seed = readFileSync(new URL('../source/it/putin-xi-alleanza.md', import.meta.url), 'utf8')
const copies = Math.ceil((megabytes * 1e6) / Buffer.byteLength(seed))
const text = Array.from({length: copies}, () => seed).join('\n')
const textBytes = Buffer.byteLength(text)
const rate = (seconds: number) => `${(textBytes / 1e6 / seconds).toFixed(1)} MB/s`
matchTerms(text.slice(0, 200_000), index)
const paragraphs = text.split(/\n\n+/)
const perParagraph = repeat(() => {
  let count = 0
  for (const paragraph of paragraphs) count += matchTerms(paragraph, index).length
  return count
})
rows.push([
  'matchTerms, paragraph by paragraph',
  `median ${perParagraph.median.toFixed(3)} s ${rate(perParagraph.median)}, best ${rate(perParagraph.best)} (${runs} runs)  ${paragraphs.length} calls, ${perParagraph.value} matches`
])
const whole = repeat(() => matchTerms(text, index).length)
rows.push(['matchTerms, one 8 MB string', `median ${whole.median.toFixed(3)} s ${rate(whole.median)}, best ${rate(whole.best)}  ${whole.value} matches held at once`])
rows.push(['text', `${(textBytes / 1e6).toFixed(2)} MB (UTF-8), ${(text.length / 1e6).toFixed(2)} M code units, ${copies} copies of the seed`])
rows.push(['load average (1, 5, 15 min)', loadavg().map((value) => value.toFixed(2)).join(' ')])
rows.push(['peak RSS', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`])

const width = Math.max(...rows.map(([label]) => label.length))
console.log(rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n'))

/**
 * Load iso-codes (timed), then compile an Italian index of about 100k forms:
 * iso-codes, the geopolitics glossary, and synthetic noun phrases to fill up.
 */
function buildIndex(): TermIndex {
  const xml = readFileSync(isoCodes, 'utf8')
  const xmlBytes = Buffer.byteLength(xml)
  const before = rss()
  const load = time(() => fromTbx(xml))
  const iso = load.value.value!
  const isoTerms = iso.concepts.reduce((sum, concept) => sum + concept.languages.reduce((inner, section) => inner + section.terms.length, 0), 0)
  rows.push(['iso-codes TBX', `${(xmlBytes / 1e6).toFixed(1)} MB, ${iso.concepts.length} concepts, ${isoTerms} terms`])
  rows.push(['fromTbx (first load)', `${load.seconds.toFixed(2)} s  ${(xmlBytes / 1e6 / load.seconds).toFixed(1)} MB/s  RSS ${before} → ${rss()}`])
  const reload = time(() => fromTbx(xml))
  rows.push(['fromTbx (second load)', `${reload.seconds.toFixed(2)} s  ${(xmlBytes / 1e6 / reload.seconds).toFixed(1)} MB/s`])

  const geopolitics = fromTbx(readFileSync(new URL('../glossary/geopolitics.tbx', import.meta.url), 'utf8')).value!
  const concepts: Concept[] = [...geopolitics.concepts, ...iso.concepts]
  const base = compileTermIndex({language: 'it', sourceDesc: [], concepts}, {language: 'it'})
  concepts.push(...syntheticConcepts(Math.max(0, Math.ceil((targetForms - base.forms) / 2))))
  const compiled = time(() => compileTermIndex({language: 'it', sourceDesc: [], concepts}, {language: 'it'}))
  const index = compiled.value
  rows.push([
    'compileTermIndex (it)',
    `${compiled.seconds.toFixed(2)} s  ${index.terms} terms → ${index.forms} forms (iso-codes + geopolitics: ${base.forms}), ${index.trie.nodes} trie nodes  RSS ${rss()}`
  ])
  return index
}

/**
 * Deterministic pseudo-Italian noun phrases (`fravola mentica`), nouns with a
 * gender so each gives two forms.
 *
 * @param count
 *   How many concepts.
 */
function syntheticConcepts(count: number): Concept[] {
  const syllables = ['ba', 'ce', 'di', 'fo', 'gu', 'la', 'me', 'ni', 'po', 'ra', 'se', 'ti', 'vo', 'za', 'tra', 'spe', 'gli', 'chi', 'str', 'ne']
  let state = 42
  const random = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0
    return state / 2 ** 32
  }

  const word = (ending: string) => Array.from({length: 2 + Math.floor(random() * 2)}, () => syllables[Math.floor(random() * syllables.length)]).join('') + ending
  const result: Concept[] = []
  for (let index = 0; index < count; index++) {
    const feminine = random() < 0.5
    const text = word(feminine ? 'a' : 'o') + (random() < 0.4 ? ' ' + word(feminine ? 'ica' : 'ico') : '')
    result.push({
      id: 'synthetic-' + index,
      notes: [],
      languages: [{language: 'it', terms: [{id: 'synthetic-' + index + '-it', text, status: 'admitted', partOfSpeech: 'noun', gender: feminine ? 'feminine' : 'masculine', doNotTranslate: false, notes: []}]}]
    })
  }

  return result
}
