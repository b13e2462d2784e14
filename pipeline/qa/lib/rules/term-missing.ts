/**
 * Rule `term-missing`: no approved target term (preferred or admitted, in
 * any inflected form: `NATO's`, `sanciones`) translates a source term.
 * Takes: a QA context with term rules. Returns: one finding per concept: an
 * error for a name, a warning for a common term (a translator may rephrase).
 *
 *   > | source: Il vertice di Pechino.
 *   > | target: The Beijing meeting.
 *   >                       ^^^^^^^ `vertice` should be `summit` (a warning: a common term)
 */
import {termRuleCheck} from '../term-check.ts'
import type {Rule} from '../rule.ts'

/** The rule. */
export const termMissing: Rule = {id: 'term-missing', severity: 'error', check: (context) => termRuleCheck(termMissing)(context)}
