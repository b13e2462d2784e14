/**
 * The leverage stage: the best drafts for every segment of a document in one
 * target locale. Takes: the document, the locale's indexed memory (its
 * stores' pairs, TMX and XLIFF memory) and, optionally, machine translations
 * already made and checked at the CLI's edge. Returns: for each segment
 * occurrence, in document order, its candidates best first and the best one.
 * Pure and synchronous: it never calls an engine.
 *
 * Candidates, in this order:
 *
 * 1. `context` (101%): an exact match whose pair was stored with the
 *    segment's current context (`context.ts`: the same neighbouring
 *    segments);
 * 2. `exact` (100%): the same source (bundle value, white space normalized;
 *    code bytes equal where both know them);
 * 3. `fuzzy`: a similar source scoring at least the threshold (default 75;
 *    `fuzzy-score.ts`), best score first;
 * 4. `machine`: the engine's translation passed in.
 *
 * Within a kind: higher score, then a human's pair before the memory's
 * before a machine's, then the segment's own stored translation, then the
 * more advanced state (final, reviewed, translated, initial), then stores
 * before XLIFF before TMX, then memory order. Two candidates with the same
 * target keep the first. At most `limit` candidates (default 5) are kept.
 */
import {withSeverity} from '../../diagnostic.ts'
import {checkTranslations, structuralRuleIds} from '../../qa/index.ts'
import type {Candidate, Diagnostic, KeyState, MatchType, Segment, SourceDocument, Unit} from '../../types.ts'
import {fromBundleValue, targetBundleValue} from '../../units/index.ts'
import type {Memory, MemoryEntry, MemoryHit} from './compile-memory.ts'
import {segmentContexts} from './context.ts'
import {memoryTokens, memoryValue, onSegment} from './memory-tokens.ts'

/** A machine translation of a segment, made and checked before leverage runs. */
export interface MachineTranslation {
  /** The translation in bundle form (`<1>…</1>`, `<2/>`), numbered as the source segment's value. */
  value: string
  /** Engine name (`apertium`, …). */
  engine: string
}

/** Options of {@linkcode leverage}. */
export interface Options {
  /** The target locale's memory (`compileMemory`). */
  memory?: Memory | null
  /** Machine translations by segment key. */
  machine?: ReadonlyMap<string, MachineTranslation> | null
  /** Lowest fuzzy score proposed (default 75). */
  threshold?: number | null
  /** Most candidates kept per segment (default 5). */
  limit?: number | null
}

/** What leverage found for one segment occurrence. */
export interface SegmentLeverage {
  unit: Unit
  segment: Segment
  /** The segment's context (`contextOf` its neighbours). */
  context: string
  /** Candidates, best first. */
  candidates: Candidate[]
  /** The best candidate, if any. */
  best?: Candidate
}

const matchRank: Record<MatchType, number> = {context: 0, exact: 1, fuzzy: 2, machine: 3}
const originRank = {human: 0, memory: 1, machine: 2}
const stateRank: Record<KeyState['state'], number> = {final: 0, reviewed: 1, translated: 2, initial: 3}
const fromRank = {store: 0, xliff: 1, tmx: 2, engine: 3}

/**
 * @param document The extracted source.
 * @param options Memory, machine translations, threshold and limit.
 */
