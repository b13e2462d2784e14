/**
 * Turn a translated XLIFF document into bundle updates. Takes: the read XLIFF
 * and the current source document. Returns: updates for the good units, a
 * report, and a message for every rejected unit (quarantined whole, with
 * file, unit, line and reason), so one bad unit never blocks the others, and
 * for every warning about a translation that was still taken.
 *
 * A target left as extract pre-filled it (same text, same state; see
 * `Options.prefilled`) is not the translator's work: the segment's own
 * stored translation is taken as stored (origin, score and engine kept), an
 * untouched context or exact match as the memory's (origin `memory`, with
 * its score), and an untouched proposal in `initial` (a fuzzy match, a
 * machine translation) is not taken. None becomes a human's. Every other
 * target is the translator's: origin `human`.
 */
import {segmentContexts} from '../../memory/index.ts'
import type {Diagnostic, InlineCode, KeyState, Origin, Segment, SegmentToken, SourceDocument, TargetToken, Unit} from '../../types.ts'
import {checkTargetCodes, normalizeValue, targetBundleValue, type CodeProblem} from '../../units/index.ts'
import type {Inline, XliffDocument, XliffFile, XliffUnit} from '../../xliff/index.ts'
import type {BundleUpdate} from './bundles.ts'

/**
 * A finding about one translation; an error quarantines its unit, a warning
 * is reported and the translation is taken.
 */
export interface TranslationProblem {
  ruleId: string
  severity: 'error' | 'warning'
  message: string
  expected?: string
  actual?: string
  /** Glossary concept of a term problem. */
  conceptId?: string
}

/** A problem of a unit being imported (error unless it says otherwise). */
type Problem = Omit<TranslationProblem, 'severity'> & Partial<Pick<TranslationProblem, 'severity'>> & {segmentId?: string}

/** Options of {@linkcode importXliff}. */
export interface Options {
  /** Path of the XLIFF file, for messages. */
  file: string
  /** Origin recorded for imported translations (default `human`). */
  origin?: KeyState['origin'] | null
  /** Longest target accepted for one segment, in UTF-16 code units (default 65,536). */
  maxTargetLength?: number | null
  /**
   * More checks of a translation whose codes are sound: its source tokens
   * (a segment's, or a unit's whole block) and target tokens. The glossary's
   * term rules come in here.
   */
  check?: ((source: readonly SegmentToken[], target: readonly TargetToken[]) => TranslationProblem[]) | null
  /** What the exchange file was pre-filled with for a segment (the leverage stage's pre-fill), to recognize a target left as it was. */
  prefilled?: ((segment: Segment, unit: Unit) => Prefilled | undefined) | null
}

/** A segment's pre-filled target, as extract wrote it. */
export interface Prefilled {
  /** Bundle form of the pre-filled target. */
  value: string
  state: KeyState['state']
  /**
   * Take the target, when left untouched, as made by this origin: the
   * stored record's for the segment's own translation, `memory` and its
   * score for a context or exact match. Absent: an untouched pre-fill is not
   * a translation (a proposal in `initial`).
   */
  keep?: {origin: Origin; score?: number; engine?: string; unknown?: string[]}
}

/** What an import did with one file. */
export interface ImportReport {
  file: string
  /** Target language of the file (`trgLang`), when it could be read. */
  locale?: string
  /** Units whose translations were taken. */
  units: number
  /** Segments with a target that were taken. */
  segments: number
  /** Units rejected, with why. */
  quarantined: Array<{unitId: string; line: number; reasons: string[]}>
}

const states = new Set<KeyState['state']>(['initial', 'translated', 'reviewed', 'final'])

/**
 * @param xliff The XLIFF as read by `fromXliff`.
 * @param documents Current source documents by path (`file/@original`).
 * @param options File name and origin.
 */
export function importXliff(xliff: XliffDocument, documents: ReadonlyMap<string, SourceDocument>, options: Options): {value: BundleUpdate[]; report: ImportReport; messages: Diagnostic[]} {
  const updates: Array<BundleUpdate & {document: string}> = []
  const messages: Diagnostic[] = []
  const report: ImportReport = {file: options.file, ...(xliff.trgLang ? {locale: xliff.trgLang} : {}), units: 0, segments: 0, quarantined: []}
  for (const file of xliff.files) {
    const document = file.original === undefined ? undefined : documents.get(file.original)
    if (!document) {
      messages.push({file: options.file, line: file.line, column: file.column, ruleId: 'file-unknown', source: 'import', severity: 'error', message: `File \`${file.original ?? '(no original)'}\` is not a current source document; its units were not imported`})
      for (const unit of file.units) report.quarantined.push({unitId: unit.id, line: unit.line, reasons: ['unknown source file']})
      continue
    }
    importFile(file, document, options, updates, messages, report)
  }
  return {value: updates, report, messages}
}

