/**
 * Index a termbase by language and id. Takes: a termbase. Returns: maps from
 * language to its terms (each with its concept), from concept id to concept
 * and from term id to term, so callers never walk the concept list.
 */
import type {Concept, LanguageSection, Term, Termbase} from './termbase.ts'

/** A term with the concept and language section it belongs to. */
export interface TermEntry {
  concept: Concept
  section: LanguageSection
  term: Term
}

/** Lookups over one termbase, built once by {@linkcode indexTermbase}. */
export interface TermbaseIndex {
  /** Language tags in the order they first appear, as written. */
  languages: string[]
  /** Terms of each language tag (lowercased), in file order. */
  byLanguage: Map<string, TermEntry[]>
  /** Concepts by id. */
  concepts: Map<string, Concept>
  /** Terms by id. */
  terms: Map<string, TermEntry>
}

/**
 * Index a termbase.
 *
 * @param termbase
 *   Termbase.
 * @returns
 *   Lookups by language, concept id and term id.
 */
export function indexTermbase(termbase: Termbase): TermbaseIndex {
  const index: TermbaseIndex = {languages: [], byLanguage: new Map(), concepts: new Map(), terms: new Map()}
  for (const concept of termbase.concepts) {
    index.concepts.set(concept.id, concept)
    for (const section of concept.languages) {
      const key = section.language.toLowerCase()
      let list = index.byLanguage.get(key)
      if (!list) {
        list = []
        index.byLanguage.set(key, list)
        index.languages.push(section.language)
      }

      for (const term of section.terms) {
        const entry = {concept, section, term}
        list.push(entry)
        index.terms.set(term.id, entry)
      }
    }
  }

  return index
}

/**
 * Terms of a language: a bare language (`it`) takes every regional tag too
 * (`it-IT`, `it-CH`); a tag with a region takes only itself. Tags compare
 * case-insensitively, as BCP 47 tags do.
 *
 * @param index
 *   Index of a termbase.
 * @param language
 *   BCP 47 tag.
 * @returns
 *   Term entries in file order (concept by concept within each tag).
 */
export function termsOfLanguage(index: TermbaseIndex, language: string): TermEntry[] {
  const wanted = language.toLowerCase()
  const result: TermEntry[] = []
  for (const [tag, list] of index.byLanguage) {
    if (tag === wanted || (!wanted.includes('-') && tag.startsWith(wanted + '-'))) result.push(...list)
  }

  return result
}
