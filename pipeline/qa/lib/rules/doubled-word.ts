/**
 * Rule `doubled-word`: a word written twice in a row (`the the`), compared
 * without case, that the source does not double too. Takes: a QA context.
 * Returns: one warning per doubled pair (expected: the word once, actual:
 * the pair as written).
 *
 *   > | target: Putin and the the Chinese president
 *   >                     ^^^^^^^ doubled
 *
 * Words are Unicode's (`Intl.Segmenter` in the target locale, so `l’OTAN`
 * is one word and Thai or Japanese are split as ICU splits them), separated
 * by spaces only: punctuation or a code between them (`the **the**`) breaks
 * the pair. Not reported: pairs the source doubles too (`Bora Bora`, `pian
 * piano`), numbers (`2 2`), and the doubles a grammar asks for: French
 * `nous nous` and `vous vous` (reflexive verbs), English `had had` and
 * `that that`.
 */
import {finding, type Rule} from '../rule.ts'
import {wordsOf} from '../words.ts'
import {primaryLanguage} from '../../../language-tag.ts'
import type {Diagnostic} from '../../../types.ts'

/** Something word-like, spaces, and the same again (case aside): what a doubled word needs, and more. */
const candidate = /(?<![\p{L}\p{M}\p{N}])([\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}’'.:·_-]*)[ \t\u00A0\u202F\u2009\n]+\1(?![\p{L}\p{M}\p{N}])/iu

/** Doubles that are grammar, by language. */
const grammatical: Readonly<Record<string, readonly string[]>> = {fr: ['nous', 'vous'], en: ['had', 'that']}

/** The rule. */
export const doubledWord: Rule = {
  id: 'doubled-word',
  severity: 'warning',
  check(context) {
    // Word segmentation is the costly part: only a text with a letter run repeated after spaces can have a pair.
    if (!candidate.test(context.target.text)) return []
    const inSource = new Set(doubles(context.source.text, context.sourceLocale).map((pair) => pair.word))
    const allowed = grammatical[context.locale ? primaryLanguage(context.locale) : ''] ?? []
    const found: Diagnostic[] = []
    for (const pair of doubles(context.target.text, context.locale)) {
      if (inSource.has(pair.word) || allowed.includes(pair.word)) continue
      found.push(finding(context, doubledWord, `\`${pair.text}\`: a word written twice`, {expected: pair.first, actual: pair.text}))
    }
    return found
  }
}

/** Word pairs of a text that are one word twice, with spaces only between. */
function doubles(text: string, locale: string | undefined): Array<{word: string; first: string; text: string}> {
  const words = wordsOf(text, locale)
  const pairs: Array<{word: string; first: string; text: string}> = []
  for (let index = 1; index < words.length; index++) {
    const one = words[index - 1]!
    const two = words[index]!
    const between = text.slice(one.index + one.text.length, two.index)
    if (!/^[ \t\u00A0\u202F\u2009\n]+$/u.test(between) || !/\p{L}/u.test(one.text)) continue
    const word = one.text.toLocaleLowerCase(locale)
    if (word === two.text.toLocaleLowerCase(locale)) pairs.push({word, first: one.text, text: text.slice(one.index, two.index + two.text.length)})
  }
  return pairs
}
