/**
 * How eagerly V8 optimizes (`pipeline/cli/tiering.ts`): a command starts
 * optimizing only code that runs long (`run`, `extract`, `build`: with
 * TurboFan off), and goes back to V8's default once it finds many sources
 * to extract (a cold run), many documents' outputs or cache entries to make
 * again, or many XLIFF files to import; a one-file edit stays as it
 * started. V8's flags change when code is optimized, never what it
 * computes.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import {openCache} from '../pipeline/cli/cache.ts'
import {importCommand} from '../pipeline/cli/commands/pipeline.ts'
import {extractSources} from '../pipeline/cli/extract-sources.ts'
import {openOutputRecord} from '../pipeline/cli/output-record.ts'
import type {SourceText} from '../pipeline/cli/source-record.ts'
import {defaultTicks, lightTicks, manyDocuments, tieringOptimizes, tieringTicks, tuneTiering} from '../pipeline/cli/tiering.ts'
import {openWorkspace, type Workspace} from '../pipeline/cli/workspace.ts'
import {digestBytes} from '../pipeline/incremental/index.ts'
import {outputKinds, reused} from '../pipeline/project/index.ts'

/** A project of `count` sources, and each one's text by document path. */
function project(count: number): {folder: string; texts: Map<string, string>} {
  const folder = mkdtempSync(join(tmpdir(), 'babele-tiering-'))
  writeFileSync(join(folder, 'babele.config.json'), JSON.stringify({targetLocales: ['en']}))
  mkdirSync(join(folder, 'source', 'it'), {recursive: true})
  const texts = new Map<string, string>()
  for (let index = 0; index < count; index++) {
    const text = `# Articolo ${index}\n\nLa frase numero ${index}. Un'altra frase.\n`
    writeFileSync(join(folder, 'source', 'it', `a-${index}.md`), text)
    texts.set(`a-${index}.md`, text)
  }
  return {folder, texts}
}

function sources(texts: ReadonlyMap<string, string>): Map<string, SourceText> {
  return new Map([...texts].map(([path, text]) => [path, {digest: digestBytes(text), text: () => text}]))
}

test.serial('a command goes back to V8\'s default optimizing when it extracts many sources, and a one-file edit stays as it started', async (t) => {
  const {folder, texts} = project(20)
  const workspace = openWorkspace(join(folder, 'babele.config.json'), true)
  tuneTiering({baselineOnly: true})
  t.is(tieringTicks(), lightTicks)
  t.false(tieringOptimizes())
  const cold = await extractSources(workspace, sources(texts), undefined, {jobs: 1})
  t.is(cold.cache.documents.misses, 20)
  t.is(tieringTicks(), defaultTicks, 'every source extracted: the default')
  t.true(tieringOptimizes(), 'every source extracted: TurboFan on')
  tuneTiering({baselineOnly: true})
  texts.set('a-3.md', texts.get('a-3.md') + '\nUna frase aggiunta.\n')
  const edit = await extractSources(workspace, sources(texts), undefined, {jobs: 1})
  t.is(edit.cache.documents.misses, 1)
  t.is(tieringTicks(), lightTicks, 'one source extracted: as it started')
  t.false(tieringOptimizes(), 'one source extracted: TurboFan still off')
  tuneTiering()
  t.true(tieringOptimizes(), 'a command other than run, extract and build: TurboFan on, at the light ticks')
  rmSync(folder, {recursive: true, force: true})
})

test.serial('a command goes back to V8\'s default optimizing when many documents\' outputs are not kept on disk, and not for a few', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'babele-tiering-'))
  const workspace: Workspace = {root, config: {} as Workspace['config']}
  const built = (count: number) => {
    const cache = openCache(join(root, 'cache'), 'test')
    const record = openOutputRecord(workspace, {keys: new Map(), glossary: undefined, store: cache}, outputKinds.build, Date.now())!
    for (let index = 0; index < count; index++) {
      reused(record.reuse.store, outputKinds.build, digestBytes(`${count}-${index}`), () => ({file: `dist/${index}.md`, value: `${index}\n`, coverage: {segments: 1}, messages: []}))
    }
  }
  tuneTiering({baselineOnly: true})
  built(manyDocuments - 1)
  t.is(tieringTicks(), lightTicks, 'a few made: as it started')
  t.false(tieringOptimizes())
  built(manyDocuments)
  t.is(tieringTicks(), defaultTicks, 'many made: the default')
  t.true(tieringOptimizes())
  rmSync(root, {recursive: true, force: true})
})

test.serial('a command goes back to V8\'s default optimizing when many cache entries of one kind miss, and not for a few', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'babele-tiering-'))
  const cache = openCache(join(root, 'cache'), 'test')
  tuneTiering({baselineOnly: true})
  for (let index = 0; index < manyDocuments - 1; index++) cache.get('qa-page', digestBytes(`a few ${index}`))
  for (let index = 0; index < manyDocuments - 1; index++) cache.get('analysis', digestBytes(`others ${index}`))
  t.false(tieringOptimizes(), 'a few of each kind missed: as it started')
  t.is(tieringTicks(), lightTicks)
  cache.get('qa-page', digestBytes('one more'))
  t.true(tieringOptimizes(), 'many of one kind missed: the default')
  t.is(tieringTicks(), defaultTicks)
  rmSync(root, {recursive: true, force: true})
})

test.serial('a command goes back to V8\'s default optimizing when it reads many XLIFF files to import, and not for a few', async (t) => {
  const imported = async (count: number) => {
    const {folder} = project(1)
    const workspace = openWorkspace(join(folder, 'babele.config.json'), true)
    mkdirSync(join(folder, 'xliff', 'en'), {recursive: true})
    for (let index = 0; index < count; index++) writeFileSync(join(folder, 'xliff', 'en', `x-${index}.xlf`), '<?xml version="1.0"?>\n<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="it" trgLang="en"></xliff>\n')
    tuneTiering({baselineOnly: true})
    await importCommand(workspace, {files: [join(folder, 'xliff', 'en')], cache: false, progress: false})
    rmSync(folder, {recursive: true, force: true})
    return tieringOptimizes()
  }
  t.false(await imported(manyDocuments - 1), 'a few read: as it started')
  t.true(await imported(manyDocuments), 'many read: the default')
})

test.serial('the flags as set are the process\'s: a copy of the module that goes back to the default after another copy tuned them turns TurboFan on (the installed bin\'s start and command line are two bundles, each with a copy)', async (t) => {
  // Another URL: another instance of the module, with state of its own.
  const copy = (await import(new URL('../pipeline/cli/tiering.ts?copy', import.meta.url).href)) as typeof import('../pipeline/cli/tiering.ts')
  t.not(copy.tuneTiering, tuneTiering, 'two copies of the module')
  tuneTiering({baselineOnly: true})
  t.false(copy.tieringOptimizes(), 'the start turned TurboFan off: the command line sees it off')
  t.is(copy.tieringTicks(), lightTicks)
  copy.defaultTiering()
  t.true(tieringOptimizes(), 'the command line went back to the default: TurboFan on for both')
  t.is(tieringTicks(), defaultTicks)
})
