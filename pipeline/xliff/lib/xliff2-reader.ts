/**
 * Build the plain value of an XLIFF 2.0, 2.1 or 2.2 document from XML
 * events, checking the processing requirements its schema cannot. Takes:
 * namespace-resolved start tags, end tags and text from the XML driver.
 * Returns: the document (`finish`), or `undefined` when it as a whole cannot
 * be trusted; problems go to the reporter. Units with errors are left out of
 * the value and reported with their `unitId`, so the other units still import.
 */

import type {
  Inline,
  InlineElement,
  XliffAttributes,
  XliffDocument,
  XliffFile,
  XliffGroup,
  XliffNote,
  XliffPart,
  XliffSkeleton,
  XliffState,
  XliffUnit
} from './xliff-model.ts'
import {Abort, isXmlCharacter, textTooLong, xmlNamespace, type Extra, type Reporter, type XmlElement, type XmlHandler, type XmlOptions} from '../../xml/index.ts'
import {checkUnit, type PartContent, type SubFlowReference, type UnitContent} from './check-unit.ts'
import {
  checkInlineAttributes,
  type ElementSpec,
  type Fragment,
  isInlineName,
  isUserDefined,
  isWhitespace,
  languageMatches,
  parseFragment,
  readCoreAttributes,
  record,
  specs
} from './xliff2-vocabulary.ts'
import {core12, core20, core22} from './namespaces.ts'
import {isWellFormedTag} from '../../language-tag.ts'

/** Shared empty list, never written to. */
const noStrings: string[] = []

/** Identifier-bearing references inside extension elements, per namespace. */
type ExtensionIds = Map<string, Set<string>>

/** State of the `<file>` being read. */
interface FileState {
  file: XliffFile
  offset: number
  /** 0: start, 1: after skeleton or extensions, 2: after notes, 3: after a unit or group. */
  phase: number
  groupIds: Set<string>
  /** Ids of all units seen (valid or not). */
  unitIds: Set<string>
  extensionIds: ExtensionIds
  /** Units read, with whether they had errors. */
  units: Array<{state: UnitState}>
  /** `subFlows*` references to check once all units are known. */
  subFlows: Array<SubFlowReference & {unit: UnitState}>
}

/** State of a `<group>` being read. */
interface GroupState {
  group: XliffGroup
  /** 1: extensions, 2: after notes, 3: after a unit or group. */
  phase: number
  extensionIds: ExtensionIds
}

/** State of the `<unit>` being read. */
interface UnitState extends UnitContent {
  bad: boolean
  /** 0: extensions, 1: after notes, 2: after originalData, 3: after a segment or ignorable. */
  phase: number
  noteIds: Set<string>
  extensionIds: ExtensionIds
  parts: PartState[]
}

/** State of a `<segment>` or `<ignorable>`. */
interface PartState extends PartContent {
  /** 0: expects source, 1: after source, 2: after target. */
  phase: number
  /** Effective `xml:space` of its source. */
  sourceSpace: string
}

/** An open element of the document. */
type Frame =
  | {
      kind: 'xliff'
      /** 0: start, 1: after notes, 2: after a file. */
      phase: number
      files: number
      offset: number
    }
  | {kind: 'file'}
  | {kind: 'group'}
  | {kind: 'unit'}
  | {kind: 'skeleton'; skeleton: XliffSkeleton; offset: number; hasElements: boolean}
  | {kind: 'notes'; notes: XliffNote[]; ids: Set<string>; offset: number}
  | {kind: 'note'; note: XliffNote}
  | {kind: 'originalData'; offset: number}
  | {kind: 'data'; id: string | undefined; value: string}
  | {kind: 'part'}
  | {
      kind: 'content'
      children: Inline[]
      /** The paired element this content is inside of, if any. */
      end?: {kind: '/pc' | '/mrk'; plain: Record<string, string>}
    }
  | {kind: 'empty'; name: string}
  | {kind: 'foreign'; ids: ExtensionIds | undefined}

/** Language and space in effect inside an element. */
interface Inherited {
  lang: string | undefined
  space: string
}

/**
 * Builds an {@link XliffDocument} from XML events and checks the XLIFF 2
 * processing requirements.
 */
export class Xliff2Reader implements XmlHandler {
  private readonly stack: Frame[] = []
  private readonly inherited: Inherited[] = [{lang: undefined, space: 'default'}]
  private document: XliffDocument | undefined
  private core = core20
  /** Whether XLIFF 2.2 syntax is allowed (2.2 namespace or version). */
  private version22 = false
  private readonly extensionIds: ExtensionIds = new Map()
  private documentBad = false
  private readonly fileIds = new Set<string>()
  private file: FileState | undefined
  private readonly groups: GroupState[] = []
  private unit: UnitState | undefined
  private part: PartState | undefined
  private firstTarget: number | undefined

