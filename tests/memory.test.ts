import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {placeText} from '../pipeline/cli/format.ts'
import {startOf} from '../pipeline/diagnostic.ts'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import test from 'ava'
import {
  analyzeProject,
  applyUpdates,
  compileMemory,
  contextOf,
  entryUnit,
  extractDocuments,
  extractProject,
  fromMarkdown,
  fromTmx,
  fromXliff,
  fuzzyScore,
  importProject,
  leverage,
  memoryTokens,
  memoryValue,
  omegatProject,
  projectLeverage,
  sourceBundle,
  storedMemory,
  tmxEntries,
  toTmx,
  xliffEntries,
  type MemoryEntry,
  type MemoryToken,
  type SourceDocument,
  type Stores
} from '../pipeline/index.ts'
import {segmentContexts, wordCount} from '../pipeline/memory/index.ts'
import {analysisContexts, compileContext, extractContext, type EntryStore, type Reuse} from '../pipeline/project/index.ts'
import {compiledMemory, localeLeverage} from '../pipeline/project/lib/leverage-project.ts'
import {outputTask} from '../pipeline/cli/source-task.ts'
import {analysisKey} from '../pipeline/incremental/index.ts'
import {textTokens} from '../pipeline/memory/lib/words.ts'
import {align, boundedDistance, isExact, largestDistance, textSimilarity, tokenKey} from '../pipeline/memory/lib/fuzzy-score.ts'
import {decodeXml} from '../pipeline/xml/index.ts'
import {testConfig} from './helpers/round-trip.ts'
import {fillXliff, shared, testWith, xmllint} from './helpers/tools.ts'

const root = new URL('../', import.meta.url)
const seed = readFileSync(new URL('source/it/putin-xi-alleanza.md', root), 'utf8')
const reference = JSON.parse(readFileSync(new URL('tests/fixtures/omegat/reference-en.json', root), 'utf8')) as Array<{source: string; target: string}>
const text = (value: string): MemoryToken[] => [{type: 'text', value}]

/** Stores holding the reference English translation of a document, made by a human in the document's context. */
function referenceStores(document: SourceDocument): Stores {
  const targets = new Map(reference.map((pair) => [pair.source, pair.target]))
  const contexts = segmentContexts(document)
  const updates = document.units.flatMap((unit) =>
    unit.parts.flatMap((part) => (part.type === 'segment' ? [{key: part.segment.key, value: targets.get(part.segment.value)!, state: 'translated' as const, origin: 'human' as const, source: part.segment.value, context: contexts.get(part.segment)!}] : []))
  )
  // The repeated heading keeps its first occurrence's context, as import does.
  const first = updates.filter((update, index) => updates.findIndex((other) => other.key === update.key) === index)
  const {bundle, state} = applyUpdates({}, {}, first, Object.keys(sourceBundle(document)))
  return {bundles: new Map([[`en/${document.id}`, bundle]]), states: new Map([[`en/${document.id}`, state]])}
}

function documentsOf(sources: Record<string, string>) {
  return extractDocuments(testConfig(), new Map(Object.entries(sources))).value
}

test('fuzzyScore follows the documented formula: edit similarity over words, minus case, number and code penalties', (t) => {
  // 17 tokens (15 words, a comma, a full stop); one word replaced: ⌊100 × 16/17⌋ = 94.
  t.is(fuzzyScore(text('Il vertice di Pechino, ha inoltre portato al rafforzamento dei legami commerciali tra i due.'), text('Il vertice di Pechino, ha inoltre portato al rafforzamento dei legami economici tra i due.')), 94)
  // Numbers compare as one key: no edit, one number penalty.
  t.is(fuzzyScore(text('Venerdì 4 febbraio il presidente russo'), text('Venerdì 5 febbraio il presidente russo')), 99)
  // Two words differ in case only: two case penalties.
  t.is(fuzzyScore(text('Venerdì 4 febbraio il presidente russo'), text('venerdì 4 febbraio il Presidente russo')), 98)
  // The same words, one side in bold: one code without a counterpart.
  const bold = fromMarkdown('Il **vertice** di Pechino ha portato al rafforzamento dei legami.\n', {path: 'a.md'}).value
  const plain = fromMarkdown('Il vertice di Pechino ha portato al rafforzamento dei legami.\n', {path: 'b.md'}).value
  const tokens = (document: SourceDocument) => {
    const part = document.units[0]!.parts[0]!
    return part.type === 'segment' ? memoryTokens(document.body, part.segment.tokens) : []
  }
  t.is(fuzzyScore(tokens(plain), tokens(bold)), 99)
  // Only the same text with the same codes is 100; white space does not count.
  t.is(fuzzyScore(tokens(bold), tokens(bold)), 100)
  t.is(fuzzyScore(text('Il  vertice\ndi Pechino.'), text('Il vertice di Pechino.')), 100)
  // 5 and 4 tokens, only the full stop in common: 4 edits, ⌊100 × 1/5⌋ = 20.
  t.is(fuzzyScore(text('Il vertice di Pechino.'), text('Le sanzioni restano.')), 20)
})

