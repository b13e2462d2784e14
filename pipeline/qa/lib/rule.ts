/**
 * What a QA rule is and what it reads. Takes: nothing (types and the one
 * helper rules build findings with). Returns: `QaInput` (one translation to
 * check, as a caller gives it), `QaContext` (the same, with what several
 * rules share computed once), `Rule`, and `finding`.
 *
 * A rule checks one translation at a time (`check`) or every translation
 * given together (`checkProject`, for rules that compare translations with
 * each other: one source, several targets). It returns diagnostics made with
 * `finding`, which places them where the caller said the translation is;
 * `where` names another translation in a message.
 */
import {diagnostic} from '../../diagnostic.ts'
import type {TermRules} from '../../glossary/index.ts'
import type {Diagnostic, Place, SegmentToken, Severity, Target} from '../../types.ts'

/** One translation to check, as a caller has it. */
export interface QaInput {
  /** The source tokens: a segment's, or a unit's whole block for a unit translated whole. */
  source: readonly SegmentToken[]
  /** The translation as read against them (`fromBundleValue`, or an XLIFF target). */
  target: Target
  /** BCP 47 tag of the source (`it`), for rules that read the language. */
  sourceLocale?: string | null | undefined
  /** BCP 47 tag of the target (`en`), for rules that read the language. */
  locale?: string | null | undefined
  /** The glossary's rules for this language pair (`compileTermRules`); term rules do nothing without them. */
  terms?: TermRules | null | undefined
  /** Where the translation is, copied into every finding: the file (store or XLIFF)… */
  file?: string | null | undefined
  /** …the place in it… */
  place?: Place | null | undefined
  /** …its unit… */
  unitId?: string | null | undefined
  /** …and segment (none for a unit translated whole). */
  segmentId?: string | null | undefined
  /** The store key of the translation (a segment key, or a unit id), for cross-translation rules. */
  key?: string | null | undefined
}

/** What a rule reads: the input, with the plain texts and shared analyses. */
export interface QaContext {
  readonly input: QaInput
  /** The source: tokens and plain text (each code one U+FFFC, `textOfTokens`). */
  readonly source: {readonly tokens: readonly SegmentToken[]; readonly text: string}
  /** The target: tokens, plain text, and the tags that named no source code. */
  readonly target: {readonly tokens: Target['tokens']; readonly text: string; readonly stray: Target['stray']}
  readonly sourceLocale: string | undefined
  readonly locale: string | undefined
  readonly terms: TermRules | undefined
  /**
   * The result of an analysis several rules read (the code balance, the term
   * check), computed on first use and kept for this translation.
   */
  shared<T>(analysis: (context: QaContext) => T): T
}

/** A QA rule: a stable id, its default severity, and its checks. */
export interface Rule {
  /** Stable kebab-case rule id (`code-missing`), documented in the README's rule table. */
  readonly id: string
  /** Severity of its findings unless the rule says otherwise per finding, or the config sets one (`qa` in `babele.config.json`). */
  readonly severity: Severity
  /**
   * A structural rule (the code rules): always an error, run before the
   * others, and a translation it finds broken is checked no further (its
   * text cannot be trusted, and it cannot be built).
   */
  readonly structural?: boolean
  /** Findings on one translation. */
  readonly check?: ((context: QaContext) => Diagnostic[]) | undefined
  /**
   * Findings across every translation checked together (those the structural
   * rules found sound, in the order given), each paired with the translation
   * it is placed on (made with `finding` on that context).
   */
  readonly checkProject?: ((contexts: readonly QaContext[]) => Array<[QaContext, Diagnostic]>) | undefined
}

/** What {@linkcode finding} needs besides the context. */
export interface FindingFields {
  /** Its severity, when not the rule's default (term rules: error for names, warning for common terms). */
  severity?: Severity | undefined
  conceptId?: string | undefined
  expected?: string | readonly string[] | undefined
  actual?: string | readonly string[] | undefined
}

/**
 * A finding of `rule` on the translation of `context`: the one diagnostic
 * shape, `source: 'qa'`, placed where the caller said the translation is.
 *
 * @param context The translation.
 * @param rule The rule that found it.
 * @param message What is wrong.
 * @param fields Severity (default: the rule's), concept, expected, actual.
 */
export function finding(context: QaContext, rule: Rule, message: string, fields?: FindingFields | null): Diagnostic {
  const {input} = context
  return diagnostic(rule.id, message, {
    source: 'qa',
    severity: fields?.severity ?? rule.severity,
    file: input.file,
    place: input.place,
    unitId: input.unitId,
    segmentId: input.segmentId,
    conceptId: fields?.conceptId,
    expected: fields?.expected,
    actual: fields?.actual
  })
}

/**
 * @param context A translation.
 * @returns Where it is, for a message naming another translation (rules across translations): its file and key, as known.
 */
export function where(context: QaContext): string {
  const {file, key, unitId} = context.input
  const name = key ? `key \`${key}\`` : unitId ? `unit \`${unitId}\`` : 'another translation'
  return file ? `\`${file}\` ${name}` : name
}
