/**
 * Build one localized document. Takes: the source document and a resolver.
 * Returns: the localized text, its coverage (see `coverage.ts`) and messages.
 *
 * A segment whose resolved value equals its source is copied byte for byte;
 * a changed one is rendered: its codes from their source bytes, its text
 * escaped for where it lands, each line break as one of the source's own
 * (its line ending and that line's container prefix).
 */
import {checkTranslations, structuralRuleIds, type QaInput} from '../../qa/index.ts'
import {escapeText, merge, opensBlock} from '../../markdown/index.ts'
import {wordCount} from '../../memory/index.ts'
import type {Block, Diagnostic, KeyState, Range, Segment, SegmentToken, SourceDocument, Target, TargetToken, Token, Unit} from '../../types.ts'
import {fromBundleValue, normalizeValue, textOfTokens} from '../../units/index.ts'
import {countSegments, emptyCoverage, type Coverage} from './coverage.ts'
import {placeBreaks, type Placed} from './line-breaks.ts'
import type {Resolver} from './resolve.ts'

/** Options of {@linkcode buildDocument}. */
export interface Options {
  /** Target locale to build. */
  locale: string
  /** Key lookup with fallback (see `createResolver`). */
  resolve: Resolver
  /** Path of the built file, for messages. */
  file?: string | null
  /** The source locale, whose values count as untranslated (default `it`). */
  sourceLocale?: string | null
  /** The state of a key in a locale's store, for coverage by origin and state (default: none known). */
  state?: ((locale: string, namespace: string, key: string) => KeyState | undefined) | null
}

/**
 * @param document Extracted source.
 * @param options Locale and resolver.
 */
export function buildDocument(document: SourceDocument, options: Options): {value: string; coverage: Coverage; messages: Diagnostic[]} {
  const coverage = emptyCoverage()
  const sourceLocale = options.sourceLocale ?? 'it'
  const stateOf = (locale: string, key: string) => options.state?.(locale, document.id, key)
  const messages: Diagnostic[] = []
  const unitOf = new Map<Block, Unit>(document.units.map((unit) => [unit.block, unit]))
  const contextOf = (block: Block): RenderContext => ({definitions: document.definitions, startsLine: startsLine(document.body, block)})

  const value = merge(document, (block, renderRange) => {
    const unit = unitOf.get(block)
    if (!unit) return
    const whole = wholeUnit(unit, document, options, messages)
    if (whole) {
      const segments = unit.parts.flatMap((part) => (part.type === 'segment' ? [part.segment] : []))
      const words = segments.reduce((sum, segment) => sum + wordCount(textOfTokens(segment.tokens)), 0)
      countSegments(coverage, {from: 'locale', state: stateOf(options.locale, unit.id)}, segments.length, words)
      return renderTokens(whole, unit.block.tokens, block, '', renderRange, contextOf(block))
    }
    let out = ''
    for (const part of unit.parts) {
      if (part.type === 'ignorable') {
        out += renderRange(part.ignorable.range)
        continue
      }
      const segment = part.segment
      const resolved = options.resolve(options.locale, document.id, segment.key)
      const words = wordCount(textOfTokens(segment.tokens))
      if (!resolved || resolved.locale === sourceLocale) countSegments(coverage, {from: 'source'}, 1, words)
      else countSegments(coverage, {from: resolved.locale === options.locale ? 'locale' : 'fallback', state: stateOf(resolved.locale, segment.key)}, 1, words)
      const tokens = resolved ? targetTokens(resolved.value, segment, unit, options, messages) : undefined
      out += tokens ? renderTokens(tokens, segment.tokens, block, out, renderRange, contextOf(block)) : renderRange(segment.range)
    }
    return out
  })
  return {value, coverage, messages}
}

/**
 * Whether a block begins its line, after any container prefix (block quote
 * markers, list markers, indentation): a paragraph or setext heading does, an
 * ATX heading's text (after `# `) and a table cell do not.
 */
function startsLine(body: string, block: Block): boolean {
  if (block.syntax !== 'markdown' && block.syntax !== 'heading') return false
  const lineStart = Math.max(body.lastIndexOf('\n', block.range.start - 1), body.lastIndexOf('\r', block.range.start - 1)) + 1
  return /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+[ \t>]*)*$/.test(body.slice(lineStart, block.range.start))
}

/**
 * A unit translated whole (its segments joined or split in a CAT tool) is
 * stored under its unit id; it wins when the target locale itself has it.
 */
function wholeUnit(unit: Unit, document: SourceDocument, options: Options, messages: Diagnostic[]): TargetToken[] | undefined {
  const resolved = options.resolve(options.locale, document.id, unit.id)
  if (!resolved || resolved.locale !== options.locale) return
  const target = fromBundleValue(resolved.value, {tokens: unit.block.tokens})
  const problems = codeProblems(unit.block.tokens, target, {file: options.file, place: {line: unit.block.line, column: unit.block.column}, unitId: unit.id})
  for (const problem of problems) messages.push({...problem, message: `${problem.message}; the unit's translation (key \`${unit.id}\`) was not used`})
  return problems.length > 0 ? undefined : target.tokens
}

