/**
 * Every QA rule, in the order they run and report. Takes: nothing. Returns:
 * the registry. Structural rules (codes) come first: a translation they find
 * broken is checked no further. To add a rule: write `rules/<id>.ts` (its
 * contract and a sample in its first comment), list it here, and give it a
 * row in the README's rule table.
 */
import {codeDuplicated} from './rules/code-duplicated.ts'
import {codeExtra} from './rules/code-extra.ts'
import {codeMisnested} from './rules/code-misnested.ts'
import {codeMissing} from './rules/code-missing.ts'
import {codeSpanChanged} from './rules/code-span-changed.ts'
import {doubleSpace} from './rules/double-space.ts'
import {doubledWord} from './rules/doubled-word.ts'
import {finalPunctuation} from './rules/final-punctuation.ts'
import {frSpacing} from './rules/fr-spacing.ts'
import {inconsistentSource} from './rules/inconsistent-source.ts'
import {inconsistentTarget} from './rules/inconsistent-target.ts'
import {lengthRatio} from './rules/length-ratio.ts'
import {numberMismatch} from './rules/number-mismatch.ts'
import {quoteStyle} from './rules/quote-style.ts'
import {termDeprecated} from './rules/term-deprecated.ts'
import {termForbidden} from './rules/term-forbidden.ts'
import {termMissing} from './rules/term-missing.ts'
import {termNotKept} from './rules/term-not-kept.ts'
import {termUntranslated} from './rules/term-untranslated.ts'
import {untranslated} from './rules/untranslated.ts'
import {urlChanged} from './rules/url-changed.ts'
import type {Rule} from './rule.ts'

/** The registry. */
export const qaRules: readonly Rule[] = [
  codeExtra,
  codeDuplicated,
  codeMisnested,
  codeMissing,
  termNotKept,
  termUntranslated,
  termMissing,
  termForbidden,
  termDeprecated,
  untranslated,
  numberMismatch,
  urlChanged,
  codeSpanChanged,
  finalPunctuation,
  frSpacing,
  quoteStyle,
  doubleSpace,
  doubledWord,
  lengthRatio,
  inconsistentTarget,
  inconsistentSource
]

/** Ids of the structural rules (codes): what a translation needs to be built at all. */
export const structuralRuleIds: readonly string[] = qaRules.filter((rule) => rule.structural).map((rule) => rule.id)
