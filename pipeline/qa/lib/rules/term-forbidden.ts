/**
 * Rule `term-forbidden`: the target uses a term the glossary forbids in its
 * locale (`NATO` in Spanish, where it is `OTAN`). Takes: a QA context with
 * term rules. Returns: one finding per term used: an error when its concept
 * is in the source, a warning otherwise (the word may mean something else).
 *
 *   > | source: Il vertice della NATO.
 *   > | target: La cumbre de la NATO.
 *   >                          ^^^^ forbidden in `es`; use `OTAN`
 */
import {termRuleCheck} from '../term-check.ts'
import type {Rule} from '../rule.ts'

/** The rule. */
export const termForbidden: Rule = {id: 'term-forbidden', severity: 'error', check: (context) => termRuleCheck(termForbidden)(context)}
