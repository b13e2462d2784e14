/**
 * Rule `term-near-miss`: a word one typing slip away from a name in the
 * termbase. Takes: a lint context. Returns: one finding per such word,
 * suggesting the term (never a safe fix: a near miss may be another name).
 *
 * > | la capitale del Cremilno
 * >                   ^^^^^^^^ did you mean `Cremlino`?
 *
 * A word is reported when all of these hold:
 *
 * - the term is a single word of five letters or more that starts with a
 *   capital (a place, a person, an acronym) and is preferred or admitted in
 *   the document's language; lowercase terms are left to spelling checkers,
 *   since their neighbours are mostly real words (`alleata` for `alleato`);
 * - the word has five letters or more, starts with the term's first letter,
 *   as a capital, and is one edit from the term, case aside: a letter added,
 *   dropped or changed, or two neighbours swapped (`Pechnio`, `Cremilno`);
 * - the edit leaves the term's last letter alone and adds or drops no vowel
 *   just before a final vowel: changes there are inflection and derivation,
 *   not slips (`Olimpiade`, `Russian`, `Russa` for `Russia`);
 * - the word is no known word: not inside a term match, not any word of
 *   any term in any language of the termbase (`Russa` of `Federazione Russa`,
 *   `Europe`), not written in lowercase elsewhere in the document (`Guida`
 *   at the start of a sentence, `guida` elsewhere), and not written the same
 *   way twice in the document (a slip does not repeat; a product or a person
 *   does);
 * - all capitals only against an acronym, and the other way round.
 *
 * babele has no Italian lexicon, so the rule assumes a domain glossary: the
 * larger the list of names, the more common words fall one edit from one.
 *
 * Candidates are found through single-deletion keys (symmetric delete), so
 * the cost per word does not grow with the termbase.
 */
import type {Termbase, TermIndex} from '../../glossary/index.ts'
import type {Diagnostic} from '../../types.ts'
import {finding, type LintContext, type Rule} from './lint-context.ts'
import {sourceRange, type PlainText} from './plain-text.ts'
import {plainWords, words} from './plain-words.ts'
import {singleEdit, type Edit} from './single-edit.ts'

/** Names to compare words with, by single-deletion key. */
interface Targets {
  /** Deletion key (a lowercase form, or it with one letter dropped) → forms. */
  byKey: Map<string, string[]>
  /** Every word of every term in the termbase, lowercase. */
  known: Set<string>
  /** Concept of each form (the first one, in index order). */
  concepts: Map<string, string>
}

const minimum = 5
const cache = new WeakMap<TermIndex, Targets>()
const capitalAt = /\p{Lu}/uy
const lowercase = /^\p{Ll}+$/u

/** The rule. */
export const termNearMiss: Rule = {id: 'term-near-miss', check}

function check(context: LintContext): Diagnostic[] {
  if (!context.terms) return []
  const targets = targetsOf(context.terms.index, context.terms.termbase)
  if (targets.byKey.size === 0) return []
  // Words the document writes in lowercase are common words, whatever their
  // capital at the start of a sentence (`Guida`, `Chiama`); a capitalized
  // word written the same way twice is a deliberate spelling (a product, a
  // person): slips do not repeat. Only words of `minimum` letters or more
  // are compared (lowercasing never shortens a word). The capitalized ones
  // are collected first; then the lowercase words are read only for the
  // lowercase spellings of those still in question (`vocabulary`): most
  // words of a document are lowercase, and most are no such spelling, so a
  // word whose first character and length match none is not even sliced.
  const seen = new Map<string, number>()
  const words: Array<{word: string; lower: string; start: number; block: number}> = []
  const plains = context.plain
  for (let block = 0; block < plains.length; block++) {
    const value = plains[block]!.value
    const spans = plainWords(plains[block]!)
    for (let at = 0; at < spans.length; at += 2) {
      const start = spans[at]!
      if (spans[at + 1]! - start < minimum || !startsCapitalAt(value, start)) continue
      const word = value.slice(start, spans[at + 1])
      seen.set(word, (seen.get(word) ?? 0) + 1)
      words.push({word, lower: word.toLowerCase(), start, block})
    }
  }

  const asked = new Set<string>()
  for (const {word, lower} of words) if (!targets.known.has(lower) && seen.get(word)! === 1) asked.add(lower)
  const vocabulary = lowercaseWords(plains, asked)

  const messages: Diagnostic[] = []
  for (const {word, lower, start, block} of words) {
    const plain = context.plain[block]!
    const matches = context.matches[block]!
    if (targets.known.has(lower) || vocabulary.has(lower) || seen.get(word)! > 1) continue
    const shouting = word.length > 1 && word === word.toUpperCase()
    const end = start + word.length
    if (matches.some((match) => match.start < end && match.end > start)) continue
    // Letters run on into digits (`Beijing2022`): a handle or a code, not a word.
    if (/[\p{N}]/u.test(plain.value[end] ?? '') || /[\p{N}]/u.test(plain.value[start - 1] ?? '')) continue
    const suggestions = candidates(lower, targets).filter((form) => form.charAt(0) === word.charAt(0) && (form === form.toUpperCase()) === shouting && slip(singleEdit(lower, form.toLowerCase()), lower, form))
    if (suggestions.length === 0) continue
    const range = sourceRange(plain, start, end, context.body)
    const list = suggestions.map((form) => `\`${form}\``).join(' or ')
    messages.push(
      finding(context, range, {
        ruleId: termNearMiss.id,
        conceptId: targets.concepts.get(suggestions[0]!)!,
        message: `\`${word}\` is not in the glossary: did you mean ${list}?`,
        actual: word,
        expected: suggestions[0]!,
        ...(range.exact ? {fix: {replacement: suggestions[0]!, safe: false}} : {})
      })
    )
  }

  return messages
}

