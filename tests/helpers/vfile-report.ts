/**
 * The reference of the text report: what babele printed before it laid the
 * report out itself, vfile-reporter 8 over one `VFile` per file and a
 * `VFileMessage` per diagnostic (dev dependencies, used only here). Takes:
 * diagnostics and the text options. Returns: vfile-reporter's text, which
 * `formatText` must equal byte for byte (`tests/format.test.ts`).
 */
import {reporter} from 'vfile-reporter'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {shownDiagnostics, type TextOptions} from '../../pipeline/cli/format.ts'
import type {Diagnostic} from '../../pipeline/types.ts'

/**
 * @param messages Diagnostics.
 * @param options Color, `quiet`, `verbose`.
 * @returns vfile-reporter's report, `''` when nothing is shown.
 */
export function vfileReport(messages: readonly Diagnostic[], options?: TextOptions | null): string {
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

/** A diagnostic as vfile-message has it: `fatal` true for an error, false for a warning, unset for info; unit, segment, concept, expected and actual in `note`. */
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
