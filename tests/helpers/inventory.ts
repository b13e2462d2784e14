/**
 * What a built Markdown file must have translated (prose) and kept (code,
 * URLs, HTML, front-matter keys), read with the same parser babele uses.
 */
import {parseMarkdown} from '../../pipeline/index.ts'

/**
 * Raw source of a node without what babele makes codes: escapes, character
 * references and a block quote's alert marker (`[!NOTE]`, or `[!Video ` when
 * GFM split an autolink out of it).
 */
function prose(text: string, node: {value?: string; position?: {start: {offset?: number}; end: {offset?: number}}}): string {
  const raw = node.position ? text.slice(node.position.start.offset!, node.position.end.offset!) : (node.value ?? '')
  return raw.replace(/^\[![A-Za-z](?:[^[\]\n]|\[[^\]\n]*\])*(?:\]|$)/, '').replace(/\\[!-/:-@[-`{-~]|&#?[A-Za-z\d]+;/g, '')
}

/** Prose left in lowercase, and what must survive translation unchanged. */
export interface Inventory {
  lowercase: string[]
  kept: string[]
  /** Node types in document order, text aside: the structure a translation must keep. */
  structure: string[]
}

/** What a built file must have upper-cased (prose) and kept (code, URLs, HTML, front-matter keys). */
export function inventory(text: string): Inventory {
  const body = text.replace(/^\uFEFF/, '')
  const lowercase: string[] = []
  const kept: string[] = []
  const structure: string[] = []
  const visit = (node: any, inAutolink: boolean) => {
    const autolink = inAutolink || (node.type === 'link' && (!node.position || body[node.position.start.offset] !== '['))
    if (node.type === 'text' && !autolink) {
      const raw = prose(body, node)
      if (raw !== raw.toUpperCase()) lowercase.push(raw)
    }
    if (node.type !== 'text') structure.push(node.type)
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') kept.push(`${node.type}:${node.value}`)
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') kept.push(`url:${node.url}`)
    if (node.type === 'yaml') kept.push(...String(node.value).split('\n').map((line) => `yaml:${/^([\w-]+):/.exec(line)?.[1] ?? ''}`))
    if (node.type === 'image' && node.alt && node.alt !== node.alt.toUpperCase() && /[\p{L}\p{N}]/u.test(node.alt)) lowercase.push(`alt:${node.alt}`)
    for (const child of node.children ?? []) visit(child, autolink)
  }
  visit(parseMarkdown(body), false)
  return {lowercase, kept, structure}
}

/** The container prefix of each line (indentation, block-quote markers, list markers): what a translation must keep line by line. */
export function linePrefixes(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => /^(?:[ \t>]|[-+*][ \t]|\d{1,9}[.)][ \t])*/.exec(line)![0])
}
