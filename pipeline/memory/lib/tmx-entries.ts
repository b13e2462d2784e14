/**
 * Memory entries from a TMX document, and back. Takes: the document as read
 * (`fromTmx`), the project's source locale and target locales; or an entry.
 * Returns: the entries for each target locale, each unit paired from its
 * variant in the source language and its variant in the target language;
 * or the unit to write for an entry (`toTmx`), its props saying who made it.
 *
 * Languages match case-insensitively, a bare language also matching its
 * regional tags (`en` takes `EN-US` and `en-GB`, the exact tag first;
 * `pt-BR` takes only `pt-BR`). The source is the variant in the project's
 * source language whatever the header's `srclang` says (TMX is symmetric).
 * A target's codes are linked to the source's by id (`x`), else by role and
 * bytes in order. The props babele writes (`tm export`) say who made the
 * pair and where: `x-babele-origin` (`human`, `memory`, `machine`; default
 * `human`), `x-babele-state`, `x-babele-context`, `x-babele-score`,
 * `x-babele-engine`.
 */
import type {KeyState, MemoryToken, Origin} from '../../types.ts'
import type {MemoryEntry} from './compile-memory.ts'
import {memoryValue} from './memory-tokens.ts'
import type {TmxDocument, TmxProp, TmxVariant} from './tmx-reader.ts'
import type {TmxUnitInput} from './to-tmx.ts'

/** Options of {@linkcode tmxEntries}. */
export interface Options {
  /** Path of the TMX file, for `from`. */
  file: string
  sourceLocale: string
  targetLocales: readonly string[]
}

const origins = new Set<string>(['human', 'memory', 'machine'])
const states = new Set<string>(['initial', 'translated', 'reviewed', 'final'])

/**
 * @param document The TMX as read.
 * @param options File, source locale and target locales.
 * @returns Entries by target locale (every target locale has a list).
 */
export function tmxEntries(document: TmxDocument, options: Options): Map<string, MemoryEntry[]> {
  const result = new Map<string, MemoryEntry[]>(options.targetLocales.map((locale) => [locale, []]))
  for (const unit of document.units) {
    const source = pick(unit.variants, options.sourceLocale)
    if (!source) continue
    const props = new Map(unit.props.map((prop) => [prop.type, prop.value]))
    for (const locale of options.targetLocales) {
      const target = pick(unit.variants, locale)
      if (!target || target === source) continue
      const origin = props.get('x-babele-origin')
      const state = props.get('x-babele-state')
      const score = Number(props.get('x-babele-score'))
      const context = props.get('x-babele-context')
      const engine = props.get('x-babele-engine')
      result.get(locale)!.push({
        source: source.tokens,
        target: linkCodes(source.tokens, target.tokens),
        origin: origin && origins.has(origin) ? (origin as Origin) : 'human',
        from: {kind: 'tmx', file: options.file, line: unit.line, ...(unit.tuid === undefined ? {} : {tuid: unit.tuid})},
        ...(state && states.has(state) ? {state: state as KeyState['state']} : {}),
        ...(context ? {context} : {}),
        ...(Number.isInteger(score) && score > 0 ? {score} : {}),
        ...(engine ? {engine} : {})
      })
    }
  }
  return result
}

/** Whether a language tag is the locale, or the locale is its bare language. */
export function sameLanguage(tag: string, locale: string): boolean {
  const a = tag.toLowerCase()
  const b = locale.toLowerCase()
  return a === b || (!b.includes('-') && a.startsWith(b + '-'))
}

/** The variant of a language: the exact tag first, then a regional one. */
function pick(variants: readonly TmxVariant[], locale: string): TmxVariant | undefined {
  return variants.find((variant) => variant.lang.toLowerCase() === locale.toLowerCase()) ?? variants.find((variant) => sameLanguage(variant.lang, locale))
}

/** Give each target code the id of its source code: the same id, else the first free one of the same role and bytes. */
function linkCodes(source: readonly MemoryToken[], target: readonly MemoryToken[]): MemoryToken[] {
  const shape = (tokens: readonly MemoryToken[]) => {
    const codes = new Map<string, string>()
    for (const token of tokens) if (token.type !== 'text') codes.set(token.id, (codes.get(token.id) ?? '') + token.type + '\u0000' + token.data + '\u0001')
    return codes
  }
  const sourceCodes = shape(source)
  const targetCodes = shape(target)
  const rename = new Map<string, string>()
  const used = new Set([...targetCodes.keys()].filter((id) => sourceCodes.get(id) !== undefined))
  for (const [id, signature] of targetCodes) {
    if (sourceCodes.has(id)) continue
    const free = [...sourceCodes].find(([other, otherSignature]) => !used.has(other) && otherSignature === signature)
    if (free) {
      used.add(free[0])
      rename.set(id, free[0])
    } else rename.set(id, 't' + id)
  }
  if (rename.size === 0) return [...target]
  return target.map((token) => (token.type === 'text' || !rename.has(token.id) ? token : {...token, id: rename.get(token.id)!}))
}


/**
 * The TMX unit of a memory entry: its source and target variants, and props
 * for who made it (`x-babele-origin`), its state, context, score and engine;
 * `tuid` is `<document>/<key>` for a stored translation.
 *
 * @param entry A memory entry.
 * @param options The source and target languages.
 */
export function entryUnit(entry: MemoryEntry, options: {sourceLocale: string; targetLocale: string}): TmxUnitInput {
  const props: TmxProp[] = [{type: 'x-babele-origin', value: entry.origin}]
  if (entry.state !== undefined) props.push({type: 'x-babele-state', value: entry.state})
  if (entry.context !== undefined) props.push({type: 'x-babele-context', value: entry.context})
  if (entry.score !== undefined) props.push({type: 'x-babele-score', value: String(entry.score)})
  if (entry.engine !== undefined) props.push({type: 'x-babele-engine', value: entry.engine})
  return {
    tuid: entry.from.kind === 'store' ? `${entry.from.document}/${entry.from.key}` : memoryValue(entry.source),
    props,
    variants: [
      {lang: options.sourceLocale, tokens: entry.source},
      {lang: options.targetLocale, tokens: entry.target}
    ]
  }
}