  /**
   * @param report
   *   Positions and diagnostics.
   * @param limits
   *   Limits and rules of the XML driver (`maxTextLength` also bounds merged text).
   */
  constructor(
    private readonly report: Reporter,
    private readonly limits: XmlOptions
  ) {}

  /** The value, once the whole document was read. */
  finish(): XliffDocument | undefined {
    if (this.firstTarget !== undefined && this.document && this.document.trgLang === undefined) {
      this.documentError(this.firstTarget, 'The document has `<target>` elements but `<xliff>` has no `trgLang`')
    }

    return this.documentBad ? undefined : this.document
  }

  // -- events ---------------------------------------------------------------

  /** A start tag: check that it may stand here, and start reading it. */
  open(element: XmlElement): void {
    const parent = this.stack.at(-1)
    const inherited = this.inherited.at(-1)!

    if (!parent) {
      this.openRoot(element)
      return
    }

    if (parent.kind === 'foreign') {
      if (element.uri !== this.core) this.noteExtensionId(element, parent.ids)
      this.pushForeign(parent.ids)
      return
    }

    const core = element.uri === this.core
    const name = core ? element.local : ''

    switch (parent.kind) {
      case 'xliff': {
        if (name === 'file') {
          parent.phase = 2
          parent.files++
          this.openFile(element, inherited)
        } else if (this.version22 && !core) {
          if (parent.phase > 0) this.documentError(element.offset, 'Extension element `<' + element.name + '>` must come before `<notes>` and `<file>` in `<xliff>`')
          this.noteExtensionId(element, this.extensionIds)
          this.pushForeign(this.extensionIds)
        } else if (this.version22 && name === 'notes') {
          if (parent.phase > 0) this.documentError(element.offset, '`<notes>` must come once, before `<file>`, in `<xliff>`')
          parent.phase = 1
          this.readAttributes(element, specs.notes!)
          this.push({kind: 'notes', notes: this.document!.notes, ids: new Set(), offset: element.offset}, inherited)
        } else {
          this.unexpected(element, '<xliff>', this.version22 ? 'extension elements, `<notes>` and `<file>`' : 'only `<file>` elements')
        }

        return
      }

      case 'file':
      case 'group': {
        this.openInFileOrGroup(element, name, inherited)
        return
      }

      case 'unit': {
        this.openInUnit(element, name, inherited)
        return
      }

      case 'skeleton': {
        parent.hasElements = true
        if (core) this.unexpected(element, '<skeleton>', 'only elements of other namespaces')
        else this.pushForeign(undefined)
        return
      }

      case 'notes': {
        if (name === 'note') this.openNote(element, parent)
        else this.unexpected(element, '<notes>', 'only `<note>` elements')
        return
      }

      case 'originalData': {
        if (name === 'data') this.openData(element)
        else this.unexpected(element, '<originalData>', 'only `<data>` elements')
        return
      }

      case 'data': {
        if (name === 'cp') {
          parent.value = this.appendString(parent.value, this.readCp(element), element.offset)
          this.push({kind: 'empty', name: 'cp'}, inherited)
        } else this.unexpected(element, '<data>', 'only text and `<cp>`')
        return
      }

      case 'part': {
        this.openInPart(element, name, inherited)
        return
      }

      case 'content': {
        this.openInline(element, name, parent, inherited)
        return
      }

      case 'note':
      case 'empty': {
        this.unexpected(element, '<' + (parent.kind === 'note' ? 'note' : parent.name) + '>', 'no elements')
        return
      }

      // No default
    }
  }

  /** An end tag: finish what was read inside the element. */
  close(element: XmlElement): void {
    const frame = this.stack.pop()
    this.inherited.pop()
    if (!frame) return

    switch (frame.kind) {
      case 'xliff': {
        if (frame.files === 0) this.documentError(frame.offset, '`<xliff>` has no `<file>`')
        break
      }

      case 'file': {
        this.closeFile()
        break
      }

      case 'group': {
        this.groups.pop()
        break
      }

      case 'unit': {
        this.closeUnit()
        break
      }

      case 'skeleton': {
        const empty = !frame.hasElements && isWhitespace(frame.skeleton.content)
        if (frame.skeleton.href !== undefined && !empty) {
          this.documentError(frame.offset, '`<skeleton>` has both an `href` and content; it needs exactly one')
        } else if (frame.skeleton.href === undefined && empty) {
          this.documentError(frame.offset, '`<skeleton>` is empty and has no `href`; it needs exactly one')
        }

        break
      }

      case 'notes': {
        if (frame.notes.length === 0) this.invalid(frame.offset, '`<notes>` has no `<note>`')
        break
      }

      case 'originalData': {
        if (Object.keys(this.unit!.unit.originalData).length === 0) {
          this.invalid(frame.offset, '`<originalData>` has no `<data>`')
        }

        break
      }

      case 'data': {
        if (frame.id !== undefined) this.unit!.unit.originalData[frame.id] = frame.value
        break
      }

      case 'part': {
        const part = this.part!
        if (part.phase === 0) {
          this.invalid(part.offset, '`<' + part.part.kind + '>` has no `<source>`', part.part.id)
        }

        this.part = undefined
        break
      }

      case 'content': {
        if (frame.end) {
          this.unit!.codes.push({
            side: this.side(),
            part: this.unit!.parts.length - 1,
            kind: frame.end.kind,
            plain: frame.end.plain,
            fs: noStrings,
            offset: element.offset
          })
        }

        break
      }

      default: {
        break
      }
    }
  }

