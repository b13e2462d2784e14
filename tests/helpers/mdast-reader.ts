/**
 * The reference for babele's lean Markdown tree: remark-parse's mdast (the
 * tree blocks were read from before), as a `TreeReader`, and a view of a
 * tree holding what block extraction reads. Takes: Markdown, or a tree.
 * Returns: an mdast root with offsets moved by `shift`, or a plain value to
 * compare.
 */
import {parseMarkdown} from '../../pipeline/index.ts'
import type {TreeNode} from '../../pipeline/markdown/lib/block-tree.ts'

/**
 * remark-parse's tree of `body`, offsets moved by `shift` (as the lean
 * tree's option does; blocks used to move them after parsing).
 *
 * @param body Markdown.
 * @param options Offset shift.
 */
export function mdastReader(body: string, options?: {shift?: number | null} | null): TreeNode {
  const tree = parseMarkdown(body) as TreeNode
  const shift = options?.shift ?? 0
  if (shift === 0) return tree
  const move = (node: TreeNode): void => {
    if (node.position) {
      node.position.start.offset! += shift
      node.position.end.offset! += shift
    }
    for (const child of node.children ?? []) move(child)
  }
  move(tree)
  return tree
}

/** List items and table rows: not nodes of the lean tree (their children sit in the list or table). */
const unwrapped = new Set(['listItem', 'tableRow'])

/**
 * What block extraction reads of a tree: types, offsets, children (list
 * items and table rows unwrapped), titles of links, images and definitions,
 * reference types, and the values of text without a position (made by GFM's
 * autolink transform).
 *
 * @param node A root, from either reader.
 */
export function treeView(node: TreeNode): unknown {
  const view: Record<string, unknown> = {type: node.type}
  if (node.position && node.type !== 'root') view['offsets'] = [node.position.start.offset, node.position.end.offset]
  if (typeof node.title === 'string' && (node.type === 'link' || node.type === 'image' || node.type === 'definition')) view['title'] = node.title
  if (node.referenceType) view['referenceType'] = node.referenceType
  if (node.type === 'text' && !node.position) view['value'] = node.value
  if (node.children && node.type !== 'image' && node.type !== 'definition') {
    const children: unknown[] = []
    const add = (child: TreeNode): void => {
      if (unwrapped.has(child.type)) child.children!.forEach(add)
      else children.push(treeView(child))
    }
    node.children.forEach(add)
    view['children'] = children
  }
  return view
}
