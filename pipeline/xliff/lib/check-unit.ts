/**
 * Check the processing requirements of one XLIFF 2 unit that need the whole
 * unit: unique ids, corresponding source and target elements, `dataRef`,
 * `copyOf`, sub-flow lists, `sc`/`ec` and `sm`/`em` pairing and order, target
 * order, `canDelete` and `canReorder`. Takes: the unit as read (its value,
 * parts and inline elements) and where to report problems (the reader makes
 * each an `xliff-invalid` diagnostic). Returns: the sub-flow references to
 * check once every unit of the file is known.
 */

import type {XliffPart, XliffUnit} from './xliff-model.ts'
import {isNmtoken} from './xliff2-vocabulary.ts'

/** An inline element or marker, remembered for the unit-level checks. */
export interface CodeRecord {
  /** Content it is in. */
  side: 'source' | 'target'
  /** Index of the part it is in. */
  part: number
  /** Element, or `/pc`, `/mrk` for the end of a paired element. */
  kind: 'ph' | 'pc' | '/pc' | 'sc' | 'ec' | 'mrk' | '/mrk' | 'sm' | 'em'
  /** Attributes in no namespace. */
  plain: Record<string, string>
  /** Names of attributes in the Format Style namespace. */
  fs: string[]
  /** Offset of its start tag (of the end tag, for `/pc` and `/mrk`). */
  offset: number
}

/** A `<segment>` or `<ignorable>` as read. */
export interface PartContent {
  /** Its value. */
  part: XliffPart
  /** Offset of its start tag. */
  offset: number
  /** Offset of the start tag of its `<target>` (its own, if it has none). */
  targetOffset: number
}

/** A `<unit>` as read. */
export interface UnitContent {
  /** Its value. */
  unit: XliffUnit
  /** Offset of its start tag. */
  offset: number
  /** Whether it has a `<segment>` (not only `<ignorable>`s). */
  hasSegment: boolean
  /** Its segments and ignorables, in order. */
  parts: PartContent[]
  /** Its inline elements and markers, sources and targets, in document order. */
  codes: CodeRecord[]
}

/**
 * Report a broken processing requirement of a unit: the offset of the
 * element at fault, what is wrong, and the id of the segment or ignorable it
 * is in, if any. The reader makes it an `xliff-invalid` diagnostic.
 */
export type ReportProblem = (offset: number, message: string, segmentId?: string) => void

/** A `subFlows`, `subFlowsStart` or `subFlowsEnd` reference to other units. */
export interface SubFlowReference {
  /** Unit ids named. */
  ids: string[]
  /** Offset of the element naming them. */
  offset: number
  /** Id of the segment or ignorable it is in, if any. */
  segmentId: string | undefined
}

/** What {@link checkUnit} returns besides the problems it reports. */
export interface UnitFindings {
  /** Sub-flow references, for the file to check. */
  subFlows: SubFlowReference[]
}

/**
 * Check the processing requirements of a unit that need all of it.
 *
 * @param state
 *   The unit as read.
 * @param problems
 *   Called with each problem, in the order found.
 * @returns
 *   Sub-flow references.
 */
