/**
 * Rule `length-ratio`: the target is less than half or more than twice as
 * long as its source. Takes: a QA context. Returns: one warning on such a
 * translation (expected: the range of lengths, actual: the target's).
 * Lengths count characters (code points) other than spaces and codes; a
 * source under 20 such characters is exempt (`Sì.` → `Yes.` is 1.5 times
 * as long, and means nothing).
 *
 *   > | source (92): Il vertice di Pechino ha inoltre portato al rafforzamento dei legami economici tra i due.
 *   > | target (12): The summit.
 *   >                ^^^^^^^^^^^ 0.13 of the source: a sentence lost
 *
 * The bounds suit languages written in alphabets, where translations run
 * 0.8 to 1.3 times their source (the shipped Italian article's drafts: 0.86
 * to 1.24). A target in Chinese, Japanese or Korean is far shorter in
 * characters: its findings under half are expected and the rule is better
 * off (`"length-ratio": "off"` in `qa`) for such a locale's checks.
 */
import {finding, type Rule} from '../rule.ts'

/** Targets outside [minimum, maximum] times their source's length are findings. */
const minimum = 0.5
const maximum = 2
/** Sources shorter than this (in characters, no spaces or codes) are exempt. */
const shortest = 20

/** The rule. */
export const lengthRatio: Rule = {
  id: 'length-ratio',
  severity: 'warning',
  check(context) {
    const source = lengthOf(context.source.text)
    if (source < shortest) return []
    const target = lengthOf(context.target.text)
    const ratio = target / source
    if (ratio >= minimum && ratio <= maximum) return []
    return [
      finding(context, lengthRatio, `The target is ${ratio.toFixed(2)} times as long as the source (${target} characters for ${source}); expected ${minimum} to ${maximum} times`, {
        expected: `${Math.ceil(source * minimum)}–${Math.floor(source * maximum)} characters`,
        actual: `${target} characters`
      })
    ]
  }
}

function lengthOf(text: string): number {
  let length = 0
  for (const _ of text.replace(/[\s\uFFFC]+/gu, '')) length++
  return length
}
