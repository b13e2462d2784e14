/**
 * What the QA page shows, as a value. Takes: the config, the documents,
 * diagnostics (whatever the stages reported: store reads, source lint,
 * `checkProject`, the build) and the build's coverage entries. Returns: the
 * findings grouped by file and rule with severity counts, and coverage per
 * locale and document (a document the build refused shows as not built).
 *
 * The same finding reported by two stages (`check` and `build` both check
 * term locks) is listed once: diagnostics equal in every field but `source`
 * are one.
 */
import type {Coverage} from '../../build/index.ts'
import type {Config} from '../../config/index.ts'
import {paths, type BuildEntry} from '../../project/index.ts'
import type {Diagnostic, Severity, SourceDocument} from '../../types.ts'

/** What {@linkcode qaReview} reads. */
export interface QaReviewInput {
  /** Project config: source and target locales. */
  config: Config
  /** Extracted sources, by path (for the coverage rows). */
  documents: ReadonlyMap<string, SourceDocument>
  diagnostics: readonly Diagnostic[]
  /** Coverage of each built document (`buildProject`). */
  coverage: readonly BuildEntry[]
}

/** Counts by severity. */
export interface SeverityCounts {
  errors: number
  warnings: number
  infos: number
}

/** The findings of one rule in one file. */
export interface RuleFindings {
  ruleId: string
  /** The worst severity among them. */
  severity: Severity
  diagnostics: Diagnostic[]
}

/** The findings about one file. */
export interface FileFindings extends SeverityCounts {
  /** Path relative to the project root (`undefined`: about the project, no file). */
  file: string | undefined
  /** Rules, errors first, then by id. */
  rules: RuleFindings[]
}

/** Coverage of one document in one locale. */
export interface CoverageRow {
  /** Source path, relative to the source folder. */
  path: string
  /** The built file (`dist/<lng>/<path>`). */
  dist: string
  /** `undefined` when the build refused the document (see its `build-refused` finding). */
  coverage: Coverage | undefined
}

/** Coverage of one locale. */
export interface LocaleCoverage {
  locale: string
  documents: CoverageRow[]
  /** Sums over the documents built. */
  total: Coverage
}

/** The QA review. */
export interface QaReview {
  sourceLocale: string
  targetLocales: string[]
  totals: SeverityCounts & {
    /** Distinct findings. */
    findings: number
    /** Files with at least one finding. */
    files: number
  }
  files: FileFindings[]
  coverage: LocaleCoverage[]
}

const rank: Record<Severity, number> = {error: 0, warning: 1, info: 2}

/**
 * @param input Config, documents, diagnostics, coverage.
 * @returns The review.
 */
export function qaReview(input: QaReviewInput): QaReview {
  const {config} = input
  const unique = uniqueDiagnostics(input.diagnostics)
  const byFile = new Map<string | undefined, Map<string, Diagnostic[]>>()
  for (const diagnostic of unique) {
    let rules = byFile.get(diagnostic.file)
    if (!rules) byFile.set(diagnostic.file, (rules = new Map()))
    const list = rules.get(diagnostic.ruleId)
    if (list) list.push(diagnostic)
    else rules.set(diagnostic.ruleId, [diagnostic])
  }

  const files: FileFindings[] = []
  for (const [file, rules] of byFile) {
    const entry: FileFindings = {file, errors: 0, warnings: 0, infos: 0, rules: []}
    for (const [ruleId, diagnostics] of rules) {
      diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
      const severity = diagnostics.reduce<Severity>((worst, one) => (rank[one.severity] < rank[worst] ? one.severity : worst), 'info')
      entry.rules.push({ruleId, severity, diagnostics})
      for (const one of diagnostics) count(entry, one.severity)
    }

    entry.rules.sort((a, b) => rank[a.severity] - rank[b.severity] || compare(a.ruleId, b.ruleId))
    files.push(entry)
  }

  files.sort((a, b) => (a.file === undefined ? -1 : b.file === undefined ? 1 : compare(a.file, b.file)))
  const totals = {errors: 0, warnings: 0, infos: 0, findings: unique.length, files: files.filter((entry) => entry.file !== undefined).length}
  for (const entry of files) {
    totals.errors += entry.errors
    totals.warnings += entry.warnings
    totals.infos += entry.infos
  }

  const coverage: LocaleCoverage[] = config.targetLocales.map((locale) => {
    const total: Coverage = {segments: 0, translated: 0, fallback: 0, source: 0}
    const documents = [...input.documents.values()].map((document): CoverageRow => {
      const found = input.coverage.find((entry) => entry.locale === locale && entry.path === document.path)?.coverage
      if (found) {
        total.segments += found.segments
        total.translated += found.translated
        total.fallback += found.fallback
        total.source += found.source
      }

      return {path: document.path, dist: paths.dist(config, locale, document.path), coverage: found}
    })
    return {locale, documents, total}
  })

  return {sourceLocale: config.sourceLocale, targetLocales: [...config.targetLocales], totals, files, coverage}
}

/**
 * The same finding reported by two stages, once: diagnostics equal in every
 * field but `source` (the first one is kept).
 *
 * @param diagnostics Diagnostics, in order.
 * @returns The first of each.
 */
export function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const unique = new Map<string, Diagnostic>()
  for (const diagnostic of diagnostics) {
    const key = JSON.stringify(Object.entries(diagnostic).filter(([name]) => name !== 'source').sort(([a], [b]) => compare(a, b)))
    if (!unique.has(key)) unique.set(key, diagnostic)
  }

  return [...unique.values()]
}

function count(counts: SeverityCounts, severity: Severity): void {
  if (severity === 'error') counts.errors++
  else if (severity === 'warning') counts.warnings++
  else counts.infos++
}

/** Code-unit order, the same on every machine (no locale collation). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
