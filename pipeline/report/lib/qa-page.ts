/**
 * The QA page. Takes: a QA review (`qaReview`). Returns: `reports/qa.html`,
 * one self-contained page: figures, the coverage table (per locale and
 * document: segments translated, from a fallback locale, untranslated; the
 * words the counted origins translated, against `minCoverage`), then every
 * finding grouped by file and rule with its severity, place and message, and
 * a toolbar to filter findings by severity and text (without script, the
 * page shows everything).
 *
 * Every value from sources, stores and diagnostics goes in as a text node or
 * attribute value, escaped by the serializer (`page`). The two long lists,
 * coverage rows and file blocks, are rendered in runs kept in the cache when
 * one is given (`pageParts`, kind `qa-page`): a one-file edit renders the
 * runs whose rows changed, and the page copies the others' bytes in
 * (`qaPageHtml`: the page as bytes, for the CLI to write as they are).
 */
import {startOf} from '../../diagnostic.ts'
import type {ElementContent} from 'hast'
import {h, s} from 'hastscript'
import {percentShare, percentText, type Coverage, type CoveredShare} from '../../build/index.ts'
import type {Diagnostic, Severity} from '../../types.ts'
import {fold} from './fold.ts'
import {page, pageHtml, type Html, type Options as PageOptions} from './page.ts'
import {pageParts} from './page-parts.ts'
import {messageText, plural, severityBadge} from './parts.ts'
import type {CoverageRow, FileFindings, LocaleCoverage, QaReview} from './qa-review.ts'
import type {EntryStore} from '../../project/index.ts'
import {qaScript} from './qa-script.ts'
import {qaStyle} from './style.ts'

/** Options of {@linkcode qaPage}. */
export interface QaPageOptions {
  /** Where rendered runs of rows are kept (none: every row is rendered). */
  store?: EntryStore | null | undefined
}

/** The cache entries' kind: runs of coverage rows and of file blocks, as HTML. */
const kind = 'qa-page'

/** Where runs of rows are kept, and the runs' HTML the page inserts. */
interface Runs {
  store: EntryStore | undefined
  inserts: Html[]
}

/**
 * @param review From `qaReview`.
 * @param options The store of rendered rows.
 * @returns The HTML document.
 */
export function qaPage(review: QaReview, options?: QaPageOptions | null): string {
  return page(pageOf(review, options))
}

/**
 * {@linkcode qaPage} as `Html` (`pageHtml`): its bytes, the runs read back
 * copied in as they are (its text when the text is not well-formed).
 *
 * @param review From `qaReview`.
 * @param options The store of rendered rows.
 * @returns The HTML document's bytes (or text).
 */
export function qaPageHtml(review: QaReview, options?: QaPageOptions | null): Html {
  return pageHtml(pageOf(review, options))
}

/** The page's title, code and body, its runs of rows among its inserts. */
function pageOf(review: QaReview, options: QaPageOptions | null | undefined): PageOptions {
  const {totals} = review
  const runs: Runs = {store: options?.store ?? undefined, inserts: []}
  return {
    title: 'Quality report',
    style: qaStyle,
    script: qaScript,
    body: [
      h('a.skip', {href: '#findings'}, 'Skip to the findings'),
      h('header.masthead', [
        h('div.wrap', [
          h('p.eyebrow', 'babele'),
          h('h1', 'Quality report'),
          h('p.scope', `Source ${review.sourceLocale} → ${review.targetLocales.join(', ')} · findings of the source lint, the store check and the build`),
          h('dl.stats', [
            stat('Errors', totals.errors, totals.errors > 0 ? 'bad' : 'ok'),
            stat('Warnings', totals.warnings, totals.warnings > 0 ? 'warn' : 'ok'),
            stat('Info', totals.infos),
            stat('Files with findings', totals.files),
            h('div.stat.locales', [
              h('dt', 'Segments translated'),
              h(
                'dd',
                h(
                  'table',
                  h(
                    'tbody',
                    review.coverage.map((locale) => {
                      const refused = locale.documents.filter((row) => !row.coverage).length
                      return h('tr', [
                        h('th', {scope: 'row'}, h('span.loc', locale.locale)),
                        h('td', meter(locale.total)),
                        h('td.num', refused === locale.documents.length ? '' : percent(locale.total.translated, locale.total.segments)),
                        h('td.num', {className: refused > 0 ? ['bad'] : []}, refused === locale.documents.length ? 'not built' : `${locale.total.translated}/${locale.total.segments}${refused > 0 ? ` · ${refused} not built` : ''}`)
                      ])
                    })
                  )
                )
              )
            ])
          ])
        ])
      ]),
      h('main.wrap', [coverageSection(review, runs), ...(review.rules.length > 0 ? [rulesSection(review)] : []), findingsSection(review, runs)]),
      h('footer.foot.wrap', 'Written by babele. Import problems are in reports/import-<locale>.json.')
    ],
    inserts: runs.inserts
  }
}

