/**
 * Prepare a Markdown document for the lint rules. Takes: the text as read
 * and the checked options. Returns: a context every rule reads: the body
 * without its BOM, the offset shift back to the text, a locator, the
 * translatable blocks (link and image titles included) as plain text, the
 * mdast tree, and the termbase with its compiled index, if given.
 */
import {diagnostic} from '../../diagnostic.ts'
import type {Root} from 'mdast'
import {compileTermIndex, matchTerms, type TermIndex, type TermMatch, type Termbase} from '../../glossary/index.ts'
import {locator, markdownBlocks, parseMarkdown, type MarkdownBlocks, type MarkdownOptions} from '../../markdown/index.ts'
import type {Block, Diagnostic, Range, Severity} from '../../types.ts'
import {plainText, type PlainText} from './plain-text.ts'

/** What a rule reads. */
export interface LintContext {
  /** Path copied into every finding. */
  file: string | undefined
  /** BCP 47 tag of the document (`it`). */
  language: string
  /** The text as read (a BOM included). */
  text: string
  /** The text without its BOM: every block, node and plain offset refers to it. */
  body: string
  /** Added to a body offset to get an offset into `text` (1 with a BOM, else 0). */
  shift: number
  /** Body offset to 1-based line and column. */
  locate: (offset: number) => {line: number; column: number}
  /** Translatable blocks in source order, titles after the block that holds them. */
  blocks: Block[]
  /** The plain text of each block, in the same order. */
  plain: PlainText[]
  /** Whether the document defines link references or footnotes. */
  definitions: boolean
  /** The mdast tree of the body (positions only), parsed on first call: most rules never need it. */
  tree: () => Root
  /** The termbase and its index in the document's language, when given. */
  terms: {termbase: Termbase; index: TermIndex} | undefined
  /** Term matches in each plain text (empty without a termbase). */
  matches: TermMatch[][]
}

/** A lint rule: a stable id and a check. */
export interface Rule {
  /** Stable kebab-case rule id (`term-deprecated`). */
  id: string
  /** Find the rule's problems in a document. */
  check: (context: LintContext) => Diagnostic[]
}

/** What {@linkcode finding} needs besides the place. */
export interface FindingFields {
  ruleId: string
  severity?: Severity
  message: string
  actual?: string | readonly string[]
  /** What would do instead: one value or alternatives. */
  expected?: string | readonly string[]
  /** Glossary concept the finding is about. */
  conceptId?: string
  /** A suggested replacement of the finding's range (or of `fix.range`, body offsets). */
  fix?: {replacement: string; safe: boolean; range?: Range}
}

const indexes = new WeakMap<Termbase, Map<string, TermIndex>>()

/**
 * @param text Markdown as read.
 * @param settings Checked options; `blocks` says which blocks are text (front-matter keys, flavours, code finder); `parsed`, the blocks already found with those options (not found again).
 * @returns The context.
 */
export function lintContext(text: string, settings: {file: string | undefined; language: string; termbase: Termbase | undefined; termIndex: TermIndex | undefined; blocks?: MarkdownOptions | undefined; parsed?: MarkdownBlocks | undefined}): LintContext {
  const value = settings.parsed ?? markdownBlocks(text, settings.blocks).value
  const blocks: Block[] = []
  const flatten = (block: Block): void => {
    blocks.push(block)
    for (const child of block.children) flatten(child)
  }

  for (const block of value.blocks) flatten(block)
  const termbase = settings.termbase
  const terms = termbase ? {termbase, index: settings.termIndex ?? cachedIndex(termbase, settings.language)} : undefined
  const plain = blocks.map((block) => plainText(block))
  let tree: Root | undefined
  return {
    file: settings.file,
    language: settings.language,
    text,
    body: value.body,
    shift: value.bom ? 1 : 0,
    locate: locator(value.body),
    blocks,
    plain,
    definitions: value.definitions,
    tree: () => (tree ??= parseMarkdown(value.body)),
    terms,
    matches: plain.map((one) => (terms ? matchTerms(one.value, terms.index) : []))
  }
}

/**
 * A finding at a body range: the one diagnostic shape, `source: 'lint'`,
 * line and column of the range's start, and the fix in text offsets.
 *
 * @param context Context.
 * @param range Body range of the problem.
 * @param fields Rule, severity (default `warning`), message, fix.
 */
export function finding(context: LintContext, range: Range, fields: FindingFields): Diagnostic {
  const {line, column} = context.locate(range.start)
  const target = fields.fix?.range ?? range
  return diagnostic(fields.ruleId, fields.message, {
    source: 'lint',
    severity: fields.severity ?? 'warning',
    file: context.file,
    place: {line, column, offset: range.start + context.shift},
    conceptId: fields.conceptId,
    expected: fields.expected,
    actual: fields.actual,
    fix: fields.fix ? {start: target.start + context.shift, end: target.end + context.shift, replacement: fields.fix.replacement, safe: fields.fix.safe} : undefined
  })
}

/** A term index per termbase and language, compiled once. */
function cachedIndex(termbase: Termbase, language: string): TermIndex {
  let byLanguage = indexes.get(termbase)
  if (!byLanguage) {
    byLanguage = new Map()
    indexes.set(termbase, byLanguage)
  }

  let index = byLanguage.get(language)
  if (!index) {
    index = compileTermIndex(termbase, {language})
    byLanguage.set(language, index)
  }

  return index
}
