/**
 * Turn a block's inline Markdown into tokens: translatable text and inline
 * codes. Takes: the source, the block's phrasing nodes and range. Returns:
 * tokens in source order, plus title blocks found inside link and image codes.
 *
 * Codes keep source ranges, never copies of bytes. Text tokens either equal
 * their source slice, or are one soft line break (`\n`) whose range also
 * covers trailing spaces and the next line's container prefix:
 *
 * > | > foo
 * > | > bar
 *        ^^^ one token: value `\n`, range `\n> `
 */
import type {Block, InlineCode, Range, Token} from '../../types.ts'
import type {TreeNode} from './block-tree.ts'
import {titleBlock} from './title.ts'
import {createCode as code, textTokens, type TextOptions} from './text-tokens.ts'

/** Options of {@linkcode inlineCodes}. */
export interface Options extends TextOptions {
  /** Receives link and image title blocks found in codes. */
  titles: Block[]
  /** Maps an offset to its line and column. */
  locate: (offset: number) => {line: number; column: number}
}

/**
 * Tokenize the phrasing `nodes` that fill `range` of `body`.
 *
 * @param body Source text the offsets refer to.
 * @param nodes Phrasing children of the block.
 * @param range Range of the block's content.
 * @param options Context of the block.
 * @returns Tokens tiling `range`.
 */
export function inlineCodes(body: string, nodes: TreeNode[], range: Range, options: Options): Token[] {
  const tokens: Token[] = []
  const ranges = nodeRanges(body, nodes, range)
  const marker = options.inBlockQuote ? alertMarker(body, nodes, ranges, range) : undefined
  if (marker) placeholder(options, 'other', 'alert', marker, tokens)
  phrasing(body, nodes, range, options, tokens, ranges, marker?.end ?? range.start)
  return tokens
}

/**
 * An alert or directive marker opening a block quote (GitHub `[!NOTE]`,
 * Microsoft Docs `[!Video https://…]`, `[!INCLUDE [a](b)]`): syntax that
 * must not be translated. Only a text node may run past its end.
 *
 * > | > [!NOTE]
 *       ^^^^^^^ one placeholder
 */
function alertMarker(body: string, nodes: TreeNode[], ranges: Range[], range: Range): Range | undefined {
  if (!body.startsWith('[!', range.start) || !/[A-Za-z]/.test(body[range.start + 2] ?? '')) return
  let depth = 0
  for (let index = range.start; index < range.end; index++) {
    const char = body[index]
    if (char === '\\') index++
    else if (char === '\n' || char === '\r') return
    else if (char === '[') depth++
    else if (char === ']' && --depth === 0) {
      const end = index + 1
      const cut = nodes.findIndex((node, position) => ranges[position]!.start < end && ranges[position]!.end > end && node.type !== 'text')
      return cut === -1 ? {start: range.start, end} : undefined
    }
  }
}

function phrasing(body: string, nodes: TreeNode[], range: Range, options: Options, tokens: Token[], ranges = nodeRanges(body, nodes, range), from = range.start): void {
  let cursor = from
  for (const [index, node] of nodes.entries()) {
    const {start, end} = ranges[index]!
    // Nodes that could not be placed share one range: it is tokenized once, as text.
    if (end <= from || start < cursor) continue
    if (start < from) {
      textTokens(body, {start: from, end}, options, tokens)
      cursor = end
      continue
    }
    if (start > cursor) gap(body, {start: cursor, end: start}, options, tokens)
    one(body, node, {start, end}, options, tokens)
    cursor = end
  }
  if (range.end > cursor) gap(body, {start: cursor, end: range.end}, options, tokens)
}

/**
 * Source ranges of sibling nodes. GFM's literal-autolink transform leaves the
 * nodes it creates without positions, so a link is found by its text and
 * other nodes fill the space between their neighbours:
 *
 * > | voir https://example.org/x ici
 *          ^^^^^^^^^^^^^^^^^^^^^ found by the link's text
 */
function nodeRanges(body: string, nodes: TreeNode[], range: Range): Range[] {
  const ranges: Array<Range | undefined> = []
  let cursor = range.start
  for (const [index, node] of nodes.entries()) {
    let found: Range | undefined
    if (node.position) found = {start: node.position.start.offset!, end: node.position.end.offset!}
    else if (node.type === 'link') {
      const text = (node.children ?? []).map((child) => child.value ?? '').join('')
      const limit = nodes.slice(index + 1).find((next) => next.position)?.position!.start.offset ?? range.end
      found = locate(body, text, cursor, limit)
    }
    ranges.push(found)
    if (found) cursor = found.end
  }
  return ranges.map((found, index) => {
    if (found) return found
    const start = ranges.slice(0, index).findLast(Boolean)?.end ?? range.start
    const end = ranges.slice(index + 1).find(Boolean)?.start ?? range.end
    return {start, end}
  })
}

/**
 * Find `text` in `body[from, limit)`, where any ASCII punctuation may be
 * written with a backslash escape (GFM finds `foo+@bar.example.com` in
 * `foo\+@bar.example.com`).
 */