function stat(label: string, value: number, tone?: string): ElementContent {
  return h('div.stat', {className: tone ? [tone] : []}, [h('dt', label), h('dd', String(value))])
}

/** The coverage table. */
function coverageSection(review: QaReview, runs: Runs): ElementContent {
  const counted = review.coverageOrigins.join(', ')
  return h('section.panel', {ariaLabelledBy: 'coverage-title'}, [
    h('h2#coverage-title', 'Coverage'),
    h('table.coverage', [
      h('caption.sr-only', `Segments per locale and document: translated in the locale, taken from a fallback locale, left in the source language; words translated by ${counted}, after fallback, against the locale's minimum`),
      h('thead', h('tr', [h('th', {scope: 'col'}, 'Locale'), h('th', {scope: 'col'}, 'Document'), h('th.num', {scope: 'col'}, 'Segments'), h('th.num', {scope: 'col'}, 'Translated'), h('th.num', {scope: 'col'}, 'From a fallback'), h('th.num', {scope: 'col'}, 'Untranslated'), h('th.num', {scope: 'col', title: `Words translated by ${counted} (coverageOrigins), after fallback`}, 'Words counted'), h('th', {scope: 'col'}, 'Progress')])),
      h('tbody', review.coverage.flatMap((locale) => localeRows(locale, runs)))
    ]),
    h('p.legend', [h('span.swatch.translated'), 'translated', h('span.swatch.fallback'), 'from a fallback locale', h('span.swatch.source'), 'untranslated (the source is used)'])
  ])
}

/** A locale's rows: one per document, and a total when there are several (the rows after the first through the store). */
function localeRows(locale: LocaleCoverage, runs: Runs): ElementContent[] {
  const several = locale.documents.length > 1
  const rows = locale.documents.length + (several ? 1 : 0)
  const head = h('th', {scope: 'row', rowSpan: rows}, h('span.loc', locale.locale))
  if (!several) return locale.documents.map((row) => documentRow(rowShown(locale.locale, row), [head], locale))
  // The values a row shows, not the row: its run's key is their JSON, a small part of the row's.
  const rest = locale.documents.slice(1).map((row) => rowShown(locale.locale, row))
  return [
    documentRow(rowShown(locale.locale, locale.documents[0]!), [head], undefined),
    ...pageParts(rest, {kind, list: 'coverage', name: (shown) => shown.path, render: (shown) => documentRow(shown, [], undefined), ...runs}),
    h('tr.total', {dataLocale: locale.locale}, [h('td', `All ${plural(locale.documents.length, 'document')}`), ...cells(figuresOf(locale.total, locale.share), locale)])
  ]
}

/**
 * What a document's coverage row shows, and nothing else (JSON-safe): its
 * figures, or, when the build refused it, the built file the row names.
 */
type RowShown = {locale: string; path: string; figures: Figures} | {locale: string; path: string; dist: string; figures?: undefined}

/** The figures of a row, as `[segments, translated, from a fallback, untranslated, words the counted origins translated, words]`: its segments by how they resolve, and the words counted of its words. */
type Figures = [segments: number, translated: number, fallback: number, source: number, coveredWords: number, totalWords: number]

function rowShown(locale: string, row: CoverageRow): RowShown {
  return row.coverage ? {locale, path: row.path, figures: figuresOf(row.coverage, row.share!)} : {locale, path: row.path, dist: row.dist}
}

