/**
 * Check a project's locale stores. Takes: the config, the documents, the
 * stores and the term rules. Returns: a message for every stored translation
 * whose codes do not match its source, or that breaks a glossary rule, with
 * the store file, unit, segment and key it is about, and the keys with an
 * error by store (`<locale>/<document id>`). `build` refuses to write a
 * document whose own translations break a locked term; `babele check`
 * reports all of it.
 */
import type {Config} from '../../config/index.ts'
import type {Diagnostic, Segment, SegmentToken, SourceDocument, Unit} from '../../types.ts'
import {fromBundleValue} from '../../units/index.ts'
import {paths, type Stores} from './paths.ts'
import {termProblems, type ProjectTerms} from './terms.ts'

/** Options of {@linkcode checkProject}. */
export interface CheckProjectOptions {
  /** Term rules by target locale (no term checks without). */
  terms?: ProjectTerms | null
  /** Stage named in the messages (default `check`). */
  stage?: string | null
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
 * @param config Project config.
 * @param documents Extracted sources.
 * @param stores Locale stores.
 * @param options Term rules, stage, locales.
 * @returns Messages, in locale, document and source order; how many stored
 *   translations were checked; the ones with an error, by store.
 */
export function checkProject(config: Config, documents: ReadonlyMap<string, SourceDocument>, stores: Stores, options: CheckProjectOptions = {}): {messages: Diagnostic[]; checked: number; broken: Map<string, Set<string>>} {
  const messages: Diagnostic[] = []
  const broken = new Map<string, Set<string>>()
  const refuse = (store: string, key: string) => broken.set(store, (broken.get(store) ?? new Set()).add(key))
  let checked = 0
  const stage = options.stage ?? 'check'
  for (const locale of options.locales ?? config.targetLocales) {
    const rules = options.terms?.locales.get(locale)
    for (const document of documents.values()) {
      const bundle = stores.bundles.get(`${locale}/${document.id}`)
      if (!bundle) continue
      const file = paths.bundle(config, locale, document.id)
      for (const stored of storedTranslations(document)) {
        const value = Object.hasOwn(bundle, stored.key) ? bundle[stored.key] : undefined
        if (typeof value !== 'string') continue
        checked++
        const where = {file, unitId: stored.unit.id, ...(stored.segment ? {segmentId: stored.segment.id} : {}), source: stage}
        const parsed = fromBundleValue(value, {tokens: stored.source})
        if (parsed.problems.length > 0) {
          if (options.codes ?? true) {
            for (const problem of parsed.problems) messages.push({...where, ruleId: problem.ruleId, severity: 'error', message: `Key \`${stored.key}\`: ${problem.message}`})
            refuse(`${locale}/${document.id}`, stored.key)
          }

          continue
        }

        for (const problem of termProblems(rules, stored.source, parsed.tokens)) {
          messages.push({...where, ...problem, message: `Key \`${stored.key}\`: ${problem.message}`})
          if (problem.severity === 'error') refuse(`${locale}/${document.id}`, stored.key)
        }
      }
    }
  }

  return {messages, checked, broken}
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
