/**
 * Build a termbase from the XML events of a TBX v3 (`tbx`, DCA or DCT style)
 * or TBX v2 (`martif`) document, checking its structure as it goes. Takes:
 * namespace-resolved start tags, end tags and text (from `pipeline/xml/`), a
 * reporter. Returns: the termbase (once the document ends, from
 * {@linkcode TbxReader.result}) and the diagnostics.
 *
 * Checked, as `tbx-invalid` errors with line and column: the root and its
 * namespace, each element's children, their order and count, text where only
 * elements may be, required attributes, unique ids (the core structure,
 * `tbx-structure.ts`); in TBX-Basic and TBX-Min files, each data category's
 * name, level and picklist value (`tbx-dialect.ts`). Values the model does
 * not hold become warnings (`tbx-unknown-value`), once per distinct value.
 */
import {Abort, xmlNamespace, type Reporter, type XmlAttribute, type XmlElement, type XmlHandler} from '../../xml/index.ts'
import {datcatRule, structure2, structure3, tbxNamespace, type ElementRule, type Slot, type Structure} from './tbx-structure.ts'
import {checkCategory, checkValue, datcatElements, isCheckedDialect, type Level} from './tbx-dialect.ts'
import {
  doNotTranslateNote,
  forbiddenNote,
  numberNotePrefix,
  readGender,
  readNumber,
  readPartOfSpeech,
  readStatus,
  readTermType
} from './tbx-values.ts'
import {conceptId, isXmlName, termId} from './term-id.ts'
import type {Concept, Gender, GrammaticalNumber, LanguageSection, PartOfSpeech, Term, Termbase, TermStatus, TermType} from './termbase.ts'

/** Reading stops after this many errors: a file that bad is refused anyway. */
const maxErrors = 100

/** What a captured text is for. */
type Purpose = 'title' | 'sourceDesc' | 'term' | 'termNote' | 'termMarkerOrNote' | 'conceptNote' | 'definition' | 'subjectField'

/** An open element. */
interface Frame {
  /** TBX element name (local); `#datcat` for a DCT data category element; the qualified name of anything else. */
  kind: string
  /** Qualified name as written, for messages. */
  name: string
  /** Rules, or `undefined` where nothing below is checked (an unknown element). */
  rule: ElementRule | undefined
  /** Offset of its `<`. */
  offset: number
  /** Current slot, the count in it, the last slot reported missing, the last child's name. */
  slot: number
  count: number
  missing: number
  last: string
  /** Whether stray text was reported here already. */
  textReported: boolean
  /** The level this element is (`conceptEntry`, `langSec`, `termSec`), if it is one. */
  level: Level | undefined
  /** Data category: `type` (DCA) or local name (DCT). */
  category: string | undefined
  /** What its text is captured for. */
  purpose: Purpose | undefined
}

/** A term being read. */
interface TermDraft {
  id: string | undefined
  text: string
  status: TermStatus | undefined
  forbidden: boolean
  partOfSpeech: PartOfSpeech | undefined
  gender: Gender | undefined
  number: GrammaticalNumber | undefined
  termType: TermType | undefined
  doNotTranslate: boolean
  notes: string[]
  offset: number
}

/** A language section being read. */
interface SectionDraft {
  language: string
  definition: string | undefined
  terms: TermDraft[]
}

/** A concept being read. */
interface ConceptDraft {
  id: string | undefined
  subjectField: string | undefined
  definition: string | undefined
  notes: string[]
  sections: SectionDraft[]
}

/** Element names that are a level, in both versions. */
const levels = new Map<string, Level>([
  ['conceptEntry', 'conceptEntry'],
  ['termEntry', 'conceptEntry'],
  ['langSec', 'langSec'],
  ['langSet', 'langSec'],
  ['termSec', 'termSec'],
  ['tig', 'termSec'],
  ['ntig', 'termSec'],
  ['termGrp', 'termSec']
])

/** Groups that put a data category at their parent's level. */
const groups = new Set(['descripGrp', 'adminGrp', 'termNoteGrp', 'transacGrp'])

