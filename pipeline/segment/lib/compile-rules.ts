/**
 * Compile SRX rules for one language into fast tests. Takes: SRX rules (as
 * `fromSrx` returns them) and a BCP 47 language tag. Returns: the rules of
 * every language rule mapped to the language, as runs of rules with the same
 * decision (each run a few sticky alternations), and one global scan per
 * `break="yes"` rule. Compiled once per rules object and language.
 *
 * Rules next to each other with the same `break` can be tried in any order
 * (the first match decides, and they decide the same), so a run is grouped
 * by the punctuation its rules need: a rule is tried only at positions right
 * after the character its `beforebreak` ends with, and only when the text
 * holds the character it starts with.
 */
import {firstChar, lastChar, leadingRepeat} from './pattern-shape.ts'
import type {JsPattern, SrxRule, SrxRules} from './srx-rules.ts'

/** Whether a rule matches at offset `at` of `window`. */
export type Test = (window: string, at: number) => boolean

/** Rules with the same `break`, split in sticky alternations. */
export interface Part {
  /** A character the text must contain for these rules to match anywhere. */
  requires: string | undefined
  /** The character every match of their `beforebreak` ends with, if known. */
  last: string | undefined
  /** Whether one of the rules matches at a position of a window. */
  test: Test
}

/** Rules of one language, ready to run. */
export interface Compiled {
  /** Runs of consecutive rules with the same `break`, in order. */
  runs: Array<{break: boolean; parts: Part[]}>
  /** One global scan per `break="yes"` rule: each match ends at a candidate. */
  scans: RegExp[]
  /** Every character some part requires. */
  required: string[]
}

const compiledCache = new WeakMap<SrxRules, Map<string, Compiled>>()

/**
 * Compile the rules that apply to `language`, once per rules object and language.
 *
 * @param rules SRX rules from `fromSrx`; anything else throws a `TypeError` naming `options.rules`.
 * @param language BCP 47 language tag, matched against the language maps as given, lower- and upper-cased.
 * @returns The compiled rules.
 */
export function compileRules(rules: SrxRules, language: string): Compiled {
  let perLanguage = compiledCache.get(rules)
  if (!perLanguage) {
    perLanguage = new Map()
    compiledCache.set(rules, perLanguage)
  }
  let compiled = perLanguage.get(language)
  if (!compiled) {
    compiled = build(languageRules(rules, language))
    perLanguage.set(language, compiled)
  }
  return compiled
}

/** The rules of every language rule mapped to `language` (all of them with `cascade`, else the first), in map order. */
function languageRules(rules: SrxRules, language: string): SrxRule[] {
  if (!rules || !Array.isArray(rules.languageMaps) || !Array.isArray(rules.languageRules)) {
    throw new TypeError('Cannot segment with `options.rules`, expected SRX rules from `fromSrx`')
  }
  const variants = [language, language.toLowerCase(), language.toUpperCase()]
  const names: string[] = []
  for (const map of rules.languageMaps) {
    const pattern = regex(map.pattern, '')
    if (!variants.some((variant) => pattern.test(variant))) continue
    if (!names.includes(map.languageRuleName)) names.push(map.languageRuleName)
    if (!rules.cascade) break
  }
  return names.flatMap((name) => rules.languageRules.find((rule) => rule.name === name)?.rules ?? [])
}

function build(rules: SrxRule[]): Compiled {
  const runs: Compiled['runs'] = []
  const scans: RegExp[] = []
  const required = new Set<string>()
  let pending: SrxRule[] = []
  const flush = (): void => {
    if (pending.length === 0) return
    // Order inside a run is free (same decision), so rules group by the
    // character they require; rules with backreferences stand alone.
    const groups = new Map<string, {requires: string | undefined; last: string | undefined; rules: SrxRule[]}>()
    const parts: Part[] = []
    for (const rule of pending) {
      if (rule.before.backreferences || rule.after.backreferences) {
        parts.push({requires: undefined, last: undefined, test: alone(rule)})
        continue
      }
      const requires = firstChar(rule.before.source)
      const last = lastChar(rule.before.source)
      if (requires !== undefined) required.add(requires)
      const key = `${requires ?? ''}\u0000${last ?? ''}`
      const group = groups.get(key)
      if (group) group.rules.push(rule)
      else groups.set(key, {requires, last, rules: [rule]})
    }
    for (const {requires, last, rules} of groups.values()) parts.push({requires, last, test: alternation(rules)})
    runs.push({break: pending[0]!.break, parts})
    pending = []
  }
  for (const rule of rules) {
    if (rule.break) scans.push(scanner(rule))
    if (pending.length > 0 && pending[0]!.break !== rule.break) flush()
    pending.push(rule)
  }
  flush()
  return {runs, scans, required: [...required]}
}

/**
 * A global regex whose matches end where `rule` matches. Forwards
 * (`before(?=after)`) when `beforebreak` starts with a plain atom; when it
 * starts with a repetition (`\\w+[.?!]+`), a forward scan retries the
 * repetition inside every word, so the scan tests each position instead,
 * `after` first: `(?=after)(?<=before)`.
 */
function scanner(rule: SrxRule): RegExp {
  const {before, after} = rule
  if (!leadingRepeat(before.source)) return regex(pattern(`(?:${before.source})(?=${after.source})`, before, after), 'g')
  return regex(pattern((after.source ? `(?=${after.source})` : '') + `(?<=${before.source})`, before, after), 'g')
}

/**
 * Rules with the same decision, tried together: a sticky alternation of
 * `(?<=before)(?:after)`. V8 matches a lookbehind backwards from the
 * position, so a rule that cannot match fails within a character or two.
 */
function alternation(rules: SrxRule[]): Test {
  const source = rules.map((rule) => (rule.before.source ? `(?<=${rule.before.source})` : '') + (rule.after.source ? `(?:${rule.after.source})` : '')).join('|')
  let compiled: RegExp
  try {
    compiled = regex(pattern(source, ...rules.flatMap((rule) => [rule.before, rule.after])), 'y')
  } catch {
    // One rule does not compile (hand-made rules): name it.
    for (const rule of rules) alone(rule)
    throw new TypeError('Cannot compile the rules of `options.rules`')
  }
  return (window, at) => {
    compiled.lastIndex = at
    return compiled.test(window)
  }
}

/** A rule with backreferences: its `beforebreak` must run forwards, anchored at the position. */
function alone(rule: SrxRule): Test {
  let before: RegExp
  let after: RegExp
  try {
    before = regex({...rule.before, source: `(?:${rule.before.source})$`}, '')
    after = regex({...rule.after, source: `(?:${rule.after.source})`}, 'y')
  } catch {
    throw new TypeError(`Cannot compile the rule of \`options.rules\` at line ${rule.line ?? '?'}: \`${rule.beforeBreak}\` / \`${rule.afterBreak}\``)
  }
  return (window, at) => {
    if (!before.test(window.slice(0, at))) return false
    after.lastIndex = at
    return after.test(window)
  }
}

/** A pattern whose flags suit all its parts (`v` if any part needs it). */
function pattern(source: string, ...parts: JsPattern[]): JsPattern {
  return {source, flags: parts.some((part) => part.flags === 'v') ? 'v' : 'u', backreferences: false}
}

function regex(value: JsPattern, extra: string): RegExp {
  return new RegExp(value.source, value.flags + extra)
}
