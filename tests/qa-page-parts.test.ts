import test, {type ExecutionContext} from 'ava'
import {countingStore} from './helpers/counting-store.ts'
import {diagnostic} from '../pipeline/diagnostic.ts'
import {buildProject, extractDocuments, parseConfig, qaReport, type Config, type Diagnostic, type Stores} from '../pipeline/index.ts'
import {qaReview, uniqueDiagnostics, type CoverageRow, type QaReview} from '../pipeline/report/index.ts'
import {qaPage} from '../pipeline/report/lib/qa-page.ts'
import {endsRun, runLength} from '../pipeline/report/lib/page-parts.ts'

/** Sixty small documents: enough for the coverage rows and the file blocks to span several runs. */
const paths = Array.from({length: 60}, (_, index) => `capitolo-${String(index).padStart(2, '0')}.md`)
const texts = new Map(paths.map((path, index) => [path, `# Capitolo ${index}\n\nIl vertice si apre domani. La delegazione arriva alle ${index} in punto.\n`]))
const config = parseConfig({targetLocales: ['en']}).value!
const none: Stores = {bundles: new Map(), states: new Map()}

/** A warning on a document's source: one file block per document on the page. */
function lintFinding(path: string, message = 'Link `qui` has the URL `#`, which goes nowhere'): Diagnostic {
  return diagnostic('link-empty-url', message, {source: 'lint', severity: 'warning', file: `source/it/${path}`, place: {start: {line: 3, column: 1, offset: 20}, end: {line: 3, column: 4, offset: 23}}})
}

/** The QA page's input for these sources, stores and config, as `babele run` makes it. */
function input(sources: ReadonlyMap<string, string>, stores: Stores, project: Config = config, diagnostics: Diagnostic[] = paths.map((path) => lintFinding(path))) {
  const documents = extractDocuments(project, sources).value
  const built = buildProject(project, documents, stores)
  return {config: project, documents, diagnostics: uniqueDiagnostics([...diagnostics, ...built.messages]), unique: true, coverage: built.coverage}
}

/** The page of a changed review, through the store: one run made again, a page other than `before`, the page made without a store. */
function madeAgain(t: ExecutionContext, review: QaReview, counting: Pick<ReturnType<typeof countingStore>, 'store' | 'take'>, before: string, name: string): void {
  const after = qaPage(review, {store: counting.store})
  t.is(counting.take().puts, 1, name)
  t.not(after, before, name)
  t.is(after, qaPage(review), name)
}

test('the QA page reads every run of rows back when nothing it shows changed, and its bytes are those of the page made without a store', (t) => {
  const {store, take} = countingStore()
  const first = qaReport(input(texts, none), {store})
  const made = take()
  t.true(made.puts > 2)
  t.is(made.hits, 0)
  t.is(first, qaReport(input(texts, none)))
  const again = qaReport(input(texts, none), {store})
  t.deepEqual(take(), {gets: made.puts, hits: made.puts, puts: 0})
  t.is(again, first)
})

test('a source byte changed makes the run holding its document\'s coverage row again, and only that run', (t) => {
  const {store, take} = countingStore()
  const before = qaReport(input(texts, none), {store})
  const runs = take().puts
  const edited = new Map(texts).set('capitolo-17.md', texts.get('capitolo-17.md')! + '\nUna frase aggiunta.\n')
  const after = qaReport(input(edited, none), {store})
  t.deepEqual(take(), {gets: runs, hits: runs - 1, puts: 1})
  t.not(after, before)
  t.is(after, qaReport(input(edited, none)))
})

test('a store value changed makes the run holding its document\'s coverage row again, and only that run', (t) => {
  const {store, take} = countingStore()
  const before = qaReport(input(texts, none), {store})
  const runs = take().puts
  const documents = extractDocuments(config, texts).value
  const unit = documents.get('capitolo-33.md')!.units.at(-1)!
  const translated: Stores = {bundles: new Map([['en/capitolo-33', {[unit.id]: 'The summit opens tomorrow. The delegation arrives at 33 sharp.'}]]), states: new Map()}
  const after = qaReport(input(texts, translated), {store})
  t.deepEqual(take(), {gets: runs, hits: runs - 1, puts: 1})
  t.not(after, before)
  t.true(after.includes('<td class="num">2</td>'))
  t.is(after, qaReport(input(texts, translated)))
})

