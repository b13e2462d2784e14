/**
 * Rule `link-empty-url`: a link whose URL is `#` or empty, a placeholder
 * left by an editor or a scrape. Takes: a lint context. Returns: one
 * warning per link (and per link definition), placed at the `(` that opens
 * the destination (at the URL of a definition), with no fix: only an author
 * knows the address.
 *
 * > | a [Pechino](#), in vista
 * >             ^ the destination is `#`
 *
 * Links to a fragment (`#section`) are fine, and so are autolinks. Inline
 * links are read from the blocks' link codes, so the document is not parsed
 * again; only a document with definitions is, to read them.
 */
import type {Nodes} from 'mdast'
import type {Diagnostic, InlineCode} from '../../types.ts'
import {finding, type LintContext, type Rule} from './lint-context.ts'

/**
 * After `](` and white space (taken whole, as an atomic group): `)` (no
 * destination), `<>` or `<#>`, or `#` then white space or `)`.
 */
const emptyDestination = /^(?=([ \t]*(?:(?:\r\n|\r|\n)[ \t]*)?))\1(?:\)|<(#?)>|(#)(?=[ \t\r\n)]))/

/** The rule. */
export const linkEmptyUrl: Rule = {id: 'link-empty-url', check}

function check(context: LintContext): Diagnostic[] {
  const body = context.body
  const messages: Diagnostic[] = []
  for (const block of context.blocks) {
    for (const token of block.tokens) {
      const code = token.type === 'open' || token.type === 'ph' ? token.code : undefined
      if (!code || code.type !== 'link' || code.subType !== 'link') continue
      const found = inlineDestination(body, code)
      if (found) messages.push(report(context, found.at, 'Link', found.label, found.url))
    }
  }

  if (context.definitions) {
    const visit = (node: Nodes): void => {
      if (node.type === 'definition' && (node.url === '' || node.url === '#') && node.position) {
        const at = definitionUrl(body, node.position.start.offset!, node.position.end.offset!)
        if (at !== undefined) messages.push(report(context, at, 'Definition', node.label ?? node.identifier, node.url))
      }

      if ('children' in node) for (const child of node.children) visit(child as Nodes)
    }

    visit(context.tree())
  }

  return messages
}

/**
 * The `(` of an inline link whose destination is empty or `#`.
 *
 * > | [Taiwan](#)
 * >          ^ the close side of the code is `](#)`
 */
function inlineDestination(body: string, code: InlineCode): {at: number; label: string; url: string} | undefined {
  // A paired link's close side holds the destination; an empty label makes the whole link one placeholder.
  const side = code.close ?? code.open
  const bracket = code.close ? side.start : body.indexOf('](', side.start)
  if (bracket < side.start || bracket >= side.end || body[bracket] !== ']' || body[bracket + 1] !== '(') return undefined
  const match = emptyDestination.exec(body.slice(bracket + 2, side.end))
  if (!match) return undefined
  return {at: bracket + 1, label: code.close ? body.slice(code.open.end, code.close.start) : '', url: match[2] || match[3] || ''}
}

/**
 * Offset of a definition's URL.
 *
 * > | [a]: #
 * >        ^
 */
function definitionUrl(body: string, start: number, end: number): number | undefined {
  const colon = body.indexOf(']:', start)
  if (colon === -1 || colon >= end) return undefined
  let at = colon + 2
  while (at < end && /\s/.test(body[at]!)) at++
  return at
}

/** The finding. */
function report(context: LintContext, at: number, kind: string, label: string, url: string): Diagnostic {
  return finding(context, {start: at, end: at + 1}, {
    ruleId: linkEmptyUrl.id,
    message: `${kind} \`${shorten(label)}\` has ${url === '' ? 'an empty URL' : 'the URL `#`'}, which goes nowhere`,
    actual: url
  })
}

/** A label on one line, at most 40 characters. */
function shorten(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim()
  return line.length > 40 ? line.slice(0, 39) + '…' : line
}