/**
 * The words of `minimum` letters or more that the plain texts write all in
 * lowercase (`\p{Ll}`) and that are among `wanted`: whether a word is one
 * of them is first told from its first code unit and its length, and only
 * a word that passes is sliced.
 *
 * @param plains The document's plain texts.
 * @param wanted Lowercase spellings asked about.
 * @returns Those of `wanted` the texts write.
 */
function lowercaseWords(plains: readonly PlainText[], wanted: ReadonlySet<string>): Set<string> {
  const found = new Set<string>()
  if (wanted.size === 0) return found
  const shapes = new Set<number>()
  for (const word of wanted) shapes.add(shapeOf(word.charCodeAt(0), word.length))
  for (const plain of plains) {
    const value = plain.value
    const spans = plainWords(plain)
    for (let at = 0; at < spans.length; at += 2) {
      const start = spans[at]!
      const end = spans[at + 1]!
      if (end - start < minimum || !shapes.has(shapeOf(value.charCodeAt(start), end - start))) continue
      const word = value.slice(start, end)
      if (wanted.has(word) && allLowercase(word)) found.add(word)
    }
  }

  return found
}

/** A key a word's first code unit and length give (two words with different keys differ). */
function shapeOf(first: number, length: number): number {
  return first * 64 + (length & 63)
}

/** Whether the word at `start` starts with a capital (`\p{Lu}`), an ASCII one told without the pattern. */
function startsCapitalAt(value: string, start: number): boolean {
  const code = value.charCodeAt(start)
  if (code < 0x80) return code >= 0x41 && code <= 0x5a
  capitalAt.lastIndex = start
  return capitalAt.test(value)
}

/** Whether a word is all lowercase letters (`\p{Ll}`), a plain ASCII one told without the pattern. */
function allLowercase(word: string): boolean {
  for (let at = 0; at < word.length; at++) {
    const code = word.charCodeAt(at)
    if (code > 0x7f) return lowercase.test(word)
    if (code < 0x61 || code > 0x7a) return false
  }

  return true
}

/**
 * Whether an edit looks like a slip rather than inflection: it leaves the
 * last letter alone, and does not add or drop a vowel just before a final
 * vowel (`Russia` → `Russa`).
 *
 * @param edit Edit turning the term into the word.
 * @param word The word, lowercase.
 * @param form The term.
 */
function slip(edit: Edit | undefined, word: string, form: string): boolean {
  if (!edit) return false
  const last = form.length - 1
  if (edit.kind === 'substitute' || edit.kind === 'delete') return edit.index < last && !(edit.kind === 'delete' && edit.index === last - 1 && vowel(form, last) && vowel(form, last - 1))
  if (edit.kind === 'transpose') return edit.index + 1 < last
  return edit.index < last || (edit.index === last && !(vowel(form, last) && vowel(word, last)))
}

/** Whether the character at an index is a vowel. */
function vowel(value: string, index: number): boolean {
  return /[aeiouàèéìòù]/i.test(value.charAt(index))
}

/** Forms sharing a deletion key with a word. */
function candidates(word: string, targets: Targets): string[] {
  const found = new Set<string>()
  for (const key of deletions(word)) for (const form of targets.byKey.get(key) ?? []) found.add(form)
  return [...found]
}

/** A word and each way of dropping one letter from it. */
function deletions(word: string): Set<string> {
  const keys = new Set([word])
  for (let index = 0; index < word.length; index++) keys.add(word.slice(0, index) + word.slice(index + 1))
  return keys
}

/** The names of a term index and the known words of its termbase, built once. */
function targetsOf(index: TermIndex, termbase: Termbase): Targets {
  const cached = cache.get(index)
  if (cached) return cached
  const byKey = new Map<string, string[]>()
  const known = new Set<string>()
  const concepts = new Map<string, string>()
  for (const concept of termbase.concepts) {
    for (const section of concept.languages) {
      for (const term of section.terms) for (const word of words(term.text)) known.add(word.toLowerCase())
    }
  }

  const seen = new Set<string>()
  for (const list of index.lists) {
    for (const candidate of list) {
      known.add(candidate.form.toLowerCase())
      for (const word of words(candidate.form)) known.add(word.toLowerCase())
      const form = candidate.form
      if (candidate.status !== 'preferred' && candidate.status !== 'admitted') continue
      if (form.length < minimum || !/^\p{Lu}[\p{L}\p{M}]*$/u.test(form) || seen.has(form)) continue
      seen.add(form)
      concepts.set(form, candidate.conceptId)
      for (const key of deletions(form.toLowerCase())) {
        const forms = byKey.get(key)
        if (forms) forms.push(form)
        else byKey.set(key, [form])
      }
    }
  }

  const targets = {byKey, known, concepts}
  cache.set(index, targets)
  return targets
}
