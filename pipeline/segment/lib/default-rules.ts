/**
 * babele's built-in segmentation rules. Takes: nothing. Returns: the rules
 * of `rules/babele.srx`, read and translated once, on first use.
 */
import {readFileSync} from 'node:fs'
import {fromSrx} from './from-srx.ts'
import type {SrxRules} from './srx-rules.ts'

let builtIn: SrxRules | undefined

/**
 * babele's built-in rules: Italian abbreviations, initials, dotted acronyms,
 * dates, plus language-independent rules for quotations, parentheses and
 * ellipses. Loaded once, on first use.
 *
 * @returns The rules of `rules/babele.srx`.
 */
export function defaultRules(): SrxRules {
  if (!builtIn) {
    // Packaged data shipped beside this module, not user input: reading it
    // here keeps every caller free of file handling.
    const xml = readFileSync(new URL('../rules/babele.srx', import.meta.url), 'utf8')
    const {value, messages} = fromSrx(xml, {file: 'babele.srx'})
    const problem = messages.find((message) => message.severity !== 'info')
    if (problem) throw new Error(`Broken built-in rules babele.srx: ${problem.message}`)
    builtIn = value
  }
  return builtIn
}
