/**
 * Incremental runs: the cache of extracted sources (what it is keyed on,
 * when it hits and misses, seen through `--json`'s `cache` field, never
 * through timing), worker threads (`--jobs`) and CI shards (`--shard`).
 * Every test runs the CLI on a copy of the shipped project with 20 pages
 * of the Italian documentation sample added as sources, one at a time
 * (`test.serial`): each starts worker threads, and a dozen of them at once
 * on a small machine would finish none within ava's inactivity timeout.
 */
import {appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {execFileSync} from 'node:child_process'
import {tmpdir} from 'node:os'
import {deserialize} from 'node:v8'
import {join} from 'node:path'
import test from 'ava'
import {inShard, parseShard, analysisContextKey, analysisKey, buildContextKey, buildKey, digest, digestBytes, DigestPart, documentKey, documentKeys, extractContextKey, extractOutputsKey, lintKey} from '../pipeline/incremental/index.ts'
import {lintMarkdown} from '../pipeline/lint/index.ts'
import {fromMarkdown} from '../pipeline/units/index.ts'
import {fromTbx, parseConfig, type Analysis} from '../pipeline/index.ts'
import {babele, babeleJson as json, copyProject, root, projectOutputs, runPastCache, sampleProject, settle} from './helpers/cli.ts'
import {itDocs} from './helpers/corpora.ts'
import {fillXliff} from './helpers/tools.ts'
import {LazyDocuments} from '../pipeline/cli/lazy-documents.ts'
import {readWrittenXliff, saveWrittenXliff, type Workspace, type WrittenXliff} from '../pipeline/cli/workspace.ts'

/** Pages of the sample added to each project (with the seed, enough that extraction starts worker threads: 16 or more). */
const pages = 20

const sample = [...itDocs()].filter(([path]) => !path.startsWith('dynamics365') && !path.startsWith('nuget')).slice(0, pages)

/** The shipped project with the sample pages as sources under `source/it/sample/`. */
const project = (): string => sampleProject(sample)

const documents = sample.length + 1

/** A command's `cache` less `kept` (the outputs kept on disk, which depends on how long ago the files were written: `output-record.test.ts` pins it). */
function withoutKept({kept: _kept, ...cache}: Record<string, unknown>): Record<string, unknown> {
  return cache
}

/** An entry file's serialized entry: the whole file, or (stored with bytes after it, as lint entries are: `putWithBytes`) the entry its first 4 bytes give the length of. */
function entryBytes(file: Buffer): Buffer {
  try {
    deserialize(file)
    return file
  } catch {
    return file.subarray(4, 4 + file.readUInt32BE(0))
  }
}

/** The cache entries of a kind (`document`, `build`, …) in a project's cache, with their values. */
function cacheEntries(folder: string, kind: string): Array<{file: string; value: {document?: {path: string}; value?: unknown}}> {
  const found: Array<{file: string; value: {document?: {path: string}; value?: unknown}}> = []
  const cache = join(folder, '.babele/cache')
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (full.includes(`/${kind}/`)) {
        try {
          const bytes = entryBytes(readFileSync(full))
          // An entry whose value is text (a lint entry's head: `textEntry` in cache.ts) starts with `T`: its value is no object.
          found.push({file: full, value: bytes[0] === 0x54 ? {} : (deserialize(bytes) as {value: {document?: {path: string}}}).value})
        } catch {
          // Not an entry (a test wrote over it): it holds no value.
        }
      }
    }
  }
  for (const name of readdirSync(cache)) if (name.startsWith('v')) walk(join(cache, name))
  return found
}

test('parseShard reads i/n and refuses what is not a shard', (t) => {
  t.deepEqual(parseShard('2/3').value, {index: 2, count: 3})
  t.deepEqual(parseShard(' 1/1 ').value, {index: 1, count: 1})
  for (const text of ['0/2', '3/2', '1/0', '1', 'a/b', '1/2/3', '-1/2']) t.truthy(parseShard(text).problem, text)
})

test('shards are disjoint and together hold every document, whatever else is in the project', (t) => {
  const paths = Array.from({length: 500}, (_, index) => `section-${index % 7}/page-${index}.md`)
  for (const count of [1, 2, 3, 5]) {
    const owners = paths.map((path) => Array.from({length: count}, (_, index) => index + 1).filter((index) => inShard(path, {index, count})))
    t.true(owners.every((found) => found.length === 1), `${count} shards`)
    if (count > 1) t.true(Array.from({length: count}, (_, index) => owners.filter((found) => found[0] === index + 1).length).every((size) => size > 500 / count / 2), 'each shard gets a fair part')
  }
  // A path's shard depends on the path only (a digest of it): these are pinned, so a change of the rule, which would move every document of a CI matrix, is seen.
  const shardOf = (path: string, count: number) => Array.from({length: count}, (_, index) => index + 1).find((index) => inShard(path, {index, count}))
  t.deepEqual(['a.md', 'guide/intro.md', 'section-3/page-42.md'].map((path) => [shardOf(path, 2), shardOf(path, 3)]), [[1, 1], [1, 2], [1, 1]])
})

test('a digest depends on the value, not on the order its fields were written in', (t) => {
  t.is(digest({b: 1, a: [1, 'x', null]}), digest({a: [1, 'x', null], b: 1}))
  t.not(digest({a: [1, 2]}), digest({a: [2, 1]}))
  t.not(digest('1'), digest(1))
})

