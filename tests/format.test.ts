import {spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test, {type ExecutionContext} from 'ava'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import stringWidth from 'string-width'
import {random} from '../bench/corpus.ts'
import {displayWidth, narrow} from '../pipeline/cli/display-width.ts'
import {formatGithub, formatText, type TextOptions} from '../pipeline/cli/format.ts'
import {byteChunks} from '../pipeline/cli/byte-chunks.ts'
import {jsonPieces, messagesJson} from '../pipeline/cli/json-pieces.ts'
import {MessageList, packMessages, SpoolTable, unpackMessages} from '../pipeline/cli/packed-messages.ts'
import {openSpool} from '../pipeline/cli/fs.ts'
import {printedLint} from '../pipeline/cli/source-task.ts'
import {diagnostic} from '../pipeline/diagnostic.ts'
import type {Diagnostic, Place, Point, Severity} from '../pipeline/types.ts'
import {lintRules} from '../pipeline/lint/index.ts'
import {qaRules} from '../pipeline/qa/index.ts'
import {babele, babeleJson, babeleWith, bin, copyProject, root} from './helpers/cli.ts'
import {fillXliff} from './helpers/tools.ts'
import {vfileReport} from './helpers/vfile-report.ts'
import {moduleProbe} from './helpers/module-probe.ts'

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

/** Every combination of the text report's options. */
const textOptions: TextOptions[] = [false, true].flatMap((color) => [false, true].flatMap((verbose) => [false, true].map((quiet) => ({color, verbose, quiet}))))

/** `formatText` equals vfile-reporter's report (`tests/helpers/vfile-report.ts`) on `messages` under every combination of options. */
function sameAsVfileReporter(t: ExecutionContext, messages: readonly Diagnostic[], label: string): void {
  for (const options of textOptions) t.is(formatText(messages, options), vfileReport(messages, options), `${label}: ${JSON.stringify(options)}`)
}

test('the text report is vfile-reporter\'s byte for byte on the shipped project\'s findings (run and check) and the formats fixture\'s, in color or not, verbose or not, quiet or not', (t) => {
  const folder = copyProject()
  const formats = project()
  try {
    for (const name of ['xliff', 'locales']) cpSync(join(root, name), join(folder, name), {recursive: true})
    const run: Diagnostic[] = babeleJson(folder, 'run').result.messages
    const check: Diagnostic[] = babeleJson(folder, 'check').result.messages
    const report: Diagnostic[] = babeleJson(formats, 'report').result.messages
    // Lint findings with places, QA findings about stores with units and concepts, a finding about no file.
    t.true(run.some((message) => message.source === 'lint' && message.place !== undefined))
    t.true(check.some((message) => message.unitId !== undefined && message.conceptId !== undefined))
    t.true(report.some((message) => message.file === undefined))
    sameAsVfileReporter(t, run, 'run')
    sameAsVfileReporter(t, check, 'check')
    sameAsVfileReporter(t, report, 'report')
    sameAsVfileReporter(t, [...check, ...report, ...run], 'all')
  } finally {
    rmSync(folder, {recursive: true, force: true})
    rmSync(formats, {recursive: true, force: true})
  }
})

/** A diagnostic for the comparisons, `url` and the optional fields as given. */
function finding(message: string, fields: Partial<Diagnostic> & {severity?: Severity} = {}): Diagnostic {
  return {ruleId: 'some-rule', source: 'lint', severity: 'warning', message, url: 'https://www.npmjs.com/package/babele#rule-some-rule', ...fields}
}

const at = (line: number, column: number): Point => ({line, column})

/** Hand-picked cases, each a list of diagnostics compared alone and all together. */
const edgeCases: Record<string, Diagnostic[]> = {
  'CJK text': [finding('键 `会议` 没有翻译', {file: '文档/会议.md', place: at(3, 1)}), finding('ok', {file: '文档/会议.md', place: at(4, 2)})],
  'fullwidth and Hangul': [finding('ＡＢＣ 한국어 ﾊﾝｶｸ', {ruleId: '규칙', source: 'ｓｒｃ'}), finding('x')],
  emoji: [finding('done 🎉 👍🏽 👨‍👩‍👧 🇮🇹 ❤️ © ® ™ #️⃣'), finding('© and ® alone', {ruleId: '©', source: '®'}), finding('plain')],
  'combining accents': [finding('perche\u0301 e\u0300 cafe\u0301\u0323 a\u20DD'), finding('Thai ที่ Devanagari नमस्ते Arabic مرحبا'), finding('x', {ruleId: 'r\u0301'})],
  'controls and tabs': [finding('a\tb\tc'), finding('bell\u0007 nul\u0000 del\u007F c1\u0085'), finding('x\u200By zwj\u200Dz\uFEFF'), finding('lone \uD800 surrogate')],
  'ANSI-looking strings': [
    finding('\u001B[31mred\u001B[39m `code`'),
    finding('lone \u001B escape and \u001B[ half'),
    finding('\u001B]8;;https://example.com\u0007link\u001B]8;;\u0007'),
    finding('\u009B31mC1 CSI'),
    finding('text\u001B', {ruleId: '\u001B[1m', source: '\u0007'})
  ],
  'empty message, no rule id, no source': [finding(''), finding('no rule', {ruleId: ''}), finding('no source', {source: ''}), finding('', {ruleId: '', source: ''})],
  'very long messages': [finding('lungo '.repeat(200) + '`fine`'), finding('x'.repeat(1000), {ruleId: 'r'.repeat(80)}), finding('corto')],
  'several lines': [finding('first\nsecond\r\nthird\rfourth'), finding('trailing\n'), finding('\nleading'), finding('`a\nb`')],
  'white space at the end': [finding('spaces   '), finding('nbsp\u00A0', {ruleId: '', source: ''}), finding('ideographic\u3000', {source: ''}), finding('line separator\u2028'), finding('   '), finding('x', {source: '\t'})],
  backticks: [finding('``a`b`` and `c`'), finding('`open only'), finding('```x``` `y` ``z``'), finding('end `'), finding('`'), finding('a ``` b ` c ``` d')],
  'file names and their order': [
    finding('b', {file: 'b.md'}),
    finding('B', {file: 'B.md'}),
    finding('a', {file: 'a.md'}),
    finding('e accent', {file: 'é.md'}),
    finding('e', {file: 'e.md'}),
    finding('f', {file: 'f.md'}),
    finding('empty', {file: ''}),
    finding('none'),
    finding('space, comma', {file: 'note, bozza.md'}),
    finding('digits', {file: 'a10.md'}),
    finding('digits', {file: 'a9.md'}),
    finding('dash', {file: '-x.md'}),
    finding('underscore', {file: '_x.md'})
  ],
  'places and their order': [
    finding('range', {file: 'p.md', place: {start: at(2, 3), end: at(4, 5)}}),
    finding('point', {file: 'p.md', place: at(2, 3)}),
    finding('none', {file: 'p.md'}),
    finding('zero', {file: 'p.md', place: at(0, 0)}),
    finding('zero range', {file: 'p.md', place: {start: at(0, 7), end: at(3, 0)}}),
    finding('info', {file: 'p.md', place: at(1, 1), severity: 'info'}),
    finding('warning', {file: 'p.md', place: at(1, 1)}),
    finding('error', {file: 'p.md', place: at(1, 1), severity: 'error'}),
    finding('b by source', {file: 'p.md', place: at(9, 9), source: 'qa'}),
    finding('a by source', {file: 'p.md', place: at(9, 9), source: 'QA'}),
    finding('by rule', {file: 'p.md', place: at(9, 9), ruleId: 'a-rule'}),
    finding('By message', {file: 'p.md', place: at(9, 9)}),
    finding('by message', {file: 'p.md', place: at(9, 9)}),
    finding('by message', {file: 'p.md', place: at(9, 9), unitId: 'same but for its unit'}),
    finding('big', {file: 'p.md', place: {start: at(12345, 678), end: at(12346, 1)}})
  ],
  'one error': [finding('e', {severity: 'error'})],
  'two errors': [finding('e', {severity: 'error'}), finding('e', {severity: 'error', file: 'x.md'})],
  'one warning': [finding('w')],
  'warnings and an error': [finding('w'), finding('w', {file: 'x.md'}), finding('e', {severity: 'error', file: 'x.md'})],
  'infos only': [finding('i', {severity: 'info'}), finding('i', {severity: 'info', file: 'x.md'})],
  'infos and warnings': [finding('i', {severity: 'info'}), finding('w')],
  'infos and an error': [finding('i', {severity: 'info'}), finding('e', {severity: 'error'})],
  'all three': [finding('i', {severity: 'info'}), finding('w'), finding('e', {severity: 'error'})],
  'verbose details': [
    finding('unit', {unitId: 'u1'}),
    finding('segment', {unitId: 'u1', segmentId: 's2'}),
    finding('segment without unit', {segmentId: 's2'}),
    finding('concept', {conceptId: 'c-3', expected: ['a', 'b'], actual: ['c']}),
    finding('empty lists', {expected: [], actual: ['']}),
    finding('lines in values', {expected: ['one\ntwo', 'three\r\nfour'], actual: ['five\rsix']}),
    finding('no url', {url: ''}),
    finding('wide values', {expected: ['会议'], actual: ['🎉']})
  ]
}

test('the text report is vfile-reporter\'s byte for byte on hand-picked edge cases: wide, emoji, combining, control and ANSI-looking text, empty fields, long and multi-line messages, file and place order, every summary', (t) => {
  for (const [name, messages] of Object.entries(edgeCases)) sameAsVfileReporter(t, messages, name)
  sameAsVfileReporter(t, Object.values(edgeCases).flat(), 'all together')
  t.is(formatText([]), '')
  t.is(formatText([finding('w')], {quiet: true}), '')
  t.is(vfileReport([finding('w')], {quiet: true}), '')
})

/** Pieces of generated messages: ASCII, Italian, typographic, wide, emoji, combining, control, ANSI-looking, code spans, line breaks. */
const pieces = ['the', 'Key', 'perché', 'città', '“virgolette”', '—', '…', 'l’alleanza', '会议', '한국', 'ＡＢ', '🎉', '👍🏽', '🇮🇹', '©', 'e\u0301', 'नमस्ते', 'مرحبا', '\t', '\u001B[31m', '\u001B[39m', '`', '``', '`code`', '\n', '\r\n', '  ', '\u00A0', '\u200B', 'x'.repeat(40)]

/** `count` diagnostics drawn with a fixed seed over a few files, places, severities, rule ids, sources and details. */
function generated(seed: number, count: number): Diagnostic[] {
  const next = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const files = [undefined, 'source/it/a.md', 'source/it/b.md', 'source/it/B.md', 'source/it/città.md', 'locales/en/会议.json', 'xliff/en/a.xlf', 'note, bozza.md']
  const severities: Severity[] = ['error', 'warning', 'warning', 'info']
  const text = (most: number) => Array.from({length: Math.floor(next() * most)}, () => pick(pieces)).join(pick(['', ' ', ' ']))
  return Array.from({length: count}, () => {
    const line = 1 + Math.floor(next() * 30)
    const column = 1 + Math.floor(next() * 200)
    const place = pick<Place | undefined>([undefined, at(line, column), at(line, column), {start: at(line, column), end: at(line + Math.floor(next() * 3), 1 + Math.floor(next() * 99))}])
    const fields: Partial<Diagnostic> = {severity: pick(severities), ruleId: pick(['code-missing', 'term-untranslated', 'link-empty-url', '', text(2)]), source: pick(['lint', 'qa', 'build', '', text(2)])}
    const file = pick(files)
    if (file !== undefined) fields.file = file
    if (place) fields.place = place
    if (next() < 0.3) fields.unitId = `u${Math.floor(next() * 9)}`
    if (next() < 0.2) fields.segmentId = `s${Math.floor(next() * 9)}`
    if (next() < 0.2) fields.conceptId = text(3)
    if (next() < 0.3) fields.expected = [text(3), text(2)]
    if (next() < 0.3) fields.actual = [text(4)]
    return finding(text(12), fields)
  })
}

test('the text report is vfile-reporter\'s byte for byte on thousands of generated diagnostics in mixed scripts, together and in small groups', (t) => {
  const messages = generated(20260204, 3000)
  t.is(messages.length, 3000)
  sameAsVfileReporter(t, messages, 'all')
  // Small groups, so that each group's column widths come from a few rows.
  for (let start = 0; start < 600; start += 6) sameAsVfileReporter(t, messages.slice(start, start + 6), `rows ${start}-${start + 5}`)
})

test('displayWidth counts as string-width does: every BMP character alone, plain and between color codes, and a text of every character it counts without string-width', (t) => {
  let mismatches = 0
  let fast = ''
  for (let code = 0; code <= 0xffff; code++) {
    const character = String.fromCharCode(code)
    if (displayWidth(character, character) !== stringWidth(character)) mismatches++
    if (narrow.test(character)) {
      fast += character
      const printed = `\u001B[1m\u001B[36m${character}\u001B[39m\u001B[22m`
      if (displayWidth(character, printed) !== stringWidth(printed)) mismatches++
    }
  }
  t.is(mismatches, 0)
  t.is(fast.length, 95 + 94 + 24)
  // Each of them a grapheme of its own, so a text of them is as wide as it is long.
  t.is([...new Intl.Segmenter().segment(fast)].length, fast.length)
  t.is(stringWidth(fast), fast.length)
  t.is(displayWidth(fast, fast), fast.length)
  t.is(displayWidth('会议 🎉', '\u001B[1m会议 🎉\u001B[22m'), 7)
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

test('--json printed in pieces is JSON.stringify(result, null, 2) byte for byte, from a list of messages or from packed batches unpacked in order', (t) => {
  const messages = generated(20261205, 600)
  const whole = (messages: Diagnostic[]) => JSON.stringify({command: 'extract', written: ['a.json'], messages, summary: ['extract: 1 document(s)'], ok: false}, null, 2) + '\n'
  const printed = (messages: Diagnostic[] | MessageList) => [...jsonPieces({command: 'extract', written: ['a.json'], messages, summary: ['extract: 1 document(s)'], ok: false})]
  t.deepEqual(printed([]), [whole([])])
  t.is(printed(messages).join(''), whole(messages))
  const list = new MessageList()
  list.add(packMessages(messages.slice(0, 100)))
  list.add(packMessages([]))
  list.add([])
  list.add(messages.slice(100, 101))
  list.add(packMessages(messages.slice(101)))
  const pieces = printed(list)
  t.is(pieces.length, 4, 'a piece per batch that holds messages, and the rest')
  t.is(pieces.join(''), whole(messages))
  t.is(printed(new MessageList()).join(''), whole([]))
  // A list of more than a thousand (an import's findings) is stringified a thousand at a time.
  const many = generated(20261207, 2500)
  const slices = printed(many)
  t.is(slices.length, 3 + 1, 'a piece per thousand messages, and the rest')
  t.is(slices.join(''), whole(many))
  // So is any other list of the result longer than a thousand (an import's reports, a run's coverage), wherever it is.
  const reports = Array.from({length: 2300}, (_, index) => ({file: `xliff/en/${index}.md.xlf`, locale: 'en', segments: index % 7, quarantined: index % 5 === 0 ? [{unitId: `u${index}`, diagnostics: many.slice(index % 40, (index % 40) + 2)}] : []}))
  const coverage = Array.from({length: 1001}, (_, index) => ({locale: 'fr', path: `a/${index}.md`, coverage: {segments: index, translated: 0}}))
  const withLists = {command: 'run', written: Array.from({length: 1000}, (_, index) => `dist/en/${index}.md`), reports, messages: many, summary: ['run: 2300 file(s)'], coverage, ok: false}
  const listed = [...jsonPieces(withLists)]
  t.is(listed.join(''), JSON.stringify(withLists, null, 2) + '\n')
  t.is(listed.length, 3 + 3 + 2 + 1, 'a piece per thousand reports, messages and coverage entries (not the thousand written: a list of a thousand is one), and the rest')
  t.true(listed.every((piece) => piece.length < 1_200_000), 'no piece holds a whole list')
  const noMessages = {...withLists, messages: []}
  t.is([...jsonPieces(noMessages)].join(''), JSON.stringify(noMessages, null, 2) + '\n')
  t.is([...jsonPieces({...noMessages, coverage: []})].join(''), JSON.stringify({...noMessages, coverage: []}, null, 2) + '\n')
  t.is(list.errors, messages.filter((message) => message.severity === 'error').length)
  t.true(list.errors > 0)
  t.deepEqual(list.all(), JSON.parse(JSON.stringify(messages)), 'every message back, as its JSON')
  t.deepEqual(unpackMessages(packMessages([])), [])
})

test('--json prints a printed batch as its bytes, and the lint findings it holds as warnings: plain, packed and printed batches together are JSON.stringify(result, null, 2) byte for byte', (t) => {
  const messages = generated(20261206, 400)
  const asPrinted = messages.map((message) => (message.severity === 'error' ? {...message, severity: 'warning' as const} : message))
  const result = (messages: Diagnostic[] | MessageList) => ({command: 'run', written: ['a.json'], messages, summary: ['run: 1 document(s)'], ok: true})
  const whole = JSON.stringify(result(asPrinted), null, 2) + '\n'
  const lint = printedLint(messages.slice(0, 150))
  t.deepEqual(lint.messages, asPrinted.slice(0, 150))
  t.is(new TextDecoder().decode(lint.json), messagesJson(asPrinted.slice(0, 150)))
  t.true(messages.slice(0, 150).some((message) => message.severity === 'error'), 'the batch has errors to print as warnings')
  const steps = new MessageList()
  steps.add(packMessages(asPrinted.slice(150, 200)))
  steps.add(printedLint([]))
  const list = new MessageList()
  list.add(lint)
  list.add(steps)
  list.add(new MessageList())
  list.add(printedLint(messages.slice(200)))
  t.is(list.errors, 0, 'errors printed as warnings are no errors')
  const outer = new MessageList()
  outer.add(list)
  const inner = new MessageList()
  inner.add(messages.slice(0, 150))
  outer.add(inner)
  t.is(outer.errors, messages.slice(0, 150).filter((message) => message.severity === 'error').length, 'a list added to another brings its errors along')
  t.deepEqual(outer.all(), [...asPrinted, ...messages.slice(0, 150)])
  const pieces = [...jsonPieces(result(list))]
  t.is(pieces.length, 2 + 1 + 2 + 1, 'a printed batch: the text before it, then its bytes as they are; a packed batch: one piece; then the rest')
  t.is(pieces[1], lint.json)
  t.is(Buffer.concat([...byteChunks(pieces)]).toString('utf8'), whole)
  t.deepEqual(list.all(), asPrinted)
  t.is(messagesJson(messages.slice(0, 1)), JSON.stringify(messages[0], null, 2).replaceAll('\n', '\n    ').replace(/^/, '    '))
})

test('a printed batch spooled (extract\'s lint findings) prints as its bytes, read back, and unpacks to its diagnostics: among other batches, JSON.stringify(result, null, 2) byte for byte', (t) => {
  const messages = generated(20261207, 300)
  const asPrinted = messages.map((message) => (message.severity === 'error' ? {...message, severity: 'warning' as const} : message))
  const result = (messages: Diagnostic[] | MessageList) => ({command: 'extract', written: ['a.json'], messages, summary: ['extract: 1 document(s)'], ok: true})
  // As extract sets them aside, a row per document (`SpoolTable`): the lint findings as printed, an empty batch, the same findings with their errors, the rest.
  const table = new SpoolTable(openSpool(), 4, 1)
  const spooled = (row: number) => table.batch(row, 0, {packed: false})
  const lint = printedLint(messages.slice(0, 200))
  const errors = messages.slice(0, 200).filter((message) => message.severity === 'error').length
  const rows = [lint, printedLint([]), {json: new TextEncoder().encode(messagesJson(messages.slice(0, 200))), errors}, printedLint(messages.slice(250))]
  rows.forEach((batch, row) => table.set(row, 0, batch.json, batch.errors))
  t.is(spooled(0).length, lint.json.length)
  t.is(spooled(0).errors, 0, 'errors printed as warnings are no errors')
  t.false('json' in spooled(0) || 'messages' in spooled(0), 'neither its bytes nor its diagnostics are kept')
  t.is(spooled(1).length, 0)
  const withErrors = spooled(2)
  t.is(withErrors.errors, errors)
  const list = new MessageList()
  list.add(packMessages(asPrinted.slice(200, 250)))
  list.add(spooled(0))
  list.add(spooled(1))
  list.add(spooled(3))
  t.is(list.errors, 0)
  const printable = [...list.printable()]
  t.is(printable.length, 3)
  t.true(printable[1] instanceof Uint8Array, 'a spooled printed batch is printed as its bytes, not stringified again')
  t.deepEqual(Buffer.from(printable[1] as Uint8Array), Buffer.from(lint.json))
  const pieces = [...jsonPieces(result(list))]
  t.is(Buffer.concat([...byteChunks(pieces)]).toString('utf8'), JSON.stringify(result([...asPrinted.slice(200, 250), ...asPrinted.slice(0, 200), ...asPrinted.slice(250)]), null, 2) + '\n')
  t.deepEqual(list.all(), [...asPrinted.slice(200, 250), ...asPrinted.slice(0, 200), ...asPrinted.slice(250)])
  t.deepEqual([...list.batches()].flat(), list.all(), 'read back again, the same')
  const errorList = new MessageList()
  errorList.add(withErrors)
  t.is(errorList.errors, errors, 'a spooled batch\'s errors are counted')
  t.deepEqual(errorList.all(), JSON.parse(JSON.stringify(messages.slice(0, 200))))
})

test('byteChunks writes text as UTF-8 and bytes as they are, in order, in chunks of at most the given size, each a buffer of its own', (t) => {
  const pieces: Array<string | Uint8Array> = ['città ', new Uint8Array([1, 2, 3]), '', '会议 🎉', 'x'.repeat(40), new Uint8Array(0), new Uint8Array(25).fill(7), 'fine']
  const expected = Buffer.concat(pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece)))
  const chunks = [...byteChunks(pieces, {size: 24})]
  t.is(Buffer.concat(chunks).compare(expected), 0)
  // A string goes in when three bytes per UTF-16 code unit would fit: `città ` (7 bytes) and the three bytes; `会议 🎉` (5 code units, 11 bytes) starts a chunk; the 40 x and the 25 bytes are chunks of their own; `fine`.
  t.deepEqual(chunks.map((chunk) => chunk.length), [10, 11, 40, 25, 4])
  t.is(new Set(chunks.map((chunk) => chunk.buffer)).size, chunks.length, 'no chunk shares memory with another')
  t.deepEqual([...byteChunks([])], [])
  t.is(Buffer.concat([...byteChunks(['a'.repeat(3000)])]).toString(), 'a'.repeat(3000))
})

test('byteChunks with reused fills one buffer again for each chunk: the bytes, taken as each chunk comes, are the same, in the same chunks', (t) => {
  const pieces: Array<string | Uint8Array> = ['città ', new Uint8Array([1, 2, 3]), '', '会议 🎉', 'x'.repeat(40), new Uint8Array(0), new Uint8Array(25).fill(7), 'fine']
  const expected = Buffer.concat([...byteChunks(pieces, {size: 24})])
  const taken: Buffer[] = []
  const buffers: ArrayBufferLike[] = []
  for (const chunk of byteChunks(pieces, {size: 24, reused: true})) {
    // Copied now: the next chunk is written into the same memory.
    taken.push(Buffer.from(chunk))
    buffers.push(chunk.buffer)
  }
  t.is(Buffer.concat(taken).compare(expected), 0)
  t.deepEqual(taken.map((chunk) => chunk.length), [10, 11, 40, 25, 4])
  // The 40 x and the 25 bytes do not fit in a chunk: they come as their own bytes; the others are one buffer filled again.
  t.is(buffers[0], buffers[1])
  t.is(buffers[0], buffers[4])
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

test('run --json of several megabytes, printed a megabyte at a time through one buffer, is JSON.stringify(result, null, 2) byte for byte, on a miss and read from the cache', (t) => {
  const folder = copyProject()
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  // 6,000 findings of about 600 bytes each: several chunks, each written before the next fills the buffer.
  writeFileSync(join(folder, 'source/it/perche.md'), Array.from({length: 6000}, (_, line) => `Riga ${line}: perche' no.\n\n`).join(''))
  const env: Record<string, string | undefined> = {...process.env, NO_COLOR: '1'}
  delete env.GITHUB_ACTIONS
  for (const run of ['miss', 'from the cache']) {
    // More than `babele()` takes (spawnSync's default `maxBuffer`, a megabyte).
    const {stdout} = spawnSync('node', [bin, 'run', '--json'], {cwd: folder, encoding: 'utf8', input: '', env, maxBuffer: 64 << 20})
    t.true(Buffer.byteLength(stdout) > 3 << 20, run)
    t.is(stdout, JSON.stringify(JSON.parse(stdout), null, 2) + '\n', run)
  }
})

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

test('a progress bar shows on a terminal only (extract, import), in plain characters under NO_COLOR, and never with --json or --quiet; its library (and Node\'s readline) loads only for a bar shown', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'babele-progress-'))
  try {
    mkdirSync(join(folder, 'source/it'), {recursive: true})
    writeFileSync(join(folder, 'babele.config.json'), '{"targetLocales": ["es"]}\n')
    // 25 sources: the bar shows from 20 steps.
    for (let index = 1; index <= 25; index++) writeFileSync(join(folder, `source/it/p${String(index).padStart(2, '0')}.md`), `# Pagina ${index}\n\nUna frase qui.\n`)
    // `script` (util-linux) runs node on a pseudo-terminal and copies what it shows.
    const onTerminal = (cwd: string, env: Record<string, string | undefined>, nodeArgs: string[]) => {
      const merged: Record<string, string | undefined> = {...process.env, GITHUB_ACTIONS: undefined, NO_COLOR: undefined, ...env}
      for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name]
      return spawnSync('script', ['-qec', ['node', ...nodeArgs].join(' '), '/dev/null'], {cwd, encoding: 'utf8', env: merged}).stdout
    }
    const terminal = (env: Record<string, string | undefined>, ...args: string[]) => onTerminal(folder, env, [bin, ...args])
    t.regex(terminal({}, 'build'), /extract \u2588+\u2591* \d+\/25 p\d\d\.md/)
    t.regex(terminal({NO_COLOR: '1'}, 'build'), /extract #+-* \d+\/25 p\d\d\.md/)
    t.notRegex(terminal({}, 'build', '--json'), /extract /)
    t.notRegex(terminal({}, 'build', '--quiet'), /extract /)
    t.notRegex(babele(folder, 'build').stderr, /extract /, 'not a terminal')
    // The translator returns the 25 XLIFF files: import counts them as it goes.
    t.is(babele(folder, 'extract').status, 0)
    fillXliff('identity', Array.from({length: 25}, (_, index) => join(folder, `xliff/es/p${String(index + 1).padStart(2, '0')}.md.xlf`)))
    t.regex(terminal({NO_COLOR: '1'}, 'import'), /import [#-]+ \d+\/25 xliff\/es\/p\d\d\.md\.xlf/)
    t.notRegex(babele(folder, 'import').stderr, /import [#-]/, 'not a terminal')
    // The bar's library (and Node's readline, which it loads) loads only for a bar shown: on a terminal with 25 sources, not with 3, nor with --json.
    const probe = moduleProbe(folder)
    const loads = (cwd: string, ...args: string[]) => {
      onTerminal(cwd, {}, [...probe.args, bin, ...args])
      return probe.loaded().includes('NativeModule readline')
    }
    const few = join(folder, 'few')
    mkdirSync(join(few, 'source/it'), {recursive: true})
    writeFileSync(join(few, 'babele.config.json'), '{"targetLocales": ["es"]}\n')
    for (let index = 1; index <= 3; index++) writeFileSync(join(few, `source/it/p${index}.md`), `# Pagina ${index}\n\nUna frase qui.\n`)
    rmSync(join(folder, '.babele'), {recursive: true, force: true})
    t.true(loads(folder, 'extract'), '25 sources: a bar')
    t.false(loads(few, 'extract'), '3 sources: no bar')
    rmSync(join(folder, '.babele'), {recursive: true, force: true})
    t.false(loads(folder, 'extract', '--json'), '--json: no bar')
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})
