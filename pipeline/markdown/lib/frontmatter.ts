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

/** A scalar a path named: its style, value and range (YAML's, in the content), the path with list indices, whether it sits in a flow collection. */
export interface FoundScalar {
  type: Scalar['type']
  value: unknown
  range: readonly [number, number]
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
  const content = body.slice(contentStart, lastLine + 1)
  const found = new Map<number, FoundScalar>()
  const simple = simpleMap(content)
  if (simple) {
    // A flat map of scalars: only a path of one key names one.
    for (const steps of options.paths) {
      const scalar = steps.length === 1 && steps[0]!.type === 'key' ? simple.get(steps[0]!.key) : undefined
      if (scalar) found.set(scalar.range[0], scalar)
    }
  } else {
    const document = parseDocument(content, {keepSourceTokens: false})
    if (document.errors.length > 0) {
      const error = document.errors[0]!
      messages.push(diagnostic('frontmatter-invalid', `Front matter is not valid YAML (${error.code}); its fields are kept untranslated`, {source: 'markdown', severity: 'warning', place: options.locate(contentStart + error.pos[0])}))
      return {blocks, messages}
    }
    if (!isMap(document.contents)) return {blocks, messages}
    for (const steps of options.paths) walk(document.contents, steps, '', false, found)
  }

  for (const {type, value, range, path, flow} of [...found.values()].sort((a, b) => a.range[0] - b.range[0])) {
    const syntax = syntaxOf[type ?? '']
    if (!syntax || typeof value !== 'string' || !/[\p{L}\p{N}]/u.test(value)) continue
    const start = contentStart + range[0]
    const {line, column} = options.locate(start)
    const block: Block = {kind: `frontmatter:${path}`, syntax, range: {start, end: contentStart + range[1]}, line, column, tokens: [], children: []}
    let text = value
    const yaml: YamlScalarContext = {flow}
    if (syntax === 'yaml-literal' || syntax === 'yaml-folded') {
      const scalar = blockScalar(body, block.range, syntax === 'yaml-literal' ? 'literal' : 'folded', value)
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

/**
 * One line of the front matter most pages have, read as YAML reads it: a
 * plain key at the line's start, then a double-quoted value without escapes
 * or a plain value of one line that starts with a letter and holds no
 * indicator YAML reads inside one (`:`, `#`, quotes), nor anything YAML
 * would not take for a string:
 *
 * > | title: "Il vertice di Pechino"
 *            ^^^^^^^^^^^^^^^^^^^^^^^ double-quoted: the range holds the quotes
 * > | layout: post
 *             ^^^^ plain: the range ends at its last character
 */
const simpleLine = /^([A-Za-z][\w-]{0,200}): +(?:"([^"\\\p{Cc}\p{Cs}\u0085\u2028\u2029\uFEFF\uFFFE\uFFFF]*)"|([A-Za-z][^"'#:\\\p{Cc}\p{Cs}\u0085\u2028\u2029\uFEFF\uFFFE\uFFFF]*?)) *$/u
// Plain words the YAML core schema reads as null or a boolean, not a string.
const notString = /^(?:null|true|false)$/i

/**
 * The front matter as a flat map of string scalars by key, when every line
 * is empty or a {@linkcode simpleLine} and no key repeats; else `undefined`,
 * and the YAML parser reads it. Both read such a map the same:
 * `tests/frontmatter.test.ts` compares them.
 *
 * @param content The front matter between its fences, each line ending in `\n`.
 */
export function simpleMap(content: string): Map<string, FoundScalar> | undefined {
  if (content.includes('\r')) return undefined
  const map = new Map<string, FoundScalar>()
  let offset = 0
  while (offset < content.length) {
    const end = content.indexOf('\n', offset)
    const line = content.slice(offset, end === -1 ? content.length : end)
    if (line !== '') {
      const match = simpleLine.exec(line)
      if (!match) return undefined
      const key = match[1]!
      const quoted = match[2]
      const value = quoted ?? match[3]!
      if (map.has(key) || notString.test(key) || (quoted === undefined && notString.test(value))) return undefined
      const start = offset + line.indexOf(':') + 1 + /^ +/.exec(line.slice(line.indexOf(':') + 1))![0].length
      const length = quoted === undefined ? value.length : value.length + 2
      map.set(key, {type: quoted === undefined ? Scalar.PLAIN : Scalar.QUOTE_DOUBLE, value, range: [start, start + length], path: key, flow: false})
    }
    if (end === -1) break
    offset = end + 1
  }
  return map.size > 0 ? map : undefined
}

/** Collect the string scalars `steps` lead to from `node`, by their offset. */
function walk(node: Node | null | undefined, steps: readonly KeyStep[], path: string, flow: boolean, found: Map<number, FoundScalar>): void {
  if (!node) return
  if (steps.length === 0) {
    if (isScalar(node) && node.range) found.set(node.range[0], {type: node.type, value: node.value, range: [node.range[0], node.range[1]], path, flow})
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
