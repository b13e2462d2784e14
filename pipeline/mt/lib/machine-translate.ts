/**
 * The machine-translation stage. Takes: the segments to translate into one
 * locale, an engine (an async `translate(batch)` function, passed in) and the
 * locale's term rules. Returns: a checked machine target per segment key,
 * the words the engine marked as unknown in them, and a message for every target
 * that failed a check (a warning with file, unit and reason; the target is
 * not returned) and for an engine failure (an error; the targets made before
 * it are returned, and the keys left are listed).
 *
 * Each segment is protected (`protect`), sent in batches, restored
 * (`restore`) and checked with import's code and term checks. Which terms
 * to protect is asked of the engine once per run: each distinct term of the
 * segments is translated on its own, and one the engine renders without
 * breaking a term rule (`Ucraina` → `Ukraine`) is left to it, so articles and
 * elision stay the engine's (`in Ukraine`, `de l'OTAN`); any other
 * (`Cremlino`, unknown to it; `americani`, which it renders as the
 * deprecated `americanos`), and every do-not-translate term, is protected
 * and written back as the approved term. A segment whose translation still
 * breaks a term the engine was trusted with (`NATO`, read as the participle
 * `nato` after some nouns: `paesi NATO` → `países NACIDOS`) is translated
 * once more with that term protected. A target that then breaks a lock or a
 * code is flagged, never repaired.
 */
import type {QaSeverities} from '../../qa/index.ts'
import {diagnostic, withSeverity} from '../../diagnostic.ts'
import type {TermRules} from '../../glossary/index.ts'
import {termLocks} from '../../glossary/index.ts'
import type {Diagnostic, SegmentToken, TermLock} from '../../types.ts'
import {textOfTokens} from '../../units/index.ts'
import {EngineError, type Engine} from './engine.ts'
import {protect, type Protected} from './protect.ts'
import {restore, type MarkedWord, type Restored} from './restore.ts'

/** One segment to translate. */
export interface MachineRequest {
  /** Segment key: targets are returned by key, and a key is translated once. */
  key: string
  /** The source segment's tokens. */
  tokens: readonly SegmentToken[]
  /** For messages: the file (a source or store path), unit and segment. */
  file?: string
  unitId?: string
  segmentId?: string
}

/** A machine target that passed every check. */
export interface MachineTarget {
  /** Bundle form (`<1>…</1>`). */
  value: string
  /** Name of the engine that made it. */
  engine: string
  /** The words the engine marked in it, marks removed, in order. */
  unknown: string[]
}

/** A word the engine could not translate, with where it was met. */
export interface UnknownWord extends MarkedWord {
  /** How many times it was met. */
  count: number
  /** Keys of the segments it was met in, in order. */
  keys: string[]
}

/** Options of {@linkcode machineTranslate}. */
export interface Options {
  /** The engine for the locale's pair. */
  engine: Engine
  /** Term rules of the pair (none: only codes are protected and checked). */
  rules?: TermRules | null | undefined
  /** Severity per QA rule id, or `off` (the config's `qa`), for the checks of every target. */
  severity?: QaSeverities | null | undefined
  /** Texts per engine call (default 200). */
  batchSize?: number | null | undefined
  /** Called after each engine call with segments done and the total. */
  onProgress?: ((done: number, total: number) => void) | null | undefined
}

/** What {@linkcode machineTranslate} returns. */
export interface MachineResult {
  /** Checked targets by key. */
  value: Map<string, MachineTarget>
  /** Words the engine marked in the targets returned, most frequent first. */
  unknown: UnknownWord[]
  /** Flagged targets (errors), warnings on targets used, an engine failure. */
  messages: Diagnostic[]
  /** Keys not translated because the engine failed (empty when it did not). */
  pending: string[]
}

/**
 * Translate segments into one locale.
 *
 * @param requests Segments to translate.
 * @param options Engine, term rules, batch size, progress.
 */
