/**
 * Lint a Markdown source before it goes to translators. Takes: the text as
 * read (BOM and CRLF allowed) and options (language, termbase). Returns:
 * `{messages}`: findings in source order, each a diagnostic with
 * `source: 'lint'`, a rule id, the 1-based line and column of the problem
 * and, where one is known, a suggested fix (offsets into the text as read).
 *
 * Rules, each in its own file: `term-deprecated`, `term-near-miss` (both
 * need a termbase), `accent-apostrophe` (Italian only), `repeated-line`,
 * `link-empty-url`. Only Markdown's translatable text is read: code, HTML
 * and URLs are never linted as prose.
 */
import {isLanguageTag, primaryLanguage} from '../../language-tag.ts'
import {byPlace} from '../../diagnostic.ts'
import type {Flavor} from '../../flavor/index.ts'
import type {TermIndex, TermMatch, Termbase} from '../../glossary/index.ts'
import type {MarkdownBlocks} from '../../markdown/index.ts'
import type {Block, Diagnostic} from '../../types.ts'
import {accentApostrophe} from './accent-apostrophe.ts'
import {lintContext, type Rule} from './lint-context.ts'
import {linkEmptyUrl} from './link-empty-url.ts'
import {repeatedLine} from './repeated-line.ts'
import {termDeprecated} from './term-deprecated.ts'
import {termNearMiss} from './term-near-miss.ts'

/** Configuration for {@linkcode lintMarkdown}. */
export interface Options {
  /** Path copied into every finding. */
  file?: string | null | undefined
  /** BCP 47 tag of the source (default `it`); `accent-apostrophe` runs only for Italian. */
  language?: string | null | undefined
  /** Termbase for `term-deprecated` and `term-near-miss`; without it they do not run. */
  termbase?: Termbase | null | undefined
  /** The termbase compiled for `language` (`compileTermIndex`), to compile it once for many files. Default: compiled on first use and kept per termbase. */
  termIndex?: TermIndex | null | undefined
  /** Rule ids to run (default: all). */
  rules?: readonly string[] | null | undefined
  /** Front-matter fields that are text (default `['title', 'description']`), as in extraction. */
  frontmatterKeys?: readonly string[] | null | undefined
  /** Documentation-site flavours whose syntax is not text (default none), as in extraction. */
  flavor?: readonly Flavor[] | null | undefined
  /** Code-finder patterns whose matches are not text (default none), as in extraction. */
  codeFinder?: readonly string[] | null | undefined
  /**
   * The text's blocks, already found with the same `frontmatterKeys`,
   * `flavor` and `codeFinder` (`markdownBlocks`, or the document `fromMarkdown`
   * returns), so the text is not parsed again (default: parsed here).
   */
  parsed?: MarkdownBlocks | null | undefined
}

/** What {@linkcode lintMarkdown} returns. */
export interface LintResult {
  /** Findings, by line, then column. */
  messages: Diagnostic[]
  /**
   * With a termbase: the index the terms were matched with and, for each
   * translatable block (titles after the block that holds them), its plain
   * text and the terms found in it (`matchTerms`), for a caller to tell the
   * terms of parts of the text from them (`segmentMatches`) instead of
   * matching them again.
   */
  terms?: LintTerms
}

/** The terms the lint found in a document (`LintResult.terms`). */
export interface LintTerms {
  /** The index they were matched with. */
  index: TermIndex
  /** Each translatable block's, in order. */
  blocks: BlockTerms[]
}

/** A block's plain text (`plainText`: paired codes take no room, other codes read as U+FFFC) and the terms found in it. */
export interface BlockTerms {
  block: Block
  text: string
  matches: TermMatch[]
}

/** Every rule, in the order ties are reported. */
export const lintRules: readonly Rule[] = [termDeprecated, termNearMiss, accentApostrophe, repeatedLine, linkEmptyUrl]

const emptyOptions: Options = {}

/**
 * Lint a Markdown source.
 *
 * @param text Markdown as read.
 * @param options Configuration (optional).
 * @returns Findings.
 */
export function lintMarkdown(text: string, options?: Options | null): LintResult {
  if (typeof text !== 'string') throw new TypeError('Cannot lint `' + typeof text + '`, expected a string')
  const settings = options || emptyOptions
  const language = settings.language ?? 'it'
  if (!isLanguageTag(language)) {
    throw new TypeError('Cannot use `' + String(language) + '` for `options.language`, expected a BCP 47 tag such as `it`')
  }

  const file = settings.file ?? undefined
  if (file !== undefined && typeof file !== 'string') throw new TypeError('Cannot use `' + String(file) + '` for `options.file`, expected a string')
  const termbase = settings.termbase ?? undefined
  const termIndex = settings.termIndex ?? undefined
  if (termIndex && !termbase) throw new TypeError('Cannot use `options.termIndex` without `options.termbase`, expected the termbase it was compiled from')
  if (termIndex && primaryLanguage(termIndex.language) !== primaryLanguage(language)) {
    throw new TypeError('Cannot use terms compiled for `' + termIndex.language + '` on `' + language + '` text, expected the same language')
  }

  const wanted = settings.rules ?? undefined
  for (const id of wanted ?? []) {
    if (!lintRules.some((rule) => rule.id === id)) {
      throw new TypeError('Cannot use `' + id + '` in `options.rules`, expected ' + lintRules.map((rule) => '`' + rule.id + '`').join(', '))
    }
  }

  const context = lintContext(text, {file, language, termbase, termIndex, blocks: {frontmatterKeys: settings.frontmatterKeys, flavor: settings.flavor, codeFinder: settings.codeFinder}, parsed: settings.parsed ?? undefined})
  const messages: Diagnostic[] = []
  for (const rule of lintRules) if (!wanted || wanted.includes(rule.id)) messages.push(...rule.check(context))
  // Stable sort: rule order breaks ties.
  messages.sort(byPlace)
  if (!context.terms) return {messages}
  const matches = context.matches
  return {messages, terms: {index: context.terms.index, blocks: context.plain.map((one, at) => ({block: one.block, text: one.value, matches: matches[at]!}))}}
}
