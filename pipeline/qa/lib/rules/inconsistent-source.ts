/**
 * Rule `inconsistent-source`: several sources translated the same way in a
 * locale. Takes: every sound translation checked together (`checkProject`,
 * as `inconsistent-target`). Returns: a warning on each translation whose
 * source differs from the first source translated so (in the order given),
 * naming that one's key in the message and its source in `expected`, its
 * own in `actual`.
 *
 *   > | `3fa1c0`: Il vertice di Pechino.   → The Beijing summit.
 *   > | `9b2d44`: L'incontro di Pechino.   → The Beijing summit.
 *   >             ^^^^^^^^^^^^^^^^^^^^^^^ translated as 3fa1c0 is
 *
 * Texts are compared with their codes, spaces collapsed. A target with no
 * letter (`2022`, a lone code) is left out: different sources may well be
 * written so.
 */
import {toBundleValue} from '../../../units/index.ts'
import {differingFromFirst} from '../inconsistency.ts'
import {normalizedSource, normalizedTarget} from '../normalized-text.ts'
import {finding, where, type QaContext, type Rule} from '../rule.ts'
import type {Diagnostic} from '../../../types.ts'

/** The rule. */
export const inconsistentSource: Rule = {
  id: 'inconsistent-source',
  severity: 'warning',
  checkProject(contexts) {
    const found: Array<[QaContext, Diagnostic]> = []
    const withLetters = (context: QaContext) => {
      const target = context.shared(normalizedTarget)
      return /\p{L}/u.test(target) ? target : undefined
    }
    for (const [context, reference] of differingFromFirst(contexts, withLetters, (one) => one.shared(normalizedSource))) {
      const other = toBundleValue(reference.source.tokens)
      const own = toBundleValue(context.source.tokens)
      found.push([context, finding(context, inconsistentSource, `Translated as ${where(reference)} is, whose source differs: ${JSON.stringify(other)}`, {expected: other, actual: own})])
    }
    return found
  }
}
