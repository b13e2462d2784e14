/**
 * Rule `double-space`: the target has more runs of two or more spaces than
 * its source (spaces, no-break spaces, thin spaces or tabs side by side; a
 * line break is not one). Takes: a QA context. Returns: one warning per
 * translation (actual: each run with the words around it, expected: the same
 * with one space).
 *
 *   > | target: The two  presidents.
 *   >                  ^^ two spaces
 */
import {finding, type Rule} from '../rule.ts'

const run = /(\S*)([ \t\u00A0\u202F\u2009]{2,})(\S*)/gu

/** The rule. */
export const doubleSpace: Rule = {
  id: 'double-space',
  severity: 'warning',
  check(context) {
    const runs = [...context.target.text.matchAll(run)]
    if (runs.length <= [...context.source.text.matchAll(run)].length) return []
    // Codes (U+FFFC) are left out of what the finding quotes.
    const actual = runs.map((match) => match[0].replaceAll('\uFFFC', ''))
    const expected = runs.map((match) => `${match[1]} ${match[3]}`.replaceAll('\uFFFC', ''))
    return [finding(context, doubleSpace, `${runs.length === 1 ? 'A double space' : `${runs.length} double spaces`} in the target (${actual.map((run) => JSON.stringify(run)).join(', ')}), more than in the source`, {expected, actual})]
  }
}
