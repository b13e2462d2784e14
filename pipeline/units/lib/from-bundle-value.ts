/**
 * Read a translation's bundle value back into target tokens. Takes: a bundle
 * value (`<1>…</1>`, `<2/>`) and the source segment its numbers refer to.
 * Returns: a `Target`: its tokens, and the tags that name no code of the
 * segment (or name one in a role it does not have), left out of the tokens.
 * Whether the codes are all there, once each and well nested is the QA
 * stage's question (`code-*` rules), not the reader's.
 *
 *   > | A <1>sentence</1> here<7/>.
 *   >                         ^^^^ no code 7 in the segment: a stray tag
 */
import type {InlineCode, SegmentToken, Target} from '../../types.ts'
import {unescapeBundleText} from './bundle-value.ts'

type Role = SegmentToken['type']

/**
 * @param value Bundle value: text with `<n>…</n>` and `<n/>` tags, numbered per segment.
 * @param segment The source segment (or a unit's block tokens) the numbers refer to.
 * @returns The translation's tokens and stray tags.
 */
export function fromBundleValue(value: string, segment: {readonly tokens: readonly SegmentToken[]}): Target {
  const byNumber: Array<{code: InlineCode; roles: Set<Role>}> = []
  const seen = new Map<string, number>()
  for (const token of segment.tokens) {
    if (token.type === 'text') continue
    let index = seen.get(token.code.id)
    if (index === undefined) {
      index = byNumber.length
      seen.set(token.code.id, index)
      byNumber.push({code: token.code, roles: new Set()})
    }
    byNumber[index]!.roles.add(token.type)
  }

  const target: Target = {tokens: [], stray: []}
  const tag = /<(\/?)(\d+)(\/?)>/g
  let cursor = 0
  for (const match of value.matchAll(tag)) {
    if (match.index > cursor) target.tokens.push({type: 'text', value: unescapeBundleText(value.slice(cursor, match.index))})
    cursor = match.index + match[0].length
    const number = Number(match[2])
    const entry = byNumber[number - 1]
    const role: Role = match[1] ? 'close' : match[3] ? 'ph' : 'open'
    if (!entry) {
      target.stray.push({tag: match[0]})
      continue
    }
    const actual: Role | undefined = role === 'ph' ? [...entry.roles].find((one) => one === 'ph' || one === 'start' || one === 'end') : entry.roles.has(role) ? role : undefined
    if (!actual) {
      target.stray.push({tag: match[0], sourceForm: entry.roles.has('open') ? `\`<${number}>…</${number}>\`` : `\`<${number}/>\``})
      continue
    }
    target.tokens.push({type: actual, code: entry.code})
  }
  if (cursor < value.length) target.tokens.push({type: 'text', value: unescapeBundleText(value.slice(cursor))})
  return target
}
