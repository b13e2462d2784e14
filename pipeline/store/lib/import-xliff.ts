/**
 * Turn a translated XLIFF document into bundle updates. Takes: the read XLIFF,
 * the current source documents, and the term rules and QA severities.
 * Returns: updates for the good units, a report, and a diagnostic for every
 * problem: an error quarantines its unit whole (with file, unit, line and
 * rule), so one bad unit never blocks the others; a warning is reported and
 * the translation taken. Every translation read is checked by the QA rule
 * registry (`checkTranslations`: codes, then terms and the rest), the file's
 * translations together.
 *
 * A target left as extract pre-filled it (same text, same state; see
 * `Options.prefilled`) is not the translator's work: the segment's own
 * stored translation is taken as stored (origin, score and engine kept), an
 * untouched context or exact match as the memory's (origin `memory`, with
 * its score), and an untouched proposal in `initial` (a fuzzy match, a
 * machine translation) is not taken. None becomes a human's. Every other
 * target is the translator's: origin `human`.
 */
import {diagnostic} from '../../diagnostic.ts'
import type {TermRules} from '../../glossary/index.ts'
import {segmentContexts} from '../../memory/index.ts'
import {checkTranslations, type QaInput, type QaSeverities} from '../../qa/index.ts'
import type {Diagnostic, InlineCode, KeyState, Origin, Segment, SourceDocument, StrayTag, TargetToken, Unit} from '../../types.ts'
import {normalizeValue, targetBundleValue} from '../../units/index.ts'
import type {Inline, XliffDocument, XliffFile, XliffUnit} from '../../xliff/index.ts'
import type {BundleUpdate} from './bundles.ts'

/** Options of {@linkcode importXliff}. */
export interface Options {
  /** Path of the XLIFF file, for messages. */
  file: string
  /** Origin recorded for imported translations (default `human`). */
  origin?: KeyState['origin'] | null
  /** Longest target accepted for one segment, in UTF-16 code units (default 65,536). */
  maxTargetLength?: number | null
  /** The glossary's rules for the file's language pair (`compileTermRules`): the QA stage's term rules check every translation against them. */
  terms?: TermRules | null
  /** Severity per QA rule id, or `off` (the config's `qa`); structural rules (codes) are always errors. */
  severity?: QaSeverities | null
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
  /** Units rejected, each with the errors that rejected it (the same diagnostics the import reports). */
  quarantined: Array<{unitId: string; diagnostics: Diagnostic[]}>
}

const states = new Set<KeyState['state']>(['initial', 'translated', 'reviewed', 'final'])

/** A translation of one unit, read and waiting for the QA rules. */
interface Read {
  update: BundleUpdate
  input: QaInput
  /** What messages about it start with: the segment, or the unit taken whole. */
  label: string
}

/** What the import found in one unit of the file. */
interface UnitImport {
  xliffUnit: XliffUnit
  /** The import's own problems (unknown unit or segment, drifted source, target too long). */
  problems: Diagnostic[]
  read: Read[]
}

/**
 * @param xliff The XLIFF as read by `fromXliff`.
 * @param documents Current source documents by path (`file/@original`).
 * @param options File name, origin, term rules, QA severities, pre-fills.
 */
export function importXliff(xliff: XliffDocument, documents: ReadonlyMap<string, SourceDocument>, options: Options): {value: BundleUpdate[]; report: ImportReport; messages: Diagnostic[]} {
  const updates: BundleUpdate[] = []
  const messages: Diagnostic[] = []
  const report: ImportReport = {file: options.file, ...(xliff.trgLang ? {locale: xliff.trgLang} : {}), units: 0, segments: 0, quarantined: []}
  for (const file of xliff.files) {
    const document = file.original === undefined ? undefined : documents.get(file.original)
    if (!document) {
      const unknown = diagnostic('file-unknown', `File \`${file.original ?? '(no original)'}\` is not a current source document; its units were not imported`, {source: 'import', severity: 'error', file: options.file, place: {line: file.line, column: file.column}})
      messages.push(unknown)
      for (const unit of file.units) report.quarantined.push({unitId: unit.id, diagnostics: [unknown]})
      continue
    }
    importFile(file, document, xliff, options, updates, messages, report)
  }
  return {value: updates, report, messages}
}

