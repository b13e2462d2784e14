/**
 * Rule `repeated-line`: a line repeated from earlier in the document that
 * splits a sentence in two, as a running header does in text taken from
 * print or a scrape. Takes: a lint context. Returns: one finding per such
 * line, with a fix (never safe) that removes it and joins the halves.
 *
 * > | …tradizionalmente sotto l'influenza del
 * > |
 * > | Putin e Xi Jinping hanno sancito un'alleanza tra Russia e Cina
 *     ^ repeats line 3
 * > |
 * > | Cremlino. La capacità di …
 *
 * Reported when a paragraph or heading reads the same (white space aside)
 * as an earlier block (paragraph, heading, front-matter title), and it sits
 * between two paragraphs, separated from each by blank lines only, where
 * the one before does not end a sentence (no `.`, `!`, `?`, `…`, `:` or `;`
 * at its end, closing quotes and markup aside) and the one after continues
 * it: it starts with a lowercase letter, or the one before ends with a
 * comma or a word that never ends a sentence (`del`, `di`,
 * `e`, `che`, `the`, `of`, …). A repeated paragraph that splits no sentence
 * is left alone: docs repeat short paragraphs on purpose.
 *
 * The fix replaces everything from the end of the paragraph before to the
 * start of the one after with one space.
 */
import type {Diagnostic} from '../../types.ts'
import {finding, type LintContext, type Rule} from './lint-context.ts'

/** Words that never end a sentence: articles, prepositions, conjunctions. */
const continuing = new Set(
  (
    'di a da in con su per tra fra del dello della dei degli delle al allo alla ai agli alle dal dallo dalla dai dagli dalle ' +
    'nel nello nella nei negli nelle sul sullo sulla sui sugli sulle col coi il lo la i gli le un uno una e ed o od ma che ' +
    'come se né non perché quando mentre dove cui verso sotto sopra dopo prima senza contro ' +
    'the a an of to and or but in on at for with by from into as than that which'
  ).split(' ')
)

/** The rule. */
export const repeatedLine: Rule = {id: 'repeated-line', check}

function check(context: LintContext): Diagnostic[] {
  const body = context.body
  const order = context.blocks.map((block, index) => ({block, text: normalize(context.plain[index]!.value)})).sort((a, b) => a.block.range.start - b.block.range.start)
  const firstSeen = new Map<string, number>()
  const messages: Diagnostic[] = []
  for (const [position, item] of order.entries()) {
    const {block, text} = item
    const earlier = firstSeen.get(text)
    if (earlier === undefined) {
      if (/[\p{L}\p{N}]/u.test(text)) firstSeen.set(text, block.line)
      continue
    }

    if (block.kind !== 'paragraph' && block.kind !== 'heading') continue
    const previous = order[position - 1]
    const next = order[position + 1]
    if (!previous || !next || previous.block.kind !== 'paragraph' || next.block.kind !== 'paragraph') continue
    if (!blankBetween(body, previous.block.range.end, block.range.start) || !blankBetween(body, block.range.end, next.block.range.start)) continue
    if (!splitsSentence(previous.text, next.text)) continue
    messages.push(
      finding(context, block.range, {
        ruleId: repeatedLine.id,
        message: `\`${text}\` repeats line ${earlier} and splits a sentence (a running header?): remove it and join the paragraphs around it`,
        actual: text,
        fix: {replacement: ' ', safe: false, range: {start: previous.block.range.end, end: next.block.range.start}}
      })
    )
  }

  return messages
}

/** Plain text with white space runs as one space, trimmed. */
function normalize(value: string): string {
  return (collapsible.test(value) ? value.replace(/\s+/g, ' ') : value).trim()
}

/** Whitespace that `\s+` → ` ` would change: anything but a space, or two spaces in a row. */
const collapsible = /[^\S ]| {2}/

/** Whether only white space, with at least one blank line, lies between two offsets. */
function blankBetween(body: string, start: number, end: number): boolean {
  return start <= end && /^[ \t]*(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))+[ \t]*$/.test(body.slice(start, end))
}

/**
 * Whether a paragraph ends mid-sentence and the next one goes on with it.
 *
 * @param before Text of the paragraph before.
 * @param after Text of the paragraph after.
 */
function splitsSentence(before: string, after: string): boolean {
  const end = before.replace(/[\s"'»”’)\]*_\uFFFC]+$/u, '')
  if (end === '' || /[.!?…:;]$/u.test(end)) return false
  if (/^[\s"'«“‘([*_]*\p{Ll}/u.test(after)) return true
  if (end.endsWith(',')) return true
  const last = /[\p{L}\p{M}]+$/u.exec(end)
  return last !== null && continuing.has(last[0].toLowerCase())
}