test('a value put in canonical form once digests as the value itself, so keys made for many documents at once are the keys made one at a time', (t) => {
  const config = parseConfig({targetLocales: ['en']}).value!
  t.is(digest(['build', 'k1', new DigestPart(config), 'en']), digest(['build', 'k1', config, 'en']))
  t.is(digest({b: new DigestPart({d: [1, 'x'], c: null}), a: 2}), digest({a: 2, b: {c: null, d: [1, 'x']}}))
  t.not(digest(new DigestPart({a: 1})), digest(new DigestPart({a: 2})))
  // Pinned: the keys babele made before the config was put in canonical form once; a change here is a cold cache for every project.
  t.is(documentKey(config, 'a.md', 'h1'), 'd38416af0c1fef8c095b563596f4a275cea0f53ae25d8a4eb73395a300316de8')
  // A built file's key (one digest of joined text, its context made once per locale), pinned the same way.
  t.is(buildKey('k1', '[[null,null]]', buildContextKey(config, 'en')), 'e87f38ea1a97d9f7f7f63787886c46ca9742a5f04eb562fccebec4a8d61dfb1f')
  const keys = documentKeys(config)
  t.is(keys('a.md', 'h1'), documentKey(config, 'a.md', 'h1'))
  t.is(keys('b.md', 'h2'), documentKey(config, 'b.md', 'h2'))
  t.not(documentKeys({...config, sourceLocale: 'fr'})('a.md', 'h1'), keys('a.md', 'h1'))
})

test('a document\'s and its lint\'s keys, their text written out at once, are the digests of their parts in canonical form, whatever the path holds', (t) => {
  const config = parseConfig({targetLocales: ['en'], frontmatterKeys: ['title'], codeFinder: ['\\{\\{[^}]*\\}\\}']}).value!
  const settings = {sourceLocale: config.sourceLocale, frontmatterKeys: config.frontmatterKeys, flavor: config.flavor, codeFinder: config.codeFinder}
  const keys = documentKeys(config)
  for (const path of ['a.md', 'guida/perché "sì".md', 'a\\b.md', 'tab\there.md', '\u2028.md', '🎉/\ud800.md']) {
    const key = keys(path, 'h1')
    t.is(key, digest(['document', path, 'h1', settings]), path)
    t.is(lintKey(key, undefined), digest(['lint', key, null]), path)
    t.is(lintKey(key, 'g1'), digest(['lint', key, 'g1']), path)
  }
})

test('a document key changes with the source, its path and each config field extraction reads, and with nothing else', (t) => {
  const config = parseConfig({targetLocales: ['en']}).value!
  const key = documentKey(config, 'a.md', 'h1')
  t.not(documentKey(config, 'b.md', 'h1'), key)
  t.not(documentKey(config, 'a.md', 'h2'), key)
  t.not(documentKey({...config, sourceLocale: 'fr'}, 'a.md', 'h1'), key)
  t.not(documentKey({...config, frontmatterKeys: ['title']}, 'a.md', 'h1'), key)
  t.not(documentKey({...config, flavor: ['vitepress']}, 'a.md', 'h1'), key)
  t.not(documentKey({...config, codeFinder: ['\\{\\{[^}]*\\}\\}']}, 'a.md', 'h1'), key)
  t.is(documentKey({...config, targetLocales: ['fr'], memory: {...config.memory, threshold: 90}, xliffVersion: '1.2'} as typeof config, 'a.md', 'h1'), key)
})

test('a document\'s analysis key changes with the document\'s key and with the shared part, and with nothing else', (t) => {
  const config = parseConfig({targetLocales: ['en', 'fr']}).value!
  const document = documentKey(config, 'a.md', 'h1')
  const context = analysisContextKey(config, 'en', [])
  const key = analysisKey(document, context)
  t.is(analysisKey(document, analysisContextKey(config, 'en', [])), key)
  t.not(analysisKey(documentKey(config, 'a.md', 'h2'), context), key)
  t.not(analysisKey(documentKey(config, 'b.md', 'h1'), context), key)
  t.not(analysisKey(document, analysisContextKey(config, 'fr', [])), key)
  t.not(analysisKey(document, analysisContextKey(config, 'en', [{source: 'Ciao', target: 'Hello'}])), key)
  t.not(analysisKey(document, analysisContextKey({...config, memory: {...config.memory, threshold: 90}}, 'en', [])), key)
  // The two keys are not run together: moving text from one to the other is another key.
  t.not(analysisKey(document + context.slice(0, 1), context.slice(1)), key)
  t.is(key.length, 64)
})

test('a document\'s extract outputs key changes with the document\'s key and with the shared part, and with nothing else', (t) => {
  const config = parseConfig({targetLocales: ['en', 'fr']}).value!
  const document = documentKey(config, 'a.md', 'h1')
  const context = extractContextKey(config, [], undefined)
  const key = extractOutputsKey(document, context)
  t.is(extractOutputsKey(document, extractContextKey(config, [], undefined)), key)
  t.not(extractOutputsKey(documentKey(config, 'a.md', 'h2'), context), key)
  t.not(extractOutputsKey(documentKey(config, 'b.md', 'h1'), context), key)
  t.not(extractOutputsKey(document, extractContextKey({...config, targetLocales: ['en']}, [], undefined)), key)
  t.not(extractOutputsKey(document, extractContextKey(config, [['en', [{source: 'Ciao', target: 'Hello'}]]], undefined)), key)
  t.not(extractOutputsKey(document, extractContextKey(config, [], digestBytes('glossary'))), key)
  // Not another kind's key for the same two keys, and the two keys are not run together: moving text from one to the other is another key.
  t.not(analysisKey(document, context), key)
  t.not(extractOutputsKey(document + context.slice(0, 1), context.slice(1)), key)
  t.is(key.length, 64)
})

