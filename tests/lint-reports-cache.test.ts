/**
 * The report pages and `--json` of `babele run` through the cache, where each
 * document's lint findings come from its cache entry as printed bytes, with
 * the findings about a concept and the QA grouping beside them (parsed only
 * where a page lists them), are those of a run that computes them all, as findings,
 * documents, stores and coverage change from run to run: each run beside
 * one on a copy of the project whose cache holds no entry.
 */
import {appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import {babeleJson as json, copyProject, projectOutputs} from './helpers/cli.ts'

/** What a run printed with `--json` of the project's state: not what it wrote, nor what came from the cache. */
function printed(result: {status: number | null; result: any}): unknown {
  const {messages, coverage, locales, ok} = result.result
  return {status: result.status, messages, coverage, locales, ok}
}

test.serial('a run through the cache writes the pages and prints the findings of a run with an empty cache, as findings, documents, stores and coverage change', (t) => {
  const folder = copyProject()
  const page = join(folder, 'source/it/putin-xi-alleanza.md')
  const shipped = readFileSync(page, 'utf8')
  const added = join(folder, 'source/it/nuova.md')
  const store = join(folder, 'locales/en/nuova.json')
  const steps: Array<[string, () => void]> = [
    ['as shipped', () => {}],
    ['findings added to a document, one about a concept', () => appendFileSync(page, '\nUn collegamento [qui](#) e l\'alleanza AKUS.\n')],
    ['findings removed', () => writeFileSync(page, shipped.replace('AKUS', 'AUKUS'))],
    ['a document added, with findings and front matter that is not YAML', () => writeFileSync(added, '---\ntitle: [Nuova\n---\n# Nuova\n\nUn collegamento [là](#) sull\'alleanza AKUS.\n\nUn collegamento [là](#) sull\'alleanza AKUS.\n')],
    ['its findings changed', () => appendFileSync(added, '\nPerò un\'altra frase, piu\' lunga.\n')],
    ['its store unreadable', () => {
      mkdirSync(join(folder, 'locales/en'), {recursive: true})
      writeFileSync(store, '{"not": ')
    }],
    ['its store translating a unit', () => {
      const units = JSON.parse(readFileSync(join(folder, 'locales/it/nuova.json'), 'utf8')) as Record<string, string>
      const [unit] = Object.keys(units)
      writeFileSync(store, JSON.stringify({[unit!]: 'New'}, null, 2) + '\n')
    }],
    ['the document removed', () => {
      rmSync(added)
      rmSync(store)
    }],
    ['the shipped text back', () => writeFileSync(page, shipped)]
  ]
  for (const [step, change] of steps) {
    change()
    // The same project without the cache's entries (its records of the files babele read and wrote stay, so both import the same XLIFF), run alongside.
    const twin = mkdtempSync(join(tmpdir(), 'babele-twin-'))
    cpSync(folder, twin, {recursive: true})
    const cache = join(twin, '.babele/cache')
    if (existsSync(cache)) for (const entry of readdirSync(cache, {withFileTypes: true})) if (entry.isDirectory()) rmSync(join(cache, entry.name), {recursive: true})
    const cached = json(folder, 'run')
    const fresh = json(twin, 'run')
    const outputs = projectOutputs(folder)
    t.true(outputs.has('reports/qa.html') && outputs.has('reports/glossary.html'), step)
    t.deepEqual(printed(cached), printed(fresh), step)
    t.deepEqual(outputs, projectOutputs(twin), step)
    rmSync(twin, {recursive: true, force: true})
  }
  rmSync(folder, {recursive: true, force: true})
})
