/**
 * Hide flavour syntax from a CommonMark parser. Takes: the source and the
 * matches found in it. Returns: a text of the same length (every offset
 * unchanged) in which each match reads as what it is to the site:
 *
 * - inline, or sharing its line with text: private-use characters, so it is
 *   one opaque run of text (no emphasis, link or HTML inside it);
 * - alone on its line (`block`, `indented`): a thematic break (`___`), so it
 *   separates the blocks before and after it, as the site's parser does;
 * - `indented`: a list item (`-   ___`), so the lines indented by four after
 *   it are its content, read as Markdown with their indentation as prefix.
 *
 * > | !!! note "Titolo"
 *     -   _____________   (masked)
 * > |     Testo del corpo.
 *         ^ paragraph in the item
 *
 * Line endings are never masked, so lines stay lines.
 */
import {lineStarts, pointAt} from '../../position.ts'
import type {Range} from '../../types.ts'
import type {SyntaxMatch} from './rule.ts'

/** What a masked inline match reads as: U+E000, a private-use character (neither space nor punctuation). */
export const maskCharacter = '\uE000'

// Before the first code of a line: container prefixes only (block quotes, list markers, indentation).
const linePrefix = /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+[ \t>]*)*$/

/**
 * @param body The source.
 * @param matches Matches, sorted and disjoint.
 * @returns The masked text, as long as `body`.
 */
export function maskSyntax(body: string, matches: readonly SyntaxMatch[]): string {
  const chars = body.split('')
  const lines = lineStarts(body)
  // Lines each match touches, and matches on each line.
  const onLine = new Map<number, SyntaxMatch[]>()
  const linesOf = new Map<SyntaxMatch, number[]>()
  for (const match of matches) {
    const first = lineOf(lines, match.range.start)
    const last = lineOf(lines, Math.max(match.range.start, match.range.end - 1))
    const touched: number[] = []
    for (let line = first; line <= last; line++) {
      touched.push(line)
      if (!onLine.has(line)) onLine.set(line, [])
      onLine.get(line)!.push(match)
    }
    linesOf.set(match, touched)
  }

  // A line separates blocks when it holds only block syntax and container
  // prefixes, and every match on it separates on all its lines.
  const alone = new Set<number>()
  for (const [line, found] of onLine) if (found.every((match) => match.kind !== 'inline') && onlySyntax(body, lines, line, found)) alone.add(line)
  let changed = true
  while (changed) {
    changed = false
    for (const [line, found] of onLine) {
      if (alone.has(line) && found.some((match) => linesOf.get(match)!.some((other) => !alone.has(other)))) {
        alone.delete(line)
        changed = true
      }
    }
  }

  for (const match of matches) {
    const separate = linesOf.get(match)!.every((line) => alone.has(line))
    const fill = separate ? '_' : maskCharacter
    for (let index = match.range.start; index < match.range.end; index++) if (chars[index] !== '\n' && chars[index] !== '\r') chars[index] = fill
    if (separate && match.kind === 'indented') chars.splice(match.range.start, 4, '-', ' ', ' ', ' ')
  }
  return chars.join('')
}

/** Whether a line holds nothing but `found` and container prefixes. */
function onlySyntax(body: string, lines: readonly number[], line: number, found: readonly SyntaxMatch[]): boolean {
  const start = lines[line]!
  const end = line + 1 < lines.length ? lines[line + 1]! : body.length
  const ranges: Range[] = found.map((match) => ({start: Math.max(start, match.range.start), end: Math.min(end, match.range.end)}))
  if (!linePrefix.test(body.slice(start, ranges[0]!.start))) return false
  for (let index = 0; index < ranges.length; index++) {
    const next = index + 1 < ranges.length ? ranges[index + 1]!.start : end
    if (!/^\s*$/.test(body.slice(ranges[index]!.end, next))) return false
  }
  return true
}

function lineOf(starts: readonly number[], offset: number): number {
  return pointAt(starts, offset).line - 1
}
