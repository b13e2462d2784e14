/**
 * Render diagnostics for each consumer. Takes: diagnostics and output
 * options. Returns: text, never printing: the human report (vfile-reporter's
 * layout, one header per file), GitHub Actions workflow commands
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
import {reporter} from 'vfile-reporter'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Diagnostic, Place} from '../types.ts'
import {startOf} from '../diagnostic.ts'

/** The output formats of every command that reports diagnostics (`--format`). */
export const formats = ['text', 'json', 'sarif', 'github'] as const

/** An output format. */
export type Format = (typeof formats)[number]

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

/**
 * The human report, as vfile-reporter lays it out: a header per file (the
 * diagnostics about no file under `(project)`), a row per diagnostic
 * (`line:column severity message rule-id source`, sorted by place), and a
 * summary line (`✖ 1 error, ⚠ 2 warnings`).
 *
 * @param messages Diagnostics.
 * @param options Color, `quiet`, `verbose`.
 * @returns The report, `''` when nothing is shown.
 */
export function formatText(messages: readonly Diagnostic[], options?: TextOptions | null): string {
  const shown = shownDiagnostics(messages, options)
  if (shown.length === 0) return ''
  const files = new Map<string, VFile>()
  for (const message of shown) {
    const name = message.file ?? ''
    let file = files.get(name)
    if (!file) files.set(name, (file = new VFile(name === '' ? {} : {path: name})))
    file.messages.push(toMessage(message))
  }
  return reporter([...files.values()], {color: Boolean(options?.color), verbose: Boolean(options?.verbose), defaultName: '(project)'})
}

/** A diagnostic as vfile-message has it: `fatal` true for an error, false for a warning, unset for info. */
function toMessage(diagnostic: Diagnostic): VFileMessage {
  const message = new VFileMessage(diagnostic.message, {place: diagnostic.place, ruleId: diagnostic.ruleId, source: diagnostic.source})
  message.fatal = diagnostic.severity === 'error' ? true : diagnostic.severity === 'warning' ? false : undefined
  message.url = diagnostic.url
  const note = [
    diagnostic.unitId ? `unit ${diagnostic.unitId}${diagnostic.segmentId ? `, segment ${diagnostic.segmentId}` : ''}` : '',
    diagnostic.conceptId ? `concept ${diagnostic.conceptId}` : '',
    diagnostic.expected ? `expected: ${diagnostic.expected.join(' | ')}` : '',
    diagnostic.actual ? `actual: ${diagnostic.actual.join(' | ')}` : ''
  ].filter((line) => line !== '')
  if (note.length > 0) message.note = note.join('\n')
  return message
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
 * @returns `line:column`, `line:column-line:column` for a range, or `''`.
 */
export function placeText(place: Place | undefined): string {
  if (!place) return ''
  if ('start' in place) return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
  return `${place.line}:${place.column}`
}
