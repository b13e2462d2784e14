/**
 * The source lint's cache entries (`pipeline/cli/source-task.ts`): a
 * document's findings are kept once, as the bytes `--json` prints (errors
 * as warnings), and parsed back with the errors' severity given again, only
 * when asked for; beside them, what the report pages read (the findings
 * about a concept, the QA grouping); a finding JSON would not give back
 * exactly is kept as it is; an entry that is not whole misses, and one
 * whose bytes do not parse back gives no findings: they are made again.
 */
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import {crc32} from 'node:zlib'
import test from 'ava'
import {openCache, savePacks, usePacks} from '../pipeline/cli/cache.ts'
import {printedLint, putLint, readLint, sourceTask, type SourceTask, type SourceTaskInit} from '../pipeline/cli/source-task.ts'
import {parseConfig} from '../pipeline/config/index.ts'
import {diagnostic} from '../pipeline/diagnostic.ts'
import {MessageList, SpoolTable, type PrintedMessages} from '../pipeline/cli/packed-messages.ts'
import {openSpool} from '../pipeline/cli/fs.ts'
import type {Diagnostic} from '../pipeline/types.ts'
import type {Termbase} from '../pipeline/glossary/index.ts'
import {digest, digestBytes, documentKey, lintKey} from '../pipeline/incremental/index.ts'

/** `URSS` preferred, `CCCP` forbidden (an error of `term-deprecated`). */
const termbase: Termbase = {
  language: 'it',
  sourceDesc: [],
  concepts: [{id: 'urss', notes: [], languages: [{language: 'it', terms: [
    {id: 'urss-0', text: 'URSS', status: 'preferred', termType: 'acronym', doNotTranslate: false, notes: []},
    {id: 'urss-1', text: 'CCCP', status: 'forbidden', doNotTranslate: false, notes: []}
  ]}]}]
}

/** The file of a cache entry under `folder` (one code version: the tests' own). */
function entryFile(folder: string, kind: string, key: string): string {
  const [version] = readdirSync(folder).filter((name) => name.startsWith('v'))
  return join(folder, version!, kind, key.slice(0, 2), key)
}

/** A cache folder, the settings of a thread using it, and a source with an error and a warning. */
function setup(): {folder: string; init: SourceTaskInit; task: SourceTask} {
  const folder = mkdtempSync(join(tmpdir(), 'babele-lint-entry-'))
  const config = parseConfig({targetLocales: ['en']}).value!
  const text = 'La CCCP cadde.\n\nUn collegamento [qui](#).\n'
  const document = documentKey(config, 'a.md', digestBytes(text))
  return {folder, init: {config, termbase, cache: {folder, version: 'test'}}, task: {path: 'a.md', text, document, lint: lintKey(document, digest(termbase))}}
}

test('a lint entry gives back the very findings, an error with its severity, and the bytes --json prints for them', (t) => {
  const {folder, init, task} = setup()
  const fresh = sourceTask(init)(task)
  t.false(fresh.cachedLint)
  t.deepEqual(fresh.lint.map((message) => [message.ruleId, message.severity]), [['term-deprecated', 'error'], ['link-empty-url', 'warning']])
  const again = sourceTask(init)(task)
  t.true(again.cachedLint)
  t.true(isDeepStrictEqual(again.lint, fresh.lint))
  t.deepEqual(again.lintJson, fresh.lintJson)
  const cache = openCache(folder, 'test')
  const entry = cache.getWithTail<string>('lint', task.lint)!
  const head = JSON.parse(entry.value)
  t.deepEqual(Object.keys(head), ['count', 'errors', 'concepts', 'summary', 'messages', 'units'], 'the findings are kept once, as printed, and the rest as JSON')
  const concepts = fresh.lint.filter((message) => message.conceptId !== undefined)
  t.deepEqual(head.concepts, {ids: ['urss'], file: 'source/it/a.md', printed: fresh.lintJson.length}, 'the head names the findings about a concept by their concepts and file')
  t.deepEqual(Buffer.from(entry.tail.subarray(0, head.concepts.printed)), Buffer.from(fresh.lintJson), 'the printed findings are the bytes after the entry')
  t.deepEqual(JSON.parse(Buffer.from(entry.tail.subarray(head.concepts.printed)).toString('utf8')), concepts, 'then the findings about a concept, as JSON')
  const stored = readLint(cache, task.lint)!
  t.deepEqual(Buffer.from(stored.json), Buffer.from(fresh.lintJson))
  t.true(isDeepStrictEqual(stored.printed(), printedLint(fresh.lint).messages), 'as run prints them: the error as a warning')
  t.deepEqual(stored.concepts.conceptIds, ['urss'])
  t.is(stored.concepts.file, 'source/it/a.md')
  t.true(isDeepStrictEqual(stored.concepts.diagnostics(), concepts), 'with its own severity')
  t.deepEqual(stored.summary, {file: 'source/it/a.md', errors: 1, warnings: 1, infos: 0, rules: [{ruleId: 'term-deprecated', severity: 'error', count: 1}, {ruleId: 'link-empty-url', severity: 'warning', count: 1}]})
  t.is(stored.units, fresh.document.units.length)
  rmSync(folder, {recursive: true, force: true})
})

