/**
 * Rule `code-span-changed`: every code span written in the source's text
 * (backticks, where the text is not read as Markdown: front matter, a
 * flavour's attribute) is in the target as written, and the target adds
 * none. Takes: a QA context. Returns: one warning per translation that
 * differs (expected: the source's spans the target lacks; actual: the
 * target's the source lacks).
 *
 *   > | source: description: "Esegui `npm ci` prima"
 *   > | target: description: "Run `npm install` first"
 *   >                             ^^^^^^^^^^^^^ not the source's `npm ci`
 *
 * A code span in Markdown text is a code (U+FFFC in the text), checked by
 * the structural rules.
 */
import type {Rule} from '../rule.ts'
import {literalChanges} from '../literals.ts'

/** The rule. */
export const codeSpanChanged: Rule = {
  id: 'code-span-changed',
  severity: 'warning',
  check: (context) => literalChanges(context, codeSpanChanged, 'code-span', 'Code spans')
}
