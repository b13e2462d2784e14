/**
 * Find the translatable fields of YAML front matter. Takes: the source and
 * the front matter node's range, the field names to translate. Returns: one
 * block per top-level scalar field named, covering the scalar with its quotes.
 *
 * > | title: "Il vertice"
 *            ^^^^^^^^^^^^ block range
 */
import {isMap, isScalar, parseDocument, Scalar} from 'yaml'
import type {Block, BlockSyntax, Diagnostic, Range} from '../../types.ts'

/** Context of {@linkcode frontmatterBlocks}. */
export interface FrontmatterOptions {
  /** Top-level keys whose values are translatable. */
  keys: readonly string[]
  locate: (offset: number) => {line: number; column: number}
}

const syntaxOf: Partial<Record<string, BlockSyntax>> = {
  [Scalar.PLAIN]: 'yaml-plain',
  [Scalar.QUOTE_SINGLE]: 'yaml-single',
  [Scalar.QUOTE_DOUBLE]: 'yaml-double'
}

/**
 * @param body Source text.
 * @param range Range of the whole front matter, fences included.
 * @param options Keys and locator.
 * @returns Blocks and messages (a field in an unsupported style is reported, not extracted).
 */
export function frontmatterBlocks(body: string, range: Range, options: FrontmatterOptions): {blocks: Block[]; messages: Diagnostic[]} {
  const blocks: Block[] = []
  const messages: Diagnostic[] = []
  const contentStart = body.indexOf('\n', range.start) + 1
  const lastLine = body.lastIndexOf('\n', range.end - 1)
  if (contentStart === 0 || lastLine < contentStart) return {blocks, messages}
  const document = parseDocument(body.slice(contentStart, lastLine + 1), {keepSourceTokens: false})
  if (document.errors.length > 0 || !isMap(document.contents)) return {blocks, messages}
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !options.keys.includes(String(pair.key.value))) continue
    const value = pair.value
    if (!isScalar(value) || typeof value.value !== 'string' || !value.range) continue
    const syntax = syntaxOf[value.type ?? '']
    const start = contentStart + value.range[0]
    const {line, column} = options.locate(start)
    if (!syntax) {
      messages.push({line, column, ruleId: 'frontmatter-style', source: 'markdown', severity: 'warning', message: `Front-matter field \`${String(pair.key.value)}\` is a block scalar; it is kept untranslated`})
      continue
    }
    if (!/[\p{L}\p{N}]/u.test(value.value)) continue
    const blockRange = {start, end: contentStart + value.range[1]}
    blocks.push({
      kind: `frontmatter:${String(pair.key.value)}`,
      syntax,
      range: blockRange,
      line,
      column,
      tokens: [{type: 'text', value: value.value, range: blockRange}],
      children: []
    })
  }
  return {blocks, messages}
}
