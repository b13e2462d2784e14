/**
 * Write a source document as an XLIFF 2.1 file for one target language.
 * Takes: the source document and the translations known for it. Returns: the
 * XLIFF text: one `<unit>` per block, one `<segment>` per sentence, whitespace
 * in `<ignorable>`, inline codes with their source bytes in `<originalData>`.
 *
 * Given term locks, each source term is a `<mrk type="term">` (with
 * `translate="no"` when it is kept verbatim), the unit lists them in the
 * Glossary module (`gls:glossEntry` pointing at its mark, with the approved
 * translations and the definition) and carries Validation module rules
 * (`val:rule isPresent` for each exact requirement, `isNotPresent` for each
 * term to avoid), so a CAT tool shows and checks what babele enforces.
 *
 * Given candidates (the leverage stage's), the unit lists them in the
 * Matches module: one `<mtc:match ref="#<segment id>">` each, with `type`
 * (`tm` or `mt`), `subType` (`babele:context`, `babele:exact`,
 * `babele:fuzzy`, `babele:machine`), `similarity` and `matchQuality` (the
 * score; a context match's 101 is written 100, the attribute's maximum),
 * `origin` (the store or memory file, or the engine) and, in the Metadata
 * module, who made the pair and its score. Its source and target carry
 * their own codes: `<sc>`/`<ec>` (a side without its partner `isolated`)
 * and `<ph>`, their bytes in the match's own `<originalData>`, as the
 * module requires.
 */
import {syntaxRuleIds} from '../../flavor/index.ts'
import type {Candidate, InlineCode, KeyState, MemoryToken, Segment, SourceDocument, TargetToken, TermLock, Unit} from '../../types.ts'
import {candidateOrigin, candidateSimilarity, codeNumbers} from './candidates.ts'
import * as namespaces from './namespaces.ts'
import {withTermMarks, type MarkedToken} from './term-marks.ts'
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
  /** The glossary terms of a segment's source (offsets into its `textOfTokens`), marked and listed. */
  terms?: ((segment: Segment, unit: Unit) => readonly TermLock[]) | null
  /** Translation candidates of a segment, best first, listed as proposals. */
  matches?: ((segment: Segment, unit: Unit) => readonly Candidate[]) | null
}


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
  // Candidates first: the Matches and Metadata namespaces are declared only when there is one.
  const matches = new Map<Segment, readonly Candidate[]>()
  for (const unit of document.units) {
    for (const part of unit.parts) {
      if (part.type !== 'segment' || !options.matches) continue
      const found = options.matches(part.segment, unit)
      if (found.length > 0) matches.set(part.segment, found)
    }
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${namespaces.core20}"${matches.size > 0 ? ` xmlns:mtc="${namespaces.matches}" xmlns:mda="${namespaces.metadata}"` : ''}${options.terms ? ` xmlns:gls="${namespaces.glossary}" xmlns:val="${namespaces.validation}"` : ''} version="2.1" srcLang="${escapeAttribute(options.sourceLocale)}" trgLang="${escapeAttribute(options.targetLocale)}">`,
    ` <file id="f1" original="${escapeAttribute(document.path)}" xml:space="preserve">`
  ]
  for (const unit of document.units) writeUnit(lines, document, unit, options, matches)
  lines.push(' </file>', '</xliff>', '')
  return lines.join('\n')
}

