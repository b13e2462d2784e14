/**
 * Build one localized document. Takes: the source document and a resolver.
 * Returns: the localized text, coverage figures and messages.
 *
 * A segment whose resolved value equals its source is copied byte for byte;
 * a changed one is rendered: its codes from their source bytes, its text
 * escaped for where it lands, line breaks followed by the block's prefix.
 */
import {escapeText, merge} from '../../markdown/index.ts'
import type {Block, Diagnostic, Range, Segment, SourceDocument, TargetToken, Unit} from '../../types.ts'
import {fromBundleValue, normalizeValue} from '../../units/index.ts'
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
}

/** How much of a built document came from where. */
export interface Coverage {
  /** Segments in the document. */
  segments: number
  /** Segments resolved from the target locale itself. */
  translated: number
  /** Segments resolved from a fallback locale other than the target and the source. */
  fallback: number
  /** Segments left as their source (no translation anywhere in the chain). */
  source: number
}

/**
 * @param document Extracted source.
 * @param options Locale and resolver.
 */
export function buildDocument(document: SourceDocument, options: Options): {value: string; coverage: Coverage; messages: Diagnostic[]} {
  const coverage: Coverage = {segments: 0, translated: 0, fallback: 0, source: 0}
  const messages: Diagnostic[] = []
  const unitOf = new Map<Block, Unit>(document.units.map((unit) => [unit.block, unit]))

  const value = merge(document, (block, renderRange) => {
    const unit = unitOf.get(block)
    if (!unit) return
    const whole = wholeUnit(unit, document, options, messages)
    if (whole) {
      const segments = unit.parts.filter((part) => part.type === 'segment').length
      coverage.segments += segments
      coverage.translated += segments
      return renderTokens(whole, block, '', renderRange, document.definitions)
    }
    let out = ''
    for (const part of unit.parts) {
      if (part.type === 'ignorable') {
        out += renderRange(part.ignorable.range)
        continue
      }
      const segment = part.segment
      coverage.segments++
      const resolved = options.resolve(options.locale, document.id, segment.key)
      if (!resolved || resolved.locale === (options.sourceLocale ?? 'it')) coverage.source++
      else if (resolved.locale === options.locale) coverage.translated++
      else coverage.fallback++
      const tokens = resolved ? targetTokens(resolved.value, segment, unit, options, messages) : undefined
      out += tokens ? renderTokens(tokens, block, out, renderRange, document.definitions) : renderRange(segment.range)
    }
    return out
  })
  return {value, coverage, messages}
}

/**
 * A unit translated whole (its segments joined or split in a CAT tool) is
 * stored under its unit id; it wins when the target locale itself has it.
 */
function wholeUnit(unit: Unit, document: SourceDocument, options: Options, messages: Diagnostic[]): TargetToken[] | undefined {
  const resolved = options.resolve(options.locale, document.id, unit.id)
  if (!resolved || resolved.locale !== options.locale) return
  const {tokens, problems} = fromBundleValue(resolved.value, {tokens: unit.block.tokens})
  for (const problem of problems) {
    messages.push({file: options.file ?? undefined, line: unit.block.line, column: unit.block.column, unitId: unit.id, ruleId: problem.ruleId, source: 'build', severity: 'error', message: `${problem.message}; the unit's translation (key \`${unit.id}\`) was not used`})
  }
  return problems.length > 0 ? undefined : tokens
}

function targetTokens(value: string, segment: Segment, unit: Unit, options: Options, messages: Diagnostic[]): TargetToken[] | undefined {
  if (normalizeValue(value) === normalizeValue(segment.value)) return
  const {tokens, problems} = fromBundleValue(value, segment)
  for (const problem of problems) {
    messages.push({
      file: options.file ?? undefined,
      line: unit.block.line,
      column: unit.block.column,
      unitId: unit.id,
      segmentId: segment.id,
      ruleId: problem.ruleId,
      source: 'build',
      severity: 'error',
      message: `${problem.message}; the source text was kept for this segment (key \`${segment.key}\`)`
    })
  }
  return problems.length > 0 ? undefined : tokens
}

function renderTokens(tokens: TargetToken[], block: Block, before: string, renderRange: (range: Range) => string, definitions: boolean): string {
  let out = ''
  for (const token of tokens) {
    if (token.type === 'text') {
      const sofar = before + out
      const atLineStart = sofar === '' ? block.syntax === 'markdown' : /\n[ \t>]*$/.test(sofar)
      out += escapeText(token.value, block, {atLineStart, definitions})
    } else if (token.type === 'open' || token.type === 'ph' || token.type === 'start') {
      out += renderRange(token.code.open)
    } else {
      out += renderRange(token.code.close!)
    }
  }
  return out
}
