/**
 * Find flavour syntax in a document. Takes: the source, the rules (in
 * priority order), the ranges they must leave alone (code, HTML, front
 * matter) and what was found before. Returns: every match, sorted, none
 * overlapping another.
 *
 * A match inside or across a code span, code block or HTML is refused (a
 * tag shown in code is an example, not syntax), so is one that holds a
 * blank line unless its rule is a region, which must then cover whole lines:
 *
 * > | `{{` e `}}`
 *      ^^^^^^^^^ refused: it crosses two code spans
 */
import {firstEndingAfter} from '../../position.ts'
import type {Range} from '../../types.ts'
import type {SyntaxMatch, SyntaxRule} from './rule.ts'

/** Options of {@linkcode findSyntax}. */
export interface Options {
  /** Ranges no match may start, end or lie in, sorted and disjoint; a match may hold one whole. */
  skip: readonly Range[]
  /** Matches found before (kept; new ones must not overlap them). */
  found?: readonly SyntaxMatch[] | null
  /** Look only inside this range (a title inside a match), default the whole body. */
  within?: Range | null
}

const blankLine = /(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)/
const lineEnding = /[\r\n]/

/**
 * @param body The source (BOM-less).
 * @param rules Rules in priority order.
 * @param options Ranges to leave alone, earlier matches.
 * @returns All matches, by position.
 */
export function findSyntax(body: string, rules: readonly SyntaxRule[], options: Options): SyntaxMatch[] {
  const found: SyntaxMatch[] = [...(options.found ?? [])]
  const taken = found.map((match) => match.range).sort((a, b) => a.start - b.start)
  const within = options.within ?? {start: 0, end: body.length}
  for (const rule of rules) {
    const pattern = withFlags(rule.pattern)
    pattern.lastIndex = within.start
    let match: RegExpExecArray | null
    while ((match = pattern.exec(body)) && match.index < within.end) {
      const range = {start: match.index, end: match.index + match[0].length}
      const ok = range.end > range.start && range.end <= within.end && !overlaps(taken, range) && !touches(options.skip, range) && fits(body, range, match[0], rule)
      if (!ok) {
        // Refused here; a match may still start at the next offset.
        pattern.lastIndex = range.start + 1
        continue
      }
      const accepted: SyntaxMatch = {rule: rule.id, kind: rule.kind, range}
      const text = match.indices?.groups?.['text']
      if (text && rule.text && /[\p{L}\p{N}]/u.test(body.slice(text[0], text[1]))) accepted.text = {...rule.text, range: {start: text[0], end: text[1]}}
      found.push(accepted)
      insert(taken, range)
    }
  }
  return found.sort((a, b) => a.range.start - b.range.start)
}

function withFlags(pattern: RegExp): RegExp {
  const flags = new Set([...pattern.flags, 'g', 'm', 'd'])
  return flags.size === pattern.flags.length ? pattern : new RegExp(pattern.source, [...flags].join(''))
}

/** No blank line, unless the rule is a region covering whole lines. */
function fits(body: string, range: Range, text: string, rule: SyntaxRule): boolean {
  if (!lineEnding.test(text)) return true
  if (!rule.blankLines) return !blankLine.test(text)
  const lineStart = Math.max(body.lastIndexOf('\n', range.start - 1), body.lastIndexOf('\r', range.start - 1)) + 1
  return /^[ \t>]*$/.test(body.slice(lineStart, range.start)) && /^[ \t]*(?:[\r\n]|$)/.test(body.slice(range.end, range.end + 200))
}

/** Whether `range` overlaps a sorted, disjoint list of taken ranges. */
function overlaps(taken: readonly Range[], range: Range): boolean {
  const index = firstEndingAfter(taken, range.start, itself)
  return index < taken.length && taken[index]!.start < range.end
}

/** Whether a skipped range overlaps `range` without lying whole inside it. */
function touches(skip: readonly Range[], range: Range): boolean {
  for (let index = firstEndingAfter(skip, range.start, itself); index < skip.length && skip[index]!.start < range.end; index++) {
    const one = skip[index]!
    if (one.start < range.start || one.end > range.end) return true
  }
  return false
}

const itself = (range: Range): Range => range

function insert(ranges: Range[], range: Range): void {
  let index = ranges.length
  while (index > 0 && ranges[index - 1]!.start > range.start) index--
  ranges.splice(index, 0, range)
}