export async function machineTranslate(requests: readonly MachineRequest[], options: Options): Promise<MachineResult> {
  const {engine} = options
  const rules = options.rules ?? undefined
  const batchSize = Math.max(1, options.batchSize ?? 200)
  const state: State = {value: new Map(), messages: [], unknown: new Map(), answered: new Set()}
  const unique = [...new Map(requests.map((request) => [request.key, request])).values()]
  const locks = new Map(unique.map((request) => [request.key, rules ? termLocks(rules, textOfTokens(request.tokens)) : []]))

  let trusted = new Set<string>()
  try {
    trusted = await trustedTerms(unique, locks, engine, rules)
  } catch (error) {
    return failed(error, unique, state)
  }

  // First the engine's own rendering of every term it knows; a segment where
  // it still broke a term goes again with those terms protected.
  const protectedFor = (request: MachineRequest, concepts: ReadonlySet<string>) =>
    protect(request.tokens, {rules, locks: locks.get(request.key), protectLock: (lock, surface) => alwaysProtected(lock) || concepts.has(lock.conceptId) || !trusted.has(surface.replace(/\s+/g, ' '))})
  let jobs: Job[] = unique.map((request) => ({request, protected: protectedFor(request, new Set()), retry: false}))
  let done = 0
  while (jobs.length > 0) {
    const again: Job[] = []
    const batches: Job[][] = []
    for (let start = 0; start < jobs.length; start += batchSize) batches.push(jobs.slice(start, start + batchSize))
    // Two batches in flight, so the engine never waits while one is checked and the next protected.
    const inFlight: Array<Promise<Sent>> = []
    let next = 0
    const launch = () => {
      const batch = batches[next++]!
      inFlight.push(send(engine, batch))
    }
    while (next < batches.length && inFlight.length < 2) launch()
    let failure: unknown
    while (inFlight.length > 0) {
      const sent = await inFlight.shift()!
      if (sent.failure === undefined && failure === undefined && next < batches.length) launch()
      failure ??= sent.failure
      sent.batch.forEach((job, index) => {
        const output = sent.outputs[index]
        if (output === undefined) return
        const restored = restore(output, job.protected, {source: job.request.tokens, rules, marks: engine.marks, sourceLocale: engine.source, locale: engine.target, severity: options.severity})
        const shielded = new Set(job.protected.slots.flatMap((slot) => (slot.kind === 'term' ? [slot.lock.conceptId] : [])))
        const broken = new Set(restored.problems.flatMap((problem) => (problem.severity === 'error' && problem.conceptId && !shielded.has(problem.conceptId) ? [problem.conceptId] : [])))
        if (!job.retry && broken.size > 0) {
          // After a failure it is left for the next run, like every segment not yet sent.
          if (failure === undefined) again.push({request: job.request, protected: protectedFor(job.request, broken), retry: true})
          return
        }
        state.answered.add(job.request.key)
        commit(job.request, restored, options, state)
        done++
      })
      options.onProgress?.(done, unique.length)
    }
    if (failure !== undefined) return failed(failure, unique, state)
    jobs = again
  }
  return {value: state.value, unknown: sortUnknown(state.unknown), messages: state.messages, pending: []}
}

/** A batch sent to the engine, and what came back. */
interface Sent {
  batch: Job[]
  /** Translations by batch index (`undefined` where the engine failed first). */
  outputs: ReadonlyArray<string | undefined>
  /** Why the engine stopped, if it did. */
  failure?: unknown
}

/** Send a batch; never rejects: a failure comes back with the translations made before it. */
async function send(engine: Engine, batch: Job[]): Promise<Sent> {
  try {
    const outputs = await engine.translate(batch.map((job) => job.protected.text))
    if (outputs.length !== batch.length) throw new EngineError(`${engine.name} (${engine.pair}) returned ${outputs.length} translations for ${batch.length} texts`)
    return {batch, outputs}
  } catch (error) {
    return {batch, outputs: error instanceof EngineError ? error.partial : [], failure: error}
  }
}

/** A segment on its way through the engine. */
interface Job {
  request: MachineRequest
  protected: Protected
  /** Whether this is the second attempt, with the terms the first one broke protected. */
  retry: boolean
}

/** What the stage has made so far. */
interface State {
  value: Map<string, MachineTarget>
  messages: Diagnostic[]
  unknown: Map<string, UnknownWord>
  /** Keys the engine answered (taken or flagged). */
  answered: Set<string>
}

/**
 * Record a restored target: the target and the words the engine marked in
 * it when it has no error, else a warning per problem. A note on a target
 * that is used (a common term rendered another way) is not repeated here:
 * `babele check` reports it on the stored translation.
 */
