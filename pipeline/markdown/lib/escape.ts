/**
 * Escape changed text so that it renders to itself where it is written.
 * Takes: the text, the block it goes into, whether it starts a line.
 * Returns: source text (Markdown, a link title or a YAML scalar).
 *
 * Unchanged text never goes through here: it is copied from the source.
 */
import {parse} from 'yaml'
import type {Block} from '../../types.ts'

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
  /** Line ending to write for `\n` (default `\n`; `\r\n` in a CRLF document). */
  lineEnding?: string | null
}

// A line whose brackets could make a link, image or footnote without a definition.
const linkShape = /\][([:]|\[\^|!\[/

/**
 * @param text Translated text (`\n` for a line break).
 * @param block The block it is written into (syntax, line prefix, quote).
 * @param options Position.
 */
export function escapeText(text: string, block: Pick<Block, 'syntax' | 'linePrefix' | 'quote'>, options: EscapeOptions): string {
  switch (block.syntax) {
    case 'title':
      return escapeTitle(text, block.quote ?? '"')
    case 'yaml-plain':
    case 'yaml-single':
    case 'yaml-double':
      return yamlScalar(text, block.syntax)
    default:
      return escapeMarkdown(text, block, options)
  }
}

function escapeMarkdown(text: string, block: Pick<Block, 'syntax' | 'linePrefix'>, options: EscapeOptions): string {
  const multiline = block.syntax === 'markdown'
  // A blank line would end the paragraph (and the block quote or list item around it).
  const lines = (multiline ? text.replace(/\n[ \t]*(?:\n[ \t]*)+/g, '\n') : text).split('\n')
  return lines
    .map((line, index) => {
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
    .join(multiline ? (options.lineEnding ?? '\n') + block.linePrefix : ' ')
}

function escapeTitle(text: string, quote: string): string {
  const special = quote === ')' ? /[\\()]/g : quote === "'" ? /[\\']/g : /[\\"]/g
  return text.replace(special, '\\$&')
}

const plainUnsafe = /^[\s\-?:,[\]{}#&*!|>'"%@`]|[\s]$|: | #|[\n\r\t]/

function yamlScalar(text: string, syntax: 'yaml-plain' | 'yaml-single' | 'yaml-double'): string {
  // Plain only when YAML reads it back as this very string (not a number, boolean, null…).
  if (syntax === 'yaml-plain' && text !== '' && !plainUnsafe.test(text) && readsBack(text)) return text
  if (syntax === 'yaml-single' && !/[\n\r]/.test(text)) return `'${text.replace(/'/g, "''")}'`
  return JSON.stringify(text) // JSON strings are YAML 1.2 double-quoted scalars
}

function readsBack(text: string): boolean {
  try {
    return parse(text) === text
  } catch {
    return false
  }
}
