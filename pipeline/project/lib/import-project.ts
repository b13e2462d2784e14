/**
 * Import translated XLIFF files into a project's locale stores. Takes: the
 * config, the documents, the stores and the XLIFF texts by path (and the
 * project's term rules, to enforce; the memory extract leveraged, to know
 * what it pre-filled). Returns: the changed store files, the new stores, a
 * report per file and messages.
 *
 * What extract pre-filled is recomputed with the same leverage stage, from
 * the stores as they were before this import, for the documents the files
 * name (a document's leverage depends on it and the locale's memory alone):
 * a target left as it was pre-filled is no translator's work (see
 * `importXliff`). Importing one file of a large project reads the documents
 * that are memory and that file's, not every document.
 */
import {diagnostic} from '../../diagnostic.ts'
import type {MemoryEntry, SegmentLeverage} from '../../memory/index.ts'
import type {Config} from '../../config/index.ts'
import {applyUpdates, importXliff, sourceBundle, toJson, type BundleUpdate, type ImportReport, type Prefilled} from '../../store/index.ts'
import type {Diagnostic, Segment, SourceDocument} from '../../types.ts'
import {normalizeValue} from '../../units/index.ts'
import {fromXliff} from '../../xliff/index.ts'
import {localeLeverage, projectPrefill, type LocaleLeverage, type ProjectLeverageOptions} from './leverage-project.ts'
import {paths, type Outputs, type Stores} from './paths.ts'
import type {ProjectTerms} from './terms.ts'

/** Options of {@linkcode importProject}. */
export interface ImportProjectOptions extends ProjectLeverageOptions {
  /** Term rules by target locale: a translation that breaks a locked term is quarantined (see `projectTerms`). */
  terms?: ProjectTerms | null
  /** A target locale's memory entries, when the caller has read them (`extractContext`; asked as the locale's first file is imported): looked up against as they are, compiled once for both (`compiledMemory`). */
  memoryOf?: ((locale: string) => MemoryEntry[] | undefined) | null
}

/** A document's keys (segment keys and unit ids), and the unit of each segment key. */
interface DocumentKeys {
  document: SourceDocument
  keys: Set<string>
  unitOfKey: Map<string, string>
}

/** What importing did, per file. */
export interface ImportResult {
  /** Bundle and state files that changed. */
  value: Outputs
  /** The stores after the import. */
  stores: Stores
  reports: ImportReport[]
  messages: Diagnostic[]
}

/**
 * Import translated XLIFF files into the locale stores.
 *
 * @param xliffs XLIFF texts by path, taken one at a time: each is read and
 *   done with before the next is asked for, so a caller that reads them as
 *   they are asked for (`babele import`, a batch at a time) holds what it
 *   has read and not yet handed over, not a whole site's returned files.
 */
