/**
 * Rule `term-not-kept`: a do-not-translate term (`AUKUS`; `NATO` in English,
 * whose preferred English term is do-not-translate and spelled the same) is
 * not in the target exactly as written. Takes: a QA context with term rules.
 * Returns: one error per concept.
 *
 *   > | source: Il patto AUKUS.
 *   > | target: The Aukus pact.
 *   >               ^^^^^ `AUKUS` is not kept as written
 */
import {termRuleCheck} from '../term-check.ts'
import type {Rule} from '../rule.ts'

/** The rule. */
export const termNotKept: Rule = {id: 'term-not-kept', severity: 'error', check: (context) => termRuleCheck(termNotKept)(context)}
