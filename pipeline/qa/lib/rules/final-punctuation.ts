/**
 * Rule `final-punctuation`: the target ends with the same kind of mark as
 * its source: a full stop, a question mark, an exclamation mark, a colon, a
 * semicolon, an ellipsis, or none. Takes: a QA context. Returns: one warning
 * when the kinds differ (expected: the source's mark, actual: the target's);
 * in a Spanish target, one when it ends a question or an exclamation whose
 * opening `¿` or `¡` it lacks (RAE).
 *
 *   > | source: Il vertice di Pechino.
 *   > | target: The Beijing summit
 *   >                             ^ no full stop
 *
 * Closing quotation marks and brackets, spaces and codes (U+FFFC) after the
 * mark do not count (`“yes.”` and `“yes”.` both end with a full stop), and a
 * mark is any script's (`。`, `？`, `؟`, `।`, the Greek question mark `;`),
 * read by kind. `...` is an ellipsis, like `…`.
 */
import {finding, type Rule} from '../rule.ts'
import {primaryLanguage} from '../../../language-tag.ts'
import type {Diagnostic} from '../../../types.ts'

type Kind = 'full stop' | 'question mark' | 'exclamation mark' | 'colon' | 'semicolon' | 'ellipsis'

const kinds: ReadonlyArray<[RegExp, Kind]> = [
  [/(?:\.\.\.|…|⋯)$/u, 'ellipsis'],
  [/[?？؟\u037E⸮]$/u, 'question mark'],
  [/[!！]$/u, 'exclamation mark'],
  [/[.。．।۔։።]$/u, 'full stop'],
  [/[:：]$/u, 'colon'],
  [/[;；]$/u, 'semicolon']
]

/** The rule. */
export const finalPunctuation: Rule = {
  id: 'final-punctuation',
  severity: 'warning',
  check(context) {
    const source = ending(context.source.text)
    const target = ending(context.target.text)
    const found: Diagnostic[] = []
    if (source.kind !== target.kind) {
      const message = source.kind ? `The source ends with a ${source.kind} (\`${source.mark}\`), the target ${target.kind ? `with a ${target.kind} (\`${target.mark}\`)` : 'with none'}` : `The target ends with a ${target.kind} (\`${target.mark}\`), the source with none`
      found.push(finding(context, finalPunctuation, message, {expected: source.mark || undefined, actual: target.mark || undefined}))
    }
    if (context.locale && primaryLanguage(context.locale) === 'es') {
      const opening = target.kind === 'question mark' ? '¿' : target.kind === 'exclamation mark' ? '¡' : undefined
      if (opening && !context.target.text.includes(opening)) found.push(finding(context, finalPunctuation, `The target ends a ${target.kind === 'question mark' ? 'question' : 'exclamation'} with \`${target.mark}\` but never opens it with \`${opening}\``, {expected: opening}))
    }
    return found
  }
}

/** The kind of mark a text ends with, and the mark. */
function ending(text: string): {kind: Kind | undefined; mark: string} {
  const trimmed = text.replace(/[\s\uFFFC\p{Pe}\p{Pf}"'»›”’」』]+$/u, '')
  for (const [pattern, kind] of kinds) {
    const match = pattern.exec(trimmed)
    if (match) return {kind, mark: match[0]}
  }
  return {kind: undefined, mark: ''}
}