function importFile(file: XliffFile, document: SourceDocument, options: Options, updates: BundleUpdate[], messages: Diagnostic[], report: ImportReport): void {
  const units = new Map(document.units.map((unit) => [unit.id, unit]))
  const contexts = segmentContexts(document)
  for (const xliffUnit of file.units) {
    const found: Problem[] = []
    const unit = units.get(xliffUnit.id)
    const taken: BundleUpdate[] = []
    if (unit) collect(xliffUnit, unit, contexts, options, taken, found)
    else found.push({ruleId: 'unit-unknown', message: `Unit \`${xliffUnit.id}\` is not in the current source \`${document.path}\` (the source changed after export)`})
    const problems = found.filter((problem) => problem.severity !== 'warning')
    const quarantined = problems.length > 0
    if (quarantined) report.quarantined.push({unitId: xliffUnit.id, line: xliffUnit.line, reasons: problems.map((problem) => `${problem.ruleId}: ${problem.message}`)})
    for (const problem of found) {
      const {ruleId, segmentId, conceptId, expected, actual} = problem
      const severity = problem.severity ?? 'error'
      const message = severity === 'error' ? `${problem.message}; unit quarantined` : problem.message
      messages.push({file: options.file, line: xliffUnit.line, column: xliffUnit.column, unitId: xliffUnit.id, segmentId, ...(conceptId === undefined ? {} : {conceptId}), ruleId, source: 'import', severity, message, ...(expected === undefined ? {} : {expected}), ...(actual === undefined ? {} : {actual})})
    }
    if (quarantined) continue
    if (taken.length > 0) report.units++
    report.segments += taken.length
    updates.push(...taken)
  }
}

function collect(xliffUnit: XliffUnit, unit: Unit, contexts: ReadonlyMap<Segment, string>, options: Options, taken: BundleUpdate[], problems: Problem[]): void {
  const segments = new Map<string, Segment>()
  for (const part of unit.parts) if (part.type === 'segment') segments.set(part.segment.id, part.segment)
  const codes = new Map(unit.codes.map((code) => [code.id, code]))
  if (resegmented(xliffUnit, unit, segments, codes)) {
    collectWhole(xliffUnit, unit, codes, options, taken, problems)
    return
  }
  for (const part of xliffUnit.parts) {
    if (part.kind !== 'segment' || part.target === undefined) continue
    const segment = part.id === undefined ? undefined : segments.get(part.id)
    if (!segment) {
      problems.push({ruleId: 'segment-unknown', segmentId: part.id, message: `Segment \`${part.id ?? '(no id)'}\` is not in unit \`${unit.id}\``})
      continue
    }
    // The file's source must still be the current source: a unit edited after
    // export would otherwise pair an old translation with new text.
    const sourceTokens: TargetToken[] = []
    toTokens(part.source, segment, codes, sourceTokens, [])
    const fileSource = targetBundleValue(segment, sourceTokens)
    if (normalizeValue(fileSource) !== normalizeValue(segment.value)) {
      problems.push({ruleId: 'source-drifted', segmentId: segment.id, message: `Segment \`${segment.id}\`: the source in the file no longer matches the current source (file: ${JSON.stringify(fileSource)}, now: ${JSON.stringify(segment.value)})`})
      continue
    }
    const tokens: TargetToken[] = []
    const found: CodeProblem[] = []
    toTokens(part.target, segment, codes, tokens, found)
    found.push(...checkTargetCodes(segment, tokens))
    const length = tokens.reduce((sum, token) => sum + (token.type === 'text' ? token.value.length : 0), 0)
    const limit = options.maxTargetLength ?? 65536
    if (length > limit) problems.push({ruleId: 'target-too-long', segmentId: segment.id, message: `Segment \`${segment.id}\`: the target has ${length} characters, over the limit of ${limit}`})
    if (found.length > 0) {
      for (const problem of found) problems.push({...problem, segmentId: segment.id, message: `Segment \`${segment.id}\`: ${problem.message}`})
      continue
    }
    const value = targetBundleValue(segment, tokens)
    const state = states.has(part.state as KeyState['state']) ? (part.state as KeyState['state']) : 'translated'
    const prefill = options.prefilled?.(segment, unit)
    const untouched = prefill !== undefined && prefill.value === value && prefill.state === state
    // A copy of the source in an untouched segment is a pre-fill, not a translation; so is any pre-fill left as it was, unless it is a match to keep.
    if ((untouched && !prefill.keep) || (state === 'initial' && value === segment.value)) continue
    for (const problem of options.check?.(segment.tokens, tokens) ?? []) problems.push({...problem, segmentId: segment.id, message: `Segment \`${segment.id}\`: ${problem.message}`})
    const context = contexts.get(segment)
    const made = untouched && prefill.keep ? prefill.keep : {origin: options.origin ?? 'human'}
    taken.push({key: segment.key, value, state, source: segment.value, ...(context === undefined ? {} : {context}), ...made})
  }
}

/**
 * Whether a CAT tool joined or split the unit's segments: the file's segments
 * are not babele's, but the unit's whole source still is.
 */