function targetTokens(value: string, segment: Segment, unit: Unit, options: Options, messages: Diagnostic[]): TargetToken[] | undefined {
  if (normalizeValue(value) === normalizeValue(segment.value)) return
  const target = fromBundleValue(value, segment)
  const problems = codeProblems(segment.tokens, target, {file: options.file, place: {line: unit.block.line, column: unit.block.column}, unitId: unit.id, segmentId: segment.id})
  for (const problem of problems) messages.push({...problem, message: `${problem.message}; the source text was kept for this segment (key \`${segment.key}\`)`})
  return problems.length > 0 ? undefined : target.tokens
}

/** What the structural QA rules (codes) find in a value to render: a value with broken codes cannot be. */
function codeProblems(source: readonly SegmentToken[], target: Target, where: Pick<QaInput, 'file' | 'place' | 'unitId' | 'segmentId'>): Diagnostic[] {
  return checkTranslations([{source, target, ...where}], {rules: structuralRuleIds}).messages
}

/** What rendering needs to know of the document. */
interface RenderContext {
  /** Whether the document defines link references or footnotes. */
  definitions: boolean
  /** Whether the block starts a line (after its container prefix). */
  startsLine: boolean
}

function renderTokens(tokens: TargetToken[], source: ReadonlyArray<Token | SegmentToken>, block: Block, before: string, renderRange: (range: Range) => string, context: RenderContext): string {
  const bytesOf = (token: Exclude<TargetToken, {type: 'text'}>): string => {
    const label = token.code.referenceLabel
    // A shortcut or collapsed reference whose text changed keeps its target through a full reference.
    if ((token.type === 'close' || token.type === 'end') && label !== undefined) return `][${label}]`
    return renderRange(token.type === 'close' || token.type === 'end' ? token.code.close! : token.code.open)
  }
  const moved = moveSpacesOutOfFormatting(tokens)
  // YAML scalars hold their line breaks as characters; they are not lines of the document.
  const items: Placed[] = block.syntax.startsWith('yaml')
    ? moved
    : placeBreaks(moved, source, {opensBlock: (token) => opensBlock(bytesOf(token)), endsLine: (token) => /[\n\r][ \t>]*$/.test(bytesOf(token))})
  let out = ''
  let lineStart = false
  const open: string[] = []
  for (const item of items) {
    if (item.type === 'break') {
      // The source's line ending and prefix, without the spaces before it.
      out += renderRange(item.source).replace(/^[ \t]+/, '')
      lineStart = true
      continue
    }
    if (item.type === 'text') {
      const sofar = before + out
      const atLineStart = lineStart || (sofar === '' ? context.startsLine : /[\n\r][ \t>]*$/.test(sofar))
      // Inside link or image text any bracket would end or nest the link.
      const inLink = open.some((type) => type === 'link' || type === 'image')
      out += escapeText(item.value, block, {atLineStart, definitions: context.definitions || inLink})
      lineStart = false
      continue
    }
    const bytes = bytesOf(item)
    // Text ending in `!` before a link would turn the link into an image.
    if (bytes.startsWith('[') && /(?:^|[^\\])!$/.test(out)) out = out.slice(0, -1) + '\\!'
    if (item.type === 'open') open.push(item.code.type)
    if (item.type === 'close') open.pop()
    out += bytes
    lineStart = false
  }
  return out
}

/**
 * Spaces just inside emphasis or strong delimiters stop them from being
 * delimiters (`** word **` is literal), so they move outside the pair:
 *
 * > | <1> parola </1>   →   ` **parola** `
 */
function moveSpacesOutOfFormatting(tokens: readonly TargetToken[]): TargetToken[] {
  const result: TargetToken[] = tokens.map((token) => (token.type === 'text' ? {...token} : token))
  for (let index = 0; index < result.length; index++) {
    const token = result[index]!
    if (token.type !== 'open' && token.type !== 'close') continue
    if (token.code.type !== 'fmt') continue
    if (token.type === 'open') {
      const next = result[index + 1]
      const space = next?.type === 'text' ? /^\s+/.exec(next.value)?.[0] : undefined
      if (next?.type === 'text' && space) {
        next.value = next.value.slice(space.length)
        result.splice(index, 0, {type: 'text', value: space})
        index++
      }
    } else {
      const previous = result[index - 1]
      const space = previous?.type === 'text' ? /\s+$/.exec(previous.value)?.[0] : undefined
      if (previous?.type === 'text' && space) {
        previous.value = previous.value.slice(0, -space.length)
        result.splice(index + 1, 0, {type: 'text', value: space})
      }
    }
  }
  return result.filter((token) => token.type !== 'text' || token.value !== '')
}