test('a deferred document is read on first use, once; keys, has and size read none, and the order is the order added', (t) => {
  const documents = new LazyDocuments()
  const made = (path: string) => fromMarkdown('Una frase.\n', {path, language: 'it'}).value
  const reads: string[] = []
  documents.defer('b.md', () => (reads.push('b.md'), made('b.md')))
  documents.set('a.md', made('a.md'))
  documents.defer('c.md', () => (reads.push('c.md'), made('c.md')))
  t.deepEqual([...documents.keys()], ['b.md', 'a.md', 'c.md'])
  t.true(documents.has('c.md'))
  t.is(documents.size, 3)
  t.deepEqual(reads, [])
  t.is(documents.get('c.md')?.path, 'c.md')
  t.is(documents.get('c.md')?.path, 'c.md')
  t.deepEqual(reads, ['c.md'])
  t.deepEqual([...documents.values()].map((document) => document.path), ['b.md', 'a.md', 'c.md'])
  t.deepEqual(reads, ['c.md', 'b.md'])
  t.deepEqual([...new Map(documents)].map(([path, document]) => [path, document.path]), [['b.md', 'b.md'], ['a.md', 'a.md'], ['c.md', 'c.md']])
})

test('the lint finds the same on the document extraction already parsed as on the text alone', (t) => {
  const termbase = fromTbx(readFileSync(join(root, 'glossary/geopolitics.tbx'), 'utf8')).value!
  const files = [...itDocs()].filter((_, index) => index % 4 === 0)
  let findings = 0
  for (const [path, text] of files) {
    const options = {file: path, termbase, frontmatterKeys: ['title', 'description']}
    const alone = lintMarkdown(text, options).messages
    findings += alone.length
    t.deepEqual(lintMarkdown(text, {...options, parsed: fromMarkdown(text, {path, frontmatterKeys: ['title', 'description']}).value}).messages, alone, path)
  }
  t.true(findings > 0)
})

test.serial('a re-run with nothing changed reads every document and its lint from the cache, and writes nothing', (t) => {
  const folder = project()
  const first = json(folder, 'extract')
  t.deepEqual(withoutKept(first.result.cache), {documents: {hits: 0, misses: documents}, lint: {hits: 0, misses: documents}, outputs: {extract: {hits: 0, misses: documents}, build: {hits: 0, misses: 0}}, run: 'miss'})
  const second = json(folder, 'extract')
  t.deepEqual(withoutKept(second.result.cache), {documents: {hits: documents, misses: 0}, lint: {hits: documents, misses: 0}, outputs: {extract: {hits: documents, misses: 0}, build: {hits: 0, misses: 0}}, run: 'miss'})
  t.deepEqual(second.result.written, [])
  t.deepEqual(second.result.messages, first.result.messages, 'the lint findings come back from the cache')
  rmSync(folder, {recursive: true, force: true})
})

test.serial('a changed byte of one source extracts that source again, and only it', (t) => {
  const folder = project()
  json(folder, 'extract')
  const before = projectOutputs(folder)
  const [path] = sample[3]!
  const file = join(folder, 'source/it/sample', path)
  writeFileSync(file, readFileSync(file, 'utf8').replace(/\. /, '! '))
  const after = json(folder, 'extract')
  t.deepEqual(withoutKept(after.result.cache), {documents: {hits: documents - 1, misses: 1}, lint: {hits: documents - 1, misses: 1}, outputs: {extract: {hits: documents - 1, misses: 1}, build: {hits: 0, misses: 0}}, run: 'miss'})
  const changed = [...projectOutputs(folder)].filter(([name, text]) => before.get(name) !== text).map(([name]) => name)
  const id = path.replace(/\.md$/, '')
  t.deepEqual(changed.sort(), [`locales/it/sample/${id}.json`, ...['ca', 'en', 'es', 'fr'].map((locale) => `xliff/${locale}/sample/${id}.md.xlf`)], 'its source bundle and its XLIFF files, and nothing else')
  rmSync(folder, {recursive: true, force: true})
})

test.serial('a one-file edit reads no other document from the cache: an entry of another that cannot be read is never read, and stays as it is', (t) => {
  const folder = project()
  json(folder, 'run')
  // A sample page nobody translated (the seed's stored translations are memory: its document is read).
  const unread = cacheEntries(folder, 'document').find(({value}) => value.document?.path === `sample/${sample[1]![0]}`)!.file
  writeFileSync(unread, 'not an entry')
  appendFileSync(join(folder, 'source/it/sample', sample[5]![0]), '\nUna frase aggiunta alla fine.\n')
  const edited = json(folder, 'run')
  t.is(edited.status, 0)
  // Its lint entry holds its findings, messages and number of units: found, it counts as a hit.
  t.deepEqual(edited.result.cache.documents, {hits: documents - 1, misses: 1})
  t.is(readFileSync(unread, 'utf8'), 'not an entry', 'never read, so never written again')
  t.regex(edited.result.summary.find((line: string) => line.startsWith('extract:'))!, new RegExp(`^extract: ${documents} document\\(s\\), \\d+ unit\\(s\\)`))
  // Every output is what a run that reads every document from scratch writes.
  const written = projectOutputs(folder)
  t.is(json(folder, 'run', '--no-cache').status, 0)
  t.deepEqual(projectOutputs(folder), written)
  rmSync(folder, {recursive: true, force: true})
})

