/**
 * Build the plain value of an XLIFF 1.2 (or 1.1) document from XML events:
 * the same `XliffDocument` the XLIFF 2 reader returns. Takes:
 * namespace-resolved start tags, end tags and text from the XML driver.
 * Returns: the document (`finish`), or `undefined` when it as a whole cannot
 * be trusted; problems go to the reporter. Units with errors are left out of
 * the value and reported with their `unitId`, so the other units still import.
 *
 * Element mapping (1.2 → model):
 *
 * | 1.2                                  | model                                              |
 * |--------------------------------------|----------------------------------------------------|
 * | `<file>`                             | file; `id` = `original` (else `f1`, `f2`, …)       |
 * | `source-language`, `target-language` | document `srcLang`, `trgLang` (files must agree)   |
 * | `<group>`                            | group (recursed into)                              |
 * | `<trans-unit id resname>`            | unit `id`, `name`                                  |
 * | `<note>` (header, group, unit)       | note; `annotates` → `appliesTo`, `priority`        |
 * | `<skl>` `<internal-file>`/`<external-file href>` | file `skeleton`                        |
 * | `<source>`/`<seg-source>`/`<target>` | parts, see `xliff12-parts.ts`                      |
 * | `<g id>`                             | `pc` with children                                 |
 * | `<x id/>`, `<ph id>`                 | `ph`                                               |
 * | `<bpt id rid>`, `<bx id rid/>`       | `sc`, `id` = `rid` ?? `id`                         |
 * | `<ept id rid>`, `<ex id rid/>`       | `ec`, `startRef` = `rid` ?? `id`                   |
 * | `<it pos="open"/"close">`            | isolated `sc` / `ec`, `id` = `rid` ?? `id`         |
 * | `<mrk mtype mid comment>` (not a segment) | `mrk`: `mrkType`, `id`, `value`; `protected` → `translate="no"` |
 * | `<x ctype="x-babele-cp-HHHH"/>`      | the character U+HHHH, as text (see `to-xliff12.ts`) |
 *
 * Native data inside `<bpt>`, `<ept>`, `<ph>` and `<it>` (and any `<sub>`
 * in it) is never text: it is skipped. Attributes without a field (`ctype`,
 * `equiv-text`, a `<bpt>`'s own `id` when `rid` names the pair) stay in
 * `attributes`. Elements of other namespaces (`sdl:`, `mq:`, `okp:`, …),
 * `<alt-trans>`, `<context-group>`, `<count-group>`, `<prop-group>`,
 * `<bin-unit>` and the header's `<tool>`, `<phase-group>`, `<glossary>` and
 * `<reference>` are tolerated and skipped. Text is kept exactly as written
 * (no `xml:space` normalization).
 */

import type {Inline, InlineElement, XliffAttributes, XliffDocument, XliffFile, XliffGroup, XliffNote, XliffSkeleton, XliffUnit} from './xliff-model.ts'
import {Abort, isXmlCharacter, textTooLong, xmlNamespace, type Reporter, type XmlElement, type XmlHandler, type XmlOptions} from '../../xml/index.ts'
import {isWhitespace, record} from './xliff2-vocabulary.ts'
import {isWellFormedTag} from '../../language-tag.ts'
import {core11, core12, core2Prefix} from './namespaces.ts'
import {unitParts, type Content} from './xliff12-parts.ts'

/** XLIFF 1.x namespaces this reader takes, with the `version` each requires. */
export const xliff1Namespaces: Readonly<Record<string, string>> = {
  [core12]: '1.2',
  [core11]: '1.1'
}

/** Elements skipped whole where they may appear. */
const skippedInUnit = new Set(['alt-trans', 'context-group', 'count-group', 'prop-group'])
const skippedInGroup = new Set(['context-group', 'count-group', 'prop-group', 'bin-unit'])
const skippedInHeader = new Set(['tool', 'phase-group', 'glossary', 'reference', 'count-group', 'prop-group'])

/** `<x>` written by babele for a character XML cannot hold. */
const characterType = /^x-babele-cp-([\dA-F]{4})$/

/** A `<source>`, `<seg-source>` or `<target>` being read. */
interface ContentState extends Content {
  name: 'source' | 'seg-source' | 'target'
  /** Paired codes in document order, to check their pairing. */
  pairs: Array<{end: boolean; key: string; offset: number; name: string}>
}

