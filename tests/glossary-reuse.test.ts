/**
 * The glossary review's per-document parts through a store, and every
 * document's part combined in one entry: a document is read back from the
 * combination when nothing its part is made of changed, its part made again when something is
 * (the document, the glossary, a store value it shows, a config field, a
 * diagnostic about it), and the page is byte for byte the page made
 * without a store. The page's concept cards through the same store: each
 * rendered again when what it shows changed (a source edit, a store value,
 * a glossary entry, the concepts' order), and only then. The project is the
 * seed and a second, short document.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import test from 'ava'
import {diagnostic} from '../pipeline/diagnostic.ts'
import {digest, digestBytes, documentKey} from '../pipeline/incremental/index.ts'
import {checkProject, extractDocuments, fromTbx, glossaryReport, lintMarkdown, parseConfig, paths, projectTerms, type Config, type Diagnostic, type SourceDocument, type Stores, type Termbase} from '../pipeline/index.ts'
import {documentListing, documentPart, partConcepts, type GlossaryPart, type PartContext, type Routed} from '../pipeline/report/lib/glossary-part.ts'
import {root} from './helpers/cli.ts'
import {countingStore} from './helpers/counting-store.ts'
import {englishBundle} from './helpers/reference.ts'

const baseConfig = parseConfig(JSON.parse(readFileSync(join(root, 'babele.config.json'), 'utf8'))).value!
const tbx = readFileSync(join(root, 'glossary/geopolitics.tbx'), 'utf8')
const baseTermbase = fromTbx(tbx).value!
const seed = readFileSync(join(root, 'source/it/putin-xi-alleanza.md'), 'utf8')
const second = '# La NATO e il Cremlino\n\nIl Cremlino ha criticato la NATO e l\'AUKUS.\n'

/** An entry store in memory (`countingStore`) whose `take` gives the glossary parts read back and made since the last call. */
function memoryStore() {
  const counting = countingStore()
  return {...counting, take: () => counting.takeByKind()['glossary-part'] ?? {hits: 0, misses: 0}}
}

interface Project {
  config?: Config
  termbase?: Termbase
  sources?: Record<string, string>
  stores?: Stores
  extra?: Diagnostic[]
  maxOccurrences?: number
}

/** The project's review input: documents, their keys, the lint's and the QA's diagnostics (and any extra). */
function input(project: Project) {
  const config = project.config ?? baseConfig
  const termbase = project.termbase ?? baseTermbase
  const sources = new Map(Object.entries(project.sources ?? {'putin-xi-alleanza.md': seed, 'secondo.md': second}))
  const documents = extractDocuments(config, sources).value
  const terms = projectTerms(config, termbase)
  const stores = project.stores ?? {bundles: new Map(), states: new Map()}
  const checked = checkProject(config, documents, stores, {terms})
  const lint = [...sources].flatMap(([path, text]) => lintMarkdown(text, {file: `source/it/${path}`, termbase}).messages)
  const keys = new Map([...sources].map(([path, text]) => [path, documentKey(config, path, digestBytes(text))]))
  return {config, termbase, terms, documents, stores, diagnostics: [...lint, ...checked.messages, ...(project.extra ?? [])], refused: checked.broken, maxOccurrences: project.maxOccurrences, keys, glossary: digest(termbase)}
}

/** The page through the store, checked byte for byte against the page made without one; and the parts read back and made. */
function page(t: import('ava').ExecutionContext, memory: ReturnType<typeof memoryStore>, project: Project) {
  const {keys, glossary, ...rest} = input(project)
  const html = glossaryReport({...rest, reuse: {keys, glossary, store: memory.store}})
  t.is(html, glossaryReport(rest))
  const counts = memory.takeByKind()
  return {html, parts: counts['glossary-part'] ?? {hits: 0, misses: 0}, combined: counts['glossary-combined'] ?? {hits: 0, misses: 0}, listings: counts['glossary-listing'] ?? {hits: 0, misses: 0}, cards: counts['glossary-page'] ?? {hits: 0, misses: 0}, page: counts['glossary-report'] ?? {hits: 0, misses: 0}}
}

/** The page's concept cards, in order. */
function cards(html: string): string[] {
  return html.match(/<article class="concept panel"[\s\S]*?<\/article>/g) ?? []
}

/** How many cards of two pages differ (the same concepts, in the same order). */
function changedCards(before: string, after: string): number {
  const old = cards(before)
  const now = cards(after)
  if (old.length !== now.length) throw new Error(`${old.length} cards, then ${now.length}`)
  return now.filter((card, index) => card !== old[index]).length
}

