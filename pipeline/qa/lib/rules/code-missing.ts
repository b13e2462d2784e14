/**
 * Rule `code-missing` (structural): a code of the source segment is not in
 * the target (its bytes, a link or emphasis, would be lost). Takes: a QA
 * context. Returns: one error per side of a code the target lacks.
 *
 *   > | source: Il <1>vertice</1> di Pechino<2/>.
 *   > | target: The <1>summit</1> in Beijing.
 *   >                                       ^ code 2 (ph) is missing
 */
import {codeBalance} from '../code-balance.ts'
import {finding, type Rule} from '../rule.ts'

/** The rule. */
export const codeMissing: Rule = {
  id: 'code-missing',
  severity: 'error',
  structural: true,
  check: (context) => context.shared(codeBalance).flatMap((issue) => (issue.kind === 'missing' ? [finding(context, codeMissing, issue.message)] : []))
}
