/**
 * A locale's analysis parts combined (`pipeline/report/lib/analysis-combined.ts`):
 * counted from the combination the last run kept, getting only the parts of
 * documents added or edited and of those whose keys' first document moved,
 * it is the analysis `analyzeParts` makes from every part, through hundreds
 * of random edits (documents edited, added, removed, keys shared across
 * documents so repetitions move, `context` segments that never repeat); a
 * kept combination that does not add up is not used, and a part whose key
 * has no place in the layout is counted but not kept.
 */
import {serialize, deserialize} from 'node:v8'
import test from 'ava'
import {random} from '../bench/corpus.ts'
import {digest} from '../pipeline/incremental/index.ts'
import {analysisOfCounts, analyzeParts, bands, combineAnalysis, type AnalysisPart, type Band, type CombinedAnalysis} from '../pipeline/report/index.ts'

const options = {sourceLocale: 'it', locale: 'en', threshold: 80, unknownWords: [{word: 'aukus', count: 2}]}

/** A part of a few segments, its keys from a small set (so they repeat across documents). */
function randomPart(next: () => number, keySpace: number): AnalysisPart {
  const part: AnalysisPart = {keys: [], bands: [], words: []}
  const segments = Math.floor(next() * 6)
  const placed = bands.filter((band) => band !== 'repetitions')
  for (let index = 0; index < segments; index++) {
    part.keys.push(`k${Math.floor(next() * keySpace)}`)
    part.bands.push(placed[Math.floor(next() * placed.length)] as Band)
    part.words.push(Math.floor(next() * 40))
  }
  return part
}

/** The documents in path order with their parts' keys (a digest of path and part, as `analysisKey` is of what the part is made of). */
function keyed(documents: ReadonlyMap<string, AnalysisPart>): {paths: string[]; keys: string[]} {
  const paths = [...documents.keys()].sort()
  return {paths, keys: paths.map((path) => digest(['part', path, documents.get(path)!]))}
}

/** Combine as a run does, with the combination the last run kept (stored and read back, as the cache does); count the parts got. */
function combine(documents: ReadonlyMap<string, AnalysisPart>, kept: CombinedAnalysis | undefined) {
  const {paths, keys} = keyed(documents)
  const got: number[] = []
  const result = combineAnalysis({
    keys,
    kept: kept && deserialize(serialize(kept)),
    partOf: (index) => {
      got.push(index)
      return documents.get(paths[index]!)!
    }
  })
  return {...result, paths, got}
}

test('combined from the kept combination through random edits, the analysis is the one made from every part', (t) => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const next = random(seed)
    const keySpace = 3 + seed * 4
    const documents = new Map<string, AnalysisPart>()
    for (let index = 0; index < 30; index++) documents.set(`d${String(Math.floor(next() * 1000)).padStart(3, '0')}.md`, randomPart(next, keySpace))
    let kept: CombinedAnalysis | undefined
    for (let step = 0; step < 150; step++) {
      // Edit one to three documents, add one or remove one (or change nothing).
      const paths = [...documents.keys()]
      const change = next()
      if (change < 0.6) {
        for (let count = 1 + Math.floor(next() * 3); count > 0; count--) documents.set(paths[Math.floor(next() * paths.length)]!, randomPart(next, keySpace))
      } else if (change < 0.75) documents.set(`d${String(Math.floor(next() * 1000)).padStart(3, '0')}.md`, randomPart(next, keySpace))
      else if (change < 0.9 && paths.length > 1) documents.delete(paths[Math.floor(next() * paths.length)]!)
      const combined = combine(documents, kept)
      const expected = analyzeParts(documents, options)
      const actual = analysisOfCounts(combined.paths, combined.counts, options)
      // As the report's text, fields in order (compared whole only when it differs: hundreds of deep comparisons are slow).
      if (JSON.stringify(actual) === JSON.stringify(expected)) t.pass()
      else t.deepEqual(actual, expected, `seed ${seed}, step ${step}`)
      if (combined.changed) t.truthy(combined.combined)
      if (kept && combined.combined) {
        // What was got is what was not taken from the kept combination.
        t.is([...new Set(combined.got)].sort((a, b) => a - b).join(), [...combined.from.keys()].filter((index) => combined.from[index] === -1).join(), `seed ${seed}, step ${step}: parts got`)
      }
      kept = combined.combined ?? kept
    }
  }
})

