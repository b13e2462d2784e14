import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import test from 'ava'
import {countingStore} from './helpers/counting-store.ts'
import {digest, digestBytes, documentKey} from '../pipeline/incremental/index.ts'
import {checkProject, extractDocuments, fromTbx, parseConfig, projectTerms, type Config, type Stores} from '../pipeline/index.ts'
import type {EntryStore, Reuse} from '../pipeline/project/index.ts'
import {root} from './helpers/cli.ts'
import {englishBundle} from './helpers/reference.ts'

const config = parseConfig({targetLocales: ['en']}).value!
const seed = readFileSync(join(root, 'source/it/putin-xi-alleanza.md'), 'utf8')
const glossaryText = readFileSync(join(root, 'glossary/geopolitics.tbx'), 'utf8')
const termbase = fromTbx(glossaryText).value!
/** The seed, and a copy of it: the same sources in two documents, for the rules across translations. */
const texts = new Map([
  ['putin-xi-alleanza.md', seed],
  ['copia.md', seed]
])
/** The reference English of both, with one finding of its own (a doubled word) in the copy. */
const english = englishBundle(seed)
const [doubledKey, doubledValue] = Object.entries(english).find(([, value]) => /^\p{L}+ /u.test(value))!
const translated: Stores = {
  bundles: new Map([
    ['en/putin-xi-alleanza', english],
    ['en/copia', {...english, [doubledKey]: doubledValue.replace(/^(\p{L}+) /u, '$1 $1 ')}]
  ]),
  states: new Map()
}

/** `checkProject` of these sources and stores, with the glossary's term rules, through `store` when given. */
function check(sources: ReadonlyMap<string, string>, stores: Stores, options: {config?: Config; store?: EntryStore; glossary?: string} = {}) {
  const project = options.config ?? config
  const glossary = options.glossary ?? glossaryText
  const documents = extractDocuments(project, sources).value
  const reuse: Reuse | undefined = options.store && {keys: new Map([...sources].map(([path, text]) => [path, documentKey(project, path, digestBytes(text))])), glossary: digest(glossary), store: options.store}
  return checkProject(project, documents, stores, {terms: projectTerms(project, glossary === glossaryText ? termbase : fromTbx(glossary).value!), reuse})
}

test('checkProject through a store finds what it finds without, and reads each document\'s checks back when nothing changed', (t) => {
  const {store, take} = countingStore()
  const fresh = check(texts, translated)
  t.true(fresh.messages.some((message) => message.ruleId === 'doubled-word'))
  t.true(fresh.messages.some((message) => message.ruleId === 'inconsistent-target'))
  t.deepEqual(check(texts, translated, {store}), fresh)
  t.deepEqual(take(), {gets: 2, hits: 0, puts: 2})
  t.deepEqual(check(texts, translated, {store}), fresh)
  t.deepEqual(take(), {gets: 2, hits: 2, puts: 0})
})

test('a store with no value has nothing to check: no lookup, no finding', (t) => {
  const {store, take} = countingStore()
  const empty: Stores = {bundles: new Map([['en/putin-xi-alleanza', {}], ['en/copia', {}]]), states: new Map()}
  t.deepEqual(check(texts, empty, {store}), {messages: [], checked: 0, broken: new Map()})
  t.deepEqual(take(), {gets: 0, hits: 0, puts: 0})
})

test('a source byte changed checks that document\'s translations again, and the rules across translations see the change', (t) => {
  const {store, take} = countingStore()
  check(texts, translated, {store})
  take()
  // The copy's title changes: its stored title no longer translates its source, and no longer matches the seed's.
  const edited = new Map(texts).set('copia.md', seed.replace('Putin', 'Putín'))
  const after = check(edited, translated, {store})
  t.deepEqual(take(), {gets: 2, hits: 1, puts: 1})
  t.deepEqual(after, check(edited, translated))
  t.notDeepEqual(after.messages, check(texts, translated).messages)
})

test('a store value changed checks that document\'s translations again, and the rules across translations see the change', (t) => {
  const {store, take} = countingStore()
  const before = check(texts, translated, {store})
  take()
  // The copy's doubled word is mended: its doubled-word finding and its inconsistency with the seed go.
  const mended: Stores = {bundles: new Map([...translated.bundles].map(([name, bundle]) => [name, name === 'en/copia' ? english : bundle])), states: new Map()}
  const after = check(texts, mended, {store})
  t.deepEqual(take(), {gets: 2, hits: 1, puts: 1})
  t.deepEqual(after, check(texts, mended))
  t.is(after.messages.filter((message) => message.ruleId === 'doubled-word').length, 0)
  t.true(before.messages.some((message) => message.ruleId === 'doubled-word'))
})

test('a config field changed checks every document\'s translations again', (t) => {
  const {store, take} = countingStore()
  check(texts, translated, {store})
  take()
  const strict = parseConfig({targetLocales: ['en'], qa: {'doubled-word': 'error'}}).value!
  const after = check(texts, translated, {config: strict, store})
  t.deepEqual(take(), {gets: 2, hits: 0, puts: 2})
  t.deepEqual(after, check(texts, translated, {config: strict}))
  t.deepEqual([...after.broken.keys()], ['en/copia'])
})

test('a glossary changed checks every document\'s translations again', (t) => {
  const {store, take} = countingStore()
  const before = check(texts, translated, {store})
  take()
  t.true(before.messages.some((message) => message.ruleId === 'term-missing' && message.conceptId === 'alleato'))
  // Without the concept the reference English misses a term of, that finding goes.
  const fewer = glossaryText.replace(/<conceptEntry id="alleato">[\s\S]*?<\/conceptEntry>/, '')
  const after = check(texts, translated, {store, glossary: fewer})
  t.deepEqual(take(), {gets: 2, hits: 0, puts: 2})
  t.deepEqual(after, check(texts, translated, {glossary: fewer}))
  t.false(after.messages.some((message) => message.conceptId === 'alleato'))
})

test('each target locale\'s checks are its own, even of the same values', (t) => {
  const {store, take} = countingStore()
  const two = parseConfig({targetLocales: ['en', 'es']}).value!
  const both: Stores = {bundles: new Map([...translated.bundles, ...[...translated.bundles].map(([name, bundle]): [string, Record<string, string>] => [name.replace(/^en\//, 'es/'), bundle])]), states: new Map()}
  const through = check(texts, both, {config: two, store})
  t.deepEqual(take(), {gets: 4, hits: 0, puts: 4})
  t.deepEqual(through, check(texts, both, {config: two}))
  t.true(through.messages.some((message) => message.file === 'locales/es/copia.json'))
})
