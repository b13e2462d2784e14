/**
 * Find a document's flavour syntax and the tree to read the document with.
 * Takes: the BOM-less source and the syntax rules of its flavours. Returns:
 * the matches, the source with them masked (same length, same offsets) and
 * the mdast tree of the masked text.
 *
 * Matches are looked for outside code, HTML and front matter, as the tree
 * shows them; masking can turn code into prose (an MkDocs admonition's
 * indented body), so the search runs again on the new tree until it finds
 * nothing new, which it cannot when the new tree has the same code, HTML
 * and front matter (each search keeps what it was given and refuses
 * anything overlapping it). Without rules that match somewhere in the
 * document this is one plain parse.
 */
import {findSyntax, maskSyntax, type SyntaxMatch, type SyntaxRule} from '../../flavor/index.ts'
import type {Range} from '../../types.ts'
import type {TreeNode} from './block-tree.ts'

/** A document read with its flavour syntax. */
export interface FlavorSyntax {
  /** Flavour syntax found, by position. */
  matches: SyntaxMatch[]
  /** The source with every match masked. */
  masked: string
  /** The tree of `masked`. */
  tree: TreeNode
}

const untouchable = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'math', 'inlineMath'])

/**
 * @param body The source without BOM.
 * @param rules Rules in priority order (none: CommonMark and GFM only).
 * @param read Builds the tree of a text.
 */
export function flavorSyntax(body: string, rules: readonly SyntaxRule[], read: (body: string) => TreeNode): FlavorSyntax {
  let tree = read(body)
  let masked = body
  let matches: SyntaxMatch[] = []
  // A rule whose pattern matches nowhere in the body finds nothing in any round.
  const active = rules.filter((rule) => found(rule.pattern, body))
  if (active.length === 0) return {matches, masked, tree}
  let skip = codeRanges(tree)
  // Each round can only add matches; nesting bounds the rounds (an admonition in an admonition…).
  for (let round = 0; round < 8; round++) {
    const next = findSyntax(body, active, {skip, found: matches})
    if (next.length === matches.length) break
    matches = next
    masked = maskSyntax(body, matches)
    tree = read(masked)
    // With the same ranges to leave alone, a search from what it found finds nothing new.
    const after = codeRanges(tree)
    if (sameRanges(after, skip)) break
    skip = after
  }
  return {matches, masked, tree}
}

function found(pattern: RegExp, body: string): boolean {
  pattern.lastIndex = 0
  const result = pattern.test(body)
  pattern.lastIndex = 0
  return result
}

function sameRanges(a: readonly Range[], b: readonly Range[]): boolean {
  return a.length === b.length && a.every((range, index) => range.start === b[index]!.start && range.end === b[index]!.end)
}

/** Ranges of code, HTML and front matter, in document order. */
function codeRanges(tree: TreeNode): Range[] {
  const ranges: Range[] = []
  const visit = (node: TreeNode): void => {
    if (untouchable.has(node.type)) {
      if (node.position) ranges.push({start: node.position.start.offset!, end: node.position.end.offset!})
      return
    }
    if (node.children) for (const child of node.children) visit(child)
  }
  visit(tree)
  return ranges
}