test('a sentence edited by one word gets its old translation as a fuzzy match scoring 94; its neighbours drop from context to exact', (t) => {
  const config = testConfig()
  const before = documentsOf({'putin-xi-alleanza.md': seed})
  const stores = referenceStores(before.get('putin-xi-alleanza.md')!)
  const edited = seed.replace('legami economici tra i due', 'legami commerciali tra i due')
  t.not(edited, seed)
  const after = documentsOf({'putin-xi-alleanza.md': edited})
  const found = projectLeverage(config, after, stores, 'en').documents.get('putin-xi-alleanza.md')!
  const index = found.findIndex((one) => one.segment.value.includes('commerciali'))
  const changed = found[index]!
  t.is(changed.best?.match, 'fuzzy')
  // 17 tokens, one replaced: ⌊1600 / 17⌋ = 94 (see fuzzy-score.ts).
  t.is(changed.best?.score, 94)
  t.is(changed.best?.origin, 'human')
  t.is(changed.best?.type, 'tm')
  t.is(changed.best?.value, reference.find((pair) => pair.source.includes('legami economici'))!.target)
  t.deepEqual(changed.best?.from, {kind: 'store', file: 'locales/en/putin-xi-alleanza.json', document: 'putin-xi-alleanza', key: changed.best?.from.kind === 'store' ? changed.best.from.key : ''})
  t.is(found[index - 1]!.best?.match, 'exact', 'the sentence before lost its next neighbour')
  t.is(found[index + 1]!.best?.match, 'exact', 'the sentence after lost its previous neighbour')
  t.is(found[index - 2]!.best?.match, 'context')
  t.is(found.filter((one) => one.best?.match === 'context').length, 17)
})

