/**
 * Parse Markdown into an mdast tree used only for its node positions.
 * Takes: the BOM-less source text. Returns: the mdast root (CommonMark + GFM + front matter).
 */
import type {Root} from 'mdast'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkFrontmatter from 'remark-frontmatter'

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml'])

/**
 * Parse `body` (already without BOM: remark offsets would shift by one).
 *
 * @param body Source text without a leading U+FEFF.
 * @returns The mdast root; every node has `position.start.offset`/`end.offset`.
 */
export function parseMarkdown(body: string): Root {
  return processor.parse(body)
}
