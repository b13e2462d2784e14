/**
 * The termbase model every glossary function shares. Takes: nothing (types
 * only, no behaviour). Returns: the shapes of a termbase, its concepts, their
 * language sections and terms, as plain JSON-safe values.
 *
 * The model is what babele needs from a termbase, not all of TBX: a term's
 * status, part of speech, gender, number, term type, do-not-translate flag
 * and notes; a concept's subject field, definition and notes. Everything else
 * a TBX file may carry (transactions, sources, contexts, graphics, back
 * matter) is read past and not kept. All text values are whitespace-normalized
 * (trimmed, runs of white space as one space), so they survive any format.
 */

/**
 * How a term may be used.
 *
 * - `preferred`: the term to use (TBX `preferredTerm-admn-sts`).
 * - `admitted`: acceptable, not preferred (`admittedTerm-admn-sts`).
 * - `deprecated`: known but to be avoided, such as a misspelling in
 *   circulation (`deprecatedTerm-admn-sts`, `supersededTerm-admn-sts`).
 * - `forbidden`: must never appear, such as `NATO` in Spanish, where it is
 *   `OTAN`. TBX-Basic has no such value: it is written as
 *   `deprecatedTerm-admn-sts` plus the note `babele:forbidden`.
 */
export type TermStatus = 'preferred' | 'admitted' | 'deprecated' | 'forbidden'

/** Part of speech: the TBX-Basic picklist. A proper noun is a `noun` (TBX-Basic has no `properNoun`). */
export type PartOfSpeech = 'noun' | 'adjective' | 'verb' | 'adverb' | 'other'

/** Grammatical gender: the TBX-Basic picklist. */
export type Gender = 'masculine' | 'feminine' | 'neuter' | 'other'

/** Grammatical number of the term as written (`Stati Uniti` is plural). */
export type GrammaticalNumber = 'singular' | 'plural'

/** Term type: the TBX-Basic picklist. */
export type TermType = 'fullForm' | 'acronym' | 'abbreviation' | 'shortForm' | 'variant' | 'phrase'

/** One term: a designation of a concept in one language. */
export interface Term {
  /**
   * Id, unique in the termbase and an XML name (NCName). Read from the file
   * when it has one; otherwise made from the concept id, the language and the
   * term's text (`aukus-it-akus`), so it never depends on position.
   */
  id: string
  /** The term as written, whitespace-normalized. */
  text: string
  /** How the term may be used; a term with no status reads as `admitted`. */
  status: TermStatus
  partOfSpeech?: PartOfSpeech
  gender?: Gender
  /** Number of the term as written; unset means singular, or not applicable. */
  number?: GrammaticalNumber
  termType?: TermType
  /**
   * The term is written exactly as it is, never translated, transliterated or
   * inflected. On a source-language term it binds every target (`AUKUS`); on
   * a target-language term, that target keeps the source form (`NATO` in
   * English, where Spanish writes `OTAN`).
   */
  doNotTranslate: boolean
  /** Free-text notes, in order. */
  notes: string[]
}

/** The terms of one concept in one language. */
export interface LanguageSection {
  /** BCP 47 language tag as written in the file (`it`, `en-GB`). */
  language: string
  /** Definition in this language. */
  definition?: string
  /** Terms, most preferred first as the file lists them. */
  terms: Term[]
}

/** One concept (TBX `conceptEntry`, v2 `termEntry`). */
export interface Concept {
  /** Id, unique in the termbase and an XML name (NCName). */
  id: string
  /** Subject field (`geography`, `international organizations`). */
  subjectField?: string
  /** Definition at concept level (in the termbase's language). */
  definition?: string
  /** Free-text notes, in order. */
  notes: string[]
  /** One section per language, in file order. */
  languages: LanguageSection[]
}

/** A termbase: concepts with their terms in several languages. */
export interface Termbase {
  /** Main language of the termbase (TBX `tbx/@xml:lang`). */
  language: string
  /** Title (`titleStmt/title`). */
  title?: string
  /** Where the data comes from (`sourceDesc/p`), one entry per paragraph. */
  sourceDesc: string[]
  /** Concepts in file order. */
  concepts: Concept[]
}
