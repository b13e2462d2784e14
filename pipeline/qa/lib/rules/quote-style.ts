/**
 * Rule `quote-style`: the target's quotation marks are its locale's, as
 * CLDR's delimiters data gives them (`en` “…” and ‘…’ inside; `fr` «…»; `it`
 * «…» and “…”; `es` “…” and ‘…’; `de` „…“). Takes: a QA context with a
 * target locale CLDR knows. Returns: one warning per translation that opens
 * or closes a quotation with another mark (expected: the locale's pairs;
 * actual: the marks found), or that has more straight double quotes (`"`)
 * than its source.
 *
 *   > | source (it): una «minaccia»
 *   > | target (en): a «threat»
 *   >                  ^      ^ `en` quotes “…” (‘…’ inside)
 *
 * Straight double quotes are the source's own typewriter style when the
 * source has as many: they are kept, not checked. Straight single quotes are
 * apostrophes as often as quotes and are not checked; neither is `’` as an
 * apostrophe (between letters, `l’alleanza`, or after one with no `‘`, `‚` or
 * `‛` before it). A mark is checked against all four of the locale's, not
 * by role: whether a mark opens or closes is not always clear from its
 * place (`« mot »` has spaces on both sides). Known limit:
 * CLDR's Spanish data has “…” first, where the RAE recommends «…»: a project
 * that follows the RAE turns the rule off for Spanish (`qa`).
 */
import {quotationMarks} from '../quotation-marks.ts'
import {finding, type Rule} from '../rule.ts'

/** Every typographic quotation mark of the world's conventions (not `"` or `'`). */
const marks = '“”„‟«»‹›‘’‚‛「」『』〝〞'

/** The rule. */
export const quoteStyle: Rule = {
  id: 'quote-style',
  severity: 'warning',
  check(context) {
    const locale = context.locale ? quotationMarks(context.locale) : undefined
    if (!locale) return []
    const text = context.target.text
    const wrong = new Set<string>()
    let singleOpened = false
    for (let index = 0; index < text.length; index++) {
      const mark = text[index]!
      if (!marks.includes(mark)) continue
      const before = previous(text, index)
      const after = text[index + 1] ?? ''
      if ('‘‚‛'.includes(mark)) singleOpened = true
      if (mark === '’' && /\p{L}/u.test(before) && (/\p{L}/u.test(after) || !singleOpened)) continue
      if (![locale.start, locale.end, locale.alternateStart, locale.alternateEnd].includes(mark)) wrong.add(mark)
    }
    const straight = (value: string) => value.split('"').length - 1
    const extraStraight = straight(text) > straight(context.source.text)
    if (wrong.size === 0 && !extraStraight) return []
    const actual = [...wrong, ...(extraStraight ? ['"'] : [])]
    const expected = [`${locale.start}…${locale.end}`, ...(locale.alternateStart === locale.start ? [] : [`${locale.alternateStart}…${locale.alternateEnd}`])]
    return [
      finding(context, quoteStyle, `Quotation marks ${actual.map((one) => '`' + one + '`').join(', ')} are not \`${context.locale}\`'s: it quotes ${expected.join(', inside ')}`, {expected, actual})
    ]
  }
}

/** The character before `index`, looking through codes (U+FFFC). */
function previous(text: string, index: number): string {
  let at = index - 1
  while (at >= 0 && text[at] === '\uFFFC') at--
  return at >= 0 ? text[at]! : ''
}
