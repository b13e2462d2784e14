/**
 * Write translation units as TMX 1.4b. Takes: units (each with its variants:
 * a language and memory tokens; props and notes), the source language and a
 * code style. Returns: the TMX text, valid against the TMX 1.4 DTD, with
 * inline codes either as TMX level 2 elements holding their native bytes, or
 * as the tags OmegaT shows, so that OmegaT finds exact matches in an XLIFF
 * 1.2 made by babele.
 */
import type {MemoryToken} from '../../types.ts'
import {escapeAttribute, escapeContent} from '../../xliff/index.ts'
import {replaceNonXml} from '../../xml/index.ts'
import type {TmxProp} from './tmx-reader.ts'

// TMX has no <cp>: a character XML cannot hold becomes U+FFFD (never in prose; only in native data).
const escapeTmx = (text: string) => escapeContent(replaceNonXml(text, () => '\uFFFD'))

/** A unit to write. */
export interface TmxUnitInput {
  tuid?: string
  /** Props (`type` and value) and notes (`type: 'note'`), written before the variants. */
  props?: readonly TmxProp[]
  /** The variants, the source language's first: its codes number the unit's. */
  variants: ReadonlyArray<{lang: string; tokens: readonly MemoryToken[]}>
}

/** Options of {@linkcode toTmx}. */
export interface Options {
  /** `srclang` of the header. */
  sourceLocale: string
  /**
   * How codes are written: `tmx` (default) as `<bpt>`/`<ept>`/`<ph>`/`<it>`
   * with native bytes; `omegat` as OmegaT's own tags (`<f0>…</f0>`, `<c1/>`),
   * which is what OmegaT matches against.
   */
  tagStyle?: 'tmx' | 'omegat' | null
}

/**
 * @param units Translation units.
 * @param options Source language and code style.
 */
export function toTmx(units: readonly TmxUnitInput[], options: Options): string {
  if (!options?.sourceLocale) throw new TypeError('Missing `options.sourceLocale`, expected a BCP 47 tag')
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="babele" creationtoolversion="1" segtype="sentence" o-tmf="babele" adminlang="en" srclang="${escapeAttribute(options.sourceLocale)}" datatype="plaintext"/>`,
    '  <body>'
  ]
  for (const unit of units) {
    const source = unit.variants[0]?.tokens ?? []
    const write = options.tagStyle === 'omegat' ? omegatWriter(source) : tmxWriter(unit.variants.map((variant) => variant.tokens))
    lines.push(unit.tuid === undefined ? '    <tu>' : `    <tu tuid="${escapeAttribute(unit.tuid)}">`)
    for (const prop of unit.props ?? []) lines.push(prop.type === 'note' ? `      <note>${escapeTmx(prop.value)}</note>` : `      <prop type="${escapeAttribute(prop.type)}">${escapeTmx(prop.value)}</prop>`)
    for (const variant of unit.variants) lines.push(`      <tuv xml:lang="${escapeAttribute(variant.lang)}"><seg>${write(variant.tokens)}</seg></tuv>`)
    lines.push('    </tu>')
  }
  lines.push('  </body>', '</tmx>', '')
  return lines.join('\n')
}

type Writer = (tokens: readonly MemoryToken[]) => string

/**
 * OmegaT 3.6 names a code after the first letter of its native data (`f`
 * when it has none) and numbers codes from 0 in source order; a closing code
 * takes its opening code's name. A pair that encloses the whole segment is
 * not shown at all (OmegaT puts it back around the translation):
 *
 * > | <bpt>**</bpt>Il vertice<ept>**</ept> di <ph>`x`</ph>
 *     `<f0>Il vertice</f0> di <x1/>`
 */
function omegatWriter(source: readonly MemoryToken[]): Writer {
  const first = source[0]
  const last = source.at(-1)
  const hidden = first?.type === 'open' && last?.type === 'close' && first.id === last.id ? first.id : undefined
  const names = new Map<string, string>()
  let index = 0
  const side = (token: Exclude<MemoryToken, {type: 'text'}>) => `${token.type === 'end' ? 'end' : 'start'} ${token.id}`
  for (const token of source) {
    if (token.type === 'text' || token.type === 'close' || token.id === hidden) continue
    const letter = /\p{L}/u.exec(token.data)?.[0]?.toLowerCase() ?? 'f'
    names.set(side(token), `${letter}${index++}`)
  }
  return (tokens) =>
    tokens
      .map((token) => {
        if (token.type === 'text') return escapeTmx(token.value)
        if (token.id === hidden) return ''
        const name = names.get(side(token)) ?? 'f'
        const tag = token.type === 'open' || token.type === 'start' ? `<${name}>` : token.type === 'ph' ? `<${name}/>` : `</${name}>`
        return escapeTmx(tag)
      })
      .join('')
}

/**
 * TMX level 2: a pair as `<bpt>`/`<ept>` (when both sides are in the
 * variant; a side alone is `<it>`), a split pair's side as `<it>`, a
 * placeholder as `<ph>`; `x` (and a pair's `i`) number the unit's codes, so
 * a target's code names the source's.
 */
function tmxWriter(variants: ReadonlyArray<readonly MemoryToken[]>): Writer {
  const numbers = new Map<string, number>()
  for (const tokens of variants) for (const token of tokens) if (token.type !== 'text' && !numbers.has(token.id)) numbers.set(token.id, numbers.size + 1)
  return (tokens) => {
    const opens = new Set(tokens.flatMap((token) => (token.type === 'open' ? [token.id] : [])))
    const closes = new Set(tokens.flatMap((token) => (token.type === 'close' ? [token.id] : [])))
    return tokens
      .map((token) => {
        if (token.type === 'text') return escapeTmx(token.value)
        const number = numbers.get(token.id)
        const data = escapeTmx(token.data)
        const type = token.subType === undefined ? '' : ` type="${escapeAttribute(token.subType)}"`
        if (token.type === 'open' && closes.has(token.id)) return `<bpt i="${number}" x="${number}"${type}>${data}</bpt>`
        if (token.type === 'close' && opens.has(token.id)) return `<ept i="${number}">${data}</ept>`
        if (token.type === 'open' || token.type === 'start') return `<it pos="begin" x="${number}"${type}>${data}</it>`
        if (token.type === 'close' || token.type === 'end') return `<it pos="end" x="${number}"${type}>${data}</it>`
        return `<ph x="${number}"${type}>${data}</ph>`
      })
      .join('')
  }
}
