/**
 * Rule `term-untranslated`: the approved target term is missing and the
 * source term is left in the target. Takes: a QA context with term rules.
 * Returns: one finding per concept: an error for a name (`Cremlino`), a
 * warning for a common term.
 *
 *   > | source: Il Cremlino ha risposto.
 *   > | target: The Cremlino answered.
 *   >               ^^^^^^^^ left in Italian; the glossary has `Kremlin`
 */
import {termRuleCheck} from '../term-check.ts'
import type {Rule} from '../rule.ts'

/** The rule. */
export const termUntranslated: Rule = {id: 'term-untranslated', severity: 'error', check: (context) => termRuleCheck(termUntranslated)(context)}
