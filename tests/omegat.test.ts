import {spawnSync} from 'node:child_process'
import {checkTranslations, structuralRuleIds} from '../pipeline/qa/index.ts'
import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fromBundleValue, fromMarkdown, memoryTokens, toTmx, type TmxUnitInput} from '../pipeline/index.ts'
import {babele, copyProject} from './helpers/cli.ts'
import {testWith} from './helpers/tools.ts'

const fixtures = new URL('fixtures/omegat/', import.meta.url)

function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, {cwd, encoding: 'utf8', input: ''})
}

/** The reference translation as a TMX in OmegaT's tag form, for the seed's segments. */
function referenceTmx(source: string): string {
  const document = fromMarkdown(source, {path: 'putin-xi-alleanza.md'}).value
  const reference = JSON.parse(readFileSync(new URL('reference-en.json', fixtures), 'utf8')) as Array<{source: string; target: string}>
  const targets = new Map(reference.map((pair) => [pair.source, pair.target]))
  const units: TmxUnitInput[] = []
  for (const unit of document.units) {
    for (const part of unit.parts) {
      if (part.type !== 'segment') continue
      const target = targets.get(part.segment.value)
      if (target === undefined) throw new Error(`No reference translation for ${JSON.stringify(part.segment.value)}`)
      const read = {source: part.segment.tokens, target: fromBundleValue(target, part.segment)}
      const problems = checkTranslations([read], {rules: structuralRuleIds}).messages
      if (problems.length > 0) throw new Error(problems.map((problem) => problem.message).join('; '))
      const {tokens} = read.target
      units.push({
        variants: [
          {lang: 'it', tokens: memoryTokens(document.body, part.segment.tokens)},
          {lang: 'en', tokens: memoryTokens(document.body, tokens)}
        ]
      })
    }
  }
  return toTmx(units, {sourceLocale: 'it', tagStyle: 'omegat'})
}

testWith('omegat')('a real OmegaT translates babele\'s project from a TMX, and the import and build give the English article', (t) => {
  const folder = copyProject()
  try {
    const exported = babele(folder, 'export', '--for', 'omegat', '--locale', 'en', '--out', 'omegat-en')
    t.is(exported.status, 0, exported.stderr)
    const glossary = readFileSync(join(folder, 'omegat-en/glossary/babele-en.utf8'), 'utf8')
    for (const line of ['Cremlino\tKremlin\tpreferred', 'AUKUS\tAUKUS\tdo not translate', 'AKUS\tAUKUS\tpreferred; `AKUS` is a deprecated it variant; keep as written', 'Pechino\tBeijing\tpreferred; avoid: Peking']) {
      t.true(glossary.split('\n').includes(line), `the OmegaT glossary has ${JSON.stringify(line)}`)
    }
    const source = readFileSync(join(folder, 'omegat-en/source/putin-xi-alleanza.md.xlf'), 'utf8')
    t.true(source.includes('<mrk mtype="protected" comment="NATO">NATO</mrk>'), 'NATO is protected in English')
    t.true(source.includes('<mrk mtype="term" comment="AUKUS">AKUS</mrk>'), 'the misspelt AKUS is a term whose translation is AUKUS')
    const seed = readFileSync(join(folder, 'source/it/putin-xi-alleanza.md'), 'utf8')
    writeFileSync(join(folder, 'omegat-en/tm/auto/reference-en.tmx'), referenceTmx(seed))

    // Debian's OmegaT 3.6: options must come before the project path to run headless.
    const omegat = run('omegat', ['--mode=console-translate', `--config-dir=${join(folder, 'omegat-config')}`, '--disable-project-locking', '--no-team', join(folder, 'omegat-en')], folder)
    t.is(omegat.status, 0, omegat.stderr)
    const translated = readFileSync(join(folder, 'omegat-en/target/putin-xi-alleanza.md.xlf'), 'utf8')
    t.regex(translated, /The two presidents did in fact pledge/, 'OmegaT filled targets from the TMX')

    const imported = babele(folder, 'import', 'omegat-en/target', '--json')
    t.is(imported.status, 0, imported.stdout)
    const output = JSON.parse(imported.stdout)
    const report = output.reports[0]
    t.deepEqual(report.quarantined, [])
    // The reference translation keeps every locked term; where it rephrases a common noun, the glossary warns.
    t.deepEqual(output.messages.filter((message: {severity: string}) => message.severity === 'error'), [])
    t.log(output.messages.map((message: {ruleId: string; message: string}) => `${message.ruleId}: ${message.message}`).join('\n'))
    // 21 segments; the 3 of the English tweet come back identical (state new) and stay the source's.
    t.is(report.segments, 18)
    const written = JSON.parse(readFileSync(join(folder, 'reports/import-en.json'), 'utf8'))
    t.deepEqual(written.map((entry: {file: string; locale: string}) => [entry.file, entry.locale]), [['omegat-en/target/putin-xi-alleanza.md.xlf', 'en']])

    t.is(babele(folder, 'build').status, 0)
    const english = readFileSync(join(folder, 'dist/en/putin-xi-alleanza.md'), 'utf8')
    t.is(english, readFileSync(new URL('expected-en.md', fixtures), 'utf8'))
    t.true(english.includes('**The two presidents did in fact pledge each other mutual support on foreign policy.**'), 'bold intact')
    t.true(english.includes('[Vladimir Putin and his Chinese counterpart Xi Jinping met in Beijing](#)'), 'links intact')
    t.true(english.includes('pipeline boosting  \nenergy alliance'), 'the tweet\'s hard breaks intact')
    t.true(english.includes('— Sana Jamal (@Sana\\_Jamal) [February 4, 2022](#)'), 'the attribution intact')
    const italian = /\b(?:il|della|degli|che|sono|per|nel|questa|anche)\b/
    t.false(italian.test(english), 'no Italian prose left')
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})
