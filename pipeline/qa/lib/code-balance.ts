/**
 * The code analysis the four code rules share. Takes: a QA context. Returns:
 * what is wrong with the target's codes against the source's, in the order
 * found: tags that name no source code, then codes in the wrong role, met
 * twice or closed out of order (in target order), codes left open, and the
 * source codes the target lacks. Each code rule reports its own kind.
 *
 *   > | source: A <1>sentence</1> here<2/>.
 *   > | target: A <1>sentence here.
 *   >               ^ opened but not closed (`code-misnested`); `<2/>` missing (`code-missing`)
 */
import type {QaContext} from './rule.ts'

/** One problem with the target's codes. */
export interface CodeIssue {
  kind: 'extra' | 'duplicated' | 'misnested' | 'missing'
  message: string
  /** The tag or code concerned, as the message names it. */
  actual?: string
}

/**
 * @param context The translation.
 * @returns Its code problems, in the order found.
 */
export function codeBalance(context: QaContext): CodeIssue[] {
  const issues: CodeIssue[] = []
  for (const stray of context.target.stray) {
    issues.push({
      kind: 'extra',
      message: stray.sourceForm ? `Tag \`${stray.tag}\` does not match the source code, which is written ${stray.sourceForm}` : `Tag \`${stray.tag}\` names no code of the source segment`,
      actual: stray.tag
    })
  }

  const expected = new Map<string, number>()
  for (const token of context.source.tokens) if (token.type !== 'text') expected.set(token.type + ' ' + token.code.id, 0)
  const stack: string[] = []
  for (const token of context.target.tokens) {
    if (token.type === 'text') continue
    const name = token.type + ' ' + token.code.id
    const count = expected.get(name)
    if (count === undefined) issues.push({kind: 'extra', message: `Code ${token.code.id} (${token.code.subType}) is not in the source segment as ${token.type}`})
    else {
      expected.set(name, count + 1)
      if (count === 1) issues.push({kind: 'duplicated', message: `Code ${token.code.id} (${token.code.subType}) appears more than once`})
    }

    if (token.type === 'open') stack.push(token.code.id)
    else if (token.type === 'close') {
      if (stack.at(-1) === token.code.id) stack.pop()
      else issues.push({kind: 'misnested', message: `Code ${token.code.id} (${token.code.subType}) closes out of order`})
    }
  }

  if (stack.length > 0) issues.push({kind: 'misnested', message: `Code ${stack.join(', ')} is opened but not closed`})
  for (const [name, count] of expected) {
    if (count === 0) {
      const [role, id] = name.split(' ')
      issues.push({kind: 'missing', message: `Code ${id} (${role}) of the source is missing`})
    }
  }

  return issues
}