test('a config field a row shows changed makes the runs showing it again', (t) => {
  const {store, take} = countingStore()
  const documents = extractDocuments(config, texts).value
  const unit = documents.get('capitolo-33.md')!.units.at(-1)!
  const translated: Stores = {bundles: new Map([['en/capitolo-33', {[unit.id]: 'The summit opens tomorrow. The delegation arrives at 33 sharp.'}]]), states: new Map()}
  const before = qaReport(input(texts, translated), {store})
  const runs = take().puts
  // Human translations no longer count: the translated document's share of words drops.
  const memoryOnly = parseConfig({targetLocales: ['en'], coverageOrigins: ['memory']}).value!
  const after = qaReport(input(texts, translated, memoryOnly), {store})
  t.deepEqual(take(), {gets: runs, hits: runs - 1, puts: 1})
  t.not(after, before)
  t.is(after, qaReport(input(texts, translated, memoryOnly)))
  // Another target locale: rows of its own, none read back from the first locale's.
  const two = parseConfig({targetLocales: ['en', 'fr']}).value!
  const both = qaReport(input(texts, translated, two), {store})
  const counted = take()
  t.true(counted.puts > 1)
  t.is(counted.gets - counted.hits, counted.puts)
  t.is(both, qaReport(input(texts, translated, two)))
})

test('a finding changed makes the run holding its file\'s block again, and only that run', (t) => {
  const {store, take} = countingStore()
  const before = qaReport(input(texts, none), {store})
  const runs = take().puts
  const diagnostics = paths.map((path) => lintFinding(path, path === 'capitolo-41.md' ? 'Link `là` has the URL `#`, which goes nowhere' : undefined))
  const after = qaReport(input(texts, none, config, diagnostics), {store})
  t.deepEqual(take(), {gets: runs, hits: runs - 1, puts: 1})
  t.not(after, before)
  t.is(after, qaReport(input(texts, none, config, diagnostics)))
})

test('a finding that holds the page\'s mark of a run is text: every run lands once, in place', (t) => {
  // The message goes into a text node and a `data-search` attribute: written as the mark of the first run, and of a run that is not there.
  const mark = (index: number) => `<"babele-insert:${index}">`
  const diagnostics = paths.map((path) => lintFinding(path, path === 'capitolo-05.md' ? `Link ${mark(0)} ${mark(99)} has the URL \`#\`` : undefined))
  const {store} = countingStore()
  const html = qaReport(input(texts, none, config, diagnostics), {store})
  t.is(html, qaReport(input(texts, none, config, diagnostics)))
  t.is(html.split('<tr data-locale="en">').length - 1, paths.length)
  t.is(html.split('<section class="file"').length - 1, paths.length)
  const places = paths.map((path) => html.indexOf(`<code>${path}</code>`))
  t.deepEqual(places, places.toSorted((a, b) => a - b))
  t.false(html.includes('<"babele-insert:'))
  t.true(html.includes('<span>Link &#x3C;"babele-insert:0"> &#x3C;"babele-insert:99"> has the URL <code>#</code></span>'))
})

test('a coverage row\'s run is made again when a value the row shows changes, and read back when only a figure it does not show changes', (t) => {
  const review = qaReview(input(texts, none))
  const {store, take} = countingStore()
  const before = qaPage(review, {store})
  const runs = take().puts
  const at = 17
  const changed = (change: (row: CoverageRow) => CoverageRow): QaReview => {
    const copy = structuredClone(review)
    copy.coverage[0]!.documents[at] = change(copy.coverage[0]!.documents[at]!)
    return copy
  }
  const shown: Array<[string, (row: CoverageRow) => CoverageRow]> = [
    ['segments', (row) => ({...row, coverage: {...row.coverage!, segments: row.coverage!.segments + 1}})],
    ['translated', (row) => ({...row, coverage: {...row.coverage!, translated: row.coverage!.translated + 1}})],
    ['from a fallback', (row) => ({...row, coverage: {...row.coverage!, fallback: row.coverage!.fallback + 1}})],
    ['untranslated', (row) => ({...row, coverage: {...row.coverage!, source: row.coverage!.source + 1}})],
    ['words counted', (row) => ({...row, share: {...row.share!, covered: {...row.share!.covered, words: row.share!.covered.words + 1}}})],
    ['words in all', (row) => ({...row, share: {...row.share!, total: {...row.share!.total, words: row.share!.total.words + 1}}})],
    ['built file', (row) => ({...row, dist: row.dist.replace('.md', '.markdown'), coverage: undefined, share: undefined})],
    ['not built', (row) => ({...row, coverage: undefined, share: undefined})]
  ]
  for (const [name, change] of shown) madeAgain(t, changed(change), {store, take}, before, name)

  // The locale of a row is in its run's key: the same row under another locale is made again.
  const renamed = structuredClone(review)
  renamed.coverage[0]!.locale = 'en-GB'
  t.is(qaPage(renamed, {store}), qaPage(renamed))
  t.true(take().puts > 0)

  const unseen: Array<[string, (row: CoverageRow) => CoverageRow]> = [
    ['words by origin', (row) => ({...row, coverage: {...row.coverage!, words: {...row.coverage!.words, source: row.coverage!.words.source + 1}}})],
    ['share of words', (row) => ({...row, share: {...row.share!, percent: row.share!.percent + 1}})],
    // A built document's row does not name its file.
    ['built file of a document built', (row) => ({...row, dist: row.dist.replace('.md', '.markdown')})]
  ]
  for (const [name, change] of unseen) {
    t.is(qaPage(changed(change), {store}), before, name)
    t.deepEqual(take(), {gets: runs, hits: runs, puts: 0}, name)
  }
})

