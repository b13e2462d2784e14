/**
 * What the QA page shows, as a value. Takes: the config, the documents,
 * diagnostics (whatever the stages reported: store reads, source lint,
 * `checkProject`, the build) and the build's coverage entries. Returns: the
 * findings grouped by file and rule with severity counts, and coverage per
 * locale and document (a document the build refused shows as not built)
 * with the coverage gate's share and minimum (`coverageGate`, or the
 * build's own: a locale's figures are summed once per run).
 *
 * The same finding reported by two stages (`check` and `build` both check
 * term locks) is listed once: diagnostics equal in every field but `source`
 * are one. Every finding is counted (per file and rule, and per rule over all
 * files); a page lists at most `maxPerRule` of one rule in one file and
 * `maxFindings` in all, so a project with thousands of findings still gets a
 * page a browser opens (`babele check --json` has every one).
 *
 * A file's findings can also come grouped already (`kept`: a document's
 * source lint, grouped when its cache entry was made, `fileSummary`): only
 * their counts are read, and the findings themselves only when some of them
 * are listed, so a one-file edit of a large project groups the findings of
 * the edited file and of the first files, not every one.
 */
import {byPlace, countSeverities, startOf, type SeverityCounts} from '../../diagnostic.ts'
import {coveredShare, type Coverage, type CoveredShare} from '../../build/index.ts'
import type {Config} from '../../config/index.ts'
import {coverageGate, distPaths, type BuildEntry, type LocaleGate} from '../../project/index.ts'
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
  /** The coverage gate of these entries, when the build computed it (`buildProject`'s `locales`): not summed again (none: `coverageGate` sums them). */
  gates?: readonly LocaleGate[] | null | undefined
  /** Findings listed of one rule in one file, at most (default 20); all are counted. */
  maxPerRule?: number | null | undefined
  /** Findings listed in all, at most (default 1,000); all are counted. */
  maxFindings?: number | null | undefined
  /** The diagnostics are each once already (`uniqueDiagnostics`): not compared again (default `false`). */
  unique?: boolean | null | undefined
  /** Files whose findings are grouped already, each about a file no diagnostic is about: the same review as with their findings among the diagnostics. */
  kept?: readonly KeptFile[] | null | undefined
}

/** A file's findings grouped already: the grouping's figures, and the findings themselves, read only when some are listed. */
export interface KeptFile {
  /** `fileSummary` of the findings. */
  summary: FileSummary
  /** The file's findings, in the order they would be among the diagnostics. */
  findings: () => readonly Diagnostic[]
}

/** A file's findings grouped by rule (`fileFindings`) without the findings: what a review shows of a file none of whose findings are listed. JSON-safe. */
export interface FileSummary extends SeverityCounts {
  file: string
  rules: Array<Omit<RuleFindings, 'diagnostics'>>
}

/** The findings of one rule in one file. */
export interface RuleFindings {
  ruleId: string
  /** The worst severity among them. */
  severity: Severity
  /** How many there are. */
  count: number
  /** The ones listed, by line and column (see `maxPerRule`, `maxFindings`). */
  diagnostics: Diagnostic[]
}

/** One rule over all files. */
export interface RuleSummary {
  ruleId: string
  /** The worst severity of its findings. */
  severity: Severity
  /** Findings. */
  count: number
  /** Files with one (findings about no file count as one). */
  files: number
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
  /** What the counted origins (`coverageOrigins`) translated of it. */
  share: CoveredShare | undefined
}

/** Coverage of one locale. */
export interface LocaleCoverage {
  locale: string
  documents: CoverageRow[]
  /** Sums over the documents built. */
  total: Coverage
  /** What the counted origins translated of the locale (the coverage gate's figures). */
  share: CoveredShare
  /** The locale's `minCoverage`, if set. */
  minimum: number | undefined
  /** Whether the locale meets it (true without one). */
  passed: boolean
}

/** The QA review. */
export interface QaReview {
  sourceLocale: string
  targetLocales: string[]
  /** Origins whose translations count toward coverage (`coverageOrigins`). */
  coverageOrigins: string[]
  totals: SeverityCounts & {
    /** Distinct findings. */
    findings: number
    /** Findings listed. */
    listed: number
    /** Files with at least one finding. */
    files: number
  }
  /** Listing limits applied (`maxPerRule`, `maxFindings`). */
  limits: {perRule: number; findings: number}
  /** Every rule with a finding: errors first, then the most frequent. */
  rules: RuleSummary[]
  files: FileFindings[]
  coverage: LocaleCoverage[]
}

