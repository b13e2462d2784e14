/**
 * Rule `untranslated`: the target is its source, unchanged (spaces apart),
 * and the source is prose. Takes: a QA context. Returns: one warning on
 * such a translation.
 *
 *   > | source (it): Il vertice di Pechino.
 *   > | target (en): Il vertice di Pechino.
 *   >                ^^^^^^^^^^^^^^^^^^^^^^ not translated
 *
 * Where a target identical to its source is normal, the rule says nothing:
 * - the source is not prose: no word of two or more letters that starts
 *   with a lower-case letter, other than a glossary do-not-translate term
 *   (`AUKUS`) or a URL or code span. Names, titles in capitals, acronyms,
 *   numbers, dates in figures and codes stay as they are (`Sana Jamal
 *   (@Sana_Jamal) February 4, 2022`, `NATO`, `Kremlin.`);
 * - source and target are the same language (`it` → `it-CH`).
 * Known limit: prose quoted in the target's language inside the source (an
 * English tweet in an Italian article, kept in the English translation) is
 * reported; a reviewer dismisses it.
 */
import {termLocks} from '../../../glossary/index.ts'
import {insideLiteral, sourceLiterals} from '../literals.ts'
import {normalizedSource, normalizedTarget} from '../normalized-text.ts'
import {finding, type Rule} from '../rule.ts'
import {wordsOf} from '../words.ts'
import {primaryLanguage} from '../../../language-tag.ts'

/** The rule. */
export const untranslated: Rule = {
  id: 'untranslated',
  severity: 'warning',
  check(context) {
    if (context.sourceLocale && context.locale && primaryLanguage(context.sourceLocale) === primaryLanguage(context.locale)) return []
    const source = context.source.text
    if (context.shared(normalizedSource) !== context.shared(normalizedTarget)) return []
    const kept = context.terms ? termLocks(context.terms, source).filter((lock) => lock.doNotTranslate) : []
    const literals = context.shared(sourceLiterals)
    const prose = wordsOf(source, context.sourceLocale).some(
      (word) => /^\p{Ll}/u.test(word.text) && (word.text.match(/\p{L}/gu)?.length ?? 0) >= 2 && !insideLiteral(literals, word.index) && !kept.some((lock) => word.index >= lock.start && word.index < lock.end)
    )
    return prose ? [finding(context, untranslated, 'The target is the source, not translated', {actual: context.shared(normalizedTarget)})] : []
  }
}
