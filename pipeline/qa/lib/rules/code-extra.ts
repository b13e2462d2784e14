/**
 * Rule `code-extra` (structural): the target has a code its source segment
 * does not have, or has it in another role: a bundle tag or XLIFF element
 * that names no source code, or a placeholder written as a pair. Takes: a QA
 * context. Returns: one error per such tag or code.
 *
 *   > | source: Il <1>vertice</1>.
 *   > | target: The <1>summit</1><7/>.
 *   >                             ^^^^ `<7/>` names no code of the source
 */
import {codeBalance} from '../code-balance.ts'
import {finding, type Rule} from '../rule.ts'

/** The rule. */
export const codeExtra: Rule = {
  id: 'code-extra',
  severity: 'error',
  structural: true,
  check: (context) => context.shared(codeBalance).flatMap((issue) => (issue.kind === 'extra' ? [finding(context, codeExtra, issue.message, {actual: issue.actual})] : []))
}