function locate(body: string, text: string, from: number, limit: number): Range | undefined {
  if (!text) return
  const pattern = new RegExp([...text].map((char) => (/[!-/:-@[-`{-~]/.test(char) ? '\\\\?' : '') + char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join(''), 'g')
  pattern.lastIndex = from
  const match = pattern.exec(body)
  return match && match.index + match[0].length <= limit ? {start: match.index, end: match.index + match[0].length} : undefined
}

/** Bytes between sibling nodes: the container prefix after a hard break, mostly. */
function gap(body: string, range: Range, options: Options, tokens: Token[]): void {
  const last = tokens.at(-1)
  // The next line's container prefix after a text node that ends with its line.
  if (last?.type === 'text' && last.value === '\n' && last.range.end === range.start && /^[ \t>]*$/.test(body.slice(range.start, range.end))) {
    last.range.end = range.end
    return
  }
  if (last && last.type !== 'text' && /^[ \t>]*$/.test(body.slice(range.start, range.end))) {
    const side = last.type === 'close' ? last.code.close! : last.type === 'ph' ? last.code.open : undefined
    if (side && side.end === range.start) {
      side.end = range.end
      return
    }
  }
  textTokens(body, range, options, tokens)
}

function one(body: string, node: TreeNode, range: Range, options: Options, tokens: Token[]): void {
  switch (node.type) {
    case 'text':
      textTokens(body, range, options, tokens)
      return
    case 'emphasis':
    case 'strong':
    case 'delete':
      paired(body, node, range, 'fmt', node.type, options, tokens)
      return
    case 'link':
    case 'linkReference':
      if (body.charCodeAt(range.start) !== 91 /* [ */) {
        placeholder(options, 'link', 'autolink', range, tokens)
        return
      }
      paired(body, node, range, 'link', 'link', options, tokens)
      return
    case 'image':
    case 'imageReference':
      image(body, node, range, options, tokens)
      return
    case 'inlineCode':
      placeholder(options, 'code', 'inlineCode', range, tokens)
      return
    case 'break':
      placeholder(options, 'break', 'break', range, tokens)
      return
    case 'html':
      placeholder(options, 'html', 'html', range, tokens)
      return
    case 'footnoteReference':
      placeholder(options, 'other', 'footnote', range, tokens)
      return
    default:
      placeholder(options, 'other', node.type, range, tokens)
  }
}

function placeholder(options: Options, type: InlineCode['type'], subType: string, range: Range, tokens: Token[]): void {
  tokens.push({type: 'ph', code: code(options.counter, 'ph', type, subType, {...range})})
}

function paired(body: string, node: TreeNode, range: Range, type: InlineCode['type'], subType: string, options: Options, tokens: Token[]): void {
  const children = node.children ?? []
  if (children.length === 0) {
    placeholder(options, type, subType, range, tokens)
    addTitle(body, node, range, options)
    return
  }
  const contentStart = children[0]!.position!.start.offset!
  const contentEnd = children.at(-1)!.position!.end.offset!
  const pair = code(options.counter, 'pc', type, subType, {start: range.start, end: contentStart}, undefined, {start: contentEnd, end: range.end})
  if (node.type === 'linkReference' && node.referenceType !== 'full') pair.referenceLabel = body.slice(contentStart, contentEnd)
  tokens.push({type: 'open', code: pair})
  phrasing(body, children, {start: contentStart, end: contentEnd}, options, tokens)
  tokens.push({type: 'close', code: pair})
  addTitle(body, node, {start: contentEnd, end: range.end}, options)
}

/**
 * An image's alt text is translatable content between `![` and `](…)`; mdast
 * keeps only its plain string, so find its end by matching brackets:
 *
 * > | ![a [b] c](x.png "t")
 *               ^ alt ends here
 */
function image(body: string, node: TreeNode, range: Range, options: Options, tokens: Token[]): void {
  const altStart = range.start + 2
  let depth = 0
  let index = altStart
  for (; index < range.end; index++) {
    const char = body.charCodeAt(index)
    if (char === 92) index++
    else if (char === 91) depth++
    else if (char === 93) {
      if (depth === 0) break
      depth--
    }
  }
  const alt = body.slice(altStart, index)
  if (index >= range.end || !/[\p{L}\p{N}]/u.test(alt)) {
    placeholder(options, 'image', 'image', range, tokens)
    addTitle(body, node, range, options)
    return
  }
  const pair = code(options.counter, 'pc', 'image', 'image', {start: range.start, end: altStart}, undefined, {start: index, end: range.end})
  if (node.type === 'imageReference' && node.referenceType !== 'full') pair.referenceLabel = alt
  tokens.push({type: 'open', code: pair})
  textTokens(body, {start: altStart, end: index}, options, tokens)
  tokens.push({type: 'close', code: pair})
  addTitle(body, node, {start: index, end: range.end}, options)
}

function addTitle(body: string, node: TreeNode, range: Range, options: Options): void {
  const title = typeof node.title === 'string' ? node.title : undefined
  if (!title) return
  const block = titleBlock(body, range, title, options)
  if (block) options.titles.push(block)
}