export function checkUnit(state: UnitContent, problems: ReportProblem): UnitFindings {
  const subFlows: SubFlowReference[] = []
  const {unit, parts, codes} = state

  if (!state.hasSegment) unitError(problems, state.offset, '`<unit>` has no `<segment>`')

  // Ids: parts and source inline elements share one space; target inline
  // elements reuse the ids of the source elements they correspond to.
  const partIds = new Set<string>()
  for (const part of parts) {
    const id = part.part.id
    if (id === undefined) continue
    if (partIds.has(id)) unitError(problems, part.offset, 'Duplicate id `' + id + '` among the segments, ignorables and inline elements of the unit', id)
    partIds.add(id)
  }

  const sourceIds = new Map<string, CodeRecord>()
  const targetIds = new Map<string, CodeRecord>()
  const sourceCodes: CodeRecord[] = []
  const targetCodes: CodeRecord[] = []
  for (const code of codes) {
    ;(code.side === 'source' ? sourceCodes : targetCodes).push(code)
    if (code.kind === '/pc' || code.kind === '/mrk' || code.kind === 'em') continue
    const id = code.plain.id
    if (id === undefined) continue
    if (code.side === 'source') {
      if (sourceIds.has(id) || partIds.has(id)) {
        codeError(problems, parts, code, 'Duplicate id `' + id + '` among the segments, ignorables and inline elements of the unit')
      } else sourceIds.set(id, code)
    } else if (targetIds.has(id) || partIds.has(id)) {
      codeError(problems, parts, code, 'Duplicate id `' + id + '` among the inline elements of the targets of the unit')
    } else {
      targetIds.set(id, code)
    }
  }

  for (const [id, code] of targetIds) {
    const source = sourceIds.get(id)
    if (!source) continue
    if (source.kind !== code.kind) {
      codeError(problems, parts, code, 'Target `<' + code.kind + ' id="' + id + '">` corresponds to a source `<' + source.kind + '>`; corresponding elements must be the same')
    } else if ((code.kind === 'mrk' || code.kind === 'sm') && (source.plain.translate !== code.plain.translate || source.plain.type !== code.plain.type)) {
      codeError(problems, parts, code, 'Target `<' + code.kind + ' id="' + id + '">` has another `translate` or `type` than its source')
    }
  }

  // Original data references, copies, sub-flows.
  const hasData = Object.keys(unit.originalData).length > 0
  for (const code of codes) {
    if (code.kind === '/pc' || code.kind === '/mrk') continue
    for (const name of dataReferences) {
      const value = code.plain[name]
      if (value === undefined || Object.hasOwn(unit.originalData, value)) continue
      codeError(problems, parts, code, '`' + name + '="' + value + '"` names no `<data>` in the unit' + (hasData ? '' : ' (it has no `<originalData>`)'))
    }

    const copyOf = code.plain.copyOf
    if (copyOf !== undefined) {
      if (code.plain.dataRef !== undefined || code.plain.dataRefStart !== undefined || code.plain.dataRefEnd !== undefined) {
        codeError(problems, parts, code, 'A code with `copyOf` must not have original data (`dataRef`)')
      }

      let base: CodeRecord | undefined
      for (const other of codes) {
        if (other.plain.id === copyOf && (other.kind === 'ph' || other.kind === 'pc' || other.kind === 'sc' || other.kind === 'ec')) {
          base = other
          break
        }
      }

      if (!base) codeError(problems, parts, code, '`copyOf="' + copyOf + '"` names no code of the unit')
      else if (base.plain.canCopy === 'no') codeError(problems, parts, code, '`copyOf="' + copyOf + '"` copies a code with `canCopy="no"`')
    }

    // Checked once every unit of the file is known.
    for (const name of subFlowReferences) {
      const value = code.plain[name]
      if (value === undefined) continue
      const ids = value.split(/[ \t\r\n]+/)
      if (ids[0] === '') ids.shift()
      if (ids.at(-1) === '') ids.pop()
      if (ids.length === 0 || !ids.every(isNmtoken)) {
        codeError(problems, parts, code, '`' + name + '="' + value + '"` is not a space-separated list of unit ids')
      } else subFlows.push({ids, offset: code.offset, segmentId: segmentOf(parts, code)})
    }
  }

  // Pairs: sc/ec and sm/em, separately in the sources and in the targets,
  // in document order.
  checkPairs(problems, parts, sourceCodes, 'source')
  checkPairs(problems, parts, targetCodes, 'target')

  // Target order.
  const count = parts.length
  const orders = new Set<number>()
  const orderOf = new Map<PartContent, number>()
  for (const [index, part] of parts.entries()) {
    if (part.part.target === undefined) continue
    const order = part.part.targetOrder ?? index + 1
    if (order > count) {
      unitError(problems, part.targetOffset, 'Target `order="' + order + '"` is outside 1 to ' + count + ' (the segments and ignorables of the unit)', part.part.id)
    } else if (orders.has(order)) {
      unitError(problems, part.targetOffset, 'Target order ' + order + ' is used twice in the unit (explicitly or by position)', part.part.id)
    }

    orders.add(order)
    orderOf.set(part, order)
  }

  // Codes that must not be deleted.
  const targetKeys = new Set<string>()
  for (const code of targetCodes) targetKeys.add(codeKey(code))
  for (const code of sourceCodes) {
    if (code.plain.canDelete !== 'no' || code.kind === 'mrk' || code.kind === 'sm' || code.kind === '/pc') continue
    if (parts[code.part]!.part.target === undefined) continue
    if (!targetKeys.has(codeKey(code))) {
      codeError(problems, parts, code, '`<' + code.kind + '>` with `canDelete="no"` is missing from the targets of the unit')
    }
  }

  // Sequences that must not be reordered: the targets in target order.
  const reordered: Array<{code: CodeRecord; index: number; order: number}> = []
  for (const code of targetCodes) {
    if (isReorderable(code)) reordered.push({code, index: reordered.length, order: orderOf.get(parts[code.part]!) ?? code.part + 1})
  }

  reordered.sort(byOrder)
  const targetSequence: CodeRecord[] = []
  for (const entry of reordered) targetSequence.push(entry.code)
  const sourceSequence: CodeRecord[] = []
  for (const code of sourceCodes) if (isReorderable(code)) sourceSequence.push(code)

  const sourceRuns = fixedSequences(problems, parts, sourceSequence)
  const targetRuns = fixedSequences(problems, parts, targetSequence)
  let translated = true
  for (const part of parts) {
    const {kind, source, target} = part.part
    if (kind === 'segment' && source.length > 0 && (target === undefined || target.length === 0)) translated = false
  }

  if (translated && sourceRuns && targetRuns) {
    const remaining: string[] = []
    for (const run of targetRuns) remaining.push(run.keys)
    for (const run of sourceRuns) {
      const index = remaining.indexOf(run.keys)
      if (index === -1) {
        unitError(problems, run.offset, 'The sequence of codes that cannot be reordered starting at `<' + run.start + '>` was changed in the target', run.segmentId)
        break
      }

      remaining.splice(index, 1)
    }
  }

  return {subFlows}
}

