import {readFileSync} from 'node:fs'
import test from 'ava'
import {random} from '../bench/corpus.ts'
import {compileTermIndex, fromTbx, matchTerms, sliceMatches, type Term, type TermIndex, type Termbase} from '../pipeline/glossary/index.ts'
import {lintMarkdown} from '../pipeline/lint/index.ts'
import {projectTerms, segmentMatches} from '../pipeline/project/index.ts'
import {segmentLocks} from '../pipeline/project/lib/terms.ts'
import {fromMarkdown, textOfTokens} from '../pipeline/units/index.ts'
import type {Segment} from '../pipeline/types.ts'
import {testConfig} from './helpers/round-trip.ts'

const geopolitics = fromTbx(readFileSync(new URL('../glossary/geopolitics.tbx', import.meta.url), 'utf8')).value!
const seed = readFileSync(new URL('../source/it/putin-xi-alleanza.md', import.meta.url), 'utf8')

/** A termbase of Italian terms, one concept each (two for `Mosca`, a homonym). */
function termbase(...texts: string[]): Termbase {
  const term = (id: string, text: string): Term => ({id, text, status: 'preferred', doNotTranslate: false, notes: []})
  const concepts = texts.map((text, at) => ({id: 'c' + at, notes: [], languages: [{language: 'it', terms: [term('t' + at, text)]}]}))
  concepts.push({id: 'fly', notes: [], languages: [{language: 'it', terms: [term('mosca-fly', 'Mosca')]}]})
  return {language: 'it', sourceDesc: [], concepts}
}

const small = compileTermIndex(termbase('Stati Uniti', 'Stati', 'EE. UU.', 'NATO', '.NET', 'oceano Pacifico', 'Mosca', '𝐀𝐁', 'alleanza'), {language: 'it'})
const pieces = ['Stati', 'Uniti', 'Stati Uniti', 'NATO', 'nato', 'EE. UU.', 'EE.', 'UU.', '.NET', 'NET', ' ', '  ', '\n', ',', '.', "dell'", '’', '-', '\uFFFC', '𝐀', '𝐁', '𝐀𝐁', 'Mosca', 'mosca', 'alleanza', 'alleanze', 'oceano', 'Pacifico', 'x', 'è']

/** Every slice of a text: `sliceMatches` is `undefined` or what matching the slice alone gives; returns how many were told. */
function checkSlices(t: {deepEqual: (actual: unknown, expected: unknown, message?: string) => void}, text: string, index: TermIndex): number {
  const matches = matchTerms(text, index)
  let told = 0
  for (let start = 0; start <= text.length; start++) {
    for (let end = start; end <= text.length; end++) {
      const found = sliceMatches(text, matches, start, end)
      if (!found) continue
      told++
      t.deepEqual(found, matchTerms(text.slice(start, end), index), `${JSON.stringify(text)} ${start}–${end}`)
    }
  }
  return told
}

test('sliceMatches tells a slice’s matches from the whole text’s exactly, or not at all', (t) => {
  const next = random(7)
  let told = 0
  let slices = 0
  for (let round = 0; round < 150; round++) {
    let text = ''
    while (text.length < 30) text += pieces[Math.floor(next() * pieces.length)]
    told += checkSlices(t, text, small)
    slices += ((text.length + 1) * (text.length + 2)) / 2
  }
  for (const text of ['gli Stati Uniti a causa', 'Mosca e gli EE. UU., la NATO', 'in .NET e NET', 'l’oceano\nPacifico.', '𝐀𝐁 e 𝐀𝐁𝐀']) told += checkSlices(t, text, small)
  // Many slices are told (most cut a word, and are not): the test reads the told path, not only the refusals.
  t.true(told > slices / 10, `${told} of ${slices}`)
})

test('segmentMatches gives each segment the terms of matching it alone, and the same locks', (t) => {
  const config = testConfig({targetLocales: ['en', 'es']})
  const terms = projectTerms(config, geopolitics)
  const texts = [
    seed,
    [
      '---',
      'title: "La NATO e gli **Stati Uniti**"',
      '---',
      '',
      '# Vladimir **Putin** e Xi Jinping',
      '',
      'La **politica** estera degli Stati Uniti. Gli _Stati_ Uniti e la NATO. Mosca\\* e Pechino; [la Russia](https://example.org "La Cina e la Russia") e la Cina.',
      'Un\'alleanza tra `Russia` e <b>Cina</b>, l&#39;alleanza &amp; il vertice: Putin.Xi Jinping ha detto.  Il presidente russo.',
      '',
      '| Paese | Capitale |',
      '|---|---|',
      '| Russia | Mosca |',
      '',
      '- **Il presidente cinese Xi Jinping.** Poi Putin.',
      '- Oceano Pacifico e 𝐀 Russia.'
    ].join('\n')
  ]
  let segments = 0
  for (const text of texts) {
    const document = fromMarkdown(text, {path: 'doc.md', language: 'it'}).value
    const linted = lintMarkdown(text, {termbase: geopolitics, termIndex: terms.sourceIndex, parsed: document})
    const shared = segmentMatches(document, linted.terms!)
    t.is(shared.index, terms.sourceIndex)
    const each: Segment[] = document.units.flatMap((unit) => unit.parts.flatMap((part) => (part.type === 'segment' ? [part.segment] : [])))
    for (const segment of each) {
      t.deepEqual(shared.segments.get(segment), matchTerms(textOfTokens(segment.tokens), terms.sourceIndex), JSON.stringify(textOfTokens(segment.tokens)))
    }
    for (const locale of config.targetLocales) {
      const told = segmentLocks(terms, locale, shared)!
      const matched = segmentLocks(terms, locale)!
      for (const segment of each) t.deepEqual(told(segment), matched(segment))
    }
    segments += each.length
  }
  t.true(segments > 20)
})
