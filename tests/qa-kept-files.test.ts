/**
 * The QA review of files whose findings come grouped already
 * (`QaReviewInput.kept`: a document's source lint, grouped when its cache
 * entry was made): the same review, and the same page, as with every
 * finding among the diagnostics, whatever the listing limits; a kept
 * file's findings are read only when some of them are listed.
 */
import test from 'ava'
import {diagnostic} from '../pipeline/diagnostic.ts'
import {buildProject, extractDocuments, parseConfig, qaReport, qaReview, type Diagnostic, type Stores} from '../pipeline/index.ts'
import {fileFindings, fileSummary, uniqueDiagnostics, type KeptFile} from '../pipeline/report/index.ts'

const paths = Array.from({length: 12}, (_, index) => `capitolo-${String(index).padStart(2, '0')}.md`)
const texts = new Map(paths.map((path, index) => [path, `# Capitolo ${index}\n\nIl vertice si apre domani. La delegazione arriva alle ${index} in punto.\n`]))
const config = parseConfig({targetLocales: ['en']}).value!
const none: Stores = {bundles: new Map(), states: new Map()}
const documents = extractDocuments(config, texts).value
const built = buildProject(config, documents, none)

/** A document's findings: warnings of two rules at several places, an error, and (in every third) the same finding twice. */
function findingsOf(index: number): Diagnostic[] {
  const file = `source/it/${paths[index]}`
  const at = (line: number, column: number) => ({start: {line, column, offset: line * 10 + column}, end: {line, column: column + 3, offset: line * 10 + column + 3}})
  const found = [
    diagnostic('link-empty-url', `Link ${index} goes nowhere`, {source: 'lint', severity: 'warning', file, place: at(5, 2)}),
    diagnostic('heading-skip', 'A heading skips a level', {source: 'lint', severity: 'warning', file, place: at(3, 1)}),
    diagnostic('link-empty-url', `Link ${index} goes nowhere, again`, {source: 'lint', severity: 'warning', file, place: at(2, 7)}),
    ...(index % 4 === 1 ? [diagnostic('term-deprecated', 'CCCP is forbidden', {source: 'lint', severity: 'error', file, place: at(4, 4)})] : [])
  ]
  return index % 3 === 0 ? [...found, {...found[0]!}] : found
}

/** A finding of another stage, about no source. */
const stored = diagnostic('store-unreadable', 'en/capitolo-02.json is not JSON', {source: 'store', severity: 'error', file: 'locales/en/capitolo-02.json'})

/** The review's input with every finding among the diagnostics (as without a cache), and with the documents in `kept` grouped already. */
function inputs(kept: ReadonlySet<number>, limits: {maxPerRule?: number; maxFindings?: number}, read: number[] = []) {
  const all = uniqueDiagnostics([stored, ...paths.flatMap((_, index) => findingsOf(index)), ...built.messages])
  const rest = uniqueDiagnostics([stored, ...paths.flatMap((_, index) => (kept.has(index) ? [] : findingsOf(index))), ...built.messages])
  const keptFiles = [...kept].map((index): KeptFile => ({
    summary: fileSummary(fileFindings(`source/it/${paths[index]}`, findingsOf(index))),
    findings: () => {
      read.push(index)
      return findingsOf(index)
    }
  }))
  const common = {config, documents, unique: true, coverage: built.coverage, ...limits}
  return {whole: {...common, diagnostics: all}, grouped: {...common, diagnostics: rest, kept: keptFiles}}
}

const limits = [{}, {maxFindings: 7}, {maxFindings: 0}, {maxPerRule: 1, maxFindings: 9}, {maxPerRule: 0}, {maxFindings: 31}]
const keptSets = [new Set(paths.keys()), new Set([0, 1, 5, 11]), new Set([2, 3, 4]), new Set<number>()]

test('a review with files kept grouped is the review with their findings among the diagnostics, whatever the limits, and so is its page', (t) => {
  for (const limit of limits) {
    for (const kept of keptSets) {
      const {whole, grouped} = inputs(kept, limit)
      t.deepEqual(qaReview(grouped), qaReview(whole), JSON.stringify({limit, kept: [...kept]}))
      t.is(qaReport(grouped), qaReport(whole))
    }
  }
})

test('a kept file\'s findings are read only when some of them are listed', (t) => {
  const read: number[] = []
  // Each document has three or four distinct findings: seven listed are the first two files'.
  const {grouped} = inputs(new Set(paths.keys()), {maxFindings: 7}, read)
  const review = qaReview(grouped)
  t.is(review.totals.listed, 7)
  t.deepEqual(read, [0, 1])
  read.length = 0
  qaReview(inputs(new Set(paths.keys()), {maxFindings: 0}, read).grouped)
  t.deepEqual(read, [])
})

test('a file kept and given among the diagnostics too is refused', (t) => {
  const {grouped} = inputs(new Set([3]), {})
  t.throws(() => qaReview({...grouped, diagnostics: [...grouped.diagnostics, ...findingsOf(3)]}), {message: /source\/it\/capitolo-03\.md/})
})
