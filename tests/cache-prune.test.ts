/**
 * `babele cache prune` (`pipeline/cli/cache-prune.ts`): what no command uses
 * any more (entries of packed kinds their packs do not list, per-document
 * outputs their records do not list) is removed once old enough, with
 * temporary files an hour old and other code versions' folders; what a run
 * uses stays, so the next run is a hit, and pruning again removes nothing.
 * A cold run with workers lists every source's document and lint entries
 * in its packs (`Cache.noteUsed`), though the workers made them.
 */
import {existsSync as exists, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import test from 'ava'
import {packedKeys} from '../pipeline/cli/cache.ts'
import {babele, babeleJson as json, copyProject, projectOutputs, sampleProject} from './helpers/cli.ts'

/** The code version's folder of a project's cache. */
function versionRoot(folder: string): string {
  const cache = join(folder, '.babele/cache')
  const [version] = readdirSync(cache).filter((name) => name.startsWith('v'))
  return join(cache, version!)
}

/** Every entry file of a kind (under its fan-out folders). */
function entries(root: string, kind: string): string[] {
  const folder = join(root, kind)
  return readdirSync(folder).flatMap((prefix) => readdirSync(join(folder, prefix)).map((name) => join(folder, prefix, name)))
}

/** A file's text. */
function readText(path: string): string {
  return readFileSync(path, 'utf8')
}

/** A file's bytes. */
function readBytes(path: string): Buffer {
  return readFileSync(path)
}

/** Set a file's times `days` back. */
function age(path: string, days: number): void {
  const when = new Date(Date.now() - days * 24 * 3600 * 1000)
  utimesSync(path, when, when)
}

test('entries no run uses any more are removed once old enough, what the last run used stays, and the next run is a hit with the same outputs', (t) => {
  const folder = copyProject()
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const source = join(folder, 'source/it/putin-xi-alleanza.md')
  t.is(json(folder, 'run').status, 0)
  // Two edits: each leaves the document's earlier entries (document, lint, built files, analysis parts) unused.
  for (const edit of ['\nUna riga in più.\n', '\nE un\'altra.\n']) {
    writeFileSync(source, `${readText(source)}${edit}`)
    t.is(json(folder, 'run').status, 0)
  }
  const root = versionRoot(folder)
  const before = {document: entries(root, 'document').length, built: entries(root, 'build').length}
  t.is(before.document, 3, 'the document made three times')
  // Written just now: the default age keeps them.
  const fresh = json(folder, 'cache', 'prune')
  t.is(fresh.status, 0)
  t.deepEqual(fresh.result.prune.removed, {entries: 0, bytes: 0, temporary: 0, versions: 0})
  // Counted, not removed.
  const dry = json(folder, 'cache', 'prune', '--older-than', '0', '--dry-run')
  t.true(dry.result.prune.removed.entries >= 8, JSON.stringify(dry.result.prune))
  t.is(entries(root, 'document').length, 3)
  const told = babele(folder, 'cache', 'prune', '--older-than', '0', '--dry-run')
  t.regex(told.stdout + told.stderr, /would remove \d+ entries/)
  const outputs = projectOutputs(folder)
  const pruned = json(folder, 'cache', 'prune', '--older-than', '0')
  t.deepEqual(pruned.result.prune.removed, dry.result.prune.removed)
  t.deepEqual(pruned.result.prune.kept, dry.result.prune.kept)
  t.is(entries(root, 'document').length, 1)
  t.is(entries(root, 'build').length, before.built / 3)
  // Kinds replaced in place are kept whole; the run cache's entries (if any) are removed here, so the next run looks at every input.
  t.true(pruned.result.prune.whole.includes('analysis-combined'))
  rmSync(join(root, 'run'), {recursive: true, force: true})
  const next = json(folder, 'run').result
  t.deepEqual(next.written, [])
  t.deepEqual([next.cache.documents.misses, next.cache.lint.misses, next.cache.outputs.extract.misses, next.cache.outputs.build.misses, next.cache.outputs.analysis.misses], [0, 0, 0, 0, 0])
  t.deepEqual(projectOutputs(folder), outputs)
  t.is(json(folder, 'cache', 'prune', '--older-than', '0').result.prune.removed.entries, 0, 'pruning again removes nothing')
})

test('the age keeps what was written recently; temporary files go once an hour old, other versions\' folders always; a kind whose pack does not read back is kept whole', (t) => {
  const folder = copyProject()
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const source = join(folder, 'source/it/putin-xi-alleanza.md')
  t.is(json(folder, 'run').status, 0)
  writeFileSync(source, `${readText(source)}\nUna riga in più.\n`)
  t.is(json(folder, 'run').status, 0)
  const root = versionRoot(folder)
  const inUse = packedKeys(root, 'document')!
  const [old] = entries(root, 'document').filter((path) => !inUse.has(path.slice(path.lastIndexOf('/') + 1)))
  age(old!, 8)
  const oldBytes = statSync(old!).size
  const leftover = join(root, 'lint', 'ab', 'abcdef0123456789.1234.x1.tmp')
  const recent = join(root, 'lint', 'ab', 'abcdef0123456789.1234.x2.tmp')
  mkdirSync(join(root, 'lint', 'ab'), {recursive: true})
  writeFileSync(leftover, 'cut')
  writeFileSync(recent, 'being written')
  age(leftover, 1 / 12)
  const other = join(folder, '.babele/cache/v1-0.0.1-0123456789abcdef')
  mkdirSync(join(other, 'document', '00'), {recursive: true})
  writeFileSync(join(other, 'document', '00', '00aa'), 'x'.repeat(1000))
  // The lint pack cut short: which lint entries are in use is not known.
  const lintPack = join(root, 'lint.pack')
  writeFileSync(lintPack, readBytes(lintPack).subarray(0, 40))
  const lintBefore = entries(root, 'lint').length
  const result = json(folder, 'cache', 'prune').result.prune
  t.is(result.removed.entries, 1, 'the one unused document entry written over 7 days ago')
  t.is(result.removed.temporary, 1)
  t.is(result.removed.versions, 1)
  t.true(result.removed.bytes >= oldBytes + 1000)
  t.false(exists(old!))
  t.false(exists(leftover))
  t.true(exists(recent))
  t.false(exists(other))
  t.true(result.whole.includes('lint'))
  t.is(entries(root, 'lint').length, lintBefore - 1, 'only the leftover temporary file went')
  const bad = babele(folder, 'cache', 'prune', '--older-than', 'soon')
  t.is(bad.status, 2)
  t.regex(bad.stderr, /--older-than takes a number of days/)
})

test('a cold run with workers lists every source\'s document and lint entries in its packs, though the workers made them: none is taken for unused', (t) => {
  const pages = Array.from({length: 24}, (_, at): [string, string] => [`p${at}.md`, `# Pagina ${at}\n\nIl Cremlino e la NATO, parte ${at}.\n`])
  const folder = sampleProject(pages)
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const ran = json(folder, 'run', '--jobs', '2').result
  t.true(ran.threads >= 1, 'a worker extracted sources')
  const root = versionRoot(folder)
  t.is(packedKeys(root, 'lint')!.size, 25)
  t.is(packedKeys(root, 'document')!.size, 25)
  t.is(json(folder, 'cache', 'prune', '--older-than', '0', '--dry-run').result.prune.removed.entries, 0)
  const extracted = sampleProject(pages)
  t.teardown(() => rmSync(extracted, {recursive: true, force: true}))
  t.true(json(extracted, 'extract', '--jobs', '2').result.threads >= 1)
  t.is(packedKeys(versionRoot(extracted), 'lint')!.size, 25)
})
