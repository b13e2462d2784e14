/**
 * The shape of segmentation rules read from SRX: language rules, their
 * rules with both the Java patterns as written and their JavaScript
 * translations, and the language maps. Types only; `fromSrx` builds them,
 * `compileRules` runs them.
 */

/** A regular expression translated from Java to JavaScript syntax. */
export interface JsPattern {
  /** Source for `new RegExp(source, flags)`; groups are non-capturing unless a backreference needs them. */
  source: string
  /** `u`, or `v` when the pattern needs class set operations (`&&`, nested classes). */
  flags: 'u' | 'v'
  /** Whether the pattern uses backreferences (then it is compiled on its own, never merged with other rules). */
  backreferences: boolean
}

/** One `<rule>` of a language rule. */
export interface SrxRule {
  /** `break="yes"`: a match is a sentence break; `break="no"`: an exception that keeps the sentence whole. */
  break: boolean
  /** `<beforebreak>` as written in the file (Java syntax); `''` matches anywhere. */
  beforeBreak: string
  /** `<afterbreak>` as written in the file (Java syntax); `''` matches anywhere. */
  afterBreak: string
  /** `beforeBreak` in JavaScript syntax: must match text ending at the break position. */
  before: JsPattern
  /** `afterBreak` in JavaScript syntax: must match text starting at the break position. */
  after: JsPattern
  /** 1-based line of the `<rule>` element in the SRX file, if known. */
  line?: number
}

/** One `<languagerule>`: an ordered list of rules under a name. */
export interface SrxLanguageRule {
  /** `languagerulename`, such as `Italian`. */
  name: string
  /** Rules in document order; the first that matches at a position decides. */
  rules: SrxRule[]
  /** 1-based line of the `<languagerule>` element, if known. */
  line?: number
}

/** One `<languagemap>`: which language codes use which language rule. */
export interface SrxLanguageMap {
  /** `languagepattern` as written (Java syntax), matched against the whole language code. */
  languagePattern: string
  /** `languagePattern` in JavaScript syntax, anchored at both ends. */
  pattern: JsPattern
  /** `languagerulename` of the language rule to use. */
  languageRuleName: string
  /** 1-based line of the `<languagemap>` element, if known. */
  line?: number
}

/** Segmentation rules read from an SRX document. */
export interface SrxRules {
  /** SRX version of the source document. */
  version: '1.0' | '2.0'
  /** Header `segmentsubflows`: whether subflows are segmented (babele keeps this for reference; its text has no subflows). */
  segmentSubflows: boolean
  /** Header `cascade`: use every matching language map in order (`true`) or only the first (`false`). SRX 1.0 has no cascade. */
  cascade: boolean
  /** Language rules in document order. */
  languageRules: SrxLanguageRule[]
  /** Language maps in document order (for SRX 1.0, those of the first `<maprule>`). */
  languageMaps: SrxLanguageMap[]
}
