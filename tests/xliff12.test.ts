import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import {itDocs} from './helpers/corpora.ts'
import {extractDocuments, importProject, type KeyState, type SourceDocument, type Stores} from '../pipeline/index.ts'
import {fromXliff, fromXliff12, toXliff12, type XliffDocument, type XliffPart, type XliffState} from '../pipeline/xliff/index.ts'
import {inventory} from './helpers/inventory.ts'
import {roundTrip, testConfig, xliff12Schema} from './helpers/round-trip.ts'
import {shared, testWith, xmllint} from './helpers/tools.ts'

const seed = readFileSync(new URL('../source/it/putin-xi-alleanza.md', import.meta.url), 'utf8')
// Targets here are copies of their sources (a translator's identity pass), which `untranslated`
// reports; these tests are about reading and importing XLIFF 1.2, so that rule is off.
const config = testConfig({qa: {untranslated: 'off'}})
const empty = (): Stores => ({bundles: new Map(), states: new Map()})


/** The seed and every `.md` of the it-docs sample. */
function corpus(): Map<string, string> {
  const sources = new Map([['putin-xi-alleanza.md', seed]])
  for (const [path, text] of itDocs()) sources.set(`it-docs/${path}`, text)
  return sources
}

function extract(sources: ReadonlyMap<string, string>): Map<string, SourceDocument> {
  return extractDocuments(config, sources).value
}

/** 1.2 with every segment pre-filled with its source, states cycling through all four. */
function prefilled(document: SourceDocument): string {
  const cycle: Array<KeyState['state']> = ['initial', 'translated', 'reviewed', 'final']
  let count = 0
  return toXliff12(document, {sourceLocale: 'it', targetLocale: 'en', target: (segment) => ({tokens: segment.tokens, state: cycle[count++ % 4]!})})
}

function read(xml: string): XliffDocument {
  const result = fromXliff(xml)
  if (!result.value) throw new Error(result.messages.map((message) => message.message).join('\n'))
  return result.value
}

/** Segments and ignorables as `[kind, id, source, target]`, inline elements by type and id. */
function shape(parts: readonly XliffPart[]): Array<[string, string | undefined, string[] | undefined, string[] | undefined]> {
  const inline = (content: XliffPart['source'] | undefined): string[] | undefined =>
    content?.map((item) => (typeof item === 'string' ? item : `<${item.type} ${'startRef' in item && item.startRef !== undefined ? item.startRef : 'id' in item ? item.id : ''}>`))
  return parts.map((part) => [part.kind, part.id, inline(part.source), inline(part.target)])
}