testWith('python3')('an unchanged document gets context matches from the translation a CAT tool returned', (t) => {
  const config = testConfig()
  const documents = documentsOf({'putin-xi-alleanza.md': seed})
  const empty: Stores = {bundles: new Map(), states: new Map()}
  const folder = mkdtempSync(join(tmpdir(), 'babele-memory-'))
  try {
    const file = join(folder, 'en.xlf')
    writeFileSync(file, extractProject(config, documents, empty).value.get('xliff/en/putin-xi-alleanza.md.xlf')!)
    fillXliff('upper', [file])
    const imported = importProject(config, documents, empty, new Map([['xliff/en/putin-xi-alleanza.md.xlf', readFileSync(file, 'utf8')]]))
    t.is(imported.reports[0]!.segments, 21)
    const state = imported.stores.states.get('en/putin-xi-alleanza')!
    t.true(Object.values(state).every((record) => record.origin === 'human' && record.context !== undefined && record.source !== undefined))
    const found = projectLeverage(config, documents, imported.stores, 'en').documents.get('putin-xi-alleanza.md')!
    const kinds = found.map((one) => one.best?.match)
    // 21 occurrences; the heading repeated before the last paragraph has other neighbours than the first: exact.
    t.is(kinds.filter((kind) => kind === 'context').length, 20)
    t.is(kinds.filter((kind) => kind === 'exact').length, 1)
    t.true(found.every((one) => one.best?.own === true && one.best.score === (one.best.match === 'context' ? 101 : 100)))
    // Extract pre-fills them with their stored state and lists no other candidate.
    const again = extractProject(config, documents, imported.stores).value.get('xliff/en/putin-xi-alleanza.md.xlf')!
    t.is((again.match(/<target>/g) ?? []).length, 21)
    t.false(again.includes('mtc:match'))
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('wordCount counts the words textTokens finds, on every line of the Italian documentation sample and on edge cases', (t) => {
  const sample = `${shared}corpora/it-docs-sample/`
  const files = readdirSync(sample, {recursive: true}).map(String).filter((name) => name.endsWith('.md')).sort()
  const lines = files.flatMap((name) => readFileSync(sample + name, 'utf8').split('\n'))
  const edges = ["un'alleanza", '30-year', '2.5 volte, 1,000 e 3.', '1.2.3a', 'a\uFFFCb', '…', '', ' \t ', 'Ωμέγα ١٢٣', 'e\u0301', '2,5%']
  let counted = 0
  for (const line of [...lines, ...edges]) {
    const expected = textTokens(line).filter((token) => token.word).length
    t.is(wordCount(line), expected, line)
    counted += expected
  }
  t.true(counted > 100_000, `${counted} words counted`)
  t.is(wordCount("un'alleanza tra Russia e Cina, 2.5 volte"), 8)
})

test('textTokens tells words, numbers and punctuation apart, and tokenKey keys them lower-case NFC, any number `#`', (t) => {
  const tokens = (text: string) => textTokens(text).map((token) => [token.value, token.word ? (token.number ? 'number' : 'word') : 'punctuation', tokenKey(token)])
  t.deepEqual(tokens("un'alleanza NATO"), [['un', 'word', 'un'], ["'", 'punctuation', "'"], ['alleanza', 'word', 'alleanza'], ['NATO', 'word', 'nato']])
  // A number is digits joined by `.` or `,`, not followed by a letter, mark or digit: `1.5a` is the number 1, a full stop and the word `5a`.
  t.deepEqual(tokens('2,5% 1.5a 12a 3.'), [['2,5', 'number', '#'], ['%', 'punctuation', '%'], ['1', 'number', '#'], ['.', 'punctuation', '.'], ['5a', 'word', '5a'], ['12a', 'word', '12a'], ['3', 'number', '#'], ['.', 'punctuation', '.']])
  // Digits of any script are digits; a vulgar fraction followed by a letter is part of a word.
  t.deepEqual(tokens('١٢٣ Ⅻ ½x'), [['١٢٣', 'number', '#'], ['Ⅻ', 'number', '#'], ['½x', 'word', '½x']])
  // Keys are NFC: a combining accent composes, the Ångström sign is the letter Å; Greek lowers as any letter; U+FFFC separates.
  t.deepEqual(tokens('e\u0301 \u212B Ωμέγα a\uFFFCb'), [['e\u0301', 'word', '\u00E9'], ['\u212B', 'word', '\u00E5'], ['Ωμέγα', 'word', 'ωμέγα'], ['a', 'word', 'a'], ['b', 'word', 'b']])
})

test('boundedDistance is align\'s edit distance wherever that is at most the bound, and more than the bound elsewhere', (t) => {
  // A seeded generator: sequences over small alphabets, so that many pairs are close.
  let seed = 12345
  const next = (below: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed % below
  }
  const sequence = (length: number, alphabet: number) => Array.from({length}, () => next(alphabet))
  let within = 0
  for (let round = 0; round < 20_000; round++) {
    const alphabet = 2 + next(6)
    const a = sequence(next(30), alphabet)
    // Often an edit of the first, else another sequence.
    const b = next(2) === 0 ? a.flatMap((key) => (next(8) === 0 ? [] : next(8) === 0 ? [key, next(alphabet)] : [next(10) === 0 ? next(alphabet) : key])) : sequence(next(30), alphabet)
    const most = next(12)
    const {distance} = align(a, b)
    const bounded = boundedDistance(a, b, most)
    if (distance <= most) {
      within++
      t.is(bounded, distance, `${a} / ${b} within ${most}`)
    } else t.is(bounded, most + 1, `${a} / ${b} within ${most}`)
  }
  t.true(within > 2_000, `${within} pairs within the bound`)
  // The threshold's largest distance: the similarity of one more is below it.
  for (let longest = 1; longest <= 60; longest++) {
    for (const threshold of [1, 50, 75, 99, 100]) {
      const most = largestDistance(longest, threshold)
      t.true(textSimilarity(most, longest) >= threshold)
      if (most + 1 <= longest) t.true(textSimilarity(most + 1, longest) < threshold)
    }
  }
})

test('the memory index finds the same fuzzy matches as scoring every entry', (t) => {
  // Sentences of the Italian documentation sample, and queries made by editing a word of some of them.
  const sample = `${shared}corpora/it-docs-sample/`
  const files = readdirSync(sample, {recursive: true}).map(String).filter((name) => name.endsWith('.md')).sort()
  const sentences = [...new Set(files.flatMap((name) => readFileSync(sample + name, 'utf8').split(/(?<=[.!?])\s+|\n+/)).map((line) => line.trim()).filter((line) => line.split(' ').length >= 4))]
  t.is(sentences.length, 10_365, 'distinct lines and sentences of four words or more in the sample')
  const entries: MemoryEntry[] = sentences.map((sentence, index) => ({source: text(sentence), target: text(sentence.toUpperCase()), origin: 'human', from: {kind: 'tmx', file: 'sample.tmx', line: index + 1}}))
  const memory = compileMemory(entries)
  let compared = 0
  for (let index = 0; index < sentences.length; index += Math.floor(sentences.length / 60)) {
    const query = text(sentences[index]!.replace(/\p{L}{5,}/u, 'parola'))
    const fromIndex = memory.fuzzyHits(query, {threshold: 75, limit: 1000}).map((hit) => `${hit.index}:${hit.score}`)
    const scanned = entries.flatMap((entry, position) => {
      const score = fuzzyScore(query, entry.source)
      return score >= 75 && score < 100 ? [{position, score}] : []
    })
    scanned.sort((a, b) => b.score - a.score || a.position - b.position)
    t.deepEqual(fromIndex, scanned.map((hit) => `${hit.position}:${hit.score}`))
    compared += scanned.length
  }
  // A floor, not a count: how many hits there are is the scorer's output and moves with its
  // formula; the exact check is the equality above. This one fails if the queries match nothing.
  t.true(compared > 60, `${compared} fuzzy hits compared`)
})

test('entries of one source are scored once for all, and found as scoring each would find them, in memory order', (t) => {
  // A project's memory holds the same sentence many times (a store per document): sentences of the sample, each
  // third one again later with another target, with its spaces doubled (the same once white space is normalized),
  // or in upper case (a case penalty: another source).
  const sample = `${shared}corpora/it-docs-sample/`
  const files = readdirSync(sample, {recursive: true}).map(String).filter((name) => name.endsWith('.md')).sort()
  const sentences = [...new Set(files.flatMap((name) => readFileSync(sample + name, 'utf8').split(/(?<=[.!?])\s+|\n+/)).map((line) => line.trim()).filter((line) => line.split(' ').length >= 4))].slice(0, 2000)
  const again = sentences.filter((_, index) => index % 3 === 0)
  const sources = [...sentences, ...again, ...again.map((sentence) => sentence.replaceAll(' ', '  ')), ...again.slice(0, 300).map((sentence) => sentence.toUpperCase())]
  const entries: MemoryEntry[] = sources.map((sentence, index) => ({source: text(sentence), target: text(`${index}`), origin: 'human', from: {kind: 'tmx', file: 'sample.tmx', line: index + 1}}))
  const memory = compileMemory(entries)
  let compared = 0
  for (let index = 0; index < sentences.length; index += 48) {
    const query = text(sentences[index]!.replace(/\p{L}{5,}/u, 'parola'))
    const scanned = entries.flatMap((entry, position) => {
      const score = fuzzyScore(query, entry.source)
      return score >= 75 && score < 100 ? [{position, score}] : []
    })
    scanned.sort((a, b) => b.score - a.score || a.position - b.position)
    const expected = scanned.map((hit) => `${hit.position}:${hit.score}`)
    t.deepEqual(memory.fuzzyHits(query, {threshold: 75, limit: 1000}).map((hit) => `${hit.index}:${hit.score}`), expected)
    t.deepEqual(memory.fuzzyHits(query, {threshold: 75, limit: 4}).map((hit) => `${hit.index}:${hit.score}`), expected.slice(0, 4))
    // Exact hits: every entry of the same text, in memory order.
    const exact = text(sentences[index]!)
    t.deepEqual(memory.exactHits(exact).map((hit) => hit.index), entries.flatMap((entry, position) => (isExact(exact, entry.source) ? [position] : [])))
    compared += scanned.length
  }
  t.true(compared > 100, `${compared} fuzzy hits compared`)
})

/** The reference translation's stored memory for English, with a machine draft and a stale pair, and its TMX. */
function storedTmx() {
  const config = testConfig()
  const documents = documentsOf({'putin-xi-alleanza.md': seed})
  const stores = referenceStores(documents.get('putin-xi-alleanza.md')!)
  // A machine translation stored beside them, and a stale pair whose source changed.
  const bundle = stores.bundles.get('en/putin-xi-alleanza')!
  const state = stores.states.get('en/putin-xi-alleanza')!
  Object.assign(bundle, {abcdef0123: 'An <1>old</1> sentence.'})
  Object.assign(state, {abcdef0123: {state: 'initial', origin: 'machine', sourceHash: 'abcdef0123', source: 'Una frase <1>vecchia</1>.', engine: 'apertium'}})
  const entries = storedMemory(config, documents, stores, 'en').value
  const tmx = toTmx(
    entries.map((entry) => entryUnit(entry, {sourceLocale: 'it', targetLocale: 'en'})),
    {sourceLocale: 'it'}
  )
  return {entries, tmx}
}

testWith('xmllint')('a babele TMX validates against the TMX 1.4 DTD', (t) => {
  const {tmx} = storedTmx()
  const folder = mkdtempSync(join(tmpdir(), 'babele-tmx-'))
  try {
    writeFileSync(join(folder, 'en.tmx'), tmx)
    t.is(xmllint(`${shared}corpora/tmx/dtd/tmx14.dtd`, [join(folder, 'en.tmx')], 'dtdvalid'), '')
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('TMX export then import gives the same pairs', (t) => {
  const {entries, tmx} = storedTmx()
  t.is(entries.length, 21)
  const read = fromTmx(tmx, {file: 'en.tmx'})
  t.deepEqual(read.messages, [])
  const back = tmxEntries(read.value!, {file: 'en.tmx', sourceLocale: 'it', targetLocales: ['en']}).get('en')!
  const pairs = (list: readonly MemoryEntry[]) =>
    list.map((entry) => ({
      source: memoryValue(entry.source),
      target: memoryValue(entry.source, entry.target),
      bytes: entry.source.flatMap((token) => (token.type === 'text' ? [] : [token.data])),
      targetBytes: entry.target.flatMap((token) => (token.type === 'text' ? [] : [token.data])),
      origin: entry.origin,
      state: entry.state,
      context: entry.context,
      engine: entry.engine
    }))
  t.deepEqual(pairs(back), pairs(entries))
  t.true(tmx.includes('<bpt i="1" x="1" type="link">[</bpt>'), 'codes keep their bytes')
})

test('the shared TMX samples load, UTF-16 ones too, and the one that breaks the DTD is reported with line and rule id', (t) => {
  const folder = `${shared}corpora/tmx/`
  const files = ['lisa-tmx-compliance-kit-omegat', 'okapi', 'omegat', 'openxliff'].flatMap((sub) => readdirSync(folder + sub).filter((name) => name.endsWith('.tmx')).map((name) => `${sub}/${name}`))
  t.is(files.length, 34)
  const problems: string[] = []
  let units = 0
  for (const file of files) {
    const decoded = decodeXml(readFileSync(folder + file))
    t.not(decoded.value, undefined, file)
    const read = fromTmx(decoded.value!, {file})
    t.not(read.value, undefined, file)
    units += read.value?.units.length ?? 0
    problems.push(...read.messages.map((message) => `${message.file}:${placeText(message.place)} ${message.ruleId} ${message.message}`))
  }
  // As many `<tu>` as `xmllint --xpath 'count(//tu)'` finds in the 34 files.
  t.is(units, 638)
  // Trados's html_test.tmx has a header `<prop type2="…">`: xmllint --dtdvalid reports the same two errors on line 14.
  t.deepEqual(problems, ['okapi/html_test.tmx:14:1 tmx-invalid Attribute `type2` is not declared for `<prop>`', 'okapi/html_test.tmx:14:1 tmx-invalid `<prop>` needs the attribute `type`'])
  // A unit with codes: `<bpt>`/`<ept>` pairs whose ids link the target's codes to the source's (by `x`).
  const decoded = decodeXml(readFileSync(folder + 'lisa-tmx-compliance-kit-omegat/ImportTest2A.tmx')).value!
  const entries = tmxEntries(fromTmx(decoded).value!, {file: 'ImportTest2A.tmx', sourceLocale: 'en', targetLocales: ['fr']}).get('fr')!
  t.is(memoryValue(entries[0]!.source), 'The big <1>black</1> <2>cat</2> sleeps.')
  t.is(memoryValue(entries[0]!.source, entries[0]!.target), 'Le gros <2>chat</2> <1>noir</1> dors.')
})

test('a malformed TMX is reported with line, column and rule id, and only its bad units are left out', (t) => {
  const head = '<?xml version="1.0"?>\n<tmx version="1.4">\n<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="it" datatype="plaintext"/>\n<body>\n'
  const tu = (seg: string, lang = 'xml:lang="en"') => `<tu><tuv xml:lang="it"><seg>${seg}</seg></tuv><tuv ${lang}><seg>${seg}</seg></tuv></tu>\n`
  const file = head + tu('Buono.') + tu('<bpt i="1">**</bpt>Rotto.') + tu('Senza lingua.', 'lang="en"') + tu('Anche buono.') + '</body>\n</tmx>\n'
  const read = fromTmx(file, {file: 'bad.tmx'})
  t.deepEqual(read.value?.units.map((unit) => unit.line), [5, 8])
  t.deepEqual(read.value?.rejected.map((unit) => [unit.line, unit.diagnostics.length]), [
    [6, 2],
    [7, 1]
  ])
  t.deepEqual(
    read.messages.map((message) => [startOf(message.place)?.line, startOf(message.place)?.column, message.ruleId, message.message]),
    [
      [6, 29, 'tmx-invalid', '`<bpt i="1">` has no `<ept>` with the same `i` in its `<seg>`; the unit is left out'],
      [6, 90, 'tmx-invalid', '`<bpt i="1">` has no `<ept>` with the same `i` in its `<seg>`; the unit is left out'],
      [7, 54, 'tmx-invalid', 'TMX 1.4 `<tuv>` needs `xml:lang`; `lang` is deprecated; the unit is left out']
    ]
  )
  const fatal = (xml: string) => fromTmx(xml, {file: 'x.tmx'}).messages.map((message) => [startOf(message.place)?.line, startOf(message.place)?.column, message.ruleId])
  t.deepEqual(fatal('<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY a "b">]>\n<tmx version="1.4"/>'), [[2, 1, 'tmx-doctype']])
  // saxes reports the mismatched end tag just past it.
  t.deepEqual(fatal(head + '<tu><tuv xml:lang="it"><seg>a</tuv></tu>'), [[5, 36, 'tmx-malformed']])
  t.deepEqual(fatal('<tmx version="2.0"><header/></tmx>'), [[1, 1, 'tmx-version']])
  t.is(fromTmx('<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' + head.slice(22) + tu('Con DOCTYPE.') + '</body></tmx>').value?.units.length, 1)
})

/** XLIFF 2.1 and 1.2 for an edited seed, with a store's fuzzy match, a TMX match and a machine translation as candidates. */
function matchesXliff(): Map<'2.1' | '1.2', string> {
  const edited = seed.replace('legami economici tra i due', 'legami commerciali tra i due')
  const before = documentsOf({'putin-xi-alleanza.md': seed})
  const stores = referenceStores(before.get('putin-xi-alleanza.md')!)
  const documents = documentsOf({'putin-xi-alleanza.md': edited})
  // A TMX match whose codes have their bytes, and a machine translation.
  const tmx = toTmx(
    [
      {
        variants: [
          {lang: 'it', tokens: [{type: 'open', id: '1', data: '**', subType: 'strong'}, ...text('I due presidenti si sono infatti promessi sostegno reciproco in politica estera.'), {type: 'close', id: '1', data: '**'}]},
          {lang: 'en', tokens: [{type: 'open', id: '1', data: '**', subType: 'strong'}, ...text('The two presidents pledged each other support in foreign policy.'), {type: 'close', id: '1', data: '**'}]}
        ]
      }
    ],
    {sourceLocale: 'it'}
  )
  const memory = new Map([['en', tmxEntries(fromTmx(tmx).value!, {file: 'memory/old.tmx', sourceLocale: 'it', targetLocales: ['en']}).get('en')!]])
  const pechino = [...documents.values()][0]!.units.flatMap((unit) => unit.parts.flatMap((part) => (part.type === 'segment' && part.segment.value.startsWith('Il peso economico') ? [part.segment] : [])))[0]!
  const machine = new Map([['en', new Map([[pechino.key, {value: "Beijing's economic weight cannot fail to be a source of concern.", engine: 'apertium'}]])]])
  const versions = ['2.1', '1.2'] as const
  return new Map(versions.map((version) => [version, extractProject(testConfig({xliffVersion: version}), documents, stores, {memory, machine}).value.get('xliff/en/putin-xi-alleanza.md.xlf')!]))
}

test('extract lists candidates as XLIFF 2.1 mtc:matches and XLIFF 1.2 alt-trans', (t) => {
  for (const [version, xliff] of matchesXliff()) {
    if (version === '2.1') {
      t.regex(xliff, /<mtc:match ref="#s[\da-f]+" type="tm" subType="babele:fuzzy" similarity="94" matchQuality="94" origin="locales\/en\/putin-xi-alleanza.json">/)
      t.regex(xliff, /<mtc:match ref="#s[\da-f]+" type="tm" subType="babele:fuzzy" similarity="\d+" matchQuality="\d+" origin="memory\/old.tmx">/)
      t.regex(xliff, /<mtc:match ref="#s[\da-f]+" type="mt" subType="babele:machine" origin="apertium">/)
      t.true(xliff.includes('<data id="d1">**</data>'), 'a match carries its own original data')
    } else {
      t.regex(xliff, /<alt-trans mid="s[\da-f]+" match-quality="94" origin="locales\/en\/putin-xi-alleanza.json" extype="tm">/)
      t.regex(xliff, /<alt-trans mid="s[\da-f]+" origin="apertium" extype="mt">/)
    }
    // Fuzzy matches and machine translations are proposals: no target was pre-filled from them.
    t.false(xliff.includes("Beijing's economic weight cannot fail to be a source of concern.</target>\n   </segment>"))
  }
})

test('extract writes one mtc:matches per unit with candidates, first in the unit, and none in a unit without', (t) => {
  const xliff = matchesXliff().get('2.1')!
  const units = xliff.split(/\n(?=  <unit )/).slice(1)
  const withMatches = units.filter((unit) => unit.includes('<mtc:match '))
  t.true(withMatches.length > 0 && withMatches.length < units.length)
  for (const unit of units) {
    const lines = unit.split('\n')
    const has = unit.includes('<mtc:match ')
    t.is(lines.filter((line) => line === '   <mtc:matches>').length, has ? 1 : 0)
    t.is(lines.filter((line) => line === '   </mtc:matches>').length, has ? 1 : 0)
    t.is(lines.filter((line) => line.includes('mtc:matches>')).length, has ? 2 : 0)
    if (has) t.is(lines[1], '   <mtc:matches>')
  }
})

testWith('xmllint')('XLIFF with candidates validates: 2.1 against the module schemas and the mtc constraints, 1.2 against the strict schema', (t) => {
  for (const [version, xliff] of matchesXliff()) {
    const folder = mkdtempSync(join(tmpdir(), 'babele-matches-'))
    try {
      const file = join(folder, 'en.xlf')
      writeFileSync(file, xliff)
      if (version === '2.1') {
        t.is(xmllint(`${shared}corpora/xliff-schemas/xliff-2.1/xliff-2.1-with-modules.xsd`, [file]), '')
        t.is(xmllint(fileURLToPath(new URL('tests/fixtures/xliff/matches.xpath1.sch', root)), [file], 'schematron'), '')
      } else {
        t.is(xmllint(`${shared}corpora/xliff-schemas/xliff-1.2/xliff-core-1.2-strict.xsd`, [file]), '')
      }
    } finally {
      rmSync(folder, {recursive: true, force: true})
    }
  }
})

test('import never makes an untouched pre-fill human: own drafts stay as stored, untouched matches stay the memory\'s, proposals are not taken', (t) => {
  const config = testConfig({memory: {prefill: {fuzzy: 'initial'}}})
  const source = 'Il vertice si è chiuso con un accordo. Le sanzioni restano in vigore. Pechino tace. Nessuno lo aveva previsto.\n'
  const documents = documentsOf({'doc.md': source})
  const segments = [...documents.values()][0]!.units[0]!.parts.flatMap((part) => (part.type === 'segment' ? [part.segment] : []))
  const [summit, sanctions, silence, surprise] = segments
  // A stored machine draft of one sentence; a TMX with an exact and a fuzzy match for two others.
  const {bundle, state} = applyUpdates({}, {}, [{key: silence!.key, value: 'Beijing is silent.', state: 'initial', origin: 'machine', source: silence!.value, engine: 'apertium'}], segments.map((segment) => segment.key))
  const stores: Stores = {bundles: new Map([['en/doc', bundle]]), states: new Map([['en/doc', state]])}
  const tmx = toTmx(
    [
      {variants: [{lang: 'it', tokens: text('Il vertice si è chiuso con un accordo.')}, {lang: 'en', tokens: text('The summit ended with an agreement.')}]},
      {variants: [{lang: 'it', tokens: text('Le sanzioni restano in piedi.')}, {lang: 'en', tokens: text('The sanctions remain standing.')}]}
    ],
    {sourceLocale: 'it'}
  )
  const memory = new Map([['en', tmxEntries(fromTmx(tmx).value!, {file: 'memory/m.tmx', sourceLocale: 'it', targetLocales: ['en']}).get('en')!]])
  const xliff = extractProject(config, documents, stores, {memory}).value.get('xliff/en/doc.md.xlf')!
  t.true(xliff.includes('<segment id="s' + summit!.key + '" state="translated">'), 'the exact match pre-fills as translated')
  t.true(xliff.includes('<segment id="s' + sanctions!.key + '" state="initial">'), 'the fuzzy match pre-fills as initial, as configured')
  t.true(xliff.includes('<segment id="s' + silence!.key + '" state="initial">'), 'the stored machine draft keeps its state')
  // Returned untouched, but for the last sentence, which the translator wrote.
  const returned = xliff.replace(/(<segment id="s[\da-f]+" state="initial">\n    <source>Nessuno lo aveva previsto.<\/source>)\n/, '$1\n    <target>Nobody saw it coming.</target>\n')
  t.not(returned, xliff)
  const imported = importProject(config, documents, stores, new Map([['xliff/en/doc.md.xlf', returned]]), {memory})
  const after = imported.stores.states.get('en/doc')!
  t.like(after[summit!.key], {origin: 'memory', state: 'translated', score: 100})
  t.false(sanctions!.key in after, 'an untouched fuzzy proposal is not a translation')
  t.like(after[silence!.key], {origin: 'machine', state: 'initial', engine: 'apertium'})
  t.like(after[surprise!.key], {origin: 'human', state: 'initial'})
  t.is(imported.stores.bundles.get('en/doc')![surprise!.key], 'Nobody saw it coming.')
  // The translator confirms the machine draft: now it is human.
  const confirmed = xliff.replace(/(<segment id="s[\da-f]+") state="initial">(\n    <source>Pechino tace.)/, '$1 state="translated">$2')
  t.like(importProject(config, documents, stores, new Map([['xliff/en/doc.md.xlf', confirmed]]), {memory}).stores.states.get('en/doc')![silence!.key], {origin: 'human', state: 'translated'})
})

/** Documents that note which of them were read (by key, or all of them by any walk over values or entries). */
class WatchedDocuments extends Map<string, SourceDocument> {
  readonly read = new Set<string>()
  override get(key: string): SourceDocument | undefined {
    this.read.add(key)
    return super.get(key)
  }
  override values(): MapIterator<SourceDocument> {
    for (const key of this.keys()) this.read.add(key)
    return super.values()
  }
  override entries(): MapIterator<[string, SourceDocument]> {
    for (const key of this.keys()) this.read.add(key)
    return super.entries()
  }
  override [Symbol.iterator](): MapIterator<[string, SourceDocument]> {
    return this.entries()
  }
  override forEach(callback: (value: SourceDocument, key: string, map: Map<string, SourceDocument>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this)
  }
}

test('importing one file reads the documents it names and those whose stores are memory, no other, and still knows what extract pre-filled from that memory', (t) => {
  const config = testConfig()
  const sources = {'doc.md': 'Il vertice si è chiuso con un accordo.\n\nNessuno lo aveva previsto.\n', 'memoria.md': 'Il vertice si è chiuso con un accordo.\n', 'altro.md': 'Una pagina che nessuno ha ancora tradotto.\n'}
  const documents = documentsOf(sources)
  const segmentsOf = (path: string) => documents.get(path)!.units.flatMap((unit) => unit.parts.flatMap((part) => (part.type === 'segment' ? [part.segment] : [])))
  const [stored] = segmentsOf('memoria.md')
  const [summit, surprise] = segmentsOf('doc.md')
  const {bundle, state} = applyUpdates({}, {}, [{key: stored!.key, value: 'The summit ended with an agreement.', state: 'translated', origin: 'human', source: stored!.value}], [stored!.key])
  const stores: Stores = {bundles: new Map([['en/memoria', bundle]]), states: new Map([['en/memoria', state]])}
  const xliff = extractProject(config, documents, stores).value.get('xliff/en/doc.md.xlf')!
  t.true(xliff.includes('<segment id="s' + summit!.key + '" state="translated">'), 'memoria.md\'s translation pre-fills doc.md\'s first sentence')
  const returned = xliff.replace(/(<segment id="s[\da-f]+" state="initial">\n    <source>Nessuno lo aveva previsto.<\/source>)\n/, '$1\n    <target>Nobody saw it coming.</target>\n')
  t.not(returned, xliff)
  const watched = new WatchedDocuments(documents)
  const imported = importProject(config, watched, stores, new Map([['xliff/en/doc.md.xlf', returned]]))
  t.deepEqual([...watched.read].sort(), ['doc.md', 'memoria.md'])
  const after = imported.stores.states.get('en/doc')!
  t.like(after[summit!.key], {origin: 'memory', state: 'translated', score: 100}, 'the untouched pre-fill is known as memory, not as the translator\'s')
  t.like(after[surprise!.key], {origin: 'human', state: 'initial'})
  t.deepEqual(imported.stores, importProject(config, documents, stores, new Map([['xliff/en/doc.md.xlf', returned]])).stores)
})

test('run\'s extract stores each document\'s analysis parts from the lookup its XLIFF was made from: the analysis then reads only the documents that are memory, and is the one made from scratch', (t) => {
  const config = testConfig()
  const documents = documentsOf({'doc.md': 'Il vertice si è chiuso con un accordo.\n\nNessuno lo aveva previsto.\n', 'memoria.md': 'Il vertice si è chiuso con un accordo.\n', 'altro.md': 'Il vertice si è chiuso con un accordo firmato.\n'})
  const [stored] = documents.get('memoria.md')!.units.flatMap((unit) => unit.parts.flatMap((part) => (part.type === 'segment' ? [part.segment] : [])))
  const {bundle, state} = applyUpdates({}, {}, [{key: stored!.key, value: 'The summit ended with an agreement.', state: 'translated', origin: 'human', source: stored!.value}], [stored!.key])
  const stores: Stores = {bundles: new Map([['en/memoria', bundle]]), states: new Map([['en/memoria', state]])}
  const reuseOf = () => {
    const entries = new Map<string, unknown>()
    const store: EntryStore = {get: <Value>(kind: string, key: string) => entries.get(`${kind}/${key}`) as Value | undefined, put: (kind, key, value) => void entries.set(`${kind}/${key}`, value)}
    return {keys: new Map([...documents.keys()].map((path) => [path, path])), glossary: undefined, store} satisfies Reuse
  }
  const expected = analyzeProject(config, documents, stores).outputs
  t.true(expected.get('reports/analysis-en.json')!.includes('"fuzzy"'), 'altro.md has a fuzzy match')
  for (const parts of [true, false]) {
    const reuse = reuseOf()
    extractProject(config, documents, stores, {reuse, parts: parts ? analysisContexts(config, extractContext(config, documents, stores).memories) : null})
    const watched = new WatchedDocuments(documents)
    const analysis = analyzeProject(config, watched, stores, {reuse})
    // The memory's document is read to make the memory; without the parts, every document is looked up again.
    t.deepEqual([...watched.read].sort(), parts ? ['memoria.md'] : ['altro.md', 'doc.md', 'memoria.md'])
    t.deepEqual(analysis.outputs, expected)
  }
})

test('on a thread, a document\'s outputs come with the same analysis parts run\'s extract stores', (t) => {
  const config = testConfig()
  const sources = {'doc.md': 'Il vertice si è chiuso con un accordo.\n\nNessuno lo aveva previsto.\n', 'memoria.md': 'Il vertice si è chiuso con un accordo.\n'}
  const documents = documentsOf(sources)
  const [stored] = documents.get('memoria.md')!.units.flatMap((unit) => unit.parts.flatMap((part) => (part.type === 'segment' ? [part.segment] : [])))
  const {bundle, state} = applyUpdates({}, {}, [{key: stored!.key, value: 'The summit ended with an agreement.', state: 'translated', origin: 'human', source: stored!.value}], [stored!.key])
  const stores: Stores = {bundles: new Map([['en/memoria', bundle]]), states: new Map([['en/memoria', state]])}
  const entries = new Map<string, unknown>()
  const store: EntryStore = {get: <Value>(kind: string, key: string) => entries.get(`${kind}/${key}`) as Value | undefined, put: (kind, key, value) => void entries.set(`${kind}/${key}`, value)}
  const {memories} = extractContext(config, documents, stores)
  const contexts = analysisContexts(config, memories)
  extractProject(config, documents, stores, {reuse: {keys: new Map([['doc.md', 'doc'], ['memoria.md', 'memoria']]), glossary: undefined, store}, parts: contexts})
  const made = outputTask({config, termbase: undefined, cache: undefined, memories, parts: contexts})({path: 'doc.md', text: sources['doc.md'], document: 'doc', lint: 'doc-lint'})
  t.is(made.parts?.length, config.targetLocales.length)
  made.parts!.forEach((part, at) => t.deepEqual(part, entries.get(`analysis/${analysisKey('doc', contexts[at]!)}`)))
  t.is(made.parts![0]!.part.bands[0], 'exact', 'the stored sentence is an exact match')
})

test('the analysis of a fixture equals a hand count', (t) => {
  const config = testConfig()
  const folder = new URL('fixtures/analysis/', import.meta.url)
  const documents = extractDocuments(config, new Map([['article.md', readFileSync(new URL('article.md', folder), 'utf8')]])).value
  const memory = new Map([['en', tmxEntries(fromTmx(readFileSync(new URL('memory.tmx', folder), 'utf8')).value!, {file: 'memory.tmx', sourceLocale: 'it', targetLocales: ['en']}).get('en')!]])
  const surprise = [...documents.values()][0]!.units.flatMap((unit) => unit.parts.flatMap((part) => (part.type === 'segment' && part.segment.value === 'Nessuno lo aveva previsto.' ? [part.segment.key] : [])))[0]!
  const machine = new Map([['en', new Map([[surprise, {value: 'Nobody had foreseen it.', engine: 'apertium'}]])]])
  const {value: [analysis], outputs} = analyzeProject(config, documents, {bundles: new Map(), states: new Map()}, {memory, machine})
  // Words by the documented rule (letters and digits; punctuation is not a word):
  //   Il vertice di Pechino                                    4  context (its TMX pair has this heading's context)
  //   Il vertice si è chiuso con un accordo.                   8  exact
  //   I due presidenti hanno firmato un documento comune.      8  95–99 (99: one case penalty)
  //   Le sanzioni restano in vigore.                           5  75–84 (83: one edit in 6 tokens)
  //   Il gas russo arriva in Cina attraverso un nuovo gasdotto. 10 85–94 (90: one edit in 11 tokens)
  //   Il vertice si è chiuso con un accordo. (again)           8  repetitions
  //   Nessuno lo aveva previsto.                               4  machine
  //   Pechino tace.                                            2  no match
  //   total: 8 segments, 49 words
  const bands = {
    context: {segments: 1, words: 4},
    exact: {segments: 1, words: 8},
    '95-99': {segments: 1, words: 8},
    '85-94': {segments: 1, words: 10},
    fuzzy: {segments: 1, words: 5},
    machine: {segments: 1, words: 4},
    none: {segments: 1, words: 2},
    repetitions: {segments: 1, words: 8}
  }
  t.deepEqual(analysis!.files, [{path: 'article.md', bands, total: {segments: 8, words: 49}}])
  t.deepEqual(analysis!.total, {bands, total: {segments: 8, words: 49}})
  t.deepEqual(JSON.parse(outputs.get('reports/analysis-en.json')!), analysis)
  // The scores behind the bands (the leverage stage alone, without the machine translation).
  const document = [...documents.values()][0]!
  t.deepEqual(
    leverage(document, {memory: compileMemory(memory.get('en')!)}).value.map((one) => one.best?.score),
    [101, 100, 99, 83, 90, 100, undefined, undefined]
  )
  // The fixture's `x-babele-context` is the heading's context: no neighbour before it, the next sentence after it.
  const second = document.units[1]!.parts[0]!
  t.is(contextOf(undefined, second.type === 'segment' ? second.segment.key : undefined), '6b3c2f3c0a')
})

testWith('python3')('an XLIFF file given as memory gives its confirmed segments, codes with their bytes, and the OmegaT export splits exact matches from proposals', (t) => {
  const config = testConfig()
  const documents = documentsOf({'putin-xi-alleanza.md': seed})
  const empty: Stores = {bundles: new Map(), states: new Map()}
  const folder = mkdtempSync(join(tmpdir(), 'babele-xliff-memory-'))
  try {
    const file = join(folder, 'old.xlf')
    writeFileSync(file, extractProject(config, documents, empty).value.get('xliff/en/putin-xi-alleanza.md.xlf')!)
    fillXliff('upper', [file])
    const read = fromXliff(readFileSync(file, 'utf8'), {file: 'memory/old.xlf'})
    const found = xliffEntries(read.value!, {file: 'memory/old.xlf', sourceLocale: 'it', targetLocales: ['en', 'es']})!
    t.is(found.locale, 'en')
    // 21 segments; fill-xliff marks them translated.
    t.is(found.entries.length, 21)
    t.true(found.entries.some((entry) => entry.source.some((token) => token.type === 'open' && token.data === '**')), 'codes keep their bytes from <originalData>')
    // A sentence edited by one word finds the XLIFF's translation as a fuzzy match; the others are exact.
    const edited = documentsOf({'putin-xi-alleanza.md': seed.replace('legami economici tra i due', 'legami commerciali tra i due')})
    const memory = new Map([['en', found.entries]])
    const leveraged = projectLeverage(config, edited, empty, 'en', {memory}).documents.get('putin-xi-alleanza.md')!
    t.deepEqual(
      [...new Set(leveraged.map((one) => `${one.best?.match} ${one.best?.from.kind}`))].sort(),
      ['exact xliff', 'fuzzy xliff']
    )
    const project = omegatProject(config, edited, empty, {locale: 'en', memory})
    const auto = project.get('tm/auto/babele-en.tmx')!
    const proposals = project.get('tm/babele-en-proposals.tmx')!
    t.is((auto.match(/<tu>/g) ?? []).length, 21 - 1)
    t.is((proposals.match(/<tu>/g) ?? []).length, 1)
    t.true(proposals.includes('LEGAMI ECONOMICI'), 'the fuzzy match is a proposal, not an automatic translation')
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('a memory is compiled once for the same entries: import\'s comparisons with extract and its own lookup share it', (t) => {
  const entries: MemoryEntry[] = ['La NATO si allarga a est.', 'Il Cremlino risponde.'].map((sentence, index) => ({source: text(sentence), target: text(sentence.toUpperCase()), origin: 'human', from: {kind: 'tmx', file: 'shared.tmx', line: index + 1}}))
  const compiled = compiledMemory(entries)
  t.is(compiledMemory(entries), compiled, 'asked again, the same compiled memory')
  t.is(compileContext([['en', entries]]).memories.get('en'), compiled, 'extract\'s context compiles through it')
  t.not(compiledMemory([...entries]), compiled, 'other entries, even equal ones, are compiled on their own')
  // Import's lookup of what extract pre-filled takes the entries it is given as they are.
  const config = testConfig()
  const leverage = localeLeverage(config, new Map(), {bundles: new Map(), states: new Map()}, 'en', null, entries)
  t.is(leverage.entries, entries)
})
