import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import {coverageGate, parseConfig, type BuildEntry, type Config, type Coverage} from '../pipeline/index.ts'
import {babele, root} from './helpers/cli.ts'
import {emptyCoverage} from '../pipeline/build/lib/coverage.ts'
import {percentText, sumCoverage} from '../pipeline/build/index.ts'

const fixture = join(root, 'tests/fixtures/coverage-gate')

/** A copy of the fixture project, with config fields replaced. */
function project(config?: Record<string, unknown>): string {
  const folder = mkdtempSync(join(tmpdir(), 'babele-gate-'))
  cpSync(fixture, folder, {recursive: true})
  rmSync(join(folder, 'README.md'))
  if (config) {
    const file = join(folder, 'babele.config.json')
    writeFileSync(file, JSON.stringify({...JSON.parse(readFileSync(file, 'utf8')), ...config}))
  }
  return folder
}

/** The counts of a segments-and-words figure. */
const count = (segments: number, words: number) => ({segments, words})

test('babele build writes every file of a half-translated locale, falls back es-MX → es → it, counts coverage by hand and exits 1 below minCoverage', (t) => {
  const folder = project()
  try {
    const result = babele(folder, 'build', '--json')
    t.is(result.status, 1, result.stderr)
    const output = JSON.parse(result.stdout)
    t.deepEqual(output.written, ['dist/es/pagina.md', 'dist/es-MX/pagina.md'])
    // es: its own three translations, the fourth segment in Italian.
    t.is(readFileSync(join(folder, 'dist/es/pagina.md'), 'utf8'), '# Título de la página\n\nPrimera frase del párrafo. Segunda frase aquí.\n\nTerza frase con tre parole in più.\n\nUltima riga senza traduzione.\n')
    // es-MX: its own translation of the fourth, three from es, the last from it.
    t.is(readFileSync(join(folder, 'dist/es-MX/pagina.md'), 'utf8'), '# Título de la página\n\nPrimera frase del párrafo. Segunda frase aquí.\n\nTercera frase con tres palabras más.\n\nUltima riga senza traduzione.\n')
    const none = count(0, 0)
    t.deepEqual(output.coverage, [
      {
        locale: 'es',
        path: 'pagina.md',
        coverage: {
          segments: 5,
          translated: 3,
          fallback: 0,
          source: 2,
          words: {total: 21, translated: 10, fallback: 0, source: 11},
          origin: {human: count(2, 7), memory: none, machine: count(1, 3)},
          state: {initial: count(1, 3), translated: count(1, 4), reviewed: count(1, 3), final: none}
        }
      },
      {
        locale: 'es-MX',
        path: 'pagina.md',
        coverage: {
          segments: 5,
          translated: 1,
          fallback: 3,
          source: 1,
          words: {total: 21, translated: 7, fallback: 10, source: 4},
          origin: {human: count(3, 14), memory: none, machine: count(1, 3)},
          state: {initial: count(1, 3), translated: count(2, 11), reviewed: count(1, 3), final: none}
        }
      }
    ])
    t.deepEqual(
      output.locales.map((gate: {locale: string; covered: unknown; total: unknown; minimum: number; passed: boolean}) => [gate.locale, gate.covered, gate.total, gate.minimum, gate.passed]),
      [
        ['es', count(2, 7), count(5, 21), 30, true],
        ['es-MX', count(3, 14), count(5, 21), 90, false]
      ]
    )
    t.deepEqual(output.messages, [
      {
        ruleId: 'coverage-below-minimum',
        source: 'build',
        severity: 'error',
        message: 'es-MX: 14 of 21 words (3 of 5 segments) translated by human, memory: 66.6%, below the minimum of 90% (`minCoverage`); every file was written, untranslated segments fall back',
        expected: ['90%'],
        actual: ['66.6%'],
        url: 'https://www.npmjs.com/package/babele#rule-coverage-below-minimum'
      }
    ])
    // A second build writes nothing and still fails: the gate is about the stores, not the files.
    const again = babele(folder, 'build', '--json')
    t.is(again.status, 1)
    t.deepEqual(JSON.parse(again.stdout).written, [])
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('babele build exits 0 when every locale meets its minimum, and counts machine drafts when coverageOrigins says so', (t) => {
  const lower = project({minCoverage: 30})
  const machine = project({minCoverage: {'es-MX': 80, default: 47}, coverageOrigins: ['human', 'memory', 'machine']})
  try {
    const passed = babele(lower, 'build')
    t.is(passed.status, 0, passed.stderr)
    t.true(passed.stdout.includes('  es-MX: 14 of 21 words (3 of 5 segments) translated by human, memory: 66.6% (minimum 30%)\n'))
    // With the machine draft: es 10 of 21 words, es-MX 17 of 21 (its own, es's three, not the last).
    const counted = babele(machine, 'build')
    t.is(counted.status, 0, counted.stderr)
    t.true(counted.stdout.includes('  es: 10 of 21 words (3 of 5 segments) translated by human, memory, machine: 47.6% (minimum 47%)\n'))
    t.true(counted.stdout.includes('  es-MX: 17 of 21 words (4 of 5 segments) translated by human, memory, machine: 80.9% (minimum 80%)\n'))
  } finally {
    rmSync(lower, {recursive: true, force: true})
    rmSync(machine, {recursive: true, force: true})
  }
})

test('babele run fails the gate like build, after writing every file', (t) => {
  const folder = project()
  try {
    const result = babele(folder, 'run', '--json')
    t.is(result.status, 1, result.stderr)
    const output = JSON.parse(result.stdout)
    t.deepEqual(output.messages.map((message: {ruleId: string}) => message.ruleId), ['coverage-below-minimum'])
    t.true(output.written.includes('dist/es-MX/pagina.md'))
    t.true(output.written.includes('reports/qa.html'))
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('a bad minCoverage or coverageOrigins is a config error naming the field, exit 2', (t) => {
  const cases: Array<[Record<string, unknown>, string]> = [
    [{minCoverage: 120}, '`minCoverage`: expected a percentage from 0 to 100'],
    [{minCoverage: {es: 120}}, '`minCoverage.es`: expected a percentage from 0 to 100'],
    [{minCoverage: {es: '90'}}, '`minCoverage`: expected a percentage from 0 to 100, or one per locale such as {"es": 90, "default": 50}'],
    [{minCoverage: {fr: 90}}, '`minCoverage.fr`: not a target locale (expected one of es, es-MX, or `default`)'],
    [{coverageOrigins: ['human', 'robot']}, '`coverageOrigins.1`: expected "human", "memory", "machine"'],
    [{coverageOrigins: []}, '`coverageOrigins`: expected at least one origin'],
    [{coverageOrigins: ['human', 'human']}, '`coverageOrigins`: expected each origin once']
  ]
  for (const [fields, message] of cases) {
    const base = {sourceLocale: 'it', targetLocales: ['es', 'es-MX']}
    t.deepEqual(parseConfig({...base, ...fields}).messages.map((one) => one.message), [message], JSON.stringify(fields))
  }
  const folder = project({minCoverage: 120})
  try {
    const result = babele(folder, 'build')
    t.is(result.status, 2)
    t.true(result.stderr.includes('`minCoverage`: expected a percentage from 0 to 100'))
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('coverageGate compares whole counts: 29 of 50 words meets 58%, and a locale with nothing to translate meets any minimum', (t) => {
  const config = parseConfig({sourceLocale: 'it', targetLocales: ['es', 'fr'], minCoverage: 58}).value as Config
  const coverage = (words: number, translated: number): Coverage => ({
    segments: 2,
    translated: translated > 0 ? 1 : 0,
    fallback: 0,
    source: translated > 0 ? 1 : 2,
    words: {total: words, translated, fallback: 0, source: words - translated},
    origin: {human: count(translated > 0 ? 1 : 0, translated), memory: count(0, 0), machine: count(0, 0)},
    state: {initial: count(0, 0), translated: count(translated > 0 ? 1 : 0, translated), reviewed: count(0, 0), final: count(0, 0)}
  })
  const entries: BuildEntry[] = [
    {locale: 'es', path: 'a.md', coverage: coverage(50, 29)},
    {locale: 'fr', path: 'a.md', coverage: coverage(0, 0)}
  ]
  const gate = coverageGate(config, entries)
  t.deepEqual(gate.messages, [])
  t.deepEqual(gate.value.map((locale) => [locale.locale, locale.percent, locale.passed]), [
    ['es', (29 / 50) * 100, true],
    ['fr', 100, true]
  ])
  const failed = coverageGate({...config, minCoverage: 58.1}, entries)
  t.deepEqual(failed.messages.map((message) => [message.ruleId, message.actual, message.expected]), [['coverage-below-minimum', ['58%'], ['58.1%']]])
})

test('every percentage is printed one way: one decimal, never rounded up past what was reached, no .0, 100 for nothing to translate', (t) => {
  t.deepEqual(
    [percentText(2, 3), percentText(8996, 10_000), percentText(29, 50), percentText(12, 484), percentText(1, 1), percentText(0, 7), percentText(0, 0), percentText(0, 0, {empty: 0})],
    ['66.6', '89.9', '58', '2.4', '100', '0', '100', '0']
  )
})

test('sumCoverage adds every figure of every document, each into its own field', (t) => {
  // Each leaf of each document a different power of two: a figure left out, or added into another field, changes the sum.
  let next = 1
  const figures = (value: unknown): unknown => (typeof value === 'number' ? (next *= 2) / 2 : Object.fromEntries(Object.entries(value as object).map(([name, one]) => [name, figures(one)])))
  const documents = [figures(emptyCoverage()), figures(emptyCoverage())] as Coverage[]
  const added = (a: unknown, b: unknown): unknown => (typeof a === 'number' ? a + (b as number) : Object.fromEntries(Object.entries(a as object).map(([name, one]) => [name, added(one, (b as Record<string, unknown>)[name])])))
  t.deepEqual(sumCoverage(documents), added(documents[0], documents[1]))
  t.deepEqual(sumCoverage([]), emptyCoverage())
})
