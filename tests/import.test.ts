import {readFileSync} from 'node:fs'
import test from 'ava'
import {buildProject, extractDocuments, extractProject, importProject, sourceBundle, toXliff12, type Stores} from '../pipeline/index.ts'
import {startOf} from '../pipeline/diagnostic.ts'
import type {ImportReport} from '../pipeline/index.ts'
import {testConfig} from './helpers/round-trip.ts'

const seed = readFileSync(new URL('../source/it/putin-xi-alleanza.md', import.meta.url), 'utf8')
// The identity pass (`translated()`) stands in for a translator: its targets are their
// sources, which `untranslated` reports. These tests are about the import's mechanics, so
// that rule is off here; the test of warnings and configured errors at import keeps it on.
const config = testConfig({qa: {untranslated: 'off'}})
const documents = extractDocuments(config, new Map([['putin-xi-alleanza.md', seed]])).value
const empty = (): Stores => ({bundles: new Map(), states: new Map()})
const path = 'xliff/en/putin-xi-alleanza.md.xlf'

/** The seed's XLIFF with every target a copy of its source (what a translator's identity pass gives). */
function translated(): string {
  const xliff = extractProject(config, documents, empty()).value.get(path)!
  return xliff.replace(/(<segment id="[^"]+") state="initial">\n(\s*)<source>(.*)<\/source>/g, '$1 state="translated">\n$2<source>$3</source>\n$2<target>$3</target>')
}

/** Why a unit was quarantined, as `rule id: message` lines. */
function reasonsOf(entry: ImportReport['quarantined'][number]): string[] {
  return entry.diagnostics.map((message) => `${message.ruleId}: ${message.message}`)
}

/** Edit the target of the unit holding `marker`. */
function editUnit(xliff: string, marker: string, edit: (unit: string) => string): string {
  const start = xliff.lastIndexOf('<unit ', xliff.indexOf(marker))
  const end = xliff.indexOf('</unit>', start)
  return xliff.slice(0, start) + edit(xliff.slice(start, end)) + xliff.slice(end)
}

test('importProject takes every unit of a good file', (t) => {
  const result = importProject(config, documents, empty(), new Map([[path, translated()]]))
  t.deepEqual(result.messages, [])
  t.is(result.reports[0]!.quarantined.length, 0)
  const bundle = result.stores.bundles.get('en/putin-xi-alleanza')!
  t.is(Object.keys(bundle).length, Object.keys(sourceBundle(documents.get('putin-xi-alleanza.md')!)).length)
  t.true(result.value.has('locales/en/putin-xi-alleanza.json'))
  t.true(result.value.has('locales/en/putin-xi-alleanza.state.json'))
})

test('importProject quarantines units with broken codes or unknown ids and imports the rest', (t) => {
  let xliff = translated()
  // A missing code: the tweet's first hard break removed from the target.
  xliff = editUnit(xliff, 'Russia signed', (unit) => unit.replace(/(<target>[^]*?)<ph id="1"[^>]*\/>/, '$1'))
  // A duplicated code: the link placeholder written twice.
  xliff = editUnit(xliff, 'Sana Jamal', (unit) => unit.replace(/(<target>[^]*?)(<ph id="1"[^>]*\/>)/, '$1$2$2'))
  // Misnested: two sibling links rewritten as overlapping spans.
  xliff = editUnit(xliff, 'I russi', (unit) =>
    unit.replace(
      /(<target>[^<]*su )<pc id="(\d+)"[^>]*>Taiwan<\/pc>( e i cinesi condannando )<pc id="(\d+)"[^>]*>le mire (espansionistiche della NATO)<\/pc>/,
      '$1<sc id="$2"/>Taiwan$3<sc id="$4"/>le mire <ec startRef="$2"/>$5<ec startRef="$4"/>'
    )
  )
  // An extra code: a placeholder the source never had.
  xliff = editUnit(xliff, 'La capacità', (unit) => unit.replace(/<target>La capacità di /, '<target>La capacità di <ph id="99"/>'))
  // An unknown unit: its id no longer exists in the source.
  xliff = editUnit(xliff, 'di Enrico Phelipon', (unit) => unit.replace(/<unit id="[^"]+"/, '<unit id="u0000000000"'))

  const result = importProject(config, documents, empty(), new Map([[path, xliff]]))
  // The strict reader rejects what XLIFF itself forbids (a deleted canDelete="no" code, a
  // duplicated id, a pc rewritten as overlapping sc/ec); the import checks the rest against the source.
  const reasons = new Map(result.reports[0]!.quarantined.map((entry) => [entry.unitId, reasonsOf(entry).join(' | ')]))
  const reasonOf = (marker: string) => reasons.get(documents.get('putin-xi-alleanza.md')!.units.find((unit) => unit.parts.some((part) => part.type === 'segment' && part.segment.value.includes(marker)))!.id) ?? ''
  t.regex(reasonOf('Russia signed'), /`<ph>` with `canDelete="no"` is missing/)
  t.regex(reasonOf('Sana Jamal'), /Duplicate id `1`/)
  t.regex(reasonOf('I russi'), /`<sc id="\d+">` corresponds to a source `<pc>`/)
  t.regex(reasonOf('La capacità'), /code-extra: .*`<ph id="99">` names no code of the source/)
  t.regex(reasons.get('u0000000000') ?? '', /unit-unknown: Unit `u0000000000` is not in the current source/)
  for (const message of result.messages) {
    t.is(message.file, path)
    t.truthy(message.unitId)
    t.true((startOf(message.place)?.line ?? 0) > 0)
    t.is(message.severity, 'error')
  }
  const report = result.reports[0]!
  t.is(report.quarantined.length, 5)
  const bundle = result.stores.bundles.get('en/putin-xi-alleanza')!
  const document = documents.get('putin-xi-alleanza.md')!
  const quarantined = new Set(report.quarantined.map((entry) => entry.unitId))
  const goodKeys = new Set(document.units.filter((unit) => !quarantined.has(unit.id) && xliff.includes(`<unit id="${unit.id}"`)).flatMap((unit) => unit.parts.flatMap((part) => (part.type === 'segment' ? [part.segment.key] : []))))
  t.deepEqual(new Set(Object.keys(bundle)), goodKeys, 'every segment of every good unit landed')
  t.is(goodKeys.size, 7)
  t.false(Object.values(bundle).some((value) => value.startsWith('Russia signed')), 'the broken unit did not')
  t.false(Object.values(bundle).some((value) => value.includes('Enrico Phelipon')), 'nor the unknown one')
})

test('importProject reports QA warnings and takes the units; a rule configured as an error quarantines them', (t) => {
  const files = new Map([[path, translated()]])
  const document = documents.get('putin-xi-alleanza.md')!
  // Prose segments of the identity pass: every segment but the tweet's attribution (names and a date) and `Cremlino.` (one name).
  const prose = document.units.flatMap((unit) => unit.parts.filter((part) => part.type === 'segment' && !/^(— Sana Jamal|Cremlino\.$)/.test(part.segment.value)).map(() => unit.id))
  t.is(prose.length, 19)
  const warned = importProject(testConfig(), documents, empty(), files)
  t.deepEqual(warned.messages.map((message) => `${message.ruleId} ${message.severity}`), prose.map(() => 'untranslated warning'))
  t.is(warned.reports[0]!.quarantined.length, 0)
  t.is(warned.reports[0]!.segments, 21)
  const refused = importProject(testConfig({qa: {untranslated: 'error'}}), documents, empty(), files)
  t.deepEqual(refused.reports[0]!.quarantined.map((entry) => entry.unitId), [...new Set(prose)])
  t.true(refused.messages.every((message) => message.ruleId === 'untranslated' && message.severity === 'error' && message.message.endsWith('; unit quarantined')))
  t.is(refused.reports[0]!.segments, 1, 'only the attribution, a unit of its own with no prose, is taken')
})

test('importProject changes nothing the second time the same file is imported', (t) => {
  const files = new Map([[path, translated()]])
  const first = importProject(config, documents, empty(), files)
  const second = importProject(config, documents, first.stores, files)
  t.deepEqual([...first.value.keys()].sort(), ['locales/en/putin-xi-alleanza.json', 'locales/en/putin-xi-alleanza.state.json'])
  t.is(second.value.size, 0)
})

test('importProject refuses a DOCTYPE with an external entity and a billion-laughs file, writing no store', (t) => {
  const xxe = '<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/passwd">]><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="it" trgLang="en"><file id="f"><unit id="u"><segment><source>&x;</source></segment></unit></file></xliff>'
  const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + Array.from({length: 9}, (_, index) => `<!ENTITY lol${index + 1} "${`&lol${index || ''};`.repeat(10)}">`).join('') + ']><xliff>&lol9;</xliff>'
  for (const xml of [xxe, laughs]) {
    const result = importProject(config, documents, empty(), new Map([[path, xml]]))
    t.is(result.value.size, 0, 'no store written')
    t.true(result.messages.some((message) => message.severity === 'error' && /DOCTYPE|DTD/i.test(message.message)), 'a clear error names the DOCTYPE')
  }
})

test('importProject quarantines a unit whose source drifted after export, and an oversized target', (t) => {
  let xliff = translated()
  xliff = editUnit(xliff, 'Il vertice di Pechino', (unit) => unit.replace('<source>Il vertice di Pechino, ha inoltre', '<source>Il vertice di Mosca, ha inoltre'))
  xliff = editUnit(xliff, 'Al momento', (unit) => unit.replace(/<target>Al momento/, `<target>${'x'.repeat(70000)}Al momento`))
  const result = importProject(config, documents, empty(), new Map([[path, xliff]]))
  const reasons = result.reports[0]!.quarantined.map((entry) => reasonsOf(entry).join(' '))
  t.is(reasons.length, 2)
  t.true(reasons.some((reason) => /^source-drifted: .*no longer matches the current source/.test(reason)))
  t.true(reasons.some((reason) => /^target-too-long: .*70\d{3} characters, over the limit of 65536/.test(reason)))
})

test('importProject does not take a pre-filled copy of the source as a translation', (t) => {
  const xliff = extractProject(config, documents, empty()).value.get(path)!.replace(/(<segment id="[^"]+" state="initial">\n(\s*)<source>(.*)<\/source>)/g, '$1\n$2<target>$3</target>')
  const result = importProject(config, documents, empty(), new Map([[path, xliff]]))
  t.deepEqual(result.messages, [])
  t.is(result.reports[0]!.segments, 0)
  t.is(result.value.size, 0)
})

test('importProject lands the good units of a file with a broken code, a drifted source and an unknown unit, and a second import is a no-op', (t) => {
  let xliff = translated()
  xliff = editUnit(xliff, 'La capacità', (unit) => unit.replace(/<target>La capacità di /, '<target>La capacità di <ph id="99"/>'))
  xliff = editUnit(xliff, 'Al momento', (unit) => unit.replace('<source>Al momento, questa alleanza', '<source>Al momento, quella alleanza'))
  xliff = editUnit(xliff, 'di Enrico Phelipon', (unit) => unit.replace(/<unit id="[^"]+"/, '<unit id="u0000000000"'))
  const files = new Map([[path, xliff]])
  // Earlier translations of the units about to be refused must survive the import.
  const document0 = documents.get('putin-xi-alleanza.md')!
  const earlier = Object.fromEntries(
    document0.units
      .filter((unit) => unit.parts.some((part) => part.type === 'segment' && /La capacità|Al momento|Enrico Phelipon/.test(part.segment.value)))
      .flatMap((unit) => unit.parts.flatMap((part) => (part.type === 'segment' ? [[part.segment.key, `EARLIER ${part.segment.key}`]] : [])))
  )
  const start = {bundles: new Map([['en/putin-xi-alleanza', earlier]]), states: new Map()}
  const first = importProject(config, documents, start, files)
  const report = first.reports[0]!
  t.deepEqual(
    report.quarantined.map((entry) => entry.diagnostics.map((message) => message.ruleId).join(',')).sort(),
    ['code-extra', 'source-drifted', 'unit-unknown']
  )
  for (const entry of report.quarantined) t.true(entry.diagnostics.every((message) => (startOf(message.place)?.line ?? 0) > 0) && entry.unitId.length > 0)
  const bundle = first.stores.bundles.get('en/putin-xi-alleanza')!
  const document = documents.get('putin-xi-alleanza.md')!
  const quarantined = new Set(report.quarantined.map((entry) => entry.unitId))
  const good = document.units.filter((unit) => !quarantined.has(unit.id) && xliff.includes(`<unit id="${unit.id}"`))
  const goodKeys = good.flatMap((unit) => unit.parts.flatMap((part) => (part.type === 'segment' ? [part.segment.key] : [])))
  t.deepEqual(new Set(Object.keys(bundle)), new Set([...goodKeys, ...Object.keys(earlier)]))
  for (const [key, value] of Object.entries(earlier)) if (!goodKeys.includes(key)) t.is(bundle[key], value, 'an earlier translation of a refused unit is intact')
  t.deepEqual(Object.keys(first.stores.states.get('en/putin-xi-alleanza')!).sort(), [...new Set(goodKeys)].sort(), 'state written for every imported key')
  const second = importProject(config, documents, first.stores, files)
  t.is(second.value.size, 0, 'nothing to write the second time')
  t.deepEqual(second.stores.bundles.get('en/putin-xi-alleanza'), bundle)
})

test('importProject takes the whole target of a unit whose segments a CAT tool joined or split, and the build uses it', (t) => {
  const xliff = extractProject(config, documents, empty()).value.get(path)!
  const document = documents.get('putin-xi-alleanza.md')!
  const unit = document.units.find((one) => one.parts.some((part) => part.type === 'segment' && part.segment.value.startsWith('Venerdì')))!
  const start = xliff.indexOf(`<unit id="${unit.id}"`)
  const end = xliff.indexOf('</unit>', start)
  const segments = [...xliff.slice(start, end).matchAll(/<segment id="([^"]+)"[^>]*>\n\s*<source>(.*)<\/source>/g)]
  t.is(segments.length, 2)
  // Joined: one segment (the first id) holding both sentences, the ignorable gone.
  const joinedSource = `${segments[0]![2]} ${segments[1]![2]}`
  const joinedTarget = joinedSource.replace(/^Venerdì 4 febbraio[^<]*/, 'On Friday, 4 February, ').replace(/(<pc id="1"[^>]*>)[^<]*/, '$1Putin and Xi met in Beijing').replace(/(<\/pc>), in vista[^<]*/, '$1. ').replace(/(<pc id="2"[^>]*>)[^<]*/, '$1The meeting sought a common front').replace(/(<\/pc>) a causa.*$/, '$1 and succeeded.')
  const joinedUnit = xliff.slice(start, xliff.indexOf('<segment', start)) + `<segment id="${segments[0]![1]}" state="translated"><source>${joinedSource}</source><target>${joinedTarget}</target></segment>\n  `
  const joined = xliff.slice(0, start) + joinedUnit + xliff.slice(end)
  const result = importProject(config, documents, empty(), new Map([[path, joined]]))
  // The translation is abridged to a fifth of the source: a warning, and the unit is imported all the same.
  t.deepEqual(result.messages.map((message) => `${message.ruleId} ${message.severity}`), ['length-ratio warning'])
  const bundle = result.stores.bundles.get('en/putin-xi-alleanza')!
  t.deepEqual(Object.keys(bundle), [unit.id], 'stored whole, under the unit id')
  const built = buildProject(config, documents, result.stores).value.get('dist/en/putin-xi-alleanza.md')!
  t.true(built.includes('On Friday, 4 February, [Putin and Xi met in Beijing](#). **The meeting sought a common front** and succeeded.\n'))

  // Translated sentence by sentence later, the unit's whole translation is retired.
  const again = importProject(config, documents, result.stores, new Map([[path, translated().replace('<target>Venerdì 4 febbraio, il presidente russo', '<target>Friday 4 February, the Russian president')]]))
  t.false(unit.id in again.stores.bundles.get('en/putin-xi-alleanza')!)
  t.false(unit.id in again.stores.states.get('en/putin-xi-alleanza')!)
  t.true(buildProject(config, documents, again.stores).value.get('dist/en/putin-xi-alleanza.md')!.includes('Friday 4 February, the Russian president [Vladimir Putin'))

  // Split: the second sentence cut in two by the translator's tool.
  const splitUnit = xliff
    .slice(start, end)
    .replace(/(<segment id="[^"]+") state="initial">\n(\s*)<source>(.*)<\/source>/g, '$1 state="translated">\n$2<source>$3</source>\n$2<target>$3</target>')
    .replace(/(<segment id=")([^"]+)(" state="translated">\n\s*<source><pc id="2"[^]*?)( a causa delle recenti tensioni[^<]*)<\/source>\n(\s*)<target>([^]*?) a causa delle recenti tensioni[^<]*<\/target>/, '$1$2$3</source>\n$5<target>$6</target>\n   </segment>\n   <segment id="$2-b" state="translated">\n    <source>$4</source>\n    <target>$4</target>')
  t.true(splitUnit.includes('-b" state="translated">'))
  const split = importProject(config, documents, empty(), new Map([[path, xliff.slice(0, start) + splitUnit + xliff.slice(end)]]))
  t.deepEqual(split.messages, [])
  t.deepEqual(Object.keys(split.stores.bundles.get('en/putin-xi-alleanza')!), [unit.id])
})

test('importProject takes an XLIFF 1.2 target written without segment marks as the unit\'s whole translation', (t) => {
  const document = documents.get('putin-xi-alleanza.md')!
  const unit = document.units.find((one) => one.parts.some((part) => part.type === 'segment' && part.segment.value.startsWith('Venerdì')))!
  const xliff12 = toXliff12(document, {sourceLocale: 'it', targetLocale: 'en'})
  const start = xliff12.indexOf(`<trans-unit id="${unit.id}"`)
  const source = /<source>([^]*?)<\/source>/.exec(xliff12.slice(start))![1]!
  const target = source.replace('Venerdì 4 febbraio, il presidente russo', 'On Friday, 4 February, Russian President').replace(/<\/ept>, in vista[^<]*<bpt/, '</ept>. <bpt')
  const edited = xliff12.slice(0, start) + xliff12.slice(start).replace('</seg-source>', `</seg-source>\n    <target state="translated">${target}</target>`)
  const result = importProject(config, documents, empty(), new Map([['omegat-en/target/putin-xi-alleanza.md.xlf', edited]]))
  t.deepEqual(result.messages, [])
  t.deepEqual(Object.keys(result.stores.bundles.get('en/putin-xi-alleanza')!), [unit.id])
})
