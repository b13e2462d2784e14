/**
 * Build the tree block extraction reads, straight from micromark's events.
 * Takes: the BOM-less source. Returns: a tree in mdast's shape holding only
 * what `blocks.ts`, `inline-codes.ts` and `flavor-syntax.ts` read: node
 * types, `position.start.offset`/`end.offset`, children, link, image and
 * definition titles, reference types, and the values of the text nodes GFM's
 * autolink transform creates.
 *
 * remark-parse (mdast-util-from-markdown) builds every field of every node
 * (values, URLs, labels, identifiers, list spread, line and column of every
 * point), and its GFM transform runs regular expressions over the value of
 * every text node. Here those values are never built; where a field is
 * kept, it is computed as mdast-util-from-markdown computes it, so the tree
 * reads the same. Lists, list items and table rows are not nodes: their
 * children sit in the list or table, which changes no traversal in source
 * order. `tests/block-tree.test.ts` compares this tree with remark-parse's
 * over the CommonMark and GFM specs and the Italian documentation sample.
 *
 * GFM's autolink transform finds literal autolinks in text values
 * (`mailto:a@b.org`, and what escapes or references spell, as `www&#46;x.org`)
 * and replaces that text with nodes without positions. A text value can only
 * hold `@`, `www.` or `http(s)://` where its source does, or where an escape
 * or a character reference is (a value is its source without backslashes of
 * escapes, trailing spaces and container prefixes, which sit beside line
 * endings it keeps, and with references decoded); so the transform runs on
 * the text nodes whose source holds one of `@`, `&`, `\`, `www.`,
 * `http://` or `https://`, with their values built as mdast's are.
 */
import type {Event, Token} from 'micromark-util-types'
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import {decodeNumericCharacterReference} from 'micromark-util-decode-numeric-character-reference'
import {gfmAutolinkLiteralFromMarkdown} from 'mdast-util-gfm-autolink-literal'
import type {Root} from 'mdast'
import {tokenize} from './tokenize.ts'

/** A node of the tree: mdast's shape, only the fields block extraction reads (an mdast node is one too). */
export interface TreeNode {
  type: string
  /** Offsets only (no line or column); missing on nodes GFM's autolink transform made. */
  position?: {start: {offset?: number}; end: {offset?: number}}
  children?: TreeNode[]
  /** Link, image and definition titles, decoded. */
  title?: string | null
  /** Link and image references: `shortcut`, `collapsed`, `full`. */
  referenceType?: string
  /** Text values: only on text nodes GFM's autolink transform made or looked at. */
  value?: string
}

/** Options of {@linkcode blockTree}. */
export interface Options {
  /** Added to every offset (a slice read alone, placed back in its document). */
  shift?: number | null
}

/** A text node while the tree is built: where its events are, to build its value when needed. */
interface TextNode extends TreeNode {
  position: {start: {offset: number}; end: {offset: number}}
  /** Index of the event that opened it. */
  first: number
  /** Index of the last event that extended it. */
  last: number
}

// mdast-util-from-markdown's `canContainEols` with GFM's `delete`: where a line ending is text.
const eolContainers = new Set(['emphasis', 'fragment', 'heading', 'paragraph', 'strong', 'delete'])
// Tokens whose content mdast keeps only as a string value or drops: skipped whole.
const leaves: Record<string, string> = {
  codeFenced: 'code',
  codeIndented: 'code',
  codeText: 'inlineCode',
  htmlFlow: 'html',
  htmlText: 'html',
  yaml: 'yaml',
  toml: 'toml',
  hardBreakEscape: 'break',
  hardBreakTrailing: 'break',
  gfmFootnoteCall: 'footnoteReference',
  thematicBreak: 'thematicBreak'
}
const containers: Record<string, string> = {
  atxHeading: 'heading',
  setextHeading: 'heading',
  blockQuote: 'blockquote',
  paragraph: 'paragraph',
  listOrdered: 'list',
  listUnordered: 'list',
  table: 'table',
  tableHeader: 'tableCell',
  tableData: 'tableCell',
  gfmFootnoteDefinition: 'footnoteDefinition',
  emphasis: 'emphasis',
  strong: 'strong',
  strikethrough: 'delete',
  link: 'link',
  autolink: 'link',
  literalAutolink: 'link',
  image: 'image',
  definition: 'definition'
}
// Tokens whose text mdast keeps in a value that is never read here (URLs, labels, info strings).
const strings = new Set(['resourceDestinationString', 'referenceString', 'definitionDestinationString', 'definitionLabelString', 'gfmFootnoteDefinitionLabelString'])
// Tokens that are text (mdast-util-from-markdown's `onenterdata`).
const dataStarts = new Set(['data', 'characterEscape', 'characterReference', 'autolinkProtocol', 'autolinkEmail', 'literalAutolinkEmail', 'literalAutolinkHttp', 'literalAutolinkWww'])
// Tokens that end text (`onexitdata` and the reference's exit).
const dataEnds = new Set(['data', 'characterEscapeValue', 'characterReference', 'autolinkProtocol', 'autolinkEmail', 'literalAutolinkEmail', 'literalAutolinkHttp', 'literalAutolinkWww'])

