/**
 * Read an engine's output back into a target. Takes: the output, the
 * protected segment it translates and the term rules. Returns: target tokens
 * and their bundle value, the words the engine marked, and the problems: the
 * MT-only ones (a placeholder lost, doubled or damaged, a mark left over),
 * then what the QA rule registry finds, as at import (codes, term locks…).
 *
 * Restoring puts each code back where its placeholder is, each protected
 * term back as the locale's approved term (`Xqxaq` → `Kremlin`) and each
 * literal back as written. A mark before a word (`*boicottate`, `**Cremlino`
 * after a pivot, `#` generation and `@` transfer errors) is removed and the
 * word kept and listed: it is a word the engine has no entry for, a
 * candidate for the glossary or a translator, never dropped. Runs of spaces
 * the engine leaves where it deleted a word are collapsed to one. Nothing
 * else is changed: a target with any error is returned with its problems and
 * must not be used.
 *
 *   > | Sotto l'influenza del **Kqxaq⟦¹⟧.
 *   >                        ^^ marks removed, placeholder 0 is `Kremlin`
 */
import {diagnostic} from '../../diagnostic.ts'
import type {TermRules} from '../../glossary/index.ts'
import {checkTranslations, type QaSeverities} from '../../qa/index.ts'
import type {Diagnostic, SegmentToken, TargetToken} from '../../types.ts'
import {targetBundleValue} from '../../units/index.ts'
import {codePattern, codeSlot, damagedPattern, wordBody, wordPattern, wordSlot} from './placeholders.ts'
import type {Protected} from './protect.ts'

/** A word an engine marked as one it could not translate. */
export interface MarkedWord {
  /** The word as the engine left it, marks removed. */
  word: string
  /** `*` unknown word, `#` generation error, `@` transfer error (the first mark when several). */
  mark: '*' | '#' | '@'
}

/** Options of {@linkcode restore}. */
export interface Options {
  /** The source segment's tokens (codes are checked against them). */
  source: readonly SegmentToken[]
  /** Term rules of the language pair: the translation is checked against them. */
  rules?: TermRules | null | undefined
  /** Whether the engine marks words (`*`, `#`, `@`): they are read and removed (default true). */
  marks?: boolean | null | undefined
  /** Source language (BCP 47), for the QA rules that read it (default: the term rules'). */
  sourceLocale?: string | null | undefined
  /** Target language (BCP 47), for the QA rules that read it (default: the term rules'). */
  locale?: string | null | undefined
  /** Severity per QA rule id, or `off` (the config's `qa`). */
  severity?: QaSeverities | null | undefined
}

/** What {@linkcode restore} returns. */
export interface Restored {
  tokens: TargetToken[]
  /** Bundle form of the target (`<1>…</1>`). */
  value: string
  /** Words the engine marked, in order. */
  marked: MarkedWord[]
  /** The MT stage's own problems (placeholders, marks), then what the QA rules find; an error means the target must not be used. */
  problems: Diagnostic[]
}

/**
 * The output's pieces, and a placeholder left damaged: compiled on the
 * first restore, not as the module loads (their Unicode classes took about
 * 1.5 ms of every start, and a run with no engine restores nothing).
 */
let patterns: {pieces: RegExp; damaged: RegExp} | undefined

function restorePatterns(): {pieces: RegExp; damaged: RegExp} {
  patterns ??= {
    pieces: new RegExp(`${codePattern}|([*#@]*)\\p{L}${wordPattern}(?=\\p{L}${wordBody}|[^\\p{L}\\p{M}\\p{N}]|$)|([*#@]+)([\\p{L}\\p{M}\\p{N}](?:[\\p{L}\\p{M}\\p{N}'’·-]*[\\p{L}\\p{M}\\p{N}])?|[^\\s⟦*#@])`, 'gu'),
    damaged: new RegExp(damagedPattern, 'u')
  }
  return patterns
}

/**
 * @param output The engine's translation of `protected.text`.
 * @param protectedSegment The protected source segment.
 * @param options Source tokens, rules, marks.
 */
