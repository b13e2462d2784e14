/**
 * Tokenize Markdown as remark-parse does (CommonMark, GFM, YAML and TOML
 * front matter). Takes: the BOM-less source. Returns: micromark's events,
 * the same events remark-parse builds its tree from.
 *
 * Two things make it cheaper than `parse()` per document, and neither
 * changes an event:
 *
 * - The parser is built once and reset before each document (its
 *   definitions, lazy lines and footnote labels), instead of combining
 *   every syntax extension again for each file.
 * - GFM literal autolinks are tried only where one can start. Their email
 *   construct is registered on every letter and digit, so without a gate
 *   micromark attempts it at the start of every word. A construct tried
 *   where it cannot succeed only fails, and its place becomes data, which
 *   micromark merges with the data around it; so refusing the attempt up
 *   front (in the construct's `previous`, which decides whether to try it)
 *   gives the same events. A kind that can start nowhere in the document
 *   is left out of its parser (one parser for each set of kinds): the text
 *   tokenizer then does not stop at every letter to ask. Where each can
 *   succeed, from its own tokenizer:
 *
 * > | mail a.b+c@example.org
 *          ^^^^^ email: a run of `[\w+.-]` that reaches an `@`
 * > | see www.example.org or https://x.org
 *         ^ www: `www.` (any case)     ^ protocol: `http://`, `https://` (any case)
 * - GFM tables are tried only where one can start or go on. The table
 *   construct is tried at the start of every flow line, and as an
 *   interruption at every line of a paragraph; at each it reads the whole
 *   line as a head row before looking at the next line for the delimiter
 *   row, so without a gate micromark reads every paragraph's text twice. A
 *   table's head row is followed by its delimiter row, a line of nothing
 *   but `|`, `-`, `:`, spaces and tabs, after container prefixes (`>`,
 *   spaces, tabs) and with at least one `-`; a table's body row follows its
 *   head or another row. Elsewhere the construct only fails, and refusing
 *   it up front gives the same events:
 *
 * > | a | b
 *     ^ head row: tried, the next line can be a delimiter row
 * > | --|--
 * > | c | d
 *     ^ body row: tried, a row is before it
 * > | A paragraph's line.
 *     ^ refused: the next line holds a letter
 * > | Its next line.
 */
import type {Code, Construct, ConstructRecord, Event, Extension, ParseContext, TokenizeContext} from 'micromark-util-types'
import {parse, postprocess, preprocess} from 'micromark'
import {combineExtensions} from 'micromark-util-combine-extensions'
import {gfmAutolinkLiteral} from 'micromark-extension-gfm-autolink-literal'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import {frontmatter} from 'micromark-extension-frontmatter'

/** Where literal autolinks can start in the document being tokenized (and its text, which the table gate reads too). */
interface Candidates {
  /** The document. */
  body: string
  /** `[start, at)` pairs, flat and sorted: runs of email characters ending right before an `@`. */
  email: number[]
  /** Whether the document holds `www.` (any case). */
  www: boolean
  /** Whether the document holds `http://` or `https://` (any case). */
  protocol: boolean
}

/** The parse context with the candidates of its current document. */
type Parser = ParseContext & {babeleCandidates?: Candidates}

/** How a literal autolink construct can start. */
type Kind = 'email' | 'www' | 'protocol'

const kinds: Record<string, Kind> = {emailAutolink: 'email', wwwAutolink: 'www', protocolAutolink: 'protocol'}

/**
 * The same extensions, in the same order, as remark-gfm (`gfm()`) and
 * remark-frontmatter, with only the literal autolinks of the `present` kinds.
 */
function extensionsWith(present: ReadonlySet<Kind>): Extension[] {
  return [combineExtensions([gated(gfmAutolinkLiteral(), present), gfmFootnote(), gfmStrikethrough({}), gatedTable(gfmTable()), gfmTaskListItem()]), frontmatter(['yaml', 'toml'])]
}

/** A parser for each set of literal autolink kinds a document can hold (named by the kinds, joined), made on first use. */
const shared = new Map<string, {parser: Parser; keys: Set<string>}>()

/**
 * @param body Source without a leading U+FEFF (offsets count UTF-16 code units of it).
 * @returns micromark events, postprocessed (text content tokenized, definitions resolved).
 */
export function tokenize(body: string): Event[] {
  const found = candidates(body)
  const parser = fresh(found)
  parser.babeleCandidates = found
  return postprocess(parser.document().write(preprocess()(body, undefined, true)))
}

/** The shared parser for a document with these candidates, as `parse()` would return it new. */
function fresh(found: Candidates): Parser {
  const present = (['email', 'www', 'protocol'] as const).filter((kind) => (kind === 'email' ? found.email.length > 0 : found[kind]))
  const name = present.join()
  let made = shared.get(name)
  if (!made) {
    const parser: Parser = parse({extensions: extensionsWith(new Set(present))})
    made = {parser, keys: new Set(Object.keys(parser))}
    shared.set(name, made)
  }
  const {parser, keys} = made
  // Extensions keep per-document state on the parser (GFM footnotes: `gfmFootnotes`).
  for (const key of Object.keys(parser)) if (!keys.has(key)) delete (parser as unknown as Record<string, unknown>)[key]
  parser.defined = []
  parser.lazy = {}
  return parser
}