/** Add a unit's lines to `lines`. */
function writeUnit(lines: string[], document: SourceDocument, unit: Unit, options: Options, matches: ReadonlyMap<Segment, readonly Candidate[]>): void {
  const block = unit.block
  lines.push(`  <unit id="${unit.id}" name="${escapeAttribute(block.kind)}">`)
  const locks = new Map<Segment, readonly TermLock[]>()
  const allLocks: TermLock[] = []
  for (const part of unit.parts) {
    if (part.type !== 'segment' || !options.terms) continue
    const found = options.terms(part.segment, unit)
    locks.set(part.segment, found)
    for (const lock of found) allLocks.push(lock)
  }
  if (matches.size > 0) matchesModule(lines, unit, matches)
  termModules(lines, allLocks)
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
  // Mark ids count the unit's marks (`m1`, `m2`, …): they share the unit's id space.
  let marks = 0
  for (const part of unit.parts) {
    if (part.type === 'ignorable') {
      const value = escapeContent(part.ignorable.value)
      lines.push(`   <ignorable id="i${++ignorables}"><source>${value}</source></ignorable>`)
      continue
    }
    const segment = part.segment
    const known = options.target ? options.target(segment, unit) : undefined
    const state = known ? known.state : 'initial'
    lines.push(`   <segment id="${segment.id}" state="${state}">`)
    const segmentLocks = locks.get(segment) ?? []
    lines.push(`    <source>${inline(withTermMarks(segment.tokens, segmentLocks), marks)}</source>`)
    marks += segmentLocks.length
    if (known) lines.push(`    <target>${inline(known.tokens)}</target>`)
    lines.push('   </segment>')
  }
  lines.push('  </unit>')
}

/**
 * The unit's Glossary and Validation module elements: a glossary entry per
 * mark (`ref` to it), and the rules of its locked terms, each rule once.
 */
function termModules(lines: string[], locks: readonly TermLock[]): void {
  if (locks.length === 0) return
  lines.push('   <gls:glossary>')
  locks.forEach((lock, index) => {
    lines.push(`    <gls:glossEntry ref="#m${index + 1}">`, `     <gls:term>${escapeContent(lock.term)}</gls:term>`)
    for (const translation of lock.translations) lines.push(`     <gls:translation>${escapeContent(translation)}</gls:translation>`)
    if (lock.definition !== undefined) lines.push(`     <gls:definition>${escapeContent(lock.definition)}</gls:definition>`)
    lines.push('    </gls:glossEntry>')
  })
  lines.push('   </gls:glossary>')
  const rules = new Set<string>()
  for (const lock of locks) {
    if (lock.mustContain) rules.add(`<val:rule isPresent="${escapeAttribute(lock.mustContain.text)}"${lock.mustContain.caseSensitive ? '' : ' caseSensitive="no"'}/>`)
    for (const avoid of lock.avoid) rules.add(`<val:rule isNotPresent="${escapeAttribute(avoid)}"/>`)
  }
  if (rules.size > 0) {
    lines.push('   <val:validation>')
    for (const rule of rules) lines.push('    ' + rule)
    lines.push('   </val:validation>')
  }
}

/** The unit's Matches module: every segment's candidates, each pointing at its segment. */
function matchesModule(lines: string[], unit: Unit, matches: ReadonlyMap<Segment, readonly Candidate[]>): void {
  let opened = false
  for (const part of unit.parts) {
    if (part.type !== 'segment') continue
    for (const candidate of matches.get(part.segment) ?? []) {
      if (!opened) lines.push('   <mtc:matches>')
      opened = true
      lines.push(...writeMatch(part.segment, candidate))
    }
  }
  if (opened) lines.push('   </mtc:matches>')
}

function writeMatch(segment: Segment, candidate: Candidate): string[] {
  const similarity = candidateSimilarity(candidate)
  const scores = similarity === undefined ? '' : ` similarity="${similarity}" matchQuality="${similarity}"`
  const lines = [`    <mtc:match ref="#${segment.id}" type="${candidate.type}" subType="babele:${candidate.match}"${scores} origin="${escapeAttribute(candidateOrigin(candidate))}">`]
  const meta: Array<[string, string]> = [['origin', candidate.origin]]
  if (candidate.score !== undefined) meta.push(['score', String(candidate.score)])
  if (candidate.engine !== undefined) meta.push(['engine', candidate.engine])
  if (candidate.state !== undefined) meta.push(['state', candidate.state])
  lines.push('     <mda:metadata>', '      <mda:metaGroup category="babele">', ...meta.map(([type, value]) => `       <mda:meta type="${type}">${escapeContent(value)}</mda:meta>`), '      </mda:metaGroup>', '     </mda:metadata>')
  const numbers = codeNumbers(candidate)
  const data = new Map<string, string>()
  const source = matchInline(candidate.source, numbers, data, undefined)
  const target = matchInline(candidate.target, numbers, data, source.elements)
  if (data.size > 0) lines.push('     <originalData>', ...[...data].map(([id, value]) => `      <data id="${id}">${escapeContent(value)}</data>`), '     </originalData>')
  lines.push(`     <source>${source.text}</source>`, `     <target>${target.text}</target>`, '    </mtc:match>')
  return lines
}