  /** Character data: content where the element takes text, else only white space. */
  text(value: string, offset: number): void {
    const frame = this.stack.at(-1)
    if (!frame) return

    switch (frame.kind) {
      case 'content': {
        this.appendInline(frame.children, value, offset)
        break
      }

      case 'note': {
        frame.note.value = this.appendString(frame.note.value, value, offset)
        break
      }

      case 'data': {
        frame.value = this.appendString(frame.value, value, offset)
        break
      }

      case 'skeleton': {
        frame.skeleton.content = this.appendString(frame.skeleton.content, value, offset)
        break
      }

      case 'foreign': {
        break
      }

      default: {
        if (!isWhitespace(value)) {
          const name = frame.kind === 'empty' ? frame.name : frame.kind === 'part' ? this.part!.part.kind : frame.kind
          this.invalid(offset, 'Text is not allowed directly in `<' + name + '>`', this.part?.part.id)
        }
      }
    }
  }

  // -- structure ------------------------------------------------------------

  private openRoot(element: XmlElement): void {
    const found = element.uri ? '{' + element.uri + '}' + element.local : element.local
    if (element.local !== 'xliff' || (element.uri !== core20 && element.uri !== core22)) {
      const message =
        element.uri === core12
          ? 'Found an XLIFF 1.2 document (namespace `' + core12 + '`); only XLIFF 2.0, 2.1 and 2.2 can be read'
          : 'Expected an XLIFF 2 `<xliff>` root in namespace `' + core20 + '`, found `<' + found + '>`'
      throw new Abort(this.report.create(element.offset, 'xliff-version', message, {actual: found, expected: '{' + core20 + '}xliff'}))
    }

    this.core = element.uri
    const {plain, attributes} = this.readAttributes(element, specs.xliff!)
    const version = plain.version
    // The 2.2 namespace is meant for version 2.2 only, but documents (the
    // OASIS 2.2 suite among them) pair them loosely: accept any 2.x pairing.
    if (version !== '2.0' && version !== '2.1' && version !== '2.2') {
      const message = version === undefined ? '`<xliff>` has no `version`' : '`<xliff version="' + version + '">` is not supported, expected 2.0, 2.1 or 2.2'
      throw new Abort(this.report.create(element.offset, 'xliff-version', message, {actual: version, expected: '2.0 | 2.1 | 2.2'}))
    }

    this.version22 = element.uri === core22 || version === '2.2'

    const srcLang = plain.srcLang
    if (srcLang === undefined) {
      this.documentError(element.offset, '`<xliff>` has no `srcLang`')
    } else if (!isWellFormedTag(srcLang)) {
      this.documentError(element.offset, '`srcLang="' + srcLang + '"` is not a well-formed BCP 47 language tag')
    }

    const trgLang = plain.trgLang
    if (trgLang !== undefined && !isWellFormedTag(trgLang)) {
      this.documentError(element.offset, '`trgLang="' + trgLang + '"` is not a well-formed BCP 47 language tag')
    }

    this.document = {version, srcLang: srcLang ?? '', attributes, notes: [], files: []}
    if (trgLang !== undefined) this.document.trgLang = trgLang
    this.push({kind: 'xliff', phase: 0, files: 0, offset: element.offset}, this.inherit(element, this.inherited[0]!))
  }

  private openFile(element: XmlElement, inherited: Inherited): void {
    const {plain, attributes} = this.readAttributes(element, specs.file!)
    const id = this.requireId(element, plain, 'file')
    if (id !== undefined) {
      if (this.fileIds.has(id)) this.documentError(element.offset, 'Duplicate `<file id="' + id + '">`')
      this.fileIds.add(id)
    }

    const point = this.report.point(element.offset)
    const file: XliffFile = {id: id ?? '', attributes, notes: [], groups: [], units: [], line: point.line, column: point.column}
    if (plain.original !== undefined) file.original = plain.original
    this.file = {
      file,
      offset: element.offset,
      phase: 0,
      groupIds: new Set(),
      unitIds: new Set(),
      extensionIds: new Map(),
      units: [],
      subFlows: []
    }
    this.push({kind: 'file'}, this.inherit(element, inherited))
  }

