/**
 * The approved target term a protected lock is put back as. Takes: the term
 * rules of a language pair, a lock and the source text it covers. Returns:
 * the target term to write.
 *
 * A lock lists every approved translation, preferred first. The one written
 * back is, in order: the term kept as written (a do-not-translate term:
 * `AUKUS`, `NATO` in English); the source text itself when it is an approved
 * target term (`Putin` stays `Putin` in Spanish, rather than the preferred
 * `Vladímir Putin`); the first approved term of the source term's type and
 * word count (the full form `Organizzazione del Trattato Atlantico del Nord`
 * becomes `Organización del Tratado del Atlántico Norte`, not `OTAN`; `Putin`
 * becomes `Poutine`, not `Vladimir Poutine`); then of its word count, then of
 * its type; else the preferred term. A common noun or adjective is then
 * inflected as the source has it, when the source language has rules for it
 * (Italian `americani`, masculine plural → Spanish `estadounidenses`).
 */
import {inflectTerm, italianFeatures, type TermRules} from '../../glossary/index.ts'
import type {TermLock} from '../../types.ts'
import {primaryLanguage} from '../../language-tag.ts'

/**
 * @param rules Term rules of the language pair.
 * @param lock A lock of the source segment.
 * @param surface The source text the lock covers, as written.
 * @returns The target term.
 */
export function lockTarget(rules: TermRules, lock: TermLock, surface: string): string {
  if (lock.doNotTranslate) return lock.translations[0]!
  const approved = rules.concepts.get(lock.conceptId)?.approved ?? []
  if (approved.length === 0) return lock.translations[0]!
  const exact = approved.find((term) => term.text === surface)
  if (exact) return exact.text
  const source = rules.terms.get(lock.termId)?.term
  const words = wordCount(surface)
  const sameType = (type: string | undefined) => source?.termType !== undefined && type === source.termType
  const found =
    approved.find((term) => sameType(term.termType) && wordCount(term.text) === words) ??
    approved.find((term) => wordCount(term.text) === words) ??
    approved.find((term) => sameType(term.termType)) ??
    approved[0]!
  const features = source && primaryLanguage(rules.source) === 'it' ? italianFeatures(source, surface) : undefined
  return features ? inflectTerm(found, rules.target, features) : found.text
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}