/** Term-level data categories the model reads. */
const statusCategories = new Set(['administrativeStatus', 'normativeAuthorization', 'usageStatus'])

/**
 * Collapse XML white space (not NBSP) and trim.
 *
 * @param value
 *   Text.
 */
function normalizeSpace(value: string): string {
  return /[\t\r\n]|^ | $| {2}/.test(value) ? value.replace(/[ \t\r\n]+/g, ' ').trim() : value
}

/** Receives the events of one TBX document. */
export class TbxReader implements XmlHandler {
  private version: 2 | 3 | undefined
  private structure: Structure = structure3
  private namespace = ''
  private dialect = ''
  private style = ''
  private readonly stack: Frame[] = []
  private readonly ids = new Map<string, number>()
  private readonly warned = new Set<string>()
  private capture: {depth: number; value: string} | undefined
  private language = ''
  private title: string | undefined
  private readonly sourceDesc: string[] = []
  private readonly concepts: ConceptDraft[] = []
  private concept: ConceptDraft | undefined
  private section: SectionDraft | undefined
  private term: TermDraft | undefined

  /**
   * @param report
   *   Positions and diagnostics.
   */
  constructor(private readonly report: Reporter) {}

  /** The termbase read, or `undefined` if there were errors. */
  result(): Termbase | undefined {
    if (this.report.errors > 0 || this.version === undefined) return undefined
    return this.build()
  }

  open(element: XmlElement): void {
    const parent = this.stack.at(-1)

    if (!parent) {
      this.root(element)
      return
    }

    let kind: string
    if (element.uri === this.namespace) kind = element.local
    else if (this.version === 3 && element.uri !== '') kind = '#datcat'
    else kind = element.name

    let rule: ElementRule | undefined
    if (parent.rule) {
      rule = kind === '#datcat' ? datcatRule : this.structure.get(kind)
      if (rule) this.place(parent, kind, element)
      else {
        const namespace = this.namespace ? '`' + this.namespace + '`' : 'none'
        this.error(element.offset, 'Unknown element `<' + element.name + '>`' + (element.uri === this.namespace ? '' : ' (not in the TBX namespace, ' + namespace + ')'))
      }
    }

    const frame = newFrame(kind, element, rule, rule && kind !== '#datcat' ? levels.get(kind) : undefined)
    parent.last = element.name
    this.stack.push(frame)

    if (rule) {
      this.attributes(frame, element.attributes)
      this.enter(frame, parent, element)
    }
  }

  close(): void {
    const frame = this.stack.pop()!
    let value: string | undefined
    if (this.capture && this.capture.depth === this.stack.length) {
      value = this.capture.value
      this.capture = undefined
    }

    if (frame.rule?.content.kind === 'slots') this.finishSlots(frame)
    if (frame.rule) this.leave(frame, value)
  }

  text(value: string, offset: number): void {
    if (this.capture) {
      this.capture.value += value
      return
    }

    const frame = this.stack.at(-1)
    if (!frame?.rule || frame.textReported || !/[^ \t\r\n]/.test(value)) return
    const content = frame.rule.content
    if (content.kind === 'slots' || content.kind === 'empty') {
      frame.textReported = true
      const wrap = content.kind === 'slots' && content.slots.some((slot) => slot.names.has('p')) ? '; wrap it in `<p>`' : ''
      this.error(offset + value.search(/[^ \t\r\n]/), 'Text is not allowed directly in `<' + frame.name + '>`' + wrap, {actual: normalizeSpace(value).slice(0, 60)})
    }
  }

