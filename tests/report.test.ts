import {createHash} from 'node:crypto'
import {diagnostic, type DiagnosticFields} from '../pipeline/diagnostic.ts'
import {existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import test from 'ava'
import {checkProject, extractDocuments, fromTbx, glossaryReport, glossaryReview, lintMarkdown, parseConfig, projectTerms, qaReport, qaReview, type Config, type Coverage, type Diagnostic, type SourceDocument, type Stores, type Termbase} from '../pipeline/index.ts'
import {page, textPieces, uniqueDiagnostics} from '../pipeline/report/index.ts'
import {babele, copyProject, root} from './helpers/cli.ts'
import {englishBundle} from './helpers/reference.ts'

const config = parseConfig(JSON.parse(readFileSync(join(root, 'babele.config.json'), 'utf8'))).value!
const termbase = fromTbx(readFileSync(join(root, 'glossary/geopolitics.tbx'), 'utf8')).value!
const seedPath = 'source/it/putin-xi-alleanza.md'
const seed = readFileSync(join(root, seedPath), 'utf8')
const documents = extractDocuments(config, new Map([['putin-xi-alleanza.md', seed]])).value
const document = documents.get('putin-xi-alleanza.md')!
const terms = projectTerms(config, termbase)
const none: Stores = {bundles: new Map(), states: new Map()}
/** The reference English translation of the seed as a bundle, each value passed through `edit`. */
function english(edit?: (target: string) => string): Record<string, string> {
  return englishBundle(seed, edit)
}

function segments(source: SourceDocument) {
  return source.units.flatMap((unit) => unit.parts.flatMap((part) => (part.type === 'segment' ? [part.segment] : [])))
}

function stores(bundles: Record<string, Record<string, string>>): Stores {
  return {bundles: new Map(Object.entries(bundles)), states: new Map()}
}

/** The review of the seed with these stores, with `checkProject`'s and the lint's diagnostics. */
function review(store: Stores, options: {config?: Config; termbase?: Termbase} = {}) {
  const project = options.config ?? config
  const glossary = options.termbase ?? termbase
  const compiled = options.termbase ? projectTerms(project, glossary) : terms
  const diagnostics: Diagnostic[] = [...lintMarkdown(seed, {file: seedPath, termbase: glossary}).messages, ...checkProject(project, documents, store, {terms: compiled}).messages]
  return {diagnostics, value: glossaryReview({config: project, termbase: glossary, terms: compiled, documents, stores: store, diagnostics})}
}

const text = (pieces: ReadonlyArray<{text: string}>) => pieces.map((piece) => piece.text).join('')
const marked = (pieces: ReadonlyArray<{text: string; mark?: string}>) => pieces.filter((piece) => piece.mark).map((piece) => `${piece.mark}:${piece.text}`)

test('uniqueDiagnostics keeps the first of diagnostics equal in every field but source, whatever their fields\' order, and keeps the rest in order', (t) => {
  const place = {start: {line: 3, column: 9, offset: 20}, end: {line: 3, column: 15, offset: 26}}
  const lint = diagnostic('accent-apostrophe', "`perche'`: an accent typed as an apostrophe", {source: 'lint', severity: 'warning', file: 'source/it/a.md', place})
  // The same finding from another stage, its fields written in another order.
  const again = {url: lint.url, place, file: 'source/it/a.md', severity: 'warning', message: lint.message, ruleId: lint.ruleId, source: 'check'} as Diagnostic
  const elsewhere = diagnostic('accent-apostrophe', lint.message, {source: 'lint', severity: 'warning', file: 'source/it/a.md', place: {start: {line: 4, column: 1, offset: 40}, end: {line: 4, column: 7, offset: 46}}})
  const error = diagnostic('accent-apostrophe', lint.message, {source: 'lint', severity: 'error', file: 'source/it/a.md', place})
  const other = diagnostic('link-empty-url', 'Link `qui` has the URL `#`, which goes nowhere', {source: 'lint', severity: 'warning', file: 'source/it/a.md', place})
  t.deepEqual(uniqueDiagnostics([other, lint, again, elsewhere, error, other]), [other, lint, elsewhere, error])
  t.deepEqual(uniqueDiagnostics([]), [])
})

test('glossaryReview lists every concept of the seed glossary with its terms per locale, and the 94 term occurrences of the seed in 45 concepts', (t) => {
  const {value} = review(none)
  t.is(value.concepts.length, 62)
  t.is(value.totals.concepts, 62)
  t.is(value.totals.used, 45)
  t.is(value.totals.occurrences, 94)
  t.is(value.concepts.reduce((sum, concept) => sum + concept.occurrences.length, 0), 94)
  t.deepEqual(value.targetLocales, ['en', 'es', 'fr', 'ca'])
  t.deepEqual(value.documents, [seedPath])
  const nato = value.concepts.find((concept) => concept.id === 'nato')!
  t.is(nato.label, 'NATO')
  t.is(nato.subjectField, 'international organizations')
  t.deepEqual(
    nato.terms.map((section) => [section.locale, section.preferred.map((term) => term.text), section.avoided.map((term) => `${term.text} (${term.status})`)]),
    [
      ['it', ['NATO'], []],
      ['en', ['NATO'], []],
      ['es', ['OTAN'], ['NATO (forbidden)']],
      ['fr', ['OTAN'], ['NATO (forbidden)']],
      ['ca', ['OTAN'], ['NATO (forbidden)']]
    ]
  )
  t.is(nato.terms[0]!.admitted.length, 3, 'the full forms and Alleanza Atlantica')
  // With no store, nothing is rendered and nothing is violated.
  t.deepEqual(value.totals.locales, ['en', 'es', 'fr', 'ca'].map((locale) => ({locale, rendered: 0, errors: 0, warnings: 0})))
  t.true(value.concepts.every((concept) => concept.occurrences.every((occurrence) => occurrence.renderings.every((rendering) => rendering.state === 'untranslated'))))
})

test('glossaryReview finds inflected, elided and deprecated forms, each at its line and column, with its sentence', (t) => {
  const {value} = review(none)
  const lines = seed.split('\n')
  const occurrences = (id: string) => value.concepts.find((concept) => concept.id === id)!.occurrences
  const aukus = occurrences('aukus')
  t.is(aukus.length, 1)
  t.like(aukus[0], {id: 'aukus-1', file: seedPath, form: 'AKUS', status: 'deprecated', termId: 'aukus-it-akus', line: 14, column: lines[13]!.indexOf('AKUS') + 1})
  t.deepEqual(marked(aukus[0]!.sentence), ['variant:AKUS'])
  t.is(text(aukus[0]!.sentence), "Fronte comune Mosca e Pechino, l'hanno dimostrato anche nel condannare l'alleanza militare AKUS (tra Stati Uniti, Australia e Regno Unito) volta a incrementare l'influenza occidentale nell'Oceano Pacifico.")
  // The lint's finding about it sits on it.
  t.deepEqual(aukus[0]!.findings.map((finding) => [finding.ruleId, finding.conceptId]), [['term-deprecated', 'aukus']])
  // `un'alleanza`: the elided article stays outside the match.
  const alleanza = occurrences('alleanza')
  t.is(alleanza.length, 4)
  t.like(alleanza[0], {form: 'alleanza', line: 3, column: lines[2]!.indexOf("un'alleanza") + 4})
  t.deepEqual(marked(alleanza[0]!.sentence), ['term:alleanza'])
  t.deepEqual(occurrences('sanzione').map((occurrence) => occurrence.form), ['sanzioni'])
  t.deepEqual(occurrences('alleato').map((occurrence) => occurrence.form), ['alleati', 'alleati', 'alleati'])
  t.deepEqual(occurrences('vladimir-putin').map((occurrence) => `${occurrence.form} ${occurrence.status}`), ['Putin admitted', 'Vladimir Putin preferred', 'Putin admitted', 'Putin admitted', 'Putin admitted'])
  t.deepEqual(occurrences('sottomarino-nucleare'), [])
  // Both deprecated source variants of the seed are source findings of their concept.
  t.is(value.totals.findings, 2)
  t.deepEqual(value.concepts.filter((concept) => concept.findings.length > 0).map((concept) => concept.id), ['aukus', 'mediorientale'])
})

test('glossaryReview shows how each locale renders an occurrence: its own value, a fallback locale\'s, or none', (t) => {
  const title = segments(document)[0]!
  const {value} = review(stores({'en/putin-xi-alleanza': english(), 'es/putin-xi-alleanza': {[title.key]: 'Putin y Xi Jinping sellaron una alianza entre Rusia y China'}}))
  const aukus = value.concepts.find((concept) => concept.id === 'aukus')!.occurrences[0]!
  t.deepEqual(
    aukus.renderings.map((rendering) => [rendering.locale, rendering.state]),
    [
      ['en', 'translated'],
      ['es', 'untranslated'],
      ['fr', 'untranslated'],
      ['ca', 'untranslated']
    ]
  )
  t.is(text(aukus.renderings[0]!.text), 'Moscow and Beijing also showed a common front in condemning the AUKUS military alliance (between the United States, Australia and the United Kingdom), which aims to increase Western influence in the Pacific Ocean.')
  t.deepEqual(marked(aukus.renderings[0]!.text), ['approved:AUKUS'])
  // The title names Russia; Catalan falls back to Spanish (`fallbackLng` ca → es → it).
  const russia = value.concepts.find((concept) => concept.id === 'russia')!.occurrences[0]!
  t.is(russia.key, title.key)
  t.like(russia.renderings[1], {locale: 'es', state: 'translated'})
  t.like(russia.renderings[3], {locale: 'ca', state: 'fallback', from: 'es'})
  t.deepEqual(marked(russia.renderings[3]!.text), ['approved:Rusia'])
  t.deepEqual(value.totals.locales, [
    {locale: 'en', rendered: 94, errors: 0, warnings: 1},
    // The title and its repetition as a running header (line 18) are one segment key, so both are rendered.
    {locale: 'es', rendered: 10, errors: 0, warnings: 0},
    {locale: 'fr', rendered: 0, errors: 0, warnings: 0},
    {locale: 'ca', rendered: 10, errors: 0, warnings: 0}
  ])
  t.is(text(russia.sentence), "Putin e Xi Jinping hanno sancito un'alleanza tra Russia e Cina")
})

test('glossaryReview puts each term violation on the occurrence and locale it is about, and one whose concept is not in the segment on its concept', (t) => {
  const title = segments(document)[0]!
  // English: the Kremlin left in Italian, and the source's misspelling `AKUS` copied (both left in the source language: errors).
  // Spanish: the forbidden `NATO` in a sentence that does not name NATO (a warning of the concept).
  const broken = english((target) => target.replace(/^Kremlin\.$/, 'Cremlino.').replace('the AUKUS military alliance', 'the AKUS military alliance'))
  const {value, diagnostics} = review(stores({'en/putin-xi-alleanza': broken, 'es/putin-xi-alleanza': {[title.key]: 'Putin y Xi Jinping sellaron una alianza de la NATO entre Rusia y China'}}))
  const violations = diagnostics.filter((diagnostic) => diagnostic.source === 'qa')
  t.deepEqual(violations.map((diagnostic) => [diagnostic.ruleId, diagnostic.severity, diagnostic.conceptId]), [
    // The tweet is written in English in the Italian source, and kept so: `untranslated`'s known limit (no concept).
    ['untranslated', 'warning', undefined],
    ['untranslated', 'warning', undefined],
    ['term-untranslated', 'error', 'aukus'],
    ['term-untranslated', 'error', 'cremlino'],
    ['term-missing', 'warning', 'alleato'],
    ['term-forbidden', 'warning', 'nato']
  ])
  const concept = (id: string) => value.concepts.find((one) => one.id === id)!
  t.deepEqual(concept('cremlino').violations, {en: {errors: 1, warnings: 0}})
  const kremlin = concept('cremlino').occurrences[0]!.renderings[0]!
  t.deepEqual(kremlin.violations.map((violation) => violation.ruleId), ['term-untranslated'])
  t.deepEqual(marked(kremlin.text), ['avoided:Cremlino'], 'what the violation names as wrong is marked')
  t.deepEqual(concept('aukus').occurrences[0]!.renderings[0]!.violations.map((violation) => violation.ruleId), ['term-untranslated'])
  t.deepEqual(marked(concept('aukus').occurrences[0]!.renderings[0]!.text), ['avoided:AKUS'])
  // `alleati` is in three segments; the English of the last one says `allied with`, not `ally` (a warning).
  t.deepEqual(
    concept('alleato').occurrences.map((occurrence) => occurrence.renderings[0]!.violations.map((violation) => violation.ruleId)),
    [[], [], ['term-missing']]
  )
  const nato = concept('nato')
  t.deepEqual(nato.violations, {es: {errors: 0, warnings: 1}})
  t.true(nato.occurrences.every((occurrence) => occurrence.renderings.every((rendering) => rendering.violations.length === 0)))
  t.deepEqual(nato.otherViolations.map(({locale, diagnostic}) => [locale, diagnostic.ruleId]), [['es', 'term-forbidden']])
  t.like(value.totals, {errors: 2, warnings: 2})
  t.deepEqual(value.totals.locales.map((locale) => [locale.locale, locale.errors, locale.warnings]), [
    ['en', 2, 1],
    ['es', 0, 1],
    ['fr', 0, 0],
    ['ca', 0, 0]
  ])
})

test('glossaryReview shows a value the build refuses (an error by the QA rules) in its own locale marked refused, and never as a fallback', (t) => {
  const kremlin = segments(document).find((segment) => segment.value === 'Cremlino.')!
  // Spanish leaves the Kremlin in Italian (term-untranslated, an error): the build refuses the value, and Catalan, which falls back to Spanish, does not get it.
  const store = stores({'es/putin-xi-alleanza': {[kremlin.key]: 'Cremlino.'}, 'fr/putin-xi-alleanza': {[kremlin.key]: 'Kremlin.'}})
  const checked = checkProject(config, documents, store, {terms})
  t.deepEqual([...checked.broken].map(([name, keys]) => [name, [...keys]]), [['es/putin-xi-alleanza', [kremlin.key]]])
  const review = (refused?: ReadonlyMap<string, ReadonlySet<string>>) => glossaryReview({config, termbase, terms, documents, stores: store, diagnostics: checked.messages, refused})
  const renderings = (value: ReturnType<typeof review>) => value.concepts.find((concept) => concept.id === 'cremlino')!.occurrences.find((occurrence) => occurrence.key === kremlin.key)!.renderings
  t.deepEqual(
    renderings(review(checked.broken)).map((rendering) => [rendering.locale, rendering.state, rendering.refused ?? false, text(rendering.text)]),
    [
      ['en', 'untranslated', false, ''],
      ['es', 'translated', true, 'Cremlino.'],
      ['fr', 'translated', false, 'Kremlin.'],
      ['ca', 'untranslated', false, '']
    ]
  )
  t.deepEqual(renderings(review(checked.broken))[1]!.violations.map((violation) => violation.ruleId), ['term-untranslated'])
  t.deepEqual(review(checked.broken).totals.locales.map((locale) => [locale.locale, locale.rendered]), [['en', 0], ['es', 0], ['fr', 1], ['ca', 0]])
  // Without the build's refusals, Catalan would show the refused Spanish value as its fallback.
  t.deepEqual(renderings(review()).map((rendering) => [rendering.locale, rendering.state]), [['en', 'untranslated'], ['es', 'translated'], ['fr', 'translated'], ['ca', 'fallback']])
  const html = glossaryReport({config, termbase, terms, documents, stores: store, diagnostics: checked.messages, refused: checked.broken})
  t.is(html.split('>refused by the build<').length - 1, 1)
})

test('glossaryReview renders a whole-unit translation (segments joined in a CAT tool) for every occurrence in its unit', (t) => {
  const unit = document.units.find((one) => one.parts.filter((part) => part.type === 'segment').length > 1 && one.parts.some((part) => part.type === 'segment' && part.segment.value.includes('AKUS')))!
  const sources = unit.parts.flatMap((part) => (part.type === 'segment' ? [part.segment] : []))
  // The unit's whole value: every segment's English joined, codes renumbered over the unit's own tokens.
  const translated = english()
  let offset = 0
  const whole = sources
    .map((segment) => {
      const value = translated[segment.key]!.replace(/<(\/?)(\d+)(\/?)>/g, (_, close, number, self) => `<${close}${Number(number) + offset}${self}>`)
      offset += new Set(segment.tokens.flatMap((token) => (token.type === 'text' ? [] : [token.code.id]))).size
      return value
    })
    .join(' ')
  const {value} = review(stores({'en/putin-xi-alleanza': {[unit.id]: whole}}))
  const inUnit = value.concepts.flatMap((concept) => concept.occurrences).filter((occurrence) => occurrence.unitId === unit.id)
  // Every term the matcher finds in the paragraph (`matchTerms` over its text gives the same 32).
  t.is(inUnit.length, 32)
  for (const occurrence of inUnit) {
    t.like(occurrence.renderings[0], {state: 'translated', whole: true})
    t.true(text(occurrence.renderings[0]!.text).includes('the AUKUS military alliance'), occurrence.id)
  }
})

test('textPieces reads codes as a reader sees them and marks plain-text offsets', (t) => {
  const source = 'La **NATO**, `npm` e 5\\*2.\n'
  const segment = segments(extractDocuments(config, new Map([['a.md', source]])).value.get('a.md')!)[0]!
  // Plain text: `La ￼NATO￼, ￼ e 5￼2.` (each code one U+FFFC).
  t.deepEqual(textPieces(segment.tokens, source, [{start: 4, end: 8, kind: 'term'}]), [{text: 'La '}, {text: 'NATO', mark: 'term'}, {text: ', '}, {text: '`npm`', code: true}, {text: ' e 5*2.'}])
})

test('the glossary page escapes every text from the termbase, the sources and the stores', (t) => {
  const hostile: Termbase = {
    language: 'it',
    title: 'Glossario <script>alert(1)</script>',
    sourceDesc: [],
    concepts: [
      {
        id: 'x',
        definition: 'A & B </script><script>alert(2)</script>',
        notes: ['"quoted" \'single\''],
        languages: [
          {language: 'it', terms: [{id: 'x-it', text: 'discapito', status: 'preferred', doNotTranslate: false, notes: []}]},
          {language: 'en', terms: [{id: 'x-en', text: '<img src=x onerror=alert(3)>', status: 'preferred', doNotTranslate: false, notes: ['</style><b>bold</b>']}]}
        ]
      }
    ]
  }
  const sentence = segments(document).find((segment) => segment.value.includes('discapito'))!
  const store = stores({'en/putin-xi-alleanza': {[sentence.key]: 'to the <img src=x onerror=alert(4)> of their </script> interests'}})
  const html = glossaryReport({config, termbase: hostile, documents, stores: store, diagnostics: []})
  for (const escaped of ['Glossario &#x3C;script>alert(1)&#x3C;/script>', 'A &#x26; B &#x3C;/script>&#x3C;script>alert(2)&#x3C;/script>', '&#x3C;img src=x onerror=alert(3)>', '&#x3C;/style>&#x3C;b>bold&#x3C;/b>', 'to the &#x3C;img src=x onerror=alert(4)> of their &#x3C;/script> interests']) {
    t.true(html.includes(escaped), escaped)
  }
  // Outside attribute values (always double-quoted, `"` escaped inside), only the page's own elements are markup.
  const markup = html.replace(/="[^"]*"/g, '=""')
  t.is(markup.match(/<script\b/g)?.length, 1)
  t.is(markup.match(/<\/script>/g)?.length, 1)
  t.is(markup.match(/<style\b/g)?.length, 1)
  t.is(markup.match(/<\/style>/g)?.length, 1)
  t.false(/<img|<b>/.test(markup))
})

test('a report page loads nothing and allows only its own style and script', (t) => {
  const html = qaReport({config, documents, diagnostics: [], coverage: []})
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!.replace(/&#x27;/g, "'")
  const inline = (tag: string) => new RegExp(`<${tag}>([^]*?)</${tag}>`).exec(html)![1]!
  const hash = (code: string) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`
  t.is(policy, `default-src 'none'; style-src ${hash(inline('style'))}; script-src ${hash(inline('script'))}; img-src data:; base-uri 'none'; form-action 'none'`)
  t.false(/\b(?:src|href)="(?!#)/.test(html.replace(/<meta[^>]*>/g, '')), 'no external reference')
  t.throws(() => page({title: 't', style: '', script: 'let a = "</script>"', body: []}), {message: /holding `<\/script`/})
  t.throws(() => page({title: 't', style: 'a::after { content: "</STYLE" }', body: []}), {message: /holding `<\/style`/})
})

/** Coverage of a document of `segments` segments of two words each, its translations human and translated. */
function figures(segments: number, translated: number, fallback: number, source: number): Coverage {
  const done = {segments: translated + fallback, words: 2 * (translated + fallback)}
  const none = {segments: 0, words: 0}
  return {
    segments,
    translated,
    fallback,
    source,
    words: {total: 2 * segments, translated: 2 * translated, fallback: 2 * fallback, source: 2 * source},
    origin: {human: done, memory: none, machine: none},
    state: {initial: none, translated: done, reviewed: none, final: none}
  }
}

test('qaReview groups findings by file and rule, lists a finding two stages report once, and shows a refused document as not built', (t) => {
  const finding = (fields: Partial<DiagnosticFields> & {ruleId?: string; message?: string}): Diagnostic => diagnostic(fields.ruleId ?? 'term-untranslated', fields.message ?? 'm', {source: 'check', severity: 'error', ...fields})
  const store = 'locales/en/putin-xi-alleanza.json'
  const value = qaReview({
    config,
    documents,
    diagnostics: [
      finding({file: store, unitId: 'u1', segmentId: 's1'}),
      finding({file: store, unitId: 'u1', segmentId: 's1', source: 'build'}),
      finding({file: store, unitId: 'u2', ruleId: 'term-missing', severity: 'warning'}),
      finding({file: seedPath, place: {line: 16, column: 156}, ruleId: 'accent-apostrophe', severity: 'warning', source: 'lint'}),
      finding({file: seedPath, place: {line: 14, column: 382}, ruleId: 'term-deprecated', severity: 'warning', source: 'lint'}),
      finding({file: 'dist/en/putin-xi-alleanza.md', ruleId: 'build-refused', source: 'build'}),
      finding({ruleId: 'config-invalid', severity: 'info', source: 'config'})
    ],
    coverage: ['es', 'fr', 'ca'].map((locale) => ({locale, path: 'putin-xi-alleanza.md', coverage: figures(21, locale === 'es' ? 3 : 0, locale === 'ca' ? 3 : 0, locale === 'fr' ? 21 : 18)}))
  })
  t.deepEqual(value.totals, {errors: 2, warnings: 3, infos: 1, findings: 6, listed: 6, files: 3})
  t.deepEqual(value.rules, [
    {ruleId: 'build-refused', severity: 'error', count: 1, files: 1},
    {ruleId: 'term-untranslated', severity: 'error', count: 1, files: 1},
    {ruleId: 'accent-apostrophe', severity: 'warning', count: 1, files: 1},
    {ruleId: 'term-deprecated', severity: 'warning', count: 1, files: 1},
    {ruleId: 'term-missing', severity: 'warning', count: 1, files: 1},
    {ruleId: 'config-invalid', severity: 'info', count: 1, files: 1}
  ])
  t.deepEqual(
    value.files.map((file) => [file.file, file.rules.map((rule) => `${rule.ruleId}:${rule.severity}:${rule.diagnostics.length}`)]),
    [
      [undefined, ['config-invalid:info:1']],
      ['dist/en/putin-xi-alleanza.md', ['build-refused:error:1']],
      ['locales/en/putin-xi-alleanza.json', ['term-untranslated:error:1', 'term-missing:warning:1']],
      [seedPath, ['accent-apostrophe:warning:1', 'term-deprecated:warning:1']]
    ]
  )
  t.is(value.files[2]!.rules[0]!.diagnostics[0]!.source, 'check', 'the first stage to report it')
  t.deepEqual(
    value.coverage.map((locale) => [locale.locale, locale.documents.map((row) => row.coverage === undefined), locale.total]),
    [
      ['en', [true], figures(0, 0, 0, 0)],
      ['es', [false], figures(21, 3, 0, 18)],
      ['fr', [false], figures(21, 0, 0, 21)],
      ['ca', [false], figures(21, 0, 3, 18)]
    ]
  )
  const html = qaReport({config, documents, diagnostics: [finding({file: store, message: 'Key `k`: `<img src=x>` is left'})], coverage: []})
  t.true(html.includes('<code>&#x3C;img src=x></code> is left'))
  t.true(html.includes('not built: the build refused <code>dist/es/putin-xi-alleanza.md</code>'))
})

test('a report lists a bounded number of occurrences and findings, those with a violation first, and counts every one', (t) => {
  // The English of the sentence naming Pechino last leaves it in Italian.
  const last = segments(document).filter((segment) => segment.value.includes('Pechino')).at(-1)!
  const broken = english()
  broken[last.key] = broken[last.key]!.replace('Beijing', 'Pechino')
  const store = stores({'en/putin-xi-alleanza': broken})
  const diagnostics = checkProject(config, documents, store, {terms}).messages
  const value = glossaryReview({config, termbase, terms, documents, stores: store, diagnostics, maxOccurrences: 2})
  const pechino = value.concepts.find((concept) => concept.id === 'pechino')!
  t.is(pechino.occurrenceCount, 8)
  t.deepEqual(pechino.occurrences.map((occurrence) => occurrence.id), ['pechino-1', 'pechino-8'])
  t.deepEqual(pechino.occurrences[1]!.renderings[0]!.violations.map((violation) => violation.ruleId), ['term-untranslated'])
  t.is(value.totals.occurrences, 94)
  // 24 concepts occur once, 21 more often: two of each listed.
  t.is(value.totals.listed, 66)
  t.is(glossaryReport({config, termbase, terms, documents, stores: store, diagnostics, maxOccurrences: 2}).match(/<li class="occurrence/g)?.length, 66)
  t.throws(() => glossaryReview({config, termbase, documents, stores: none, diagnostics: [], maxOccurrences: -1}), {message: /expected a whole number/})

  const finding = (line: number, ruleId: string): Diagnostic => diagnostic(ruleId, `at ${line}`, {file: seedPath, place: {line, column: 1}, source: 'lint', severity: 'warning'})
  const many = [...Array.from({length: 30}, (_, index) => finding(index + 1, 'repeated-line')), ...Array.from({length: 5}, (_, index) => finding(index + 1, 'link-empty-url'))]
  const qa = qaReview({config, documents, diagnostics: many, coverage: [], maxFindings: 22})
  t.like(qa.totals, {findings: 35, listed: 22, warnings: 35})
  t.deepEqual(qa.files[0]!.rules.map((rule) => [rule.ruleId, rule.count, rule.diagnostics.length]), [
    ['link-empty-url', 5, 5],
    ['repeated-line', 30, 17]
  ])
  t.deepEqual(qaReview({config, documents, diagnostics: many, coverage: []}).files[0]!.rules.map((rule) => rule.diagnostics.length), [5, 20])
  const html = qaReport({config, documents, diagnostics: many, coverage: [], maxFindings: 22})
  t.true(html.includes('22 of 35 findings are listed (at most 20 of one rule in one file, 22 in all, in file order)'))
  t.true(html.includes('(17 of 30 listed)'))
})

test('babele report writes both pages, exits 1 when a finding is an error, and a second run writes nothing', (t) => {
  const folder = copyProject()
  try {
    const first = babele(folder, 'report', '--json')
    t.is(first.status, 0, first.stderr)
    const result = JSON.parse(first.stdout)
    t.deepEqual(result.written, ['reports/glossary.html', 'reports/qa.html'])
    t.is(result.messages.filter((message: Diagnostic) => message.severity === 'error').length, 0)
    t.is(result.messages.length, 11, 'the seed\'s source lint warnings')
    t.is(result.coverage.length, 4)
    const glossary = readFileSync(join(folder, 'reports/glossary.html'), 'utf8')
    t.is(glossary.match(/<article /g)?.length, 62)
    t.is(glossary.match(/<li class="occurrence/g)?.length, 94)
    const times = ['glossary', 'qa'].map((name) => statSync(join(folder, `reports/${name}.html`)).mtimeMs)
    const again = babele(folder, 'report', '--json')
    t.deepEqual(JSON.parse(again.stdout).written, [])
    t.deepEqual(['glossary', 'qa'].map((name) => statSync(join(folder, `reports/${name}.html`)).mtimeMs), times, 'no file touched')

    // An English store that leaves `Cremlino` untranslated: an error finding.
    mkdirSync(join(folder, 'locales/en'), {recursive: true})
    writeFileSync(join(folder, 'locales/en/putin-xi-alleanza.json'), JSON.stringify(english((target) => target.replace(/^Kremlin\.$/, 'Cremlino.')), null, 2) + '\n')
    const broken = babele(folder, 'report')
    t.is(broken.status, 1)
    t.regex(broken.stderr, /^locales\/en\/putin-xi-alleanza\.json\n(?:.+\n)*\S* +error +Key `[\da-f]+`: `Cremlino` is left in the source language/m)
    t.regex(broken.stdout, /report: 2 file\(s\) written, 0 unchanged/)
    t.true(readFileSync(join(folder, 'reports/qa.html'), 'utf8').includes('not built: the build refused <code>dist/en/putin-xi-alleanza.md</code>'))
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('babele run writes the report pages as babele report does', (t) => {
  const folder = copyProject()
  try {
    const run = babele(folder, 'run', '--json')
    t.is(run.status, 0, run.stderr)
    t.true(JSON.parse(run.stdout).written.includes('reports/glossary.html'))
    t.true(existsSync(join(folder, 'reports/qa.html')))
    t.deepEqual(JSON.parse(babele(folder, 'report', '--json').stdout).written, [], 'the pages run wrote are the ones report writes')
    const help = babele(folder, 'report', '--help')
    t.is(help.status, 0)
    t.regex(help.stdout, /reports\/glossary\.html/)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})