function figuresOf(coverage: Coverage, share: CoveredShare): Figures {
  return [coverage.segments, coverage.translated, coverage.fallback, coverage.source, share.covered.words, share.total.words]
}

/** A document's row, after the locale's cell when it is the first; the locale's minimum beside its share when it is the only one. */
function documentRow(row: RowShown, lead: ElementContent[], gate: LocaleCoverage | undefined): ElementContent {
  if (!row.figures) return h('tr.missing', {dataLocale: row.locale}, [...lead, h('td', h('code', row.path)), h('td', {colSpan: 6}, ['not built: the build refused ', h('code', row.dist), ' (see its ', h('code', 'build-refused'), ' finding)'])])
  return h('tr', {dataLocale: row.locale}, [...lead, h('td', h('code', row.path)), ...cells(row.figures, gate)])
}

/** A row's figures; the locale's minimum beside its share on its total row (or its only row). */
function cells(figures: Figures, gate: LocaleCoverage | undefined): ElementContent[] {
  const [segments, translated, fallback, source, coveredWords, totalWords] = figures
  const minimum = gate?.minimum === undefined ? '' : ` (min ${gate.minimum}%)`
  return [
    h('td.num', String(segments)),
    h('td.num', String(translated)),
    h('td.num', String(fallback)),
    h('td.num', String(source)),
    h('td.num', {className: gate && !gate.passed ? ['bad'] : []}, `${coveredWords}/${totalWords} · ${percentText(coveredWords, totalWords)}%${minimum}`),
    h('td.progress', [meter({segments, translated, fallback}), h('span.pct', percent(translated, segments))])
  ]
}

/** A bar: translated, then from a fallback locale, over all segments. */
function meter(coverage: Pick<Coverage, 'segments' | 'translated' | 'fallback'>): ElementContent {
  const {segments, translated, fallback} = coverage
  const width = (part: number) => percentShare(part, segments, {empty: 0})
  return h('span.bar', {role: 'img', ariaLabel: `${percent(translated, segments)} translated, ${percent(fallback, segments)} from a fallback`}, [
    s('svg', {viewBox: '0 0 100 8', preserveAspectRatio: 'none', ariaHidden: 'true'}, [s('rect.translated', {width: String(width(translated)), height: '8'}), s('rect.fallback', {x: String(width(translated)), width: String(width(fallback)), height: '8'})])
  ])
}

/** `97.5%`; `100%` for nothing to translate. */
function percent(part: number, whole: number): string {
  return `${percentText(part, whole)}%`
}

/** Each rule's findings over all files. */
function rulesSection(review: QaReview): ElementContent {
  return h('section.panel', {ariaLabelledBy: 'rules-title'}, [
    h('h2#rules-title', ['Rules ', h('span.n', `(${review.rules.length})`)]),
    h('table.rules', [
      h('thead', h('tr', [h('th', {scope: 'col'}, 'Rule'), h('th', {scope: 'col'}, 'Severity'), h('th.num', {scope: 'col'}, 'Findings'), h('th.num', {scope: 'col'}, 'Files')])),
      h(
        'tbody',
        review.rules.map((rule) => h('tr', [h('th', {scope: 'row'}, h('code', rule.ruleId)), h('td', severityBadge(rule.severity)), h('td.num', String(rule.count)), h('td.num', String(rule.files))]))
      )
    ])
  ])
}

/** Every finding, by file and rule. */
function findingsSection(review: QaReview, runs: Runs): ElementContent {
  const {totals} = review
  return h('section.panel#findings', {ariaLabelledBy: 'findings-title', tabIndex: -1}, [
    h('h2#findings-title', ['Findings ', h('span.n', `(${totals.findings})`)]),
    h('div.filters', {hidden: true}, [
      h('input#q', {type: 'search', ariaLabel: 'Filter findings', placeholder: 'Filter by file, rule or message…', autoComplete: 'off', spellCheck: false, ariaKeyShortcuts: '/'}),
      h('fieldset', [
        h('legend', 'Show'),
        ...(['error', 'warning', 'info'] as const).map((severity) => h('label', [h('input', {type: 'checkbox', name: 'severity', value: severity, checked: true}), h('span.badge', {className: [severity]}, severity)]))
      ]),
      h('output.count#count', {htmlFor: 'q', ariaLive: 'polite'}, plural(totals.listed, 'finding'))
    ]),
    ...(totals.listed < totals.findings
      ? [h('p.more', [`${totals.listed} of ${plural(totals.findings, 'finding')} are listed (at most ${review.limits.perRule} of one rule in one file, ${review.limits.findings} in all, in file order); every one is counted. `, h('code', 'babele check --json'), ' lists them all.'])]
      : []),
    // What each block shows, not the file's findings: its run's key is their JSON, about half of theirs.
    ...(review.files.length === 0 ? [h('p.empty', 'No findings.')] : pageParts(review.files.map(fileShown), {kind, list: 'findings', name: (file) => file.file ?? '', render: fileBlock, ...runs})),
    h('p.empty#empty', {hidden: true}, 'No finding matches the filters.')
  ])
}

