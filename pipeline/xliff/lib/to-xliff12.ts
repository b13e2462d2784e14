/**
 * Write a source document as an XLIFF 1.2 file for one target language.
 * Takes: the source document and the translations known for it (the same
 * options as `toXliff`). Returns: the XLIFF text: one `<trans-unit>` per
 * block with the whole block in `<source>`, one `<mrk mtype="seg">` per
 * sentence in `<seg-source>` (whitespace between them as plain text), and
 * inline codes carrying their source bytes as native data. Known
 * translations go in `<target>`, shaped like `<seg-source>`: one `<mrk>` per
 * segment that has one (a segment without is left out of it). 1.2 has one
 * `state` per `<target>`, so it is the least advanced of its segments
 * (`initial` → `new`, `translated`, `reviewed` → `signed-off`, `final`):
 * a pre-filled `initial` segment never passes as translated.
 *
 * XLIFF 1.2 has no `<originalData>`, and `<g>` cannot hold native data, so
 * every paired code is `<bpt>`…`<ept>` (same `id` and `rid`, the babele code
 * id, also when the pair is cut by a sentence boundary: `<bpt>` in one
 * `<mrk>`, `<ept>` in a later one) and every placeholder is `<ph>`.
 *
 * Given term locks, each source term is marked in `<source>` and
 * `<seg-source>`: `<mrk mtype="protected">` when it is kept verbatim,
 * `<mrk mtype="term">` otherwise, its `comment` the approved translations
 * (1.2 has no glossary module).
 *
 * Given candidates, each becomes an `<alt-trans mid="<segment id>">` after
 * the unit's note: `match-quality` the score (100 at most), `origin` the
 * store or memory file or the engine, `extype` `tm` or `mt`, its own
 * `<source>` and `<target>` with their codes' native data, and a `<note>`
 * saying what kind of match it is and who made it.
 *
 * XLIFF 1.2 has no `<cp>` either. A character XML 1.0 cannot hold (a C0
 * control but tab, LF and CR; U+FFFE, U+FFFF; a lone surrogate) is written:
 * - in translatable text, as `<x id="cpN" ctype="x-babele-cp-HHHH"/>`, which
 *   `fromXliff12` reads back as that character, so a translator keeps it
 *   like any placeholder and the import loses nothing;
 * - in native data, as U+FFFD: native data is shown to translators only,
 *   babele rebuilds from the source ranges, never from it.
 */
import type {Candidate, InlineCode, KeyState, MemoryToken, SourceDocument, Unit} from '../../types.ts'
import {candidateNote, candidateOrigin, candidateSimilarity, codeNumbers} from './candidates.ts'
import {core12} from './namespaces.ts'
import {withTermMarks, type MarkedToken} from './term-marks.ts'
import type {KnownTarget, Options} from './to-xliff.ts'
import {escapeAttribute, escapeContent} from './xml-text.ts'


/**
 * `ctype` of a paired code (`<bpt>`) by babele sub-type. 1.2 names only
 * `bold`, `italic`, `underlined` and `link`; the rest are `x-` values.
 */
const pairedTypes: Record<string, string> = {
  strong: 'bold',
  emphasis: 'italic',
  link: 'link',
  delete: 'x-babele-delete',
  image: 'x-babele-image'
}

/**
 * `ctype` of a placeholder (`<ph>`) by babele sub-type. 1.2 names only
 * `image`, `pb` and `lb`; the rest are `x-` values.
 */
const placeholderTypes: Record<string, string> = {
  break: 'lb',
  image: 'image',
  inlineCode: 'x-babele-code'
}

/** 1.2 `state` of `<target>` by babele state, in workflow order. */
const states: Record<KeyState['state'], string> = {
  initial: 'new',
  translated: 'translated',
  reviewed: 'signed-off',
  final: 'final'
}

const workflow: ReadonlyArray<KeyState['state']> = ['initial', 'translated', 'reviewed', 'final']

/**
 * @param document The extracted source.
 * @param options Languages and known translations (as for `toXliff`).
 * @returns The XLIFF 1.2 document, valid against the 1.2 strict schema.
 */
export function toXliff12(document: SourceDocument, options: Options): string {
  if (!options?.sourceLocale || !options.targetLocale) throw new TypeError('Missing `options.sourceLocale` or `options.targetLocale`, expected BCP 47 tags')
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${core12}" version="1.2">`,
    ` <file original="${escapeAttribute(document.path)}" source-language="${escapeAttribute(options.sourceLocale)}" target-language="${escapeAttribute(options.targetLocale)}" datatype="x-markdown" tool-id="babele">`,
    '  <header>',
    '   <tool tool-id="babele" tool-name="babele"/>',
    '  </header>',
    '  <body>'
  ]
  for (const unit of document.units) lines.push(...writeUnit(document, unit, options))
  lines.push('  </body>', ' </file>', '</xliff>', '')
  return lines.join('\n')
}