function importFile(file: XliffFile, document: SourceDocument, xliff: XliffDocument, options: Options, updates: BundleUpdate[], messages: Diagnostic[], report: ImportReport): void {
  const units = new Map(document.units.map((unit) => [unit.id, unit]))
  const contexts = segmentContexts(document)
  const found: UnitImport[] = []
  for (const xliffUnit of file.units) {
    const where = {file: options.file, place: {line: xliffUnit.line, column: xliffUnit.column}, unitId: xliffUnit.id}
    const entry: UnitImport = {xliffUnit, problems: [], read: []}
    const unit = units.get(xliffUnit.id)
    if (unit) collect(xliffUnit, unit, contexts, options, where, entry)
    else entry.problems.push(diagnostic('unit-unknown', `Unit \`${xliffUnit.id}\` is not in the current source \`${document.path}\` (the source changed after export)`, {source: 'import', severity: 'error', ...where}))
    found.push(entry)
  }

  // Every translation of the file is checked together, so rules across translations see them all.
  const inputs = found.flatMap((entry) => entry.read.map((read) => ({...read.input, sourceLocale: xliff.srcLang, locale: xliff.trgLang, terms: options.terms})))
  const checked = checkTranslations(inputs, {severity: options.severity}).byInput
  let index = 0
  for (const entry of found) {
    const unitMessages = [...entry.problems]
    for (const read of entry.read) {
      for (const finding of checked[index++]!) unitMessages.push({...finding, message: `${read.label}: ${finding.message}`})
    }
    const errors = unitMessages.filter((message) => message.severity === 'error')
    // An error quarantines the whole unit; warnings are reported and the translation taken.
    const reported = unitMessages.map((message) => (message.severity === 'error' ? {...message, message: `${message.message}; unit quarantined`} : message))
    messages.push(...reported)
    if (errors.length > 0) {
      report.quarantined.push({unitId: entry.xliffUnit.id, diagnostics: reported.filter((message) => message.severity === 'error')})
      continue
    }
    if (entry.read.length > 0) report.units++
    report.segments += entry.read.length
    updates.push(...entry.read.map((read) => read.update))
  }
}

type Where = {file: string; place: {line: number; column: number}; unitId: string}

