/**
 * Escape changed text so that it renders to itself where it is written.
 * Takes: the text, the block it goes into, whether it starts a line, what to
 * write for each line break. Returns: source text (Markdown, a link title or
 * a YAML scalar); and whether a line could open a block.
 *
 * Unchanged text never goes through here: it is copied from the source.
 */
import {parse} from 'yaml'
import type {Block, YamlScalarContext} from '../../types.ts'
import {blockScalarValue, writeBlockScalar} from './yaml-block-scalar.ts'
import {escapeNonPrintable, yamlPrintable} from './yaml-characters.ts'

const inlineSyntax = /[\\`*_[\]~]|&(?=#?[A-Za-z\d]+;)/g
const inlineSyntaxButBrackets = /[\\`*_~]|&(?=#?[A-Za-z\d]+;)/g

// What `<` may start in CommonMark inline content: raw HTML (open or closing
// tag, comment, processing instruction, declaration, CDATA) or an autolink.
// Any other `<` is literal, and escaping it would change a GFM literal
// autolink it follows (`https://example.org/<name>` ends at `<`).
const attribute = String.raw`\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?`
const opensSyntax = new RegExp(
  String.raw`<(?=[A-Za-z][A-Za-z\d-]*(?:${attribute})*\s*\/?>|\/[A-Za-z][A-Za-z\d-]*\s*>|!--|\?|![A-Za-z]|!\[CDATA\[|[A-Za-z][A-Za-z\d+.-]{1,31}:[^\s<>]*>|[\w.!#$%&'*+/=?^\x60{|}~-]+@[A-Za-z\d](?:[A-Za-z\d-]{0,61}[A-Za-z\d])?(?:\.[A-Za-z\d](?:[A-Za-z\d-]{0,61}[A-Za-z\d])?)*>)`,
  'g'
)
// Line starts: ATX headings, block quotes, list markers, setext underlines,
// table rows, ordered-list numbers, and `<` that could open an HTML block.
const lineStartSyntax = /^(?:([#>+=|-])|(\d{1,9})([.)])|(<)(?=[A-Za-z/!?]))/

/** Options of {@linkcode escapeText}. */
export interface EscapeOptions {
  /** Whether the text starts at the start of a line (block start or after `\n`). */
  atLineStart: boolean
  /**
   * Whether the document defines link references or footnotes, so that any
   * `[…]` could become a link (default `true`). Without definitions only
   * brackets that could make an inline link or image are escaped.
   */
  definitions?: boolean | null
  /**
   * What to write for each line break of the text, in turn: a line ending
   * and the next line's container prefix, as the source has them (`\n> `).
   * A break with no entry left is written as a space, which never leaves a
   * container (default: none).
   */
  lineBreaks?: readonly string[] | null
}

// A line whose brackets could make a link, image or footnote without a definition.
const linkShape = /\][([:]|\[\^|!\[/

/**
 * @param text Translated text (`\n` for a line break).
 * @param block The block it is written into (syntax, line prefix, quote).
 * @param options Position.
 */
export function escapeText(text: string, block: Pick<Block, 'syntax' | 'quote' | 'yaml'>, options: EscapeOptions): string {
  switch (block.syntax) {
    case 'title':
      return joinLines(text.split('\n').map((line) => escapeTitle(line, block.quote ?? '"')), options)
    case 'yaml-plain':
    case 'yaml-single':
    case 'yaml-double':
    case 'yaml-literal':
    case 'yaml-folded':
      return yamlScalar(text, block.syntax, block.yaml ?? {flow: false})
    // A part of flavour syntax stays on its one line.
    case 'line':
      return escapeMarkdown(text.replace(/\s*\n\s*/g, ' '), block, {atLineStart: false, definitions: true})
    case 'attribute':
      return text.replace(/\s*\n\s*/g, ' ').replace(/"/g, block.quote === '"' ? '&quot;' : '"')
    default:
      return escapeMarkdown(text, block, options)
  }
}

function escapeMarkdown(text: string, block: Pick<Block, 'syntax'>, options: EscapeOptions): string {
  // A blank line would end the paragraph (and the block quote or list item around it).
  const lines = text.replace(/\n[ \t]*(?:\n[ \t]*)+/g, '\n').split('\n')
  const escaped = lines.map((line, index) => {
      const brackets = (options.definitions ?? true) || linkShape.test(line)
      let result = line.replace(brackets ? inlineSyntax : inlineSyntaxButBrackets, '\\$&').replace(opensSyntax, '\\<')
      if (block.syntax === 'table-cell') result = result.replace(/\|/g, '\\|')
      if (index > 0 || options.atLineStart) {
        // Leading spaces are dropped: four would start an indented code block.
        result = result.replace(/^[ \t]+/, '').replace(lineStartSyntax, (_, marker?: string, digits?: string, delimiter?: string, angle?: string) =>
          marker ? `\\${marker}` : angle ? '\\<' : `${digits}\\${delimiter}`
        )
      }
      // A closing sequence of an ATX heading (`Learn C #`) would be dropped.
      if (block.syntax === 'heading' && index === lines.length - 1) result = result.replace(/(^|[ \t])(#+)([ \t]*)$/, '$1\\$2$3')
      // Two trailing spaces before a line ending would make a hard break.
      if (index < lines.length - 1) result = result.replace(/[ \t]+$/, '')
      return result
    })
  return joinLines(escaped, options)
}

function joinLines(lines: readonly string[], options: EscapeOptions): string {
  let result = lines[0]!
  for (let index = 1; index < lines.length; index++) result += (options.lineBreaks?.[index - 1] ?? ' ') + lines[index]
  return result
}

// What may open a block at a line start (after a container prefix): ATX
// headings, block quotes, tables, list items, HTML, fences, thematic breaks,
// setext underlines, footnote definitions; or nothing at all (a blank line).
const blockStart = /^(?:[ \t]*$| {0,3}(?:[#>|]|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|<[A-Za-z/!?]|`{3}|~{3}|\[\^[^\]]*\]:|(?:[-*_][ \t]*){3,}$|=+[ \t]*$|-+[ \t]*$))/

/**
 * Whether a line of Markdown, after its container prefix, could start a
 * block or end one (a blank line) rather than continue a paragraph. Errs on
 * the side of yes.
 *
 * @param line The line's text after its container prefix.
 */
export function opensBlock(line: string): boolean {
  return blockStart.test(line)
}

function escapeTitle(text: string, quote: string): string {
  const special = quote === ')' ? /[\\()]/g : quote === "'" ? /[\\']/g : /[\\"]/g
  return text.replace(special, '\\$&')
}

const plainUnsafe = /^[\s\-?:,[\]{}#&*!|>'"%@`]|[\s]$|: | #|[\n\r\t]/
// Inside `[…]` or `{…}` these end a plain scalar wherever they are.
const flowIndicators = /[,[\]{}]/

/**
 * Write a front-matter scalar: in its own style when YAML reads that back as
 * meant (a block scalar under its source header and indentation, see
 * `yaml-block-scalar.ts`), else double-quoted (a JSON string is a YAML 1.2
 * double-quoted scalar, valid wherever the scalar was).
 */
function yamlScalar(text: string, syntax: YamlSyntax, context: YamlScalarContext): string {
  if (syntax === 'yaml-literal' || syntax === 'yaml-folded') {
    const style = syntax === 'yaml-literal' ? 'literal' : 'folded'
    const lines = text.replace(/\s+$/u, '')
    const written = writeBlockScalar(lines, style, context)
    if (written !== undefined) return written
    // The same value double-quoted: leading empty lines, the lines read as the style reads them, the source's chomping.
    return doubleQuoted((context.leading ?? '') + (blockScalarValue(lines, style) ?? lines) + (context.trailing ?? ''))
  }
  // Plain only when YAML reads it back as this very string (not a number, boolean, null…).
  if (syntax === 'yaml-plain' && text !== '' && !plainUnsafe.test(text) && yamlPrintable(text) && !(context.flow && flowIndicators.test(text)) && readsBack(text)) return text
  if (syntax === 'yaml-single' && !/[\n\r]/.test(text) && yamlPrintable(text)) return `'${text.replace(/'/g, "''")}'`
  return doubleQuoted(text)
}

type YamlSyntax = 'yaml-plain' | 'yaml-single' | 'yaml-double' | 'yaml-literal' | 'yaml-folded'

/** A JSON string, with the characters YAML does not allow raw escaped too. */
function doubleQuoted(text: string): string {
  return escapeNonPrintable(JSON.stringify(text))
}

/** Whether YAML 1.2 and 1.1 (Jekyll's Psych, older js-yaml) both read the plain scalar back as this string: `yes`, `on`, `1_000` are not strings in 1.1. */
function readsBack(text: string): boolean {
  try {
    return parse(text) === text && parse(text, {version: '1.1'}) === text
  } catch {
    return false
  }
}