/** Checks that some card of `after` differs from `before` and that exactly those were rendered again (the rest read back); returns how many. */
function renderedAgain(t: import('ava').ExecutionContext, before: {html: string}, after: {html: string; cards: {hits: number; misses: number}}): number {
  const changed = changedCards(before.html, after.html)
  t.true(changed > 0)
  t.deepEqual(after.cards, {hits: baseTermbase.concepts.length - changed, misses: changed})
  return changed
}

function english(edit?: (target: string) => string): Stores {
  return {bundles: new Map([['en/putin-xi-alleanza', englishBundle(seed, edit)]]), states: new Map()}
}

test('a second review reads the parts combined back, no document\'s own, and its page is byte for byte the page made without a store', (t) => {
  const memory = memoryStore()
  const first = page(t, memory, {stores: english()})
  t.deepEqual(first.parts, {hits: 0, misses: 2})
  t.deepEqual(first.combined, {hits: 0, misses: 1})
  // Without the kept page: the review is combined again.
  memory.alter('glossary-report', () => undefined)
  const again = page(t, memory, {stores: english()})
  t.deepEqual(again.parts, {hits: 0, misses: 0})
  t.deepEqual(again.combined, {hits: 1, misses: 0})
  t.is(again.html, first.html)
  t.true(first.html.includes('secondo.md:3:'))
})

test('a document read back from its part is asked nothing but its path and id', (t) => {
  const memory = memoryStore()
  const {keys, glossary, documents, ...rest} = input({stores: english()})
  const made = glossaryReport({...rest, documents, reuse: {keys, glossary, store: memory.store}})
  memory.take()
  const asked = new Set<string>()
  // Every document stands behind a proxy that answers its path and id and fails on anything else.
  const lazy = new Map(
    [...documents].map(([path, document]) => [
      path,
      new Proxy(document, {
        get(target, field, receiver) {
          if (field !== 'path' && field !== 'id') asked.add(String(field))
          if (field !== 'path' && field !== 'id') throw new Error(`read ${String(field)} of ${path}`)
          return Reflect.get(target, field, receiver) as unknown
        }
      }) as SourceDocument
    ])
  )
  t.is(glossaryReport({...rest, documents: lazy, reuse: {keys, glossary, store: memory.store}}), made)
  t.deepEqual(memory.take(), {hits: 0, misses: 0})
  t.deepEqual([...asked], [])
})

test('an edited document\'s part is made again, and only its; the others are read back from the combination', (t) => {
  const memory = memoryStore()
  const before = page(t, memory, {})
  const after = page(t, memory, {sources: {'putin-xi-alleanza.md': seed, 'secondo.md': second + '\nLa Russia e la Cina firmano un accordo a Pechino.\n'}})
  t.deepEqual(after.parts, {hits: 0, misses: 1})
  t.deepEqual(after.combined, {hits: 1, misses: 0})
  t.not(after.html, before.html)
})

test('documents added, removed, moved and edited: each page is the page made without a store, and only a document whose part the combination lacks gets its part', (t) => {
  const memory = memoryStore()
  const a = 'Il Cremlino e le alleanze. Il Cremlino tace.\n'
  const b = "L'AKUS e il Cremlino. L'alleanza con l'AUKUS e l'AKUS.\n"
  const c = 'La NATO e il Cremlino. Le alleanze della NATO.\n'
  const edited = "L'alleanza e l'AKUS. La NATO.\n" + a
  // At most 2 listed per concept: a flagged `AKUS` (a deprecated variant) is listed before the first occurrences of the rest.
  const steps: Array<{sources: Record<string, string>; parts: {hits: number; misses: number}}> = [
    {sources: {'a.md': a, 'b.md': b}, parts: {hits: 0, misses: 2}},
    // Added.
    {sources: {'a.md': a, 'b.md': b, 'c.md': c}, parts: {hits: 0, misses: 1}},
    // Removed: the last one moves up.
    {sources: {'c.md': c, 'a.md': a}, parts: {hits: 0, misses: 0}},
    // Edited: new forms and a flagged occurrence before the others'.
    {sources: {'c.md': c, 'a.md': edited}, parts: {hits: 0, misses: 1}},
    // One the combination no longer holds comes back: its part is read back from the store.
    {sources: {'b.md': b, 'c.md': c, 'a.md': edited}, parts: {hits: 1, misses: 0}},
    {sources: {'b.md': b, 'c.md': c, 'a.md': a}, parts: {hits: 1, misses: 0}}
  ]
  const pages = steps.map(({sources, parts}, index) => {
    const made = page(t, memory, {sources, maxOccurrences: 2})
    t.deepEqual(made.parts, parts, `step ${index + 1}`)
    t.deepEqual(made.combined, index === 0 ? {hits: 0, misses: 1} : {hits: 1, misses: 0})
    return made.html
  })
  // Documents are in path order: the last step's are the second's, and so is its page.
  t.deepEqual(pages.map((html) => pages.indexOf(html)), [0, 1, 2, 3, 4, 1])
  t.true(pages[4]!.includes('>b.md:1:3</a>'))
})