/**
 * Memory tokens as inline content of a match: a pair as `<sc>`/`<ec>` (any
 * nesting stays valid), a side alone as an isolated `<sc>` or `<ec>`, a
 * placeholder as `<ph>`. In the target an element reuses its source
 * counterpart's id (the module's rule), else takes `t<n>`.
 */
function matchInline(tokens: readonly MemoryToken[], numbers: ReadonlyMap<string, number>, data: Map<string, string>, sourceElements: ReadonlySet<string> | undefined): {text: string; elements: Set<string>} {
  // A pair: an opening code followed, later in the text, by its closing one.
  const paired = new Set<string>()
  const seenOpen = new Set<string>()
  for (const token of tokens) {
    if (token.type === 'open') seenOpen.add(token.id)
    else if (token.type === 'close' && seenOpen.has(token.id)) paired.add(token.id)
  }
  const elements = new Set<string>()
  let text = ''
  const id = (element: string, number: number) => {
    const plain = String(number)
    const value = !sourceElements || sourceElements.has(`${element} ${plain}`) ? plain : `t${plain}`
    elements.add(`${element} ${value}`)
    return value
  }
  const ref = (key: string, value: string) => {
    if (value === '') return ''
    if (!data.has(key)) data.set(key, value)
    return key
  }
  const started = new Map<number, string>()
  for (const token of tokens) {
    if (token.type === 'text') {
      text += escapeContent(token.value)
      continue
    }
    const number = numbers.get(token.id)!
    const closing = token.type === 'close' || token.type === 'end'
    const dataRef = ref(closing ? `d${number}e` : `d${number}`, token.data)
    const attribute = dataRef ? ` dataRef="${dataRef}"` : ''
    if (token.type === 'open' && paired.has(token.id)) {
      const value = id('sc', number)
      started.set(number, value)
      text += `<sc id="${value}"${attribute}/>`
    } else if (token.type === 'close' && started.has(number)) text += `<ec startRef="${started.get(number)}"${attribute}/>`
    else if (!closing && token.type !== 'ph') text += `<sc id="${id('sc', number)}" isolated="yes"${attribute}/>`
    else if (closing) text += `<ec id="${id('ec', number)}" isolated="yes"${attribute}/>`
    else text += `<ph id="${id('ph', number)}"${attribute}/>`
  }
  return {text, elements}
}

/**
 * Write tokens as XLIFF 2 inline content; term marks are numbered on from
 * `marksBefore` (the unit's marks in earlier segments).
 */
function inline(tokens: readonly MarkedToken[], marksBefore = 0): string {
  let result = ''
  for (const token of tokens) {
    switch (token.type) {
      case 'mark-open':
        result += `<mrk id="m${marksBefore + token.index + 1}" type="term"${token.lock.doNotTranslate ? ' translate="no"' : ''}>`
        break
      case 'mark-close':
        result += '</mrk>'
        break
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
  const [type, subType] = subTypes[code.subType] ?? (syntaxRuleIds.has(code.subType) ? ['other', `babele:${code.subType}`] : ['other'])
  let result = ` canDelete="no" type="${type}"`
  if (subType) result += ` subType="${subType}"`
  if (code.display !== undefined) result += ` disp="${escapeAttribute(code.display)}"`
  if (code.equiv !== undefined) result += ` equiv="${escapeAttribute(code.equiv)}"`
  return result
}
