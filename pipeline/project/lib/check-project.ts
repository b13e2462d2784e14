/**
 * Check a project's locale stores. Takes: the config, the documents, the
 * stores and the term rules. Returns: what the QA rule registry finds in
 * every stored translation (codes, terms and the rest, with the config's
 * `qa` severities), each with the store file, unit, segment and key it is
 * about, and the keys with an error by store (`paths.store`). `build`
 * refuses to write a document whose own translations have an error;
 * `babele check` reports all of it.
 *
 * With `reuse`, what each document's translations show on their own (each
 * checked alone: `checkEach`) is kept per document and locale (kind
 * `qa-check`, `checkKey`: the document, its bundle in that locale, the
 * config, the glossary), with the sound translations' tokens; the rules
 * across translations run over every sound one again (`checkTogether`), so
 * the findings are those of checking them all together. A bundle with no
 * value has nothing to check.
 */
import type {Config} from '../../config/index.ts'
import {checkKey, digest} from '../../incremental/index.ts'
import {checkEach, checkTogether, structuralRuleIds, type QaInput} from '../../qa/index.ts'
import type {Bundle, Diagnostic, Segment, SegmentToken, SourceDocument, Target, Unit} from '../../types.ts'
import type {TermRules} from '../../glossary/index.ts'
import {documentId, fromBundleValue} from '../../units/index.ts'
import {hasValues} from '../../store/index.ts'
import {paths, type Stores} from './paths.ts'
import {reused, type Reuse} from './reuse.ts'
import type {ProjectTerms} from './terms.ts'

/** Options of {@linkcode checkProject}. */
export interface CheckProjectOptions {
  /** Term rules by target locale (no term checks without). */
  terms?: ProjectTerms | null
  /** Target locales to check (default: every configured one). */
  locales?: readonly string[] | null
  /** Report translations whose codes do not match their source (default `true`; `build` reports those itself). */
  codes?: boolean | null
  /** Each document's own findings through the cache (none: every translation is checked). */
  reuse?: Reuse | null | undefined
}

/** The cache entries' kind: a document's stored translations in one locale, each checked on its own. */
const checkKind = 'qa-check'

/** One stored translation and what it translates. */
interface Stored {
  unit: Unit
  /** The segment, or `undefined` for a unit's whole translation. */
  segment: Segment | undefined
  key: string
  /** Source tokens: the segment's, or the unit's whole block. */
  source: readonly SegmentToken[]
}

/** A stored translation checked on its own: its findings, and when sound what the rules across translations read. */
interface CheckedTranslation {
  key: string
  unitId: string
  segmentId: string | undefined
  found: Diagnostic[]
  /** Source and target, when the structural rules found it sound. */
  sound: {source: readonly SegmentToken[]; target: Target} | undefined
}

/**
 * @param config Project config (locales, `qa` severities).
 * @param documents Extracted sources.
 * @param stores Locale stores.
 * @param options Term rules, locales, whether to report codes, the cache.
 * @returns Messages, in locale, document and source order; how many stored
 *   translations were checked; the ones with an error, by store.
 */