test('forms no document names any more are left out of the kept combination once they outnumber the rest, and the pages stay the pages made without a store', (t) => {
  const memory = memoryStore()
  const other = 'Il Cremlino tace.\n'
  page(t, memory, {sources: {'a.md': "L'AKUS, l'AUKUS, le alleanze e l'alleanza.\n", 'b.md': other}})
  t.deepEqual(memory.values('glossary-combined')[0].forms, ['akus', 'aukus', 'alleanze', 'alleanza', 'cremlino'])
  // Four forms gone, one added: the table is made again from the two named.
  page(t, memory, {sources: {'a.md': 'La NATO.\n', 'b.md': other}})
  t.deepEqual(memory.values('glossary-combined')[0].forms, ['cremlino', 'nato'])
  const after = page(t, memory, {sources: {'a.md': "La NATO e l'AUKUS.\n", 'b.md': other}})
  t.deepEqual(after.parts, {hits: 0, misses: 1})
  t.deepEqual(memory.values('glossary-combined')[0].forms, ['cremlino', 'nato', 'aukus'])
})

test('a kept combination that does not add up is not used: every part is read back, and the page is the page made without a store', (t) => {
  const memory = memoryStore()
  const before = page(t, memory, {stores: english()})
  // The kept combination loses its last record's count (and the kept page is gone: the review is combined again).
  memory.alter('glossary-combined', (value) => ({...value, count: value.count.slice(0, -1)}))
  memory.alter('glossary-report', () => undefined)
  const after = page(t, memory, {stores: english()})
  t.deepEqual(after.parts, {hits: 2, misses: 0})
  t.deepEqual(after.combined, {hits: 1, misses: 0})
  t.is(after.html, before.html)
})

test('a changed glossary entry makes every part again', (t) => {
  const memory = memoryStore()
  page(t, memory, {})
  // The deprecated variant `AKUS` (in the seed) is no longer a term.
  const termbase = fromTbx(tbx.replace('<term>AKUS</term>', '<term>AKUSS</term>')).value!
  const after = page(t, memory, {termbase})
  t.deepEqual(after.parts, {hits: 0, misses: 2})
})

test('a changed store value the page shows makes its document\'s part again, and only its', (t) => {
  const memory = memoryStore()
  const before = page(t, memory, {stores: english()})
  const after = page(t, memory, {stores: english((target) => target.replace('AUKUS', 'the AUKUS pact'))})
  t.deepEqual(after.parts, {hits: 0, misses: 1})
  t.not(after.html, before.html)
  t.true(after.html.includes('the <mark class="hit-approved" title="an approved term">AUKUS</mark> pact'))
})

test('a changed config field the review reads (a fallback chain) makes every part again', (t) => {
  const memory = memoryStore()
  const title = extractDocuments(baseConfig, new Map([['putin-xi-alleanza.md', seed]])).value.get('putin-xi-alleanza.md')!.units[0]!
  const key = title.parts.flatMap((part) => (part.type === 'segment' ? [part.segment.key] : []))[0]!
  const stores: Stores = {bundles: new Map([['es/putin-xi-alleanza', {[key]: 'Putin y Xi Jinping sellaron una alianza entre Rusia y China'}]]), states: new Map()}
  const before = page(t, memory, {stores})
  t.true(before.html.includes('from es'))
  // Catalan no longer falls back to Spanish.
  const config = parseConfig({...JSON.parse(readFileSync(join(root, 'babele.config.json'), 'utf8')), fallbackLng: {ca: ['it'], default: ['it']}}).value!
  const after = page(t, memory, {config, stores})
  t.deepEqual(after.parts, {hits: 0, misses: 2})
  t.false(after.html.includes('from es'))
})