/**
 * Find the runs of codes that cannot be reordered: a `firstNo` code and the
 * `no` codes following it. A `no` that starts a run is an error.
 *
 * @param problems
 *   Where problems are reported.
 * @param parts
 *   Parts of the unit.
 * @param codes
 *   Codes of one side, in source or target order.
 * @returns
 *   Runs, or `undefined` if a run starts with `no`.
 */
function fixedSequences(problems: ReportProblem, parts: PartContent[], codes: CodeRecord[]): FixedSequence[] | undefined {
  const sequences: FixedSequence[] = []
  let current: FixedSequence | undefined

  for (const code of codes) {
    const closing = code.kind === '/pc' || code.kind === 'ec'
    const id = code.plain.id ?? code.plain.startRef ?? ''
    const key = (closing ? 'c' : 'z') + id + '|'
    let reorder = code.plain.canReorder ?? 'yes'
    // The end of a `firstNo` paired code continues its run.
    if (code.kind === '/pc' && reorder === 'firstNo') reorder = 'no'

    if (reorder === 'yes') {
      current = undefined
    } else if (reorder === 'firstNo' || !current) {
      if (reorder === 'no') {
        codeError(
          problems,
          parts,
          code,
          '`<' + code.kind.replace('/', '') + '>` `' + id + '` has `canReorder="no"` but starts a sequence; the first code of a sequence has `canReorder="firstNo"`'
        )
        return undefined
      }

      current = {keys: key, start: code.kind + ' id="' + id + '"', offset: code.offset, segmentId: segmentOf(parts, code)}
      sequences.push(current)
    } else {
      current.keys += key
    }
  }

  return sequences
}