test('a one-file edit gets the edited part alone, or with the one document whose key\'s first occurrence moved to it', (t) => {
  const part = (...keys: string[]): AnalysisPart => ({keys, bands: keys.map(() => 'none'), words: keys.map(() => 10)})
  const documents = new Map([
    ['a.md', part('x', 'y')],
    ['b.md', part('y', 'z')],
    ['c.md', part('x', 'z', 'w')],
    ['d.md', part('w')]
  ])
  const first = combine(documents, undefined)
  t.deepEqual(first.got, [0, 1, 2, 3], 'nothing kept: every part')
  t.true(first.changed)
  const same = combine(documents, first.combined)
  t.deepEqual(same.got, [], 'nothing changed: no part')
  t.false(same.changed)
  // A new sentence in b: no other document holds it.
  documents.set('b.md', part('y', 'z', 'v'))
  const added = combine(documents, first.combined)
  t.deepEqual(added.got, [1])
  t.deepEqual(analysisOfCounts(added.paths, added.counts, options), analyzeParts(documents, options))
  // a no longer holds x: c's x is now the first occurrence.
  documents.set('a.md', part('y'))
  const moved = combine(documents, added.combined)
  t.deepEqual(moved.got.sort(), [0, 2])
  t.deepEqual(analysisOfCounts(moved.paths, moved.counts, options), analyzeParts(documents, options))
  t.is(analysisOfCounts(moved.paths, moved.counts, options).files[2]!.bands.repetitions.segments, 1, 'c: z repeats b\'s, x is its own')
})

test('a kept combination that does not add up is not used: every part is got, and the analysis is the one made from every part', (t) => {
  const next = random(7)
  const documents = new Map<string, AnalysisPart>()
  for (let index = 0; index < 12; index++) documents.set(`d${index}.md`, randomPart(next, 6))
  const {combined} = combine(documents, undefined)
  const broken: unknown[] = [
    null,
    'not a combination',
    {...combined!, segments: combined!.segments.slice(0, -1)},
    {...combined!, starts: combined!.starts.map((start, at) => (at === 3 ? start + 1 : start))},
    {...combined!, starts: Array.from(combined!.starts)},
    {...combined!, counts: combined!.counts.subarray(1)},
    {...combined!, keys: combined!.keys.slice(1)},
    // A key twice: not documents in an order.
    {...combined!, keys: combined!.keys.map((key, at) => (at === 1 ? combined!.keys[0]! : key))}
  ]
  documents.set('d4.md', randomPart(next, 6))
  const expected = analyzeParts(documents, options)
  for (const kept of broken) {
    const {paths, keys} = keyed(documents)
    const got: number[] = []
    const result = combineAnalysis({keys, kept, partOf: (index) => (got.push(index), documents.get(paths[index]!)!)})
    t.is(got.length, documents.size)
    t.deepEqual(analysisOfCounts(paths, result.counts, options), expected)
  }
})

test('a part with a key that has no place in the layout (empty, or with a newline) is counted, and the combination is not kept', (t) => {
  for (const odd of ['', 'a\nb']) {
    const documents = new Map<string, AnalysisPart>([
      ['a.md', {keys: ['x', odd], bands: ['none', 'none'], words: [1, 2]}],
      ['b.md', {keys: [odd, 'x'], bands: ['exact', 'none'], words: [3, 4]}]
    ])
    const first = combine(documents, undefined)
    t.is(first.combined, undefined)
    t.false(first.changed)
    t.deepEqual(analysisOfCounts(first.paths, first.counts, options), analyzeParts(documents, options))
    const {combined} = combine(new Map([['a.md', {keys: ['x'], bands: ['none'], words: [1]}]]), undefined)
    const edited = combine(documents, combined)
    t.is(edited.combined, undefined)
    t.deepEqual(analysisOfCounts(edited.paths, edited.counts, options), analyzeParts(documents, options))
  }
})
