/**
 * The report pages as bytes (`qaReportHtml`, `glossaryReportHtml`): what the
 * CLI writes. The parts a store keeps (the QA page's runs of rows, the
 * glossary page's cards and the kept page) are kept as UTF-8 bytes and
 * copied into the page as they are; the page's bytes are always those of
 * the page made without a store, encoded whole. Bytes stand only for a
 * well-formed text: a part or page holding a lone surrogate is kept and
 * given as text, so the text pages read back from the same store are still
 * those made without one.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import test from 'ava'
import {diagnostic} from '../pipeline/diagnostic.ts'
import {digest, digestBytes, documentKey} from '../pipeline/incremental/index.ts'
import {buildProject, checkProject, extractDocuments, fromTbx, glossaryReport, parseConfig, projectTerms, qaReport, type Diagnostic, type Stores} from '../pipeline/index.ts'
import {glossaryReportHtml, qaReportHtml, uniqueDiagnostics} from '../pipeline/report/index.ts'
import {root} from './helpers/cli.ts'
import {countingStore} from './helpers/counting-store.ts'

const none: Stores = {bundles: new Map(), states: new Map()}

/** Forty small documents: the coverage rows and file blocks span several runs. */
const paths = Array.from({length: 40}, (_, index) => `capitolo-${String(index).padStart(2, '0')}.md`)
const texts = new Map(paths.map((path, index) => [path, `# Capitolo ${index}\n\nIl vertice si apre domani → alle ${index} in punto.\n`]))
const qaConfig = parseConfig({targetLocales: ['en', 'fr']}).value!

/** A warning about each document's source, one with the message given. */
function findings(message: string): Diagnostic[] {
  return paths.map((path, index) =>
    diagnostic('link-empty-url', index === 7 ? message : 'Link `qui` has the URL `#`, which goes nowhere', {source: 'lint', severity: 'warning', file: `source/it/${path}`, place: {start: {line: 3, column: 1, offset: 20}, end: {line: 3, column: 4, offset: 23}}})
  )
}

/** The QA page's input, as `babele run` makes it. */
function qaInput(diagnostics: Diagnostic[]) {
  const documents = extractDocuments(qaConfig, texts).value
  const built = buildProject(qaConfig, documents, none)
  return {config: qaConfig, documents, diagnostics: uniqueDiagnostics([...diagnostics, ...built.messages]), unique: true, coverage: built.coverage}
}

test('the QA page as bytes is the page made without a store, encoded, whether its runs are made or read back as bytes', (t) => {
  const input = qaInput(findings('Link `là` has the URL `#`, which goes nowhere'))
  const expected = Buffer.from(qaReport(input))
  const {store, take, values} = countingStore()
  const made = qaReportHtml(input, {store})
  t.true(made instanceof Uint8Array)
  t.true(Buffer.from(made as Uint8Array).equals(expected))
  const runs = take()
  t.true(runs.puts > 4)
  t.true(values('qa-page').every((run) => run instanceof Uint8Array))
  const again = qaReportHtml(input, {store})
  t.deepEqual(take(), {gets: runs.puts, hits: runs.puts, puts: 0})
  t.true(Buffer.from(again as Uint8Array).equals(expected))
  // The text page decodes the runs kept as bytes.
  t.is(qaReport(input, {store}), qaReport(input))
})

test('a QA run holding a lone surrogate is kept as text, and the page comes as its text', (t) => {
  const input = qaInput(findings('Link `\ud83d` has the URL `#`, which goes nowhere'))
  const text = qaReport(input)
  const {store, values} = countingStore()
  t.is(qaReportHtml(input, {store}), text)
  const kept = values('qa-page')
  t.is(kept.filter((run) => typeof run === 'string').length, 1)
  t.true(kept.filter((run) => typeof run === 'string').every((run: string) => run.includes('\ud83d')))
  t.is(qaReportHtml(input, {store}), text)
  t.is(qaReport(input, {store}), text)
})

const glossaryConfig = parseConfig(JSON.parse(readFileSync(join(root, 'babele.config.json'), 'utf8'))).value!
const termbase = fromTbx(readFileSync(join(root, 'glossary/geopolitics.tbx'), 'utf8')).value!
const seed = readFileSync(join(root, 'source/it/putin-xi-alleanza.md'), 'utf8')

/** The glossary review's input for the seed and a second document, and its reuse through `store`. */
function glossaryInput(second: string, store: ReturnType<typeof countingStore>['store'] | undefined) {
  const sources = new Map([
    ['putin-xi-alleanza.md', seed],
    ['secondo.md', second]
  ])
  const documents = extractDocuments(glossaryConfig, sources).value
  const terms = projectTerms(glossaryConfig, termbase)
  const checked = checkProject(glossaryConfig, documents, none, {terms})
  const keys = new Map([...sources].map(([path, text]) => [path, documentKey(glossaryConfig, path, digestBytes(text))]))
  return {config: glossaryConfig, termbase, terms, documents, stores: none, diagnostics: checked.messages, refused: checked.broken, ...(store ? {reuse: {keys, glossary: digest(termbase), store}} : {})}
}

test('the glossary page as bytes is the page made without a store, encoded: made, then kept whole as bytes and read back', (t) => {
  const second = '# La NATO e il Cremlino\n\nIl Cremlino ha criticato la NATO e l\'AUKUS.\n'
  const expected = Buffer.from(glossaryReport(glossaryInput(second, undefined)))
  const {store, takeByKind, values} = countingStore()
  const made = glossaryReportHtml(glossaryInput(second, store))
  t.true(made instanceof Uint8Array)
  t.true(Buffer.from(made as Uint8Array).equals(expected))
  t.true(values('glossary-page').every((card) => card instanceof Uint8Array))
  t.true(values('glossary-report').every((page) => page.html instanceof Uint8Array))
  takeByKind()
  const again = glossaryReportHtml(glossaryInput(second, store))
  // The kept page itself: no card asked for.
  t.like(takeByKind(), {'glossary-report': {hits: 1}, 'glossary-page': undefined})
  t.true(Buffer.from(again as Uint8Array).equals(expected))
  // The text page decodes the page kept as bytes.
  t.is(glossaryReport(glossaryInput(second, store)), expected.toString('utf8'))
  t.like(takeByKind(), {'glossary-report': {hits: 1}, 'glossary-page': undefined})
})

test('a glossary page holding a lone surrogate comes as its text, kept as text, its card too', (t) => {
  const second = '# La NATO e il Cremlino\n\nIl Cremlino \ud83d ha criticato la NATO e l\'AUKUS.\n'
  const text = glossaryReport(glossaryInput(second, undefined))
  t.true(text.includes('\ud83d'))
  const {store, takeByKind, values} = countingStore()
  t.is(glossaryReportHtml(glossaryInput(second, store)), text)
  t.true(values('glossary-page').some((card) => typeof card === 'string' && card.includes('\ud83d')))
  t.true(values('glossary-report').every((page) => page.html === text))
  takeByKind()
  t.is(glossaryReportHtml(glossaryInput(second, store)), text)
  t.like(takeByKind(), {'glossary-report': {hits: 1}, 'glossary-page': undefined})
  t.is(glossaryReport(glossaryInput(second, store)), text)
})
