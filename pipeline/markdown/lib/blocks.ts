/**
 * Find the translatable blocks of a Markdown document. Takes: the BOM-less
 * source. Returns: top-level blocks in source order (link and image titles
 * nested in the block whose code holds them) and messages.
 *
 * Translatable: paragraphs (also in lists, block quotes and footnotes),
 * headings, table cells, image alt text, link and definition titles, chosen
 * front-matter fields. Code, HTML, URLs and definitions stay in the skeleton.
 */
import type {Nodes, PhrasingContent} from 'mdast'
import type {Block, BlockSyntax, Diagnostic, Range} from '../../types.ts'
import {pointAt} from '../../position.ts'
import {frontmatterBlocks} from './frontmatter.ts'
import {inlineCodes} from './inline-codes.ts'
import {parseKeyPath} from './key-path.ts'
import {parseMarkdown} from './parse.ts'
import {titleBlock} from './title.ts'

/** Options of {@linkcode markdownBlocks}. */
export interface Options {
  /**
   * Front-matter fields to translate, as key paths (default `['title', 'description']`):
   * `seo.description` (a nested key), `tags[]` (every item of a list), `hero.actions[].text`, `features[0].title`.
   */
  frontmatterKeys?: readonly string[] | null
}

/** The source split into blocks. */
export interface MarkdownBlocks {
  /** Whether the text started with a BOM. */
  bom: boolean
  /** The text without its BOM; every offset refers to it. */
  body: string
  /** Top-level blocks in source order. */
  blocks: Block[]
  /** Whether the document defines link references or footnotes (then `[…]` in changed text must be escaped). */
  definitions: boolean
}

const defaultKeys = ['title', 'description'] as const

/**
 * @param text Markdown source, possibly with a BOM and CRLF line endings.
 * @param options Configuration.
 */
export function markdownBlocks(text: string, options?: Options | null): {value: MarkdownBlocks; messages: Diagnostic[]} {
  const bom = text.charCodeAt(0) === 0xfeff
  const body = bom ? text.slice(1) : text
  const locate = locator(body)
  const paths = (options?.frontmatterKeys ?? defaultKeys).map((key) => {
    const path = parseKeyPath(key)
    if ('reason' in path) throw new TypeError(`Cannot use \`${key}\` in \`options.frontmatterKeys\`: ${path.reason}`)
    return path.steps
  })
  const blocks: Block[] = []
  const messages: Diagnostic[] = []
  let definitions = false

  const visit = (node: Nodes, inBlockQuote: boolean): void => {
    const range = node.position ? {start: node.position.start.offset!, end: node.position.end.offset!} : undefined
    switch (node.type) {
      case 'paragraph':
        add(phrasingBlock(body, node, 'paragraph', 'markdown', inBlockQuote, locate))
        return
      case 'heading':
        add(phrasingBlock(body, node, 'heading', 'heading', inBlockQuote, locate))
        return
      case 'tableCell':
        add(phrasingBlock(body, node, 'tableCell', 'table-cell', inBlockQuote, locate))
        return
      case 'yaml': {
        const found = frontmatterBlocks(body, range!, {paths, locate})
        blocks.push(...found.blocks)
        messages.push(...found.messages)
        return
      }
      case 'footnoteDefinition':
        definitions = true
        for (const child of node.children) visit(child, inBlockQuote)
        return
      case 'definition':
        definitions = true
        if (node.title) add(titleBlock(body, range!, node.title, {inBlockQuote, counter: {next: 1}, locate}))
        return
      default:
        if ('children' in node) for (const child of node.children) visit(child as Nodes, inBlockQuote || node.type === 'blockquote')
    }
  }

  // A block with nothing to translate is dropped, but a title inside it is not.
  const add = (block: Block | undefined): void => {
    if (!block) return
    if (block.tokens.some((token) => token.type === 'text' && /[\p{L}\p{N}]/u.test(token.value))) blocks.push(block)
    else blocks.push(...block.children)
  }

  visit(parseMarkdown(body), false)
  return {value: {bom, body, blocks, definitions}, messages}
}

function phrasingBlock(body: string, node: Nodes & {children: PhrasingContent[]}, kind: string, syntax: BlockSyntax, inBlockQuote: boolean, locate: (offset: number) => {line: number; column: number}): Block | undefined {
  const children = node.children
  if (children.length === 0) return
  const first = children[0]!.position
  const last = children.at(-1)!.position
  // GFM's autolink transform can leave a text node without a position; the
  // paragraph's own range is then the content range.
  const range: Range = first && last ? {start: first.start.offset!, end: last.end.offset!} : {start: node.position!.start.offset!, end: node.position!.end.offset!}
  const titles: Block[] = []
  const tokens = inlineCodes(body, children, range, {inBlockQuote, counter: {next: 1}, titles, locate})
  const {line, column} = locate(range.start)
  return {kind, syntax, range, line, column, tokens, children: titles}
}

/** Map offsets of `body` to 1-based lines and columns. */
export function locator(body: string): (offset: number) => {line: number; column: number} {
  const starts = [0]
  for (let index = 0; index < body.length; index++) {
    const char = body.charCodeAt(index)
    if (char === 10 || (char === 13 && body.charCodeAt(index + 1) !== 10)) starts.push(index + 1)
  }
  return (offset) => pointAt(starts, offset)
}
