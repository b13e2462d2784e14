/**
 * Rule `code-duplicated` (structural): the target has one of its source's
 * codes twice (its bytes would be written twice). Takes: a QA context.
 * Returns: one error per code met again.
 *
 *   > | source: Il <1/> vertice.
 *   > | target: The <1/> summit <1/>.
 *   >                           ^^^^ code 1 appears more than once
 */
import {codeBalance} from '../code-balance.ts'
import {finding, type Rule} from '../rule.ts'

/** The rule. */
export const codeDuplicated: Rule = {
  id: 'code-duplicated',
  severity: 'error',
  structural: true,
  check: (context) => context.shared(codeBalance).flatMap((issue) => (issue.kind === 'duplicated' ? [finding(context, codeDuplicated, issue.message)] : []))
}
