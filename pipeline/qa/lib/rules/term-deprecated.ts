/**
 * Rule `term-deprecated`: the target uses a term the glossary deprecates in
 * its locale (`Peking`). Takes: a QA context with term rules. Returns: one
 * finding per term used: an error when its concept is in the source, a
 * warning otherwise (`americano` in `continente americano`). The lint rule
 * of the same id finds deprecated terms in the sources.
 *
 *   > | source: Il vertice di Pechino.
 *   > | target: The Peking summit.
 *   >               ^^^^^^ deprecated in `en`; use `Beijing`
 */
import {termRuleCheck} from '../term-check.ts'
import type {Rule} from '../rule.ts'

/** The rule. */
export const termDeprecated: Rule = {id: 'term-deprecated', severity: 'error', check: (context) => termRuleCheck(termDeprecated)(context)}