function commit(request: MachineRequest, restored: Restored, options: Options, state: State): void {
  const where = {...(request.file ? {file: request.file} : {}), ...(request.unitId ? {unitId: request.unitId} : {}), ...(request.segmentId ? {segmentId: request.segmentId} : {})}
  const {name, pair, source} = options.engine
  // A text most of whose words the engine does not know is not in the source
  // language (a quoted tweet in English): its translation would only garble it.
  const words = textOfTokens(restored.tokens).match(/\p{L}+/gu)?.length ?? 0
  const unknown = restored.marked.filter((word) => word.mark === '*').length
  if (unknown * 2 > words) {
    state.messages.push(diagnostic('mt-not-source-language', `Machine translation by ${name} (${pair}) not used: ${unknown} of its ${words} words are unknown to the engine, so the text is probably not in \`${source}\`; left for a translator`, {source: 'mt', severity: 'warning', ...where}))
    return
  }
  const errors = restored.problems.filter((problem) => problem.severity === 'error')
  // A refused target is a warning: the project is sound, the draft is not used.
  for (const problem of errors) {
    state.messages.push({...withSeverity(problem, 'warning'), ...where, message: `Machine translation by ${name} (${pair}) not used: ${problem.message}`, actual: problem.actual ?? [restored.value]})
  }
  if (errors.length > 0) return
  state.value.set(request.key, {value: restored.value, engine: name, unknown: restored.marked.map((word) => word.word)})
  for (const word of restored.marked) {
    const id = word.mark + word.word
    const entry = state.unknown.get(id) ?? {...word, count: 0, keys: []}
    entry.count++
    if (!entry.keys.includes(request.key)) entry.keys.push(request.key)
    state.unknown.set(id, entry)
  }
}

/**
 * The source terms the engine renders well on its own: each distinct term
 * (as written in the segments) is translated alone, and trusted when its
 * translation has no mark and breaks no term rule as an error (a name not
 * rendered as an approved term, any term rendered as a deprecated or
 * forbidden one; a common term rendered otherwise is only a warning, and
 * the engine's agreement is worth more than the glossary's form).
 */
async function trustedTerms(requests: readonly MachineRequest[], locks: ReadonlyMap<string, TermLock[]>, engine: Engine, rules: TermRules | undefined): Promise<Set<string>> {
  const trusted = new Set<string>()
  if (!rules) return trusted
  const surfaces = new Map<string, TermLock>()
  for (const request of requests) {
    const text = textOfTokens(request.tokens)
    for (const lock of locks.get(request.key)!) {
      if (!alwaysProtected(lock)) surfaces.set(text.slice(lock.start, lock.end).replace(/\s+/g, ' '), lock)
    }
  }
  if (surfaces.size === 0) return trusted
  const terms = [...surfaces.keys()]
  const outputs = await engine.translate(terms)
  terms.forEach((term, index) => {
    const output = outputs[index]
    if (output === undefined) return
    const restored = restore(output, {text: term, slots: []}, {source: [{type: 'text', value: term, range: {start: 0, end: term.length}}], rules, marks: engine.marks, sourceLocale: engine.source, locale: engine.target})
    if (restored.marked.length === 0 && restored.problems.every((problem) => problem.severity !== 'error')) trusted.add(term)
  })
  return trusted
}

/** A do-not-translate term is always protected: it is written as it is, whatever the engine knows. */
function alwaysProtected(lock: TermLock): boolean {
  return lock.doNotTranslate
}

/** The result after an engine failure: what was made, the failure, and the keys left. */
function failed(error: unknown, requests: readonly MachineRequest[], state: State): MachineResult {
  if (!(error instanceof EngineError)) throw error
  const pending = requests.map((request) => request.key).filter((key) => !state.answered.has(key))
  state.messages.push(diagnostic('mt-engine-failed', `${error.message}; ${state.value.size} translation(s) made before the failure are kept, ${pending.length} segment(s) left for the next run`, {source: 'mt', severity: 'error'}))
  return {value: state.value, unknown: sortUnknown(state.unknown), messages: state.messages, pending}
}

function sortUnknown(unknown: Map<string, UnknownWord>): UnknownWord[] {
  return [...unknown.values()].sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
}
