/**
 * Rule `inconsistent-target`: one source translated several ways in a
 * locale. Takes: every sound translation checked together (`checkProject`:
 * a locale's stores in `check` and `build`, one XLIFF file at import).
 * Returns: a warning on each translation whose target differs from the
 * first translation of the same source (in the order given: documents, then
 * source order), naming that one's key in the message and its target in
 * `expected`, its own in `actual`.
 *
 *   > | a.md `3fa1c0`: Il vertice di Pechino. → The Beijing summit.
 *   > | b.md `3fa1c0`: Il vertice di Pechino. → The summit in Beijing.
 *   >                                           ^^^^^^^^^^^^^^^^^^^^^^ differs from a.md's
 *
 * Texts are compared with their codes, spaces collapsed (`normalizeValue`).
 * The same key twice in one file is `key-conflict`'s (the import keeps the
 * last), not this rule's.
 */
import {targetBundleValue, toBundleValue} from '../../../units/index.ts'
import {differingFromFirst} from '../inconsistency.ts'
import {normalizedSource, normalizedTarget} from '../normalized-text.ts'
import {finding, where, type QaContext, type Rule} from '../rule.ts'
import type {Diagnostic} from '../../../types.ts'

/** The rule. */
export const inconsistentTarget: Rule = {
  id: 'inconsistent-target',
  severity: 'warning',
  checkProject(contexts) {
    const found: Array<[QaContext, Diagnostic]> = []
    for (const [context, reference] of differingFromFirst(contexts, (one) => one.shared(normalizedSource), (one) => one.shared(normalizedTarget))) {
      if (reference.input.key && reference.input.key === context.input.key && reference.input.file === context.input.file) continue
      const other = targetBundleValue({tokens: reference.source.tokens}, reference.target.tokens)
      const own = targetBundleValue({tokens: context.source.tokens}, context.target.tokens)
      found.push([context, finding(context, inconsistentTarget, `Source ${JSON.stringify(toBundleValue(context.source.tokens))} is translated otherwise in ${where(reference)}: ${JSON.stringify(other)}`, {expected: other, actual: own})])
    }
    return found
  }
}
