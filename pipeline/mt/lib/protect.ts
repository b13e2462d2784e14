/**
 * Protect a segment before machine translation. Takes: a source segment, its
 * term locks and which of them to protect. Returns: plain text for an engine,
 * in which every inline code, every protected term and every piece of text an
 * engine must not touch is a placeholder, and the slots that say what each
 * placeholder stands for (`restore` reads them back).
 *
 * Placeholders are what Apertium passes through untouched (checked against
 * the Debian pairs ita-spa, ita-cat, cat-eng, cat-fra and es-fr):
 *
 * - An inline code is `⟦ⁿ⟧`, `n` in superscript digits: no letter or digit,
 *   so the analyser reads it as blank and the transfer keeps it in place
 *   (inline HTML tags, by contrast, are moved or emptied, and
 *   `translate="no"` is ignored; ASCII digits would be read as a number).
 *
 *   > | il presidente ⟦¹⟧Vladimir Putin … a Pechino⟦²⟧, in vista
 *   >                 ^ the link opens here; ⟦²⟧ closes it
 *
 * - A protected term, or literal text, is one unknown word, `Xqxbq`: the
 *   letters `qx`, the slot number in letters (`a` = 0 … `j` = 9), `q`,
 *   after the first letter of what it stands for, so a French or Catalan
 *   article before it elides as it would before the term (`de l'Oqxaq`, put
 *   back as `de l'OTAN`). An unknown word keeps its place in the sentence, as
 *   the term would; Apertium marks it (`*Oqxaq`), and the mark is dropped.
 *
 * Literal text is what an engine must not translate or would garble: a URL,
 * a handle or hashtag (`@Sana`, `#Beijing2022`), and any word holding a
 * character that has a meaning in Apertium's stream (`* # @ \ [ ] ^ $ / < >
 * { } | ~`) or looks like a placeholder. Everything else is the engine's.
 */
import type {TermRules} from '../../glossary/index.ts'
import type {SegmentToken, TermLock} from '../../types.ts'
import {codeCharacter} from '../../units/index.ts'
import {lockTarget} from './lock-target.ts'
import {codePlaceholder, damagedPattern, wordPlaceholder} from './placeholders.ts'

/** What one placeholder stands for. */
export type Slot =
  | {kind: 'code'; token: Exclude<SegmentToken, {type: 'text'}>}
  | {kind: 'term'; lock: TermLock; source: string; target: string}
  | {kind: 'literal'; text: string}

/** A segment as sent to an engine. */
export interface Protected {
  /** The text for the engine. */
  text: string
  /** Slot `n` is placeholder `n` in `text`. */
  slots: Slot[]
}

/** Options of {@linkcode protect}. */
export interface Options {
  /** Term rules of the language pair: where approved target terms come from. */
  rules?: TermRules | null | undefined
  /** The segment's term locks (`termLocks` of its plain text). */
  locks?: readonly TermLock[] | null | undefined
  /** Which locks to protect (default: every locked one, `lock.locked`). */
  protectLock?: ((lock: TermLock, surface: string) => boolean) | null | undefined
}

/** Characters with a meaning in Apertium's stream format, and the placeholder brackets. */
const special = new RegExp(`[*#@\\\\[\\]^$/<>{}|~]|:\\/\\/|${damagedPattern}`, 'u')
/** A run of non-space characters (a word and the punctuation glued to it). */
const run = /\S+/gu
/** Punctuation around a word that stays translatable text. */
const edges = /^([(\["'«“‘¿¡]*)(.*?)([)\]"'»”’.,;:!?]*)$/su

/**
 * Protect a segment.
 *
 * @param tokens The source segment's tokens.
 * @param options Rules, locks and which locks to protect.
 * @returns Text for the engine and its slots.
 */
export function protect(tokens: readonly SegmentToken[], options?: Options | null): Protected {
  const locks = [...(options?.locks ?? [])].sort((a, b) => a.start - b.start)
  const rules = options?.rules
  const shouldProtect = options?.protectLock ?? ((lock: TermLock) => lock.locked)
  const slots: Slot[] = []
  let text = ''
  // Offset in the segment's plain text (`textOfTokens`), where lock offsets point.
  let offset = 0
  for (const token of tokens) {
    if (token.type !== 'text') {
      text += codePlaceholder(slots.length)
      slots.push({kind: 'code', token})
      offset += codeCharacter.length
      continue
    }
    const start = offset
    const end = offset + token.value.length
    let cursor = start
    for (const lock of locks) {
      if (lock.start < start || lock.end > end) continue
      const surface = token.value.slice(lock.start - start, lock.end - start)
      if (!rules || !shouldProtect(lock, surface)) continue
      text += literals(token.value.slice(cursor - start, lock.start - start), slots)
      const target = lockTarget(rules, lock, surface)
      text += wordPlaceholder(slots.length, target)
      slots.push({kind: 'term', lock, source: surface, target})
      cursor = lock.end
    }
    text += literals(token.value.slice(cursor - start), slots)
    offset = end
  }
  return {text, slots}
}

/** Text with its literal words replaced by placeholders. */
function literals(text: string, slots: Slot[]): string {
  return text.replace(run, (word) => {
    if (!special.test(word)) return word
    const [, before = '', core = '', after = ''] = edges.exec(word) ?? []
    // Brackets around a word are punctuation (`[di Enrico Phelipon]`); the engine escapes them.
    if (!core || !special.test(core)) return word
    const placeholder = wordPlaceholder(slots.length, 'X')
    slots.push({kind: 'literal', text: core})
    return before + placeholder + after
  })
}
