import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import test from 'ava'
import {buildProject, extractDocuments, extractProject, fromTbx, importProject, projectTerms, type Stores} from '../pipeline/index.ts'
import {testConfig} from './helpers/round-trip.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const termbase = fromTbx(readFileSync(join(root, 'glossary/geopolitics.tbx'), 'utf8')).value!
const seed = readFileSync(join(root, 'source/it/putin-xi-alleanza.md'), 'utf8')
const empty: Stores = {bundles: new Map(), states: new Map()}

test('untouched pre-filled targets (a copy of the source, state initial) are not checked against the glossary', (t) => {
  for (const version of ['2.1', '1.2'] as const) {
    const config = testConfig({targetLocales: ['es', 'fr'], xliffVersion: version})
    const documents = extractDocuments(config, new Map([['putin-xi-alleanza.md', seed]])).value
    const terms = projectTerms(config, termbase)
    const outputs = extractProject(config, documents, empty, {terms}).value
    for (const locale of ['es', 'fr']) {
      const xliff = outputs.get(`xliff/${locale}/putin-xi-alleanza.md.xlf`)!
      // What OmegaT's export and many CAT tools do: every target starts as a copy of its source.
      const prefilled =
        version === '2.1'
          ? xliff.replace(/(\n\s*)<source>(.*)<\/source>/g, (_, space, inner) => `${space}<source>${inner}</source>${space}<target>${inner.replace(/<mrk id="m\d+" type="term"(?: translate="no")?>|<\/mrk>/g, '')}</target>`)
          : xliff.replace(/(<seg-source>(.*)<\/seg-source>)/g, (_, whole, inner) => `${whole}\n    <target state="new">${inner.replace(/<mrk mtype="(?:term|protected)" comment="[^"]*">((?:(?!<\/mrk>).)*)<\/mrk>/g, '$1')}</target>`)
      t.not(prefilled, xliff)
      const result = importProject(config, documents, empty, new Map([[`${locale}.xlf`, prefilled]]), {terms})
      t.deepEqual(result.messages, [], `${version} ${locale}`)
      t.deepEqual(result.reports[0]!.quarantined, [])
      t.is(result.reports[0]!.segments, 0)
    }
  }
})

test('build refuses a locale whose own store breaks a lock, reports only errors, and no fallback inherits the broken value', (t) => {
  const config = testConfig({targetLocales: ['es', 'ca'], fallbackLng: {ca: ['es', 'it'], default: ['it']}})
  const documents = extractDocuments(config, new Map([['a.md', 'La NATO e il Cremlino.\n\nIl vertice di Mosca.\n']])).value
  const document = documents.get('a.md')!
  const [first, second] = document.units.map((unit) => (unit.parts[0]!.type === 'segment' ? unit.parts[0].segment : undefined)!)
  // Spanish: the first sentence writes the forbidden `NATO`; the second rephrases a common noun (a warning).
  const stores: Stores = {bundles: new Map([['es/a', {[first!.key]: 'La NATO y el Kremlin.', [second!.key]: 'La reunión de Moscú.'}]]), states: new Map()}
  const terms = projectTerms(config, termbase)
  const built = buildProject(config, documents, stores, {terms})
  t.deepEqual(
    built.messages.map((message) => [message.ruleId, message.severity, message.file]),
    [
      ['term-forbidden', 'error', 'locales/es/a.json'],
      ['build-refused', 'error', 'dist/es/a.md']
    ]
  )
  t.false(built.value.has('dist/es/a.md'))
  // Catalan falls back to Spanish: the sound Spanish value, never the refused one.
  t.is(built.value.get('dist/ca/a.md'), 'La NATO e il Cremlino.\n\nLa reunión de Moscú.\n')
  // Without term rules, nothing is checked.
  t.is(buildProject(config, documents, stores).value.get('dist/es/a.md'), 'La NATO y el Kremlin.\n\nLa reunión de Moscú.\n')
})