  private closeFile(): void {
    const state = this.file!
    if (state.phase < 3) this.documentError(state.offset, '`<file id="' + state.file.id + '">` has no `<unit>` or `<group>`')

    for (const reference of state.subFlows) {
      for (const id of reference.ids) {
        if (!state.unitIds.has(id)) {
          this.unitError(reference.unit, reference.offset, 'Sub-flow `' + id + '` names no `<unit>` of the file', reference.segmentId)
        }
      }
    }

    for (const {state: unit} of state.units) {
      if (!unit.bad) state.file.units.push(unit.unit)
    }

    this.document!.files.push(state.file)
    this.file = undefined
  }

  /** A child of `<file>` or `<group>`. */
  private openInFileOrGroup(element: XmlElement, name: string, inherited: Inherited): void {
    const file = this.file!
    const group = this.groups.at(-1)
    const scope = group ?? file
    const where = group ? '<group id="' + group.group.id + '">' : '<file id="' + file.file.id + '">'

    if (element.uri !== this.core) {
      if (scope.phase >= 2) {
        this.documentError(element.offset, 'Extension element `<' + element.name + '>` must come before `<notes>`, `<unit>` and `<group>` in `' + where + '`')
      }

      scope.phase = Math.max(scope.phase, 1)
      this.noteExtensionId(element, scope.extensionIds)
      this.pushForeign(scope.extensionIds)
      return
    }

    switch (name) {
      case 'skeleton': {
        if (group || file.phase > 0) {
          this.unexpected(element, where, group ? 'no `<skeleton>`' : '`<skeleton>` only as its first child')
          return
        }

        file.phase = 1
        const {plain} = this.readAttributes(element, specs.skeleton!)
        const skeleton: XliffSkeleton = {content: ''}
        if (plain.href !== undefined) skeleton.href = plain.href
        file.file.skeleton = skeleton
        this.push({kind: 'skeleton', skeleton, offset: element.offset, hasElements: false}, inherited)
        return
      }

      case 'notes': {
        if (scope.phase >= 2) {
          this.documentError(element.offset, '`<notes>` must come once, before `<unit>` and `<group>`, in `' + where + '`')
        }

        scope.phase = 2
        this.readAttributes(element, specs.notes!)
        const notes = group ? group.group.notes : file.file.notes
        this.push({kind: 'notes', notes, ids: new Set(), offset: element.offset}, inherited)
        return
      }

      case 'group': {
        scope.phase = 3
        const {plain, attributes} = this.readAttributes(element, specs.group!)
        this.checkUnitOrGroupAttributes(element, plain)
        const id = this.requireId(element, plain, 'group')
        if (id !== undefined) {
          if (file.groupIds.has(id)) this.documentError(element.offset, 'Duplicate `<group id="' + id + '">` in the file')
          file.groupIds.add(id)
        }

        const point = this.report.point(element.offset)
        const value: XliffGroup = {id: id ?? '', attributes, notes: [], line: point.line, column: point.column}
        if (plain.name !== undefined) value.name = plain.name
        if (group) value.parent = group.group.id
        file.file.groups.push(value)
        this.groups.push({group: value, phase: 1, extensionIds: new Map()})
        this.push({kind: 'group'}, this.inherit(element, inherited))
        return
      }

      case 'unit': {
        scope.phase = 3
        this.openUnit(element, inherited)
        return
      }

      default: {
        this.unexpected(element, where, 'extension elements, `<notes>`, `<unit>` and `<group>`')
      }
    }
  }

  private openUnit(element: XmlElement, inherited: Inherited): void {
    const file = this.file!
    const {plain, attributes, problems} = this.readAttributes(element, specs.unit!, true)
    const point = this.report.point(element.offset)
    const unit: XliffUnit = {
      id: plain.id ?? '',
      groupIds: groupIdsOf(this.groups),
      attributes,
      notes: [],
      originalData: record(),
      dataAttributes: record(),
      parts: [],
      line: point.line,
      column: point.column
    }
    if (plain.name !== undefined) unit.name = plain.name
    const state: UnitState = {
      unit,
      offset: element.offset,
      bad: false,
      phase: 0,
      hasSegment: false,
      noteIds: new Set(),
      extensionIds: new Map(),
      parts: [],
      codes: []
    }
    this.unit = state
    file.units.push({state})

    for (const problem of problems) this.unitError(state, element.offset, problem)
    this.checkUnitOrGroupAttributes(element, plain)

    if (plain.id === undefined) {
      this.unitError(state, element.offset, '`<unit>` has no `id`')
    } else {
      if (file.unitIds.has(plain.id)) this.unitError(state, element.offset, 'Duplicate `<unit id="' + plain.id + '">` in the file')
      file.unitIds.add(plain.id)
    }

    this.push({kind: 'unit'}, this.inherit(element, inherited))
  }