test('a file block\'s run is made again when a value the block shows changes, and read back when only a field of a finding it does not show changes', (t) => {
  const review = qaReview(input(texts, none))
  const {store, take} = countingStore()
  const before = qaPage(review, {store})
  const runs = take().puts
  const at = review.files.findIndex((file) => file.file === 'source/it/capitolo-23.md')
  const changed = (change: (finding: Diagnostic) => Diagnostic): QaReview => {
    const copy = structuredClone(review)
    const rule = copy.files[at]!.rules[0]!
    rule.diagnostics[0] = change(rule.diagnostics[0]!)
    return copy
  }
  const shown: Array<[string, (finding: Diagnostic) => Diagnostic]> = [
    ['message', (finding) => ({...finding, message: 'Link `là` has the URL `#`'})],
    ['line', (finding) => ({...finding, place: {start: {line: 4, column: 1, offset: 20}, end: {line: 4, column: 4, offset: 23}}})],
    ['column', (finding) => ({...finding, place: {start: {line: 3, column: 2, offset: 20}, end: {line: 3, column: 4, offset: 23}}})],
    ['a point', (finding) => ({...finding, place: {line: 5, column: 7}})],
    ['no place', ({place, ...finding}) => finding],
    ['severity', (finding) => ({...finding, severity: 'error'})],
    ['rule', (finding) => ({...finding, ruleId: 'link-missing-url'})],
    ['unit', (finding) => ({...finding, unitId: 'intro'})],
    ['segment', (finding) => ({...finding, segmentId: '2'})],
    ['stage', (finding) => ({...finding, source: 'check'})],
    ['expected', (finding) => ({...finding, expected: ['https://example.org']})],
    ['found', (finding) => ({...finding, actual: ['#']})]
  ]
  for (const [name, change] of shown) madeAgain(t, changed(change), {store, take}, before, name)

  // The block's own figures: a count and the rule's total.
  for (const [name, change] of [['warnings', (copy: QaReview) => copy.files[at]!.warnings++], ['rule total', (copy: QaReview) => copy.files[at]!.rules[0]!.count++]] as const) {
    const copy = structuredClone(review)
    change(copy)
    t.is(qaPage(copy, {store}), qaPage(copy), name)
    t.is(take().puts, 1, name)
  }

  const unseen: Array<[string, (finding: Diagnostic) => Diagnostic]> = [
    ['its end', (finding) => ({...finding, place: {start: {line: 3, column: 1, offset: 20}, end: {line: 9, column: 9, offset: 99}}})],
    ['its offset', (finding) => ({...finding, place: {start: {line: 3, column: 1, offset: 21}, end: {line: 3, column: 4, offset: 23}}})],
    ['its rule\'s address', (finding) => ({...finding, url: 'https://example.org/rules#link-empty-url'})],
    ['its file (the block\'s is shown)', (finding) => ({...finding, file: 'source/it/altro.md'})]
  ]
  for (const [name, change] of unseen) {
    t.is(qaPage(changed(change), {store}), before, name)
    t.deepEqual(take(), {gets: runs, hits: runs, puts: 0}, name)
  }
})

test('the QA review takes the build\'s coverage gate as it is, the same review as summed again, and refuses one not of the config\'s locales in order', (t) => {
  // Two locales with different figures: a gate taken for the wrong locale shows in the review.
  const two = parseConfig({targetLocales: ['en', 'fr'], fallbackLng: {fr: ['en', 'it'], default: ['it']}, minCoverage: 10}).value!
  const documents = extractDocuments(two, texts).value
  const unit = documents.get('capitolo-33.md')!.units.at(-1)!
  const translated: Stores = {bundles: new Map([['en/capitolo-33', {[unit.id]: 'The summit opens tomorrow. The delegation arrives at 33 sharp.'}]]), states: new Map()}
  const built = buildProject(two, documents, translated)
  const given = {config: two, documents, diagnostics: built.messages, coverage: built.coverage}
  const review = qaReview({...given, gates: built.locales})
  t.deepEqual(review, qaReview(given))
  t.notDeepEqual(review.coverage[0]!.total, review.coverage[1]!.total)
  t.throws(() => qaReview({...given, gates: built.locales.toReversed()}), {instanceOf: TypeError, message: /expected one per target locale, in order: `en, fr`/})
  t.throws(() => qaReview({...given, gates: built.locales.slice(0, 1)}), {instanceOf: TypeError})
})

test('endsRun cuts a list of paths into runs of about runLength parts', (t) => {
  const names = Array.from({length: 4000}, (_, index) => `section-${index % 40}/article-${String(index).padStart(4, '0')}.md`)
  const ends = names.filter((name) => endsRun(name)).length
  t.true(ends > names.length / runLength / 2 && ends < (names.length / runLength) * 2, String(ends))
})
