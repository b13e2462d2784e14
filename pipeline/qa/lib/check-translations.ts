/**
 * Run the QA rules over translations. Takes: the translations to check (each
 * a `QaInput`: source and target tokens, locales, term rules, where it is)
 * and options (which rules, the configured severities). Returns: every
 * finding, in input order, and the findings of each input.
 *
 * Per translation, the structural rules (codes) run first; a translation
 * they find broken gets no other rule, on its own or across translations.
 * Then every other rule's `check`, in registry order; then each rule's
 * `checkProject` over every sound translation together. A severity set in
 * the config (`qa` in `babele.config.json`) replaces the rule's own on
 * every finding; `off` turns the rule off.
 */
import type {Diagnostic, Severity} from '../../types.ts'
import {withSeverity} from '../../diagnostic.ts'
import {qaContext} from './qa-context.ts'
import {qaRules} from './registry.ts'
import type {QaContext, QaInput, Rule} from './rule.ts'

/** A severity per rule id, or `off`, as the config's `qa` field gives it. */
export type QaSeverities = Readonly<Record<string, Severity | 'off'>>

/** Options of {@linkcode checkTranslations}. */
export interface Options {
  /** Rule ids to run (default: every rule of the registry). */
  rules?: readonly string[] | null | undefined
  /** Severity per rule id, or `off` (default: each rule's own); structural rules stay errors. */
  severity?: QaSeverities | null | undefined
}

/** What {@linkcode checkTranslations} returns. */
export interface QaResult {
  /** Every finding, input by input. */
  messages: Diagnostic[]
  /** The findings on each input, in input order. */
  byInput: Diagnostic[][]
}

/**
 * @param inputs Translations to check, together.
 * @param options Rules to run, severities.
 * @returns Findings.
 */
export function checkTranslations(inputs: readonly QaInput[], options?: Options | null): QaResult {
  const wanted = options?.rules ?? undefined
  for (const id of wanted ?? []) {
    if (!qaRules.some((rule) => rule.id === id)) throw new TypeError('Cannot use `' + id + '` in `options.rules`, expected a QA rule id such as `code-missing`')
  }

  const severities = options?.severity ?? {}
  const rules = qaRules.filter((rule) => (!wanted || wanted.includes(rule.id)) && (rule.structural || severities[rule.id] !== 'off'))
  const severityOf = (rule: Rule): Severity | undefined => {
    const set = severities[rule.id]
    return rule.structural || set === undefined || set === 'off' ? undefined : set
  }

  const apply = (rule: Rule, found: readonly Diagnostic[]) => {
    const severity = severityOf(rule)
    return severity ? found.map((message) => withSeverity(message, severity)) : found
  }

  const contexts = inputs.map((input) => qaContext(input))
  const byInput: Diagnostic[][] = contexts.map(() => [])
  const sound: QaContext[] = []
  contexts.forEach((context, index) => {
    const found = byInput[index]!
    for (const rule of rules) if (rule.structural && rule.check) found.push(...rule.check(context))
    if (found.length > 0) return
    for (const rule of rules) if (!rule.structural && rule.check) found.push(...apply(rule, rule.check(context)))
    sound.push(context)
  })

  const indexOf = new Map(contexts.map((context, index) => [context, index]))
  for (const rule of rules) {
    if (!rule.checkProject || sound.length === 0) continue
    for (const [context, message] of rule.checkProject(sound)) byInput[indexOf.get(context)!]!.push(...apply(rule, [message]))
  }

  return {messages: byInput.flat(), byInput}
}
