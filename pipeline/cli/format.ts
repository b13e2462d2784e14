/**
 * Render diagnostics for each consumer. Takes: diagnostics and output
 * options. Returns: text, never printing: the human report (vfile-reporter's
 * layout, one header per file, laid out here without its objects),
 * GitHub Actions workflow commands
 * (annotations), or the diagnostics a level of detail shows. SARIF is
 * `sarif.ts`'s; `--json` is the command result itself.
 *
 * ```
 * locales/en/putin-xi-alleanza.json
 * 14:3 error Key `1a2b`: `Cremlino` is left in the source language term-untranslated qa
 *
 * ✖ 1 error
 * ```
 */
import type {Diagnostic, Place, Point} from '../types.ts'
import {startOf} from '../diagnostic.ts'
import {displayWidth} from './display-width.ts'

/** How much a human-facing format shows. */
export interface DetailOptions {
  /** Errors only (`--quiet`). */
  quiet?: boolean | null
  /** Each diagnostic's details too: unit, segment, expected, actual, documentation (`--verbose`). */
  verbose?: boolean | null
}

/** Options of {@linkcode formatText}. */
export interface TextOptions extends DetailOptions {
  /** Use ANSI colors (the caller decides: a TTY and no `NO_COLOR`). */
  color?: boolean | null
}

/**
 * @param messages Diagnostics.
 * @param options `quiet`.
 * @returns The ones shown: errors only when quiet, else all.
 */
export function shownDiagnostics(messages: readonly Diagnostic[], options?: DetailOptions | null): Diagnostic[] {
  return options?.quiet ? messages.filter((message) => message.severity === 'error') : [...messages]
}

/** The ANSI codes of the text report, or none. */
interface Style {
  /** Bold on (the message). */
  bold: string
  /** Bold off. */
  normal: string
  /** Underline on (a file header). */
  underline: string
  /** Underline off. */
  noUnderline: string
  /** Red (error, a header with an error). */
  red: string
  /** Yellow (warning, info, other headers). */
  yellow: string
  /** Cyan (a code span in a message). */
  cyan: string
  /** The default color again. */
  reset: string
}

/** The codes vfile-reporter writes with color on. */
const colored: Style = {bold: '\u001B[1m', normal: '\u001B[22m', underline: '\u001B[4m', noUnderline: '\u001B[24m', red: '\u001B[31m', yellow: '\u001B[33m', cyan: '\u001B[36m', reset: '\u001B[39m'}

/** No codes: color off. */
const plain: Style = {bold: '', normal: '', underline: '', noUnderline: '', red: '', yellow: '', cyan: '', reset: ''}

/** A line break, as vfile-reporter splits a message and a note. */
const lineBreak = /\r?\n|\r/

/** The comparison of `String#localeCompare` (the default locale), as one collator. */
const collate = new Intl.Collator().compare

/** A table row of the report: its cells as printed, and the width of each. */
interface Row {
  cells: string[]
  widths: number[]
}

/**
 * The human report, as vfile-reporter 8 lays it out (and byte for byte the
 * same text, `tests/format.test.ts` compares them), without making a
 * `VFile` or a `VFileMessage`: a header per file (the diagnostics about no
 * file under `(project)`), files in `localeCompare` order, a row per
 * diagnostic (`line:column severity message rule-id source`, sorted by
 * place, then error before warning before info, then source, rule id and
 * message), the columns aligned over the rows of every file, a message's
 * further lines under its row, with `verbose` its documentation and details
 * (unit, segment, concept, expected, actual), and a summary line
 * (`✖ 1 error, ⚠ 2 warnings`; `4 messages (…)` when infos or both kinds).
 *
 * @param messages Diagnostics.
 * @param options Color, `quiet`, `verbose`.
 * @returns The report, `''` when nothing is shown.
 */
