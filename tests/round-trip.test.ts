import {readFileSync} from 'node:fs'
import {examples, itDocs, specsAndItDocs} from './helpers/corpora.ts'
import {roundTrip} from './helpers/round-trip.ts'
import {testWith} from './helpers/tools.ts'
import {inventory} from './helpers/inventory.ts'

const seed = readFileSync(new URL('../source/it/putin-xi-alleanza.md', import.meta.url), 'utf8')



function corpora(): Map<string, string> {
  return new Map([['putin-xi-alleanza.md', seed], ...specsAndItDocs()])
}

testWith('python3', 'xmllint')('an identity translation rebuilds every source byte for byte (seed, CommonMark, GFM, it-docs)', (t) => {
  const sources = corpora()
  // The seed; CommonMark's 652 examples; GFM's 673 + 28 + 4 + 1 + 19 + 16 by file; the two spec texts; 159 it-docs pages.
  t.is(sources.size, 1 + 652 + (673 + 28 + 4 + 1 + 19 + 16) + 2 + 159)
  const result = roundTrip(sources, 'identity')
  t.is(result.invalid, '', 'every written XLIFF validates against XLIFF 2.1 with modules')
  t.deepEqual(result.messages.filter((message) => message.severity === 'error'), [])
  const different = [...sources].filter(([path, text]) => result.built.get(path) !== text).map(([path]) => path)
  t.deepEqual(different, [], 'built files equal their sources')
  t.is(result.reports.reduce((sum, report) => sum + report.segments, 0), result.segments, 'every segment was imported, so the build used the translations')
  // A floor, not a count: how many segments there are is the segmenter's output and
  // changes with its rules; the exact check is the one above (every segment imported).
  // This one fails if extraction silently loses most units.
  t.true(result.segments > 14000, `${result.segments} segments`)
})

testWith('python3')('an upper-cased translation leaves no lowercase prose while code, URLs, HTML and front-matter keys stay', (t) => {
  const sources = new Map<string, string>([['putin-xi-alleanza.md', seed]])
  for (const [path, text] of itDocs()) sources.set(`it-docs/${path}`, text)
  const result = roundTrip(sources, 'upper', false)
  t.deepEqual(result.messages.filter((message) => message.severity === 'error'), [])
  for (const [path, text] of sources) {
    const built = result.built.get(path)!
    const after = inventory(built)
    t.deepEqual(after.lowercase, [], `${path}: prose left in lowercase`)
    t.deepEqual(after.kept, inventory(text).kept, `${path}: code, URLs, HTML and front-matter keys unchanged`)
    t.deepEqual(after.structure, inventory(text).structure, `${path}: same Markdown structure`)
  }
  t.not(result.built.get('putin-xi-alleanza.md'), seed)
  t.true(result.built.get('putin-xi-alleanza.md')!.includes('**IL CONFRONTO AVEVA COME SCOPO'))
})

testWith('python3')('an upper-cased translation of every CommonMark and GFM example keeps its structure, code and URLs', (t) => {
  const sources = new Map<string, string>()
  for (const [path, text] of examples('commonmark/spec-0.31.2.json', 'commonmark/example')) sources.set(path, text)
  for (const name of ['spec', 'extensions', 'regression', 'smart_punct']) for (const [path, text] of examples(`gfm/${name}.json`, `gfm/${name}`)) sources.set(path, text)
  // Known: translated text that starts right after a GFM literal autolink is
  // escaped (`\&HL;`), and the backslash becomes part of the URL.
  const known = new Map([['gfm/spec-0626.md', 'text right after a literal autolink extends its URL']])
  const result = roundTrip(sources, 'upper', false)
  t.deepEqual(result.messages.filter((message) => message.severity === 'error'), [])
  const failing: string[] = []
  for (const [path, text] of sources) {
    const before = inventory(text)
    const after = inventory(result.built.get(path)!)
    t.deepEqual(after.lowercase, [], `${path}: prose left in lowercase`)
    t.deepEqual(after.structure, before.structure, `${path}: same Markdown structure`)
    if (JSON.stringify(after.kept) !== JSON.stringify(before.kept)) failing.push(path)
  }
  t.deepEqual(failing, [...known.keys()], 'code and URLs unchanged everywhere but the known case')
})