test.serial('after a one-file edit, run --json prints the lint findings its lint entries keep printed, byte for byte what it prints with every lint made again', (t) => {
  const cached = project()
  const fresh = project()
  for (const folder of [cached, fresh]) {
    t.is(json(folder, 'run').status, 0)
    appendFileSync(join(folder, 'source/it/sample', sample[2]![0]), '\nUna frase aggiunta alla fine.\n')
  }
  // Every lint entry gone: its file, and the pack of those the first run used on its main thread.
  for (const {file} of cacheEntries(fresh, 'lint')) rmSync(file)
  for (const version of readdirSync(join(fresh, '.babele/cache')).filter((name) => name.startsWith('v'))) {
    for (const pack of ['lint.pack', 'lint.pack-delta']) rmSync(join(fresh, '.babele/cache', version, pack), {force: true})
  }
  const printed = babele(cached, 'run', '--json')
  const expected = babele(fresh, 'run', '--json')
  t.is(printed.status, 0)
  const result = JSON.parse(printed.stdout)
  t.deepEqual(result.cache.lint, {hits: documents - 1, misses: 1}, 'every other document\'s findings from its lint entry')
  t.deepEqual(JSON.parse(expected.stdout).cache.lint, {hits: 0, misses: documents})
  const linted = new Set(result.messages.filter((message: {source: string}) => message.source === 'lint').map((message: {file: string}) => message.file))
  t.true(linted.size > 1, `findings in more than one document (${linted.size})`)
  t.is(printed.stdout, JSON.stringify(result, null, 2) + '\n')
  // Everything before the cache's counts (the messages among it), and after them and the threads, byte for byte.
  const [before, after] = [(text: string) => text.slice(0, text.indexOf('\n  "cache": ')), (text: string) => text.slice(text.indexOf('\n  "ok": '))]
  t.is(before(printed.stdout), before(expected.stdout))
  t.is(after(printed.stdout), after(expected.stdout))
  for (const folder of [cached, fresh]) rmSync(folder, {recursive: true, force: true})
})

test.serial('a config field extraction reads misses every document; one it does not read misses none', (t) => {
  const folder = project()
  json(folder, 'extract')
  const config = JSON.parse(readFileSync(join(folder, 'babele.config.json'), 'utf8'))
  writeFileSync(join(folder, 'babele.config.json'), JSON.stringify({...config, memory: {threshold: 90}}))
  t.deepEqual(json(folder, 'extract').result.cache.documents, {hits: documents, misses: 0})
  writeFileSync(join(folder, 'babele.config.json'), JSON.stringify({...config, frontmatterKeys: ['title']}))
  t.deepEqual(json(folder, 'extract').result.cache.documents, {hits: 0, misses: documents})
  rmSync(folder, {recursive: true, force: true})
})

test.serial('a glossary entry changes every lint entry, and no document', (t) => {
  const folder = project()
  const first = json(folder, 'extract')
  const tbx = join(folder, 'glossary/geopolitics.tbx')
  // `AKUS` stops being a deprecated variant: its findings go.
  writeFileSync(tbx, readFileSync(tbx, 'utf8').replace(/<term>AKUS<\/term>/, '<term>AKUSX</term>'))
  const second = json(folder, 'extract')
  // The glossary marks terms in every XLIFF: every document's outputs are made again too.
  t.deepEqual(withoutKept(second.result.cache), {documents: {hits: documents, misses: 0}, lint: {hits: 0, misses: documents}, outputs: {extract: {hits: 0, misses: documents}, build: {hits: 0, misses: 0}}, run: 'miss'})
  const akus = (result: any) => result.messages.filter((message: any) => message.ruleId === 'term-deprecated' && /AKUS/.test(message.message)).length
  t.is(akus(first.result), 1, 'the seed writes AKUS once')
  t.is(akus(second.result), 0)
  rmSync(folder, {recursive: true, force: true})
})

test.serial('a store value reaches the build while every document comes from the cache', (t) => {
  const folder = project()
  // No glossary: its locks would refuse a translation that keeps Italian words.
  rmSync(join(folder, 'glossary'), {recursive: true, force: true})
  json(folder, 'run')
  const bundle = join(folder, 'locales/en/putin-xi-alleanza.json')
  const source = JSON.parse(readFileSync(join(folder, 'locales/it/putin-xi-alleanza.json'), 'utf8')) as Record<string, string>
  const [key, value] = Object.entries(source).find(([, text]) => !text.includes('<'))!
  writeFileSync(bundle, JSON.stringify({[key]: value + ' ZZZ'}))
  const built = json(folder, 'build')
  t.deepEqual(built.result.cache.documents, {hits: documents, misses: 0})
  t.true(readFileSync(join(folder, 'dist/en/putin-xi-alleanza.md'), 'utf8').includes(value + ' ZZZ'))
  rmSync(folder, {recursive: true, force: true})
})