  /** A child of `<unit>`. */
  private openInUnit(element: XmlElement, name: string, inherited: Inherited): void {
    const unit = this.unit!

    if (element.uri !== this.core) {
      if (unit.phase > 0) {
        this.invalid(element.offset, 'Extension element `<' + element.name + '>` must come before `<notes>`, `<originalData>` and the segments of the unit')
      }

      this.noteExtensionId(element, unit.extensionIds)
      this.pushForeign(unit.extensionIds)
      return
    }

    switch (name) {
      case 'notes': {
        if (unit.phase >= 1) this.invalid(element.offset, '`<notes>` must come once, before `<originalData>` and the segments of the unit')
        unit.phase = Math.max(unit.phase, 1)
        this.readAttributes(element, specs.notes!)
        this.push({kind: 'notes', notes: unit.unit.notes, ids: unit.noteIds, offset: element.offset}, inherited)
        return
      }

      case 'originalData': {
        if (unit.phase >= 2) this.invalid(element.offset, '`<originalData>` must come once, before the segments of the unit')
        unit.phase = Math.max(unit.phase, 2)
        this.readAttributes(element, specs.originalData!)
        this.push({kind: 'originalData', offset: element.offset}, inherited)
        return
      }

      case 'segment':
      case 'ignorable': {
        unit.phase = 3
        this.openPart(element, name, inherited)
        return
      }

      default: {
        this.unexpected(element, '<unit>', 'extension elements, `<notes>`, `<originalData>`, `<segment>` and `<ignorable>`')
      }
    }
  }

  private openNote(element: XmlElement, parent: Extract<Frame, {kind: 'notes'}>): void {
    const {plain, attributes} = this.readAttributes(element, specs.note!)
    const note: XliffNote = {attributes, value: ''}
    if (plain.id !== undefined) {
      if (parent.ids.has(plain.id)) this.invalid(element.offset, 'Duplicate `<note id="' + plain.id + '">` in `<notes>`')
      parent.ids.add(plain.id)
      note.id = plain.id
    }

    if (plain.category !== undefined) note.category = plain.category
    if (plain.appliesTo === 'source' || plain.appliesTo === 'target') note.appliesTo = plain.appliesTo
    if (plain.priority !== undefined) note.priority = Number(plain.priority)
    if (plain.ref !== undefined) {
      if (!this.version22) this.invalid(element.offset, 'Attribute `ref` is not allowed on `<note>` before XLIFF 2.2')
      note.ref = plain.ref
    }
    parent.notes.push(note)
    this.push({kind: 'note', note}, this.inherit(element, this.inherited.at(-1)!))
  }

  private openData(element: XmlElement): void {
    const unit = this.unit!
    const {plain, attributes} = this.readAttributes(element, specs.data!)
    const id = plain.id
    if (id === undefined) {
      this.invalid(element.offset, '`<data>` has no `id`')
    } else if (Object.hasOwn(unit.unit.originalData, id)) {
      this.invalid(element.offset, 'Duplicate `<data id="' + id + '">` in `<originalData>`')
    }

    if (id !== undefined && Object.keys(attributes).length > 0) unit.unit.dataAttributes[id] = attributes
    if (attributes['xml:space'] !== undefined && attributes['xml:space'] !== 'preserve') {
      this.invalid(element.offset, '`<data>` only allows `xml:space="preserve"`')
    }

    this.push({kind: 'data', id, value: ''}, this.inherited.at(-1)!)
  }

  private openPart(element: XmlElement, kind: 'segment' | 'ignorable', inherited: Inherited): void {
    const unit = this.unit!
    const {plain, attributes} = this.readAttributes(element, specs[kind]!)
    const point = this.report.point(element.offset)
    const part: XliffPart = {kind, attributes, source: [], sourceAttributes: record(), line: point.line, column: point.column}
    if (plain.id !== undefined) part.id = plain.id
    if (kind === 'segment') {
      unit.hasSegment = true
      if (plain.state !== undefined) part.state = plain.state as XliffState
      if (plain.subState !== undefined) {
        part.subState = plain.subState
        if (plain.state === undefined) this.invalid(element.offset, '`subState` needs an explicit `state`', part.id)
      }
    }

    unit.unit.parts.push(part)
    const state: PartState = {part, offset: element.offset, phase: 0, sourceSpace: 'default', targetOffset: element.offset}
    unit.parts.push(state)
    this.part = state
    this.push({kind: 'part'}, inherited)
  }