function resegmented(xliffUnit: XliffUnit, unit: Unit, segments: ReadonlyMap<string, Segment>, codes: ReadonlyMap<string, InlineCode>): boolean {
  const same = (content: readonly Inline[], segment: Pick<Segment, 'tokens'>, value: string) => {
    const tokens: TargetToken[] = []
    toTokens(content, segment, codes, tokens, [])
    return normalizeValue(targetBundleValue(segment, tokens)) === normalizeValue(value)
  }
  const aligned = xliffUnit.parts.every((part) => {
    if (part.kind !== 'segment') return true
    const segment = part.id === undefined ? undefined : segments.get(part.id)
    return segment !== undefined && same(part.source, segment, segment.value)
  })
  if (aligned) return false
  const whole = wholeOf(unit)
  return same(xliffUnit.parts.flatMap((part) => part.source), whole, targetBundleValue(whole, unit.block.tokens))
}

/** The whole unit seen as one segment (a pair cut by a sentence boundary is whole again). */
function wholeOf(unit: Unit): Pick<Segment, 'tokens'> {
  return {tokens: unit.block.tokens}
}

/**
 * Take the unit's whole target as one unit-level translation, stored under
 * the unit id: sentence keys cannot hold a translation whose sentences no
 * longer line up with the source's.
 */
function collectWhole(xliffUnit: XliffUnit, unit: Unit, codes: ReadonlyMap<string, InlineCode>, options: Options, taken: BundleUpdate[], problems: Problem[]): void {
  const segments = xliffUnit.parts.filter((part) => part.kind === 'segment')
  if (segments.some((part) => part.target === undefined)) return
  const whole = wholeOf(unit)
  const tokens: TargetToken[] = []
  const found: CodeProblem[] = []
  toTokens(
    xliffUnit.parts.flatMap((part) => part.target ?? part.source),
    whole,
    codes,
    tokens,
    found
  )
  found.push(...checkTargetCodes(whole, tokens))
  for (const problem of found) problems.push({...problem, message: `Unit \`${unit.id}\` (segments joined or split by the CAT tool): ${problem.message}`})
  if (found.length > 0) return
  const order: Array<KeyState['state']> = ['initial', 'translated', 'reviewed', 'final']
  const state = segments.map((part) => (states.has(part.state as KeyState['state']) ? (part.state as KeyState['state']) : 'translated')).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0]!
  const source = targetBundleValue(whole, unit.block.tokens)
  const value = targetBundleValue(whole, tokens)
  if (state === 'initial' && value === source) return
  for (const problem of options.check?.(unit.block.tokens, tokens) ?? []) problems.push({...problem, message: `Unit \`${unit.id}\` (segments joined or split by the CAT tool): ${problem.message}`})
  taken.push({key: unit.id, value, state, origin: options.origin ?? 'human', source})
}

/** Map XLIFF inline content to target tokens; `<sc>`/`<ec>` take the role their code has in the source. */
function toTokens(content: readonly Inline[], segment: Pick<Segment, 'tokens'>, codes: ReadonlyMap<string, InlineCode>, tokens: TargetToken[], problems: CodeProblem[]): void {
  const roles = new Set(segment.tokens.flatMap((token) => (token.type === 'text' ? [] : [token.type + ' ' + token.code.id])))
  const codeOf = (id: string | undefined, element: string): InlineCode | undefined => {
    const code = id === undefined ? undefined : codes.get(id)
    if (!code) problems.push({ruleId: 'code-extra', message: `<${element}> \`${id ?? '(no id)'}\` names no code of the source`})
    return code
  }
  for (const item of content) {
    if (typeof item === 'string') {
      tokens.push({type: 'text', value: item})
      continue
    }
    switch (item.type) {
      case 'ph': {
        const code = codeOf(item.id, 'ph')
        if (code) tokens.push({type: 'ph', code})
        break
      }
      case 'pc': {
        const code = codeOf(item.id, 'pc')
        if (!code) break
        tokens.push({type: 'open', code})
        toTokens(item.children, segment, codes, tokens, problems)
        tokens.push({type: 'close', code})
        break
      }
      case 'sc': {
        const code = codeOf(item.id, 'sc')
        if (code) tokens.push({type: roles.has('open ' + code.id) ? 'open' : 'start', code})
        break
      }
      case 'ec': {
        const code = codeOf(item.startRef ?? item.id, 'ec')
        if (code) tokens.push({type: roles.has('close ' + code.id) ? 'close' : 'end', code})
        break
      }
      case 'mrk':
        toTokens(item.children, segment, codes, tokens, problems)
        break
      default:
        break
    }
  }
  // Adjacent strings (around a removed annotation) read as one text.
  for (let index = tokens.length - 1; index > 0; index--) {
    const a = tokens[index - 1]!
    const b = tokens[index]!
    if (a.type === 'text' && b.type === 'text') {
      a.value += b.value
      tokens.splice(index, 1)
    }
  }
}
