/**
 * Rebuild a document from its skeleton. Takes: the blocks of a source and a
 * renderer. Returns: the document, where every block the renderer renders is
 * replaced and everything else is the original bytes.
 */
import type {Block, Range} from '../../types.ts'
import type {MarkdownBlocks} from './blocks.ts'

/**
 * Render one block, or return `undefined` to keep its original bytes.
 * `renderRange` gives the bytes of a range inside the block (a code's side)
 * with the blocks nested there (titles) rendered too.
 */
export type Renderer = (block: Block, renderRange: (range: Range) => string) => string | undefined

/**
 * @param source The blocks of the source, as `markdownBlocks` returns them.
 * @param render Renders a block's target.
 * @returns The rebuilt text, BOM included when the source had one.
 */
export function merge(source: MarkdownBlocks, render: Renderer): string {
  const body = source.body

  const renderRange = (range: Range, blocks: Block[]): string => {
    let result = ''
    let cursor = range.start
    for (const block of blocks) {
      if (block.range.start < cursor || block.range.end > range.end) continue
      result += body.slice(cursor, block.range.start) + renderBlock(block)
      cursor = block.range.end
    }
    return result + body.slice(cursor, range.end)
  }

  const renderBlock = (block: Block): string => {
    const inner = (range: Range) => renderRange(range, block.children)
    return render(block, inner) ?? inner(block.range)
  }

  return (source.bom ? '\uFEFF' : '') + renderRange({start: 0, end: body.length}, source.blocks)
}
