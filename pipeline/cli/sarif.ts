/**
 * Diagnostics as a SARIF 2.1.0 log, for code-scanning UIs (GitHub code
 * scanning shows each result on its line). Takes: diagnostics and the tool's
 * version. Returns: the log, a value (`--format sarif` prints it as JSON).
 *
 * One run; `tool.driver.rules` lists every rule of the lint and QA
 * registries and every other rule id a result names, each with its
 * documentation (`helpUri`, the diagnostic's `url`); a result names its rule
 * (`ruleId`, `ruleIndex`), its `level` (`error`, `warning`, `note` for info),
 * its message, and where it is: the file relative to the project
 * (`artifactLocation.uri`, percent-encoded) and the `region` (1-based lines
 * and UTF-16 columns, the run's `columnKind`). A diagnostic about no file has
 * no location.
 */
import type {Location, Log, ReportingDescriptor, Result} from 'sarif'
import {documentation, ruleUrl, startOf} from '../diagnostic.ts'
import {lintRules} from '../lint/index.ts'
import {qaRules} from '../qa/index.ts'
import type {Diagnostic, Severity} from '../types.ts'

/** Options of {@linkcode toSarif}. */
export interface SarifOptions {
  /** babele's version (`tool.driver.version`). */
  version: string
}

/** Where OASIS publishes the SARIF 2.1.0 schema (the log's `$schema`). */
const sarifSchema = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json'

/**
 * @param messages Diagnostics.
 * @param options The tool's version.
 * @returns The SARIF log.
 */
export function toSarif(messages: readonly Diagnostic[], options: SarifOptions): Log {
  // A QA rule has a default severity; a lint rule's findings each have their own.
  const registered = new Map<string, Severity | undefined>([...lintRules.map((rule) => [rule.id, undefined] as const), ...qaRules.map((rule) => [rule.id, rule.severity] as const)])
  const ids = [...new Set([...registered.keys(), ...messages.map((message) => message.ruleId)])].sort()
  const index = new Map(ids.map((id, position) => [id, position]))
  const rules = ids.map((id): ReportingDescriptor => {
    const severity = registered.get(id)
    return {id, helpUri: ruleUrl(id), ...(severity ? {defaultConfiguration: {level: level(severity)}} : {})}
  })
  const results = messages.map((message): Result => {
    const properties = {source: message.source, ...pick(message, ['unitId', 'segmentId', 'conceptId', 'expected', 'actual'])}
    return {
      ruleId: message.ruleId,
      ruleIndex: index.get(message.ruleId)!,
      level: level(message.severity),
      message: {text: message.message},
      ...(message.file ? {locations: [location(message)]} : {}),
      properties
    }
  })
  return {
    $schema: sarifSchema,
    version: '2.1.0',
    runs: [{tool: {driver: {name: 'babele', version: options.version, informationUri: documentation, rules}}, columnKind: 'utf16CodeUnits', results}]
  }
}

/** SARIF's level of a severity. */
function level(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'info' ? 'note' : severity
}

/** A diagnostic's file and place as a SARIF location. */
function location(message: Diagnostic): Location {
  const uri = message.file!.replaceAll('\\', '/').split('/').map(encodeURIComponent).join('/')
  const place = message.place
  const start = startOf(place)
  const end = place && 'end' in place ? place.end : undefined
  const region = start ? {startLine: start.line, startColumn: start.column, ...(end ? {endLine: end.line, endColumn: end.column} : {})} : undefined
  return {physicalLocation: {artifactLocation: {uri}, ...(region ? {region} : {})}}
}

/** The fields of a diagnostic that are set. */
function pick(message: Diagnostic, fields: ReadonlyArray<keyof Diagnostic>): Partial<Diagnostic> {
  return Object.fromEntries(fields.flatMap((field) => (message[field] === undefined ? [] : [[field, message[field]]])))
}