  /** Check the root element and learn the version, dialect and style. */
  private root(element: XmlElement): void {
    if (element.local === 'tbx' && element.uri === tbxNamespace) {
      this.version = 3
      this.structure = structure3
    } else if (element.local === 'martif') {
      this.version = 2
      this.structure = structure2
    } else if (element.local === 'tbx') {
      this.stop(
        element.offset,
        'TBX v3 `<tbx>` must be in the namespace `' + tbxNamespace + '`, found ' + (element.uri ? '`' + element.uri + '`' : 'no namespace'),
        element.uri,
        tbxNamespace
      )
    } else {
      this.stop(element.offset, 'Not a TBX document: root `<' + element.name + '>`, expected `<tbx>` (TBX v3) or `<martif>` (TBX v2)', element.name, 'tbx')
    }

    this.namespace = element.uri
    const rule = this.structure.get(element.local)!
    const frame = newFrame(element.local, element, rule, undefined)
    this.stack.push(frame)
    this.attributes(frame, element.attributes)
    this.language = attribute(element.attributes, xmlNamespace, 'lang') ?? ''
    this.dialect = attribute(element.attributes, '', 'type') ?? ''
    this.style = attribute(element.attributes, '', 'style') ?? ''

    if (this.version === 3) {
      if (this.dialect && !/^TBX-.+/.test(this.dialect)) {
        this.error(element.offset, '`type` of `<tbx>` names the dialect and must start with `TBX-`, found `' + this.dialect + '`', {actual: this.dialect, expected: 'TBX-Basic'})
      }

      if (this.style && this.style !== 'dca' && this.style !== 'dct') {
        this.error(element.offset, '`style` of `<tbx>` must be `dca` or `dct`, found `' + this.style + '`', {actual: this.style, expected: 'dca'})
      }
    }
  }

  /**
   * Check a child against its parent's content model.
   *
   * @param parent
   *   Parent frame (with a rule).
   * @param kind
   *   Child kind.
   * @param element
   *   Child.
   */
  private place(parent: Frame, kind: string, element: XmlElement): void {
    const content = parent.rule!.content
    const where = '`<' + parent.name + '>`'
    const what = '`<' + element.name + '>`'

    if (content.kind === 'empty') {
      this.error(element.offset, where + ' must be empty, found ' + what)
      return
    }

    if (content.kind === 'text') {
      if (!content.inline.has(kind)) {
        const inline = [...content.inline].map((name) => '`<' + name + '>`')
        this.error(element.offset, what + ' is not allowed in ' + where + (inline.length > 0 ? '; only text, ' + inline.join(', ') : '; only text'))
      }

      return
    }

    if (kind === '#datcat' && this.style === 'dca') {
      this.error(element.offset, 'DCT-style element ' + what + ' in a DCA-style file (`style="dca"`): write data categories as `<termNote type="…">`, `<descrip type="…">`, …')
    }

    const slots = content.slots
    const current = slots[parent.slot]
    if (current?.names.has(kind) && parent.count < current.max) {
      parent.count++
      return
    }

    for (let later = parent.slot + 1; later < slots.length; later++) {
      if (!slots[later]!.names.has(kind)) continue
      for (let skipped = parent.slot; skipped < later; skipped++) {
        const have = skipped === parent.slot ? parent.count : 0
        if (have < slots[skipped]!.min && parent.missing < skipped) {
          parent.missing = skipped
          const first = skipped === 0 && have === 0 && parent.last === ''
          this.error(
            element.offset,
            first ? where + ' must start with ' + names(slots[skipped]!) + ', found ' + what : where + ' needs ' + names(slots[skipped]!) + ' before ' + what
          )
        }
      }

      parent.slot = later
      parent.count = 1
      return
    }

    const home = slots.findIndex((slot) => slot.names.has(kind))
    if (home === parent.slot) {
      this.error(element.offset, where + ' allows ' + (current!.max === 1 ? 'only one ' : 'at most ' + current!.max + ' ') + what)
    } else if (home !== -1) {
      if (parent.missing !== home) this.error(element.offset, what + ' cannot come after `<' + parent.last + '>` in ' + where)
    } else {
      const expected = new Set<string>()
      for (let index = parent.slot; index < slots.length; index++) {
        if (index === parent.slot && parent.count >= slots[index]!.max) continue
        for (const name of slots[index]!.names) if (name !== '#datcat') expected.add('`<' + name + '>`')
      }

      this.error(element.offset, what + ' is not allowed in ' + where + (expected.size > 0 ? '; expected ' + [...expected].join(', ') : ''))
    }
  }