const rank: Record<Severity, number> = {error: 0, warning: 1, info: 2}
const defaultMaxPerRule = 20
const defaultMaxFindings = 1000

/**
 * @param input Config, documents, diagnostics, coverage.
 * @returns The review.
 */
export function qaReview(input: QaReviewInput): QaReview {
  const {config} = input
  const perRule = limit(input.maxPerRule, defaultMaxPerRule, 'maxPerRule')
  const maxFindings = limit(input.maxFindings, defaultMaxFindings, 'maxFindings')
  let room = maxFindings
  const unique = input.unique ? input.diagnostics : uniqueDiagnostics(input.diagnostics)
  const byFile = new Map<string | undefined, Map<string, Diagnostic[]>>()
  for (const diagnostic of unique) {
    let rules = byFile.get(diagnostic.file)
    if (!rules) byFile.set(diagnostic.file, (rules = new Map()))
    const list = rules.get(diagnostic.ruleId)
    if (list) list.push(diagnostic)
    else rules.set(diagnostic.ruleId, [diagnostic])
  }

  const files = [...byFile].map(([file, rules]) => groupedFindings(file, rules))
  const kept = new Map<string, KeptFile>()
  const counts = countSeverities(unique)
  let findings = unique.length
  for (const one of input.kept ?? []) {
    const {file, errors, warnings, infos} = one.summary
    if (byFile.has(file) || kept.has(file)) throw new TypeError('Cannot review the findings of `' + file + '` kept (`input.kept`) and given again, expected each file once')
    kept.set(file, one)
    files.push({file, errors, warnings, infos, rules: one.summary.rules.map(({ruleId, severity, count}) => ({ruleId, severity, count, diagnostics: []}))})
    counts.errors += errors
    counts.warnings += warnings
    counts.infos += infos
    findings += errors + warnings + infos
  }

  const summaries = new Map<string, RuleSummary>()
  for (const entry of files) {
    for (const {ruleId, severity, count} of entry.rules) {
      const summary = summaries.get(ruleId)
      if (summary) {
        summary.count += count
        summary.files++
        if (rank[severity] < rank[summary.severity]) summary.severity = severity
      } else summaries.set(ruleId, {ruleId, severity, count, files: 1})
    }
  }

  files.sort((a, b) => (a.file === undefined ? -1 : b.file === undefined ? 1 : compare(a.file, b.file)))
  let listed = 0
  for (const entry of files) {
    const keptFile = entry.file === undefined ? undefined : kept.get(entry.file)
    // A kept file's findings are grouped again only when some are listed.
    const grouped = keptFile && Math.min(perRule, room) > 0 ? new Map(fileFindings(entry.file!, keptFile.findings()).rules.map((rule) => [rule.ruleId, rule.diagnostics])) : undefined
    for (const rule of entry.rules) {
      const all = keptFile ? (grouped?.get(rule.ruleId) ?? []) : rule.diagnostics
      rule.diagnostics = all.slice(0, Math.min(perRule, room))
      room -= rule.diagnostics.length
      listed += rule.diagnostics.length
    }
  }

  const totals = {...counts, findings, listed, files: files.filter((entry) => entry.file !== undefined).length}

  const rules = [...summaries.values()].sort((a, b) => rank[a.severity] - rank[b.severity] || b.count - a.count || compare(a.ruleId, b.ruleId))

  const gates = input.gates ?? coverageGate(config, input.coverage).value
  if (gates.length !== config.targetLocales.length || gates.some((gate, index) => gate.locale !== config.targetLocales[index])) {
    throw new TypeError('Cannot review the coverage gate of `' + gates.map((gate) => gate.locale).join(', ') + '` (`input.gates`), expected one per target locale, in order: `' + config.targetLocales.join(', ') + '`')
  }
  // The first entry of each locale and path, as a search in order would find it.
  const entries = new Map<string, BuildEntry>()
  for (const entry of input.coverage) {
    const key = `${entry.locale}\u0000${entry.path}`
    if (!entries.has(key)) entries.set(key, entry)
  }
  const coverage: LocaleCoverage[] = gates.map((gate) => {
    const dist = distPaths(config, gate.locale)
    // By path: the page needs nothing else of a document.
    const documents = [...input.documents.keys()].map((path): CoverageRow => {
      const found = entries.get(`${gate.locale}\u0000${path}`)?.coverage
      return {path, dist: dist(path), coverage: found, share: found ? coveredShare(found, config.coverageOrigins) : undefined}
    })
    return {locale: gate.locale, documents, total: gate.coverage, share: {covered: gate.covered, total: gate.total, percent: gate.percent}, minimum: gate.minimum, passed: gate.passed}
  })

  return {sourceLocale: config.sourceLocale, targetLocales: [...config.targetLocales], coverageOrigins: [...config.coverageOrigins], totals, limits: {perRule, findings: maxFindings}, rules, files, coverage}
}