export function importProject(config: Config, documents: ReadonlyMap<string, SourceDocument>, stores: Stores, xliffs: Iterable<readonly [string, string]>, options: ImportProjectOptions = {}): ImportResult {
  const outputs: Outputs = new Map()
  const messages: Diagnostic[] = []
  const reports: ImportReport[] = []
  const bundles = new Map(stores.bundles)
  const states = new Map(stores.states)
  // Each document an XLIFF file names, indexed once: its keys (a unit id is a key too: the whole
  // translation of a unit whose segments a CAT tool joined or split) and the unit of each segment
  // key, to retire the unit's whole translation when its sentences are translated again.
  const indexes = new Map<string, DocumentKeys>()
  const keysOf = (document: SourceDocument): DocumentKeys => {
    let found = indexes.get(document.id)
    if (found) return found
    found = {document, keys: new Set(), unitOfKey: new Map()}
    for (const unit of document.units) {
      found.keys.add(unit.id)
      for (const part of unit.parts) {
        if (part.type !== 'segment') continue
        found.keys.add(part.segment.key)
        found.unitOfKey.set(part.segment.key, unit.id)
      }
    }
    indexes.set(document.id, found)
    return found
  }

  // What extract pre-filled, per locale, from the stores before this import: the locale's memory read
  // once, and the documents each file names looked up (a file's segments are its documents'); the
  // other documents are not read unless they are memory.
  const leverages = new Map<string, LocaleLeverage>()
  const leverageOf = (locale: string, named: readonly SourceDocument[]): ReadonlyMap<Segment, SegmentLeverage> => {
    let found = leverages.get(locale)
    if (!found) leverages.set(locale, (found = localeLeverage(config, documents, stores, locale, options, options.memoryOf?.(locale))))
    return new Map(named.flatMap((document) => found.of(document).value.map((one): [Segment, SegmentLeverage] => [one.segment, one])))
  }
  const prefilled = (locale: string, segments: ReadonlyMap<Segment, SegmentLeverage>, segment: Segment): Prefilled | undefined => {
    const filled = projectPrefill(config, segments.get(segment))
    if (!filled) return undefined
    const {candidate} = filled
    if (candidate.own && candidate.from.kind === 'store') {
      // The segment's own stored translation, returned as it was: stored again as it is (no change).
      const record = stores.states.get(paths.store(locale, candidate.from.document))?.[candidate.from.key]
      const origin = record?.origin === 'memory' || record?.origin === 'machine' ? record.origin : 'human'
      return {value: filled.value, state: filled.state, keep: {origin, ...(record?.score === undefined ? {} : {score: record.score}), ...(record?.engine === undefined ? {} : {engine: record.engine}), ...(record?.unknown === undefined ? {} : {unknown: record.unknown})}}
    }
    const keep = filled.state === 'translated' && (candidate.match === 'context' || candidate.match === 'exact')
    return {value: filled.value, state: filled.state, ...(keep ? {keep: {origin: 'memory' as const, ...(candidate.score === undefined ? {} : {score: candidate.score})}} : {})}
  }

  for (const [file, text] of xliffs) {
    const read = fromXliff(text, {file, maxBytes: config.maxXliffBytes})
    messages.push(...read.messages)
    const xliff = read.value
    if (!xliff) {
      reports.push({file, units: 0, segments: 0, quarantined: [{unitId: '*', diagnostics: read.messages}]})
      continue
    }
    const locale = xliff.trgLang
    if (!locale || !config.targetLocales.includes(locale)) {
      messages.push(diagnostic('locale-unknown', `Target language \`${locale ?? '(none)'}\` is not one of the configured target locales (${config.targetLocales.join(', ')})`, {source: 'import', severity: 'error', file, place: {line: 1, column: 1}}))
      reports.push({file, units: 0, segments: 0, quarantined: []})
      continue
    }
    const badUnits = new Set(read.messages.filter((message) => message.severity === 'error' && message.unitId).map((message) => message.unitId))
    const filtered = {...xliff, files: xliff.files.map((one) => ({...one, units: one.units.filter((unit) => !badUnits.has(unit.id))}))}
    const segments = leverageOf(locale, xliff.files.flatMap((one) => (one.original === undefined ? [] : (documents.get(one.original) ?? []))))
    const imported = importXliff(filtered, documents, {file, terms: options.terms?.locales.get(locale), severity: config.qa, prefilled: (segment) => prefilled(locale, segments, segment)})
    for (const unitId of badUnits) imported.report.quarantined.push({unitId: unitId!, diagnostics: read.messages.filter((message) => message.unitId === unitId && message.severity === 'error')})
    messages.push(...imported.messages)
    reports.push(imported.report)

    const byDocument = new Map<string, BundleUpdate[]>()
    const named = new Map<string, DocumentKeys>()
    for (const one of xliff.files) {
      const document = one.original === undefined ? undefined : documents.get(one.original)
      if (!document) continue
      byDocument.set(document.id, [])
      named.set(document.id, keysOf(document))
    }
    const seen = new Map<string, string>()
    for (const update of imported.value) {
      const documentId = [...byDocument.keys()].find((id) => named.get(id)!.keys.has(update.key))
      if (!documentId) continue
      const previous = seen.get(`${documentId}\u0000${update.key}`)
      // A sentence repeated with other wrapping has one key; translations that
      // differ only in whitespace or line breaks are the same translation, and
      // the first occurrence's record (and context) stands.
      if (previous !== undefined && normalizeValue(previous) === normalizeValue(update.value)) continue
      if (previous !== undefined) {
        messages.push(diagnostic('key-conflict', `Repeated segment \`${update.key}\` has different translations in one file; the last one is kept`, {source: 'import', severity: 'warning', file}))
      }
      seen.set(`${documentId}\u0000${update.key}`, update.value)
      byDocument.get(documentId)!.push(update)
    }
    for (const [documentId, updates] of byDocument) {
      const name = paths.store(locale, documentId)
      const {document, unitOfKey} = named.get(documentId)!
      const order = Object.keys(sourceBundle(document))
      const applied = applyUpdates(bundles.get(name) ?? {}, states.get(name) ?? {}, updates, order)
      // A unit translated sentence by sentence again no longer uses its older whole translation.
      const retired = new Set(updates.flatMap((update) => unitOfKey.get(update.key) ?? []))
      for (const unitId of retired) {
        if (!(unitId in applied.bundle)) continue
        delete applied.bundle[unitId]
        delete applied.state[unitId]
        applied.changed.push(unitId)
      }
      if (applied.changed.length === 0) continue
      bundles.set(name, applied.bundle)
      states.set(name, applied.state)
      outputs.set(paths.bundle(config, locale, documentId), toJson(applied.bundle))
      outputs.set(paths.state(config, locale, documentId), toJson(applied.state))
    }
  }
  return {value: outputs, stores: {bundles, states}, reports, messages}
}
