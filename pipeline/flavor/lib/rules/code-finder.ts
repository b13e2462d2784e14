/**
 * The user's code finder: regular expressions from the config
 * (`codeFinder`), whose matches become placeholder codes, as in Okapi's
 * code finder, for syntax no flavour knows.
 *
 * > | Premi [[Invio]] per confermare.   (codeFinder: ["\\[\\[[^\\]]+\\]\\]"])
 *           ^^^^^^^^^ one placeholder
 */
import type {SyntaxRule} from '../rule.ts'

/**
 * Rules for user patterns, compiled with flags `gmu` (and `d`).
 *
 * @param patterns JavaScript regular expression sources.
 * @returns One inline rule per pattern, id `code-finder`.
 */
export function codeFinderRules(patterns: readonly string[]): SyntaxRule[] {
  return patterns.map((source) => {
    let pattern: RegExp
    try {
      pattern = new RegExp(source, 'dgmu')
    } catch (error) {
      throw new TypeError('Cannot use `' + source + '` in `options.codeFinder`, expected a regular expression (' + (error as Error).message + ')')
    }
    if (pattern.test('')) throw new TypeError('Cannot use `' + source + '` in `options.codeFinder`, expected a pattern that cannot match the empty string')
    pattern.lastIndex = 0
    return {id: 'code-finder', kind: 'inline', pattern}
  })
}
