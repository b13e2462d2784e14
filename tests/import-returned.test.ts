/**
 * A translator's whole batch returned: `run` imports the XLIFF files a batch
 * at a time (about 8 MB of them), each file read when the import comes to
 * it, so it never holds every returned file at once. Batches change nothing
 * the import gives: the same files, padded past a batch, give the stores,
 * reports, messages and summary of the same files imported in one, babele's
 * own files among them known by what extract would write now.
 */
import {appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import {babeleJson as json, projectOutputs, sampleProject} from './helpers/cli.ts'
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
