import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import test from 'ava'
import {babele, bin, copyProject, root} from './helpers/cli.ts'
import {testWith} from './helpers/tools.ts'

/** Every file under some folders of a project, by path, with its content. */
function outputs(folder: string, names: readonly string[]): Map<string, string> {
  const files = new Map<string, string>()
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name)
      if (statSync(full).isDirectory()) walk(full)
      else files.set(relative(folder, full), readFileSync(full, 'utf8'))
    }
  }
  for (const name of names) walk(join(folder, name))
  return files
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0

testWith('apertium')('the README\'s first command drafts en, es, fr and ca with Apertium: the source\'s Markdown, the glossary\'s terms, no marks, no Italian but the words listed as unknown; the committed outputs are exactly what it writes', async (t) => {
  const folder = copyProject({mt: true})
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const first = babele(folder, 'run', '--json')
  t.is(first.status, 0, first.stderr)
  const result = JSON.parse(first.stdout)

  const source = readFileSync(join(root, 'source/it/putin-xi-alleanza.md'), 'utf8')
  const terms: Record<string, string[]> = {en: ['Kremlin', 'NATO', 'AUKUS', 'Beijing'], es: ['Kremlin', 'OTAN', 'AUKUS', 'Pekín'], fr: ['Kremlin', 'OTAN', 'AUKUS', 'Pékin'], ca: ['Kremlin', 'OTAN', 'AUKUS', 'Pequín']}
  for (const locale of ['en', 'es', 'fr', 'ca']) {
    const draft = readFileSync(join(folder, `dist/${locale}/putin-xi-alleanza.md`), 'utf8')
    t.not(draft, source)
    // The same Markdown: paragraphs, bold, links, the tweet's hard breaks, and no mark but the source's own `#` and `@`.
    for (const pattern of [/\n\n/g, /\*\*/g, /\]\(#\)/g, / {2}\n/g, /\*/g, /#/g, /@/g]) t.is(count(draft, pattern), count(source, pattern), `${locale}: ${pattern}`)
    for (const term of terms[locale]!) t.true(draft.includes(term), `${locale} has ${term}`)
    for (const word of ['Cremlino', 'Pechino', 'AKUS', 'alleanza', 'vertice', 'della', 'degli', 'anche', 'hanno', 'questa']) t.false(new RegExp(`\\b${word}\\b`).test(draft), `${locale} has no ${word}`)
    const unknown = result.unknown[locale].map((word: {word: string}) => word.word)
    for (const word of ['discapito', ...(locale === 'es' ? [] : ['boicottate'])]) {
      t.true(unknown.includes(word), `${locale} lists ${word}`)
      t.true(draft.includes(word), `${locale} keeps ${word}`)
    }
  }

  // The shipped project's outputs are what this command writes, byte for byte, and a second run writes
  // nothing. The report pages (reports/*.html) are views of the same stores, not committed (.gitignore).
  const folders = ['dist', 'xliff', 'locales', 'reports']
  const pages = (path: string) => /^reports\/.*\.html$/.test(path)
  const written = new Map([...outputs(folder, folders)].filter(([path]) => !pages(path)))
  const committed = new Map([...outputs(root, folders)].filter(([path]) => !pages(path)))
  t.deepEqual([...written.keys()].sort(), [...committed.keys()].sort())
  for (const [path, content] of written) t.is(content as string | null, committed.get(path) ?? null, path)
  const second = babele(folder, 'run', '--json')
  t.is(second.status, 0, second.stderr)
  t.deepEqual(JSON.parse(second.stdout).written, [])
})

test('without Apertium, babele run says which Debian packages to install and still builds every locale', (t) => {
  const folder = copyProject({mt: true})
  const path = mkdtempSync(join(tmpdir(), 'babele-path-'))
  t.teardown(() => {
    rmSync(folder, {recursive: true, force: true})
    rmSync(path, {recursive: true, force: true})
  })
  // A PATH with node and nothing else: no apertium.
  symlinkSync(process.execPath, join(path, 'node'))
  const result = spawnSync(process.execPath, [bin, 'run'], {cwd: folder, encoding: 'utf8', env: {...process.env, PATH: path, NO_COLOR: '1'}})
  t.is(result.status, 0, result.stderr)
  t.regex(
    result.stderr,
    /^ +warning +Apertium is not installed \(`apertium` not found\): install the Debian packages apertium apertium-cat-ita apertium-eng-cat apertium-fra-cat apertium-spa-ita \(scripts\/setup\.sh does\); en, es, fr, ca not machine-translated +mt-engine-missing +mt$/m
  )
  const source = readFileSync(join(root, 'source/it/putin-xi-alleanza.md'), 'utf8')
  for (const locale of ['en', 'es', 'fr', 'ca']) t.is(readFileSync(join(folder, `dist/${locale}/putin-xi-alleanza.md`), 'utf8'), source)
  // Asked for directly, a missing engine is an error.
  const asked = spawnSync(process.execPath, [bin, 'pretranslate', '--locale', 'es'], {cwd: folder, encoding: 'utf8', env: {...process.env, PATH: path, NO_COLOR: '1'}})
  t.is(asked.status, 1)
  t.regex(asked.stderr, /^ +error +Apertium is not installed .* es not machine-translated +mt-engine-missing +mt$/m)
})

test('babele pretranslate --engine memory translates nothing, and an unknown locale is a usage error', (t) => {
  const folder = copyProject({mt: true})
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const memory = babele(folder, 'pretranslate', '--engine', 'memory', '--json')
  t.is(memory.status, 0, memory.stderr)
  t.deepEqual(JSON.parse(memory.stdout).written, [])
  const unknown = babele(folder, 'pretranslate', '--locale', 'de')
  t.is(unknown.status, 2)
  t.regex(unknown.stderr, /--locale de: not a configured target locale/)
})