  /** Report required slots left empty when an element closes. */
  private finishSlots(frame: Frame): void {
    const content = frame.rule!.content
    if (content.kind !== 'slots') return
    for (let index = frame.slot; index < content.slots.length; index++) {
      const slot = content.slots[index]!
      const have = index === frame.slot ? frame.count : 0
      if (have < slot.min && frame.missing < index) {
        frame.missing = index
        this.error(frame.offset, '`<' + frame.name + '>` needs ' + (slot.max === 1 ? '' : 'at least one ') + names(slot))
      }
    }
  }

  /** Check required attributes and ids. */
  private attributes(frame: Frame, attributes: XmlAttribute[]): void {
    for (const name of frame.rule!.required) {
      const present = name === 'xml:lang' ? attribute(attributes, xmlNamespace, 'lang') : attribute(attributes, '', name)
      if (present === undefined) this.error(frame.offset, '`<' + frame.name + '>` needs a `' + name + '` attribute')
      else if (present === '' && name !== 'target') this.error(frame.offset, '`' + name + '` of `<' + frame.name + '>` must not be empty')
    }

    const id = attribute(attributes, '', 'id')
    if (id !== undefined) {
      if (!isXmlName(id)) {
        this.error(frame.offset, '`id="' + id + '"` is not an XML name: start with a letter or `_`, then letters, digits, `-`, `_` or `.`', {actual: id})
      }

      const first = this.ids.get(id)
      if (first === undefined) this.ids.set(id, frame.offset)
      else this.error(frame.offset, 'Duplicate id `' + id + '` (first on line ' + this.report.point(first).line + '); ids must be unique in the document', {actual: id})
    }
  }

  /**
   * Start what an element means: a concept, a language section, a term, or a
   * text to capture.
   */
  private enter(frame: Frame, parent: Frame, element: XmlElement): void {
    const kind = frame.kind

    // A data category: `<termNote type="partOfSpeech">` (DCA) or `<min:partOfSpeech>` (DCT).
    if (kind === '#datcat') frame.category = element.local
    else if (datcatElements.has(kind)) frame.category = attribute(element.attributes, '', 'type')
    if (frame.category && this.version === 3 && isCheckedDialect(this.dialect)) {
      const problem = checkCategory(this.dialect, kind === '#datcat' ? undefined : kind, frame.category, this.levelAt(this.stack.length - 2))
      if (problem) this.error(frame.offset, problem)
    }

    switch (kind) {
      case 'conceptEntry':
      case 'termEntry': {
        this.concept = {id: attribute(element.attributes, '', 'id'), subjectField: undefined, definition: undefined, notes: [], sections: []}
        this.concepts.push(this.concept)
        return
      }

      case 'langSec':
      case 'langSet': {
        this.section = {language: attribute(element.attributes, xmlNamespace, 'lang') ?? '', definition: undefined, terms: []}
        this.concept?.sections.push(this.section)
        return
      }

      case 'termSec':
      case 'tig':
      case 'ntig': {
        this.term = {
          id: attribute(element.attributes, '', 'id'),
          text: '',
          status: undefined,
          forbidden: false,
          partOfSpeech: undefined,
          gender: undefined,
          number: undefined,
          termType: undefined,
          doNotTranslate: false,
          notes: [],
          offset: element.offset
        }
        this.section?.terms.push(this.term)
        return
      }

      case 'term': {
        if (this.term && this.term.text === '') {
          this.term.id ??= attribute(element.attributes, '', 'id')
          this.startCapture(frame, 'term')
        }

        return
      }

      case 'title': {
        if (parent.kind === 'titleStmt' && this.title === undefined) this.startCapture(frame, 'title')
        return
      }

      case 'p': {
        if (parent.kind === 'sourceDesc') this.startCapture(frame, 'sourceDesc')
        return
      }

      case 'note': {
        if (parent.level === 'termSec' && parent.kind !== 'termGrp') this.startCapture(frame, 'termMarkerOrNote')
        else if (parent.level === 'conceptEntry') this.startCapture(frame, 'conceptNote')
        return
      }

      default:
    }

    const category = frame.category
    if (!category) return
    const level = this.levelAt(this.stack.length - 2)
    if (level === 'termSec' && this.term && (kind === 'termNote' || kind === '#datcat')) this.startCapture(frame, 'termNote')
    else if (category === 'definition' && (level === 'conceptEntry' || level === 'langSec')) this.startCapture(frame, 'definition')
    else if (category === 'subjectField' && level === 'conceptEntry') this.startCapture(frame, 'subjectField')
  }