export function formatText(messages: readonly Diagnostic[], options?: TextOptions | null): string {
  const shown = shownDiagnostics(messages, options)
  if (shown.length === 0) return ''
  const style = options?.color ? colored : plain
  const verbose = Boolean(options?.verbose)
  const files = new Map<string, Diagnostic[]>()
  for (const message of shown) {
    const name = message.file ?? ''
    const list = files.get(name)
    if (list) list.push(message)
    else files.set(name, [message])
  }
  const lines: Array<string | Row> = []
  const sizes = [0, 0, 0, 0, 0]
  for (const name of [...files.keys()].sort(collate)) {
    const list = files.get(name)!
    if (lines.length > 0) lines.push('')
    const color = list.some((message) => message.severity === 'error') ? style.red : style.yellow
    lines.push(style.underline + color + (name || '(project)') + style.reset + style.noUnderline)
    for (const message of sortedMessages(list)) {
      const breakAt = message.message.search(lineBreak)
      const row = messageRow(message, breakAt === -1 ? message.message : message.message.slice(0, breakAt), style)
      for (let index = 0; index < sizes.length; index++) if (row.widths[index]! > sizes[index]!) sizes[index] = row.widths[index]!
      lines.push(row)
      if (breakAt !== -1) lines.push(...message.message.slice(breakAt + 1).split(lineBreak))
      if (verbose && message.url) lines.push(`  ${style.bold}[url]${style.normal}:`, `    ${message.url}`)
      const note = verbose ? noteOf(message) : ''
      if (note) lines.push(`  ${style.bold}[note]${style.normal}:`, ...note.split(lineBreak).map((line) => `    ${line}`))
    }
  }
  const summary = summaryLine(shown, style)
  if (summary) lines.push('', summary)
  return lines.map((line) => (typeof line === 'string' ? line : rowText(line, sizes)).trimEnd()).join('\n')
}

/**
 * A file's diagnostics in vfile-sort's order (a stable sort, so equal ones
 * keep theirs): line, column (none counts as 0), error before warning
 * before info, then source, rule id and message by `localeCompare`.
 */
function sortedMessages(list: readonly Diagnostic[]): Diagnostic[] {
  const keyed = list.map((message) => {
    const start = startOf(message.place)
    return {message, line: start?.line || 0, column: start?.column || 0, rank: message.severity === 'error' ? 0 : message.severity === 'warning' ? 1 : 2}
  })
  keyed.sort((a, b) => a.line - b.line || a.column - b.column || a.rank - b.rank || collate(a.message.source || '', b.message.source || '') || collate(a.message.ruleId || '', b.message.ruleId || '') || collate(a.message.message, b.message.message))
  return keyed.map((entry) => entry.message)
}

/** A diagnostic's row: place, severity, `reason` (the message's first line, code spans in cyan), rule id, source; each cell's width counted once. */
function messageRow(message: Diagnostic, reason: string, style: Style): Row {
  const label = message.severity === 'error' ? 'error' : message.severity === 'warning' ? 'warning' : 'info'
  const place = placeText(message.place)
  const ruleId = message.ruleId || ''
  const source = message.source || ''
  const printedLabel = (label === 'error' ? style.red : style.yellow) + label + style.reset
  const printedReason = style === plain ? reason : style.bold + withCodeColor(reason, style) + style.normal
  return {
    cells: [place, printedLabel, printedReason, ruleId, source],
    widths: [displayWidth(place, place), displayWidth(label, printedLabel), displayWidth(reason, printedReason), displayWidth(ruleId, ruleId), displayWidth(source, source)]
  }
}

/**
 * A message's code spans in cyan: a run of backticks opens a span that the
 * next run of as many backticks closes (runs between them are inside it);
 * a run that nothing closes is text.
 */
function withCodeColor(reason: string, style: Style): string {
  const runs: Array<{start: number; end: number}> = []
  for (let start = reason.indexOf('`'); start !== -1; ) {
    let end = start + 1
    while (reason.charCodeAt(end) === 96) end++
    runs.push({start, end})
    start = reason.indexOf('`', end)
  }
  let result = ''
  let textStart = 0
  for (let index = 0; index < runs.length; index++) {
    const open = runs[index]!
    const size = open.end - open.start
    let closeIndex = index + 1
    while (closeIndex < runs.length && runs[closeIndex]!.end - runs[closeIndex]!.start !== size) closeIndex++
    if (closeIndex === runs.length) continue
    const close = runs[closeIndex]!
    result += reason.slice(textStart, open.start) + style.cyan + reason.slice(open.start, close.end) + style.reset
    textStart = close.end
    index = closeIndex
  }
  return result + reason.slice(textStart)
}

