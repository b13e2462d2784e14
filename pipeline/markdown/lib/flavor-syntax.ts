/**
 * Find a document's flavour syntax and the tree to read the document with.
 * Takes: the BOM-less source and the syntax rules of its flavours. Returns:
 * the matches, the source with them masked (same length, same offsets) and
 * the mdast tree of the masked text.
 *
 * Matches are looked for outside code, HTML and front matter, as the tree
 * shows them; masking can turn code into prose (an MkDocs admonition's
 * indented body), so the search runs again on the new tree until it finds
 * nothing new. Without rules this is one plain parse.
 */
import type {Nodes, Root} from 'mdast'
import {findSyntax, maskSyntax, type SyntaxMatch, type SyntaxRule} from '../../flavor/index.ts'
import type {Range} from '../../types.ts'
import {parseMarkdown} from './parse.ts'

/** A document read with its flavour syntax. */
export interface FlavorSyntax {
  /** Flavour syntax found, by position. */
  matches: SyntaxMatch[]
  /** The source with every match masked. */
  masked: string
  /** The mdast tree of `masked`. */
  tree: Root
}

const untouchable = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'math', 'inlineMath'])

/**
 * @param body The source without BOM.
 * @param rules Rules in priority order (none: CommonMark and GFM only).
 */
export function flavorSyntax(body: string, rules: readonly SyntaxRule[]): FlavorSyntax {
  let tree = parseMarkdown(body)
  let masked = body
  let matches: SyntaxMatch[] = []
  if (!rules.some((rule) => found(rule.pattern, body))) return {matches, masked, tree}
  // Each round can only add matches; nesting bounds the rounds (an admonition in an admonition…).
  for (let round = 0; round < 8; round++) {
    const next = findSyntax(body, rules, {skip: codeRanges(tree), found: matches})
    if (next.length === matches.length) break
    matches = next
    masked = maskSyntax(body, matches)
    tree = parseMarkdown(masked)
  }
  return {matches, masked, tree}
}

function found(pattern: RegExp, body: string): boolean {
  pattern.lastIndex = 0
  const result = pattern.test(body)
  pattern.lastIndex = 0
  return result
}

/** Ranges of code, HTML and front matter, in document order. */
function codeRanges(tree: Root): Range[] {
  const ranges: Range[] = []
  const visit = (node: Nodes): void => {
    if (untouchable.has(node.type)) {
      if (node.position) ranges.push({start: node.position.start.offset!, end: node.position.end.offset!})
      return
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes)
  }
  visit(tree)
  return ranges
}