function writeUnit(document: SourceDocument, unit: Unit, options: Options): string[] {
  const block = unit.block
  let source = ''
  let segmented = ''
  let translated = ''
  let state: KeyState['state'] | undefined
  const alternatives: string[] = []
  for (const part of unit.parts) {
    if (part.type === 'ignorable') {
      source += text(part.ignorable.value)
      segmented += text(part.ignorable.value)
      translated += text(part.ignorable.value)
      continue
    }
    const segment = part.segment
    const open = `<mrk mtype="seg" mid="${segment.id}">`
    const marked = inline12(document, withTermMarks(segment.tokens, options.terms ? options.terms(segment, unit) : []))
    source += marked
    segmented += open + marked + '</mrk>'
    for (const candidate of options.matches ? options.matches(segment, unit) : []) alternatives.push(...altTrans(segment.id, candidate, options.targetLocale))
    const known: KnownTarget | undefined = options.target ? options.target(segment, unit) : undefined
    if (!known) continue
    translated += open + inline12(document, known.tokens) + '</mrk>'
    // 1.2 has one `state` per `<target>`: the least advanced of its segments.
    if (state === undefined || workflow.indexOf(known.state) < workflow.indexOf(state)) state = known.state
  }
  const lines = [
    `   <trans-unit id="${unit.id}" resname="${escapeAttribute(block.kind)}" translate="yes" xml:space="preserve">`,
    `    <source>${numberCharacters(source)}</source>`,
    `    <seg-source>${numberCharacters(segmented)}</seg-source>`
  ]
  if (state !== undefined) lines.push(`    <target state="${states[state]}">${numberCharacters(translated)}</target>`)
  lines.push(`    <note from="babele">line ${block.line}, column ${block.column}</note>`, ...alternatives, '   </trans-unit>')
  return lines
}

/** A candidate as `<alt-trans>`, pointing at its segment's `mid`. */
function altTrans(mid: string, candidate: Candidate, targetLocale: string): string[] {
  const similarity = candidateSimilarity(candidate)
  const quality = similarity === undefined ? '' : ` match-quality="${similarity}"`
  const numbers = codeNumbers(candidate)
  return [
    `    <alt-trans mid="${escapeAttribute(mid)}"${quality} origin="${escapeAttribute(candidateOrigin(candidate))}" extype="${candidate.type}">`,
    `     <source>${numberCharacters(memoryInline(candidate.source, numbers))}</source>`,
    `     <target xml:lang="${escapeAttribute(targetLocale)}">${numberCharacters(memoryInline(candidate.target, numbers))}</target>`,
    `     <note from="babele">${escapeContent(candidateNote(candidate))}</note>`,
    '    </alt-trans>'
  ]
}

/** Memory tokens as 1.2 inline content: `<bpt>`/`<ept>` (a side alone too), `<ph>`, native data inside. */
function memoryInline(tokens: readonly MemoryToken[], numbers: ReadonlyMap<string, number>): string {
  let result = ''
  for (const token of tokens) {
    if (token.type === 'text') {
      result += text(token.value)
      continue
    }
    const number = numbers.get(token.id)!
    const data = nativeData(token.data)
    if (token.type === 'open' || token.type === 'start') result += `<bpt id="${number}" rid="${number}">${data}</bpt>`
    else if (token.type === 'close' || token.type === 'end') result += `<ept id="${number}" rid="${number}">${data}</ept>`
    else result += `<ph id="${number}">${data}</ph>`
  }
  return result
}

/**
 * Write tokens as XLIFF 1.2 inline content, native data taken from the
 * source. Forbidden characters come out as `<x id="cp" …/>`, numbered once
 * the whole element is known.
 */
function inline12(document: SourceDocument, tokens: readonly MarkedToken[]): string {
  let result = ''
  for (const token of tokens) {
    switch (token.type) {
      case 'mark-open':
        result += `<mrk mtype="${token.lock.doNotTranslate ? 'protected' : 'term'}" comment="${escapeAttribute(token.lock.translations.join(' / '))}">`
        break
      case 'mark-close':
        result += '</mrk>'
        break
      case 'text':
        result += text(token.value)
        break
      case 'open':
      case 'start':
        result += `<bpt id="${token.code.id}" rid="${token.code.id}" ctype="${ctype(token.code)}"${equiv(token.code)}>${native(document, token.code.open.start, token.code.open.end)}</bpt>`
        break
      case 'close':
      case 'end': {
        const close = token.code.close ?? token.code.open
        result += `<ept id="${token.code.id}" rid="${token.code.id}">${native(document, close.start, close.end)}</ept>`
        break
      }
      case 'ph':
        result += `<ph id="${token.code.id}" ctype="${ctype(token.code)}"${equiv(token.code)}>${native(document, token.code.open.start, token.code.open.end)}</ph>`
    }
  }
  return result
}

function ctype(code: InlineCode): string {
  const table = code.kind === 'pc' ? pairedTypes : placeholderTypes
  return table[code.subType] ?? `x-babele-${code.subType}`
}

function equiv(code: InlineCode): string {
  return code.equiv === undefined ? '' : ` equiv-text="${escapeAttribute(code.equiv)}"`
}

/** Native data: escaped source bytes; what XML cannot hold becomes U+FFFD (display only). */
function native(document: SourceDocument, start: number, end: number): string {
  return nativeData(document.body.slice(start, end))
}

/** Escaped native data; what XML cannot hold becomes U+FFFD (display only). */
function nativeData(value: string): string {
  return escapeContent(value).replace(/<cp hex="[\dA-F]+"\/>/g, '\uFFFD')
}

/**
 * Translatable text: escaped; what XML cannot hold becomes a placeholder
 * `fromXliff12` decodes. (`escapeContent` escapes `<`, so every `<cp` in its
 * output is one it wrote.)
 */
function text(value: string): string {
  return escapeContent(value).replace(/<cp hex="([\dA-F]+)"\/>/g, '<x id="cp" ctype="x-babele-cp-$1"/>')
}

/** Give the `<x>` of forbidden characters ids unique in their element, `cp1`, `cp2`, … in order. */
function numberCharacters(markup: string): string {
  let count = 0
  return markup.replace(/<x id="cp" /g, () => `<x id="cp${++count}" `)
}
