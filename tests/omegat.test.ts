import {spawnSync} from 'node:child_process'
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import test from 'ava'
import {fromBundleValue, fromMarkdown, toTmx, type TmxEntry} from '../pipeline/index.ts'
import {requireTool} from './helpers/tools.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const fixtures = new URL('fixtures/omegat/', import.meta.url)

function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, {cwd, encoding: 'utf8', input: '', env: {...process.env, NO_COLOR: '1'}})
}

/** The reference translation as a TMX in OmegaT's tag form, for the seed's segments. */
function referenceTmx(source: string): string {
  const document = fromMarkdown(source, {path: 'putin-xi-alleanza.md'}).value
  const reference = JSON.parse(readFileSync(new URL('reference-en.json', fixtures), 'utf8')) as Array<{source: string; target: string}>
  const targets = new Map(reference.map((pair) => [pair.source, pair.target]))
  const entries: TmxEntry[] = []
  for (const unit of document.units) {
    for (const part of unit.parts) {
      if (part.type !== 'segment') continue
      const target = targets.get(part.segment.value)
      if (target === undefined) throw new Error(`No reference translation for ${JSON.stringify(part.segment.value)}`)
      const {tokens, problems} = fromBundleValue(target, part.segment)
      if (problems.length > 0) throw new Error(problems.map((problem) => problem.message).join('; '))
      entries.push({document, segment: part.segment, target: tokens})
    }
  }
  return toTmx(entries, {sourceLocale: 'it', targetLocale: 'en', tagStyle: 'omegat'})
}

test('a real OmegaT translates babele\'s project from a TMX, and the import and build give the English article', (t) => {
  if (!requireTool(t, 'omegat', 'the OmegaT round trip')) return
  const folder = mkdtempSync(join(tmpdir(), 'babele-omegat-'))
  try {
    cpSync(join(root, 'babele.config.json'), join(folder, 'babele.config.json'))
    cpSync(join(root, 'source'), join(folder, 'source'), {recursive: true})
    const exported = run('node', [join(root, 'bin/babele.js'), 'export', '--for', 'omegat', '--locale', 'en', '--out', 'omegat-en'], folder)
    t.is(exported.status, 0, exported.stderr)
    const seed = readFileSync(join(folder, 'source/it/putin-xi-alleanza.md'), 'utf8')
    writeFileSync(join(folder, 'omegat-en/tm/auto/reference-en.tmx'), referenceTmx(seed))

    // Debian's OmegaT 3.6: options must come before the project path to run headless.
    const omegat = run('omegat', ['--mode=console-translate', `--config-dir=${join(folder, 'omegat-config')}`, '--disable-project-locking', '--no-team', join(folder, 'omegat-en')], folder)
    t.is(omegat.status, 0, omegat.stderr)
    const translated = readFileSync(join(folder, 'omegat-en/target/putin-xi-alleanza.md.xlf'), 'utf8')
    t.regex(translated, /The two presidents did in fact pledge/, 'OmegaT filled targets from the TMX')

    const imported = run('node', [join(root, 'bin/babele.js'), 'import', 'omegat-en/target', '--json'], folder)
    t.is(imported.status, 0, imported.stdout)
    const report = JSON.parse(imported.stdout).reports[0]
    t.deepEqual(report.quarantined, [])
    t.true(report.segments >= 17, `${report.segments} segments imported`)
    const written = JSON.parse(readFileSync(join(folder, 'reports/import-en.json'), 'utf8'))
    t.deepEqual(written.map((entry: {file: string; locale: string}) => [entry.file, entry.locale]), [['omegat-en/target/putin-xi-alleanza.md.xlf', 'en']])

    t.is(run('node', [join(root, 'bin/babele.js'), 'build'], folder).status, 0)
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
