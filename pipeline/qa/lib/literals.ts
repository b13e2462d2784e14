/**
 * URLs, e-mail addresses and code spans written in a translation's plain
 * text (not Markdown codes: those are U+FFFC and the structural rules'),
 * which a translation keeps as they are. Takes: a plain text. Returns: each
 * literal with its kind and UTF-16 range, in text order. `sourceLiterals`
 * and `targetLiterals` are the shared analyses of a QA context;
 * `literalChanges` compares them, the finding of the `url-changed` and
 * `code-span-changed` rules.
 *
 *   > | see https://example.org/a and `npm ci`
 *   >       ^^^^^^^^^^^^^^^^^^^^^     ^^^^^^^^ a URL, a code span
 *
 * URLs and e-mail addresses are found by linkify-it (markdown-it's link
 * finder): with a scheme (`https:`, `mailto:`), or without one when the
 * address starts with `www.`, has a path (`pic.twitter.com/x`) or a top-level
 * domain longer than two letters (`example.org`): a bare two-letter one
 * (`file.md`, `vale.it`) reads as a file name or a typo more often than as
 * an address. A code span is a run of backticks up to the next run of as
 * many (CommonMark's rule).
 */
import {LinkifyIt} from 'linkify-it'
import type {Diagnostic} from '../../types.ts'
import {finding, type QaContext, type Rule} from './rule.ts'

/** One literal in a text. */
export interface Literal {
  kind: 'url' | 'code-span'
  /** The literal as written. */
  text: string
  /** UTF-16 offset of its first code unit. */
  start: number
  /** Offset just past it. */
  end: number
}

let linkify: LinkifyIt | undefined
/** What every address linkify-it finds (as `literalsOf` keeps them) has: a scheme, `www.`, an `@`, or a dot before letters. */
const maybeAddress = /:|www\.|@|\.\p{L}/iu

/**
 * @param text A plain text (codes as U+FFFC).
 * @returns Its URLs, e-mail addresses and code spans, in text order; a URL inside a code span is the span's.
 */
function literalsOf(text: string): Literal[] {
  const spans = text.includes('`') ? codeSpans(text) : []
  // linkify-it is the costly part: most sentences have nothing it could find.
  if (!maybeAddress.test(text)) return spans
  const inSpan = (start: number) => spans.some((span) => start >= span.start && start < span.end)
  linkify ??= new LinkifyIt({fuzzyLink: true})
  const urls: Literal[] = []
  for (const match of linkify.match(text) ?? []) {
    if (inSpan(match.index)) continue
    if (match.schema === '' && !/^www\./i.test(match.raw) && !/^[^/]+\/./.test(match.raw) && !/\.[^./\d]{3,}$/.test(match.raw)) continue
    urls.push({kind: 'url', text: match.raw, start: match.index, end: match.lastIndex})
  }
  return [...spans, ...urls].sort((a, b) => a.start - b.start)
}

/**
 * @param literals Literals of a text.
 * @param offset An offset into that text.
 * @returns Whether the offset falls inside one of them.
 */
export function insideLiteral(literals: readonly Literal[], offset: number): boolean {
  return literals.some((literal) => offset >= literal.start && offset < literal.end)
}

/** Shared analysis: the literals of a context's source text. */
export function sourceLiterals(context: QaContext): Literal[] {
  return literalsOf(context.source.text)
}

/** Shared analysis: the literals of a context's target text. */
export function targetLiterals(context: QaContext): Literal[] {
  return literalsOf(context.target.text)
}

/**
 * The finding of a rule that keeps one kind of literal as written: none
 * when the target has the source's literals of that kind and no other, else
 * one naming both sides (expected: the source's the target lacks; actual:
 * the target's the source lacks).
 *
 * @param context The translation.
 * @param rule The rule (`url-changed`, `code-span-changed`).
 * @param kind URLs or code spans.
 * @param label What the message calls them (`URLs`).
 */
export function literalChanges(context: QaContext, rule: Rule, kind: Literal['kind'], label: string): Diagnostic[] {
  const {missing, extra} = literalDifference(context, kind)
  if (missing.length === 0 && extra.length === 0) return []
  // A code span shows its own backticks.
  const show = (literals: readonly string[]) => literals.map((literal) => (kind === 'code-span' ? literal : '`' + literal + '`')).join(', ')
  const parts = [missing.length > 0 ? `${show(missing)} of the source not in the target` : '', extra.length > 0 ? `${show(extra)} not in the source` : ''].filter(Boolean)
  return [finding(context, rule, `${label} changed: ${parts.join('; ')}`, {expected: missing, actual: extra})]
}

/** The source's literals of a kind the target lacks, and the target's the source lacks. */
function literalDifference(context: QaContext, kind: Literal['kind']): {missing: string[]; extra: string[]} {
  const extra = context.shared(targetLiterals).filter((literal) => literal.kind === kind).map((literal) => literal.text)
  const missing: string[] = []
  for (const literal of context.shared(sourceLiterals)) {
    if (literal.kind !== kind) continue
    const at = extra.indexOf(literal.text)
    if (at === -1) missing.push(literal.text)
    else extra.splice(at, 1)
  }
  return {missing, extra}
}

function codeSpans(text: string): Literal[] {
  const spans: Literal[] = []
  const runs = [...text.matchAll(/`+/g)]
  for (let index = 0; index < runs.length; index++) {
    const open = runs[index]!
    const close = runs.findIndex((run, at) => at > index && run[0].length === open[0].length)
    if (close === -1) continue
    const end = runs[close]!.index + runs[close]![0].length
    spans.push({kind: 'code-span', text: text.slice(open.index, end), start: open.index, end})
    index = close
  }
  return spans
}