function candidates(body: string): Candidates {
  const email: number[] = []
  for (let at = body.indexOf('@'); at !== -1; at = body.indexOf('@', at + 1)) {
    let start = at
    while (start > 0 && atext(body.charCodeAt(start - 1))) start--
    if (start < at) email.push(start, at)
  }
  return {body, email, www: /www\./i.test(body), protocol: /https?:\/\//i.test(body)}
}

/** The autolink-literal extension with only the constructs of the `present` kinds, each tried only where it can succeed. */
function gated(extension: Extension, present: ReadonlySet<Kind>): Extension {
  const text: ConstructRecord = {}
  const wrapped = new Map<Construct, Construct>()
  const wrap = (construct: Construct): Construct => {
    let result = wrapped.get(construct)
    if (!result) {
      result = gate(construct)
      wrapped.set(construct, result)
    }
    return result
  }
  for (const [code, value] of Object.entries(extension.text ?? {})) {
    const kept = (Array.isArray(value) ? value : [value as Construct]).filter((construct) => present.has(kindOf(construct))).map(wrap)
    if (kept.length > 0) text[code as unknown as number] = Array.isArray(value) ? kept : kept[0]!
  }
  return {text}
}

/** The kind of a literal autolink construct. */
function kindOf(construct: Construct): Kind {
  const kind = kinds[construct.name ?? '']
  if (!kind) throw new Error(`Cannot gate the autolink-literal construct \`${construct.name}\`: unknown to this version`)
  return kind
}

function gate(construct: Construct): Construct {
  const kind = kindOf(construct)
  const previous = construct.previous
  const tokenize = construct.tokenize
  return {
    ...construct,
    previous(this: TokenizeContext, code: Code) {
      return possible(this, kind) && (!previous || previous.call(this, code))
    },
    tokenize(this: TokenizeContext, effects, ok, nok) {
      const start = tokenize.call(this, effects, ok, nok)
      return (code) => (possible(this, kind) ? start(code) : nok(code))
    }
  }
}

/** Whether a literal autolink of `kind` can start at the current character. */
function possible(context: TokenizeContext, kind: Kind): boolean {
  const found = (context.parser as Parser).babeleCandidates!
  if (kind === 'email') {
    if (found.email.length === 0) return false
    return inRuns(found.email, context.now().offset)
  }
  if (!found[kind]) return false
  const offset = context.now().offset
  const body = found.body
  if (kind === 'www') return (body.charCodeAt(offset) | 32) === 119 && (body.charCodeAt(offset + 1) | 32) === 119 && (body.charCodeAt(offset + 2) | 32) === 119 && body.charCodeAt(offset + 3) === 46
  return /^https?:\/\//i.test(body.slice(offset, offset + 8))
}

/** Whether `offset` lies in one of the flat, sorted `[start, end)` pairs. */
function inRuns(runs: readonly number[], offset: number): boolean {
  let low = 0
  let high = runs.length / 2
  while (low < high) {
    const middle = (low + high) >> 1
    if (runs[middle * 2 + 1]! <= offset) low = middle + 1
    else high = middle
  }
  return low < runs.length / 2 && runs[low * 2]! <= offset
}

/** The table extension with its construct tried only where a table can start or go on. */
function gatedTable(extension: Extension): Extension {
  const construct = extension.flow?.null
  if (!construct || Array.isArray(construct) || construct.name !== 'table' || Object.keys(extension).join() !== 'flow' || Object.keys(extension.flow!).join() !== 'null') {
    throw new Error('Cannot gate the GFM table construct: unknown to this version')
  }
  const tokenize = construct.tokenize
  const table: Construct = {
    ...construct,
    tokenize(this: TokenizeContext, effects, ok, nok) {
      const start = tokenize.call(this, effects, ok, nok)
      return (code) => (afterTableRow(this.events) || delimiterRowNext((this.parser as Parser).babeleCandidates!.body, this.now().offset) ? start(code) : nok(code))
    }
  }
  return {flow: {null: [table]}}
}

/** Whether the last event before trailing line endings and prefixes is a table's head or row: a body row may follow (the construct's own test). */
function afterTableRow(events: readonly Event[]): boolean {
  let index = events.length - 1
  while (index > -1 && (events[index]![1].type === 'lineEnding' || events[index]![1].type === 'linePrefix')) index--
  const type = index > -1 ? events[index]![1].type : undefined
  return type === 'tableHead' || type === 'tableRow'
}

/**
 * Whether the line after the one holding `offset` can be a table's
 * delimiter row: it exists, and holds only `|`, `-`, `:`, `>`, spaces and
 * tabs, with at least one `-` (container prefixes are `>`, spaces and tabs;
 * a delimiter row's cells are dashes with optional colons, between pipes).
 */
function delimiterRowNext(body: string, offset: number): boolean {
  lineEnding.lastIndex = offset
  const ending = lineEnding.exec(body)
  if (!ending) return false
  let dash = false
  for (let at = ending.index + ending[0].length; at < body.length; at++) {
    const code = body.charCodeAt(at)
    if (code === 10 || code === 13) break
    if (code === 45) dash = true
    else if (code !== 124 && code !== 58 && code !== 62 && code !== 32 && code !== 9) return false
  }
  return dash
}

/** A line ending: CRLF, CR or LF. */
const lineEnding = /\r\n?|\n/g

/** GFM's email characters (`atext`): ASCII letters and digits, `+`, `-`, `.`, `_`. */
function atext(code: number): boolean {
  return code === 43 || code === 45 || code === 46 || code === 95 || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}