function collect(xliffUnit: XliffUnit, unit: Unit, contexts: ReadonlyMap<Segment, string>, options: Options, where: Where, entry: UnitImport): void {
  const segments = new Map<string, Segment>()
  for (const part of unit.parts) if (part.type === 'segment') segments.set(part.segment.id, part.segment)
  const codes = new Map(unit.codes.map((code) => [code.id, code]))
  if (resegmented(xliffUnit, unit, segments, codes)) {
    collectWhole(xliffUnit, unit, codes, options, where, entry)
    return
  }
  for (const part of xliffUnit.parts) {
    if (part.kind !== 'segment' || part.target === undefined) continue
    const segment = part.id === undefined ? undefined : segments.get(part.id)
    if (!segment) {
      entry.problems.push(diagnostic('segment-unknown', `Segment \`${part.id ?? '(no id)'}\` is not in unit \`${unit.id}\``, {source: 'import', severity: 'error', ...where, segmentId: part.id}))
      continue
    }
    // The file's source must still be the current source: a unit edited after
    // export would otherwise pair an old translation with new text.
    const sourceTokens: TargetToken[] = []
    toTokens(part.source, segment, codes, sourceTokens, [])
    const fileSource = targetBundleValue(segment, sourceTokens)
    if (normalizeValue(fileSource) !== normalizeValue(segment.value)) {
      entry.problems.push(diagnostic('source-drifted', `Segment \`${segment.id}\`: the source in the file no longer matches the current source (file: ${JSON.stringify(fileSource)}, now: ${JSON.stringify(segment.value)})`, {source: 'import', severity: 'error', ...where, segmentId: segment.id, expected: segment.value, actual: fileSource}))
      continue
    }
    const tokens: TargetToken[] = []
    const stray: StrayTag[] = []
    toTokens(part.target, segment, codes, tokens, stray)
    const length = tokens.reduce((sum, token) => sum + (token.type === 'text' ? token.value.length : 0), 0)
    const limit = options.maxTargetLength ?? 65536
    if (length > limit) entry.problems.push(diagnostic('target-too-long', `Segment \`${segment.id}\`: the target has ${length} characters, over the limit of ${limit}`, {source: 'import', severity: 'error', ...where, segmentId: segment.id}))
    const value = targetBundleValue(segment, tokens)
    const state = states.has(part.state as KeyState['state']) ? (part.state as KeyState['state']) : 'translated'
    const prefill = options.prefilled?.(segment, unit)
    const untouched = stray.length === 0 && prefill !== undefined && prefill.value === value && prefill.state === state
    // A copy of the source in an untouched segment is a pre-fill, not a translation; so is any pre-fill left as it was, unless it is a match to keep.
    // (Either has the source's or a checked match's codes, so there is nothing for the code rules to find.)
    if ((untouched && !prefill.keep) || (state === 'initial' && stray.length === 0 && value === segment.value)) continue
    const context = contexts.get(segment)
    const made = untouched && prefill.keep ? prefill.keep : {origin: options.origin ?? 'human'}
    entry.read.push({
      update: {key: segment.key, value, state, source: segment.value, ...(context === undefined ? {} : {context}), ...made},
      input: {source: segment.tokens, target: {tokens, stray}, ...where, segmentId: segment.id, key: segment.key},
      label: `Segment \`${segment.id}\``
    })
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
function collectWhole(xliffUnit: XliffUnit, unit: Unit, codes: ReadonlyMap<string, InlineCode>, options: Options, where: Where, entry: UnitImport): void {
  const segments = xliffUnit.parts.filter((part) => part.kind === 'segment')
  if (segments.some((part) => part.target === undefined)) return
  const whole = wholeOf(unit)
  const tokens: TargetToken[] = []
  const stray: StrayTag[] = []
  toTokens(
    xliffUnit.parts.flatMap((part) => part.target ?? part.source),
    whole,
    codes,
    tokens,
    stray
  )
  const order: Array<KeyState['state']> = ['initial', 'translated', 'reviewed', 'final']
  const state = segments.map((part) => (states.has(part.state as KeyState['state']) ? (part.state as KeyState['state']) : 'translated')).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0]!
  const source = targetBundleValue(whole, unit.block.tokens)
  const value = targetBundleValue(whole, tokens)
  if (state === 'initial' && stray.length === 0 && value === source) return
  entry.read.push({
    update: {key: unit.id, value, state, origin: options.origin ?? 'human', source},
    input: {source: unit.block.tokens, target: {tokens, stray}, ...where, key: unit.id},
    label: `Unit \`${unit.id}\` (segments joined or split by the CAT tool)`
  })
}

/** Map XLIFF inline content to target tokens; `<sc>`/`<ec>` take the role their code has in the source. */
function toTokens(content: readonly Inline[], segment: Pick<Segment, 'tokens'>, codes: ReadonlyMap<string, InlineCode>, tokens: TargetToken[], stray: StrayTag[]): void {
  const roles = new Set(segment.tokens.flatMap((token) => (token.type === 'text' ? [] : [token.type + ' ' + token.code.id])))
  const codeOf = (id: string | undefined, element: string): InlineCode | undefined => {
    const code = id === undefined ? undefined : codes.get(id)
    if (!code) stray.push({tag: id === undefined ? `<${element}>` : `<${element} id="${id}">`})
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
        toTokens(item.children, segment, codes, tokens, stray)
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
        toTokens(item.children, segment, codes, tokens, stray)
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