const autolinkTransform = gfmAutolinkLiteralFromMarkdown().transforms![0]!
// Where a text value can hold a literal autolink (see the module comment).
const autolinkCandidate = /[@&\\]|www\.|https?:\/\//gi

/**
 * @param body Markdown without a leading U+FEFF.
 * @param options Offset shift.
 * @returns The root; node order and offsets are remark-parse's.
 */
export function blockTree(body: string, options?: Options | null): TreeNode {
  const shift = options?.shift ?? 0
  const events = tokenize(body)
  const root: TreeNode = {type: 'root', children: []}
  const stack: TreeNode[] = [root]
  let atHardBreak = false
  let slurpLineEnding = false
  let inReference = false
  let referenceType: string | undefined
  let checked = false

  const open = (type: string, token: Token, attach = true): TreeNode => {
    const node: TreeNode = {type, position: {start: {offset: token.start.offset + shift}, end: {offset: token.end.offset + shift}}}
    if (attach) stack.at(-1)!.children!.push(node)
    return node
  }
  const text = (token: Token, index: number): void => {
    const siblings = stack.at(-1)!.children!
    const tail = siblings.at(-1)
    if (tail?.type === 'text') return
    const node: TextNode = {type: 'text', position: {start: {offset: token.start.offset + shift}, end: {offset: token.end.offset + shift}}, first: index, last: index}
    siblings.push(node)
  }
  const extend = (token: Token, index: number): void => {
    const tail = stack.at(-1)!.children!.at(-1) as TextNode
    tail.position.end.offset = token.end.offset + shift
    tail.last = index
  }
  /** Index of the exit event of the token entered at `index`. */
  const exitOf = (index: number): number => {
    const token = events[index]![1]
    let end = index + 1
    while (events[end]![1] !== token) end++
    return end
  }

  for (let index = 0; index < events.length; index++) {
    const [kind, token] = events[index]!
    const type = token.type
    if (kind === 'enter') {
      const leaf = leaves[type]
      if (leaf) {
        index = exitOf(index)
        open(leaf, token)
        if (leaf === 'break') atHardBreak = true
        continue
      }
      const container = containers[type]
      if (container) {
        const node = open(container, token)
        if (container !== 'image' && container !== 'definition') node.children = []
        stack.push(node)
        continue
      }
      if (dataStarts.has(type)) text(token, index)
      else if (type === 'label') stack.push({type: 'fragment', children: []})
      else if (type === 'reference') referenceType = 'collapsed'
      else if (type === 'resourceTitleString' || type === 'definitionTitleString') {
        const end = exitOf(index)
        stack.at(-1)!.title = stringValue(events, index + 1, end)
        index = end
      } else if (strings.has(type)) {
        index = exitOf(index)
        if (type === 'referenceString') referenceType = 'full'
      }
      continue
    }

    if (dataEnds.has(type)) {
      extend(token, index)
      continue
    }
    if (containers[type]) {
      const node = stack.pop()!
      node.position!.end.offset = token.end.offset + shift
      if (type === 'link' || type === 'image') {
        if (inReference) {
          node.type += 'Reference'
          node.referenceType = referenceType ?? 'shortcut'
          delete node.title
        }
        referenceType = undefined
      } else if (type === 'setextHeading') slurpLineEnding = false
      else if (type === 'paragraph' && checked) {
        checked = false
        taskListHead(events, node)
      }
      continue
    }
    switch (type) {
      case 'lineEnding': {
        const context = stack.at(-1)!
        if (atHardBreak) {
          context.children!.at(-1)!.position!.end.offset = token.end.offset + shift
          atHardBreak = false
        } else if (!slurpLineEnding && eolContainers.has(context.type)) {
          text(token, index)
          extend(token, index)
        }
        break
      }
      case 'label': {
        const fragment = stack.pop()!
        const node = stack.at(-1)!
        inReference = true
        if (node.type === 'link') node.children = fragment.children
        break
      }
      case 'resource':
        inReference = false
        break
      case 'setextHeadingText':
        slurpLineEnding = true
        break
      case 'taskListCheckValueChecked':
      case 'taskListCheckValueUnchecked':
        checked = true
        break
      default:
    }
  }

  autolinkLiterals(body, events, root, shift)
  return root
}

