/**
 * The text of a YAML block scalar as front matter keeps it, and back. Takes:
 * a block scalar's content lines (`|` literal or `>` folded) without their
 * indentation. Returns: the value YAML reads from them, or the scalar written
 * under the source's header and indentation, when YAML reads that back as
 * meant.
 *
 * The text keeps the source's lines, as a Markdown paragraph keeps its soft
 * line breaks: a folded scalar wrapped over three lines is three lines of
 * text, and a translation is written back on as many lines as it has.
 *
 * > | description: >-
 * > |   Una lunga descrizione
 * > |   su due righe.
 *       ^ text `Una lunga descrizione\nsu due righe.`; value `Una lunga descrizione su due righe.`
 */
import {parse} from 'yaml'
import type {YamlScalarContext} from '../../types.ts'
import {yamlPrintable} from './yaml-characters.ts'

/** `|` or `>`. */
export type BlockStyle = 'literal' | 'folded'

/**
 * The value YAML reads from the lines of a block scalar's text, without
 * final line breaks (chomping is the header's business).
 *
 * @param text Content lines without indentation, joined by `\n`.
 * @param style Literal or folded.
 * @returns The value, or `undefined` for text YAML cannot hold (control characters).
 */
export function blockScalarValue(text: string, style: BlockStyle): string | undefined {
  // An explicit indentation of one space reads every line as written, even
  // one that starts with spaces (more indented, in a folded scalar).
  const lines = text.split('\n').map((line) => (line === '' ? '' : ' ' + line))
  return readValue(`k: ${style === 'literal' ? '|' : '>'}-1\n${lines.join('\n')}\n`)
}

/**
 * Write a block scalar's text back under its source header and indentation.
 *
 * @param text Content lines without indentation, joined by `\n`.
 * @param style Literal or folded.
 * @param context The source's header, indentation, leading empty lines and line ending.
 * @returns The scalar from its header to its last character, or `undefined`
 *   when YAML would not read it back as the text's value (a first line that
 *   starts with a space under a detected indentation, a character YAML
 *   cannot hold): the caller then writes the value double-quoted.
 */
export function writeBlockScalar(text: string, style: BlockStyle, context: YamlScalarContext): string | undefined {
  const {header, indent} = context
  const lineEnding = context.lineEnding ?? '\n'
  const leading = context.leading ?? ''
  if (header === undefined || indent === undefined || indent < 1 || /[\r\u0085\u2028\u2029]/.test(text) || !yamlPrintable(text)) return
  const value = blockScalarValue(text, style)
  if (value === undefined || value === '') return
  const margin = ' '.repeat(indent)
  const lines = text.split('\n').map((line) => (line === '' ? '' : margin + line))
  const written = header + lineEnding.repeat(1 + leading.length) + lines.join(lineEnding)
  // Read it back where it stands: under a key indented like the source's, so
  // that an explicit indentation indicator (`|2`) means what it meant there.
  const indicator = /^[|>][+-]?([1-9])|^[|>]([1-9])/.exec(header)
  const parent = indicator ? indent - Number(indicator[1] ?? indicator[2]) : 0
  if (parent < 0) return
  const read = readValue(`${' '.repeat(parent)}k: ${written}\n`)
  return read !== undefined && read.replace(/\n+$/, '') === leading + value ? written : undefined
}

/** The string value of key `k` in a small YAML document, or `undefined` if it is not valid. */
function readValue(document: string): string | undefined {
  try {
    const read = parse(document, {logLevel: 'silent'}) as {k?: unknown} | null
    return typeof read?.k === 'string' ? read.k : undefined
  } catch {
    return undefined
  }
}
