/**
 * The glossary check the five term rules share. Takes: a QA context.
 * Returns: what the glossary stage's `checkTranslation` finds in the
 * translation against its language pair's term rules (none without rules);
 * each term rule reports its own rule id, placed where the translation is.
 */
import {checkTranslation} from '../../glossary/index.ts'
import type {Diagnostic} from '../../types.ts'
import {finding, type QaContext, type Rule} from './rule.ts'

/**
 * @param context The translation.
 * @returns The term violations, unplaced.
 */
function termCheck(context: QaContext): Diagnostic[] {
  return context.terms ? checkTranslation(context.terms, {source: context.source.text, target: context.target.text}) : []
}

/**
 * The check of one term rule: the shared violations with its id, placed.
 *
 * @param rule The term rule.
 */
export function termRuleCheck(rule: Rule): (context: QaContext) => Diagnostic[] {
  return (context) =>
    context.shared(termCheck).flatMap((violation) =>
      violation.ruleId === rule.id ? [finding(context, rule, violation.message, {severity: violation.severity, conceptId: violation.conceptId, expected: violation.expected, actual: violation.actual})] : []
    )
}
