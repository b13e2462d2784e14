/**
 * Rule `fr-spacing`: French puts a no-break space before `;`, `:`, `!` and
 * `?` and inside guillemets (`« mot »`). Takes: a QA context whose target
 * locale is French. Returns: one warning per mark with no space there, or
 * with a breaking one (the line could break before the mark): expected, the
 * text as the Imprimerie nationale's *Lexique des règles typographiques*
 * writes it, a narrow no-break space (U+202F, CLDR's French group separator
 * too) before `;`, `!` and `?`, a no-break space (U+00A0) before `:` and
 * inside guillemets; actual, the text as written.
 *
 *   > | target (fr): Pourquoi? Il a dit «non».
 *   >                       ^         ^   ^ a no-break space goes here
 *
 * Either no-break space is accepted in either place: both keep the mark on
 * its line, and which one is a house style (most French tools type
 * U+00A0). Canadian and Swiss French (`fr-CA`, `fr-CH`) put no space before
 * `;`, `!` and `?` (Office québécois de la langue française; Swiss usage), so
 * for them only `:` and guillemets are checked. A mark that is not
 * punctuation there is left alone: one followed by a letter or digit
 * (`10:30`, `std::move`, `https://`), one in a URL or code span, one at the
 * start of the text, or one after another mark (`?!`, `…?`).
 */
import {insideLiteral, targetLiterals} from '../literals.ts'
import {finding, type Rule} from '../rule.ts'
import {primaryLanguage} from '../../../language-tag.ts'
import type {Diagnostic} from '../../../types.ts'

const noBreak = '\u00A0\u202F'

/** The rule. */
export const frSpacing: Rule = {
  id: 'fr-spacing',
  severity: 'warning',
  check(context) {
    if (!context.locale || primaryLanguage(context.locale) !== 'fr') return []
    const region = new Intl.Locale(context.locale).region
    const marks = region === 'CA' || region === 'CH' ? ':' : ';:!?'
    const text = context.target.text
    const inLiteral = (at: number) => insideLiteral(context.shared(targetLiterals), at)
    const found: Array<{at: number; message: Diagnostic}> = []
    const report = (at: number, space: number, wanted: string, kind: 'missing' | 'breaking') => {
      const mark = text[at]!
      const span = excerpt(text, at, mark === '«' || mark === '‹')
      // Codes (U+FFFC) are left out of what the finding quotes.
      const actual = text.slice(span.start, span.end).replaceAll('\uFFFC', '')
      const expected = (text.slice(span.start, space) + wanted + text.slice(kind === 'breaking' ? space + 1 : space, span.end)).replaceAll('\uFFFC', '')
      const name = wanted === '\u202F' ? 'a narrow no-break space (U+202F)' : 'a no-break space (U+00A0)'
      const where = mark === '«' || mark === '‹' ? `after \`${mark}\`` : `before \`${mark}\``
      found.push({at, message: finding(context, frSpacing, `\`${actual}\`: French puts ${name} ${where}${kind === 'breaking' ? ', not a breaking space' : ''}`, {expected, actual})})
    }

    for (const match of text.matchAll(/[;:!?]+/g)) {
      const at = match.index
      if (!marks.includes(text[at]!)) continue
      const after = text[at + match[0].length] ?? ''
      if (/[\p{L}\p{N}_/]/u.test(after)) continue
      const before = skipCodes(text, at - 1, -1)
      if (before < 0 || noBreak.includes(text[before]!) || inLiteral(at)) continue
      const wanted = text[at] === ':' ? '\u00A0' : '\u202F'
      if (/\s/u.test(text[before]!)) report(at, before, wanted, 'breaking')
      else if (/[\p{L}\p{N}\p{Pe}\p{Pf}»›"”’]/u.test(text[before]!)) report(at, at, wanted, 'missing')
    }
    for (const match of text.matchAll(/[«»‹›]/g)) {
      const at = match.index
      const opening = text[at] === '«' || text[at] === '‹'
      const next = skipCodes(text, opening ? at + 1 : at - 1, opening ? 1 : -1)
      if (next < 0 || next >= text.length || noBreak.includes(text[next]!) || '«»‹›'.includes(text[next]!) || inLiteral(at)) continue
      if (/\s/u.test(text[next]!)) report(at, next, '\u00A0', 'breaking')
      else report(at, opening ? at + 1 : at, '\u00A0', 'missing')
    }
    return found.sort((a, b) => a.at - b.at).map((one) => one.message)
  }
}

/** The first index from `from`, in `step` direction, that is not a code (U+FFFC); -1 or the length at the ends. */
function skipCodes(text: string, from: number, step: 1 | -1): number {
  let at = from
  while (at >= 0 && at < text.length && text[at] === '\uFFFC') at += step
  return at
}

/** What a finding quotes: the mark and its word, with the space between them if any (after an opening guillemet, before any other mark). */
function excerpt(text: string, at: number, opening: boolean): {start: number; end: number} {
  let start = at
  if (!opening && start > 0 && /\s/u.test(text[start - 1]!)) start--
  while (start > 0 && !/\s/u.test(text[start - 1]!)) start--
  let end = at + 1
  if (opening && end < text.length && /\s/u.test(text[end]!)) end++
  while (end < text.length && !/\s/u.test(text[end]!)) end++
  return {start, end}
}
