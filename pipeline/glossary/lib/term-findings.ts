/**
 * A translation's term violations as findings, in the shape every stage
 * that checks translations reports (import, build, check, machine
 * translation). Takes: the term rules of a language pair, a source and its
 * translation as plain text. Returns: one finding per violation, with its
 * rule id, concept, severity and a message naming the term and its concept.
 */
import {checkTranslation, type TermRuleId, type TermRules, type Translation} from './term-rules.ts'

/** A term violation of a translation, ready to report. */
export interface TermFinding {
  ruleId: TermRuleId
  /** The concept the violation is about. */
  conceptId: string
  /** `error` for a broken lock (the translation must not be used), else `warning`. */
  severity: 'error' | 'warning'
  message: string
  expected?: string
  actual?: string
}

/**
 * @param rules Term rules of the language pair.
 * @param translation Source and target plain text (`textOfTokens`).
 * @returns Findings, in `checkTranslation`'s order.
 */
export function termFindings(rules: TermRules, translation: Translation): TermFinding[] {
  return checkTranslation(rules, translation).map((violation) => ({
    ruleId: violation.ruleId,
    conceptId: violation.conceptId,
    severity: violation.severity === 'error' ? 'error' : 'warning',
    message: `${violation.message} (term \`${violation.term}\`, concept \`${violation.conceptId}\`)`,
    ...(violation.expected === undefined ? {} : {expected: violation.expected}),
    ...(violation.actual === undefined ? {} : {actual: violation.actual})
  }))
}