export function checkProject(config: Config, documents: ReadonlyMap<string, SourceDocument>, stores: Stores, options: CheckProjectOptions = {}): {messages: Diagnostic[]; checked: number; broken: Map<string, Set<string>>} {
  const messages: Diagnostic[] = []
  const broken = new Map<string, Set<string>>()
  let checked = 0
  const reuse = options.reuse ?? undefined
  // Term findings are made of the termbase: without its digest, nothing is kept.
  const glossary = options.terms ? reuse?.glossary : undefined
  const store = reuse && (!options.terms || glossary !== undefined) ? reuse.store : undefined
  const configKey = store && digest(config)
  for (const locale of options.locales ?? config.targetLocales) {
    const terms = options.terms?.locales.get(locale)
    const parts: Array<{store: string; file: string; translations: CheckedTranslation[]}> = []
    // By path: a document whose bundle has no value, or whose check is kept, is not read.
    for (const path of documents.keys()) {
      const id = documentId(path)
      const name = paths.store(locale, id)
      const bundle = stores.bundles.get(name)
      if (!bundle || !hasValues(bundle)) continue
      const file = paths.bundle(config, locale, id)
      const key = store && reuse!.keys.get(path)
      const translations = reused(store, checkKind, key === undefined ? undefined : checkKey(key, locale, bundle, configKey!, glossary), () => checkDocument(config, documents.get(path)!, bundle, {locale, terms, file}))
      parts.push({store: name, file, translations})
    }

    // A locale's sound translations are checked together, so rules across translations see them all.
    const sound: QaInput[] = []
    for (const {file, translations} of parts) {
      for (const one of translations) if (one.sound) sound.push({...one.sound, sourceLocale: config.sourceLocale, locale, terms, file, unitId: one.unitId, segmentId: one.segmentId, key: one.key})
    }
    const across = checkTogether(sound, {severity: config.qa})
    let next = 0
    for (const part of parts) {
      for (const one of part.translations) {
        checked++
        const found = one.sound ? [...one.found, ...across[next++]!] : one.found
        const structural = found.some((message) => structuralRuleIds.includes(message.ruleId))
        if (structural && options.codes === false) continue
        for (const message of found) messages.push({...message, message: `Key \`${one.key}\`: ${message.message}`})
        if (found.some((message) => message.severity === 'error')) broken.set(part.store, (broken.get(part.store) ?? new Set()).add(one.key))
      }
    }
  }

  return {messages, checked, broken}
}

/** A document's stored translations in one locale, each checked on its own. */
function checkDocument(config: Config, document: SourceDocument, bundle: Bundle, where: {locale: string; terms: TermRules | undefined; file: string}): CheckedTranslation[] {
  const inputs: QaInput[] = []
  for (const stored of storedTranslations(document)) {
    const value = Object.hasOwn(bundle, stored.key) ? bundle[stored.key] : undefined
    if (typeof value !== 'string') continue
    inputs.push({source: stored.source, target: fromBundleValue(value, {tokens: stored.source}), sourceLocale: config.sourceLocale, locale: where.locale, terms: where.terms, file: where.file, unitId: stored.unit.id, segmentId: stored.segment?.id, key: stored.key})
  }
  const each = checkEach(inputs, {severity: config.qa})
  return inputs.map((input, index) => ({
    key: input.key!,
    unitId: input.unitId!,
    segmentId: input.segmentId ?? undefined,
    found: each.byInput[index]!,
    sound: each.sound[index] ? {source: input.source, target: input.target} : undefined
  }))
}

/**
 * A store's bundle as the build uses it: without the values {@linkcode checkProject}
 * found an error in (`broken`), which reach no locale, not even one that falls
 * back to this one. The bundle itself when none of its values has an error.
 *
 * @param name Store name (`paths.store`).
 * @param bundle Its bundle.
 * @param broken Keys with an error by store (`checkProject(…).broken`).
 */
export function usableBundle(name: string, bundle: Bundle, broken: ReadonlyMap<string, ReadonlySet<string>>): Bundle {
  const refused = broken.get(name)
  return refused ? Object.fromEntries(Object.entries(bundle).filter(([key]) => !refused.has(key))) : bundle
}

/** Every key a document's bundle may hold, once each: segment keys, and unit ids for whole translations. */
function* storedTranslations(document: SourceDocument): Generator<Stored> {
  const seen = new Set<string>()
  for (const unit of document.units) {
    yield {unit, segment: undefined, key: unit.id, source: unit.block.tokens}
    for (const part of unit.parts) {
      if (part.type !== 'segment' || seen.has(part.segment.key)) continue
      seen.add(part.segment.key)
      yield {unit, segment: part.segment, key: part.segment.key, source: part.segment.tokens}
    }
  }
}