  /** Finish what an element means, with its captured text. */
  private leave(frame: Frame, value: string | undefined): void {
    switch (frame.kind) {
      case 'conceptEntry':
      case 'termEntry': {
        this.concept = undefined
        return
      }

      case 'langSec':
      case 'langSet': {
        this.section = undefined
        return
      }

      case 'termSec':
      case 'tig':
      case 'ntig': {
        this.term = undefined
        return
      }

      default:
    }

    if (value === undefined || !frame.purpose) return
    const text = normalizeSpace(value)

    switch (frame.purpose) {
      case 'term': {
        this.term!.text = text
        break
      }

      case 'title': {
        this.title = text
        break
      }

      case 'sourceDesc': {
        if (text) this.sourceDesc.push(text)
        break
      }

      case 'conceptNote': {
        if (text) this.concept?.notes.push(text)
        break
      }

      case 'termMarkerOrNote': {
        this.termNoteText(text)
        break
      }

      case 'definition': {
        const level = this.levelAt(this.stack.length - 1)
        if (level === 'langSec' && this.section) this.section.definition ??= text
        else if (level === 'conceptEntry' && this.concept) this.concept.definition ??= text
        break
      }

      case 'subjectField': {
        if (this.concept) this.concept.subjectField ??= text
        break
      }

      case 'termNote': {
        this.termData(frame, text)
        break
      }

      default:
    }
  }

  /** A term-level `<note>`: one of babele's markers, or a note. */
  private termNoteText(text: string): void {
    const term = this.term!
    if (text === forbiddenNote) term.forbidden = true
    else if (text === doNotTranslateNote) term.doNotTranslate = true
    else if (text.startsWith(numberNotePrefix) && readNumber(text.slice(numberNotePrefix.length))) {
      term.number = readNumber(text.slice(numberNotePrefix.length))
    } else if (text) term.notes.push(text)
  }

  /** A term-level data category (`termNote` or its DCT element). */
  private termData(frame: Frame, text: string): void {
    const category = frame.category!
    const term = this.term!
    if (isCheckedDialect(this.dialect)) {
      const problem = checkValue(this.dialect, category, text)
      if (problem) {
        this.error(frame.offset, problem, {actual: text})
        return
      }
    }

    let known: boolean
    if (statusCategories.has(category)) {
      term.status = readStatus(text)
      known = term.status !== undefined
    } else if (category === 'partOfSpeech') {
      term.partOfSpeech = readPartOfSpeech(text)
      known = term.partOfSpeech !== undefined
    } else if (category === 'grammaticalGender') {
      term.gender = readGender(text)
      known = term.gender !== undefined
    } else if (category === 'grammaticalNumber') {
      term.number = readNumber(text)
      known = term.number !== undefined
    } else if (category === 'termType') {
      term.termType = readTermType(text)
      known = term.termType !== undefined
    } else return

    const key = category + '\u0000' + text
    if (!known && !this.warned.has(key)) {
      this.warned.add(key)
      this.report.warning(frame.offset, 'tbx-unknown-value', '`' + category + '` value `' + text + '` is not one babele keeps; left out (reported once)', {actual: text})
    }
  }

  /** Start capturing the text of the element just opened. */
  private startCapture(frame: Frame, purpose: Purpose): void {
    frame.purpose = purpose
    this.capture = {depth: this.stack.length - 1, value: ''}
  }

  /**
   * The level a data category at a stack position is at: its parent's, or
   * its group's parent's.
   *
   * @param index
   *   Index of the parent frame in the stack.
   */
  private levelAt(index: number): Level | undefined {
    const parent = this.stack[index]
    if (!parent) return undefined
    if (parent.level) return parent.level
    if (groups.has(parent.kind)) return this.stack[index - 1]?.level
    return undefined
  }

