import {spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import {formatGithub, formatText} from '../pipeline/cli/format.ts'
import {diagnostic} from '../pipeline/diagnostic.ts'
import {lintRules} from '../pipeline/lint/index.ts'
import {qaRules} from '../pipeline/qa/index.ts'
import {babele, babeleWith, bin, root} from './helpers/cli.ts'

/**
 * A copy of the formats fixture (three lint warnings in a file named with a
 * space and a comma, and es under its minCoverage), its reports written
 * once, so every run's summary is the same.
 */
function project(): string {
  const folder = mkdtempSync(join(tmpdir(), 'babele-formats-'))
  cpSync(join(root, 'tests/fixtures/formats'), folder, {recursive: true})
  rmSync(join(folder, 'README.md'))
  babele(folder, 'report', '--quiet')
  return folder
}

const summary = 'report: reports/glossary.html (no glossary), reports/qa.html (1 error(s), 3 warning(s), coverage of 1 built file(s))\nreport: 0 file(s) written, 2 unchanged\n'
const coverage = 'es: 0 of 12 words (0 of 3 segments) translated by human, memory: 0%, below the minimum of 50% (`minCoverage`); every file was written, untranslated segments fall back'

/** The text report of the fixture: a header per file, a row per finding, a summary line. */
const text = [
  '(project)',
  '     error   es: 0 of 12 words (0 of 3 segments) translated by human, memory: 0%, below the minimum of 50% (`minCoverage`); every file was written, untranslated segments fall back coverage-below-minimum build',
  '',
  'source/it/note, bozza.md',
  '3:9  warning `perche\'`: an accent typed as an apostrophe; write `perché`                                                                                                            accent-apostrophe      lint',
  '3:17 warning `e\'`: an accent typed as an apostrophe; write `è`                                                                                                                      accent-apostrophe      lint',
  '5:11 warning Link `qui` has the URL `#`, which goes nowhere                                                                                                                         link-empty-url         lint',
  '',
  '4 messages (✖ 1 error, ⚠ 3 warnings)',
  ''
].join('\n')

test('the text report lays diagnostics out as vfile-reporter does: a header per file, a row per finding, a summary line', (t) => {
  const folder = project()
  try {
    const result = babele(folder, 'report')
    t.is(result.status, 1)
    t.is(result.stdout, summary)
    t.is(result.stderr, text)
    // --quiet: errors only.
    const quiet = babele(folder, 'report', '--quiet')
    t.is(quiet.status, 1)
    t.is(quiet.stderr, `(project)\n error ${coverage} coverage-below-minimum build\n\n✖ 1 error\n`)
    // --verbose: each finding's documentation and expected and actual values.
    t.deepEqual(babele(folder, 'report', '--verbose').stderr.split('\n'), [
      '(project)',
      '     error   es: 0 of 12 words (0 of 3 segments) translated by human, memory: 0%, below the minimum of 50% (`minCoverage`); every file was written, untranslated segments fall back coverage-below-minimum build',
      '  [url]:',
      '    https://www.npmjs.com/package/babele#rule-coverage-below-minimum',
      '  [note]:',
      '    expected: 50%',
      '    actual: 0%',
      '',
      'source/it/note, bozza.md',
      '3:9  warning `perche\'`: an accent typed as an apostrophe; write `perché`                                                                                                            accent-apostrophe      lint',
      '  [url]:',
      '    https://www.npmjs.com/package/babele#rule-accent-apostrophe',
      '  [note]:',
      '    expected: perché',
      '    actual: perche\'',
      '3:17 warning `e\'`: an accent typed as an apostrophe; write `è`                                                                                                                      accent-apostrophe      lint',
      '  [url]:',
      '    https://www.npmjs.com/package/babele#rule-accent-apostrophe',
      '  [note]:',
      '    expected: è',
      '    actual: e\'',
      '5:11 warning Link `qui` has the URL `#`, which goes nowhere                                                                                                                         link-empty-url         lint',
      '  [url]:',
      '    https://www.npmjs.com/package/babele#rule-link-empty-url',
      '  [note]:',
      '    actual: #',
      '',
      '4 messages (✖ 1 error, ⚠ 3 warnings)',
      ''
    ])
    t.is(babele(folder, 'report', '--quiet', '--verbose').status, 2, 'one or the other')
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

const annotations = [
  `::warning file=source/it/note%2C bozza.md,line=3,col=9,title=accent-apostrophe::\`perche'\`: an accent typed as an apostrophe; write \`perché\`\n`,
  `::warning file=source/it/note%2C bozza.md,line=3,col=17,title=accent-apostrophe::\`e'\`: an accent typed as an apostrophe; write \`è\`\n`,
  '::warning file=source/it/note%2C bozza.md,line=5,col=11,title=link-empty-url::Link `qui` has the URL `#`, which goes nowhere\n',
  `::error title=coverage-below-minimum::${coverage.replaceAll('%', '%25')}\n`
].join('')

test('GitHub Actions annotations come with the text report when GITHUB_ACTIONS=true, and alone with --format github', (t) => {
  const folder = project()
  try {
    const actions = babeleWith({GITHUB_ACTIONS: 'true'}, folder, 'report')
    t.is(actions.status, 1)
    t.is(actions.stdout, annotations + summary)
    t.is(actions.stderr, text)
    const github = babele(folder, 'report', '--format', 'github')
    t.is(github.status, 1)
    t.is(github.stdout, annotations + summary)
    t.is(github.stderr, '')
    t.is(babele(folder, 'report', '--format', 'github', '--quiet').stdout, annotations.split('\n').at(-2) + '\n' + summary)
    // Machine formats never carry annotations.
    t.notRegex(babeleWith({GITHUB_ACTIONS: 'true'}, folder, 'report', '--json').stdout, /::/)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('formatGithub escapes %, CR and LF in the message, and : and , too in properties, and writes a range and info as a notice', (t) => {
  const message = diagnostic('key-conflict', '100% done:\r\nsecond, line', {source: 'import', severity: 'info', file: 'a:b,c%.xlf', place: {start: {line: 2, column: 3}, end: {line: 4, column: 5}}})
  t.is(formatGithub([message]), '::notice file=a%3Ab%2Cc%25.xlf,line=2,col=3,endLine=4,endColumn=5,title=key-conflict::100%25 done:%0D%0Asecond, line\n')
  t.is(formatGithub([]), '')
})

test('formatText colors only when asked', (t) => {
  const message = diagnostic('usage', 'Bad `x`', {source: 'cli', severity: 'error'})
  t.is(formatText([message]), '(project)\n error Bad `x` usage cli\n\n✖ 1 error')
  t.regex(formatText([message], {color: true}), /\u001B\[31merror\u001B\[39m/)
  t.is(formatText([]), '')
})

test('--json keeps the command result\'s shape: files written, diagnostics, summary, coverage, ok', (t) => {
  const folder = project()
  try {
    const result = babele(folder, 'report', '--json')
    t.is(result.status, 1)
    const output = JSON.parse(result.stdout)
    t.deepEqual(Object.keys(output), ['command', 'written', 'unchanged', 'messages', 'summary', 'coverage', 'ok'])
    t.deepEqual(output.messages.map((message: {ruleId: string; severity: string}) => `${message.ruleId}:${message.severity}`), ['accent-apostrophe:warning', 'accent-apostrophe:warning', 'link-empty-url:warning', 'coverage-below-minimum:error'])
    t.deepEqual(JSON.parse(babele(folder, 'report', '--format', 'json').stdout), output)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

const schema = JSON.parse(readFileSync(join(root, 'tests/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'))

/** The SARIF 2.1.0 schema, compiled with Ajv (draft-04, formats checked). */
function sarifValidator() {
  // CommonJS modules: their `default` export is the class and the plugin.
  // unicodeRegExp off: the schema's language pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) has a stray `]`, an error under the `u` flag (see the fixture's README).
  const ajv = new ajvDraft04.default({allErrors: true, strict: false, unicodeRegExp: false})
  ajvFormats.default(ajv)
  return ajv.compile(schema)
}

test('--format sarif writes a SARIF 2.1.0 log that validates against the official schema, results placed in the project', (t) => {
  const folder = project()
  try {
    const result = babele(folder, 'report', '--format', 'sarif')
    t.is(result.status, 1)
    t.is(result.stderr, summary)
    const log = JSON.parse(result.stdout)
    const validate = sarifValidator()
    t.true(validate(log), JSON.stringify(validate.errors, null, 2))
    const run = log.runs[0]
    t.deepEqual(run.tool.driver.rules.map((rule: {id: string}) => rule.id), [...new Set([...lintRules, ...qaRules].map((rule) => rule.id)), 'coverage-below-minimum'].sort())
    const rule = (id: string) => run.tool.driver.rules.findIndex((one: {id: string}) => one.id === id)
    t.deepEqual(run.tool.driver.rules[rule('code-missing')], {id: 'code-missing', helpUri: 'https://www.npmjs.com/package/babele#rule-code-missing', defaultConfiguration: {level: 'error'}})
    t.deepEqual(run.tool.driver.rules[rule('coverage-below-minimum')], {id: 'coverage-below-minimum', helpUri: 'https://www.npmjs.com/package/babele#rule-coverage-below-minimum'})
    t.is(run.tool.driver.name, 'babele')
    t.is(run.columnKind, 'utf16CodeUnits')
    const at = (line: number, column: number) => [{physicalLocation: {artifactLocation: {uri: 'source/it/note%2C%20bozza.md'}, region: {startLine: line, startColumn: column}}}]
    t.deepEqual(run.results, [
      {ruleId: 'accent-apostrophe', ruleIndex: rule('accent-apostrophe'), level: 'warning', message: {text: "`perche'`: an accent typed as an apostrophe; write `perché`"}, locations: at(3, 9), properties: {source: 'lint', expected: ['perché'], actual: ["perche'"]}},
      {ruleId: 'accent-apostrophe', ruleIndex: rule('accent-apostrophe'), level: 'warning', message: {text: "`e'`: an accent typed as an apostrophe; write `è`"}, locations: at(3, 17), properties: {source: 'lint', expected: ['è'], actual: ["e'"]}},
      {ruleId: 'link-empty-url', ruleIndex: rule('link-empty-url'), level: 'warning', message: {text: 'Link `qui` has the URL `#`, which goes nowhere'}, locations: at(5, 11), properties: {source: 'lint', actual: ['#']}},
      {ruleId: 'coverage-below-minimum', ruleIndex: rule('coverage-below-minimum'), level: 'error', message: {text: coverage}, properties: {source: 'build', expected: ['50%'], actual: ['0%']}}
    ])
    // The validator refuses what the schema forbids: the test can fail.
    t.false(validate({...log, runs: [{...run, results: [{...run.results[0], level: 'fatal'}]}]}))
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('a usage error is exit 2 in every format, a SARIF log too', (t) => {
  const folder = project()
  try {
    const sarif = babele(folder, 'check', '--format', 'sarif', '--locale', 'de')
    t.is(sarif.status, 2)
    const log = JSON.parse(sarif.stdout)
    t.true(sarifValidator()(log))
    t.deepEqual(log.runs[0].results.map((result: {ruleId: string; message: {text: string}}) => [result.ruleId, result.message.text]), [['usage', '--locale de: not a configured target locale (es)']])
    const text = babele(folder, 'check', '--locale', 'de')
    t.is(text.status, 2)
    t.is(text.stderr, 'babele check: --locale de: not a configured target locale (es)\n')
    t.is(babele(folder, 'build', '--json', '--format', 'sarif').status, 2)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('every command that reports diagnostics takes --format, --quiet and --verbose, defined once', (t) => {
  const commands = ['init', 'extract', 'import', 'build', 'check', 'pretranslate', 'run', 'analyze', 'tm import', 'tm export', 'report', 'export', 'export-bundles', 'lint']
  for (const command of commands) {
    const help = babele(root, ...command.split(' '), '--help').stdout
    t.regex(help, /--format <format>\s+output: text \(the default/, command)
    t.regex(help, /-q, --quiet\s+show errors only/, command)
    t.regex(help, /--verbose\s+show each diagnostic/, command)
  }
})

test('a progress bar shows on a terminal only, in plain characters under NO_COLOR, and never with --json or --quiet', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'babele-progress-'))
  try {
    mkdirSync(join(folder, 'source/it'), {recursive: true})
    writeFileSync(join(folder, 'babele.config.json'), '{"targetLocales": ["es"]}\n')
    // 25 sources: the bar shows from 20 steps.
    for (let index = 1; index <= 25; index++) writeFileSync(join(folder, `source/it/p${String(index).padStart(2, '0')}.md`), `# Pagina ${index}\n\nUna frase qui.\n`)
    // `script` (util-linux) runs the command on a pseudo-terminal and copies what it shows.
    const terminal = (env: Record<string, string | undefined>, ...args: string[]) => {
      const merged: Record<string, string | undefined> = {...process.env, GITHUB_ACTIONS: undefined, NO_COLOR: undefined, ...env}
      for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name]
      return spawnSync('script', ['-qec', ['node', bin, ...args].join(' '), '/dev/null'], {cwd: folder, encoding: 'utf8', env: merged}).stdout
    }
    t.regex(terminal({}, 'build'), /extract \u2588+\u2591* \d+\/25 p\d\d\.md/)
    t.regex(terminal({NO_COLOR: '1'}, 'build'), /extract #+-* \d+\/25 p\d\d\.md/)
    t.notRegex(terminal({}, 'build', '--json'), /extract /)
    t.notRegex(terminal({}, 'build', '--quiet'), /extract /)
    t.notRegex(babele(folder, 'build').stderr, /extract /, 'not a terminal')
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})
