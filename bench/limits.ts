/**
 * `npm run bench`, part three: the figures tests no longer time. Sentence
 * segmentation throughput on the seed's prose, and how fast the strict XLIFF
 * reader refuses hostile input (with the RSS it grew), case by case.
 * Prints figures; asserts nothing.
 */
import {readFileSync} from 'node:fs'
import {fromXliff, sentenceSpans} from '../pipeline/index.ts'

const mebibyte = 1024 * 1024
const seed = readFileSync(new URL('../source/it/putin-xi-alleanza.md', import.meta.url), 'utf8')
const prose = seed
  .split(/\n\s*\n/)
  .filter((paragraph) => !paragraph.startsWith('---') && paragraph.length > 200)
  .map((paragraph) => paragraph.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_]/g, ''))
  .join(' ')
const text = prose.repeat(Math.ceil(1_000_000 / prose.length))
const chunks = text.match(/[^]{1,500}(?=\s|$)/g)!
sentenceSpans('Pronti. Via.', {language: 'it'})
let started = performance.now()
for (const chunk of chunks) sentenceSpans(chunk, {language: 'it'})
const chunked = (performance.now() - started) / 1000
started = performance.now()
sentenceSpans(text, {language: 'it'})
const single = (performance.now() - started) / 1000

const core = 'urn:oasis:names:tc:xliff:document:2.0'
const wrap = (content: string) => `<xliff xmlns="${core}" version="2.1" srcLang="en" trgLang="fr"><file id="f"><unit id="u"><segment><source>${content}</source></segment></unit></file></xliff>`
const laughs = () => {
  const lines = ['<!DOCTYPE xliff [', '<!ENTITY lol "lol">']
  for (let level = 1; level <= 9; level++) lines.push(`<!ENTITY lol${level} "${`&lol${level - 1 || ''};`.repeat(10)}">`)
  return [...lines, ']>', wrap('&lol9;')].join('\n')
}
const hostile: Array<[string, () => string, Parameters<typeof fromXliff>[1]?]> = [
  ['billion laughs', laughs],
  ['quadratic blowup (100 kB entity × 100 000)', () => `<!DOCTYPE xliff [<!ENTITY a "${'a'.repeat(100_000)}">]>` + wrap('&a;'.repeat(100_000))],
  ['100 MB text node (size limit)', () => wrap('a'.repeat(100 * mebibyte))],
  ['5 MB text node over a 1 MB maxTextLength', () => wrap('a'.repeat(5 * mebibyte)), {maxTextLength: mebibyte}],
  ['nesting 100 000 deep', () => wrap('<pc id="1">'.repeat(100_000) + '</pc>'.repeat(100_000))],
  ['100 000 unknown attributes on one element', () => wrap('<ph id="1" ' + Array.from({length: 100_000}, (_, index) => `a${index}=""`).join(' ') + '/>')],
  ['a start tag of a million attributes (12 MB)', () => wrap('<ph id="1" ' + Array.from({length: 1_000_000}, (_, index) => `a${index}=""`).join(' ') + '/>')]
]

const rows: Array<[string, string]> = [
  ['segmentation (it), ~500-char chunks', `${(text.length / 1e6 / chunked).toFixed(1)} MB/s`],
  ['segmentation (it), one 1 MB string', `${(text.length / 1e6 / single).toFixed(1)} MB/s`]
]
for (const [name, make, options] of hostile) {
  const xml = make()
  const rss = process.memoryUsage().rss
  const start = performance.now()
  const result = fromXliff(xml, options)
  const milliseconds = performance.now() - start
  rows.push([`refuse: ${name}`, `${milliseconds.toFixed(0)} ms, RSS +${((process.memoryUsage().rss - rss) / mebibyte).toFixed(0)} MiB, ${result.messages[0]?.ruleId ?? 'accepted'}`])
}
const width = Math.max(...rows.map(([name]) => name.length))
console.log('\nbabele bench: segmentation and hostile XLIFF (target: each refusal in well under a second)')
for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`)