test('the findings about a concept are parsed from their own JSON when asked for: JSON that is not the findings the head names gives none, a head that names more bytes than there are misses', (t) => {
  const {folder, init, task} = setup()
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const fresh = sourceTask(init)(task)
  const cache = openCache(folder, 'test')
  const entry = cache.getWithTail<string>('lint', task.lint)!
  const head = JSON.parse(entry.value)
  const printed = entry.tail.subarray(0, head.concepts.printed)
  const [concept] = fresh.lint.filter((message) => message.conceptId !== undefined)
  const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value))
  const others: Array<[string, Uint8Array]> = [
    ['another concept', encode([{...concept, conceptId: 'other'}])],
    ['another file', encode([{...concept, file: 'b.md'}])],
    ['one more', encode([concept, concept])],
    ['not JSON', new TextEncoder().encode('[{"conceptId": ')],
    ['not a list', encode({conceptId: 'urss'})]
  ]
  for (const [how, bytes] of others) {
    cache.putWithBytes('lint', task.lint, JSON.stringify(head), [printed, bytes])
    const stored = readLint(cache, task.lint)!
    t.deepEqual(stored.concepts.conceptIds, ['urss'], how)
    t.is(stored.concepts.diagnostics(), undefined, how)
    t.true(isDeepStrictEqual(stored.lint(), fresh.lint), `${how}: the findings are still read`)
  }
  for (const concepts of [{...head.concepts, printed: entry.tail.length}, {...head.concepts, ids: []}, {...head.concepts, ids: [7]}, {...head.concepts, file: undefined}, {...head.concepts, printed: -1}]) {
    cache.putWithBytes('lint', task.lint, JSON.stringify({...head, concepts}), [entry.tail])
    t.is(readLint(cache, task.lint), undefined, JSON.stringify(concepts))
  }
})

test('findings about a concept that are about more than one file are kept in the head', (t) => {
  const {folder} = setup()
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const cache = openCache(folder, 'test')
  const key = 'b'.repeat(64)
  const findings = ['a.md', 'b.md'].map((file) => diagnostic('term-deprecated', 'Use `URSS`', {source: 'lint', severity: 'warning', file, conceptId: 'urss'}))
  putLint(cache, key, findings, printedLint(findings), {messages: [], units: 1})
  t.true(Array.isArray(JSON.parse(cache.getWithTail<string>('lint', key)!.value).concepts))
  const stored = readLint(cache, key)!
  t.is(stored.concepts.file, undefined)
  t.true(isDeepStrictEqual(stored.concepts.diagnostics(), findings))
})

