/**
 * Find the translatable blocks of a Markdown document. Takes: the BOM-less
 * source and its flavours. Returns: top-level blocks in source order (link
 * and image titles, and translatable parts of flavour syntax inside a code,
 * nested in the block whose code holds them) and messages.
 *
 * Translatable: paragraphs (also in lists, block quotes and footnotes),
 * headings, table cells, image alt text, link and definition titles, chosen
 * front-matter fields, titles and alt text inside flavour syntax. Code,
 * HTML, URLs, definitions and flavour syntax stay in the skeleton or become
 * placeholder codes.
 */
import {findSyntax, maskSyntax, syntaxRules, type Flavor, type SyntaxMatch, type SyntaxRule} from '../../flavor/index.ts'
import {lineStarts, pointAt} from '../../position.ts'
import type {Block, BlockSyntax, Diagnostic, Range} from '../../types.ts'
import {blockTree, type TreeNode, type Options as TreeOptions} from './block-tree.ts'
import {flavorSyntax} from './flavor-syntax.ts'
import {frontmatterBlocks} from './frontmatter.ts'
import {inlineCodes} from './inline-codes.ts'
import {parseKeyPath} from './key-path.ts'
import {textTokens} from './text-tokens.ts'
import {titleBlock} from './title.ts'

/** Options of {@linkcode markdownBlocks}. */
export interface Options {
  /**
   * Front-matter fields to translate, as key paths (default `['title', 'description']`):
   * `seo.description` (a nested key), `tags[]` (every item of a list), `hero.actions[].text`, `features[0].title`.
   */
  frontmatterKeys?: readonly string[] | null
  /** Documentation-site flavours whose syntax is never text (default none: CommonMark and GFM). */
  flavor?: readonly Flavor[] | null
  /** Code-finder patterns (JavaScript regex sources, flags `gmu`): matches become placeholder codes. */
  codeFinder?: readonly string[] | null
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

/** What every block finder reads. */
interface Context {
  /** The body with flavour syntax masked: structure is read here, text is the same as the body's. */
  body: string
  syntax: readonly SyntaxMatch[]
  locate: (offset: number) => {line: number; column: number}
  read: TreeReader
}

const defaultKeys = ['title', 'description'] as const

/** Builds the tree blocks are read from (offsets moved by `shift`): {@linkcode blockTree}, or remark-parse's mdast in tests. */
export type TreeReader = (body: string, options?: TreeOptions | null) => TreeNode

/**
 * @param text Markdown source, possibly with a BOM and CRLF line endings.
 * @param options Configuration.
 */
export function markdownBlocks(text: string, options?: Options | null): {value: MarkdownBlocks; messages: Diagnostic[]} {
  return readBlocks(text, options, blockTree)
}

/**
 * {@linkcode markdownBlocks} over trees from `read`. Only tests pass another
 * reader than {@linkcode blockTree}: remark-parse's mdast, the reference
 * the lean tree must read the same as.
 *
 * @param text Markdown source.
 * @param options Configuration.
 * @param read Tree builder.
 */
export function readBlocks(text: string, options: Options | null | undefined, read: TreeReader): {value: MarkdownBlocks; messages: Diagnostic[]} {
  const bom = text.charCodeAt(0) === 0xfeff
  const body = bom ? text.slice(1) : text
  const locate = locator(body)
  const paths = (options?.frontmatterKeys ?? defaultKeys).map((key) => {
    const path = parseKeyPath(key)
    if ('reason' in path) throw new TypeError(`Cannot use \`${key}\` in \`options.frontmatterKeys\`: ${path.reason}`)
    return path.steps
  })
  const rules = syntaxRules(options)
  const syntax = flavorSyntax(body, rules, (masked) => read(masked))
  const context: Context = {body: syntax.masked, syntax: syntax.matches, locate, read}
  const blocks: Block[] = []
  const messages: Diagnostic[] = []
  let definitions = false

  const visit = (node: TreeNode, inBlockQuote: boolean): void => {
    const range = node.position ? {start: node.position.start.offset!, end: node.position.end.offset!} : undefined
    switch (node.type) {
      case 'paragraph':
        add(phrasingBlock(context, node, 'paragraph', 'markdown', inBlockQuote))
        return
      case 'heading':
        add(phrasingBlock(context, node, 'heading', 'heading', inBlockQuote))
        return
      case 'tableCell':
        add(phrasingBlock(context, node, 'tableCell', 'table-cell', inBlockQuote))
        return
      case 'yaml': {
        const found = frontmatterBlocks(body, range!, {paths, locate})
        blocks.push(...found.blocks)
        messages.push(...found.messages)
        return
      }
      case 'footnoteDefinition':
        definitions = true
        for (const child of node.children!) visit(child, inBlockQuote)
        return
      case 'definition':
        definitions = true
        if (node.title) add(titleBlock(context.body, range!, node.title, {inBlockQuote, counter: {next: 1}, syntax: context.syntax, locate}))
        return
      default:
        if (node.children) for (const child of node.children) visit(child, inBlockQuote || node.type === 'blockquote')
    }
  }

  // A block with nothing to translate is dropped, but a title inside it is not.
  const add = (block: Block | undefined): void => {
    if (!block) return
    if (hasText(block)) blocks.push(block)
    else blocks.push(...block.children)
  }

  visit(syntax.tree, false)
  return {value: {bom, body, blocks: withSyntaxTexts(body, blocks, syntax.matches, {rules, locate, read}), definitions}, messages}
}

/** Whether a block has something to translate: a letter or digit in its text. */
function hasText(block: Block): boolean {
  return block.tokens.some((token) => token.type === 'text' && /[\p{L}\p{N}]/u.test(token.value))
}

function phrasingBlock(context: Context, node: TreeNode, kind: string, syntax: BlockSyntax, inBlockQuote: boolean): Block | undefined {
  const children = node.children!
  if (children.length === 0) return
  const first = children[0]!.position
  const last = children.at(-1)!.position
  // GFM's autolink transform can leave a text node without a position; the
  // paragraph's own range is then the content range.
  const range: Range = first && last ? {start: first.start.offset!, end: last.end.offset!} : {start: node.position!.start.offset!, end: node.position!.end.offset!}
  const titles: Block[] = []
  const tokens = inlineCodes(context.body, children, range, {inBlockQuote, counter: {next: 1}, syntax: context.syntax, titles, locate: context.locate})
  const {line, column} = context.locate(range.start)
  return {kind, syntax, range, line, column, tokens, children: titles}
}

/**
 * The translatable parts of flavour syntax (a container's title, alt text)
 * as blocks: nested in the block whose code holds them, else top-level.
 *
 * > | ::: tip Un consiglio
 *             ^^^^^^^^^^^^ a top-level block: the marker line is skeleton
 */
function withSyntaxTexts(body: string, blocks: Block[], matches: readonly SyntaxMatch[], context: TextContext): Block[] {
  const texts = matches.flatMap((match) => (match.text ? [syntaxText(body, match.text, context)] : [])).filter((block) => hasText(block))
  if (texts.length === 0) return blocks
  const result = [...blocks]
  for (const text of texts) {
    const holder = result.find((block) => block.range.start <= text.range.start && text.range.end <= block.range.end)
    const list = holder ? holder.children : result
    let index = list.length
    while (index > 0 && list[index - 1]!.range.start > text.range.start) index--
    list.splice(index, 0, text)
  }
  return result
}

/** What reading a translatable part of flavour syntax needs. */
interface TextContext {
  /** The document's syntax rules, for syntax inside the part (`:material-check:` in a title). */
  rules: readonly SyntaxRule[]
  locate: Context['locate']
  read: TreeReader
}

/**
 * A translatable part of flavour syntax. A `line` part is inline Markdown
 * (a container title may hold emphasis, code or a link), read on its own;
 * flavour syntax inside it is a placeholder code, as anywhere.
 */
function syntaxText(body: string, text: NonNullable<SyntaxMatch['text']>, context: TextContext): Block {
  const children: Block[] = []
  const inner = findSyntax(body, context.rules, {skip: [], within: text.range})
  const masked = inner.length > 0 ? body.slice(0, text.range.start) + maskSyntax(body.slice(text.range.start, text.range.end), inner.map((match) => ({...match, range: {start: match.range.start - text.range.start, end: match.range.end - text.range.start}}))) + body.slice(text.range.end) : body
  const options = {inBlockQuote: false, counter: {next: 1}, titles: children, syntax: inner, locate: context.locate}
  const paragraph = text.syntax === 'line' ? onlyParagraph(masked, text.range, context.read) : undefined
  const tokens = paragraph ? inlineCodes(masked, paragraph.children!, text.range, options) : textTokens(masked, text.range, options)
  const {line, column} = context.locate(text.range.start)
  return {kind: text.kind, syntax: text.syntax, range: text.range, line, column, ...(text.quote === undefined ? {} : {quote: text.quote}), tokens, children}
}

/** The range read alone as one paragraph that fills it (offsets are the body's), or nothing. */
function onlyParagraph(body: string, range: Range, read: TreeReader): TreeNode | undefined {
  const tree = read(body.slice(range.start, range.end), {shift: range.start})
  const paragraph = tree.children![0]
  if (tree.children!.length !== 1 || paragraph?.type !== 'paragraph') return
  return paragraph.position!.start.offset === range.start && paragraph.position!.end.offset === range.end ? paragraph : undefined
}

/** Map offsets of `body` to 1-based lines and columns. */
export function locator(body: string): (offset: number) => {line: number; column: number} {
  const starts = lineStarts(body)
  return (offset) => pointAt(starts, offset)
}
