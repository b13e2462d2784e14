/**
 * The one constructor of diagnostics, and the small helpers every stage
 * shares over them. Takes: a rule id, a message and the fields that apply.
 * Returns: a `Diagnostic` (see `types.ts`) with its fields always in the same
 * order, `expected` and `actual` as lists, and `url` pointing at the rule's
 * row in the README, so `--json` output and reports stay stable.
 *
 * ```ts
 * diagnostic('code-missing', 'Code 1 (open) of the source is missing', {source: 'qa', severity: 'error', file, unitId})
 * ```
 */
import type {Diagnostic, Place, Point, Severity} from './types.ts'

/**
 * Where babele's documentation (the README) is published: a diagnostic's
 * `url` is this page and the anchor of its rule id (`#rule-code-missing`).
 */
export const documentation = 'https://www.npmjs.com/package/babele'

/** Fields of a diagnostic besides its rule id and message. */
export interface DiagnosticFields {
  /** The stage that emits it: `markdown`, `xliff`, `import`, `qa`, `build`, `config`, … */
  source: string
  severity: Severity
  /** File the message is about. */
  file?: string | null | undefined
  /** Where in the file: a point, or a range. */
  place?: Place | null | undefined
  /** Unit the message is about. */
  unitId?: string | null | undefined
  /** Segment the message is about. */
  segmentId?: string | null | undefined
  /** Glossary concept a term finding is about. */
  conceptId?: string | null | undefined
  /** What was expected: one value or several (alternatives). */
  expected?: string | readonly string[] | null | undefined
  /** What was found instead. */
  actual?: string | readonly string[] | null | undefined
  /** A suggested edit (see `Diagnostic.fix`). */
  fix?: Diagnostic['fix'] | null | undefined
}

/**
 * Make a diagnostic. Empty or missing fields are left out.
 *
 * @param ruleId Stable kebab-case rule id, documented in the README's rule table.
 * @param message What is wrong, for people (never parsed: logic branches on `ruleId` and `severity`).
 * @param fields Stage, severity, and where and what.
 * @returns The diagnostic.
 */
export function diagnostic(ruleId: string, message: string, fields: DiagnosticFields): Diagnostic {
  const result: Partial<Diagnostic> = {}
  if (fields.file) result.file = fields.file
  if (fields.place) result.place = fields.place
  if (fields.unitId) result.unitId = fields.unitId
  if (fields.segmentId) result.segmentId = fields.segmentId
  if (fields.conceptId) result.conceptId = fields.conceptId
  result.ruleId = ruleId
  result.source = fields.source
  result.severity = fields.severity
  result.message = message
  const expected = list(fields.expected)
  if (expected) result.expected = expected
  const actual = list(fields.actual)
  if (actual) result.actual = actual
  if (fields.fix) result.fix = fields.fix
  result.url = ruleUrl(ruleId)
  return result as Diagnostic
}

/**
 * @param ruleId A rule id.
 * @returns The address of its documentation (its row in the README's rule table).
 */
export function ruleUrl(ruleId: string): string {
  return `${documentation}#rule-${ruleId}`
}

/**
 * A point: 1-based line and column, and the UTF-16 offset when known.
 *
 * @param line 1-based line.
 * @param column 1-based column, in UTF-16 code units.
 * @param offset Offset into the text as read, if known.
 */
export function point(line: number, column: number, offset?: number | undefined): Point {
  return offset === undefined ? {line, column} : {line, column, offset}
}

/**
 * @param place A diagnostic's place.
 * @returns Where it starts (the point itself, or a range's start).
 */
export function startOf(place: Place | undefined): Point | undefined {
  return place === undefined ? undefined : 'start' in place ? place.start : place
}

/**
 * The same diagnostic with another severity (a stage that reports another's
 * findings as warnings; a configured rule severity).
 *
 * @param message A diagnostic.
 * @param severity The severity it gets.
 */
export function withSeverity(message: Diagnostic, severity: Severity): Diagnostic {
  return message.severity === severity ? message : {...message, severity}
}

/**
 * Findings that do not stop the pipeline, as warnings: errors become
 * warnings, the rest are kept (the source lint's findings as extract
 * reports them; a bad memory file's, whose good units are used).
 *
 * @param messages Diagnostics.
 */
export function asWarnings(messages: readonly Diagnostic[]): Diagnostic[] {
  return messages.map((message) => (message.severity === 'error' ? withSeverity(message, 'warning') : message))
}

/** Diagnostics counted by severity. */
export interface SeverityCounts {
  errors: number
  warnings: number
  infos: number
}

/**
 * @param messages Diagnostics.
 * @returns How many are errors, warnings and infos.
 */
export function countSeverities(messages: readonly Diagnostic[]): SeverityCounts {
  const counts: SeverityCounts = {errors: 0, warnings: 0, infos: 0}
  for (const message of messages) {
    if (message.severity === 'error') counts.errors++
    else if (message.severity === 'warning') counts.warnings++
    else counts.infos++
  }

  return counts
}

/**
 * Order of diagnostics by place: line, then column (no place first).
 *
 * @param a A diagnostic.
 * @param b Another.
 */
export function byPlace(a: Diagnostic, b: Diagnostic): number {
  const one = startOf(a.place)
  const two = startOf(b.place)
  return (one?.line ?? 0) - (two?.line ?? 0) || (one?.column ?? 0) - (two?.column ?? 0)
}

function list(value: string | readonly string[] | null | undefined): string[] | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string') return [value]
  return value.length > 0 ? [...value] : undefined
}
