/**
 * Read a translation back into target tokens and check its codes against its
 * source segment. Takes: a bundle value (`<1>…</1>`) or target tokens, and the
 * source segment. Returns: tokens and problems (missing, extra, duplicated or
 * misnested codes), each with a rule id.
 */
import type {InlineCode, SegmentToken, TargetToken} from '../../types.ts'
import {unescapeBundleText} from './bundle-value.ts'

/** A problem with a target's codes, before it gets file and unit context. */
export interface CodeProblem {
  ruleId: 'code-missing' | 'code-extra' | 'code-duplicated' | 'code-misnested'
  message: string
}

type Role = SegmentToken['type']

/**
 * Parse the bundle form of a translation of `segment`.
 *
 * @param value Bundle value: text with `<n>…</n>` and `<n/>` tags, numbered per segment.
 * @param segment The source segment the numbers refer to.
 */
export function fromBundleValue(value: string, segment: {readonly tokens: readonly SegmentToken[]}): {tokens: TargetToken[]; problems: CodeProblem[]} {
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

  const tokens: TargetToken[] = []
  const problems: CodeProblem[] = []
  const tag = /<(\/?)(\d+)(\/?)>/g
  let cursor = 0
  for (const match of value.matchAll(tag)) {
    if (match.index > cursor) tokens.push({type: 'text', value: unescapeBundleText(value.slice(cursor, match.index))})
    cursor = match.index + match[0].length
    const entry = byNumber[Number(match[2]) - 1]
    const role: Role = match[1] ? 'close' : match[3] ? 'ph' : 'open'
    if (!entry) {
      problems.push({ruleId: 'code-extra', message: `Tag \`${match[0]}\` names no code of the source segment`})
      continue
    }
    const actual: Role | undefined = role === 'ph' ? [...entry.roles].find((one) => one === 'ph' || one === 'start' || one === 'end') : entry.roles.has(role) ? role : undefined
    if (!actual) {
      problems.push({ruleId: 'code-extra', message: `Tag \`${match[0]}\` does not match the source code ${match[2]}, which is written ${describe(Number(match[2]), entry.roles)}`})
      continue
    }
    tokens.push({type: actual, code: entry.code})
  }
  if (cursor < value.length) tokens.push({type: 'text', value: unescapeBundleText(value.slice(cursor))})
  problems.push(...checkTargetCodes(segment, tokens))
  return {tokens, problems}
}

/**
 * Check that a target has each code of its source segment exactly once, in
 * the same role, with paired codes well nested.
 */
export function checkTargetCodes(segment: {readonly tokens: readonly SegmentToken[]}, tokens: readonly TargetToken[]): CodeProblem[] {
  const problems: CodeProblem[] = []
  const expected = new Map<string, number>()
  for (const token of segment.tokens) if (token.type !== 'text') expected.set(token.type + ' ' + token.code.id, 0)
  const stack: string[] = []
  for (const token of tokens) {
    if (token.type === 'text') continue
    const name = token.type + ' ' + token.code.id
    const count = expected.get(name)
    if (count === undefined) problems.push({ruleId: 'code-extra', message: `Code ${token.code.id} (${token.code.subType}) is not in the source segment as ${token.type}`})
    else {
      expected.set(name, count + 1)
      if (count === 1) problems.push({ruleId: 'code-duplicated', message: `Code ${token.code.id} (${token.code.subType}) appears more than once`})
    }
    if (token.type === 'open') stack.push(token.code.id)
    else if (token.type === 'close') {
      if (stack.at(-1) === token.code.id) stack.pop()
      else problems.push({ruleId: 'code-misnested', message: `Code ${token.code.id} (${token.code.subType}) closes out of order`})
    }
  }
  if (stack.length > 0) problems.push({ruleId: 'code-misnested', message: `Code ${stack.join(', ')} is opened but not closed`})
  for (const [name, count] of expected) {
    if (count === 0) {
      const [role, id] = name.split(' ')
      problems.push({ruleId: 'code-missing', message: `Code ${id} (${role}) of the source is missing`})
    }
  }
  return problems
}

function describe(number: number, roles: Set<Role>): string {
  return roles.has('open') ? `\`<${number}>…</${number}>\`` : `\`<${number}/>\``
}