test.serial('an entry that cannot be read is a miss, and the run is the same', (t) => {
  const folder = project()
  json(folder, 'run')
  const before = projectOutputs(folder)
  const cache = join(folder, '.babele/cache')
  const entries: string[] = []
  const walk = (path: string) => {
    for (const name of readdirSync(path)) statSync(join(path, name)).isDirectory() ? walk(join(path, name)) : entries.push(join(path, name))
  }
  // The entries are in the folder of this babele's code version (beside it, the memo of that version).
  for (const name of readdirSync(cache)) if (name.startsWith('v')) walk(join(cache, name))
  t.is(entries.filter((entry) => /\/(?:document|lint)\//.test(entry)).length, 2 * documents, 'a document and a lint entry per source')
  // A document found in the cache is read when a stage asks for it: here its English build, whose entry cannot be read either.
  const built = readFileSync(join(folder, 'dist/en/putin-xi-alleanza.md'), 'utf8')
  const documentEntry = cacheEntries(folder, 'document').find(({value}) => value.document?.path === 'putin-xi-alleanza.md')!.file
  const buildEntry = cacheEntries(folder, 'build').find(({value}) => value.value === built)!.file
  writeFileSync(documentEntry, 'not an entry')
  writeFileSync(buildEntry, 'not an entry either')
  // The built file deleted: the run needs its entry (a file still holding its recorded bytes is kept, no entry read).
  rmSync(join(folder, 'dist/en/putin-xi-alleanza.md'))
  const again = json(folder, 'run')
  t.deepEqual(again.result.cache.documents, {hits: documents - 1, misses: 1})
  t.is(again.result.cache.outputs.build.misses, 1, 'the built file whose entry cannot be read is built again')
  t.is(cacheEntries(folder, 'document').find(({file}) => file === documentEntry)?.value.document?.path, 'putin-xi-alleanza.md', 'the document entry is written again')
  t.deepEqual(projectOutputs(folder), before)
  rmSync(cache, {recursive: true, force: true})
  t.deepEqual(json(folder, 'run').result.cache.documents, {hits: 0, misses: documents}, 'deleting the cache is safe')
  t.deepEqual(projectOutputs(folder), before)
  rmSync(folder, {recursive: true, force: true})
})

test.serial('run makes again only the XLIFF and built files of what changed: an edited source its own, a stored translation its document\'s builds and every XLIFF', (t) => {
  const folder = project()
  const locales = 4
  json(folder, 'run')
  const [path] = sample[5]!
  const id = `sample/${path.replace(/\.md$/, '')}`
  appendFileSync(join(folder, 'source/it', `${id}.md`), '\nUna frase aggiunta alla fine.\n')
  const edited = json(folder, 'run')
  t.is(edited.result.cache.run, 'miss')
  // Import compares each XLIFF file with what extract would write now (one lookup per document); no store changed, so extract writes what import made.
  // Each locale's analysis counts the edited document's part again, and takes the others' from the cache.
  t.deepEqual(edited.result.cache.outputs, {extract: {hits: documents - 1, misses: 1}, build: {hits: locales * (documents - 1), misses: locales}, analysis: {hits: locales * (documents - 1), misses: locales}})
  // The same run with another option (the config's own XLIFF version), which the run cache does not answer: every output is reused.
  const settled = json(folder, 'run', '--xliff-version', '2.1')
  t.is(settled.result.cache.run, 'miss')
  t.deepEqual(settled.result.cache.outputs, {extract: {hits: documents, misses: 0}, build: {hits: locales * documents, misses: 0}, analysis: {hits: locales * documents, misses: 0}})
  const before = projectOutputs(folder)
  const source = JSON.parse(readFileSync(join(folder, `locales/it/${id}.json`), 'utf8')) as Record<string, string>
  const [key, value] = Object.entries(source).find(([, text]) => !text.includes('<'))!
  writeFileSync(join(folder, `locales/es/${id}.json`), JSON.stringify({[key]: value.toUpperCase()}, null, 2) + '\n')
  const stored = json(folder, 'run')
  // A stored translation is memory for every document: every XLIFF is made again (once: import stores nothing, so extract writes what import's check made); only its own document's builds are.
  // Spanish memory changed: every document's part of the Spanish analysis is counted again; the other locales' memories did not.
  t.deepEqual(stored.result.cache.outputs, {extract: {hits: 0, misses: documents}, build: {hits: locales * (documents - 1), misses: locales}, analysis: {hits: (locales - 1) * documents, misses: documents}})
  const changed = [...projectOutputs(folder)].filter(([name, text]) => before.get(name) !== text).map(([name]) => name)
  // Its Spanish store, XLIFF (the translation pre-filled) and build, and its Catalan build (ca falls back to es).
  t.deepEqual(changed.filter((name) => name.includes(id)).sort(), [`dist/ca/${id}.md`, `dist/es/${id}.md`, `locales/es/${id}.json`, `xliff/es/${id}.md.xlf`])
  t.true(readFileSync(join(folder, `dist/es/${id}.md`), 'utf8').includes(value.toUpperCase()))
  // The analyses combined from cached parts are those made from scratch.
  const analyses = () => [...projectOutputs(folder)].filter(([name]) => name.startsWith('reports/analysis-'))
  const combined = analyses()
  t.is(combined.length, locales)
  const spanish = (JSON.parse(new Map(combined).get('reports/analysis-es.json')!) as Analysis).total.bands
  t.is(spanish.exact.segments, 1, 'the stored translation is an exact match')
  t.true(spanish.repetitions.segments > 0, 'repetitions are placed across the cached parts')
  t.is(json(folder, 'run', '--no-cache').status, 0)
  t.deepEqual(analyses(), combined)
  rmSync(folder, {recursive: true, force: true})
})

test.serial('after a translator returns a file, run makes every document\'s outputs and analysis parts on the threads: the files, messages and counts of one job', (t) => {
  const folder = project()
  t.is(json(folder, 'run', '--jobs', '2').status, 0)
  fillXliff('upper', [join(folder, 'xliff/en/putin-xi-alleanza.md.xlf')])
  const single = mkdtempSync(join(tmpdir(), 'babele-one-job-'))
  cpSync(folder, single, {recursive: true})
  const two = json(folder, 'run', '--jobs', '2')
  const one = json(single, 'run', '--jobs', '1')
  t.regex(two.result.summary[0], /^import: 1 file\(s\) .*, [1-9]\d* store file\(s\) changed/)
  // Every document is in the cache: load extracts none; the stored translations are memory for all of them, whose outputs a worker makes beside this thread.
  t.is(two.result.threads, 1)
  t.is(one.result.threads, 0)
  t.deepEqual(projectOutputs(folder), projectOutputs(single))
  t.deepEqual(two.result.messages, one.result.messages)
  t.deepEqual(two.result.summary, one.result.summary)
  // What came from the cache (the copy's files have other signatures: its sources and XLIFF files are known by reading them, as the record says).
  for (const part of ['documents', 'lint', 'outputs']) t.deepEqual(two.result.cache[part], one.result.cache[part], part)
  // The English memory changed: each document's English part is made once, with its XLIFF; the other locales' are kept. The returned document is built again in every locale (any may fall back to English).
  t.deepEqual(two.result.cache.outputs, {extract: {hits: 0, misses: documents}, build: {hits: 4 * (documents - 1), misses: 4}, analysis: {hits: 3 * documents, misses: documents}})
  for (const path of [folder, single]) rmSync(path, {recursive: true, force: true})
})

test.serial('a run that imports a returned XLIFF writes every XLIFF from the stores it changed, not the ones its import check made before', (t) => {
  const folder = project()
  json(folder, 'run')
  const file = join(folder, 'xliff/en/putin-xi-alleanza.md.xlf')
  const before = readFileSync(file, 'utf8')
  fillXliff('identity', [file])
  const imported = json(folder, 'run')
  // Identity targets leave the glossary's terms in Italian: the units holding one are quarantined, the other 4 segments stored.
  t.regex(imported.result.summary[0], /^import: 1 file\(s\) \(\d+ unchanged since extract, skipped\), 4 segment\(s\) read, 2 store file\(s\) changed, 6 unit\(s\) quarantined$/)
  // The check makes the returned file's document's XLIFF as the old stores make it (no entry: the cache keeps none of extract's outputs); the stored translations are memory, so extract makes every document's again.
  t.deepEqual(imported.result.cache.outputs.extract, {hits: 0, misses: documents})
  const written = readFileSync(file, 'utf8')
  t.not(written, before)
  // The XLIFF extract wrote holds the translator's targets, taken from the new English store.
  const store = JSON.parse(readFileSync(join(folder, 'locales/en/putin-xi-alleanza.json'), 'utf8')) as Record<string, string>
  t.is(Object.keys(store).length, 4)
  // The values without codes, as XLIFF escapes them (a value with codes holds them as <ph/>, <pc>).
  const plain = Object.values(store).filter((value) => !value.includes('<'))
  t.is(plain.length, 1)
  for (const value of plain) t.true(written.includes(`<target>${value.replaceAll('&', '&amp;').replaceAll('>', '&gt;')}</target>`), value)
  // Nothing is left to import or write but the import report, which now lists no file (the XLIFF is babele's own again).
  const again = json(folder, 'run', '--xliff-version', '2.1')
  t.deepEqual(again.result.written, ['reports/import-en.json'])
  rmSync(folder, {recursive: true, force: true})
})

test.serial('after a source edit, run does not import the XLIFF babele wrote before it (no unit-unknown), but still imports and checks a translator\'s stale file', (t) => {
  const folder = copyProject()
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const source = join(folder, 'source/it/putin-xi-alleanza.md')
  t.is(json(folder, 'run').status, 0)
  const record = JSON.parse(readFileSync(join(folder, '.babele/cache/xliff-written.json'), 'utf8')) as {files: Record<string, string>}
  t.deepEqual(Object.keys(record.files), ['xliff/ca/putin-xi-alleanza.md.xlf', 'xliff/en/putin-xi-alleanza.md.xlf', 'xliff/es/putin-xi-alleanza.md.xlf', 'xliff/fr/putin-xi-alleanza.md.xlf'])
  t.is(record.files['xliff/en/putin-xi-alleanza.md.xlf'], digestBytes(readFileSync(join(folder, 'xliff/en/putin-xi-alleanza.md.xlf'))))
  // The last paragraph gets a sentence: its unit id changes, so the XLIFF babele wrote has a unit the source no longer has.
  appendFileSync(source, 'Una frase aggiunta.\n')
  const edited = json(folder, 'run')
  t.is(edited.status, 0)
  t.is(edited.result.summary[0], 'import: 0 file(s) (4 unchanged since extract, skipped), 0 segment(s) read, 0 store file(s) changed, 0 unit(s) quarantined')
  t.deepEqual(edited.result.messages.filter((message: {ruleId: string}) => message.ruleId === 'unit-unknown'), [])
  // A translator returns the English file of before the next edit: it is read, and its unit the source no longer has is quarantined.
  const english = join(folder, 'xliff/en/putin-xi-alleanza.md.xlf')
  fillXliff('identity', [english])
  appendFileSync(source, 'Ancora una frase.\n')
  const returned = json(folder, 'run')
  t.is(returned.status, 1)
  t.regex(returned.result.summary[0], /^import: 1 file\(s\) \(3 unchanged since extract, skipped\), \d+ segment\(s\) read/)
  t.deepEqual(returned.result.messages.filter((message: {ruleId: string}) => message.ruleId === 'unit-unknown').map((message: {file: string}) => message.file), ['xliff/en/putin-xi-alleanza.md.xlf'])
})

test.serial('import knows babele\'s own XLIFF by the signature it recorded once the file settled, and reads a file a translator changed, even with its size and modification time kept', async (t) => {
  const folder = copyProject()
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  // The shipped stores: the XLIFF files hold their translations as targets.
  cpSync(join(root, 'locales'), join(folder, 'locales'), {recursive: true})
  t.is(json(folder, 'run').status, 0)
  const recordFile = join(folder, '.babele/cache/xliff-written.json')
  const record = () => JSON.parse(readFileSync(recordFile, 'utf8')) as {files: Record<string, string>; signatures: Record<string, number[]>}
  // Files written this instant are not signed: a change within the file system's clock tick could keep their signature.
  t.deepEqual(record().signatures, {})
  await new Promise((resolve) => setTimeout(resolve, 1100))
  const first = json(folder, 'import')
  t.is(first.result.summary[0], 'import: 0 file(s) (4 unchanged since extract, skipped), 0 segment(s) read, 0 store file(s) changed, 0 unit(s) quarantined')
  t.deepEqual(first.result.cache.xliff, {hits: 0, misses: 4})
  t.deepEqual(Object.keys(record().signatures), Object.keys(record().files))
  const second = json(folder, 'import')
  t.is(second.result.summary[0], first.result.summary[0])
  t.deepEqual(second.result.cache.xliff, {hits: 4, misses: 0}, 'no file is read')
  // A translator changes a letter of a target: same size, and the modification time set back to the nanosecond.
  const english = join(folder, 'xliff/en/putin-xi-alleanza.md.xlf')
  const before = statSync(english, {bigint: true})
  const text = readFileSync(english, 'utf8')
  const at = text.indexOf('<target>') + '<target>'.length
  writeFileSync(english, text.slice(0, at) + text[at]!.toLowerCase() + text.slice(at + 1))
  const seconds = before.mtimeNs / 1_000_000_000n
  const nanoseconds = String(before.mtimeNs % 1_000_000_000n).padStart(9, '0')
  execFileSync('touch', ['-m', '-d', `@${seconds}.${nanoseconds}`, english])
  const after = statSync(english, {bigint: true})
  t.is(after.size, before.size)
  t.is(after.mtimeNs, before.mtimeNs)
  const changed = json(folder, 'import')
  t.deepEqual(changed.result.cache.xliff, {hits: 3, misses: 1})
  t.regex(changed.result.summary[0], /^import: 1 file\(s\) \(3 unchanged since extract, skipped\), \d+ segment\(s\) read, 1 store file\(s\) changed/)
})

test.serial('run records the signatures its import took in the record its extract writes: the next run knows every XLIFF file by its signature, even when extract wrote none', async (t) => {
  const folder = copyProject()
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  t.is(json(folder, 'run').status, 0)
  await settle()
  // Import reads the four files, finds extract's bytes and signs them; extract writes nothing, so only import changed the record.
  const first = runPastCache(folder)
  t.deepEqual(first.cache.xliff, {hits: 0, misses: 4})
  const record = JSON.parse(readFileSync(join(folder, '.babele/cache/xliff-written.json'), 'utf8')) as {files: Record<string, string>; signatures: Record<string, number[]>}
  t.deepEqual(Object.keys(record.signatures), Object.keys(record.files))
  t.deepEqual(runPastCache(folder).cache.xliff, {hits: 4, misses: 0}, 'no file is read')
  // A source edit: extract writes the four files again, and their signatures go.
  appendFileSync(join(folder, 'source/it/putin-xi-alleanza.md'), 'Una frase aggiunta.\n')
  t.deepEqual(runPastCache(folder).cache.xliff, {hits: 4, misses: 0})
  t.deepEqual(runPastCache(folder).cache.xliff, {hits: 0, misses: 4})
})

test.serial('outputs are byte-identical with --jobs 1 and --jobs 2, with or without the cache', (t) => {
  const one = project()
  const two = project()
  const single = json(one, 'run', '--jobs', '1', '--no-cache')
  t.is(single.status, 0)
  t.is(single.result.threads, 0, 'one job: extraction on the main thread')
  const double = json(two, 'run', '--jobs', '2')
  t.is(double.status, 0)
  t.is(double.result.threads, 1, 'two jobs: a worker thread extracted beside the main thread')
  const written = projectOutputs(one)
  t.true(written.size > 4 * documents)
  t.deepEqual(projectOutputs(two), written)
  t.false(readdirSync(one).includes('.babele'), '--no-cache writes no cache')
  for (const folder of [one, two]) rmSync(folder, {recursive: true, force: true})
})

test.serial('extract on its own streams through the workers and writes what run writes, with every locale\'s memory from the stores', (t) => {
  // The shipped stores hold the seed's translations in four locales; a copy of the seed matches them exactly.
  const folders = [project(), project()]
  for (const folder of folders) {
    cpSync(join(root, 'locales'), join(folder, 'locales'), {recursive: true})
    cpSync(join(folder, 'source/it/putin-xi-alleanza.md'), join(folder, 'source/it/sample/copy.md'))
  }
  const [streamed, whole] = folders as [string, string]
  const alone = json(streamed, 'extract', '--jobs', '2')
  t.is(alone.status, 0)
  t.is(alone.result.threads, 1)
  const ran = json(whole, 'run', '--jobs', '2')
  t.is(ran.status, 0)
  const extracted = (folder: string) => new Map([...projectOutputs(folder)].filter(([name]) => name.startsWith('xliff/') || name.startsWith('locales/')))
  const files = extracted(streamed)
  t.deepEqual(files, extracted(whole))
  t.is(files.size, 4 * (documents + 1) + (documents + 1) + 4 * 2 * documents + 4 * 2, 'an XLIFF per locale and a source bundle for each document, an empty bundle and state per locale for each new one, and the shipped stores')
  for (const locale of ['en', 'es', 'fr', 'ca']) {
    // Its segments are pre-filled from the seed's stored translations (and those are listed as matches too).
    const targets = (name: string) => files.get(`xliff/${locale}/${name}.xlf`)!.match(/<target>/g)?.length ?? 0
    t.true(targets('putin-xi-alleanza.md') > 0, locale)
    t.is(targets('sample/copy.md'), 2 * targets('putin-xi-alleanza.md'), `${locale}: each of the copy's segments the seed translates is pre-filled, and the match listed`)
  }
  t.is(alone.result.summary[0], ran.result.summary.find((line: string) => line.startsWith('extract:')))
  const again = json(streamed, 'extract', '--jobs', '1', '--no-cache')
  t.is(again.result.threads, 0)
  t.deepEqual(again.result.messages, alone.result.messages, 'the same messages in the same order, on one thread or two')
  t.deepEqual(again.result.written, [], 'one thread without the cache makes every file byte for byte as two threads did')
  for (const folder of folders) rmSync(folder, {recursive: true, force: true})
})

test.serial('extract answers a source unchanged since it was read, whose outputs are kept on disk, from its lint entry on no thread: after a one-file edit only that source is extracted, with the outputs and messages of a --no-cache extract', async (t) => {
  const folder = project()
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  t.is(runPastCache(folder, 'extract', '--jobs', '2').threads, 1)
  await settle()
  // The outputs were written less than a second before the first extract ended (and the sources, copied, may have been before it started): this one reads and hashes them, finds them unchanged and signs them.
  const signing = runPastCache(folder, 'extract', '--jobs', '2')
  t.deepEqual(signing.cache.kept, {extract: documents, build: 0})
  t.deepEqual(signing.written, [])
  const kept = runPastCache(folder, 'extract', '--jobs', '2')
  t.is(kept.threads, 0, 'every source answered here: no worker started')
  t.deepEqual(kept.cache.kept, {extract: documents, build: 0})
  t.deepEqual(kept.written, [])
  appendFileSync(join(folder, 'source/it/putin-xi-alleanza.md'), '\nUna frase aggiunta.\n')
  const edited = runPastCache(folder, 'extract', '--jobs', '2')
  t.is(edited.threads, 0, 'one source to extract: on this thread')
  const others = {hits: documents - 1, misses: 1}
  t.deepEqual(withoutKept(edited.cache), {documents: others, lint: others, outputs: {extract: others, build: {hits: 0, misses: 0}}, run: 'miss'})
  t.deepEqual(edited.cache.kept, {extract: documents - 1, build: 0})
  t.true(edited.written.some((file: string) => file.startsWith('xliff/en/putin-xi-alleanza')), 'the edited source\'s outputs are written')
  const fresh = runPastCache(folder, 'extract', '--jobs', '1', '--no-cache')
  t.deepEqual(fresh.written, [], 'a --no-cache extract makes every file as it is')
  t.deepEqual(fresh.messages, edited.messages, 'the same messages in the same order')
})

test.serial('the union of --shard 1/2 and --shard 2/2 equals the unsharded run, and an unsharded run after them writes the project-wide reports', (t) => {
  const whole = project()
  const split = project()
  json(whole, 'run')
  const expected = projectOutputs(whole)
  const shards = ['1/2', '2/2'].map((shard) => json(split, 'run', '--shard', shard).result)
  const counts = shards.map((result) => Number(/extract: (\d+) document/.exec(result.summary.join('\n'))![1]))
  t.is(counts[0]! + counts[1]!, documents, 'each document in one shard')
  t.true(counts.every((count) => count > 0))
  const sharded = projectOutputs(split)
  t.deepEqual([...sharded.keys()].filter((name) => name.startsWith('reports/') && name.endsWith('.html')), [], 'shards write no project-wide report')
  for (const [name, text] of sharded) if (!name.startsWith('reports/')) t.is(text, expected.get(name) ?? '(not written unsharded)', name)
  t.deepEqual([...sharded.keys()].filter((name) => !name.startsWith('reports/')), [...expected.keys()].filter((name) => !name.startsWith('reports/')))
  // The merge job: an unsharded run on the shards' files and cache extracts nothing again and writes the reports.
  const merged = json(split, 'run')
  t.deepEqual(merged.result.cache.documents, {hits: documents, misses: 0})
  t.deepEqual(projectOutputs(split), expected)
  for (const folder of [whole, split]) rmSync(folder, {recursive: true, force: true})
})

test.serial('--jobs and --shard are checked: a bad value is a usage error', (t) => {
  const folder = copyProject()
  for (const args of [['--jobs', '0'], ['--jobs', 'two'], ['--shard', '3/2'], ['--shard', 'half']]) {
    const result = babele(folder, 'extract', ...args)
    t.is(result.status, 2, args.join(' '))
    t.true(result.stderr.includes(args[0]!), result.stderr)
  }
  rmSync(folder, {recursive: true, force: true})
})


test('the record of the XLIFF files extract wrote reads back as it was saved, its files in order whatever order they were recorded in, and a signature that is not one left out', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'babele-xliff-record-'))
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const workspace = {root: folder, config: {cache: '.babele/cache', xliff: 'xliff'}} as unknown as Workspace
  const signature = (seed: number) => Float64Array.from([1, seed, 2049, 1000 + seed, 1.7e12 + seed / 3, 1.7e12 + seed / 7])
  const record = new Map<string, WrittenXliff>([
    ['xliff/en/c.md.xlf', {digest: digestBytes('c'), signature: signature(3)}],
    ['xliff/en/a.md.xlf', {digest: digestBytes('a')}],
    ['xliff/en/b.md.xlf', {digest: digestBytes('b'), signature: signature(2)}],
    ['xliff/en/d.md.xlf', {digest: digestBytes('d'), signature: signature(4)}]
  ])
  saveWrittenXliff(workspace, record)
  const file = join(folder, '.babele/cache/xliff-written.json')
  const saved = JSON.parse(readFileSync(file, 'utf8')) as {files: Record<string, string>; signatures: Record<string, number[]>}
  t.deepEqual(Object.keys(saved.files), ['xliff/en/a.md.xlf', 'xliff/en/b.md.xlf', 'xliff/en/c.md.xlf', 'xliff/en/d.md.xlf'])
  t.deepEqual(Object.keys(saved.signatures), ['xliff/en/b.md.xlf', 'xliff/en/c.md.xlf', 'xliff/en/d.md.xlf'])
  const plain = (read: ReadonlyMap<string, WrittenXliff>) => [...read].map(([path, known]) => [path, known.digest, known.signature && [...known.signature]])
  t.deepEqual(plain(readWrittenXliff(workspace)), plain(new Map([...record].sort(([a], [b]) => (a < b ? -1 : 1)))))
  // A signature of the wrong length or with a number JSON cannot hold: the file is recorded without one (import reads it).
  saved.signatures['xliff/en/c.md.xlf'] = [1, 2, 3]
  saved.signatures['xliff/en/d.md.xlf'] = [1, 2, 3, 4, 5, 'six'] as unknown as number[]
  writeFileSync(file, JSON.stringify(saved))
  const read = readWrittenXliff(workspace)
  t.deepEqual(plain(read), [
    ['xliff/en/a.md.xlf', digestBytes('a'), undefined],
    ['xliff/en/b.md.xlf', digestBytes('b'), [...signature(2)]],
    ['xliff/en/c.md.xlf', digestBytes('c'), undefined],
    ['xliff/en/d.md.xlf', digestBytes('d'), undefined]
  ])
})
