import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import test, {type ExecutionContext} from 'ava'
import {babele, bin, copyProject, root} from './helpers/cli.ts'
import {testWith, xliff21Schema, xmllint} from './helpers/tools.ts'

/** Modification times of every file of a project; `cache: false` leaves out the cache folder (babele's own state, no output). */
function snapshot(folder: string, options?: {cache?: boolean}): Map<string, number> {
  const times = new Map<string, number>()
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name)
      if (statSync(full).isDirectory()) {
        if (options?.cache !== false || full !== join(folder, '.babele')) walk(full)
      } else times.set(full, statSync(full).mtimeMs)
    }
  }
  walk(folder)
  return times
}

test('babele run writes bundles, XLIFF and localized files for every locale, and a second run changes nothing', (t) => {
  const folder = copyProject()
  try {
    const first = babele(folder, 'run')
    t.is(first.status, 0, first.stderr)
    for (const locale of ['en', 'es', 'fr', 'ca']) {
      t.is(readFileSync(join(folder, `dist/${locale}/putin-xi-alleanza.md`), 'utf8'), readFileSync(join(root, 'source/it/putin-xi-alleanza.md'), 'utf8'), `${locale} falls back to the source`)
      t.true(readFileSync(join(folder, `xliff/${locale}/putin-xi-alleanza.md.xlf`), 'utf8').includes(`trgLang="${locale}"`))
    }
    t.truthy(JSON.parse(readFileSync(join(folder, 'locales/it/putin-xi-alleanza.json'), 'utf8')))
    const before = snapshot(folder, {cache: false})
    const second = babele(folder, 'run', '--json')
    t.is(second.status, 0)
    t.deepEqual(JSON.parse(second.stdout).written, [])
    // The second run stores its run-cache entry (it changed nothing); no project file is touched.
    t.deepEqual(snapshot(folder, {cache: false}), before, 'no file touched')
    // The next are answered from that entry: the first may sign anew the files the stored run saw
    // change within a second before it (and write the entry again); then a hit touches no file at all.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1100)
    t.is(JSON.parse(babele(folder, 'run', '--json').stdout).cache.run, 'hit')
    const stored = snapshot(folder)
    const third = babele(folder, 'run', '--json')
    t.is(JSON.parse(third.stdout).cache.run, 'hit')
    t.deepEqual(snapshot(folder), stored, 'no file touched, the cache included')
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

testWith('xmllint')('babele run writes XLIFF 2.1 that validates against the schema with modules, term marks included', (t) => {
  const folder = copyProject()
  try {
    t.is(babele(folder, 'run').status, 0)
    t.is(xmllint(xliff21Schema, ['en', 'es', 'fr', 'ca'].map((locale) => join(folder, `xliff/${locale}/putin-xi-alleanza.md.xlf`))), '')
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

/**
 * Extract, then translate the English XLIFF as a CAT tool would: every
 * target a copy of its source, the first sentence in English, and one code
 * deleted from the unit that starts "Russia signed" (so import refuses it).
 * Codes only: the glossary is removed, since the Italian targets would break
 * its locks (tests/terms-cli.test.ts), and the `untranslated` rule is off,
 * since the targets are their sources (tests/import.test.ts tests that
 * rule at import). Returns: the XLIFF file's path.
 */
function translateEnglish(t: ExecutionContext, folder: string): string {
  rmSync(join(folder, 'glossary'), {recursive: true})
  const config = JSON.parse(readFileSync(join(folder, 'babele.config.json'), 'utf8'))
  writeFileSync(join(folder, 'babele.config.json'), JSON.stringify({...config, qa: {untranslated: 'off'}}, null, 2) + '\n')
  t.is(babele(folder, 'extract').status, 0)
  const file = join(folder, 'xliff/en/putin-xi-alleanza.md.xlf')
  let xliff = readFileSync(file, 'utf8').replace(/(<segment id="[^"]+") state="initial">\n(\s*)<source>(.*)<\/source>/g, '$1 state="translated">\n$2<source>$3</source>\n$2<target>$3</target>')
  xliff = xliff.replace('<target>Venerdì 4 febbraio', '<target>Friday 4 February')
  xliff = xliff.replace(/(<target>Russia signed[^]*?)<ph id="1"[^>]*\/>/, '$1')
  writeFileSync(file, xliff)
  return file
}

test('babele import takes a translated file, reports a broken unit and exits 1', (t) => {
  const folder = copyProject()
  try {
    const file = translateEnglish(t, folder)
    const result = babele(folder, 'import', '--json')
    t.is(result.status, 1)
    const output = JSON.parse(result.stdout)
    t.is(output.ok, false)
    // Reported where the deleted code is in the source.
    const line = readFileSync(file, 'utf8').split('\n').findIndex((text) => text.includes('<source>Russia signed')) + 1
    t.deepEqual(output.messages.map((message: {ruleId: string; file: string; place: {line: number}}) => [message.ruleId, message.file, message.place.line]), [['xliff-invalid', 'xliff/en/putin-xi-alleanza.md.xlf', line]])
    t.regex(output.messages[0].message, /`<ph>` with `canDelete="no"` is missing/)
    const report = JSON.parse(readFileSync(join(folder, 'reports/import-en.json'), 'utf8'))
    t.is(report[0].quarantined.length, 1)
    t.is(babele(folder, 'build').status, 0)
    t.true(readFileSync(join(folder, 'dist/en/putin-xi-alleanza.md'), 'utf8').includes('Friday 4 February, il presidente russo [Vladimir Putin'))
    const again = babele(folder, 'import', '--json')
    t.deepEqual(JSON.parse(again.stdout).written, [], 'importing again changes no store')
    t.is(babele(folder, 'extract').status, 0)
    const prefilled = readFileSync(file, 'utf8')
    t.regex(prefilled, /<segment id="[^"]+" state="translated">\n\s*<source>Venerdì 4 febbraio[^]*?<\/source>\n\s*<target>Friday 4 February, il presidente russo <pc id="1"/, 'known translations are pre-filled as targets')
    t.false(/<target>Russia signed/.test(prefilled), 'the quarantined unit is not')
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

testWith('xmllint')('XLIFF pre-filled with imported translations still validates against XLIFF 2.1 with modules', (t) => {
  const folder = copyProject()
  try {
    const file = translateEnglish(t, folder)
    t.is(babele(folder, 'import').status, 1)
    t.is(babele(folder, 'extract').status, 0)
    t.regex(readFileSync(file, 'utf8'), /<target>Friday 4 February/)
    t.is(xmllint(xliff21Schema, [file]), '')
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('babele build fails when a bundle value edited by hand breaks a code', (t) => {
  const folder = copyProject()
  try {
    t.is(babele(folder, 'extract').status, 0)
    const source = JSON.parse(readFileSync(join(folder, 'locales/it/putin-xi-alleanza.json'), 'utf8')) as Record<string, string>
    const [key] = Object.entries(source).find(([, value]) => value.startsWith('<1>I due presidenti'))!
    mkdirSync(join(folder, 'locales/en'), {recursive: true})
    writeFileSync(join(folder, 'locales/en/putin-xi-alleanza.json'), JSON.stringify({[key]: 'The two presidents <1>promised support.'}))
    const result = babele(folder, 'build')
    t.is(result.status, 1)
    t.regex(result.stderr, /code-misnested/)
    t.regex(result.stderr, /locales\/en\/putin-xi-alleanza\.json/)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('babele refuses a bad config with a message that names the field', (t) => {
  const folder = copyProject()
  try {
    writeFileSync(join(folder, 'babele.config.json'), JSON.stringify({targetLocales: ['en', 'not a locale']}))
    const result = babele(folder, 'build')
    t.is(result.status, 2)
    t.regex(result.stderr, /`targetLocales\.1`: expected a BCP 47 language tag/)
    writeFileSync(join(folder, 'babele.config.json'), JSON.stringify({fallbackLng: ['en']}))
    t.regex(babele(folder, 'build').stderr, /`fallbackLng`: the last fallback must be the source locale `it`/)
    t.is(babele(folder, 'build', '--config', 'missing.json').status, 2)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('two sources that would be the same document (a.md and a.markdown) are refused by every project command, naming both, and nothing is written', (t) => {
  const folder = copyProject()
  try {
    const text = readFileSync(join(root, 'source/it/putin-xi-alleanza.md'), 'utf8')
    writeFileSync(join(folder, 'source/it/putin-xi-alleanza.markdown'), text)
    const before = snapshot(folder, {cache: false})
    for (const command of ['run', 'extract', 'build', 'lint']) {
      const result = babele(folder, command)
      t.is(result.status, 2, command)
      t.regex(result.stderr, /babele \w+: 1 document id\(s\) given by more than one source file: `putin-xi-alleanza` \(source\/it\/putin-xi-alleanza\.markdown, source\/it\/putin-xi-alleanza\.md\)/, command)
    }
    const json = JSON.parse(babele(folder, 'extract', '--json').stdout) as {ok: boolean; messages: Array<{ruleId: string; file: string; message: string}>}
    t.false(json.ok)
    t.deepEqual(json.messages.map((message) => [message.ruleId, message.file]), [
      ['document-id-clash', 'source/it/putin-xi-alleanza.markdown'],
      ['document-id-clash', 'source/it/putin-xi-alleanza.md']
    ])
    t.is(json.messages[0]!.message, '`source/it/putin-xi-alleanza.markdown` and `source/it/putin-xi-alleanza.md` are the same document `putin-xi-alleanza` (its stores, XLIFF and built files): rename one')
    t.deepEqual(snapshot(folder, {cache: false}), before, 'no file written')
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('babele run with no config says to run babele init and exits 2, and --config FILE still works', (t) => {
  const folder = copyProject()
  try {
    renameSync(join(folder, 'babele.config.json'), join(folder, 'site.json'))
    for (const command of ['run', 'extract', 'build', 'lint', 'check']) {
      const result = babele(folder, command)
      t.is(result.status, 2, command)
      t.regex(result.stderr, /No babele\.config\.json in .*: run `babele init` to write one from the site's layout, or pass --config FILE/, command)
    }
    const json = babele(folder, 'run', '--json')
    t.is(json.status, 2)
    t.like(JSON.parse(json.stdout), {command: 'run', ok: false, messages: [{ruleId: 'usage', severity: 'error'}]})
    t.is(babele(folder, 'run', '--config', 'site.json').status, 0)
    t.true(existsSync(join(folder, 'dist/en/putin-xi-alleanza.md')))
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('babele has --help on every command', (t) => {
  for (const command of ['init', 'extract', 'import', 'build', 'run', 'segment']) {
    const result = babele(root, command, '--help')
    t.is(result.status, 0)
    t.regex(result.stdout, new RegExp(`Usage: babele ${command}`))
    t.regex(result.stdout, /--json/)
  }
})

test('babele segment prints sentences, or a JSON array with --json', (t) => {
  const input = 'Il Sig. Rossi è arrivato. Poi è partito per gli U.S.A. con 1.000,5 euro.'
  const json = spawnSync('node', [bin, 'segment', '--lang', 'it', '--json'], {encoding: 'utf8', input})
  t.is(json.status, 0)
  t.deepEqual(JSON.parse(json.stdout), ['Il Sig. Rossi è arrivato.', 'Poi è partito per gli U.S.A. con 1.000,5 euro.'])
  const text = spawnSync('node', [bin, 'segment', '--lang', 'it'], {encoding: 'utf8', input})
  t.is(text.stdout, 'Il Sig. Rossi è arrivato.\nPoi è partito per gli U.S.A. con 1.000,5 euro.\n')
})

test('babele import --allow-quarantine exits 0 with a quarantined unit, and an oversized file is not read', (t) => {
  const folder = copyProject()
  try {
    t.is(babele(folder, 'extract').status, 0)
    const file = join(folder, 'xliff/en/putin-xi-alleanza.md.xlf')
    const xliff = readFileSync(file, 'utf8').replace(/<unit id="[^"]+"/, '<unit id="u0000000000"')
    writeFileSync(file, xliff.replace(/(<segment id="[^"]+") state="initial">\n(\s*)<source>(.*)<\/source>/g, '$1 state="translated">\n$2<source>$3</source>\n$2<target>$3</target>'))
    t.is(babele(folder, 'import').status, 1)
    const relaxed = babele(folder, 'import', '--allow-quarantine', '--json')
    t.is(relaxed.status, 0)
    // The Italian targets also leave glossary terms untranslated (`term-*`, tests/terms-cli.test.ts) and are their sources (`untranslated`, tests/import.test.ts).
    const notTerms = JSON.parse(relaxed.stdout).messages.filter((message: {ruleId: string}) => !message.ruleId.startsWith('term-') && message.ruleId !== 'untranslated')
    t.deepEqual(notTerms.map((message: {ruleId: string; unitId: string}) => [message.ruleId, message.unitId]), [['unit-unknown', 'u0000000000']])
    writeFileSync(join(folder, 'babele.config.json'), JSON.stringify({...JSON.parse(readFileSync(join(root, 'babele.config.json'), 'utf8')), maxXliffBytes: 1000}))
    const big = babele(folder, 'import', 'xliff/en', '--json')
    t.is(big.status, 1)
    const [tooLarge, ...others] = JSON.parse(big.stdout).messages
    t.deepEqual(others, [])
    t.like(tooLarge, {ruleId: 'xliff-too-large', file: 'xliff/en/putin-xi-alleanza.md.xlf'})
    t.regex(tooLarge.message, /over the limit of 1000 .*; not read/)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})
