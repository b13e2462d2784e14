/**
 * Rule `term-deprecated`: a deprecated or forbidden term of the termbase in
 * the source. Takes: a lint context. Returns: one finding per occurrence,
 * with the concept's preferred term as the fix.
 *
 * > | l'alleanza militare AKUS
 * >                       ^^^^ deprecated variant of `AUKUS`
 *
 * Severity: `error` for a forbidden term, `warning` for a deprecated one. A
 * match that is also a preferred or admitted term of another concept (a
 * homonym) is not reported. The fix is the preferred term (else the first
 * admitted one) of the same concept in the same language section, in the
 * inflection the text has (the variant's n-th form gives the preferred
 * term's n-th form, Italian forms from `italianForms`), capitalized only at
 * the start of a sentence.
 *
 * The fix is **safe** only for a misspelled name: the preferred term is an
 * acronym or abbreviation, a do-not-translate term or a proper noun (it
 * starts with a capital), so it has a single form; the variant is one edit
 * from it (a letter dropped, added, changed or two swapped, case aside), so
 * it is a spelling of the same word and not another designation; and the
 * source holds the variant exactly (no markup inside). `AKUS` → `AUKUS` is
 * safe; `medio orientali` → `mediorientali` (an adjective) is not.
 */
import {indexTermbase, italianForms, type Term, type TermbaseIndex, type Termbase, type TermMatch} from '../../glossary/index.ts'
import type {Diagnostic} from '../../types.ts'
import {matchCase, startsSentence} from './letter-case.ts'
import {finding, type LintContext, type Rule} from './lint-context.ts'
import {sourceRange} from './plain-text.ts'
import {singleEdit} from './single-edit.ts'

const indexes = new WeakMap<Termbase, TermbaseIndex>()

/** The rule. */
export const termDeprecated: Rule = {id: 'term-deprecated', check}

function check(context: LintContext): Diagnostic[] {
  if (!context.terms) return []
  const {termbase} = context.terms
  let lookup = indexes.get(termbase)
  if (!lookup) {
    lookup = indexTermbase(termbase)
    indexes.set(termbase, lookup)
  }

  const messages: Diagnostic[] = []
  for (const [position, plain] of context.plain.entries()) {
    for (const match of context.matches[position]!) {
      if (match.status !== 'deprecated' && match.status !== 'forbidden') continue
      if (match.alternatives?.some((other) => other.status === 'preferred' || other.status === 'admitted')) continue
      const entry = lookup.terms.get(match.termId)
      if (!entry) continue
      const terms = entry.section.terms
      const preferred = terms.find((term) => term.status === 'preferred') ?? terms.find((term) => term.status === 'admitted')
      const range = sourceRange(plain, match.start, match.end, context.body)
      const kind = match.status === 'forbidden' ? 'a forbidden term' : 'a deprecated variant'
      const note = entry.term.notes.length > 0 ? ' ' + entry.term.notes.join(' ') : ''
      if (!preferred) {
        messages.push(finding(context, range, {ruleId: termDeprecated.id, conceptId: entry.concept.id, severity: match.status === 'forbidden' ? 'error' : 'warning', message: `\`${match.text}\` is ${kind} (concept \`${entry.concept.id}\`).${note}`, actual: match.text}))
        continue
      }

      const replacement = inflectLike(match, entry.term, preferred, context.language, startsSentence(plain.value, match.start))
      const safe = replacement === preferred.text && range.exact && isName(preferred) && singleEdit(entry.term.text.toLowerCase(), preferred.text.toLowerCase()) !== undefined
      messages.push(
        finding(context, range, {
          ruleId: termDeprecated.id,
          conceptId: entry.concept.id,
          severity: match.status === 'forbidden' ? 'error' : 'warning',
          message: `\`${match.text}\` is ${kind} of \`${preferred.text}\`: did you mean \`${replacement ?? preferred.text}\`?${note}`,
          actual: match.text,
          expected: replacement ?? preferred.text,
          ...(replacement !== undefined && range.exact ? {fix: {replacement, safe}} : {})
        })
      )
    }
  }

  return messages
}

/**
 * Whether a term is a name, written one way only: an acronym or
 * abbreviation, a do-not-translate term, or a proper noun.
 */
function isName(term: Term): boolean {
  return term.termType === 'acronym' || term.termType === 'abbreviation' || term.doNotTranslate || /^\p{Lu}/u.test(term.text)
}

/**
 * The preferred term in the form the match has, or `undefined` when it
 * cannot be told.
 *
 * @param match Match of the variant.
 * @param variant The variant term.
 * @param preferred The preferred term of its concept.
 * @param language Language of the text.
 * @param sentenceStart Whether the match starts a sentence.
 */
function inflectLike(match: TermMatch, variant: Term, preferred: Term, language: string, sentenceStart: boolean): string | undefined {
  const fold = (value: string) => value.toLowerCase().replace(/\s+/g, ' ')
  const italian = /^it(?:-|$)/i.test(language)
  const variantForms = italian ? italianForms(variant) : [variant.text]
  const preferredForms = italian ? italianForms(preferred) : [preferred.text]
  const slot = variantForms.findIndex((form) => fold(form) === fold(match.text))
  let form: string | undefined
  if (slot === 0 || preferredForms.length === 1) form = slot === -1 ? undefined : preferredForms[0]
  else if (slot > 0 && variantForms.length === preferredForms.length) form = preferredForms[slot]
  if (form === undefined) return undefined
  // A lowercase term takes a capital only where a sentence starts.
  return /^\p{Ll}/u.test(form) && sentenceStart ? matchCase(match.text.split(/\s/)[0]!, form) : form
}
