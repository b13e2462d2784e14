/**
 * `jsonValue` (`pipeline/cli/json-value.ts`): true only of a value JSON
 * gives back deep-strict-equal, which is what lets a lint entry skip
 * parsing its bytes back to compare them (`putLint`) and lets the output
 * record keep a part as JSON text.
 */
import {isDeepStrictEqual} from 'node:util'
import test from 'ava'
import {jsonValue} from '../pipeline/cli/json-value.ts'
import {diagnostic} from '../pipeline/diagnostic.ts'

/** Whether JSON gives the value back as it is, the slow way. */
function parsedBack(value: unknown): boolean {
  let text: string | undefined
  try {
    text = JSON.stringify(value)
  } catch {
    return false
  }
  return text !== undefined && isDeepStrictEqual(JSON.parse(text), value)
}

const finding = diagnostic('term-deprecated', 'Use `URSS`, not `CCCP`', {source: 'lint', severity: 'error', file: 'a.md', place: {start: {line: 1, column: 4, offset: 3}, end: {line: 1, column: 8, offset: 7}}, conceptId: 'urss', expected: ['URSS'], actual: 'CCCP', fix: {start: 3, end: 7, replacement: 'URSS', safe: false}})

test('jsonValue is true of plain data JSON gives back as it is', (t) => {
  for (const value of [null, 'a\u{1F600}\uD800', 0, 1.5e300, true, [], {}, [finding, finding], {a: [1, 'b', {c: null}], 'b c': 1}]) {
    t.true(parsedBack(value), JSON.stringify(value))
    t.true(jsonValue(value), JSON.stringify(value))
  }
})

test('jsonValue is false of any value JSON would not give back as it is', (t) => {
  const holed = [1, , 3]
  const extra = Object.assign([1], {note: 'x'})
  class Findings extends Array {}
  const symbol = {a: 1, [Symbol('s')]: 2}
  const ownProto = JSON.parse('{"__proto__": 1}') as unknown
  for (const [at, value] of [undefined, -0, Number.NaN, Infinity, 1n, () => 1, new Date(0), Object.create(null), {a: undefined}, holed, extra, Findings.from([1]), symbol, [{...finding, expected: undefined}], {place: {line: -0}}, new Map(), ownProto].entries()) {
    t.false(jsonValue(value), `value ${at}`)
    if (value !== ownProto) t.false(parsedBack(value), `value ${at}`)
  }
})
