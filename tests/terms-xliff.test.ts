import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import test from 'ava'
import {compileTermIndex, fromTbx, matchTerms} from '../pipeline/glossary/index.ts'
import {extractDocuments, extractProject, importProject, projectTerms, type Stores} from '../pipeline/index.ts'
import {testConfig, xliff12Schema} from './helpers/round-trip.ts'
import {fillXliff, shared, testWith, xliff21Schema, xmllint} from './helpers/tools.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const termbase = fromTbx(readFileSync(join(root, 'glossary/geopolitics.tbx'), 'utf8')).value!
const seed = readFileSync(join(root, 'source/it/putin-xi-alleanza.md'), 'utf8')
const modulesSchematron = fileURLToPath(new URL('fixtures/xliff/glossary-validation.xpath1.sch', import.meta.url))
const locales = ['en', 'es', 'fr', 'ca']
const empty: Stores = {bundles: new Map(), states: new Map()}

/** The seed's XLIFF for every locale, with the glossary. */
function seedXliff(version: '2.1' | '1.2') {
  const config = testConfig({targetLocales: locales, xliffVersion: version})
  const documents = extractDocuments(config, new Map([['putin-xi-alleanza.md', seed]])).value
  const terms = projectTerms(config, termbase)
  const outputs = extractProject(config, documents, empty, {terms}).value
  return {config, documents, terms, files: new Map(locales.map((locale) => [locale, outputs.get(`xliff/${locale}/putin-xi-alleanza.md.xlf`)!]))}
}

/** Write texts to a temp folder; returns their paths. */
function onDisk(folder: string, texts: Map<string, string>): string[] {
  return [...texts].map(([name, text]) => {
    const file = join(folder, `${name}.xlf`)
    writeFileSync(file, text)
    return file
  })
}

test('the seed\'s XLIFF 2.1 marks every glossary term, lists it in gls:glossary and carries val: rules', (t) => {
  const {files} = seedXliff('2.1')
  const en = files.get('en')!
  const es = files.get('es')!
  // Every term the matcher finds in the raw seed is one mark, in order, except
  // `Xi  ⏎Jinping` in the tweet: in the file it is white space, in the unit a
  // hard-break code, which no term crosses.
  const inFile = matchTerms(seed, compileTermIndex(termbase, {language: 'it'})).map((match) => match.text)
  const expected = inFile.filter((text) => !/ {2}\n/.test(text))
  t.deepEqual(inFile.length - expected.length, 1)
  for (const xliff of [en, es]) t.deepEqual([...xliff.matchAll(/<mrk id="m\d+" type="term"(?: translate="no")?>([^<]*)<\/mrk>/g)].map((match) => match[1]), expected)
  t.is(expected.length, 94)
  t.is([...en.matchAll(/<gls:glossEntry ref="#m\d+">/g)].length, expected.length)
  // Each unit's entries point at its own marks, in order.
  for (const unit of en.split('<unit ').slice(1)) {
    const refs = [...unit.matchAll(/<gls:glossEntry ref="#(m\d+)">/g)].map((match) => match[1])
    const marks = [...unit.matchAll(/<mrk id="(m\d+)"/g)].map((match) => match[1])
    t.deepEqual(refs, marks)
  }

  // NATO stays NATO in English (translate="no"), becomes OTAN in Spanish, where `NATO` is forbidden.
  t.regex(en, /<mrk id="m\d+" type="term" translate="no">NATO<\/mrk>/)
  t.regex(es, /<mrk id="m\d+" type="term">NATO<\/mrk>/)
  t.regex(es, /<gls:term>NATO<\/gls:term>\n\s*<gls:translation>OTAN<\/gls:translation>\n\s*<gls:translation>Organización del Tratado del Atlántico Norte<\/gls:translation>\n\s*<gls:translation>Alianza Atlántica<\/gls:translation>/)
  t.regex(es, /<val:rule isNotPresent="NATO"\/>/)
  t.regex(en, /<val:rule isPresent="NATO"\/>/)
  // The misspelt AKUS is marked as the deprecated variant it is; its translation is AUKUS, kept as written.
  t.regex(en, /<gls:term>AKUS<\/gls:term>\n\s*<gls:translation>AUKUS<\/gls:translation>/)
  t.regex(en, /<val:rule isPresent="AUKUS"\/>/)
  t.regex(en, /<val:rule isPresent="Kremlin"\/>/)
  t.regex(en, /<val:rule isNotPresent="Peking"\/>/)
  t.regex(en, /<mrk id="m\d+" type="term">Cremlino<\/mrk>/)
  // A common noun is marked and listed, with no rule: missing it is a warning only.
  t.regex(en, /<gls:term>vertice<\/gls:term>\n\s*<gls:translation>summit<\/gls:translation>/)
  t.false(en.includes('isPresent="summit"'))
})