test('a new diagnostic about a document makes its part again, and only its', (t) => {
  const memory = memoryStore()
  page(t, memory, {})
  const finding = diagnostic('term-deprecated', '`Cremlino` is checked again', {source: 'lint', severity: 'warning', file: 'source/it/secondo.md', conceptId: 'cremlino', place: {start: {line: 3, column: 4, offset: 27}, end: {line: 3, column: 12, offset: 35}}})
  const after = page(t, memory, {extra: [finding]})
  t.deepEqual(after.parts, {hits: 0, misses: 1})
  t.true(after.html.includes('<code>Cremlino</code> is checked again'))
})

/** A document's lint findings about a concept, and the key they are given with. */
interface Run {
  path: string
  key: string
  diagnostics: Diagnostic[]
}

/**
 * The page through the store with each document's lint findings about a
 * concept given apart as a keyed run (`keyed`), as `run` gives them with
 * their lint entry's key; `change` may alter the runs and the other
 * diagnostics before the review. Returns the parts read back and made, how
 * many runs' findings the review read, and the page.
 */
function keyedPage(memory: ReturnType<typeof memoryStore>, keyOf: (path: string) => string, change?: (runs: Run[], diagnostics: Diagnostic[]) => void) {
  const {keys, glossary, diagnostics, ...rest} = input({})
  const runs = ['putin-xi-alleanza.md', 'secondo.md'].map((path): Run => ({path, key: keyOf(path), diagnostics: diagnostics.filter((one) => one.source === 'lint' && one.file === `source/it/${path}` && one.conceptId !== undefined)}))
  const others = diagnostics.filter((one) => !runs.some((run) => run.diagnostics.includes(one)))
  change?.(runs, others)
  let reads = 0
  const keyed = runs.map((run) => ({
    key: run.key,
    file: `source/it/${run.path}`,
    conceptIds: run.diagnostics.map((one) => one.conceptId!),
    diagnostics: () => {
      reads++
      return run.diagnostics
    }
  }))
  const html = glossaryReport({...rest, diagnostics: others, reuse: {keys, glossary, store: memory.store}, keyed})
  return {parts: memory.take(), reads, html}
}

test('a run of diagnostics given with a key goes into its document\'s part key as the key, and is read only to make a part or the page: the same key reads the part back, a new one makes it again', (t) => {
  const memory = memoryStore()
  const first = keyedPage(memory, (path) => `lint-${path}`)
  // Only the seed has findings about a concept: the other's run is empty, and never read.
  t.deepEqual([first.parts, first.reads], [{hits: 0, misses: 2}, 1])
  // The page is the one the same diagnostics give when none is keyed.
  const {keys, glossary, ...plain} = input({})
  t.is(first.html, glossaryReport({...plain, reuse: {keys, glossary, store: memoryStore().store}}))
  // The same findings given again (new objects), under the same keys: neither read nor their parts made.
  const again = keyedPage(memory, (path) => `lint-${path}`)
  t.deepEqual([again.parts, again.reads], [{hits: 0, misses: 0}, 0])
  t.is(again.html, first.html)
  // The same findings under a new key for the seed: only its part is made again, though their JSON is the same, and only its findings are read.
  const rekeyed = keyedPage(memory, (path) => (path === 'putin-xi-alleanza.md' ? 'lint-putin-xi-alleanza.md-again' : `lint-${path}`))
  t.deepEqual([rekeyed.parts, rekeyed.reads], [{hits: 0, misses: 1}, 1])
  t.is(rekeyed.html, first.html)
})