/** What a file's block shows, and nothing else (JSON-safe): each rule as `[ruleId, severity, count, findings listed]`. */
interface FileShown {
  /** `null`: about the project, no file. */
  file: string | null
  errors: number
  warnings: number
  infos: number
  rules: Array<[ruleId: string, severity: Severity, count: number, findings: FindingShown[]]>
}

/** What a finding's item shows: its start as `line:column` (empty: none), and the fields it prints (an absent one left out). */
interface FindingShown {
  at: string
  severity: Severity
  ruleId: string
  message: string
  unitId?: string | undefined
  segmentId?: string | undefined
  source: string
  expected?: string[] | undefined
  actual?: string[] | undefined
}

function fileShown(file: FileFindings): FileShown {
  return {
    file: file.file ?? null,
    errors: file.errors,
    warnings: file.warnings,
    infos: file.infos,
    rules: file.rules.map((rule) => [rule.ruleId, rule.severity, rule.count, rule.diagnostics.map(findingShown)])
  }
}

function findingShown(diagnostic: Diagnostic): FindingShown {
  const at = startOf(diagnostic.place)
  const {severity, ruleId, message, unitId, segmentId, source, expected, actual} = diagnostic
  return {at: at === undefined ? '' : `${at.line}:${at.column}`, severity, ruleId, message, unitId, segmentId, source, expected, actual}
}

function fileBlock(file: FileShown): ElementContent {
  const counts = [file.errors > 0 ? h('span.badge.error', plural(file.errors, 'error')) : undefined, file.warnings > 0 ? h('span.badge.warning', plural(file.warnings, 'warning')) : undefined, file.infos > 0 ? h('span.badge.info', `${file.infos} info`) : undefined].filter((badge) => badge !== undefined)
  return h('section.file', {dataFile: file.file ?? ''}, [
    h('h3', [file.file ?? 'Project', ...counts]),
    ...file.rules.map(([ruleId, severity, count, findings]) =>
      h('div.rule-group', {dataRule: ruleId}, [
        h('h4', [severityBadge(severity), h('code', ruleId), h('span.n', findings.length === count ? `(${count})` : `(${findings.length} of ${count} listed)`)]),
        h('ul.findings', findings.map((finding) => findingItem(file, finding)))
      ])
    )
  ])
}

function findingItem(file: FileShown, finding: FindingShown): ElementContent {
  const ids = [finding.unitId ? `unit ${finding.unitId}` : '', finding.segmentId ? `segment ${finding.segmentId}` : '', finding.source].filter(Boolean).join(' · ')
  return h('li', {dataSeverity: finding.severity, dataSearch: fold([file.file ?? '', finding.ruleId, finding.message, finding.unitId ?? '', finding.segmentId ?? ''].join(' '))}, [
    h('span.at', finding.at || '—'),
    h('span', severityBadge(finding.severity)),
    h('div', [
      h('span', messageText(finding.message)),
      ...(finding.expected !== undefined || finding.actual !== undefined
        ? [h('span.expect', [...(finding.expected !== undefined ? ['expected ', h('code', finding.expected.join(' / '))] : []), ...(finding.expected !== undefined && finding.actual !== undefined ? [' · '] : []), ...(finding.actual !== undefined ? ['found ', h('code', finding.actual.join(' / '))] : [])])]
        : []),
      h('span.ids', ids)
    ])
  ])
}
