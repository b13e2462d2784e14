/**
 * Rule `accent-apostrophe`: an accent typed as an apostrophe, or the wrong
 * accent, in Italian text. Takes: a lint context. Returns: one finding per
 * word, with the right spelling as the fix (safe only when certain, see
 * `italian-accents.ts`). Runs only on Italian documents.
 *
 * > | sempre di **più'** anche
 * >              ^^^^ write `più`
 *
 * An apostrophe followed by a letter is an elision (`dell'Asia`,
 * `l'alleanza`) and is never reported, except `qual'è` and `qual'era`
 * (`qual` is truncated, so `qual è`). A word-final apostrophe that closes a
 * quote opened earlier in the same block (`'cold war ideology'`, `‘più’`)
 * is a quote mark, not a stray accent.
 */
import type {Diagnostic} from '../../types.ts'
import {italianAccent, mayHaveWrongAccent} from './italian-accents.ts'
import {matchCase} from './letter-case.ts'
import {finding, type LintContext, type Rule} from './lint-context.ts'
import {sourceRange, type PlainText} from './plain-text.ts'
import {plainWords} from './plain-words.ts'

const letter = /[\p{L}\p{M}]/u

/** The rule. */
export const accentApostrophe: Rule = {id: 'accent-apostrophe', check}

function check(context: LintContext): Diagnostic[] {
  if (!/^it(?:-|$)/i.test(context.language)) return []
  const messages: Diagnostic[] = []
  for (const plain of context.plain) messages.push(...checkBlock(context, plain))
  return messages
}

/**
 * @param context Context.
 * @param plain One block's plain text.
 */
function checkBlock(context: LintContext, plain: PlainText): Diagnostic[] {
  const value = plain.value
  const messages: Diagnostic[] = []
  let quoteOpen = false
  const words = plainWords(plain)
  for (let at = 0; at < words.length; at += 2) {
    const start = words[at]!
    const end = words[at + 1]!
    const before = value[start - 1] ?? ''
    // > | 'cold war
    // >   ^ an apostrophe after no letter opens a quote
    if (before === '‘' || (isApostrophe(before) && !letter.test(value[start - 2] ?? ''))) quoteOpen = true
    const after = value[end] ?? ''
    const apostrophe = isApostrophe(after)
    // Most words: no apostrophe after them, no accent in them, nothing to report.
    if (!apostrophe && !mayHaveWrongAccent(value, start, end)) continue
    const word = value.slice(start, end)
    let fixEnd = end + (apostrophe ? 1 : 0)
    let replacement: string | undefined
    let safe = false
    let reason = ''

    if (apostrophe && letter.test(value[end + 1] ?? '')) {
      // Elision. `qual'è` is the one to report.
      if (word.toLowerCase() !== 'qual') continue
      const next = /^[\p{L}\p{M}]+/u.exec(value.slice(end + 1))![0]
      if (!['è', 'e', 'era'].includes(next.toLowerCase())) continue
      replacement = matchCase(word, 'qual') + ' ' + (next.toLowerCase() === 'e' ? matchCase(next, 'è') : next)
      fixEnd = end + 1 + next.length
      safe = true
      reason = '`qual` is truncated, not elided'
    } else {
      if (apostrophe && quoteOpen) {
        quoteOpen = false
        continue
      }

      const fix = italianAccent(word.normalize('NFC'), apostrophe)
      if (!fix) continue
      replacement = matchCase(word, fix.replacement)
      safe = fix.safe
      reason = fix.reason
    }

    const written = value.slice(start, fixEnd)
    const range = sourceRange(plain, start, fixEnd, context.body)
    messages.push(
      finding(context, range, {
        ruleId: accentApostrophe.id,
        message: `\`${written}\`: ${reason}; write \`${replacement}\``,
        actual: written,
        expected: replacement,
        ...(range.exact ? {fix: {replacement, safe}} : {})
      })
    )
  }

  return messages
}

/** Whether a character is an apostrophe (`'` or `’`). */
function isApostrophe(character: string): boolean {
  return character === "'" || character === '’'
}