test('a keyed run that cannot be placed whole is read and goes in as its JSON: a document\'s second run, one about no source, one with a concept the termbase lacks', (t) => {
  const memory = memoryStore()
  t.deepEqual(keyedPage(memory, (path) => `lint-${path}`).parts, {hits: 0, misses: 2})
  // The seed's findings as two runs: the second, whose last finding changes, is read, and its JSON makes the part again under the same keys.
  const split = (runs: Run[], change: (diagnostic: Diagnostic) => Diagnostic = (diagnostic) => diagnostic) => {
    const seed = runs[0]!
    t.true(seed.diagnostics.length > 1)
    runs.splice(1, 0, {path: seed.path, key: 'lint-second-run', diagnostics: seed.diagnostics.slice(1).map((one, at, all) => (at === all.length - 1 ? change(one) : one))})
    seed.diagnostics = seed.diagnostics.slice(0, 1)
  }
  const splitPage = keyedPage(memory, (path) => `lint-${path}`, (runs) => split(runs))
  t.deepEqual([splitPage.parts, splitPage.reads], [{hits: 0, misses: 1}, 2])
  const changed = keyedPage(memory, (path) => `lint-${path}`, (runs) => split(runs, (one) => ({...one, message: one.message + ' (again)'})))
  t.deepEqual(changed.parts, {hits: 0, misses: 1})
  t.true(changed.html.includes('(again)'))
  // A run whose file is no document's source, and one with a concept the termbase lacks: read, each finding placed on its own (the latter nowhere).
  const strays = keyedPage(memory, (path) => `lint-${path}`, (runs) => {
    const [finding] = runs[0]!.diagnostics
    runs.push({path: 'altrove.md', key: 'lint-altrove', diagnostics: [{...finding!, file: 'source/it/altrove.md', message: 'Altrove'}]})
    runs.push({path: 'putin-xi-alleanza.md', key: 'lint-unknown', diagnostics: [{...finding!, conceptId: 'sconosciuto'}]})
  })
  // Both read to be placed, and the seed's to render the page again, which shows the stray about no source.
  t.is(strays.reads, 3)
  t.true(strays.html.includes('Altrove'))
  t.false(strays.html.includes('sconosciuto'))
})

test('a keyed run whose findings are not the concepts and file it names is an error', (t) => {
  const {keys, glossary, diagnostics, ...rest} = input({})
  const seed = diagnostics.filter((one) => one.source === 'lint' && one.file === 'source/it/putin-xi-alleanza.md' && one.conceptId !== undefined)
  const others = diagnostics.filter((one) => !seed.includes(one))
  const keyed = [{key: 'lint-seed', file: 'source/it/putin-xi-alleanza.md', conceptIds: seed.map((one) => one.conceptId!).reverse(), diagnostics: () => seed}]
  t.true(new Set(keyed[0]!.conceptIds).size > 1)
  t.throws(() => glossaryReport({...rest, diagnostics: others, reuse: {keys, glossary, store: memoryStore().store}, keyed}), {instanceOf: TypeError, message: /keyed run `lint-seed`/})
})

