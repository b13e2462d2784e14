/**
 * Which candidate pre-fills a segment's target in an exchange file, and in
 * which state. Takes: what leverage found for a segment and the pre-fill
 * policy. Returns: the candidate, its target tokens and state, or nothing.
 *
 * - The segment's own stored translation keeps its stored state.
 * - A context or exact match pre-fills as the policy says (`translated` by
 *   default, `initial`, or `none`); never `final`, and a machine-made pair
 *   at most `initial`.
 * - A fuzzy match or a machine translation is a proposal only, unless the
 *   policy pre-fills it as `initial`.
 *
 * The first candidate (best first) that the policy allows and whose codes fit
 * the segment is taken.
 */
import type {Candidate, KeyState, TargetToken} from '../../types.ts'
import type {SegmentLeverage} from './leverage.ts'

/** How each kind of candidate may pre-fill a target. */
export interface PrefillPolicy {
  context: 'translated' | 'initial' | 'none'
  exact: 'translated' | 'initial' | 'none'
  fuzzy: 'initial' | 'none'
  machine: 'initial' | 'none'
}

/** The default policy: context and exact matches as `translated`, the rest proposals. */
export const defaultPrefill: PrefillPolicy = {context: 'translated', exact: 'translated', fuzzy: 'none', machine: 'none'}

/** A pre-filled target. */
export interface Prefill {
  candidate: Candidate
  tokens: TargetToken[]
  /** Bundle form of `tokens`. */
  value: string
  state: KeyState['state']
}

/**
 * @param found What leverage found for the segment.
 * @param policy The pre-fill policy (default {@linkcode defaultPrefill}).
 */
export function prefill(found: SegmentLeverage, policy?: PrefillPolicy | null): Prefill | undefined {
  const rules = policy ?? defaultPrefill
  for (const candidate of found.candidates) {
    if (!candidate.tokens || candidate.value === undefined) continue
    const state = stateOf(candidate, rules)
    if (state) return {candidate, tokens: candidate.tokens, value: candidate.value, state}
  }
  return undefined
}

function stateOf(candidate: Candidate, rules: PrefillPolicy): KeyState['state'] | undefined {
  if (candidate.own) return candidate.state ?? 'translated'
  const rule = rules[candidate.match]
  if (rule === 'none') return undefined
  return candidate.origin === 'machine' ? 'initial' : rule
}