/** State of the `<trans-unit>` being read. */
interface UnitState {
  unit: XliffUnit
  bad: boolean
  offset: number
  source?: ContentState
  segmentSource?: ContentState
  target?: ContentState
}

/** State of the `<file>` being read. */
interface FileState {
  file: XliffFile
  offset: number
  hasBody: boolean
  unitIds: Set<string>
}

/** An open element of the document. */
type Frame =
  | {kind: 'xliff'; files: number; offset: number}
  | {kind: 'file'}
  | {kind: 'header'}
  | {kind: 'skl'}
  | {kind: 'internal-file'; skeleton: XliffSkeleton}
  | {kind: 'body'}
  | {kind: 'group'}
  | {kind: 'unit'}
  | {kind: 'note'; note: XliffNote}
  | {kind: 'content'; children: Inline[]; content: ContentState; top: boolean}
  | {kind: 'native'}
  | {kind: 'empty'; name: string}
  | {kind: 'skip'}

/** Builds an {@link XliffDocument} from the XML events of an XLIFF 1.2 document. */
export class Xliff12Reader implements XmlHandler {
  private readonly stack: Frame[] = []
  private document: XliffDocument | undefined
  private core = core12
  private documentBad = false
  private readonly fileIds = new Set<string>()
  private file: FileState | undefined
  private readonly groups: XliffGroup[] = []
  private unit: UnitState | undefined

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
    return this.documentBad ? undefined : this.document
  }

  // -- events ---------------------------------------------------------------

  /** A start tag: check that it may stand here, and start reading it. */
  open(element: XmlElement): void {
    const parent = this.stack.at(-1)
    if (!parent) {
      this.openRoot(element)
      return
    }

    // Inside skipped content, and for any element of another namespace.
    if (parent.kind === 'skip' || parent.kind === 'native' || element.uri !== this.core) {
      this.stack.push({kind: 'skip'})
      return
    }

    const name = element.local
    switch (parent.kind) {
      case 'xliff': {
        if (name === 'file') {
          parent.files++
          this.openFile(element)
        } else this.unexpected(element, '<xliff>', 'only `<file>`')
        return
      }

      case 'file': {
        const file = this.file!
        if (name === 'header' && !file.hasBody) this.stack.push({kind: 'header'})
        else if (name === 'body' && !file.hasBody) {
          file.hasBody = true
          this.stack.push({kind: 'body'})
        } else this.unexpected(element, '<file>', 'one `<header>`, then one `<body>`')
        return
      }

      case 'header': {
        if (name === 'skl') this.stack.push({kind: 'skl'})
        else if (name === 'note') this.openNote(element, this.file!.file.notes)
        else if (skippedInHeader.has(name)) this.stack.push({kind: 'skip'})
        else this.unexpected(element, '<header>', '`<skl>`, `<phase-group>`, `<glossary>`, `<reference>`, `<count-group>`, `<prop-group>`, `<note>` and `<tool>`')
        return
      }

      case 'skl': {
        const skeleton: XliffSkeleton = {content: ''}
        if (name === 'internal-file') {
          this.file!.file.skeleton = skeleton
          this.stack.push({kind: 'internal-file', skeleton})
        } else if (name === 'external-file') {
          const href = plainAttribute(element, 'href')
          if (href !== undefined) skeleton.href = href
          this.file!.file.skeleton = skeleton
          this.stack.push({kind: 'skip'})
        } else this.unexpected(element, '<skl>', '`<internal-file>` or `<external-file>`')
        return
      }

      case 'body':
      case 'group': {
        if (name === 'trans-unit') this.openUnit(element)
        else if (name === 'group') this.openGroup(element)
        else if (name === 'bin-unit') this.stack.push({kind: 'skip'})
        else if (parent.kind === 'group' && name === 'note') this.openNote(element, this.groups.at(-1)!.notes)
        else if (parent.kind === 'group' && skippedInGroup.has(name)) this.stack.push({kind: 'skip'})
        else this.unexpected(element, '<' + parent.kind + '>', '`<group>`, `<trans-unit>` and `<bin-unit>`' + (parent.kind === 'group' ? ', `<note>` and context' : ''))
        return
      }

      case 'unit': {
        this.openInUnit(element, name)
        return
      }

      case 'content': {
        this.openInline(element, name, parent)
        return
      }

      case 'note':
      case 'internal-file':
      case 'empty': {
        this.unexpected(element, '<' + (parent.kind === 'empty' ? parent.name : parent.kind) + '>', 'no elements')
        return
      }

      // No default
    }
  }

  /** An end tag: finish what was read inside the element. */
  close(): void {
    const frame = this.stack.pop()
    if (!frame) return

    switch (frame.kind) {
      case 'xliff': {
        if (frame.files === 0) this.documentError(frame.offset, '`<xliff>` has no `<file>`')
        break
      }

      case 'file': {
        const state = this.file!
        if (!state.hasBody) this.documentError(state.offset, '`<file>` has no `<body>`')
        this.document!.files.push(state.file)
        this.file = undefined
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

      case 'content': {
        if (frame.top) this.checkPairs(frame.content)
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
        this.appendInline(frame, value, offset)
        break
      }

      case 'note': {
        frame.note.value = this.appendString(frame.note.value, value, offset)
        break
      }

      case 'internal-file': {
        frame.skeleton.content = this.appendString(frame.skeleton.content, value, offset)
        break
      }

      case 'skip':
      case 'native': {
        break
      }

      default: {
        if (!isWhitespace(value)) {
          this.invalid(offset, 'Text is not allowed directly in `<' + (frame.kind === 'unit' ? 'trans-unit' : frame.kind === 'empty' ? frame.name : frame.kind) + '>`')
        }
      }
    }
  }

  // -- structure ------------------------------------------------------------

  private openRoot(element: XmlElement): void {
    const found = element.uri ? '{' + element.uri + '}' + element.local : element.local
    const expected = xliff1Namespaces[element.uri]
    if (element.local !== 'xliff' || expected === undefined) {
      const message = element.uri.startsWith(core2Prefix)
        ? 'Found an XLIFF 2 document (namespace `' + element.uri + '`); `fromXliff12` reads only XLIFF 1.2 (`fromXliff` reads both)'
        : 'Expected an XLIFF 1.2 `<xliff>` root in namespace `' + core12 + '`, found `<' + found + '>`'
      throw new Abort(this.report.create(element.offset, 'xliff-version', message, {actual: found, expected: '{' + core12 + '}xliff'}))
    }

    this.core = element.uri
    const {plain, attributes} = readAttributes(element, ['version'])
    if (plain.version !== expected) {
      const message = plain.version === undefined ? '`<xliff>` has no `version`' : '`<xliff version="' + plain.version + '">` does not match its namespace, expected ' + expected
      throw new Abort(this.report.create(element.offset, 'xliff-version', message, {actual: plain.version, expected}))
    }

    this.document = {version: expected, srcLang: '', attributes, notes: [], files: []}
    this.stack.push({kind: 'xliff', files: 0, offset: element.offset})
  }

  private openFile(element: XmlElement): void {
    const document = this.document!
    const {plain, attributes} = readAttributes(element, ['original'])
    const point = this.report.point(element.offset)

    // 1.2 files have no id: `original` names them (a flat bundle export
    // writes its namespace there); a missing or repeated one gets `fN`.
    let id = plain.original
    if (id === undefined || this.fileIds.has(id)) id = 'f' + (document.files.length + 1)
    this.fileIds.add(id)

    const file: XliffFile = {id, attributes, notes: [], groups: [], units: [], line: point.line, column: point.column}
    if (plain.original !== undefined) file.original = plain.original

    const source = plain['source-language']
    if (source === undefined) this.documentError(element.offset, '`<file>` has no `source-language`')
    else if (!isWellFormedTag(source)) this.documentError(element.offset, '`source-language="' + source + '"` is not a well-formed BCP 47 language tag')
    else if (document.srcLang === '') document.srcLang = source
    else if (source !== document.srcLang) {
      this.documentError(element.offset, 'Files of one document must share a source language: `' + source + '` after `' + document.srcLang + '`', {actual: source, expected: document.srcLang})
    }

    const target = plain['target-language']
    if (target !== undefined) {
      if (!isWellFormedTag(target)) this.documentError(element.offset, '`target-language="' + target + '"` is not a well-formed BCP 47 language tag')
      else if (document.trgLang === undefined) document.trgLang = target
      else if (target !== document.trgLang) {
        this.documentError(element.offset, 'Files of one document must share a target language: `' + target + '` after `' + document.trgLang + '`', {actual: target, expected: document.trgLang})
      }
    }

    this.file = {file, offset: element.offset, hasBody: false, unitIds: new Set()}
    this.stack.push({kind: 'file'})
  }

  private openGroup(element: XmlElement): void {
    const {plain, attributes} = readAttributes(element, ['id', 'resname'])
    const point = this.report.point(element.offset)
    const group: XliffGroup = {id: plain.id ?? '', attributes, notes: [], line: point.line, column: point.column}
    if (plain.resname !== undefined) group.name = plain.resname
    const parent = this.groups.at(-1)
    if (parent) group.parent = parent.id
    this.file!.file.groups.push(group)
    this.groups.push(group)
    this.stack.push({kind: 'group'})
  }

  private openUnit(element: XmlElement): void {
    const file = this.file!
    const {plain, attributes} = readAttributes(element, ['id', 'resname'])
    const point = this.report.point(element.offset)
    const unit: XliffUnit = {
      id: plain.id ?? '',
      groupIds: this.groups.map((group) => group.id),
      attributes,
      notes: [],
      originalData: record(),
      dataAttributes: record(),
      parts: [],
      line: point.line,
      column: point.column
    }
    if (plain.resname !== undefined) unit.name = plain.resname
    this.unit = {unit, bad: false, offset: element.offset}

    if (plain.id === undefined) this.invalid(element.offset, '`<trans-unit>` has no `id`')
    else if (file.unitIds.has(plain.id)) this.invalid(element.offset, 'Duplicate `<trans-unit id="' + plain.id + '">` in the file')
    if (plain.id !== undefined) file.unitIds.add(plain.id)

    this.stack.push({kind: 'unit'})
  }

  /** A child of `<trans-unit>`. */
  private openInUnit(element: XmlElement, name: string): void {
    const unit = this.unit!
    if (name === 'source' || name === 'seg-source' || name === 'target') {
      const {attributes} = readAttributes(element, [])
      const content: ContentState = {name, children: [], offsets: [], attributes, offset: element.offset, pairs: []}
      if (name === 'source') {
        if (unit.source || unit.segmentSource || unit.target) this.invalid(element.offset, '`<trans-unit>` needs exactly one `<source>`, first')
        unit.source = content
      } else if (name === 'seg-source') {
        if (!unit.source || unit.segmentSource || unit.target) this.invalid(element.offset, '`<trans-unit>` allows one `<seg-source>`, after `<source>` and before `<target>`')
        unit.segmentSource = content
      } else {
        if (!unit.source || unit.target) this.invalid(element.offset, '`<trans-unit>` allows one `<target>`, after `<source>`')
        unit.target = content
      }

      this.stack.push({kind: 'content', children: content.children, content, top: true})
    } else if (name === 'note') {
      this.openNote(element, unit.unit.notes)
    } else if (skippedInUnit.has(name)) {
      this.stack.push({kind: 'skip'})
    } else {
      this.unexpected(element, '<trans-unit>', '`<source>`, `<seg-source>`, `<target>`, `<note>`, `<alt-trans>`, `<context-group>` and `<count-group>`')
    }
  }

  private closeUnit(): void {
    const state = this.unit!
    this.unit = undefined
    const unit = state.unit
    if (!state.source) {
      this.unitError(state, state.offset, '`<trans-unit>` has no `<source>`')
    } else if (!state.bad) {
      const {parts, problems} = unitParts(unit.id, state.source, state.segmentSource, state.target, (offset) => this.report.point(offset))
      for (const problem of problems) this.unitError(state, problem.offset, problem.message, problem.segmentId)
      unit.parts = parts
    }

    if (!state.bad) this.file!.file.units.push(unit)
  }

  private openNote(element: XmlElement, notes: XliffNote[]): void {
    const {plain, attributes} = readAttributes(element, ['annotates', 'priority'])
    const note: XliffNote = {attributes, value: ''}
    if (plain.annotates === 'source' || plain.annotates === 'target') note.appliesTo = plain.annotates
    else if (plain.annotates !== undefined && plain.annotates !== 'general') attributes.annotates = plain.annotates
    if (plain.priority !== undefined) {
      if (/^(?:[1-9]|10)$/.test(plain.priority)) note.priority = Number(plain.priority)
      else attributes.priority = plain.priority
    }

    notes.push(note)
    this.stack.push({kind: 'note', note})
  }

  // -- inline content -------------------------------------------------------

  private openInline(element: XmlElement, name: string, parent: Extract<Frame, {kind: 'content'}>): void {
    const content = parent.content
    let node: InlineElement
    let next: Frame

    switch (name) {
      case 'g': {
        const {plain, attributes} = readAttributes(element, ['id'])
        this.requireId(element, plain.id)
        node = {type: 'pc', id: plain.id ?? '', attributes, children: []}
        next = {kind: 'content', children: node.children, content, top: false}
        break
      }

      case 'x':
      case 'ph': {
        const {plain, attributes} = readAttributes(element, ['id'])
        const character = name === 'x' ? decodeCharacter(plain.ctype) : undefined
        if (character !== undefined) {
          this.appendInline(parent, character, element.offset)
          this.stack.push({kind: 'empty', name})
          return
        }

        this.requireId(element, plain.id)
        node = {type: 'ph', id: plain.id ?? '', attributes}
        next = name === 'x' ? {kind: 'empty', name} : {kind: 'native'}
        break
      }

      case 'bpt':
      case 'bx':
      case 'ept':
      case 'ex': {
        const {key, attributes} = this.readKey(element)
        const end = name === 'ept' || name === 'ex'
        content.pairs.push({end, key: (name === 'bpt' || name === 'ept' ? 'p' : 'x') + key, offset: element.offset, name})
        node = end ? {type: 'ec', startRef: key, isolated: false, attributes} : {type: 'sc', id: key, isolated: false, attributes}
        next = name === 'bpt' || name === 'ept' ? {kind: 'native'} : {kind: 'empty', name}
        break
      }

      case 'it': {
        const {key, attributes} = this.readKey(element)
        const position = attributes.pos
        if (position !== 'open' && position !== 'close') this.invalid(element.offset, '`<it>` needs `pos="open"` or `pos="close"`')
        node = position === 'close' ? {type: 'ec', id: key, isolated: true, attributes} : {type: 'sc', id: key, isolated: true, attributes}
        next = {kind: 'native'}
        break
      }

      case 'mrk': {
        const {plain, attributes} = readAttributes(element, ['mid', 'mtype', 'comment'])
        if (plain.mtype === undefined) this.invalid(element.offset, '`<mrk>` has no `mtype`')
        const marker: InlineElement = {type: 'mrk', id: plain.mid ?? '', attributes, children: []}
        if (plain.mtype !== undefined) marker.mrkType = plain.mtype
        if (plain.mtype === 'protected') marker.translate = 'no'
        if (plain.comment !== undefined) marker.value = plain.comment
        node = marker
        next = {kind: 'content', children: marker.children, content, top: false}
        break
      }

      default: {
        this.unexpected(element, '<' + content.name + '>', 'text and `<g>`, `<x>`, `<bx>`, `<ex>`, `<bpt>`, `<ept>`, `<ph>`, `<it>` and `<mrk>`')
        return
      }
    }

    parent.children.push(node)
    if (parent.top) content.offsets.push(element.offset)
    this.stack.push(next)
  }

  /** The pairing key of a code (`rid`, else `id`), and its other attributes. */
  private readKey(element: XmlElement): {key: string; attributes: XliffAttributes} {
    const rid = plainAttribute(element, 'rid')
    const {plain, attributes} = readAttributes(element, rid === undefined ? ['id'] : ['rid'])
    const key = rid ?? plain.id
    this.requireId(element, key)
    return {key: key ?? '', attributes}
  }

  /** Check `<bpt>`/`<ept>` and `<bx>`/`<ex>` pairing in one content element, in document order. */
  private checkPairs(content: ContentState): void {
    const open = new Set<string>()
    const seen = new Set<string>()
    const where = '`<' + content.name + '>`'
    for (const pair of content.pairs) {
      const id = '`' + pair.key.slice(1) + '`'
      if (!pair.end) {
        if (seen.has(pair.key)) this.invalid(pair.offset, 'Duplicate `<' + pair.name + '>` ' + id + ' in ' + where)
        seen.add(pair.key)
        open.add(pair.key)
      } else if (open.has(pair.key)) {
        open.delete(pair.key)
      } else {
        const start = pair.name === 'ept' ? '`<bpt>`' : '`<bx>`'
        this.invalid(pair.offset, '`<' + pair.name + '>` ' + id + (seen.has(pair.key) ? ' closes ' + start + ' twice' : ' has no ' + start + ' before it') + ' in ' + where)
      }
    }

    for (const pair of content.pairs) {
      if (!pair.end && open.has(pair.key)) {
        open.delete(pair.key)
        const end = pair.name === 'bpt' ? '`<ept>`' : '`<ex>`'
        this.invalid(pair.offset, '`<' + pair.name + '>` `' + pair.key.slice(1) + '` has no ' + end + ' in ' + where + '; a code whose other side is outside the unit is `<it>`')
      }
    }
  }

  private requireId(element: XmlElement, id: string | undefined): void {
    if (id === undefined) this.invalid(element.offset, '`<' + element.local + '>` has no `id`')
  }

  // -- helpers --------------------------------------------------------------

  /** Report an element that is not allowed here, and skip it. */
  private unexpected(element: XmlElement, where: string, allowed: string): void {
    this.invalid(element.offset, '`<' + element.local + '>` is not allowed in `' + where + '`, which allows ' + allowed)
    this.stack.push({kind: 'skip'})
  }

  /** Append text to a string, within `maxTextLength`. */
  private appendString(value: string, addition: string, offset: number): string {
    if (value.length + addition.length > this.limits.maxTextLength) throw textTooLong(this.report, offset, this.limits)
    return value + addition
  }

  /** Append text to inline content, merging it with preceding text. */
  private appendInline(frame: Extract<Frame, {kind: 'content'}>, value: string, offset: number): void {
    if (value === '') return
    const children = frame.children
    const last = children.length - 1
    if (last >= 0 && typeof children[last] === 'string') {
      children[last] = this.appendString(children[last], value, offset)
    } else {
      children.push(value)
      if (frame.top) frame.content.offsets.push(offset)
    }
  }

  /** A problem inside a unit quarantines the unit; outside, the document. */
  private invalid(offset: number, message: string): void {
    if (this.unit) this.unitError(this.unit, offset, message)
    else this.documentError(offset, message)
  }

  private unitError(unit: UnitState, offset: number, message: string, segmentId?: string): void {
    unit.bad = true
    this.report.error(offset, 'xliff-invalid', message, {unitId: unit.unit.id || undefined, segmentId})
  }

  private documentError(offset: number, message: string, extra?: {actual?: string; expected?: string}): void {
    this.documentBad = true
    this.report.error(offset, 'xliff-invalid', message, extra)
  }
}

