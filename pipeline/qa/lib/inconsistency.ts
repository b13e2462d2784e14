/**
 * What the two inconsistency rules share. Takes: translations checked
 * together, which text groups them and which text must agree within a group.
 * Returns: each translation whose compared text differs from the first
 * translation of its group (in the order given), paired with that first
 * one. Groups are per target locale.
 *
 *   > | k1: Il vertice. → The summit.    (first of its group)
 *   > | k2: Il vertice. → The meeting.   → [k2, k1]
 */
import type {QaContext} from './rule.ts'

/**
 * @param contexts Translations, in the order findings should name them.
 * @param group The text a translation is grouped by (`undefined`: left out).
 * @param compared The text that must be the same within a group.
 * @returns `[translation, first of its group]` for each that differs.
 */
export function differingFromFirst(contexts: readonly QaContext[], group: (context: QaContext) => string | undefined, compared: (context: QaContext) => string): Array<[QaContext, QaContext]> {
  const first = new Map<string, QaContext>()
  const differing: Array<[QaContext, QaContext]> = []
  for (const context of contexts) {
    const text = group(context)
    if (text === undefined) continue
    const name = `${context.locale ?? ''}\u0000${text}`
    const reference = first.get(name)
    if (!reference) first.set(name, context)
    else if (compared(reference) !== compared(context)) differing.push([context, reference])
  }
  return differing
}
