import {readFileSync} from 'node:fs'
import test from 'ava'
import {diagnostic, ruleUrl} from '../pipeline/diagnostic.ts'
import {lintRules} from '../pipeline/lint/index.ts'
import {qaRules} from '../pipeline/qa/index.ts'
import {root} from './helpers/cli.ts'
import {emittedRuleIds} from './helpers/rule-ids.ts'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
/** The README's rule table: each row's anchor. */
const documented = new Set([...readme.matchAll(/<a id="rule-([a-z\d-]+)"><\/a>`\1`/g)].map((match) => match[1]!))

test('every rule id the code emits has a row in the README rule table, and the table lists no other', (t) => {
  const {ids} = emittedRuleIds(root)
  for (const rule of [...lintRules, ...qaRules]) ids.set(rule.id, (ids.get(rule.id) ?? new Set()).add('registry'))
  const undocumented = [...ids].filter(([id]) => !documented.has(id)).map(([id, files]) => `${id} (${[...files].join(', ')})`)
  t.deepEqual(undocumented, [], 'add a row to the README’s “Rule ids” table')
  t.deepEqual([...documented].filter((id) => !ids.has(id)), [], 'a documented rule id no code emits')
  // The scan found the ids of every stage: the XML readers' limits, the reporter's calls, the constructor's.
  t.true(['xliff-too-deep', 'tbx-forbidden-status', 'tmx-version', 'config-invalid', 'term-forbidden', 'init-note', 'usage'].every((id) => ids.has(id)))
})

test('a diagnostic is made only where its rule id is written out, or by the three constructors that take one', (t) => {
  t.deepEqual(emittedRuleIds(root).forwarded.sort(), [
    'pipeline/lint/lib/lint-context.ts: diagnostic(fields.ruleId, …)',
    'pipeline/qa/lib/rule.ts: diagnostic(rule.id, …)',
    'pipeline/xml/lib/reporter.ts: diagnostic(ruleId, …)'
  ])
})

test('a diagnostic’s url is the README row of its rule id', (t) => {
  const made = diagnostic('code-missing', 'Code 1 (open) of the source is missing', {source: 'qa', severity: 'error', file: 'locales/en/a.json', place: {line: 1, column: 2}, expected: 'a', actual: ['b', 'c']})
  t.deepEqual(made, {
    file: 'locales/en/a.json',
    place: {line: 1, column: 2},
    ruleId: 'code-missing',
    source: 'qa',
    severity: 'error',
    message: 'Code 1 (open) of the source is missing',
    expected: ['a'],
    actual: ['b', 'c'],
    url: 'https://www.npmjs.com/package/babele#rule-code-missing'
  })
  t.is(ruleUrl('xliff-invalid'), 'https://www.npmjs.com/package/babele#rule-xliff-invalid')
  t.true(documented.has('code-missing'))
})