/**
 * A file's findings grouped by rule, as a review groups them: each once,
 * by line and column within a rule, the rules errors first, then by id.
 *
 * @param file The file they are about.
 * @param diagnostics Its findings, in order.
 * @returns Their grouping, every finding listed.
 */
export function fileFindings(file: string, diagnostics: readonly Diagnostic[]): FileFindings {
  const rules = new Map<string, Diagnostic[]>()
  for (const diagnostic of uniqueDiagnostics(diagnostics)) {
    const list = rules.get(diagnostic.ruleId)
    if (list) list.push(diagnostic)
    else rules.set(diagnostic.ruleId, [diagnostic])
  }

  return groupedFindings(file, rules)
}

/**
 * @param findings A file's findings grouped (`fileFindings`).
 * @returns Its figures, without the findings.
 */
export function fileSummary(findings: FileFindings): FileSummary {
  const {file, errors, warnings, infos} = findings
  if (file === undefined) throw new TypeError('Cannot sum up findings about no file, expected a file')
  return {file, errors, warnings, infos, rules: findings.rules.map(({ruleId, severity, count}) => ({ruleId, severity, count}))}
}

/** A file's findings, grouped by rule already: counted, each rule's sorted by place, the rules errors first, then by id. */
function groupedFindings(file: string | undefined, rules: ReadonlyMap<string, Diagnostic[]>): FileFindings {
  const entry: FileFindings = {file, ...countSeverities([...rules.values()].flat()), rules: []}
  for (const [ruleId, diagnostics] of rules) {
    diagnostics.sort(byPlace)
    entry.rules.push({ruleId, severity: worst(diagnostics), count: diagnostics.length, diagnostics})
  }

  entry.rules.sort((a, b) => rank[a.severity] - rank[b.severity] || compare(a.ruleId, b.ruleId))
  return entry
}

/**
 * The same finding reported by two stages, once: diagnostics equal in every
 * field but `source` (the first one is kept).
 *
 * @param diagnostics Diagnostics, in order.
 * @returns The first of each.
 */
export function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  // Equal diagnostics share their rule, file, start, unit, segment and message: only those that share them with another are compared in full.
  const shared = new Map<string, number>()
  const cheapKey = (diagnostic: Diagnostic) => {
    const start = startOf(diagnostic.place)
    return `${diagnostic.ruleId}\u0000${diagnostic.file}\u0000${start?.line}:${start?.column}\u0000${diagnostic.unitId}\u0000${diagnostic.segmentId}\u0000${diagnostic.message}`
  }
  const keys = diagnostics.map(cheapKey)
  for (const key of keys) shared.set(key, (shared.get(key) ?? 0) + 1)

  const seen = new Set<string>()
  const unique: Diagnostic[] = []
  for (const [index, diagnostic] of diagnostics.entries()) {
    if (shared.get(keys[index]!)! > 1) {
      const key = JSON.stringify(Object.entries(diagnostic).filter(([name]) => name !== 'source').sort(([a], [b]) => compare(a, b)))
      if (seen.has(key)) continue
      seen.add(key)
    }

    unique.push(diagnostic)
  }

  return unique
}

/** The worst severity of some diagnostics. */
function worst(diagnostics: readonly Diagnostic[]): Severity {
  return diagnostics.reduce<Severity>((found, one) => (rank[one.severity] < rank[found] ? one.severity : found), 'info')
}

/** A listing limit: the option, or its default; a programmer error when not a whole number. */
function limit(value: number | null | undefined, fallback: number, name: string): number {
  const chosen = value ?? fallback
  if (!Number.isInteger(chosen) || chosen < 0) throw new TypeError('Cannot list `' + String(chosen) + '` findings (`options.' + name + '`), expected a whole number of 0 or more')
  return chosen
}

/** Code-unit order, the same on every machine (no locale collation). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
