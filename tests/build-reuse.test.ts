/**
 * The build through the cache (`buildProject`'s `reuse`): which built files
 * it reads back and which it makes again, over an in-memory store, and that
 * each build read back is the build made without one, byte for byte, with
 * its coverage and messages.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import test from 'ava'
import {digestBytes, documentKey} from '../pipeline/incremental/index.ts'
import {buildProject, extractDocuments, fromTbx, parseConfig, projectTerms, type Config, type Stores, type Termbase} from '../pipeline/index.ts'
import {root} from './helpers/cli.ts'
import {countingStore, type CountingStore} from './helpers/counting-store.ts'

const baseConfig = parseConfig(JSON.parse(readFileSync(join(root, 'babele.config.json'), 'utf8'))).value!
const baseTermbase = fromTbx(readFileSync(join(root, 'glossary/geopolitics.tbx'), 'utf8')).value!
const seed = readFileSync(join(root, 'source/it/putin-xi-alleanza.md'), 'utf8')
const second = '# La NATO e il Cremlino\n\nIl Cremlino ha criticato la NATO e l\'AUKUS.\n'

interface Project {
  config?: Config
  termbase?: Termbase
  sources: Record<string, string>
  stores?: Stores
}

/** The build through the store, checked against the build made without one; and the built files read back and made. */
function build(t: import('ava').ExecutionContext, memory: CountingStore, project: Project) {
  const config = project.config ?? baseConfig
  const sources = new Map(Object.entries(project.sources))
  const documents = extractDocuments(config, sources).value
  const keys = new Map([...sources].map(([path, text]) => [path, documentKey(config, path, digestBytes(text))]))
  const stores = project.stores ?? {bundles: new Map(), states: new Map()}
  const terms = projectTerms(config, project.termbase ?? baseTermbase)
  const cached = buildProject(config, documents, stores, {terms, reuse: {keys, glossary: undefined, store: memory.store}})
  const fresh = buildProject(config, documents, stores, {terms})
  t.deepEqual([...cached.value], [...fresh.value])
  t.deepEqual(cached.coverage, fresh.coverage)
  t.deepEqual(cached.messages, fresh.messages)
  t.deepEqual(cached.locales, fresh.locales)
  return {built: fresh, counts: memory.takeByKind()['build'] ?? {hits: 0, misses: 0}}
}

/** The first segment key of a source (its heading). */
function headingKey(config: Config, path: string, text: string): string {
  const part = extractDocuments(config, new Map([[path, text]])).value.get(path)!.units[0]!.parts.find((one) => one.type === 'segment')
  if (part?.type !== 'segment') throw new Error('expected a segment')
  return part.segment.key
}

test('a built file is read back until something it is made of changes: its source, its document\'s values or states in any locale, what the QA rules refuse of them, the config', (t) => {
  const memory = countingStore()
  const locales = baseConfig.targetLocales.length
  const sources = {'putin-xi-alleanza.md': seed, 'secondo.md': second}
  t.deepEqual(build(t, memory, {sources}).counts, {hits: 0, misses: 2 * locales})
  t.deepEqual(build(t, memory, {sources}).counts, {hits: 2 * locales, misses: 0}, 'nothing changed')
  const edited = {...sources, 'secondo.md': second + '\nUna frase aggiunta.\n'}
  t.deepEqual(build(t, memory, {sources: edited}).counts, {hits: locales, misses: locales}, 'a source edited: its own builds')
  t.deepEqual(build(t, memory, {sources: {...sources, 'terzo.md': 'Il terzo.\n'}}).counts, {hits: 2 * locales, misses: locales}, 'a document added: its own builds')
  const removed = build(t, memory, {sources: {'secondo.md': second}})
  t.deepEqual(removed.counts, {hits: locales, misses: 0}, 'a document removed: no build of it')
  t.false([...removed.built.value.keys()].some((file) => file.includes('putin')))
  const key = headingKey(baseConfig, 'secondo.md', second)
  const stores = (value: string, states: Stores['states'] = new Map()): Stores => ({bundles: new Map([['es/secondo', {[key]: value}]]), states})
  t.deepEqual(build(t, memory, {sources, stores: stores('La OTAN y el Kremlin')}).counts, {hits: locales, misses: locales}, 'a store value: its document\'s builds in every locale (Catalan falls back to Spanish)')
  const reviewed = new Map([['es/secondo', {[key]: {state: 'reviewed' as const, origin: 'human' as const, sourceHash: 'h'}}]])
  t.deepEqual(build(t, memory, {sources, stores: stores('La OTAN y el Kremlin', reviewed)}).counts, {hits: locales, misses: locales}, 'a state: its document\'s builds')
  // `NATO` is forbidden in Spanish (`OTAN`): the value is refused, so Catalan falls back to Italian; without the concept it is used.
  const forbidden = build(t, memory, {sources, stores: stores('La NATO y el Kremlin')})
  t.deepEqual(forbidden.counts, {hits: 2 * locales - 1, misses: 0}, 'refused: Spanish not built, the others as without the value (as the first builds)')
  t.true(forbidden.built.messages.some((message) => message.ruleId === 'build-refused'))
  const termbase: Termbase = {...baseTermbase, concepts: baseTermbase.concepts.filter((concept) => !concept.languages.some((section) => section.terms.some((term) => term.text === 'OTAN')))}
  const accepted = build(t, memory, {sources, stores: stores('La NATO y el Kremlin'), termbase})
  t.deepEqual(accepted.counts, {hits: locales, misses: locales}, 'the termbase changed what is refused')
  t.true(accepted.built.value.get('dist/ca/secondo.md')!.startsWith('# La NATO y el Kremlin'), 'Catalan falls back to the Spanish value')
  const config = {...baseConfig, fallbackLng: {ca: ['it'], default: ['it']}}
  t.deepEqual(build(t, memory, {sources, stores: stores('La NATO y el Kremlin'), termbase, config}).counts, {hits: 0, misses: 2 * locales}, 'the config: every build')
})