  /** A child of `<segment>` or `<ignorable>`. */
  private openInPart(element: XmlElement, name: string, inherited: Inherited): void {
    const part = this.part!
    const where = '<' + part.part.kind + '>'
    const document = this.document!

    if (name === 'source') {
      if (part.phase !== 0) {
        this.invalid(element.offset, '`' + where + '` needs exactly one `<source>`, before its `<target>`', part.part.id)
      }

      part.phase = Math.max(part.phase, 1)
      const {attributes} = this.readAttributes(element, specs.source!)
      const own = this.inherit(element, inherited)
      part.sourceSpace = own.space
      if (own.lang !== undefined && !languageMatches(own.lang, document.srcLang)) {
        this.invalid(element.offset, 'Source language `' + own.lang + '` (`xml:lang`) differs from `srcLang="' + document.srcLang + '"`', part.part.id, {
          actual: own.lang,
          expected: document.srcLang
        })
      }

      part.part.source = []
      part.part.sourceAttributes = attributes
      this.push({kind: 'content', children: part.part.source}, own)
      return
    }

    if (name === 'target') {
      if (part.phase !== 1) {
        this.invalid(element.offset, '`' + where + '` allows one `<target>`, after its `<source>`', part.part.id)
      }

      part.phase = 2
      part.targetOffset = element.offset
      this.firstTarget ??= element.offset
      const {plain, attributes} = this.readAttributes(element, specs.target!)
      const own = this.inherit(element, inherited)
      if (own.lang !== undefined && document.trgLang !== undefined && !languageMatches(own.lang, document.trgLang)) {
        this.invalid(element.offset, 'Target language `' + own.lang + '` (`xml:lang`) differs from `trgLang="' + document.trgLang + '"`', part.part.id, {
          actual: own.lang,
          expected: document.trgLang
        })
      }

      if (own.space !== part.sourceSpace) {
        this.invalid(element.offset, '`<target>` has `xml:space="' + own.space + '"` but its `<source>` has `xml:space="' + part.sourceSpace + '"`', part.part.id)
      }

      if (plain.order !== undefined) {
        if (/^[0-9]+$/.test(plain.order) && Number(plain.order) > 0) part.part.targetOrder = Number(plain.order)
      }

      part.part.target = []
      part.part.targetAttributes = attributes
      this.push({kind: 'content', children: part.part.target}, own)
      return
    }

    this.unexpected(element, where, 'only `<source>` and `<target>`')
  }

  // -- inline content -------------------------------------------------------

  private openInline(element: XmlElement, name: string, parent: Extract<Frame, {kind: 'content'}>, inherited: Inherited): void {
    const unit = this.unit!
    const partState = this.part!
    const segmentId = partState.part.id

    if (name === 'cp') {
      this.appendInline(parent.children, this.readCp(element), element.offset)
      this.push({kind: 'empty', name}, inherited)
      return
    }

    if (!isInlineName(name)) {
      this.unexpected(element, '<' + (parent.end ? parent.end.kind.slice(1) : 'source>` or `<target') + '>', 'text and inline elements')
      return
    }

    const {plain, attributes, fs} = this.readAttributes(element, specs[name]!)
    unit.codes.push({side: this.side(), part: unit.parts.length - 1, kind: name, plain, fs, offset: element.offset})
    for (const problem of checkInlineAttributes(name, plain)) this.invalid(element.offset, problem, segmentId)

    let node: InlineElement
    let children: Inline[] | undefined

    switch (name) {
      case 'ph': {
        node = {type: 'ph', id: plain.id ?? '', attributes}
        if (plain.dataRef !== undefined) node.dataRef = plain.dataRef
        break
      }

      case 'pc': {
        children = []
        node = {type: 'pc', id: plain.id ?? '', attributes, children}
        if (plain.dataRefStart !== undefined) node.dataRefStart = plain.dataRefStart
        if (plain.dataRefEnd !== undefined) node.dataRefEnd = plain.dataRefEnd
        break
      }

      case 'sc': {
        node = {type: 'sc', id: plain.id ?? '', isolated: plain.isolated === 'yes', attributes}
        if (plain.dataRef !== undefined) node.dataRef = plain.dataRef
        break
      }

      case 'ec': {
        node = {type: 'ec', isolated: plain.isolated === 'yes', attributes}
        if (plain.id !== undefined) node.id = plain.id
        if (plain.startRef !== undefined) node.startRef = plain.startRef
        if (plain.dataRef !== undefined) node.dataRef = plain.dataRef
        break
      }

      case 'mrk':
      case 'sm': {
        const marker = {id: plain.id ?? '', attributes}
        node = name === 'mrk' ? {type: 'mrk', ...marker, children: (children = [])} : {type: 'sm', ...marker}
        if (plain.translate === 'yes' || plain.translate === 'no') node.translate = plain.translate
        if (plain.type !== undefined) node.mrkType = plain.type
        if (plain.ref !== undefined) node.ref = plain.ref
        if (plain.value !== undefined) node.value = plain.value
        this.checkAnnotation(element, plain, segmentId)
        break
      }

      default: {
        node = {type: 'em', startRef: plain.startRef ?? ''}
      }
    }

    parent.children.push(node)

    if (children) {
      this.push({kind: 'content', children, end: {kind: name === 'pc' ? '/pc' : '/mrk', plain}}, inherited)
    } else {
      this.push({kind: 'empty', name}, inherited)
    }
  }