/**
 * Check `<sc>`/`<ec>` and `<sm>`/`<em>` pairing in one side of a unit.
 *
 * @param problems
 *   Where problems are reported.
 * @param parts
 *   Parts of the unit.
 * @param codes
 *   Codes of that side, in document order.
 * @param side
 *   Which side.
 */
function checkPairs(problems: ReportProblem, parts: PartContent[], codes: CodeRecord[], side: 'source' | 'target'): void {
  const startIds = new Map<string, CodeRecord>()
  const markerIds = new Set<string>()
  for (const code of codes) {
    if (code.kind === 'sc' && code.plain.id !== undefined) startIds.set(code.plain.id, code)
    if (code.kind === 'sm' && code.plain.id !== undefined) markerIds.add(code.plain.id)
  }

  const openCodes = new Map<string, CodeRecord>()
  const openMarkers = new Map<string, CodeRecord>()

  for (const code of codes) {
    const {plain} = code

    if (code.kind === 'sc' && plain.id !== undefined && plain.isolated !== 'yes') openCodes.set(plain.id, code)

    if (code.kind === 'ec') {
      if (plain.isolated === 'yes') {
        if (plain.startRef !== undefined) codeError(problems, parts, code, 'An isolated `<ec>` names its code with `id`, not `startRef`')
        else if (plain.id === undefined) codeError(problems, parts, code, 'An isolated `<ec>` needs an `id`')
        else if (startIds.has(plain.id)) {
          codeError(problems, parts, code, '`<ec id="' + plain.id + '">` is isolated but its `<sc>` is in the same unit; use `startRef`')
        }
      } else if (plain.id !== undefined) {
        codeError(problems, parts, code, 'A non-isolated `<ec>` names its `<sc>` with `startRef`, not `id` (or set `isolated="yes"`)')
      } else if (plain.startRef === undefined) {
        codeError(problems, parts, code, '`<ec>` needs a `startRef`, or `isolated="yes"` and an `id`')
      } else {
        const start = openCodes.get(plain.startRef)
        const any = startIds.get(plain.startRef)
        if (start) {
          openCodes.delete(plain.startRef)
          checkPair(problems, parts, start, code)
        } else if (any && any.plain.isolated === 'yes') {
          codeError(problems, parts, any, '`<sc id="' + plain.startRef + '">` is marked isolated but its `<ec>` is in the same unit')
        } else if (any) {
          codeError(problems, parts, code, '`<ec startRef="' + plain.startRef + '">` comes before its `<sc>`')
        } else {
          codeError(problems, parts, code, '`<ec startRef="' + plain.startRef + '">` has no `<sc>` in the ' + side + ' of the unit')
        }
      }

      // > dir on an ec is for isolated ones only.
      if (plain.isolated !== 'yes' && plain.dir !== undefined) {
        codeError(problems, parts, code, '`dir` is only allowed on an isolated `<ec>`')
      }

      if (plain.isolated !== 'yes' && code.fs.length > 0) {
        codeError(problems, parts, code, 'Format Style attributes are only allowed on an isolated `<ec>`')
      }
    }

    if (code.kind === 'sm' && plain.id !== undefined) openMarkers.set(plain.id, code)

    if (code.kind === 'em' && plain.startRef !== undefined) {
      if (openMarkers.has(plain.startRef)) openMarkers.delete(plain.startRef)
      else if (markerIds.has(plain.startRef)) codeError(problems, parts, code, '`<em startRef="' + plain.startRef + '">` comes before its `<sm>`')
      else codeError(problems, parts, code, '`<em startRef="' + plain.startRef + '">` has no `<sm>` in the ' + side + ' of the unit')
    }
  }

  for (const [id, code] of openCodes) {
    codeError(problems, parts, code, '`<sc id="' + id + '">` has no `<ec>` in the ' + side + ' of the unit; set `isolated="yes"` if it ends in another unit')
  }

  for (const [id, code] of openMarkers) {
    codeError(problems, parts, code, '`<sm id="' + id + '">` has no `<em>` in the ' + side + ' of the unit')
  }
}

