/**
 * Locale bundles and their per-key state, as values. Takes: a source
 * document, or a bundle and updates. Returns: new bundles and state files,
 * with keys in source order so files change only where content changed.
 */
import type {Bundle, KeyState, SourceDocument, StateFile} from '../../types.ts'
import {segmentKey} from '../../units/index.ts'

/** One translation to store. */
export interface BundleUpdate {
  key: string
  value: string
  state: KeyState['state']
  origin: KeyState['origin']
  /** The source value the translation was made from. */
  source: string
  /** The segment's context when it was translated (`contextOf`). */
  context?: string
  /** Match score, for a translation taken from memory. */
  score?: number
  /** Engine, for a machine translation. */
  engine?: string
  /** Words the engine marked, for a machine translation (`KeyState.unknown`). */
  unknown?: string[]
}

/** The source-locale bundle of a document: each segment key once, first occurrence wins. */
export function sourceBundle(document: SourceDocument): Bundle {
  const bundle: Bundle = {}
  for (const unit of document.units) {
    for (const part of unit.parts) {
      if (part.type === 'segment' && !(part.segment.key in bundle)) bundle[part.segment.key] = part.segment.value
    }
  }
  return bundle
}


/**
 * Apply updates to a target bundle and its state. Each key's state records
 * who made the translation, the source it was made from and its context,
 * and a memory match's score or a machine translation's engine.
 *
 * @param bundle Current target bundle.
 * @param state Current state file.
 * @param updates Translations to store.
 * @param order Keys in source order (the source bundle's keys).
 * @returns The new bundle and state, and which keys changed.
 */
export function applyUpdates(bundle: Bundle, state: StateFile, updates: readonly BundleUpdate[], order: readonly string[]): {bundle: Bundle; state: StateFile; changed: string[]} {
  const nextBundle: Bundle = {...bundle}
  const nextState: StateFile = {...state}
  const changed: string[] = []
  for (const update of updates) {
    const record: KeyState = {
      state: update.state,
      origin: update.origin,
      sourceHash: segmentKey(update.source),
      source: update.source,
      ...(update.context === undefined ? {} : {context: update.context}),
      ...(update.score === undefined ? {} : {score: update.score}),
      ...(update.engine === undefined ? {} : {engine: update.engine}),
      ...(update.unknown === undefined || update.unknown.length === 0 ? {} : {unknown: update.unknown})
    }
    const previous = nextState[update.key]
    if (nextBundle[update.key] === update.value && previous && sameState(previous, record)) continue
    nextBundle[update.key] = update.value
    nextState[update.key] = record
    changed.push(update.key)
  }
  return {bundle: ordered(nextBundle, order), state: ordered(nextState, order), changed}
}

/** Keys in source order, then keys no longer in the source, sorted. */
function ordered<T>(record: Record<string, T>, order: readonly string[]): Record<string, T> {
  const result: Record<string, T> = {}
  for (const key of order) if (key in record) result[key] = record[key]!
  for (const key of Object.keys(record).sort()) if (!(key in result)) result[key] = record[key]!
  return result
}

/**
 * Whether a bundle or state file holds an entry: a missing one and an
 * empty one (the store files extract writes for a new document) translate
 * and record nothing alike.
 *
 * ```ts
 * hasValues({}) // false
 * hasValues({'1f0c…': 'Kremlin'}) // true
 * ```
 */
export function hasValues(record: Readonly<Record<string, unknown>>): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true
  return false
}

/** Serialize a bundle or state file: two-space JSON with a final newline. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n'
}

function sameState(a: KeyState, b: KeyState): boolean {
  return a.state === b.state && a.origin === b.origin && a.sourceHash === b.sourceHash && a.source === b.source && a.context === b.context && a.score === b.score && a.engine === b.engine && (a.unknown ?? []).join('\u0000') === (b.unknown ?? []).join('\u0000')
}
