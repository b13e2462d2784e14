/**
 * Rule `code-misnested` (structural): the target's paired codes do not nest
 * (one closes before a code opened inside it, or one is left open), so its
 * Markdown cannot be rebuilt. Takes: a QA context. Returns: one error per
 * code closed out of order, and one for the codes left open.
 *
 *   > | source: Un <1><2>vertice</2></1>.
 *   > | target: A <1><2>summit</1></2>.
 *   >                         ^^^^ code 1 closes out of order
 */
import {codeBalance} from '../code-balance.ts'
import {finding, type Rule} from '../rule.ts'

/** The rule. */
export const codeMisnested: Rule = {
  id: 'code-misnested',
  severity: 'error',
  structural: true,
  check: (context) => context.shared(codeBalance).flatMap((issue) => (issue.kind === 'misnested' ? [finding(context, codeMisnested, issue.message)] : []))
}
