import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import {fromBundleValue, fromMarkdown, memoryTokens, toTmx, type TmxUnitInput} from '../pipeline/index.ts'
import {openWorkspace, readMemory} from '../pipeline/cli/workspace.ts'
import {babele, copyProject} from './helpers/cli.ts'
import {shared} from './helpers/tools.ts'

/** The reference English translation of the seed as a TMX, codes with their bytes. */
function referenceTmx(folder: string): string {
  const document = fromMarkdown(readFileSync(join(folder, 'source/it/putin-xi-alleanza.md'), 'utf8'), {path: 'putin-xi-alleanza.md'}).value
  const reference = JSON.parse(readFileSync(new URL('fixtures/omegat/reference-en.json', import.meta.url), 'utf8')) as Array<{source: string; target: string}>
  const targets = new Map(reference.map((pair) => [pair.source, pair.target]))
  const units: TmxUnitInput[] = []
  for (const unit of document.units) {
    for (const part of unit.parts) {
      if (part.type !== 'segment') continue
      const {tokens} = fromBundleValue(targets.get(part.segment.value)!, part.segment)
      units.push({variants: [{lang: 'it', tokens: memoryTokens(document.body, part.segment.tokens)}, {lang: 'en-GB', tokens: memoryTokens(document.body, tokens)}]})
    }
  }
  return toTmx(units, {sourceLocale: 'it'})
}

test('babele tm import keeps the good units of each file, reports the bad ones with line and rule id, and a second import changes nothing', (t) => {
  const folder = copyProject()
  try {
    writeFileSync(join(folder, 'reference.tmx'), referenceTmx(folder))
    const broken = readFileSync(join(folder, 'reference.tmx'), 'utf8').replace('<tuv xml:lang="en-GB">', '<tuv xml:lang="en-GB" quality="high">')
    writeFileSync(join(folder, 'broken.tmx'), broken)
    const first = babele(folder, 'tm', 'import', 'reference.tmx', 'broken.tmx', `${shared}corpora/tmx/okapi/html_test.tmx`, '--json')
    t.is(first.status, 1, first.stderr)
    const output = JSON.parse(first.stdout)
    t.deepEqual(output.written, ['memory/reference.tmx', 'memory/broken.tmx'])
    t.deepEqual(
      output.files.map((file: {units: number; rejected: unknown[]; usable: Record<string, number>}) => [file.units, file.rejected.length, file.usable.en]),
      [
        [21, 0, 21],
        [20, 1, 20],
        [11, 0, 0]
      ]
    )
    t.deepEqual(
      output.messages.filter((message: {severity: string}) => message.severity === 'error').map((message: {file: string; place: {line: number}; ruleId: string}) => `${message.file}:${message.place.line} ${message.ruleId}`),
      ['broken.tmx:7 tmx-invalid', `${shared}corpora/tmx/okapi/html_test.tmx:14 tmx-invalid`, `${shared}corpora/tmx/okapi/html_test.tmx:14 tmx-invalid`]
    )
    t.false(existsSync(join(folder, 'memory/html_test.tmx')), 'a file with nothing from it to a target locale is not stored')
    const again = babele(folder, 'tm', 'import', 'reference.tmx', '--json')
    t.is(again.status, 0, again.stderr)
    t.deepEqual(JSON.parse(again.stdout).written, [])

    // The memory now serves extract and the analysis: every segment is an exact match (no context recorded).
    const analysis = babele(folder, 'analyze', '--locale', 'en')
    t.is(analysis.status, 0, analysis.stderr)
    t.regex(analysis.stdout, /exact match \(100%\) +20 +472 +97\.5/)
    t.regex(analysis.stdout, /repetitions +1 +12 +2\.4/)
    const report = JSON.parse(readFileSync(join(folder, 'reports/analysis-en.json'), 'utf8'))
    t.deepEqual(report.total.bands.exact, {segments: 20, words: 472})
    t.false(existsSync(join(folder, 'reports/analysis-es.json')), 'only the locale asked for')
    t.is(babele(folder, 'analyze', '--locale', 'de').status, 2)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('babele tm export writes the stored translations as TMX, which tm import reads back', (t) => {
  const folder = copyProject()
  try {
    writeFileSync(join(folder, 'reference.tmx'), referenceTmx(folder))
    t.is(babele(folder, 'tm', 'import', 'reference.tmx').status, 0)
    // Extract pre-fills the exact matches; the translator returns them confirmed (final): they become the store's, human.
    t.is(babele(folder, 'extract').status, 0)
    const xliff = join(folder, 'xliff/en/putin-xi-alleanza.md.xlf')
    writeFileSync(xliff, readFileSync(xliff, 'utf8').replaceAll('state="translated"', 'state="final"'))
    const imported = babele(folder, 'import', '--json')
    // 21 segments read; the repeated heading is one key: 20 translations stored.
    t.is(JSON.parse(imported.stdout).reports[0].segments, 21)
    const state = JSON.parse(readFileSync(join(folder, 'locales/en/putin-xi-alleanza.state.json'), 'utf8'))
    t.true(Object.values(state).every((record) => (record as {origin: string}).origin === 'human'))

    const exported = babele(folder, 'tm', 'export', '--locale', 'en', '--out', 'en.tmx')
    t.is(exported.status, 0, exported.stderr)
    t.regex(exported.stdout, /tm export: 20 translation\(s\) of en in en.tmx/)
    const tmx = readFileSync(join(folder, 'en.tmx'), 'utf8')
    t.is((tmx.match(/<tu /g) ?? []).length, 20)
    t.true(tmx.includes('<prop type="x-babele-origin">human</prop>'))
    // Without --out the TMX is the output.
    t.is(babele(folder, 'tm', 'export', '--locale', 'en').stdout, tmx)
    rmSync(join(folder, 'memory'), {recursive: true})
    const back = babele(folder, 'tm', 'import', 'en.tmx', '--json')
    t.is(back.status, 0, back.stderr)
    t.deepEqual(JSON.parse(back.stdout).files[0].usable, {en: 20, es: 0, fr: 0, ca: 0})
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('the memory folder and memory.files are read as memory, UTF-16 TMX included, and a missing file is reported', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'babele-memory-files-'))
  try {
    mkdirSync(join(folder, 'memory'))
    copyFileSync(`${shared}corpora/tmx/lisa-tmx-compliance-kit-omegat/ImportTest2A.tmx`, join(folder, 'memory/lisa.tmx'))
    writeFileSync(join(folder, 'babele.config.json'), JSON.stringify({sourceLocale: 'en', targetLocales: ['fr'], fallbackLng: ['en'], memory: {files: ['extra/missing.tmx']}}))
    const read = readMemory(openWorkspace(join(folder, 'babele.config.json'), true))
    // ImportTest2A.tmx is UTF-16 LE: 7 units from en-us to fr-ca.
    t.is(read.value.get('fr')!.length, 7)
    t.deepEqual(
      read.messages.map((message) => [message.file, message.ruleId, message.severity]),
      [['extra/missing.tmx', 'memory-missing', 'error']]
    )
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})