test('when an earlier document lists more of a concept, a later one is read back from the combination and makes its listing again', (t) => {
  const memory = memoryStore()
  // At most 2 listed per concept: `Cremlino` once in the first document, twice in the second.
  const before = page(t, memory, {maxOccurrences: 2, sources: {'primo.md': 'Il Cremlino parla.\n', 'secondo.md': second}})
  t.is(before.html.match(/<li class="occurrence/g)?.length, 5)
  t.true(before.html.includes('>secondo.md:1:16</a>'))
  const after = page(t, memory, {maxOccurrences: 2, sources: {'primo.md': 'Il Cremlino parla. Il Cremlino tace.\n', 'secondo.md': second}})
  // Both of the first document's are listed now, and none of the second's.
  t.deepEqual(after.parts, {hits: 0, misses: 1})
  t.deepEqual(after.listings, {hits: 0, misses: 2})
  t.is(after.html.match(/<li class="occurrence/g)?.length, 5)
  t.false(after.html.includes('>secondo.md:1:16</a>'))
})

test('a second page reads every concept card back, and its page is byte for byte the page made without a store', (t) => {
  const memory = memoryStore()
  const concepts = baseTermbase.concepts.length
  const first = page(t, memory, {stores: english()})
  t.deepEqual(first.cards, {hits: 0, misses: concepts})
  t.is(cards(first.html).length, concepts)
  // Without the kept page: every card is asked for.
  memory.alter('glossary-report', () => undefined)
  const again = page(t, memory, {stores: english()})
  t.deepEqual(again.cards, {hits: concepts, misses: 0})
  t.is(again.html, first.html)
})

test('a source edit renders again the cards it changes and only those: a line added above a document\'s terms moves their occurrences', (t) => {
  const memory = memoryStore()
  const before = page(t, memory, {})
  // Each occurrence in the second document is a line further down: its anchor changes, not its sentence.
  const after = page(t, memory, {sources: {'putin-xi-alleanza.md': seed, 'secondo.md': '\n' + second}})
  t.true(after.html.includes('>secondo.md:2:'))
  renderedAgain(t, before, after)
})

test('a store value change renders again the cards whose occurrences show it, and only those', (t) => {
  const memory = memoryStore()
  const before = page(t, memory, {stores: english()})
  // The sentence naming AUKUS, a word changed for one of the same length: only the rendering's text differs.
  const after = page(t, memory, {stores: english((target) => target.replace('Pacific Ocean', 'Pacific OCEAN'))})
  t.true(after.html.includes('in the Pacific OCEAN.'))
  renderedAgain(t, before, after)
})

test('a glossary change renders again the card of the concept changed, and every card when the concepts move', (t) => {
  const memory = memoryStore()
  const concepts = baseTermbase.concepts.length
  const before = page(t, memory, {})
  // NATO's first Italian term becomes masculine: shown in its card alone, searched by no word.
  const termbase = fromTbx(tbx.replace('<termNote type="grammaticalGender">feminine</termNote>', '<termNote type="grammaticalGender">masculine</termNote>')).value!
  const after = page(t, memory, {termbase})
  t.true(after.html.includes('noun · masculine'))
  t.is(renderedAgain(t, before, after), 1)
  // The last concept first: every card's position in the page changes.
  const moved: Termbase = {...termbase, concepts: [termbase.concepts.at(-1)!, ...termbase.concepts.slice(0, -1)]}
  const reordered = page(t, memory, {termbase: moved})
  t.deepEqual(reordered.cards, {hits: 0, misses: concepts})
})

/** A part's concepts with their figures read out of its flat arrays. */
function figures(part: GlossaryPart, locales: number) {
  return partConcepts(part, locales).map((concept) => ({
    id: concept.id,
    count: concept.count,
    forms: part.forms.slice(concept.formsAt, concept.formsEnd),
    rendered: [...part.figures.subarray(concept.renderedAt, concept.renderedAt + locales)],
    flagged: [...part.flagged.subarray(concept.flaggedAt, concept.flaggedEnd)]
  }))
}

test('a document\'s part gives each concept its occurrences, forms, renderings and flagged numbers, the same when read back from a store', (t) => {
  const config = baseConfig
  const text = "# L'AKUS e il Cremlino\n\nIl Cremlino teme l'AUKUS e l'AKUS. Le alleanze e l'alleanza.\n"
  const document = extractDocuments(config, new Map([['uno.md', text]])).value.get('uno.md')!
  const findings = lintMarkdown(text, {file: 'source/it/uno.md', termbase: baseTermbase}).messages.filter((message) => message.conceptId !== undefined)
  // English renders every segment, Spanish none; French has a value the build refuses; Catalan renders the second segment alone.
  const lookup = (locale: string, _document: SourceDocument, unit: {id: string}) =>
    locale === 'en' ? {locale, value: 'x', whole: false, refused: false} : locale === 'fr' ? {locale, value: 'x', whole: false, refused: true} : locale === 'ca' && unit.id !== document.units[0]!.id ? {locale, value: 'x', whole: false, refused: false} : undefined
  const made = documentPart(document, {config, terms: projectTerms(config, baseTermbase), concepts: new Set(baseTermbase.concepts.map((concept) => concept.id)), lookup, max: 20}, findings.map((one) => ({diagnostic: one})))
  t.deepEqual(config.targetLocales, ['en', 'es', 'fr', 'ca'])
  const expected = [
    // `AKUS` in the title, `AUKUS` and `AKUS` in the paragraph: both `AKUS` have a finding.
    {id: 'aukus', count: 3, forms: ['akus', 'aukus'], rendered: [3, 0, 0, 2], flagged: [1, 3]},
    {id: 'cremlino', count: 2, forms: ['cremlino'], rendered: [2, 0, 0, 1], flagged: []},
    {id: 'alleanza', count: 2, forms: ['alleanze', 'alleanza'], rendered: [2, 0, 0, 2], flagged: []}
  ]
  t.deepEqual(figures(made, 4), expected)
  t.deepEqual(figures(structuredClone(made), 4), expected)
  t.deepEqual([...made.placed], [0, 0])
  t.is(made.html.length, 2)
  t.true(made.html[1]!.includes('source/it/uno.md:3:30'))
})

test('a document\'s listing after a part made with the same context is its own: another document, or the same one with other diagnostics, is read again', (t) => {
  const config = baseConfig
  const first = "# Il Cremlino\n\nIl Cremlino teme l'AKUS.\n"
  const other = '# Altro\n\nLa NATO e il Cremlino si parlano.\n'
  const documents = extractDocuments(config, new Map([['uno.md', first], ['due.md', other]])).value
  const one = documents.get('uno.md')!
  const two = documents.get('due.md')!
  const findings = lintMarkdown(first, {file: 'source/it/uno.md', termbase: baseTermbase}).messages.filter((message) => message.conceptId !== undefined).map((diagnostic) => ({diagnostic}))
  t.true(findings.length > 0)
  const context = (): PartContext => ({config, terms: projectTerms(config, baseTermbase), concepts: new Set(baseTermbase.concepts.map((concept) => concept.id)), lookup: () => undefined, max: 20})
  const asked: Array<[string, number[]]> = [['cremlino', [1]], ['aukus', [1]]]
  const shared = context()
  const none: Routed[] = []
  documentPart(one, shared, none)
  // Another document with the same (empty) diagnostics: its own first `Cremlino` (and no `AKUS` to list).
  const another = documentListing(two, shared, none, [['cremlino', [1]]])
  t.deepEqual(another, documentListing(two, context(), [], [['cremlino', [1]]]))
  t.is(another[0]!.occurrence.unitId, two.units[1]!.id)
  documentPart(one, shared, findings)
  // The same document with no diagnostics: its `AKUS` has no finding.
  const bare = documentListing(one, shared, [], asked)
  t.deepEqual(bare, documentListing(one, context(), [], asked))
  t.deepEqual(bare[1]!.occurrence.findings, [])
  // The same document and diagnostics: the listing as made alone.
  documentPart(one, shared, findings)
  const flagged = documentListing(one, shared, findings, asked)
  t.deepEqual(flagged, documentListing(one, context(), findings, asked))
  t.true(flagged[1]!.occurrence.findings.length > 0)
})

/** A diagnostic about the `NATO` of a document's unit (by default the second document's paragraph) in its English store, of a severity. */
function violation(severity: 'error' | 'warning', path = 'secondo.md', text = second, unit = 1) {
  const document = extractDocuments(baseConfig, new Map([[path, text]])).value.get(path)!
  return diagnostic('term-missing', '`NATO` is not translated as the glossary says', {source: 'check', severity, file: paths.bundle(baseConfig, 'en', document.id), unitId: document.units[unit]!.id, conceptId: 'nato'})
}

/** A source finding about `concept` at a line and column where it has no occurrence, in a file. */
function unplacedFinding(file: string, message: string): Diagnostic {
  return diagnostic('term-near-miss', message, {source: 'lint', severity: 'warning', file, conceptId: 'cremlino', place: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 2, offset: 1}}})
}

test('an edit that changes nothing the page shows reads the kept page back: the document\'s part and listing are made, and no combination or card is asked for', (t) => {
  const memory = memoryStore()
  const before = page(t, memory, {})
  t.is(memory.values('glossary-report').length, 1)
  // A sentence with no term after the last one: the same counts, no occurrence moves.
  const after = page(t, memory, {sources: {'putin-xi-alleanza.md': seed, 'secondo.md': second + '\nIl sole splende oggi.\n'}})
  t.deepEqual(after.page, {hits: 1, misses: 0})
  t.deepEqual(after.parts, {hits: 0, misses: 1})
  // Its occurrences are listed: its listing is made again, and is the same.
  t.deepEqual(after.listings, {hits: 0, misses: 1})
  t.deepEqual([after.combined, after.cards], [{hits: 0, misses: 0}, {hits: 0, misses: 0}])
  t.is(after.html, before.html)
})

test('a sentence edit that keeps the counts but changes a listed occurrence\'s sentence renders the page again', (t) => {
  const memory = memoryStore()
  const before = page(t, memory, {})
  t.true(before.html.includes('ha criticato'))
  const after = page(t, memory, {sources: {'putin-xi-alleanza.md': seed, 'secondo.md': second.replace('ha criticato', 'ha lodato')}})
  t.true(after.html.includes('ha lodato'))
  t.false(after.html.includes('ha criticato'))
  renderedAgain(t, before, after)
})

test('a sentence edit of an occurrence not listed keeps the page; once it is listed, its edits show', (t) => {
  const memory = memoryStore()
  // One listed per concept: the first document's.
  const first = 'Il Cremlino parla. La NATO tace. L\'AUKUS.\n'
  const before = page(t, memory, {maxOccurrences: 1, sources: {'primo.md': first, 'secondo.md': second}})
  t.false(before.html.includes('ha criticato'))
  const after = page(t, memory, {maxOccurrences: 1, sources: {'primo.md': first, 'secondo.md': second.replace('ha criticato', 'ha lodato')}})
  t.deepEqual(after.page, {hits: 1, misses: 0})
  t.is(after.html, before.html)
  // The first document's `NATO` goes: the second's first (in its title) is listed, then its title is edited, the counts the same.
  const moved = page(t, memory, {maxOccurrences: 1, sources: {'primo.md': first.replace('La NATO tace. ', ''), 'secondo.md': second}})
  t.true(moved.html.includes('>secondo.md:1:6</a>'))
  const listed = page(t, memory, {maxOccurrences: 1, sources: {'primo.md': first.replace('La NATO tace. ', ''), 'secondo.md': second.replace('il Cremlino\n', 'il Cremlino oggi\n')}})
  t.true(listed.html.includes('Cremlino oggi'))
  t.not(listed.html, moved.html)
})

test('an added term, a moved line and a renamed document each render the page again, as made without a store', (t) => {
  const memory = memoryStore()
  const steps: Array<Record<string, string>> = [
    {'putin-xi-alleanza.md': seed, 'secondo.md': second},
    {'putin-xi-alleanza.md': seed, 'secondo.md': second + "\nLa NATO e l'AUKUS.\n"},
    {'putin-xi-alleanza.md': seed, 'secondo.md': '\n' + second + "\nLa NATO e l'AUKUS.\n"},
    {'putin-xi-alleanza.md': seed, 'terzo.md': '\n' + second + "\nLa NATO e l'AUKUS.\n"},
    {'putin-xi-alleanza.md': seed + '\nIl sole.\n', 'terzo.md': '\n' + second + "\nLa NATO e l'AUKUS.\n"},
    {'putin-xi-alleanza.md': seed, 'secondo.md': second}
  ]
  const pages = steps.map((sources) => page(t, memory, {sources}).html)
  t.deepEqual(pages.map((html) => pages.indexOf(html)), [0, 1, 2, 3, 3, 0])
  t.true(pages[3]!.includes('terzo.md'))
})

test('a violation\'s severity, which the page shows on its occurrence alone, renders the page again', (t) => {
  const memory = memoryStore()
  const before = page(t, memory, {extra: [violation('warning')]})
  t.true(before.html.includes('has-warning'))
  const after = page(t, memory, {extra: [violation('error')]})
  t.true(after.html.includes('has-error'))
  t.not(after.html, before.html)
})

test('a violation\'s severity on an occurrence not listed, which the page counts alone, renders the page again', (t) => {
  const memory = memoryStore()
  // One listed per concept: the first document's `NATO`, flagged too; the second's is counted.
  const first = 'La NATO tace.\n'
  const sources = {'primo.md': first, 'secondo.md': second}
  const before = page(t, memory, {maxOccurrences: 1, sources, extra: [violation('warning', 'primo.md', first, 0), violation('warning')]})
  t.true(before.html.includes('2 warnings'))
  const after = page(t, memory, {maxOccurrences: 1, sources, extra: [violation('warning', 'primo.md', first, 0), violation('error')]})
  t.true(after.html.includes('1 error'))
  t.not(after.html, before.html)
})

test('a diagnostic about a file of no document, and the order of diagnostics about two documents, each render the page again', (t) => {
  const memory = memoryStore()
  const seedFinding = unplacedFinding('source/it/putin-xi-alleanza.md', 'First near miss')
  const secondFinding = unplacedFinding('source/it/secondo.md', 'Second near miss')
  const before = page(t, memory, {extra: [seedFinding, secondFinding, unplacedFinding('source/it/altro.md', 'Elsewhere')]})
  const elsewhere = page(t, memory, {extra: [seedFinding, secondFinding, unplacedFinding('source/it/altro.md', 'Somewhere else')]})
  t.true(elsewhere.html.includes('Somewhere else'))
  t.not(elsewhere.html, before.html)
  // The same diagnostics about each document, listed in another order.
  const swapped = page(t, memory, {extra: [secondFinding, seedFinding, unplacedFinding('source/it/altro.md', 'Somewhere else')]})
  t.true(swapped.html.indexOf('Second near miss') < swapped.html.indexOf('First near miss'))
})

test('a kept page index that does not add up is not used, and the page is the page made without a store', (t) => {
  const memory = memoryStore()
  const before = page(t, memory, {})
  memory.alter('glossary-report-index', (value) => ({...value, shown: value.shown.slice(0, -1)}))
  const after = page(t, memory, {sources: {'putin-xi-alleanza.md': seed, 'secondo.md': second.replace('ha criticato', 'ha lodato')}})
  t.true(after.html.includes('ha lodato'))
  t.not(after.html, before.html)
})