/**
 * GFM task list items: mdast drops the space after `[x]` from the first
 * text of the paragraph (mdast-util-gfm-task-list-item).
 *
 * > | - [x] foo
 *          ^ the text starts after this space
 */
function taskListHead(events: Event[], paragraph: TreeNode): void {
  const head = paragraph.children![0]
  if (head?.type !== 'text') return
  const value = textValue(events, head as TextNode).slice(1)
  if (value.length === 0) {
    paragraph.children!.shift()
    return
  }
  head.value = value
  head.position!.start.offset! += 1
  paragraph.position!.start = {offset: head.position!.start.offset!}
}

/** Run GFM's autolink transform on each text node that may hold a literal autolink (outside links). */
function autolinkLiterals(body: string, events: Event[], root: TreeNode, shift: number): void {
  const found: number[] = []
  autolinkCandidate.lastIndex = 0
  for (let match = autolinkCandidate.exec(body); match; match = autolinkCandidate.exec(body)) found.push(match.index + shift)
  if (found.length === 0) return
  const visit = (node: TreeNode): void => {
    const children = node.children
    if (!children || node.type === 'link' || node.type === 'linkReference') return
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!
      if (child.type !== 'text') {
        visit(child)
        continue
      }
      if (!child.position || !holds(found, child.position.start.offset!, child.position.end.offset!)) continue
      const value = child.value ?? textValue(events, child as TextNode)
      const lone = {type: 'text', value, position: child.position}
      const wrapper = {type: 'paragraph', children: [lone]}
      autolinkTransform({type: 'root', children: [wrapper]} as unknown as Root)
      if (wrapper.children.length === 1 && wrapper.children[0] === lone) continue
      children.splice(index, 1, ...(wrapper.children as TreeNode[]))
      index += wrapper.children.length - 1
    }
  }
  visit(root)
}

/** Whether a sorted list of offsets has one in `[start, end)`. */
function holds(offsets: readonly number[], start: number, end: number): boolean {
  let low = 0
  let high = offsets.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (offsets[middle]! < start) low = middle + 1
    else high = middle
  }
  return low < offsets.length && offsets[low]! < end
}

/** A text node's value, as mdast-util-from-markdown builds it from its events. */
function textValue(events: Event[], node: TextNode): string {
  return stringValue(events, node.first, node.last + 1)
}

/**
 * The text of events `[from, to)`: data, escaped characters and line endings
 * as written, character references decoded (mdast's value of a text node,
 * or of a title).
 */
function stringValue(events: Event[], from: number, to: number): string {
  let value = ''
  let numeric: number | undefined
  for (let index = from; index < to; index++) {
    const [kind, token, context] = events[index]!
    if (kind !== 'exit') continue
    switch (token.type) {
      case 'characterReferenceMarkerNumeric':
        numeric = 10
        break
      case 'characterReferenceMarkerHexadecimal':
        numeric = 16
        break
      case 'characterReferenceValue': {
        const data = context.sliceSerialize(token)
        value += numeric ? decodeNumericCharacterReference(data, numeric) : (decodeNamedCharacterReference(data) as string)
        numeric = undefined
        break
      }
      case 'data':
      case 'characterEscapeValue':
      case 'lineEnding':
        value += context.sliceSerialize(token)
        break
      default:
    }
  }
  return value
}