/**
 * Check that an `<sc>` and its `<ec>` agree on their editing hints.
 *
 * @param problems
 *   Where problems are reported.
 * @param parts
 *   Parts of the unit.
 * @param start
 *   The `<sc>`.
 * @param end
 *   Its `<ec>`.
 */
function checkPair(problems: ReportProblem, parts: PartContent[], start: CodeRecord, end: CodeRecord): void {
  const id = start.plain.id!
  for (const name of pairedHints) {
    if ((start.plain[name] ?? 'yes') !== (end.plain[name] ?? 'yes')) {
      codeError(problems, parts, end, '`<ec startRef="' + id + '">` and its `<sc>` differ in `' + name + '`')
    }
  }

  const reorder = start.plain.canReorder ?? 'yes'
  const endReorder = end.plain.canReorder ?? 'yes'
  if (reorder === 'firstNo' ? endReorder !== 'no' : endReorder !== reorder) {
    codeError(problems, parts, end, '`<ec startRef="' + id + '">` must have `canReorder="' + (reorder === 'firstNo' ? 'no' : reorder) + '"` to match its `<sc>`')
  }

  for (const name of pairedValues) {
    const value = end.plain[name]
    if (value !== undefined && value !== start.plain[name]) {
      codeError(problems, parts, end, '`<ec startRef="' + id + '">` and its `<sc>` differ in `' + name + '`')
    }
  }
}

/**
 * Add a problem of the unit.
 *
 * @param problems
 *   Where problems are reported.
 * @param offset
 *   Offset of the element at fault.
 * @param message
 *   What is wrong.
 * @param segmentId
 *   Id of the segment or ignorable it is in, if any.
 */
function unitError(problems: ReportProblem, offset: number, message: string, segmentId?: string): void {
  problems(offset, message, segmentId)
}

/**
 * Add a problem of an inline element.
 *
 * @param problems
 *   Where problems are reported.
 * @param parts
 *   Parts of the unit.
 * @param code
 *   Element at fault.
 * @param message
 *   What is wrong.
 */
function codeError(problems: ReportProblem, parts: PartContent[], code: CodeRecord, message: string): void {
  unitError(problems, code.offset, message, segmentOf(parts, code))
}

const dataReferences = ['dataRef', 'dataRefStart', 'dataRefEnd']
const subFlowReferences = ['subFlows', 'subFlowsStart', 'subFlowsEnd']
const pairedHints = ['canCopy', 'canDelete', 'canOverlap']
/** Values an `<ec>` may repeat, but then must repeat from its `<sc>`. */
const pairedValues = ['type', 'subType', 'copyOf']

/**
 * Id of the segment or ignorable an inline element is in.
 *
 * @param parts
 *   Parts of the unit.
 * @param code
 *   Inline element.
 * @returns
 *   Id, if the part has one.
 */
function segmentOf(parts: PartContent[], code: CodeRecord): string | undefined {
  return parts[code.part]?.part.id
}

/**
 * Compare codes by target order, then document order.
 *
 * @param a
 *   Entry.
 * @param b
 *   Entry.
 * @returns
 *   Order.
 */
function byOrder(a: {index: number; order: number}, b: {index: number; order: number}): number {
  return a.order - b.order || a.index - b.index
}

/**
 * Key identifying a code across source and target.
 *
 * @param code
 *   Code.
 * @returns
 *   Key.
 */
function codeKey(code: CodeRecord): string {
  return code.kind + ':' + (code.plain.id ?? code.plain.startRef ?? '')
}

/**
 * Whether an element takes part in `canReorder` sequences (codes, not markers).
 *
 * @param code
 *   Code.
 * @returns
 *   Whether it does.
 */
function isReorderable(code: CodeRecord): boolean {
  return code.kind === 'ph' || code.kind === 'pc' || code.kind === '/pc' || code.kind === 'sc' || code.kind === 'ec'
}

/** A run of codes that cannot be reordered. */
interface FixedSequence {
  /** Codes of the run (`z` for an opening or standalone code, `c` for a closing one, then the id), joined. */
  keys: string
  /** Description of the first code. */
  start: string
  offset: number
  segmentId: string | undefined
}