test('an entry put with bytes after it whose value is text is stored as it is, no serializer: its key, the bytes\' length, the CRC of the text and the bytes, the text; another value is serialized', (t) => {
  const {folder, init, task} = setup()
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  sourceTask(init)(task)
  const cache = openCache(folder, 'test')
  const bytes = readFileSync(entryFile(folder, 'lint', task.lint))
  const entry = bytes.subarray(4, 4 + bytes.readUInt32BE(0))
  const tail = bytes.subarray(4 + entry.length)
  t.is(entry[0], 0x54, 'T: a text entry')
  const keyEnd = 5 + entry.readUInt32BE(1)
  t.is(entry.toString('latin1', 5, keyEnd), task.lint)
  // The CRC is of the text's bytes and then the bytes after the entry.
  t.deepEqual([entry.readUInt32BE(keyEnd), entry.readUInt32BE(keyEnd + 4)], [tail.length, crc32(tail, crc32(entry.subarray(keyEnd + 8)))])
  t.is(entry.toString('utf8', keyEnd + 8), cache.getWithTail<string>('lint', task.lint)!.value)
  // A value that is not text goes through v8.serialize, as before.
  cache.putWithBytes('lint', 'c'.repeat(64), {head: 'città'}, [new Uint8Array([1, 2])])
  const other = readFileSync(entryFile(folder, 'lint', 'c'.repeat(64)))
  t.is(other[4], 0xff, 'v8.serialize\'s version tag')
  const read = cache.getWithTail('lint', 'c'.repeat(64))!
  t.deepEqual(read.value, {head: 'città'})
  t.deepEqual([...read.tail], [1, 2])
  // Text past ASCII, and an entry cut inside its key, which misses.
  cache.putWithBytes('lint', 'd'.repeat(64), 'città «ecc.»', [new Uint8Array([3])])
  t.is(cache.getWithTail<string>('lint', 'd'.repeat(64))!.value, 'città «ecc.»')
  const cut = readFileSync(entryFile(folder, 'lint', 'd'.repeat(64)))
  cut.writeUInt32BE(20, 0)
  writeFileSync(entryFile(folder, 'lint', 'd'.repeat(64)), cut)
  t.is(openCache(folder, 'test').getWithTail('lint', 'd'.repeat(64)), undefined)
  // Read from its open file (getWithBytes): whole while text and bytes are as stored; a byte of the text changed, not whole.
  cache.putWithBytes('lint', 'e'.repeat(64), 'città', [new Uint8Array([4, 5])])
  const open = openCache(folder, 'test').getWithBytes<string>('lint', 'e'.repeat(64))!
  t.is(open.value, 'città')
  t.true(open.bytes.whole())
  open.bytes.file.close()
  const text = readFileSync(entryFile(folder, 'lint', 'e'.repeat(64)))
  text[text.indexOf('citt') + 1] ^= 0x01
  writeFileSync(entryFile(folder, 'lint', 'e'.repeat(64)), text)
  const changed = openCache(folder, 'test').getWithBytes<string>('lint', 'e'.repeat(64))!
  t.is(changed.value, 'chtt\u00e0', 'the value comes before the check: a caller asks whole() before using it')
  t.false(changed.bytes.whole())
  changed.bytes.file.close()
})

test('a finding that JSON would not give back exactly is kept as it is', (t) => {
  const {folder} = setup()
  const cache = openCache(folder, 'test')
  const key = 'a'.repeat(64)
  const finding = {...diagnostic('link-empty-url', 'Link `qui` goes nowhere', {source: 'lint', severity: 'error', file: 'a.md'}), expected: undefined}
  putLint(cache, key, [finding], printedLint([finding]), {messages: [], units: 2})
  const stored = readLint(cache, key)!.lint()!
  t.true(isDeepStrictEqual(stored, [finding]))
  t.true('expected' in stored[0]!)
  t.is(stored[0]!.severity, 'error')
  rmSync(folder, {recursive: true, force: true})
})

test('a lint entry that is not whole misses, one whose bytes do not parse back gives no findings, and the findings are made again', (t) => {
  const {folder, init, task} = setup()
  const fresh = sourceTask(init)(task)
  const cache = openCache(folder, 'test')
  const whole = {count: 2, errors: [0], concepts: [], messages: [], units: 1}
  const json = fresh.lintJson
  // Each head stored as it is and as its JSON text, before the printed findings' bytes; then a head whose text is cut, and an entry with no bytes after it.
  const heads: Array<[unknown, Uint8Array]> = [[whole, new TextEncoder().encode('{"not": ')], [whole, new TextEncoder().encode('{"a": 1}')], [{...whole, errors: [7]}, json], [{...whole, errors: undefined}, json], [{...whole, count: undefined}, json], [{...whole, concepts: undefined}, json], [{...whole, count: 0}, json], [null, json]]
  const entries: Array<(key: string) => void> = [
    ...heads.flatMap(([head, bytes]) => [(key: string) => cache.putWithBytes('lint', key, head, [bytes]), (key: string) => cache.putWithBytes('lint', key, JSON.stringify(head) ?? 'null', [bytes])]),
    (key) => cache.putWithBytes('lint', key, JSON.stringify(whole).slice(0, 20), [json]),
    (key) => cache.put('lint', key, {...whole, json})
  ]
  for (const put of entries) {
    put(task.lint)
    const stored = readLint(cache, task.lint)
    t.true(stored === undefined || (stored.lint() === undefined && stored.printed() === undefined))
    const again = sourceTask(init)(task)
    t.false(again.cachedLint)
    t.true(isDeepStrictEqual(again.lint, fresh.lint))
  }
  rmSync(folder, {recursive: true, force: true})
})

