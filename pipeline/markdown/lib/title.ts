/**
 * Find the title of a link, image or definition inside its source range, as a
 * block of its own (a sub-flow). Takes: the source, the range that ends with
 * the title, the title mdast decoded. Returns: a `title` block, or nothing
 * when the source does not hold that title (so it stays in the skeleton).
 *
 * > | [a](/url "Il titolo")
 *               ^^^^^^^^^ block range, inside the delimiters
 */
import type {Block, Range} from '../../types.ts'
import {textTokens, type TextOptions} from './text-tokens.ts'

const openerOf: Record<string, string> = {'"': '"', "'": "'", ')': '('}

/** Context of {@linkcode titleBlock}. */
export interface TitleOptions extends TextOptions {
  locate: (offset: number) => {line: number; column: number}
}

/**
 * @param body Source text.
 * @param range Range that ends with the title (and `)` for inline links).
 * @param title The decoded title, to check the match.
 * @param options Context.
 */
export function titleBlock(body: string, range: Range, title: string, options: TitleOptions): Block | undefined {
  let end = range.end
  if (body[end - 1] === ')' && body[range.start] === ']') end--
  while (end > range.start && /\s/.test(body[end - 1]!)) end--
  const quote = body[end - 1]
  const opener = quote ? openerOf[quote] : undefined
  if (!opener) return
  let start = end - 2
  while (start > range.start && !(body[start] === opener && !escaped(body, start))) start--
  if (body[start] !== opener || start <= range.start) return
  const content = {start: start + 1, end: end - 1}
  if (!/[\p{L}\p{N}]/u.test(body.slice(content.start, content.end))) return
  const tokens = textTokens(body, content, {inBlockQuote: options.inBlockQuote, counter: {next: 1}, syntax: options.syntax})
  const decoded = tokens.map((token) => (token.type === 'text' ? token.value : token.type === 'ph' ? token.code.equiv ?? '' : '')).join('')
  if (decoded.replace(/\s+/g, ' ') !== title.replace(/\s+/g, ' ')) return
  const {line, column} = options.locate(content.start)
  return {kind: 'title', syntax: 'title', range: content, line, column, quote, tokens, children: []}
}

function escaped(body: string, index: number): boolean {
  let count = 0
  while (index - count - 1 >= 0 && body[index - count - 1] === '\\') count++
  return count % 2 === 1
}
