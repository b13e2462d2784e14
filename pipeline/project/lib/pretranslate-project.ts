/**
 * Pre-translate a project. Takes: the config, the documents, the stores, the
 * memory from outside the stores, an engine per target locale (async
 * functions, passed in) and the project's term rules. Returns: the store
 * files that changed, the new stores, the words each locale's engine did
 * not know, and messages (machine targets refused, with file, unit and
 * reason; an engine failure, after which every translation already made is
 * still stored).
 *
 * Every segment with no translation in a locale's store is filled with the
 * leverage stage's best candidate: a memory match as the config's
 * `memory.prefill` lets it pre-fill (a context or exact match `translated`
 * by default; a fuzzy match only when set to `initial`), else the engine's
 * checked draft, stored as `initial`, origin `machine`, with its engine and
 * the words it marked: a draft for a translator, never final. Only segments
 * no memory match fills are sent to the engine.
 */
import pLimit from 'p-limit'
import type {Config} from '../../config/index.ts'
import {prefill, type MachineTranslation} from '../../memory/index.ts'
import {machineTranslate, type Engine, type MachineRequest, type MachineTarget, type UnknownWord} from '../../mt/index.ts'
import {applyUpdates, sourceBundle, toJson, type BundleUpdate} from '../../store/index.ts'
import type {Diagnostic, Segment, SourceDocument} from '../../types.ts'
import {projectLeverage, type ExternalMemory, type ProjectLeverage} from './leverage-project.ts'
import {paths, type Outputs, type Stores} from './paths.ts'
import type {ProjectTerms} from './terms.ts'

/** Options of {@linkcode pretranslateProject}. */
export interface PretranslateProjectOptions {
  /** The engine of each locale to machine-translate (a locale without one is filled from memory only). */
  engines: ReadonlyMap<string, Engine>
  /** Locales to fill (default: every target locale). */
  locales?: readonly string[] | null | undefined
  /** Memory from outside the stores (TMX and XLIFF files, by locale). */
  memory?: ExternalMemory | null | undefined
  /** Term rules by target locale (see `projectTerms`): locks are protected and every target checked. */
  terms?: ProjectTerms | null | undefined
  /** Texts per engine call (default 500). */
  batchSize?: number | null | undefined
  /** Locales translated at once (default 2: an Apertium pair can take seconds and hundreds of MB to start). */
  concurrency?: number | null | undefined
  /** Called after each engine call with the segments done and the total, over every locale. */
  onProgress?: ((done: number, total: number) => void) | null | undefined
}

/** What {@linkcode pretranslateProject} did. */
export interface PretranslateResult {
  /** Bundle and state files that changed. */
  value: Outputs
  /** The stores after pre-translation. */
  stores: Stores
  /** Words each locale's engine marked in the drafts stored. */
  unknown: Map<string, UnknownWord[]>
  /** Segments filled per locale: from memory, by the engine. */
  filled: Map<string, {memory: number; machine: number}>
  /** Segments left untranslated per locale because its engine failed. */
  pending: Map<string, number>
  messages: Diagnostic[]
}

/** A segment to fill, where it is and what leverage found for it. */
interface Empty {
  document: SourceDocument
  segment: Segment
  unitId: string
}

/**
 * @param config Project config.
 * @param documents Extracted sources by path.
 * @param stores Current stores.
 * @param options Engines, memory, term rules, batch size, progress.
 */