testWith('xmllint')('toXliff12 writes XLIFF 1.2 that validates against the strict schema, with and without targets (seed and it-docs)', (t) => {
  const documents = extract(corpus())
  t.is(documents.size, 1 + 159, 'the seed and every it-docs page')
  const folder = mkdtempSync(join(tmpdir(), 'babele-xliff12-'))
  try {
    const files: string[] = []
    for (const [index, document] of [...documents.values()].entries()) {
      const bare = join(folder, `${index}.xlf`)
      const filled = join(folder, `${index}-target.xlf`)
      writeFileSync(bare, toXliff12(document, {sourceLocale: 'it', targetLocale: 'en'}))
      writeFileSync(filled, prefilled(document))
      files.push(bare, filled)
    }
    t.is(files.length, documents.size * 2)
    t.is(xmllint(xliff12Schema, files), '', 'every file validates')
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

testWith('python3')('an identity translation through XLIFF 1.2 rebuilds every source byte for byte (seed, it-docs)', (t) => {
  const sources = corpus()
  const result = roundTrip(sources, 'identity', false, '1.2')
  t.deepEqual(result.messages.filter((message) => message.severity === 'error'), [])
  const segments = [...extract(sources).values()].reduce((sum, document) => sum + document.units.reduce((count, unit) => count + unit.parts.filter((part) => part.type === 'segment').length, 0), 0)
  t.is(result.reports.reduce((sum, report) => sum + report.segments, 0), segments, 'every segment was imported from the 1.2 files')
  t.deepEqual(result.reports.flatMap((report) => report.quarantined), [])
  const different = [...sources].filter(([path, text]) => result.built.get(path) !== text).map(([path]) => path)
  t.deepEqual(different, [], 'built files equal their sources')
})

testWith('python3')('an upper-cased translation through XLIFF 1.2 leaves no lowercase prose while code, URLs, HTML and front-matter keys stay', (t) => {
  const sources = corpus()
  const result = roundTrip(sources, 'upper', false, '1.2')
  t.deepEqual(result.messages.filter((message) => message.severity === 'error'), [])
  for (const [path, text] of sources) {
    const after = inventory(result.built.get(path)!)
    t.deepEqual(after.lowercase, [], `${path}: prose left in lowercase`)
    t.deepEqual(after.kept, inventory(text).kept, `${path}: code, URLs, HTML and front-matter keys unchanged`)
    t.deepEqual(after.structure, inventory(text).structure, `${path}: same Markdown structure`)
  }
  t.true(result.built.get('putin-xi-alleanza.md')!.includes('**IL CONFRONTO AVEVA COME SCOPO'))
})

test('fromXliff reads Okapi’s XLIFF 1.2 for Markdown: segments by mid, isolated codes, native data left out', (t) => {
  const file = `${shared}corpora/xliff-samples/okapi-markdown/xliff/example1.md.xliff`
  const xml = readFileSync(file, 'utf8')
  const result = fromXliff(xml, {file})
  t.deepEqual(result.messages, [])
  const document = result.value!
  t.is(document.version, '1.2')
  t.is(document.srcLang, 'en')
  t.is(document.trgLang, 'fr')
  const units = document.files[0]!.units
  t.is(units.length, (xml.match(/<trans-unit /g) ?? []).length)
  t.true(units.every((unit) => unit.parts.some((part) => part.kind === 'segment' && part.target !== undefined)), 'every unit has targets')

  // > <mrk mid="0" mtype="seg">Here's a link to … to a <it id="2" ctype="link" pos="open">[</it>local</mrk>
  // > <mrk mid="1" mtype="seg">doc<it id="2" ctype="link" pos="close">](local-doc.html)</it>, …
  const links = units.find((unit) => unit.id === 'tu33')!
  const [first, , second] = links.parts
  t.is(first!.id, '0')
  t.deepEqual(first!.source.at(-2), {type: 'sc', id: '2', isolated: true, attributes: {ctype: 'link', pos: 'open'}})
  t.deepEqual(second!.source[1], {type: 'ec', id: '2', isolated: true, attributes: {ctype: 'link', pos: 'close'}})
  t.false(JSON.stringify(units).includes('](http://foo.bar)'), 'native data is not text')
})

test('fromXliff reads Microsoft mdxliff 1.2 translated in a CAT tool: unsegmented units, groups, extension attributes', (t) => {
  const file = `${shared}corpora/xliff-samples/microsoft-mdxliff-it/xliff/articles/retail/cash-denominations.xlf`
  const xml = readFileSync(file, 'utf8')
  const result = fromXliff(xml, {file})
  t.deepEqual(result.messages, [])
  const document = result.value!
  t.is(document.srcLang, 'en-US')
  t.is(document.trgLang, 'it-IT')
  const units = document.files[0]!.units
  t.is(units.length, (xml.match(/<trans-unit /g) ?? []).length)
  const unit = units.find((one) => one.id === '107')!
  t.deepEqual(unit.groupIds, ['content'])
  t.deepEqual(shape(unit.parts), [
    [
      'segment',
      '107',
      ['The denominations are set up per store on the ', '<sc p1>', 'Set up', '<ec p1>', ' ', '<ph ph1>', ' ', '<sc p2>', 'Cash declaration', '<ec p2>', ' option from the store property page.'],
      ['È possibile impostare le denominazioni per punto vendita selezionando ', '<sc p1>', 'Imposta', '<ec p1>', ' ', '<ph ph1>', ' ', '<sc p2>', 'Riepilogo di cassa', '<ec p2>', ' nella pagina delle proprietà dei punti vendita.']
    ]
  ])
  const part = unit.parts[0]!
  t.is(part.state, 'translated')
  t.is(part.targetAttributes!['state-qualifier'], 'x-fuzzy-match-unedited')
  t.is(part.targetAttributes!['{urn:logoport:xliffeditor:xliff-extras:1.0}matchpercent'], '98')
})

test('fromXliff refuses a 1.2 file with a DOCTYPE (external entity, billion laughs) with one message', (t) => {
  const core12 = 'urn:oasis:names:tc:xliff:document:1.2'
  const body = `<xliff xmlns="${core12}" version="1.2"><file original="a.md" source-language="it" datatype="x-markdown"><body><trans-unit id="u"><source>&x;</source></trans-unit></body></file></xliff>`
  const xxe = `<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/passwd">]>${body}`
  const laughs = '<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY lol "lol">' + Array.from({length: 9}, (_, index) => `<!ENTITY lol${index + 1} "${`&lol${index || ''};`.repeat(10)}">`).join('') + ']>' + body.replace('&x;', '&lol9;')
  for (const xml of [xxe, laughs]) {
    for (const reader of [fromXliff, fromXliff12]) {
      const result = reader(xml)
      t.is(result.value, undefined)
      t.is(result.messages.length, 1)
      t.is(result.messages[0]!.ruleId, 'xml-doctype')
    }
  }
})

test('a 1.2 target whose codes a translator reordered inside the mrk still reads and imports', (t) => {
  const documents = extract(new Map([['putin-xi-alleanza.md', seed]]))
  const document = documents.get('putin-xi-alleanza.md')!
  let xml = prefilled(document).replace(/<target state="[^"]+">/g, '<target state="translated">')
  // Swap the two links of "I russi …" in the target: Taiwan and NATO trade places.
  const start = xml.indexOf('<target', xml.indexOf('I russi, appoggiando'))
  const end = xml.indexOf('</target>', start)
  const swapped = xml
    .slice(start, end)
    .replace(/(<bpt id="(\d+)"[^>]*>\[<\/bpt>Taiwan<ept[^>]*>[^<]*<\/ept>)([^]*?)(<bpt id="\d+"[^>]*>\[<\/bpt>le mire espansionistiche della NATO<ept[^>]*>[^<]*<\/ept>)/, '$4$3$1')
  t.not(swapped, xml.slice(start, end), 'the pairs were swapped')
  xml = xml.slice(0, start) + swapped + xml.slice(end)

  const result = fromXliff(xml)
  t.deepEqual(result.messages, [])
  const imported = importProject(config, documents, empty(), new Map([['xliff/en/putin-xi-alleanza.md.xlf', xml]]))
  t.deepEqual(imported.messages, [])
  t.deepEqual(imported.reports[0]!.quarantined, [])
  const bundle = imported.stores.bundles.get('en/putin-xi-alleanza')!
  t.true(Object.values(bundle).some((value) => /^I russi, appoggiando le posizioni di Pechino su <(\d)>le mire espansionistiche della NATO<\/\1> e i cinesi condannando <(\d)>Taiwan<\/\2>/.test(value)))
})

test('a pair cut by a sentence boundary is written bpt in one mrk, ept in the next, and reads back as sc and ec in two segments', (t) => {
  const source = '**Prima frase. Seconda frase.** Terza frase.\n'
  const documents = extract(new Map([['split.md', source]]))
  // A copy of the source in an `initial` (1.2 `new`) target is a pre-fill the import skips.
  const xml = prefilled(documents.get('split.md')!).replace(/<target state="new">/, '<target state="translated">')
  t.regex(xml, /<mrk mtype="seg" mid="[^"]+"><bpt id="1" rid="1" ctype="bold">\*\*<\/bpt>Prima frase\.<\/mrk> <mrk mtype="seg" mid="[^"]+">Seconda frase\.<ept id="1" rid="1">\*\*<\/ept><\/mrk>/)
  const parts = read(xml).files[0]!.units[0]!.parts
  t.deepEqual(
    shape(parts).map(([kind, , sourceContent, target]) => [kind, sourceContent, target]),
    [
      ['segment', ['<sc 1>', 'Prima frase.'], ['<sc 1>', 'Prima frase.']],
      ['ignorable', [' '], undefined],
      ['segment', ['Seconda frase.', '<ec 1>'], ['Seconda frase.', '<ec 1>']],
      ['ignorable', [' '], undefined],
      ['segment', ['Terza frase.'], ['Terza frase.']]
    ]
  )
  const imported = importProject(config, documents, empty(), new Map([['xliff/en/split.md.xlf', xml]]))
  t.deepEqual(imported.messages, [])
  t.is(imported.reports[0]!.segments, 3)
})

test('fromXliff12 maps 1.2 states onto the 2.x workflow and keeps the raw state', (t) => {
  const unit = (state: string) => `<trans-unit id="u"><source>a</source><target state="${state}">b</target></trans-unit>`
  const expected: Record<string, XliffState | undefined> = {
    new: 'initial',
    'needs-translation': 'initial',
    translated: 'translated',
    'needs-review-translation': 'translated',
    'signed-off': 'reviewed',
    final: 'final',
    'x-custom': undefined
  }
  for (const [state, mapped] of Object.entries(expected)) {
    const part = read(file12(unit(state))).files[0]!.units[0]!.parts[0]!
    t.is(part.state, mapped, state)
    t.is(part.targetAttributes!.state, state)
  }
})

test('fromXliff12 gives a target without seg mrks to the only segment, and a joined target of several to one segment without id', (t) => {
  const single = read(file12('<trans-unit id="u"><source>Uno.</source><seg-source><mrk mtype="seg" mid="s1">Uno.</mrk></seg-source><target>One.</target></trans-unit>'))
  t.deepEqual(shape(single.files[0]!.units[0]!.parts), [['segment', 's1', ['Uno.'], ['One.']]])

  const joined = read(file12('<trans-unit id="u"><source>Uno. Due.</source><seg-source><mrk mtype="seg" mid="s1">Uno.</mrk> <mrk mtype="seg" mid="s2">Due.</mrk></seg-source><target>One. Two.</target></trans-unit>'))
  t.deepEqual(shape(joined.files[0]!.units[0]!.parts), [['segment', undefined, ['Uno. Due.'], ['One. Two.']]])

  const blank = read(file12('<trans-unit id="u"><source>Uno. Due.</source><seg-source><mrk mtype="seg" mid="s1">Uno.</mrk> <mrk mtype="seg" mid="s2">Due.</mrk></seg-source><target>\n  </target></trans-unit>'))
  t.deepEqual(shape(blank.files[0]!.units[0]!.parts), [['segment', 's1', ['Uno.'], undefined], ['ignorable', undefined, [' '], undefined], ['segment', 's2', ['Due.'], undefined]])
})

test('fromXliff12 leaves out a unit with a broken target, reports it with its id, and keeps the others', (t) => {
  const good = '<trans-unit id="good"><source>Uno.</source><target>One.</target></trans-unit>'
  const cases: Array<[string, RegExp]> = [
    ['<trans-unit id="bad"><source>Uno.</source><seg-source><mrk mtype="seg" mid="s1">Uno.</mrk></seg-source><target><mrk mtype="seg" mid="s9">One.</mrk></target></trans-unit>', /names no segment/],
    ['<trans-unit id="bad"><source>Uno.</source><seg-source><mrk mtype="seg" mid="s1">Uno.</mrk></seg-source><target><mrk mtype="seg" mid="s1">One.</mrk> lost</target></trans-unit>', /outside `<mrk mtype="seg">`/],
    ['<trans-unit id="bad"><source>Uno.</source><target>On<ept id="1">*</ept>e<bpt id="1">*</bpt>.</target></trans-unit>', /has no `<bpt>` before it/],
    ['<trans-unit id="bad"><source>Uno.</source><target>On<bpt id="1">*</bpt>e.</target></trans-unit>', /has no `<ept>`/],
    ['<trans-unit id="bad"><source>Uno.</source><target>One<blink/>.</target></trans-unit>', /`<blink>` is not allowed/],
    ['<trans-unit id="bad"><target>One.</target></trans-unit>', /`<target>`, after `<source>`/],
    ['<trans-unit id="bad"><source>Uno.</source><seg-source><mrk mtype="seg" mid="s1">Uno.</mrk><mrk mtype="seg" mid="s1">Due.</mrk></seg-source></trans-unit>', /Duplicate `<mrk mtype="seg" mid="s1">`/]
  ]
  for (const [bad, message] of cases) {
    const result = fromXliff12(file12(good + bad))
    t.regex(result.messages[0]?.message ?? '', message)
    t.like(result.messages[0], {ruleId: 'xliff-invalid', severity: 'error', unitId: 'bad'})
    t.deepEqual(result.value?.files[0]!.units.map((unit) => unit.id), ['good'], bad)
  }

  const twice = fromXliff12(file12(good + good.replace('Uno', 'Due')))
  t.regex(twice.messages[0]!.message, /Duplicate `<trans-unit id="good">`/)
  t.deepEqual(twice.value?.files[0]!.units.map((unit) => unit.parts[0]!.source), [['Uno.']], 'the first of two units with one id is kept')
})

test('fromXliff12 skips extension elements, alt-trans, context and bin-unit, and recurses into groups', (t) => {
  const xml = file12(
    '<group id="g1" resname="outer"><context-group><context context-type="x-a">ctx</context></context-group><note from="me" priority="2">Group note</note>' +
      '<group id="g2"><trans-unit id="u1" resname="title"><source>Uno <x id="1" ctype="x-babele-cp-0001"/>.</source><target>One <mrk mtype="protected" mid="m1">X</mrk>.</target>' +
      '<alt-trans match-quality="80"><target>Other</target></alt-trans><note annotates="source">Keep it short.</note><sdl:seg xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0">skip</sdl:seg></trans-unit></group></group>' +
      '<bin-unit id="b1" mime-type="image/png"><bin-source><external-file href="a.png"/></bin-source></bin-unit>'
  )
  const result = fromXliff12(xml)
  t.deepEqual(result.messages, [])
  const file = result.value!.files[0]!
  t.deepEqual(
    file.groups.map((group) => [group.id, group.name, group.parent, group.notes.map((note) => note.value)]),
    [
      ['g1', 'outer', undefined, ['Group note']],
      ['g2', undefined, 'g1', []]
    ]
  )
  const unit = file.units[0]!
  t.is(unit.name, 'title')
  t.deepEqual(unit.groupIds, ['g1', 'g2'])
  t.deepEqual(unit.notes.map((note) => [note.appliesTo, note.value]), [['source', 'Keep it short.']])
  t.deepEqual(unit.parts[0]!.source, ['Uno \u0001.'], 'babele’s placeholder for a character XML cannot hold reads as that character')
  t.deepEqual(unit.parts[0]!.target, ['One ', {type: 'mrk', id: 'm1', mrkType: 'protected', translate: 'no', attributes: {}, children: ['X']}, '.'])
})

test('fromXliff12 refuses an XLIFF 2 document, and a 1.2 root with another version; it takes 1.1', (t) => {
  const two = fromXliff12('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="it"><file id="f"/></xliff>')
  t.is(two.value, undefined)
  t.is(two.messages[0]?.ruleId, 'xliff-version')
  t.regex(two.messages[0]!.message, /XLIFF 2 document/)
  t.is(fromXliff12('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.0"/>').messages[0]?.ruleId, 'xliff-version')
  t.is(fromXliff12('<xliff version="1.2"/>').messages[0]?.ruleId, 'xliff-version')
  const older = fromXliff(file12('<trans-unit id="u"><source>a</source></trans-unit>').replace(':1.2" version="1.2"', ':1.1" version="1.1"'))
  t.deepEqual(older.messages, [])
  t.is(older.value?.version, '1.1')
})

test('toXliff12 writes a character XML cannot hold as a placeholder in text and as U+FFFD in native data', (t) => {
  const documents = extract(new Map([['cp.md', 'Uno \u0001 due `a\u0002b` tre.\n']]))
  const xml = toXliff12(documents.get('cp.md')!, {sourceLocale: 'it', targetLocale: 'en'})
  t.regex(xml, /<source>Uno <x id="cp1" ctype="x-babele-cp-0001"\/> due <ph id="1" ctype="x-babele-code">`a\uFFFDb`<\/ph> tre\.<\/source>/)
  t.deepEqual(read(xml).files[0]!.units[0]!.parts[0]!.source, ['Uno \u0001 due ', {type: 'ph', id: '1', attributes: {ctype: 'x-babele-code'}}, ' tre.'])
})

test('toXliff12 throws without languages', (t) => {
  const document = extract(new Map([['a.md', 'Uno.\n']])).get('a.md')!
  t.throws(() => toXliff12(document, {sourceLocale: '', targetLocale: 'en'}), {message: /options\.sourceLocale/})
})

/** A 1.2 document around trans-units. */
function file12(units: string): string {
  return `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="a.md" source-language="it" target-language="en" datatype="x-markdown"><body>${units}</body></file></xliff>`
}
