/**
 * Write translation pairs as TMX 1.4. Takes: source segments with their
 * translations. Returns: the TMX text, with inline codes either as TMX level 2
 * elements holding their native bytes, or as the tags OmegaT shows, so that
 * OmegaT finds exact matches in an XLIFF 1.2 made by babele.
 */
import type {InlineCode, Segment, SegmentToken, SourceDocument, TargetToken} from '../../types.ts'
import {escapeAttribute, escapeContent} from '../../xliff/index.ts'

// TMX has no <cp>: a character XML cannot hold becomes U+FFFD (never in prose; only in native data).
const escapeTmx = (text: string) => escapeContent(text.replace(/[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, '\uFFFD'))

/** One translation unit. */
export interface TmxEntry {
  /** The document the segment comes from (its bytes give the codes' native data). */
  document: Pick<SourceDocument, 'body'>
  segment: Pick<Segment, 'tokens'>
  target: readonly TargetToken[]
}

/** Options of {@linkcode toTmx}. */
export interface Options {
  sourceLocale: string
  targetLocale: string
  /**
   * How codes are written: `tmx` (default) as `<bpt>`/`<ept>`/`<ph>`/`<it>`
   * with native bytes; `omegat` as OmegaT's own tags (`<f0>…</f0>`, `<c1/>`),
   * which is what OmegaT matches against.
   */
  tagStyle?: 'tmx' | 'omegat' | null
}

type Role = SegmentToken['type']

/**
 * @param entries Translation pairs.
 * @param options Languages and code style.
 */
export function toTmx(entries: readonly TmxEntry[], options: Options): string {
  if (!options?.sourceLocale || !options.targetLocale) throw new TypeError('Missing `options.sourceLocale` or `options.targetLocale`, expected BCP 47 tags')
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="babele" creationtoolversion="1" segtype="sentence" o-tmf="babele" adminlang="en" srclang="${escapeAttribute(options.sourceLocale)}" datatype="plaintext"/>`,
    '  <body>'
  ]
  for (const entry of entries) {
    const write = options.tagStyle === 'omegat' ? omegatWriter(entry) : tmxWriter(entry)
    lines.push(
      '    <tu>',
      `      <tuv xml:lang="${escapeAttribute(options.sourceLocale)}"><seg>${write(entry.segment.tokens)}</seg></tuv>`,
      `      <tuv xml:lang="${escapeAttribute(options.targetLocale)}"><seg>${write(entry.target)}</seg></tuv>`,
      '    </tu>'
    )
  }
  lines.push('  </body>', '</tmx>', '')
  return lines.join('\n')
}

type Writer = (tokens: ReadonlyArray<SegmentToken | TargetToken>) => string

function native(entry: TmxEntry, code: InlineCode, role: Role): string {
  const side = role === 'close' || role === 'end' ? code.close! : code.open
  return entry.document.body.slice(side.start, side.end)
}

/**
 * OmegaT 3.6 names a code after the first letter of its native data (`f`
 * when it has none) and numbers codes from 0 in source order; a closing code
 * takes its opening code's name. A pair that encloses the whole segment is
 * not shown at all (OmegaT puts it back around the translation):
 *
 * > | <bpt>**</bpt>Il vertice<ept>**</ept> di <ph>`x`</ph>
 *     `<f0>Il vertice</f0> di <x1/>`
 */
function omegatWriter(entry: TmxEntry): Writer {
  const tokens = entry.segment.tokens
  const first = tokens[0]
  const last = tokens.at(-1)
  const hidden = first?.type === 'open' && last?.type === 'close' && first.code.id === last.code.id ? first.code.id : undefined
  const names = new Map<string, string>()
  let index = 0
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'close' || token.code.id === hidden) continue
    const letter = /\p{L}/u.exec(native(entry, token.code, token.type))?.[0]?.toLowerCase() ?? 'f'
    names.set(`${token.type === 'end' ? 'end' : 'start'} ${token.code.id}`, `${letter}${index++}`)
  }
  return (tokens) =>
    tokens
      .map((token) => {
        if (token.type === 'text') return escapeTmx(token.value)
        if (token.code.id === hidden) return ''
        const name = names.get(`${token.type === 'end' ? 'end' : 'start'} ${token.code.id}`) ?? 'f'
        const tag = token.type === 'open' || token.type === 'start' ? `<${name}>` : token.type === 'ph' ? `<${name}/>` : `</${name}>`
        return escapeTmx(tag)
      })
      .join('')
}

/** TMX level 2: paired codes as `<bpt>`/`<ept>`, split ones as `<it>`, placeholders as `<ph>`. */
function tmxWriter(entry: TmxEntry): Writer {
  const numbers = new Map<string, number>()
  for (const token of entry.segment.tokens) if (token.type !== 'text' && !numbers.has(token.code.id)) numbers.set(token.code.id, numbers.size + 1)
  return (tokens) =>
    tokens
      .map((token) => {
        if (token.type === 'text') return escapeTmx(token.value)
        const number = numbers.get(token.code.id)
        const data = escapeTmx(native(entry, token.code, token.type))
        const type = ` type="${escapeAttribute(token.code.subType)}"`
        switch (token.type) {
          case 'open':
            return `<bpt i="${number}" x="${number}"${type}>${data}</bpt>`
          case 'close':
            return `<ept i="${number}">${data}</ept>`
          case 'start':
            return `<it pos="begin" x="${number}"${type}>${data}</it>`
          case 'end':
            return `<it pos="end" x="${number}"${type}>${data}</it>`
          default:
            return `<ph x="${number}"${type}>${data}</ph>`
        }
      })
      .join('')
}