export async function pretranslateProject(config: Config, documents: ReadonlyMap<string, SourceDocument>, stores: Stores, options: PretranslateProjectOptions): Promise<PretranslateResult> {
  const outputs: Outputs = new Map()
  const bundles = new Map(stores.bundles)
  const states = new Map(stores.states)
  const messages: Diagnostic[] = []
  const unknown = new Map<string, UnknownWord[]>()
  const filled = new Map<string, {memory: number; machine: number}>()
  const pending = new Map<string, number>()
  const locales = options.locales?.length ? options.locales : config.targetLocales

  // Memory first: it needs no engine, and what it fills is not sent to one.
  const work: Array<{locale: string; engine: Engine; requests: MachineRequest[]; segments: Empty[]}> = []
  for (const locale of locales) {
    const found = projectLeverage(config, documents, {bundles, states}, locale, {memory: options.memory})
    const empty = emptySegments(documents, bundles, locale)
    const fromMemory: Array<[Empty, BundleUpdate]> = []
    const toEngine: Empty[] = []
    for (const one of empty) {
      const best = prefill(found.segments.get(one.segment)!, config.memory.prefill)
      if (best) fromMemory.push([one, memoryUpdate(one.segment, best, found)])
      else toEngine.push(one)
    }
    store(config, locale, fromMemory, bundles, states, outputs)
    filled.set(locale, {memory: fromMemory.length, machine: 0})
    const engine = options.engines.get(locale)
    if (!engine || toEngine.length === 0) continue
    const requests = toEngine.map(({document, segment, unitId}) => ({key: segment.key, tokens: segment.tokens, file: paths.source(config, document.path), unitId, segmentId: segment.id}))
    work.push({locale, engine, requests, segments: toEngine})
  }

  const total = work.reduce((sum, one) => sum + new Set(one.requests.map((request) => request.key)).size, 0)
  const done = new Map<string, number>()
  const limit = pLimit(Math.max(1, options.concurrency ?? 2))
  const results = await Promise.all(
    work.map((one) =>
      limit(() =>
        machineTranslate(one.requests, {
          engine: one.engine,
          rules: options.terms?.locales.get(one.locale),
          severity: config.qa,
          batchSize: options.batchSize ?? 500,
          onProgress(count) {
            done.set(one.locale, count)
            options.onProgress?.([...done.values()].reduce((sum, value) => sum + value, 0), total)
          }
        })
      )
    )
  )

  work.forEach(({locale, segments}, index) => {
    const result = results[index]!
    messages.push(...result.messages.map((message) => ({...message, message: `${locale}: ${message.message}`})))
    unknown.set(locale, result.unknown)
    pending.set(locale, result.pending.length)
    // The drafts go through the leverage stage like any candidate, which checks their codes against each
    // occurrence; alone, since memory matches (no better here, or they would have filled the segment)
    // could fill the candidate list before the machine's.
    const machine = new Map<string, MachineTranslation & MachineTarget>(result.value)
    const found = projectLeverage(config, documents, {bundles: new Map(), states: new Map()}, locale, {machine: new Map([[locale, machine]])})
    messages.push(...found.messages.filter((message) => message.source !== 'memory'))
    const updates: Array<[Empty, BundleUpdate]> = []
    for (const one of segments) {
      const best = prefill(found.segments.get(one.segment)!, {...config.memory.prefill, machine: 'initial'})
      if (best?.candidate.match !== 'machine') continue
      const target = machine.get(one.segment.key)!
      updates.push([one, {key: one.segment.key, value: best.value, state: 'initial', origin: 'machine', source: one.segment.value, context: found.segments.get(one.segment)!.context, engine: target.engine, unknown: target.unknown}])
    }
    store(config, locale, updates, bundles, states, outputs)
    filled.get(locale)!.machine = updates.length
  })
  return {value: outputs, stores: {bundles, states}, unknown, filled, pending, messages}
}

/** The segments of every document that a locale's store has no translation for, each key once per document. */
function emptySegments(documents: ReadonlyMap<string, SourceDocument>, bundles: Stores['bundles'], locale: string): Empty[] {
  const empty: Empty[] = []
  for (const document of documents.values()) {
    const bundle = bundles.get(paths.store(locale, document.id)) ?? {}
    const seen = new Set<string>()
    for (const unit of document.units) {
      // A unit a CAT tool translated whole is stored under its id: its segments are translated.
      if (bundle[unit.id] !== undefined) continue
      for (const part of unit.parts) {
        if (part.type !== 'segment' || bundle[part.segment.key] !== undefined || seen.has(part.segment.key)) continue
        seen.add(part.segment.key)
        empty.push({document, segment: part.segment, unitId: unit.id})
      }
    }
  }
  return empty
}

/** The store update of a memory match that pre-fills a segment. */
function memoryUpdate(segment: Segment, best: NonNullable<ReturnType<typeof prefill>>, found: ProjectLeverage): BundleUpdate {
  const {candidate} = best
  return {
    key: segment.key,
    value: best.value,
    state: best.state,
    origin: candidate.origin === 'machine' ? 'machine' : 'memory',
    source: segment.value,
    context: found.segments.get(segment)!.context,
    ...(candidate.score === undefined ? {} : {score: candidate.score}),
    ...(candidate.engine === undefined ? {} : {engine: candidate.engine})
  }
}

/** Apply updates to their documents' stores; record the files that changed. */
function store(config: Config, locale: string, updates: ReadonlyArray<[Empty, BundleUpdate]>, bundles: Stores['bundles'], states: Stores['states'], outputs: Outputs): void {
  const byDocument = new Map<SourceDocument, BundleUpdate[]>()
  for (const [{document}, update] of updates) byDocument.set(document, [...(byDocument.get(document) ?? []), update])
  for (const [document, list] of byDocument) {
    const name = paths.store(locale, document.id)
    const applied = applyUpdates(bundles.get(name) ?? {}, states.get(name) ?? {}, list, Object.keys(sourceBundle(document)))
    if (applied.changed.length === 0) continue
    bundles.set(name, applied.bundle)
    states.set(name, applied.state)
    outputs.set(paths.bundle(config, locale, document.id), toJson(applied.bundle))
    outputs.set(paths.state(config, locale, document.id), toJson(applied.state))
  }
}