  /** Decode a `<cp>` into its character (empty if invalid). */
  private readCp(element: XmlElement): string {
    const {plain} = this.readAttributes(element, specs.cp!)
    const hex = plain.hex
    const segmentId = this.part?.part.id
    if (hex === undefined) {
      this.invalid(element.offset, '`<cp>` has no `hex`', segmentId)
      return ''
    }

    const code = /^[0-9a-fA-F]{1,8}$/.test(hex) ? Number.parseInt(hex, 16) : Number.NaN
    if (Number.isNaN(code) || code > 0x10_ff_ff || (code >= 0xd8_00 && code <= 0xdf_ff)) {
      this.invalid(element.offset, '`<cp hex="' + hex + '">` is not the hexadecimal code of a Unicode scalar value', segmentId)
      return ''
    }

    if (isXmlCharacter(code)) {
      this.invalid(element.offset, '`<cp hex="' + hex + '">` encodes a character XML allows; write the character itself', segmentId)
    }

    return String.fromCodePoint(code)
  }

  /** Constraints of `<mrk>` and `<sm>` annotations that need the unit's notes. */
  private checkAnnotation(element: XmlElement, plain: Record<string, string>, segmentId: string | undefined): void {
    const at = element.offset
    const ref = plain.ref
    let fragment: Fragment | string | undefined

    if (ref !== undefined && ref.startsWith('#')) {
      fragment = parseFragment(ref)
      if (typeof fragment === 'string') this.invalid(at, 'Fragment identifier `' + ref + '` is invalid: ' + fragment, segmentId)
    }

    if (plain.type !== 'comment') return

    if ((ref === undefined) === (plain.value === undefined)) {
      this.invalid(at, 'A comment annotation needs exactly one of `value` and `ref`', segmentId)
      return
    }

    if (ref === undefined || typeof fragment === 'string') return

    // A comment's `ref` points to a `<note>` of its own unit: `#n=id`, or an
    // absolute path through this file and unit.
    const unit = this.unit!
    const selectors = fragment ? fragment.selectors : []
    const leaf = selectors.at(-1)
    let problem: string | undefined
    if (!fragment || !leaf || leaf.prefix !== 'n') problem = 'it does not select a `<note>`'
    else {
      const fileSelector = selectors.find((selector) => selector.prefix === 'f')
      const unitSelector = selectors.find((selector) => selector.prefix === 'u')
      if (fileSelector && fileSelector.id !== this.file!.file.id) problem = 'it selects another file'
      else if (!unitSelector && (fileSelector || selectors.some((selector) => selector.prefix === 'g') || fragment.absolute)) {
        problem = 'it selects a note outside the unit'
      } else if (unitSelector && unitSelector.id !== unit.unit.id) problem = 'it selects another unit'
      else if (!unit.noteIds.has(leaf.id)) problem = 'the unit has no `<note id="' + leaf.id + '">`'
    }

    if (problem) this.invalid(at, 'Comment annotation `ref="' + ref + '"` must point to a note of its unit: ' + problem, segmentId)
  }

  // -- unit checks ----------------------------------------------------------

  /** Report what the whole-unit checks find; one problem quarantines the unit. */
  private closeUnit(): void {
    const state = this.unit!
    this.unit = undefined
    const {subFlows} = checkUnit(state, (offset, message, segmentId) => this.unitError(state, offset, message, segmentId))
    for (const reference of subFlows) this.file!.subFlows.push({...reference, unit: state})
  }

  // -- attributes -----------------------------------------------------------

  /**
   * Read the attributes of a core element: the ones in no namespace, and the
   * record of those the model has no field for. Unknown or invalid ones are
   * reported (or returned, when the unit state does not exist yet).
   */
  private readAttributes(
    element: XmlElement,
    elementSpec: ElementSpec,
    deferProblems = false
  ): {plain: Record<string, string>; attributes: XliffAttributes; fs: string[]; problems: string[]} {
    const {plain, attributes, fs = noStrings, problems = noStrings} = readCoreAttributes(element, elementSpec, this.core)
    if (!deferProblems) {
      for (const problem of problems) this.invalid(element.offset, problem, this.part?.part.id)
    }

    return {plain, attributes, fs, problems}
  }

