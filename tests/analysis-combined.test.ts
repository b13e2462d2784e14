/**
 * A locale's analysis through the cache (`analyzeProject`'s `reuse`): every
 * document's part kept in one combination (`combineAnalysis`), the parts a
 * run reads on their own, and that each analysis is the one made without a
 * store, repetitions included, whatever changed.
 */
import test from 'ava'
import {digestBytes, documentKey} from '../pipeline/incremental/index.ts'
import {analyzeProject, extractDocuments, type Analysis, type Stores} from '../pipeline/index.ts'
import {combineAnalysis} from '../pipeline/report/index.ts'
import {countingStore, type CountingStore} from './helpers/counting-store.ts'
import {testConfig} from './helpers/round-trip.ts'

const config = testConfig()

/** The analysis through the store, checked against the one made without it; the entries read and the parts taken from the combination. */
function analyze(t: import('ava').ExecutionContext, memory: CountingStore, sources: Record<string, string>, stores: Stores = {bundles: new Map(), states: new Map()}) {
  const documents = extractDocuments(config, new Map(Object.entries(sources))).value
  const keys = new Map(Object.entries(sources).map(([path, text]) => [path, documentKey(config, path, digestBytes(text))]))
  const cached = analyzeProject(config, documents, stores, {reuse: {keys, glossary: undefined, store: memory.store}})
  const fresh = analyzeProject(config, documents, stores)
  t.deepEqual([...cached.outputs], [...fresh.outputs])
  t.deepEqual(cached.messages, fresh.messages)
  const counts = memory.takeByKind()
  return {analysis: fresh.value[0]!, parts: counts['analysis'] ?? {hits: 0, misses: 0}, combined: counts['analysis-combined'] ?? {hits: 0, misses: 0}, kept: cached.kept}
}

const repetitions = (analysis: Analysis, path: string) => analysis.files.find((file) => file.path === path)!.bands.repetitions.segments

test('a locale\'s analysis takes every unchanged document\'s part from one kept combination, and places repetitions over all parts as without it', (t) => {
  const memory = countingStore()
  const shared = 'Il vertice di Pechino ha rafforzato i legami.'
  const sources: Record<string, string> = {'a.md': 'Una frase sola.\n', 'b.md': `${shared}\n`, 'c.md': `${shared}\n\nAltro testo.\n`}
  const first = analyze(t, memory, sources)
  t.deepEqual(first.parts, {hits: 0, misses: 3})
  t.is(repetitions(first.analysis, 'c.md'), 1, 'c repeats b')
  const again = analyze(t, memory, sources)
  t.deepEqual(again.parts, {hits: 0, misses: 0}, 'no part read on its own')
  t.deepEqual([again.combined, again.kept], [{hits: 1, misses: 0}, 3])
  // b no longer holds the shared sentence: c's occurrence is counted, not repeated.
  const edited = analyze(t, memory, {...sources, 'b.md': 'Un\'altra frase.\n'})
  t.deepEqual([edited.parts, edited.kept], [{hits: 0, misses: 1}, 2])
  t.is(repetitions(edited.analysis, 'c.md'), 0)
  // A document added before c with the sentence: c repeats it again.
  const added = analyze(t, memory, {...sources, 'b.md': 'Un\'altra frase.\n', 'b2.md': `${shared}\n`})
  t.deepEqual([added.parts, added.kept], [{hits: 0, misses: 1}, 3])
  t.is(repetitions(added.analysis, 'c.md'), 1)
  // Removed again: the combination is the one before, less nothing it needs.
  const removed = analyze(t, memory, {...sources, 'b.md': 'Un\'altra frase.\n'})
  t.deepEqual([removed.parts, removed.kept], [{hits: 0, misses: 0}, 3])
  t.is(repetitions(removed.analysis, 'c.md'), 0)
  // A stored translation is memory: every part is made again, and the combination with them.
  const key = extractDocuments(config, new Map([['c.md', sources['c.md']!]])).value.get('c.md')!.units[0]!.parts.find((part) => part.type === 'segment')
  if (key?.type !== 'segment') throw new Error('expected a segment')
  const stored = analyze(t, memory, sources, {bundles: new Map([['en/c', {[key.segment.key]: 'The Beijing summit strengthened ties.'}]]), states: new Map()})
  t.deepEqual([stored.parts, stored.combined, stored.kept], [{hits: 0, misses: 3}, {hits: 0, misses: 1}, 0])
  t.is(stored.analysis.total.bands.exact.segments, 1)
})

test('a kept combination that does not add up is not used: every part is got on its own', (t) => {
  const part = {part: {keys: ['k1', 'k2'], bands: ['none' as const, 'exact' as const], words: [3, 4]}, messages: []}
  const made = combineAnalysis({documents: ['d1'], kept: undefined, partOf: () => part})
  t.true(made.changed)
  const kept = made.combined!
  t.deepEqual(combineAnalysis({documents: ['d1'], kept, partOf: () => t.fail() as never}).parts, [part])
  let got = 0
  const partOf = () => {
    got++
    return part
  }
  for (const broken of [{...kept, words: kept.words.subarray(1)}, {...kept, bands: Uint8Array.of(0, 250)}, {...kept, keys: 'k1'}, {...kept, segments: Uint32Array.of(3)}, {...kept, documents: ['d1', 'd1'], segments: Uint32Array.of(2, 0), messages: [[], []]}, 'not one']) {
    const combined = combineAnalysis({documents: ['d1'], kept: broken, partOf})
    t.deepEqual([combined.parts, combined.taken, combined.changed], [[part], 0, true])
  }
  t.is(got, 6)
  t.is(combineAnalysis({documents: ['d1'], kept: undefined, partOf: () => ({...part, part: {...part.part, keys: ['k\n1', 'k2']}})}).combined, undefined, 'a key with a newline: no combination')
  t.is(combineAnalysis({documents: [undefined], kept, partOf}).taken, 0, 'a document without a key: nothing taken')
})
