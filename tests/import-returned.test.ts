/**
 * A translator's whole batch returned: `run` imports the XLIFF files a batch
 * at a time (about 8 MB of them), each file read when the import comes to
 * it, so it never holds every returned file at once. Batches change nothing
 * the import gives: the same files, padded past a batch, give the stores,
 * reports, messages and summary of the same files imported in one, babele's
 * own files among them known by what extract would write now. The memory
 * that comparison needs is read only when a file is not babele's by its
 * bytes. A file that can no longer be read when the import comes to it is
 * an error about that file, and the others still import.
 */
import {appendFileSync, closeSync, cpSync, ftruncateSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import {importCommand, load} from '../pipeline/cli/commands/pipeline.ts'
import {openWorkspace, readReturnedXliff} from '../pipeline/cli/workspace.ts'
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

test('a returned file that cannot be read when the import comes to it is an error about that file, and the others import', (t) => {
  const folder = copyProject()
  try {
    t.is(json(folder, 'extract').status, 0)
    fillXliff('upper', [join(folder, 'xliff/en/putin-xi-alleanza.md.xlf')])
    // A file over what one read can hold (3 GiB, sparse: it takes no disk), under a limit raised past it.
    const huge = openSync(join(folder, 'xliff/en/zz-huge.xlf'), 'w')
    ftruncateSync(huge, 3 * 1024 ** 3)
    closeSync(huge)
    const config = JSON.parse(readFileSync(join(folder, 'babele.config.json'), 'utf8'))
    writeFileSync(join(folder, 'babele.config.json'), JSON.stringify({...config, maxXliffBytes: 4 * 1024 ** 3}))
    const imported = json(folder, 'import')
    t.is(imported.status, 1)
    const unreadable = imported.result.messages.filter((message: {ruleId: string}) => message.ruleId === 'xliff-unreadable')
    t.is(unreadable.length, 1)
    t.like(unreadable[0], {file: 'xliff/en/zz-huge.xlf', source: 'import', severity: 'error'})
    t.regex(unreadable[0].message, /^File could not be read \(it is over 2 GiB, more than one read can hold, ERR_FS_FILE_TOO_LARGE\); not imported$/)
    // The returned file beside it imported: its upper-case targets are stored.
    t.regex(imported.result.summary[0], /^import: 1 file\(s\) \(3 unchanged since extract, skipped\), [1-9]\d* segment\(s\) read, [1-9]\d* store file\(s\) changed/)
    t.regex(readFileSync(join(folder, 'locales/en/putin-xi-alleanza.json'), 'utf8'), /PUTIN/)
    t.is(statSync(join(folder, 'xliff/en/zz-huge.xlf')).size, 3 * 1024 ** 3)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('a returned file removed after it was listed is named with the reason', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'babele-gone-'))
  try {
    t.deepEqual(readReturnedXliff('xliff/en/gone.xlf', folder), {
      message: {
        file: 'xliff/en/gone.xlf',
        ruleId: 'xliff-unreadable',
        source: 'import',
        severity: 'error',
        message: 'File could not be read (it is no longer there: removed or renamed after the files were listed, ENOENT); not imported',
        url: 'https://www.npmjs.com/package/babele#rule-xliff-unreadable'
      }
    })
    writeFileSync(join(folder, 'here.xlf'), '<xliff/>')
    t.deepEqual(readReturnedXliff('here.xlf', folder), {text: '<xliff/>'})
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})