  /** Add a `tbx-invalid` error; stop when there are too many. */
  private error(offset: number, message: string, extra?: {actual?: string; expected?: string}): void {
    this.report.error(offset, 'tbx-invalid', message, extra)
    if (this.report.errors >= maxErrors) {
      throw new Abort(this.report.create(offset, 'tbx-too-many-errors', 'Reading stopped after ' + maxErrors + ' errors'))
    }
  }

  /** Stop reading with a `tbx-invalid` error. */
  private stop(offset: number, message: string, actual: string, expected: string): never {
    throw new Abort(this.report.create(offset, 'tbx-invalid', message, {actual, expected}))
  }

  /** Turn the drafts into the model, making ids for what has none. */
  private build(): Termbase {
    const taken = new Set(this.ids.keys())
    const concepts: Concept[] = []

    for (const draft of this.concepts) {
      const sections = draft.sections.map((section) => ({...section, terms: section.terms.filter((term) => this.keep(term))}))
      const kept = sections.filter((section) => section.terms.length > 0)
      if (kept.length === 0) continue
      const id = draft.id ?? conceptId(kept[0]!.terms[0]!.text, taken)
      const concept: Concept = {id, notes: draft.notes, languages: []}
      if (draft.subjectField) concept.subjectField = draft.subjectField
      if (draft.definition) concept.definition = draft.definition

      for (const section of kept) {
        const result: LanguageSection = {language: section.language, terms: []}
        if (section.definition) result.definition = section.definition
        for (const term of section.terms) result.terms.push(this.finishTerm(term, id, section.language, taken))
        concept.languages.push(result)
      }

      concepts.push(concept)
    }

    const termbase: Termbase = {language: this.language, sourceDesc: this.sourceDesc, concepts}
    if (this.title !== undefined) termbase.title = this.title
    return termbase
  }

  /** Whether a term draft has text; warn when it has none. */
  private keep(term: TermDraft): boolean {
    if (term.text) return true
    this.report.warning(term.offset, 'tbx-empty-term', 'Term with no text left out')
    return false
  }

  /** A term draft as a model term. */
  private finishTerm(draft: TermDraft, concept: string, language: string, taken: Set<string>): Term {
    let status = draft.status ?? 'admitted'
    if (draft.forbidden) {
      if (draft.status !== undefined && draft.status !== 'deprecated') {
        this.report.warning(
          draft.offset,
          'tbx-forbidden-status',
          'Note `' + forbiddenNote + '` on a term whose status is `' + draft.status + '`; read as forbidden (write `deprecatedTerm-admn-sts` with it)'
        )
      }

      status = 'forbidden'
    }

    const term: Term = {id: draft.id ?? termId(concept, language, draft.text, taken), text: draft.text, status, doNotTranslate: draft.doNotTranslate, notes: draft.notes}
    if (draft.partOfSpeech) term.partOfSpeech = draft.partOfSpeech
    if (draft.gender) term.gender = draft.gender
    if (draft.number) term.number = draft.number
    if (draft.termType) term.termType = draft.termType
    return term
  }
}

/**
 * Value of an attribute.
 *
 * @param attributes
 *   Attributes.
 * @param uri
 *   Namespace (`''` for none).
 * @param local
 *   Local name.
 */
function attribute(attributes: XmlAttribute[], uri: string, local: string): string | undefined {
  for (const item of attributes) if (item.local === local && item.uri === uri) return item.value
  return undefined
}

/** The names of a slot as text (`` `<tig>` or `<ntig>` ``). */
function names(slot: Slot): string {
  return [...slot.names]
    .filter((name) => name !== '#datcat')
    .map((name) => '`<' + name + '>`')
    .join(' or ')
}

/** A fresh frame for an element just opened. */
function newFrame(kind: string, element: XmlElement, rule: Frame['rule'], level: Frame['level']): Frame {
  return {kind, name: element.name, rule, offset: element.offset, slot: 0, count: 0, missing: -1, last: '', textReported: false, level, category: undefined, purpose: undefined}
}