/** What `--verbose` shows under a row besides the documentation: unit and segment, concept, expected, actual, a line each; `''` for none. */
function noteOf(message: Diagnostic): string {
  return [
    message.unitId ? `unit ${message.unitId}${message.segmentId ? `, segment ${message.segmentId}` : ''}` : '',
    message.conceptId ? `concept ${message.conceptId}` : '',
    message.expected ? `expected: ${message.expected.join(' | ')}` : '',
    message.actual ? `actual: ${message.actual.join(' | ')}` : ''
  ]
    .filter((line) => line !== '')
    .join('\n')
}

/** `✖ 1 error, ⚠ 2 warnings`, `N messages (…)` when there are infos or both, `''` when only infos. */
function summaryLine(shown: readonly Diagnostic[], style: Style): string {
  let errors = 0
  let warnings = 0
  for (const message of shown) {
    if (message.severity === 'error') errors++
    else if (message.severity === 'warning') warnings++
  }
  const parts: string[] = []
  if (errors > 0) parts.push(`${style.red}✖${style.reset} ${errors} error${errors === 1 ? '' : 's'}`)
  if (warnings > 0) parts.push(`${style.yellow}⚠${style.reset} ${warnings} warning${warnings === 1 ? '' : 's'}`)
  if (parts.length === 0) return ''
  const total = shown.length
  return total === errors || total === warnings ? parts.join(', ') : `${total} messages (${parts.join(', ')})`
}

/** A row's cells, each padded to its column's width and one space. */
function rowText(row: Row, sizes: readonly number[]): string {
  let text = ''
  for (let index = 0; index < row.cells.length; index++) text += row.cells[index] + ' '.repeat(sizes[index]! + 1 - row.widths[index]!)
  return text
}

/**
 * GitHub Actions workflow commands, one annotation per diagnostic:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule-id::message`
 * (`::warning`, and `::notice` for info). Escaped as the Actions runner
 * reads them (`@actions/core`): `%`, `\r` and `\n` in the message, and `:`
 * and `,` too in property values.
 *
 * @param messages Diagnostics (already filtered by `shownDiagnostics`).
 * @returns One line each, ending with a line break; `''` for none.
 */
export function formatGithub(messages: readonly Diagnostic[]): string {
  return messages
    .map((message) => {
      const command = message.severity === 'error' ? 'error' : message.severity === 'warning' ? 'warning' : 'notice'
      const start = startOf(message.place)
      const end = message.place && 'end' in message.place ? message.place.end : undefined
      const properties: Array<[string, string | number | undefined]> = [
        ['file', message.file],
        ['line', start?.line],
        ['col', start?.column],
        ['endLine', end?.line],
        ['endColumn', end?.column],
        ['title', message.ruleId]
      ]
      const list = properties.filter(([, value]) => value !== undefined).map(([name, value]) => `${name}=${escapeProperty(String(value))}`)
      return `::${command} ${list.join(',')}::${escapeData(message.message)}\n`
    })
    .join('')
}

/** A workflow command's message: `%`, `\r`, `\n` escaped. */
function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

/** A workflow command's property value: the message's escapes, and `:` and `,`. */
function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C')
}

/**
 * @param place A diagnostic's place.
 * @returns `line:column`, `line:column-line:column` for a range, or `''`; a
 *   missing or 0 line or column reads 1 (as unist-util-stringify-position
 *   writes it, so the text report's places are vfile-reporter's).
 */
export function placeText(place: Place | undefined): string {
  if (!place) return ''
  if ('start' in place) return `${pointText(place.start)}-${pointText(place.end)}`
  return pointText(place)
}

/** `line:column`, 1 for a missing or 0 number. */
function pointText(point: Point | undefined): string {
  return `${point?.line || 1}:${point?.column || 1}`
}
