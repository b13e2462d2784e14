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
 * every finding; `off` turns the rule off. `checkEach` and `checkTogether`
 * are the two halves, for a caller that keeps each translation's own
 * findings and checks the sound ones together again.
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

/** What {@linkcode checkEach} finds on each translation. */
export interface EachResult {
  /** The findings on each input, in input order. */
  byInput: Diagnostic[][]
  /** Whether the structural rules found each input sound (only a sound one is checked with the others: `checkTogether`). */
  sound: boolean[]
}

/**
 * @param inputs Translations to check, together.
 * @param options Rules to run, severities.
 * @returns Findings.
 */
export function checkTranslations(inputs: readonly QaInput[], options?: Options | null): QaResult {
  const chosen = chooseRules(options)
  const contexts = inputs.map((input) => qaContext(input))
  const byInput = contexts.map((context) => checkOne(context, chosen))
  const sound = contexts.filter((_, index) => byInput[index]!.sound)
  const indexes = byInput.flatMap((one, index) => (one.sound ? [index] : []))
  checkAcross(sound, chosen).forEach((found, index) => byInput[indexes[index]!]!.found.push(...found))
  const found = byInput.map((one) => one.found)
  return {messages: found.flat(), byInput: found}
}

/**
 * The first half of {@linkcode checkTranslations}: each translation on its
 * own (structural rules, then the others on a sound one), so a caller can
 * keep a document's findings and check its sound translations with every
 * other document's later (`checkTogether`).
 *
 * @param inputs Translations to check, each alone.
 * @param options Rules to run, severities.
 * @returns Findings on each input, and which are sound.
 */
export function checkEach(inputs: readonly QaInput[], options?: Options | null): EachResult {
  const chosen = chooseRules(options)
  const each = inputs.map((input) => checkOne(qaContext(input), chosen))
  return {byInput: each.map((one) => one.found), sound: each.map((one) => one.sound)}
}

/**
 * The second half of {@linkcode checkTranslations}: the rules across
 * translations (`checkProject`) over the sound ones together.
 *
 * @param inputs The translations `checkEach` found sound, in order.
 * @param options Rules to run, severities.
 * @returns The findings on each input, in input order: each rule's in registry order.
 */
export function checkTogether(inputs: readonly QaInput[], options?: Options | null): Diagnostic[][] {
  return checkAcross(inputs.map((input) => qaContext(input)), chooseRules(options))
}

/** The rules to run, and how to give a finding its configured severity. */
interface Chosen {
  rules: Rule[]
  apply: (rule: Rule, found: readonly Diagnostic[]) => readonly Diagnostic[]
}

function chooseRules(options: Options | null | undefined): Chosen {
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
  return {rules, apply}
}

/** One translation on its own: the structural rules; the others when those find nothing. */
function checkOne(context: QaContext, {rules, apply}: Chosen): {found: Diagnostic[]; sound: boolean} {
  const found: Diagnostic[] = []
  for (const rule of rules) if (rule.structural && rule.check) found.push(...rule.check(context))
  if (found.length > 0) return {found, sound: false}
  for (const rule of rules) if (!rule.structural && rule.check) found.push(...apply(rule, rule.check(context)))
  return {found, sound: true}
}

/** The rules across translations over sound ones: the findings on each. */
function checkAcross(sound: readonly QaContext[], {rules, apply}: Chosen): Diagnostic[][] {
  const byInput: Diagnostic[][] = sound.map(() => [])
  const indexOf = new Map(sound.map((context, index) => [context, index]))
  for (const rule of rules) {
    if (!rule.checkProject || sound.length === 0) continue
    for (const [context, message] of rule.checkProject(sound)) byInput[indexOf.get(context)!]!.push(...apply(rule, [message]))
  }
  return byInput
}