test('a lint entry whose printed findings or head were cut short or changed on disk misses, and one changed in its pack is read from its own file: they would go into --json as they are', (t) => {
  const {folder, init, task} = setup()
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const fresh = sourceTask(init)(task)
  const file = entryFile(folder, 'lint', task.lint)
  const whole = readFileSync(file)
  /** The bytes with the one at `at` (from the end) changed. */
  const changed = (bytes: Buffer, at: number) => {
    const copy = Buffer.from(bytes)
    copy[copy.length - at] ^= 0x01
    return copy
  }
  // The head names the findings that are errors by their index: the first one, the error, changed to the second (a warning).
  const errorsAt = whole.indexOf('"errors":[0]') + '"errors":['.length
  t.true(errorsAt > '"errors":['.length)
  const damaged: Array<[string, Buffer]> = [
    ['cut short', whole.subarray(0, whole.length - 1)],
    ['a byte changed', changed(whole, 3)],
    ['a byte added', Buffer.concat([whole, Buffer.from(' ')])],
    ['a byte of the head changed', changed(whole, whole.length - errorsAt)]
  ]
  for (const [how, bytes] of damaged) {
    writeFileSync(file, bytes)
    t.is(readLint(openCache(folder, 'test'), task.lint), undefined, how)
    const again = sourceTask(init)(task)
    t.false(again.cachedLint, how)
    t.deepEqual(Buffer.from(again.lintJson), Buffer.from(fresh.lintJson), how)
    t.deepEqual(readFileSync(file), whole, `${how}: made again, the same bytes`)
  }
  // The entry in a pack (read once while packs are in use), then a byte of its printed findings changed there.
  usePacks()
  t.truthy(readLint(openCache(folder, 'test'), task.lint))
  savePacks()
  const pack = join(dirname(dirname(dirname(file))), 'lint.pack')
  t.true(readFileSync(pack).subarray(-whole.length).equals(whole), 'the pack ends with the entry')
  writeFileSync(pack, changed(readFileSync(pack), 3))
  usePacks()
  const fromFile = readLint(openCache(folder, 'test'), task.lint)
  savePacks()
  t.deepEqual(Buffer.from(fromFile!.json), Buffer.from(fresh.lintJson), 'read from its own file')
})

test('a printed batch goes into --json as its bytes, its diagnostics never read: a batch from the cache is not parsed to be printed', (t) => {
  const {folder, init, task} = setup()
  const fresh = sourceTask(init)(task)
  const batch: PrintedMessages = {
    get messages(): Diagnostic[] {
      throw new Error('read')
    },
    json: fresh.lintJson,
    errors: 0
  }
  const list = new MessageList()
  list.add(batch)
  t.is(list.errors, 0)
  t.deepEqual([...list.printable()], [fresh.lintJson])
  // Set aside as extract does, its bytes alone.
  const table = new SpoolTable(openSpool(), 1, 1)
  table.set(0, 0, batch.json, batch.errors)
  t.true(table.batch(0, 0, {packed: false}).length > 0)
  rmSync(folder, {recursive: true, force: true})
})

test('a lint entry read from its pack gives the printed findings as a view of the pack\'s bytes, not copied; a source task\'s are bytes of their own, which cross threads alone', (t) => {
  const {folder, init, task} = setup()
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const fresh = sourceTask(init)(task)
  // One command writes the pack of the entries it used, the next reads them from it.
  usePacks()
  t.truthy(readLint(openCache(folder, 'test'), task.lint))
  savePacks()
  usePacks()
  t.teardown(() => savePacks())
  const stored = readLint(openCache(folder, 'test'), task.lint)!
  t.deepEqual(Buffer.from(stored.json), Buffer.from(fresh.lintJson))
  t.true(stored.json.buffer.byteLength > stored.json.length, 'a view of more bytes: the pack\'s')
  const again = sourceTask(init)(task)
  t.true(again.cachedLint)
  t.deepEqual(Buffer.from(again.lintJson), Buffer.from(fresh.lintJson))
  t.is(again.lintJson.buffer.byteLength, again.lintJson.length, 'an array of its own')
})