  /** Constraints shared by `<unit>` and `<group>` attributes. */
  private checkUnitOrGroupAttributes(element: XmlElement, plain: Record<string, string>): void {
    const type = plain.type
    if (type !== undefined && !isUserDefined(type)) {
      this.invalid(element.offset, '`type="' + type + '"` on `<' + element.local + '>` is not `prefix:value`')
    }
  }

  /** Require an NMTOKEN `id` on a file or group. */
  private requireId(element: XmlElement, plain: Record<string, string>, name: string): string | undefined {
    const id = plain.id
    if (id === undefined) {
      this.documentError(element.offset, '`<' + name + '>` has no `id`')
    }

    return id
  }

  // -- helpers --------------------------------------------------------------

  /** Remember the id of an element of an extension, unique per namespace and scope. */
  private noteExtensionId(element: XmlElement, ids: ExtensionIds | undefined): void {
    if (!ids) return
    for (const attribute of element.attributes) {
      const isId = (attribute.uri === '' && attribute.local === 'id') || (attribute.uri === xmlNamespace && attribute.local === 'id')
      if (!isId) continue
      let seen = ids.get(element.uri)
      if (!seen) {
        seen = new Set()
        ids.set(element.uri, seen)
      }

      if (seen.has(attribute.value)) {
        this.invalid(element.offset, 'Duplicate id `' + attribute.value + '` among the `' + element.uri + '` extension elements of the same scope')
      }

      seen.add(attribute.value)
    }
  }

  /** Which side the content being read is on. */
  private side(): 'source' | 'target' {
    return this.part && this.part.phase === 2 ? 'target' : 'source'
  }

  private push(frame: Frame, inherited: Inherited): void {
    this.stack.push(frame)
    this.inherited.push(inherited)
  }

  private pushForeign(ids: ExtensionIds | undefined): void {
    this.push({kind: 'foreign', ids}, this.inherited.at(-1)!)
  }

  /** Language and space in effect inside an element. */
  private inherit(element: XmlElement, parent: Inherited): Inherited {
    let {lang, space} = parent
    for (const attribute of element.attributes) {
      if (attribute.uri !== xmlNamespace) continue
      if (attribute.local === 'lang') lang = attribute.value
      if (attribute.local === 'space' && (attribute.value === 'default' || attribute.value === 'preserve')) space = attribute.value
    }

    return {lang, space}
  }

  /** Report an element that is not allowed here, and skip it. */
  private unexpected(element: XmlElement, where: string, allowed: string): void {
    const what = element.uri === this.core ? '<' + element.local + '>' : 'extension element <' + element.name + '>'
    this.invalid(element.offset, '`' + what + '` is not allowed in `' + where + '`, which allows ' + allowed, this.part?.part.id)
    this.pushForeign(undefined)
  }

  /** Append text to a string, within `maxTextLength`. */
  private appendString(value: string, addition: string, offset: number): string {
    if (value.length + addition.length > this.limits.maxTextLength) {
      throw textTooLong(this.report, offset, this.limits)
    }

    return value + addition
  }

  /** Append text to inline content, merging it with preceding text. */
  private appendInline(children: Inline[], value: string, offset: number): void {
    if (value === '') return
    const last = children.length - 1
    if (last >= 0 && typeof children[last] === 'string') {
      children[last] = this.appendString(children[last], value, offset)
    } else {
      children.push(value)
    }
  }

  /** A problem inside a unit quarantines the unit; outside, the document. */
  private invalid(offset: number, message: string, segmentId?: string, extra?: Extra): void {
    if (this.unit) this.unitError(this.unit, offset, message, segmentId, extra)
    else this.documentError(offset, message, extra)
  }

  private unitError(unit: UnitState, offset: number, message: string, segmentId?: string, extra?: Extra): void {
    unit.bad = true
    this.report.error(offset, 'xliff-invalid', message, {...extra, unitId: unit.unit.id || undefined, segmentId})
  }

  private documentError(offset: number, message: string, extra?: Extra): void {
    this.documentBad = true
    this.report.error(offset, 'xliff-invalid', message, extra)
  }
}

/**
 * Ids of the open groups, outermost first.
 *
 * @param groups
 *   Open groups.
 * @returns
 *   Ids.
 */
function groupIdsOf(groups: GroupState[]): string[] {
  const ids: string[] = []
  for (const group of groups) ids.push(group.group.id)
  return ids
}