export function restore(output: string, protectedSegment: Protected, options: Options): Restored {
  const marks = options.marks ?? true
  const {pieces, damaged} = restorePatterns()
  const {slots} = protectedSegment
  const used = new Array<number>(slots.length).fill(0)
  const tokens: TargetToken[] = []
  const marked: MarkedWord[] = []
  const problems: Diagnostic[] = []
  let text = ''
  const flush = () => {
    if (text) tokens.push({type: 'text', value: text})
    text = ''
  }
  // The output outside placeholders and marked words: where a damaged placeholder or a stray mark would show.
  let rest = ''
  let cursor = 0
  for (const match of output.matchAll(pieces)) {
    text += output.slice(cursor, match.index)
    rest += output.slice(cursor, match.index) + ' '
    cursor = match.index + match[0].length
    if (match[1] !== undefined) {
      const index = codeSlot(match[1])
      const slot = slots[index]
      if (slot?.kind !== 'code') {
        problems.push(diagnostic('mt-placeholder-damaged', `The engine returned a code placeholder \`${match[0]}\` the source does not have`, {source: 'mt', severity: 'error'}))
        continue
      }
      used[index]!++
      flush()
      tokens.push(slot.token)
    } else if (match[3] !== undefined) {
      const index = wordSlot(match[3])
      const slot = slots[index]
      if (!slot || slot.kind === 'code') {
        problems.push(diagnostic('mt-placeholder-damaged', `The engine returned a placeholder \`${match[0]}\` the source does not have`, {source: 'mt', severity: 'error'}))
        continue
      }
      used[index]!++
      if (slot.kind === 'literal') text += slot.text
      else text += startsSentence(text, tokens) && /^\p{Ll}/u.test(slot.target) && /^\p{Lu}/u.test(slot.source) ? capitalize(slot.target) : slot.target
    } else if (marks) {
      marked.push({word: match[5]!, mark: match[4]![0] as MarkedWord['mark']})
      text += match[5]
    } else {
      text += match[0]
    }
  }
  text += output.slice(cursor)
  rest += output.slice(cursor)
  flush()
  tidy(tokens, options.source)

  slots.forEach((slot, index) => {
    if (slot.kind === 'code') return
    const what = slot.kind === 'literal' ? `literal text \`${slot.text}\`` : `the term \`${slot.source}\` (\`${slot.target}\`)`
    if (used[index] === 0 && slot.kind === 'literal') problems.push(diagnostic('mt-placeholder-lost', `The engine dropped the placeholder of ${what}`, {source: 'mt', severity: 'error'}))
    if (used[index]! > 1) problems.push(diagnostic('mt-placeholder-duplicated', `The engine repeated the placeholder of ${what}`, {source: 'mt', severity: 'error'}))
  })
  const left = damaged.exec(rest)
  if (left) problems.push(diagnostic('mt-placeholder-damaged', `The engine damaged a placeholder: \`${left[0]}\` is left in the translation`, {source: 'mt', severity: 'error', actual: left[0]}))
  const mark = marks ? /[*#@]/.exec(rest) : null
  if (mark) problems.push(diagnostic('mt-mark-left', `The engine left a stray mark \`${mark[0]}\` that marks no word`, {source: 'mt', severity: 'error', actual: mark[0]}))
  // The QA rules an import runs: codes, then terms and the rest.
  const rules = options.rules ?? undefined
  const qa = checkTranslations([{source: options.source, target: {tokens, stray: []}, terms: rules, sourceLocale: options.sourceLocale ?? rules?.source, locale: options.locale ?? rules?.target}], {severity: options.severity})
  problems.push(...qa.messages)
  return {tokens, value: targetBundleValue({tokens: options.source}, tokens), marked, problems}
}

/** Whether nothing but codes and punctuation precede the current text in the target. */
function startsSentence(text: string, tokens: readonly TargetToken[]): boolean {
  return !/[\p{L}\p{N}]/u.test(text) && tokens.every((token) => token.type !== 'text' || !/[\p{L}\p{N}]/u.test(token.value))
}

function capitalize(text: string): string {
  const first = String.fromCodePoint(text.codePointAt(0)!)
  return first.toUpperCase() + text.slice(first.length)
}

/**
 * Collapse runs of spaces an engine leaves where it deleted a word, and trim
 * the ends where the source has no space.
 */
function tidy(tokens: TargetToken[], source: readonly SegmentToken[]): void {
  for (const token of tokens) if (token.type === 'text') token.value = token.value.replace(/ {2,}/g, ' ')
  const first = source[0]
  const last = source.at(-1)
  const head = tokens[0]
  const tail = tokens.at(-1)
  if (head?.type === 'text' && !(first?.type === 'text' && /^\s/.test(first.value))) head.value = head.value.replace(/^ +/, '')
  if (tail?.type === 'text' && !(last?.type === 'text' && /\s$/.test(last.value))) tail.value = tail.value.replace(/ +$/, '')
  for (let index = tokens.length - 1; index >= 0; index--) {
    const token = tokens[index]!
    if (token.type === 'text' && token.value === '') tokens.splice(index, 1)
  }
}