testWith('xmllint')('the seed\'s XLIFF 2.1 with term marks validates against the module schemas and the module constraints', (t) => {
  const {files} = seedXliff('2.1')
  const folder = mkdtempSync(join(tmpdir(), 'babele-terms-'))
  try {
    const paths = onDisk(folder, files)
    t.is(xmllint(xliff21Schema, paths), '', 'valid against XLIFF 2.1 with the module schemas')
    t.is(xmllint(modulesSchematron, paths, 'schematron'), '', 'the Glossary and Validation module constraints hold')
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

testWith('xmllint')('the XPath 1 port of the Glossary and Validation module schematrons agrees with the OASIS test suite', (t) => {
  const suite = `${shared}corpora/xliff-test-suite/oasis-xliff-2.1/modules/`
  const pick = (folder: string) => readdirSync(suite + folder).filter((name) => /-(?:gls|val)_/.test(name)).map((name) => suite + folder + '/' + name)
  for (const file of pick('valid')) t.is(xmllint(modulesSchematron, [file], 'schematron'), '', file)
  const refused = pick('invalid').filter((file) => xmllint(modulesSchematron, [file], 'schematron') !== '')
  const bySchema = pick('invalid').filter((file) => xmllint(xliff21Schema, [file]) !== '')
  // Each invalid file is refused by the schematron port or by the module XSDs.
  t.deepEqual([...new Set([...refused, ...bySchema])].sort(), pick('invalid').sort())
  t.deepEqual(refused.map((file) => file.slice(suite.length)).sort(), [
    'invalid/Bad-gls_glossEntry-and-translation-not-unique-in-glossary.xlf',
    'invalid/Bad-gls_glossEntry-w-o-translation-or-definition.xlf',
    'invalid/Bad-val_ExactlyOneAttributeOnRule.xlf',
    'invalid/Bad-val_existsInSourcePatternOnRule.xlf'
  ])
})

test('the seed\'s XLIFF 1.2 protects do-not-translate terms and marks the others', (t) => {
  const {files} = seedXliff('1.2')
  const en = files.get('en')!
  t.regex(en, /<mrk mtype="protected" comment="NATO">NATO<\/mrk>/)
  t.regex(files.get('es')!, /<mrk mtype="term" comment="OTAN \/ Organización del Tratado del Atlántico Norte \/ Alianza Atlántica">NATO<\/mrk>/)
  t.regex(en, /<mrk mtype="term" comment="Kremlin">Cremlino<\/mrk>/)
  // Marked in <source> and inside each sentence's <mrk mtype="seg">.
  t.is([...en.matchAll(/<mrk mtype="protected"/g)].length, 2 * [...en.matchAll(/<source>[^]*?<\/source>/g)].reduce((sum, match) => sum + (match[0].match(/mtype="protected"/g)?.length ?? 0), 0))
})

testWith('xmllint')('the seed\'s XLIFF 1.2 with term marks validates against the strict schema', (t) => {
  const {files} = seedXliff('1.2')
  const folder = mkdtempSync(join(tmpdir(), 'babele-terms-'))
  try {
    t.is(xmllint(xliff12Schema, onDisk(folder, files)), '')
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

testWith('python3')('marks read back as plain text: an identity translation of the marked XLIFF imports every segment as its source', (t) => {
  for (const version of ['2.1', '1.2'] as const) {
    const {config, documents, files} = seedXliff(version)
    const document = documents.get('putin-xi-alleanza.md')!
    const folder = mkdtempSync(join(tmpdir(), 'babele-terms-'))
    try {
      const [path] = onDisk(folder, new Map([['en', files.get('en')!]]))
      fillXliff('identity', [path!])
      // No term rules here: an Italian "translation" would break the English locks (tests/terms-cli.test.ts).
      const result = importProject(config, documents, empty, new Map([['en.xlf', readFileSync(path!, 'utf8')]]))
      t.deepEqual(result.messages.filter((message) => message.severity === 'error'), [], version)
      const bundle = result.stores.bundles.get('en/putin-xi-alleanza')!
      const segments = document.units.flatMap((unit) => unit.parts.flatMap((part) => (part.type === 'segment' ? [part.segment] : [])))
      t.deepEqual(Object.keys(bundle).sort(), [...new Set(segments.map((segment) => segment.key))].sort(), version)
      for (const segment of segments) t.is(bundle[segment.key], segment.value, `${version} ${segment.id}`)
    } finally {
      rmSync(folder, {recursive: true, force: true})
    }
  }
})
