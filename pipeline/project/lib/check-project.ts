/**
 * Check a project's locale stores. Takes: the config, the documents, the
 * stores and the term rules. Returns: what the QA rule registry finds in
 * every stored translation (codes, terms and the rest, with the config's
 * `qa` severities), each with the store file, unit, segment and key it is
 * about, and the keys with an error by store (`paths.store`). `build`
 * refuses to write a document whose own translations have an error;
 * `babele check` reports all of it.
 */
import type {Config} from '../../config/index.ts'
import {checkTranslations, structuralRuleIds, type QaInput} from '../../qa/index.ts'
import type {Bundle, Diagnostic, Segment, SegmentToken, SourceDocument, Unit} from '../../types.ts'
import {fromBundleValue} from '../../units/index.ts'
import {paths, type Stores} from './paths.ts'
import type {ProjectTerms} from './terms.ts'

/** Options of {@linkcode checkProject}. */
export interface CheckProjectOptions {
  /** Term rules by target locale (no term checks without). */
  terms?: ProjectTerms | null
  /** Target locales to check (default: every configured one). */
  locales?: readonly string[] | null
  /** Report translations whose codes do not match their source (default `true`; `build` reports those itself). */
  codes?: boolean | null
}

/** One stored translation and what it translates. */
interface Stored {
  unit: Unit
  /** The segment, or `undefined` for a unit's whole translation. */
  segment: Segment | undefined
  key: string
  /** Source tokens: the segment's, or the unit's whole block. */
  source: readonly SegmentToken[]
}

/**
 * @param config Project config (locales, `qa` severities).
 * @param documents Extracted sources.
 * @param stores Locale stores.
 * @param options Term rules, locales, whether to report codes.
 * @returns Messages, in locale, document and source order; how many stored
 *   translations were checked; the ones with an error, by store.
 */
export function checkProject(config: Config, documents: ReadonlyMap<string, SourceDocument>, stores: Stores, options: CheckProjectOptions = {}): {messages: Diagnostic[]; checked: number; broken: Map<string, Set<string>>} {
  const messages: Diagnostic[] = []
  const broken = new Map<string, Set<string>>()
  let checked = 0
  for (const locale of options.locales ?? config.targetLocales) {
    const terms = options.terms?.locales.get(locale)
    const inputs: QaInput[] = []
    const owners: Array<{store: string; key: string}> = []
    for (const document of documents.values()) {
      const store = paths.store(locale, document.id)
      const bundle = stores.bundles.get(store)
      if (!bundle) continue
      const file = paths.bundle(config, locale, document.id)
      for (const stored of storedTranslations(document)) {
        const value = Object.hasOwn(bundle, stored.key) ? bundle[stored.key] : undefined
        if (typeof value !== 'string') continue
        inputs.push({source: stored.source, target: fromBundleValue(value, {tokens: stored.source}), sourceLocale: config.sourceLocale, locale, terms, file, unitId: stored.unit.id, segmentId: stored.segment?.id, key: stored.key})
        owners.push({store, key: stored.key})
      }
    }

    checked += inputs.length
    // A locale's translations are checked together, so rules across translations see them all.
    const {byInput} = checkTranslations(inputs, {severity: config.qa})
    byInput.forEach((found, index) => {
      const {store, key} = owners[index]!
      const structural = found.some((message) => structuralRuleIds.includes(message.ruleId))
      if (structural && options.codes === false) return
      for (const message of found) messages.push({...message, message: `Key \`${key}\`: ${message.message}`})
      if (found.some((message) => message.severity === 'error')) broken.set(store, (broken.get(store) ?? new Set()).add(key))
    })
  }

  return {messages, checked, broken}
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
