import test from 'ava'
import {coveredShare, type Coverage} from '../pipeline/index.ts'
import {emptyCoverage} from '../pipeline/build/lib/coverage.ts'

/** A document's figures: 10 segments of 100 words, 3 (30 words) by people, 2 (20) from memory, 1 (5) by machine. */
const coverage: Coverage = {
  ...emptyCoverage(),
  segments: 10,
  translated: 6,
  source: 4,
  words: {total: 100, translated: 55, fallback: 0, source: 45},
  origin: {human: {segments: 3, words: 30}, memory: {segments: 2, words: 20}, machine: {segments: 1, words: 5}}
}

test('coveredShare counts what the named origins translated, an origin named twice once', (t) => {
  t.deepEqual(coveredShare(coverage, ['human', 'memory']), {covered: {segments: 5, words: 50}, total: {segments: 10, words: 100}, percent: 50})
  t.deepEqual(coveredShare(coverage, ['memory', 'human', 'memory', 'human']), coveredShare(coverage, ['human', 'memory']))
  t.deepEqual(coveredShare(coverage, ['machine', 'machine']), {covered: {segments: 1, words: 5}, total: {segments: 10, words: 100}, percent: 5})
  t.deepEqual(coveredShare(coverage, []), {covered: {segments: 0, words: 0}, total: {segments: 10, words: 100}, percent: 0})
})
