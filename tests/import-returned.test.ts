/**
 * A translator's whole batch returned: `run` imports the XLIFF files a batch
 * at a time (about 8 MB of them), each file read when the import comes to
 * it, so it never holds every returned file at once. Batches change nothing
 * the import gives: the same files, padded past a batch, give the stores,
 * reports, messages and summary of the same files imported in one, babele's
 * own files among them known by what extract would write now. The memory
 * that comparison needs is read only when a file is not babele's by its
 * bytes.
 */
import {appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import {importCommand, load} from '../pipeline/cli/commands/pipeline.ts'
import {openWorkspace} from '../pipeline/cli/workspace.ts'
import {babeleJson as json, copyProject, projectOutputs, sampleProject} from './helpers/cli.ts'
import {itDocs} from './helpers/corpora.ts'
import {fillXliff} from './helpers/tools.ts'

/** Twenty pages of the Italian documentation sample, with the seed: 21 documents, 84 XLIFF files. */
const sample = [...itDocs()].filter(([path]) => !path.startsWith('dynamics365') && !path.startsWith('nuget')).slice(0, 20)

/** Every XLIFF file of a locale, by absolute path. */
function xliffOf(folder: string, locale: string): string[] {
  return readdirSync(join(folder, 'xliff', locale), {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.xlf'))
    .sort()
    .map((name) => join(folder, 'xliff', locale, name))
}

test('returned files import a batch at a time: padded past a batch, they give what the same files give in one', (t) => {
  const folder = sampleProject(sample)
  const padded = mkdtempSync(join(tmpdir(), 'babele-padded-'))
  try {
    t.is(json(folder, 'run').status, 0)
    // The translator returns the English and French files; the Spanish and Catalan ones stay babele's own.
    fillXliff('upper', [...xliffOf(folder, 'en'), ...xliffOf(folder, 'fr')])
    // Without the record of what extract wrote, babele's own files are known by what extract would write now,
    // made batch by batch for the batch's documents and locales.
    rmSync(join(folder, '.babele/cache/xliff-written.json'))
    cpSync(folder, padded, {recursive: true})
    // A comment of half a megabyte after each returned file's root element: no reader keeps it, no line or
    // column moves, and the 42 files (21 MB) fill three batches.
    for (const file of [...xliffOf(padded, 'en'), ...xliffOf(padded, 'fr')]) appendFileSync(file, `<!-- ${'padding '.repeat(65536)}-->\n`)
    const whole = json(folder, 'run')
    const batched = json(padded, 'run')
    t.regex(whole.result.summary[0], /^import: 42 file\(s\) \(42 unchanged since extract, skipped\), [1-9]\d* segment\(s\) read, [1-9]\d* store file\(s\) changed/)
    t.deepEqual(batched.result.cache.xliff, {hits: 0, misses: 84}, 'every file read')
    t.is(batched.status, whole.status)
    t.deepEqual(batched.result.summary, whole.result.summary)
    t.deepEqual(batched.result.messages, whole.result.messages)
    t.deepEqual(batched.result.reports, whole.result.reports)
    // Extract rewrote every returned file from the stores: the projects are the same, byte for byte.
    t.deepEqual(projectOutputs(padded), projectOutputs(folder))
  } finally {
    rmSync(folder, {recursive: true, force: true})
    rmSync(padded, {recursive: true, force: true})
  }
})

test('files that hold what extract wrote, read again (their signatures moved), make the import read no memory', async (t) => {
  const folder = copyProject()
  try {
    t.is(json(folder, 'run').status, 0)
    // A translation stored: the English memory is not empty.
    fillXliff('upper', [join(folder, 'xliff/en/putin-xi-alleanza.md.xlf')])
    json(folder, 'run')
    // Every XLIFF file written again with its own bytes: each is read, and found babele's by its digest.
    for (const locale of ['en', 'es', 'fr', 'ca']) for (const file of xliffOf(folder, locale)) writeFileSync(file, readFileSync(file))
    const workspace = openWorkspace(join(folder, 'babele.config.json'), true)
    const loaded = await load(workspace, {progress: false, jobs: 1})
    // The memory is made of the documents whose stores hold translations: count the documents read.
    let read = 0
    const get = loaded.documents.get.bind(loaded.documents)
    loaded.documents.get = (path: string) => {
      read++
      return get(path)
    }
    const result = await importCommand(workspace, {progress: false, jobs: 1, files: []}, loaded)
    t.regex(result.summary[0]!, /^import: 0 file\(s\) \(4 unchanged since extract, skipped\)/)
    t.deepEqual(result.cache?.xliff, {hits: 0, misses: 4}, 'every file read')
    t.is(read, 0, 'no document read for a memory no file needed')
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})
