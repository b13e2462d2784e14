import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import test from 'ava'
import {fromMarkdown} from '../pipeline/index.ts'
import {babele, copyProject} from './helpers/cli.ts'

type Message = {ruleId: string; severity: string; file: string; unitId?: string; message: string; expected?: string[]; actual?: string[]}

const reference = JSON.parse(readFileSync(new URL('fixtures/omegat/reference-en.json', import.meta.url), 'utf8')) as Array<{source: string; target: string}>
const store = 'locales/en/putin-xi-alleanza.json'

/**
 * A copy of the shipped project whose source had `babele lint --fix` (AKUS →
 * AUKUS) and whose English store holds the reference translation.
 */
function translatedProject(): string {
  const folder = copyProject()
  babele(folder, 'lint', '--fix')
  const source = readFileSync(join(folder, 'source/it/putin-xi-alleanza.md'), 'utf8')
  const targets = new Map(reference.map((pair) => [pair.source.replace('AKUS', 'AUKUS'), pair.target]))
  const bundle: Record<string, string> = {}
  for (const unit of fromMarkdown(source, {path: 'putin-xi-alleanza.md'}).value.units) {
    for (const part of unit.parts) if (part.type === 'segment') bundle[part.segment.key] = targets.get(part.segment.value)!
  }
  mkdirSync(join(folder, 'locales/en'), {recursive: true})
  writeFileSync(join(folder, store), JSON.stringify(bundle, null, 2) + '\n')
  return folder
}

/** Error messages of a `--json` result as `[ruleId, term, file, unit?]`. */
function errors(stdout: string): Array<[string, string | undefined, string, boolean]> {
  return (JSON.parse(stdout).messages as Message[])
    .filter((message) => message.severity === 'error')
    .map((message) => [message.ruleId, /\(term `([^`]+)`/.exec(message.message)?.[1], message.file, message.unitId !== undefined])
}

test('import quarantines a target that translates AUKUS, drops NATO or leaves Cremlino in English, naming term and rule', (t) => {
  const folder = translatedProject()
  try {
    t.true(readFileSync(join(folder, 'source/it/putin-xi-alleanza.md'), 'utf8').includes("l'alleanza militare AUKUS"), 'lint --fix corrected AKUS')
    // The translator's file: babele's XLIFF with every target filled, three of them breaking a lock.
    t.is(babele(folder, 'extract').status, 0)
    const file = join(folder, 'xliff/en/putin-xi-alleanza.md.xlf')
    const xliff = readFileSync(file, 'utf8')
    const broken = xliff
      .replace('the AUKUS military alliance', 'the Anglo-American military alliance')
      .replace("NATO's expansionist ambitions", 'the expansionist ambitions of the Atlantic bloc')
      .replace('<target>Kremlin.</target>', '<target>Cremlino.</target>')
    t.is(broken.split('\n').filter((line, index) => line !== xliff.split('\n')[index]).length, 3)
    writeFileSync(file, broken)

    const result = babele(folder, 'import', '--json')
    t.is(result.status, 1)
    t.deepEqual(errors(result.stdout), [
      ['term-not-kept', 'NATO', 'xliff/en/putin-xi-alleanza.md.xlf', true],
      ['term-not-kept', 'AUKUS', 'xliff/en/putin-xi-alleanza.md.xlf', true],
      ['term-untranslated', 'Cremlino', 'xliff/en/putin-xi-alleanza.md.xlf', true]
    ])
    const report = JSON.parse(readFileSync(join(folder, 'reports/import-en.json'), 'utf8'))[0]
    t.is(report.quarantined.length, 2, 'the two units holding them')
    t.true(report.quarantined.every((entry: {diagnostics: Message[]}) => entry.diagnostics.every((message) => message.ruleId.startsWith('term-'))))
    const values = Object.values(JSON.parse(readFileSync(join(folder, store), 'utf8')) as Record<string, string>)
    t.false(values.some((value) => value.includes('Atlantic bloc') || value.includes('Anglo-American') || value === 'Cremlino.'), 'nothing breaking a lock lands')
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('a store value edited by hand to break a lock fails babele check and babele build; a clean store passes', (t) => {
  const folder = translatedProject()
  try {
    const clean = babele(folder, 'check', '--json')
    t.is(clean.status, 0, clean.stdout)
    const summary = JSON.parse(clean.stdout)
    t.true(summary.ok)
    const keys = Object.keys(JSON.parse(readFileSync(join(folder, store), 'utf8'))).length
    t.regex(summary.summary[0], new RegExp(`^check: 4 locale\\(s\\), ${keys} stored translation\\(s\\) checked against the glossary; 0 error\\(s\\), [1-9]\\d* warning\\(s\\)$`))
    t.is(babele(folder, 'check', '--strict').status, 1, '--strict fails on the warnings (a common noun rephrased)')
    t.is(babele(folder, 'build').status, 0)
    const built = readFileSync(join(folder, 'dist/en/putin-xi-alleanza.md'), 'utf8')
    t.true(built.includes('Kremlin.'))

    const bundle = JSON.parse(readFileSync(join(folder, store), 'utf8')) as Record<string, string>
    const key = Object.keys(bundle).find((one) => bundle[one] === 'Kremlin.')!
    bundle[key] = 'Cremlino.'
    writeFileSync(join(folder, store), JSON.stringify(bundle, null, 2) + '\n')

    const checked = babele(folder, 'check', '--json', '--locale', 'en')
    t.is(checked.status, 1)
    t.deepEqual(errors(checked.stdout), [['term-untranslated', 'Cremlino', store, true]])
    const message = (JSON.parse(checked.stdout).messages as Message[]).find((one) => one.ruleId === 'term-untranslated')!
    t.like(message, {source: 'qa', expected: ['Kremlin'], actual: ['Cremlino']})
    t.true(message.message.includes(key))

    const build = babele(folder, 'build', '--json')
    t.is(build.status, 1)
    t.deepEqual(errors(build.stdout), [
      ['term-untranslated', 'Cremlino', store, true],
      ['build-refused', undefined, 'dist/en/putin-xi-alleanza.md', false]
    ])
    t.is(readFileSync(join(folder, 'dist/en/putin-xi-alleanza.md'), 'utf8'), built, 'the English file is not rewritten with the broken lock')
    t.is(babele(folder, 'check', '--locale', 'xx').status, 2, 'an unknown locale is a usage error')
    t.is(babele(folder, 'check', '--bogus').status, 2, 'so is an unknown option')
    writeFileSync(join(folder, 'glossary/broken.tbx'), '<tbx')
    const unreadable = babele(folder, 'check', '--json')
    t.is(unreadable.status, 2, 'a gate never passes without its glossary')
    t.regex(JSON.parse(unreadable.stdout).messages[0].file, /^glossary\/broken\.tbx$/)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})
