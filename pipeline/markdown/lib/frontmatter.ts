/**
 * Find the translatable fields of YAML front matter. Takes: the source, the
 * front matter node's range, the key paths to translate (`title`,
 * `seo.description`, `tags[]`, `hero.actions[].text`). Returns: one block per
 * string scalar a path names, in source order, covering the scalar as written:
 * with its quotes, or from a block scalar's header to its last character.
 *
 * > | title: "Il vertice"
 *            ^^^^^^^^^^^^ block range
 * > | description: >-
 *                  ^^ block range starts at the header…
 * > |   Una lunga descrizione
 * > |   su due righe.
 *                    ^ …and ends after the last character of the text
 *
 * The block's text is the scalar's value as YAML reads it (escapes decoded),
 * except for block scalars: their text is their content lines, without the
 * indentation, leading empty lines and final line breaks, so that a folded
 * scalar keeps its lines as a Markdown paragraph does (`yaml-block-scalar.ts`);
 * the header, indentation and chomping are kept in `block.yaml` so that
 * changed text is written back in the same style (`escape.ts`).
 */
import {diagnostic} from '../../diagnostic.ts'
import {isMap, isScalar, isSeq, parseDocument, Scalar, type Node} from 'yaml'
import type {Block, BlockSyntax, Diagnostic, Range, YamlScalarContext} from '../../types.ts'
import type {KeyStep} from './key-path.ts'
import {blockScalarValue, type BlockStyle} from './yaml-block-scalar.ts'

/** Context of {@linkcode frontmatterBlocks}. */
export interface FrontmatterOptions {
  /** Key paths whose string values are translatable, read by `parseKeyPath`. */
  paths: ReadonlyArray<readonly KeyStep[]>
  /** 1-based line and column of an offset. */
  locate: (offset: number) => {line: number; column: number}
}

const syntaxOf: Partial<Record<string, BlockSyntax>> = {
  [Scalar.PLAIN]: 'yaml-plain',
  [Scalar.QUOTE_SINGLE]: 'yaml-single',
  [Scalar.QUOTE_DOUBLE]: 'yaml-double',
  [Scalar.BLOCK_LITERAL]: 'yaml-literal',
  [Scalar.BLOCK_FOLDED]: 'yaml-folded'
}

/** A scalar a path named: its node, the path with list indices, whether it sits in a flow collection. */
interface Found {
  node: Scalar
  path: string
  flow: boolean
}

/**
 * @param body Source text.
 * @param range Range of the whole front matter, fences included.
 * @param options Key paths and locator.
 * @returns Blocks in source order, and messages (front matter that is not valid YAML).
 */
export function frontmatterBlocks(body: string, range: Range, options: FrontmatterOptions): {blocks: Block[]; messages: Diagnostic[]} {
  const blocks: Block[] = []
  const messages: Diagnostic[] = []
  const contentStart = body.indexOf('\n', range.start) + 1
  const lastLine = body.lastIndexOf('\n', range.end - 1)
  if (contentStart === 0 || lastLine < contentStart) return {blocks, messages}
  const document = parseDocument(body.slice(contentStart, lastLine + 1), {keepSourceTokens: false})
  if (document.errors.length > 0) {
    const error = document.errors[0]!
    messages.push(diagnostic('frontmatter-invalid', `Front matter is not valid YAML (${error.code}); its fields are kept untranslated`, {source: 'markdown', severity: 'warning', place: options.locate(contentStart + error.pos[0])}))
    return {blocks, messages}
  }
  if (!isMap(document.contents)) return {blocks, messages}

  const found = new Map<number, Found>()
  for (const steps of options.paths) walk(document.contents, steps, '', false, found)

  for (const {node, path, flow} of [...found.values()].sort((a, b) => a.node.range![0] - b.node.range![0])) {
    const syntax = syntaxOf[node.type ?? '']
    if (!syntax || typeof node.value !== 'string' || !/[\p{L}\p{N}]/u.test(node.value)) continue
    const start = contentStart + node.range![0]
    const {line, column} = options.locate(start)
    const block: Block = {kind: `frontmatter:${path}`, syntax, range: {start, end: contentStart + node.range![1]}, line, column, tokens: [], children: []}
    let text = node.value
    const yaml: YamlScalarContext = {flow}
    if (syntax === 'yaml-literal' || syntax === 'yaml-folded') {
      const scalar = blockScalar(body, block.range, syntax === 'yaml-literal' ? 'literal' : 'folded', node.value)
      block.range.end = scalar.end
      text = scalar.text
      Object.assign(yaml, scalar.yaml)
    }
    block.yaml = yaml
    block.tokens = [{type: 'text', value: text, range: block.range}]
    blocks.push(block)
  }
  return {blocks, messages}
}

/** Collect the string scalars `steps` lead to from `node`, by their offset. */
function walk(node: Node | null | undefined, steps: readonly KeyStep[], path: string, flow: boolean, found: Map<number, Found>): void {
  if (!node) return
  if (steps.length === 0) {
    if (isScalar(node) && node.range) found.set(node.range[0], {node, path, flow})
    return
  }
  const [step, ...rest] = steps as [KeyStep, ...KeyStep[]]
  if (step.type === 'key' && isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && String(pair.key.value) === step.key) {
        walk(pair.value as Node | null, rest, path === '' ? step.key : `${path}.${step.key}`, flow || Boolean(node.flow), found)
      }
    }
  } else if (step.type === 'item' && isSeq(node)) {
    node.items.forEach((item, index) => {
      if (step.index === undefined || step.index === index) walk(item as Node | null, rest, `${path}[${index}]`, flow || Boolean(node.flow), found)
    })
  }
}

/**
 * A block scalar's text and how it is written. The range runs from the
 * header to the last non-space character of the content; the text is the
 * content's lines without their indentation, leading empty lines and final
 * spaces and line breaks.
 *
 * @param body Source text.
 * @param range The scalar's range as YAML gives it (header to the end of its last line, trailing empty lines included).
 * @param style Literal or folded.
 * @param value The scalar's value.
 */
function blockScalar(body: string, range: Range, style: BlockStyle, value: string): {end: number; text: string; yaml: YamlScalarContext} {
  const source = body.slice(range.start, range.end)
  const headerEnd = source.search(/\r?\n|\r/)
  const header = headerEnd === -1 ? source : source.slice(0, headerEnd)
  const lineEnding = headerEnd === -1 ? '\n' : /^\r?\n|^\r/.exec(source.slice(headerEnd))![0]
  let end = range.end
  while (end > range.start + header.length && /\s/.test(body[end - 1]!)) end--
  const lines = source.slice(header.length, end - range.start).replace(/^\r?\n|^\r/, '').split(/\r?\n|\r/)
  // Leading empty lines are part of the value; the first line that is not
  // empty sets the indentation (less what the value keeps of it: `|2`).
  let first = 0
  while (first < lines.length && /^ *$/.test(lines[first]!)) first++
  const leading = '\n'.repeat(first)
  const kept = /^ */.exec(value.slice(leading.length))![0].length
  const indent = first < lines.length ? /^ */.exec(lines[first]!)![0].length - kept : 0
  const text = lines
    .slice(first)
    .map((line) => line.slice(Math.min(indent, /^ */.exec(line)![0].length)))
    .join('\n')
    .replace(/\s+$/u, '')
  const read = blockScalarValue(text, style) ?? text
  const trailing = value.startsWith(leading + read) ? value.slice(leading.length + read.length) : ''
  return {end, text, yaml: {flow: false, header, indent, lineEnding, leading, trailing}}
}