export function leverage(document: SourceDocument, options?: Options | null): {value: SegmentLeverage[]; messages: Diagnostic[]} {
  const settings = options ?? {}
  const threshold = settings.threshold ?? 75
  const limit = settings.limit ?? 5
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 100) throw new TypeError('Cannot use `' + threshold + '` for `options.threshold`, expected an integer from 1 to 100')
  if (!Number.isInteger(limit) || limit < 1) throw new TypeError('Cannot use `' + limit + '` for `options.limit`, expected a positive integer')
  const contexts = segmentContexts(document)
  const value: SegmentLeverage[] = []
  const messages: Diagnostic[] = []
  for (const unit of document.units) {
    for (const part of unit.parts) {
      if (part.type !== 'segment') continue
      const segment = part.segment
      const context = contexts.get(segment)!
      const machine = settings.machine?.get(segment.key)
      const memory = settings.memory && settings.memory.entries.length > 0 ? settings.memory : undefined
      if (!memory && !machine) {
        value.push({unit, segment, context, candidates: []})
        continue
      }
      const source = memoryTokens(document.body, segment.tokens)
      // Ranked by what the entries say; only the candidates kept are made (their targets put on the segment's codes and checked).
      const found: Found[] = []
      if (memory) {
        for (const hit of memory.exactHits(source)) {
          const match: MatchType = hit.entry.context !== undefined && hit.entry.context === context ? 'context' : 'exact'
          found.push(ranked(document, segment, memory, hit, match, match === 'context' ? 101 : 100))
        }
        for (const hit of memory.fuzzyHits(source, {threshold, limit: limit * 2})) found.push(ranked(document, segment, memory, hit, 'fuzzy', hit.score))
      }
      if (machine) {
        const target = fromBundleValue(machine.value, segment)
        const {tokens} = target
        const problems = checkTranslations([{source: segment.tokens, target, unitId: unit.id, segmentId: segment.id}], {rules: structuralRuleIds}).messages
        if (problems.length > 0) {
          messages.push(...problems.map((problem) => ({...withSeverity(problem, 'warning'), message: `${problem.message}; the ${machine.engine} translation is not used`})))
        } else {
          const candidate: Candidate = {match: 'machine', type: 'mt', origin: 'machine', from: {kind: 'engine', engine: machine.engine}, engine: machine.engine, source, target: memoryTokens(document.body, tokens), tokens, value: targetBundleValue(segment, tokens)}
          found.push({rank: candidate, order: Number.MAX_SAFE_INTEGER, target: () => memoryValue(candidate.source, candidate.target), make: () => candidate})
        }
      }
      found.sort((a, b) => compare(a.rank, b.rank) || a.order - b.order)
      const candidates: Candidate[] = []
      const targets = new Set<string>()
      for (const one of found) {
        const target = one.target()
        if (targets.has(target)) continue
        targets.add(target)
        candidates.push(one.make())
        if (candidates.length === limit) break
      }
      value.push({unit, segment, context, candidates, ...(candidates[0] ? {best: candidates[0]} : {})})
    }
  }
  return {value, messages}
}

/** What a candidate is ranked by (`compare`). */
type Rank = Pick<Candidate, 'match' | 'score' | 'origin' | 'own' | 'state' | 'from'>

/** A candidate found, ranked, and made only if it is kept. */
interface Found {
  rank: Rank
  /** Its place in the memory (ties keep it). */
  order: number
  /** Its source and target as a bundle value: a later candidate with the same is dropped. */
  target: () => string
  make: () => Candidate
}

/** A memory hit ranked as the candidate {@linkcode fromEntry} would make of it, which is made when kept. */
function ranked(document: SourceDocument, segment: Segment, memory: Memory, hit: MemoryHit, match: MatchType, score: number): Found {
  const {entry} = hit
  const own = ownEntry(document, segment, entry)
  return {
    rank: {match, score, origin: entry.origin, from: entry.from, ...(entry.state === undefined ? {} : {state: entry.state}), ...(own ? {own} : {})},
    order: hit.index,
    target: () => memory.pairValue(hit.index),
    make: () => fromEntry(document, segment, entry, match, score)
  }
}

/** Whether a memory entry is the segment's own stored translation. */
function ownEntry(document: SourceDocument, segment: Segment, entry: MemoryEntry): boolean {
  return entry.from.kind === 'store' && entry.from.document === document.id && entry.from.key === segment.key
}

function compare(a: Rank, b: Rank): number {
  return (
    matchRank[a.match] - matchRank[b.match] ||
    (b.score ?? 0) - (a.score ?? 0) ||
    originRank[a.origin] - originRank[b.origin] ||
    Number(Boolean(b.own)) - Number(Boolean(a.own)) ||
    (a.state === undefined ? 4 : stateRank[a.state]) - (b.state === undefined ? 4 : stateRank[b.state]) ||
    fromRank[a.from.kind] - fromRank[b.from.kind]
  )
}

/** A candidate from a memory entry, with the target on the segment's codes when they all fit. */
function fromEntry(document: SourceDocument, segment: Segment, entry: MemoryEntry, match: MatchType, score: number): Candidate {
  const own = ownEntry(document, segment, entry)
  const tokens = onSegment(segment, document.body, entry.source, entry.target)
  const fits = tokens !== undefined && checkTranslations([{source: segment.tokens, target: {tokens, stray: []}}], {rules: structuralRuleIds}).messages.length === 0
  return {
    match,
    type: 'tm',
    score,
    origin: entry.origin,
    from: entry.from,
    ...(entry.engine === undefined ? {} : {engine: entry.engine}),
    source: entry.source,
    target: entry.target,
    ...(fits ? {tokens, value: targetBundleValue(segment, tokens)} : {}),
    ...(entry.state === undefined ? {} : {state: entry.state}),
    ...(own ? {own} : {})
  }
}
