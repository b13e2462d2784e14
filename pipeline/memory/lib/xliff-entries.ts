/**
 * Memory entries from an XLIFF file given as memory (any tool's, 2.x or
 * 1.2). Takes: the document as read (`fromXliff`), the project's source
 * locale and target locales. Returns: the target locale and one entry per
 * segment with a non-empty target past `initial` (a draft nobody confirmed
 * is not memory), or nothing when the file's languages are not the
 * project's.
 *
 * Codes keep their bytes from `<originalData>` (XLIFF 2; 1.2 native data is
 * not kept by the reader, so those codes match by role); a `<pc>` is a pair,
 * `<sc>`/`<ec>` a pair when both are in the segment and a split pair's side
 * otherwise; annotations (`<mrk>`) keep only their text.
 */
import type {MemoryToken} from '../../types.ts'
import type {Inline, XliffDocument, XliffUnit} from '../../xliff/index.ts'
import type {MemoryEntry} from './compile-memory.ts'
import {sameLanguage} from './tmx-entries.ts'

/** Options of {@linkcode xliffEntries}. */
export interface Options {
  /** Path of the XLIFF file, for `from`. */
  file: string
  sourceLocale: string
  targetLocales: readonly string[]
}

/**
 * @param xliff The XLIFF as read.
 * @param options File and the project's locales.
 */
export function xliffEntries(xliff: XliffDocument, options: Options): {locale: string; entries: MemoryEntry[]} | undefined {
  const locale = options.targetLocales.find((one) => xliff.trgLang !== undefined && sameLanguage(xliff.trgLang, one))
  if (!locale || !sameLanguage(xliff.srcLang, options.sourceLocale)) return undefined
  const entries: MemoryEntry[] = []
  for (const file of xliff.files) {
    for (const unit of file.units) {
      for (const part of unit.parts) {
        if (part.kind !== 'segment' || !part.target || part.target.length === 0 || part.state === 'initial') continue
        entries.push({
          source: tokensOf(part.source, unit),
          target: tokensOf(part.target, unit),
          origin: 'human',
          from: {kind: 'xliff', file: options.file, line: part.line, unitId: unit.id, ...(part.id === undefined ? {} : {segmentId: part.id})},
          ...(part.state ? {state: part.state} : {})
        })
      }
    }
  }
  return {locale, entries}
}

/** XLIFF inline content as memory tokens. */
function tokensOf(content: readonly Inline[], unit: XliffUnit): MemoryToken[] {
  const data = (id: string | undefined) => (id === undefined ? '' : (unit.originalData[id] ?? ''))
  const flat: MemoryToken[] = []
  const walk = (items: readonly Inline[]) => {
    for (const item of items) {
      if (typeof item === 'string') {
        const last = flat.at(-1)
        if (last?.type === 'text') last.value += item
        else flat.push({type: 'text', value: item})
        continue
      }
      switch (item.type) {
        case 'ph':
          flat.push({type: 'ph', id: item.id, data: data(item.dataRef)})
          break
        case 'pc':
          flat.push({type: 'open', id: item.id, data: data(item.dataRefStart)})
          walk(item.children)
          flat.push({type: 'close', id: item.id, data: data(item.dataRefEnd)})
          break
        case 'sc':
          flat.push({type: 'start', id: item.id, data: data(item.dataRef)})
          break
        case 'ec':
          flat.push({type: 'end', id: item.startRef ?? item.id ?? '', data: data(item.dataRef)})
          break
        case 'mrk':
          walk(item.children)
          break
        default:
          break
      }
    }
  }
  walk(content)
  // A start and an end of the same code in one segment are a pair.
  const starts = new Set(flat.flatMap((token) => (token.type === 'start' ? [token.id] : [])))
  const ends = new Set(flat.flatMap((token) => (token.type === 'end' ? [token.id] : [])))
  return flat.map((token) => (token.type === 'start' && ends.has(token.id) ? {...token, type: 'open'} : token.type === 'end' && starts.has(token.id) ? {...token, type: 'close'} : token))
}
