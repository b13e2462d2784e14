/**
 * Write a source document as an XLIFF 2.1 file for one target language.
 * Takes: the source document and the translations known for it. Returns: the
 * XLIFF text: one `<unit>` per block, one `<segment>` per sentence, whitespace
 * in `<ignorable>`, inline codes with their source bytes in `<originalData>`.
 */
import type {InlineCode, KeyState, Segment, SourceDocument, TargetToken, Unit} from '../../types.ts'
import {escapeAttribute, escapeContent} from './xml-text.ts'

/** A known translation of a segment key. */
export interface KnownTarget {
  tokens: TargetToken[]
  state: KeyState['state']
}

/** Options of {@linkcode toXliff}. */
export interface Options {
  /** Source language, `srcLang`. */
  sourceLocale: string
  /** Target language, `trgLang`. */
  targetLocale: string
  /** The known translation of a segment, pre-filled as its target. */
  target?: ((segment: Segment, unit: Unit) => KnownTarget | undefined) | null
}

const xliffNamespace = 'urn:oasis:names:tc:xliff:document:2.0'

const subTypes: Record<string, [type: string, subType?: string]> = {
  strong: ['fmt', 'xlf:b'],
  emphasis: ['fmt', 'xlf:i'],
  delete: ['fmt', 'babele:delete'],
  break: ['fmt', 'xlf:lb'],
  link: ['link'],
  autolink: ['link', 'babele:autolink'],
  image: ['image'],
  inlineCode: ['other', 'babele:code'],
  escape: ['other', 'babele:escape'],
  entity: ['other', 'babele:entity'],
  html: ['other', 'babele:html'],
  footnote: ['link', 'babele:footnote']
}

/**
 * @param document The extracted source.
 * @param options Languages and known translations.
 */
export function toXliff(document: SourceDocument, options: Options): string {
  if (!options?.sourceLocale || !options.targetLocale) throw new TypeError('Missing `options.sourceLocale` or `options.targetLocale`, expected BCP 47 tags')
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${xliffNamespace}" version="2.1" srcLang="${escapeAttribute(options.sourceLocale)}" trgLang="${escapeAttribute(options.targetLocale)}">`,
    ` <file id="f1" original="${escapeAttribute(document.path)}" xml:space="preserve">`
  ]
  for (const unit of document.units) lines.push(...writeUnit(document, unit, options.target ?? undefined))
  lines.push(' </file>', '</xliff>', '')
  return lines.join('\n')
}

function writeUnit(document: SourceDocument, unit: Unit, target: Options['target']): string[] {
  const block = unit.block
  const lines = [`  <unit id="${unit.id}" name="${escapeAttribute(block.kind)}">`]
  lines.push('   <notes>', `    <note category="location">line ${block.line}, column ${block.column}</note>`, '   </notes>')
  if (unit.codes.length > 0) {
    lines.push('   <originalData>')
    for (const code of unit.codes) {
      lines.push(`    <data id="d${code.id}">${escapeContent(document.body.slice(code.open.start, code.open.end))}</data>`)
      if (code.close) lines.push(`    <data id="d${code.id}e">${escapeContent(document.body.slice(code.close.start, code.close.end))}</data>`)
    }
    lines.push('   </originalData>')
  }
  let ignorables = 0
  for (const part of unit.parts) {
    if (part.type === 'ignorable') {
      const value = escapeContent(part.ignorable.value)
      lines.push(`   <ignorable id="i${++ignorables}"><source>${value}</source></ignorable>`)
      continue
    }
    const segment = part.segment
    const known = target ? target(segment, unit) : undefined
    const state = known ? known.state : 'initial'
    lines.push(`   <segment id="${segment.id}" state="${state}">`)
    lines.push(`    <source>${inline(segment.tokens)}</source>`)
    if (known) lines.push(`    <target>${inline(known.tokens)}</target>`)
    lines.push('   </segment>')
  }
  lines.push('  </unit>')
  return lines
}

/** Write tokens as XLIFF 2 inline content. */
function inline(tokens: readonly TargetToken[]): string {
  let result = ''
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        result += escapeContent(token.value)
        break
      case 'open':
        result += `<pc id="${token.code.id}" dataRefStart="d${token.code.id}" dataRefEnd="d${token.code.id}e"${attributes(token.code)}>`
        break
      case 'close':
        result += '</pc>'
        break
      case 'start':
        result += `<sc id="${token.code.id}" dataRef="d${token.code.id}"${attributes(token.code)}/>`
        break
      case 'end':
        result += `<ec startRef="${token.code.id}" dataRef="d${token.code.id}e" canDelete="no"/>`
        break
      case 'ph':
        result += `<ph id="${token.code.id}" dataRef="d${token.code.id}"${attributes(token.code)}/>`
    }
  }
  return result
}

function attributes(code: InlineCode): string {
  const [type, subType] = subTypes[code.subType] ?? ['other']
  let result = ` canDelete="no" type="${type}"`
  if (subType) result += ` subType="${subType}"`
  if (code.display !== undefined) result += ` disp="${escapeAttribute(code.display)}"`
  if (code.equiv !== undefined) result += ` equiv="${escapeAttribute(code.equiv)}"`
  return result
}
