/**
 * How eagerly V8 optimizes (`pipeline/cli/tiering.ts`): a command starts
 * optimizing only code that runs long, and goes back to V8's default once
 * it finds many sources to extract (a cold run) or many documents' outputs
 * to make again; a one-file edit stays as it started. V8's flag changes when code is optimized, never what it
 * computes.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import {openCache} from '../pipeline/cli/cache.ts'
import {extractSources} from '../pipeline/cli/extract-sources.ts'
import {openOutputRecord} from '../pipeline/cli/output-record.ts'
import type {SourceText} from '../pipeline/cli/source-record.ts'
import {defaultTicks, lightTicks, manyDocuments, tieringTicks, tuneTiering} from '../pipeline/cli/tiering.ts'
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
  tuneTiering()
  t.is(tieringTicks(), lightTicks)
  const cold = await extractSources(workspace, sources(texts), undefined, {jobs: 1})
  t.is(cold.cache.documents.misses, 20)
  t.is(tieringTicks(), defaultTicks, 'every source extracted: the default')
  tuneTiering()
  texts.set('a-3.md', texts.get('a-3.md') + '\nUna frase aggiunta.\n')
  const edit = await extractSources(workspace, sources(texts), undefined, {jobs: 1})
  t.is(edit.cache.documents.misses, 1)
  t.is(tieringTicks(), lightTicks, 'one source extracted: as it started')
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
  tuneTiering()
  built(manyDocuments - 1)
  t.is(tieringTicks(), lightTicks, 'a few made: as it started')
  built(manyDocuments)
  t.is(tieringTicks(), defaultTicks, 'many made: the default')
  rmSync(root, {recursive: true, force: true})
})