/**
 * Read the attributes of an element: those in no namespace as `plain`, and
 * the record of those without a field (keys as in {@link XliffAttributes}).
 *
 * @param element
 *   Start tag.
 * @param fields
 *   Names of the attributes the model holds as fields.
 * @returns
 *   Plain values and the record.
 */
function readAttributes(element: XmlElement, fields: readonly string[]): {plain: Record<string, string>; attributes: XliffAttributes} {
  const plain = record<string>()
  const attributes = record<string>()
  for (const attribute of element.attributes) {
    if (attribute.uri === '') {
      plain[attribute.local] = attribute.value
      if (!fields.includes(attribute.local)) attributes[attribute.local] = attribute.value
    } else if (attribute.uri === xmlNamespace) {
      attributes['xml:' + attribute.local] = attribute.value
    } else {
      attributes['{' + attribute.uri + '}' + attribute.local] = attribute.value
    }
  }

  return {plain, attributes}
}

/** The value of an attribute in no namespace. */
function plainAttribute(element: XmlElement, name: string): string | undefined {
  for (const attribute of element.attributes) if (attribute.uri === '' && attribute.local === name) return attribute.value
  return undefined
}

/** The character an `<x ctype="x-babele-cp-HHHH"/>` stands for, if it is one XML cannot hold. */
function decodeCharacter(ctype: string | undefined): string | undefined {
  const match = ctype === undefined ? null : characterType.exec(ctype)
  if (!match) return undefined
  const code = Number.parseInt(match[1]!, 16)
  return isXmlCharacter(code) ? undefined : String.fromCharCode(code)
}
