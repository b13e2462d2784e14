/**
 * Build a TMX document from the XML events of a TMX file, checking it against
 * the TMX 1.4b DTD as it goes. Takes: namespace-resolved start tags, end tags
 * and text (from `pipeline/xml/`), a reporter. Returns: the header and the
 * good translation units (from {@linkcode TmxReader.result}); the
 * diagnostics go to the reporter.
 *
 * Checked, as `tmx-invalid` errors with line and column: each element's
 * allowed children and their order (`<tu>`: notes and props, then `<tuv>`s;
 * `<tuv>`: notes and props, then one `<seg>`), attributes the DTD requires
 * or does not declare, enumerated values (`segtype`, `<it pos>`), text where
 * only elements may be, and inline codes: every `<bpt>` closed by one
 * `<ept>` with the same `i` in the same `<seg>`. A problem inside a `<tu>`
 * drops that unit only; the others are kept. TMX 1.1 to 1.3 files are read
 * too (their `<tuv lang>` stands for `xml:lang`).
 *
 * Inline content becomes memory tokens: `<bpt>`/`<ept>` an opening and a
 * closing code, `<it pos="begin|end">` one side of a pair cut by the segment
 * boundary, `<ph>` and the deprecated `<ut>` placeholders, each holding its
 * native bytes (a `<sub>` flow inside a code is part of them); `<hi>` only
 * marks text, so its text is kept and the mark dropped. A code's id links a
 * target's code to the source's: the `x` attribute where there is one (a
 * pair by its `<bpt>`'s), else its `i` or its position.
 */
import type {Diagnostic, MemoryToken} from '../../types.ts'
import {Abort, xmlNamespace, type Reporter, type XmlAttribute, type XmlElement, type XmlHandler} from '../../xml/index.ts'

/** A `<prop>` or `<note>` of a header, unit or variant. */
export interface TmxProp {
  /** `type` of a `<prop>`; `note` for a `<note>`. */
  type: string
  value: string
}

/** The `<header>`. */
export interface TmxHeader {
  /** `srclang`: the source language of every unit (`*all*`: any of its variants). */
  srclang: string
  /** Every attribute as written (`creationtool`, `segtype`, `o-tmf`, `adminlang`, `datatype`, …). */
  attributes: Record<string, string>
  props: TmxProp[]
}

/** A `<tuv>`: the text of a unit in one language. */
export interface TmxVariant {
  /** `xml:lang` (or `lang` before TMX 1.4), as written. */
  lang: string
  tokens: MemoryToken[]
  props: TmxProp[]
  line: number
  column: number
}

/** A `<tu>`. */
export interface TmxUnit {
  tuid?: string
  /** `srclang` of the unit, when it overrides the header's. */
  srclang?: string
  props: TmxProp[]
  variants: TmxVariant[]
  line: number
  column: number
}

/** A `<tu>` left out, and why. */
export interface TmxRejected {
  tuid?: string
  line: number
  column: number
  /** The problems found in it (the same diagnostics the reader reports). */
  diagnostics: Diagnostic[]
}

/** A TMX document as read: its version, header and good units. */
export interface TmxDocument {
  /** `version` of `<tmx>`: `1.4` (1.4b), or `1.1` to `1.3`. */
  version: string
  header: TmxHeader
  units: TmxUnit[]
  /** The units left out for their problems, in document order. */
  rejected: TmxRejected[]
}

const versions = new Set(['1.1', '1.2', '1.3', '1.4'])
const segtypes = new Set(['block', 'paragraph', 'sentence', 'phrase'])
/** Reading stops after this many errors: a file that bad is refused anyway. */
const maxErrors = 100

/** Attributes each element declares (TMX 1.4b DTD; `lang` deprecated but declared); required ones marked `!`. */
const common = ['o-encoding', 'datatype', 'usagecount', 'lastusagedate', 'creationtool', 'creationtoolversion', 'creationdate', 'creationid', 'changedate', 'changeid', 'o-tmf']
const declared: Record<string, string[]> = {
  tmx: ['version!'],
  header: ['creationtool!', 'creationtoolversion!', 'segtype!', 'o-tmf!', 'adminlang!', 'srclang!', 'datatype!', 'o-encoding', 'creationdate', 'creationid', 'changedate', 'changeid'],
  body: [],
  note: ['o-encoding', 'xml:lang', 'lang'],
  prop: ['type!', 'xml:lang', 'o-encoding', 'lang'],
  ude: ['name!', 'base'],
  map: ['unicode!', 'code', 'ent', 'subst'],
  tu: ['tuid', 'segtype', 'srclang', ...common],
  tuv: ['xml:lang', 'lang', ...common],
  seg: [],
  bpt: ['i!', 'x', 'type'],
  ept: ['i!'],
  sub: ['datatype', 'type'],
  it: ['pos!', 'x', 'type'],
  ph: ['x', 'assoc', 'type'],
  hi: ['x', 'type'],
  ut: ['x']
}

/** Children each element allows (content models are checked in `place`). */
const children: Record<string, Set<string>> = {
  tmx: new Set(['header', 'body']),
  header: new Set(['note', 'prop', 'ude']),
  ude: new Set(['map']),
  body: new Set(['tu']),
  tu: new Set(['note', 'prop', 'tuv']),
  tuv: new Set(['note', 'prop', 'seg']),
  seg: new Set(['bpt', 'ept', 'ph', 'it', 'hi', 'ut']),
  hi: new Set(['bpt', 'ept', 'ph', 'it', 'hi', 'ut']),
  sub: new Set(['bpt', 'ept', 'ph', 'it', 'hi', 'ut']),
  bpt: new Set(['sub']),
  ept: new Set(['sub']),
  it: new Set(['sub']),
  ph: new Set(['sub']),
  ut: new Set(['sub']),
  note: new Set(),
  prop: new Set(),
  map: new Set()
}

/** Elements whose text is content (everything else allows white space only). */
const textual = new Set(['note', 'prop', 'seg', 'hi', 'sub', 'bpt', 'ept', 'it', 'ph', 'ut'])

interface Frame {
  name: string
  offset: number
  /** Children seen so far (for the order checks). */
  seen: string[]
  /** Text captured (props, notes). */
  text: string
  /** `type` of a `<prop>`. */
  type?: string
}

/** A code being read: its token, filled with its bytes when it closes. */
interface OpenCode {
  token: Exclude<MemoryToken, {type: 'text'}>
  i: string | undefined
}

/** Receives the events of one TMX document. */
export class TmxReader implements XmlHandler {
  private version: string | undefined
  private header: TmxHeader | undefined
  private readonly units: TmxUnit[] = []
  private readonly rejected: TmxRejected[] = []
  private readonly stack: Frame[] = []
  private unit: (TmxUnit & {diagnostics: Diagnostic[]}) | undefined
  private variant: TmxVariant | undefined
  private tokens: MemoryToken[] = []
  private code: OpenCode | undefined
  private opened = new Map<string, {offset: number; id: string; closed: boolean}>()
  private positions = 0
  private nested = 0
  private errors = 0
  private readonly langAttribute: (attributes: readonly XmlAttribute[]) => string | undefined

  /** @param report Positions and diagnostics. */
  constructor(private readonly report: Reporter) {
    this.langAttribute = (attributes) => value(attributes, 'xml:lang') ?? (this.version === '1.4' ? undefined : value(attributes, 'lang'))
  }

  /** The document read, or `undefined` when its root, version or header made it unreadable. */
  result(): TmxDocument | undefined {
    if (!this.version || !this.header) return undefined
    return {version: this.version, header: this.header, units: this.units, rejected: this.rejected}
  }

  open(element: XmlElement): void {
    const parent = this.stack.at(-1)
    const name = element.uri === '' ? element.local : element.name
    if (!parent) {
      this.root(element)
      return
    }
    const frame: Frame = {name, offset: element.offset, seen: [], text: ''}
    this.stack.push(frame)
    if (element.uri !== '' || !(name in declared)) {
      this.error(element.offset, 'Unknown element `<' + element.name + '>`' + (element.uri === '' ? '' : ' (TMX has no namespace)'))
      frame.name = '#unknown'
      return
    }
    if (parent.name === '#unknown') {
      frame.name = '#unknown'
      return
    }
    this.place(parent, frame, element)
    this.attributes(element)
    this.enter(frame, element)
  }

  close(): void {
    const frame = this.stack.pop()!
    if (frame.name === '#unknown') return
    this.leave(frame)
  }

  text(text: string, offset: number): void {
    const frame = this.stack.at(-1)
    if (!frame || frame.name === '#unknown') return
    if (!textual.has(frame.name)) {
      if (/[^ \t\r\n]/.test(text)) this.error(offset + text.search(/[^ \t\r\n]/), 'Text is not allowed directly in `<' + frame.name + '>`')
      return
    }
    if (this.code) this.code.token.data += text
    else if (frame.name === 'seg' || frame.name === 'hi' || frame.name === 'sub') this.addText(text)
    else frame.text += text
  }

  /** Check the root element and its version. */
  private root(element: XmlElement): void {
    if (element.local !== 'tmx' || element.uri !== '') {
      throw this.stop(element.offset, 'tmx-version', 'Not a TMX document: root `<' + element.name + '>`, expected `<tmx>`')
    }
    const version = value(element.attributes, 'version')
    if (!version || !versions.has(version)) {
      throw this.stop(element.offset, 'tmx-version', 'TMX version ' + (version ? '`' + version + '`' : '(none)') + ' is not supported; expected 1.4 (1.4b), or 1.1 to 1.3')
    }
    this.version = version
    this.stack.push({name: 'tmx', offset: element.offset, seen: [], text: ''})
    this.attributes(element)
  }

  /** Check that a child may come here, in this order. */
  private place(parent: Frame, frame: Frame, element: XmlElement): void {
    const name = frame.name
    const where = '`<' + parent.name + '>`'
    if (!children[parent.name]!.has(name)) {
      this.error(element.offset, '`<' + name + '>` is not allowed in ' + where)
      frame.name = '#unknown'
      return
    }
    const seen = parent.seen
    const order = (message: string) => this.error(element.offset, message)
    if (parent.name === 'tmx') {
      if (name === 'header' && seen.length > 0) order('`<tmx>` must start with one `<header>`')
      if (name === 'body' && (seen.at(-1) !== 'header' || seen.includes('body'))) order('`<tmx>` must hold one `<header>` then one `<body>`')
    } else if ((parent.name === 'tu' || parent.name === 'tuv') && (name === 'note' || name === 'prop') && seen.some((one) => one === 'tuv' || one === 'seg')) {
      order('`<' + name + '>` must come before the ' + (parent.name === 'tu' ? '`<tuv>` elements' : '`<seg>`') + ' in ' + where)
    } else if (parent.name === 'tuv' && name === 'seg' && seen.includes('seg')) {
      order('`<tuv>` allows only one `<seg>`')
    }
    seen.push(name)
  }

  /** Required and undeclared attributes, enumerated values. */
  private attributes(element: XmlElement): void {
    const list = declared[element.local]!
    const names = new Set(list.map((one) => one.replace(/!$/, '')))
    for (const attribute of element.attributes) {
      const name = attribute.uri === xmlNamespace ? 'xml:' + attribute.local : attribute.uri === '' ? attribute.local : undefined
      if (name === undefined || !names.has(name)) this.error(element.offset, 'Attribute `' + attribute.name + '` is not declared for `<' + element.local + '>`')
    }
    for (const required of list) {
      if (!required.endsWith('!')) continue
      const name = required.slice(0, -1)
      if (value(element.attributes, name) === undefined) this.error(element.offset, '`<' + element.local + '>` needs the attribute `' + name + '`')
    }
    const segtype = value(element.attributes, 'segtype')
    if (segtype !== undefined && !segtypes.has(segtype)) this.error(element.offset, '`segtype` must be `block`, `paragraph`, `sentence` or `phrase`, found `' + segtype + '`')
    if (element.local === 'it') {
      const pos = value(element.attributes, 'pos')
      if (pos !== undefined && pos !== 'begin' && pos !== 'end') this.error(element.offset, '`<it pos>` must be `begin` or `end`, found `' + pos + '`')
    }
  }

  private enter(frame: Frame, element: XmlElement): void {
    const attributes = element.attributes
    switch (frame.name) {
      case 'header': {
        const srclang = value(attributes, 'srclang')
        const record: Record<string, string> = {}
        for (const attribute of attributes) record[attribute.name] = attribute.value
        if (!srclang) throw this.stop(element.offset, 'tmx-invalid', '`<header>` needs the attribute `srclang`: without it no unit has a known source language')
        this.header = {srclang, attributes: record, props: []}
        break
      }
      case 'tu': {
        const tuid = value(attributes, 'tuid')
        const srclang = value(attributes, 'srclang')
        const point = this.report.point(element.offset)
        this.unit = {props: [], variants: [], line: point.line, column: point.column, diagnostics: [], ...(tuid === undefined ? {} : {tuid}), ...(srclang === undefined ? {} : {srclang})}
        break
      }
      case 'tuv': {
        const lang = this.langAttribute(attributes)
        if (lang === undefined && value(attributes, 'xml:lang') === undefined && value(attributes, 'lang') !== undefined) this.error(element.offset, 'TMX 1.4 `<tuv>` needs `xml:lang`; `lang` is deprecated')
        else if (lang === undefined && value(attributes, 'xml:lang') === undefined) this.error(element.offset, '`<tuv>` needs the attribute `xml:lang`')
        const point = this.report.point(element.offset)
        this.variant = {lang: lang ?? '', tokens: [], props: [], line: point.line, column: point.column}
        break
      }
      case 'seg':
        this.nested = 0
        this.tokens = []
        this.opened = new Map()
        this.positions = 0
        break
      case 'bpt':
      case 'ept':
      case 'it':
      case 'ph':
      case 'ut':
        this.openCode(frame.name, element)
        break
      case 'prop':
        frame.type = value(attributes, 'type') ?? ''
        break
      case 'sub':
        if (!this.code) this.error(element.offset, '`<sub>` must be inside a code')
        break
      default:
        break
    }
  }

  private leave(frame: Frame): void {
    const parent = this.stack.at(-1)
    switch (frame.name) {
      case 'prop':
      case 'note': {
        const prop = {type: frame.name === 'note' ? 'note' : (frame.type ?? ''), value: frame.text}
        if (parent?.name === 'header') this.header?.props.push(prop)
        else if (parent?.name === 'tu') this.unit?.props.push(prop)
        else if (parent?.name === 'tuv') this.variant?.props.push(prop)
        break
      }
      case 'tu': {
        const unit = this.unit
        this.unit = undefined
        if (!unit) break
        if (unit.variants.length === 0 && unit.diagnostics.length === 0) {
          this.unit = unit
          this.error(frame.offset, '`<tu>` needs at least one `<tuv>`')
          this.unit = undefined
        }
        const {diagnostics, ...good} = unit
        if (diagnostics.length > 0) this.rejected.push({line: unit.line, column: unit.column, diagnostics, ...(unit.tuid === undefined ? {} : {tuid: unit.tuid})})
        else this.units.push(good)
        break
      }
      case 'tuv': {
        const variant = this.variant
        this.variant = undefined
        if (!variant) break
        if (!frame.seen.includes('seg')) this.error(frame.offset, '`<tuv>` needs a `<seg>`')
        this.unit?.variants.push(variant)
        break
      }
      case 'seg':
        for (const [i, pair] of this.opened) if (!pair.closed) this.error(pair.offset, '`<bpt i="' + i + '">` has no `<ept>` with the same `i` in its `<seg>`')
        if (this.variant) this.variant.tokens = merged(this.tokens)
        break
      case 'bpt':
      case 'ept':
      case 'it':
      case 'ph':
      case 'ut':
        if (this.nested > 0) this.nested--
        else if (this.code) {
          this.tokens.push(this.code.token)
          this.code = undefined
        }
        break
      default:
        break
    }
  }

  private openCode(name: string, element: XmlElement): void {
    const attributes = element.attributes
    const type = value(attributes, 'type')
    const x = value(attributes, 'x')
    const i = value(attributes, 'i')
    // A code inside a code's `<sub>` is part of the outer code's bytes.
    if (this.code) {
      this.nested++
      return
    }
    this.positions++
    let token: OpenCode['token']
    if (name === 'bpt') {
      if (i !== undefined && this.opened.has(i)) this.error(element.offset, 'A second `<bpt i="' + i + '">` in one `<seg>`')
      const id = x === undefined ? 'i' + i : 'x' + x
      if (i !== undefined) this.opened.set(i, {offset: element.offset, id, closed: false})
      token = {type: 'open', id, data: ''}
    } else if (name === 'ept') {
      const pair = i === undefined ? undefined : this.opened.get(i)
      if (i !== undefined && (!pair || pair.closed)) this.error(element.offset, '`<ept i="' + i + '">` closes no open `<bpt>` with the same `i` in its `<seg>`')
      if (pair) pair.closed = true
      token = {type: 'close', id: pair?.id ?? 'i' + i, data: ''}
    } else if (name === 'it') {
      token = {type: value(attributes, 'pos') === 'end' ? 'end' : 'start', id: x === undefined ? 'p' + this.positions : 'x' + x, data: ''}
    } else {
      token = {type: 'ph', id: x === undefined ? 'p' + this.positions : 'x' + x, data: ''}
    }
    if (type !== undefined) token.subType = type
    this.code = {token, i}
  }

  private addText(text: string): void {
    this.tokens.push({type: 'text', value: text})
  }

  private error(offset: number, message: string): void {
    const made = this.report.error(offset, 'tmx-invalid', message + (this.unit ? '; the unit is left out' : ''), this.unit?.tuid === undefined ? undefined : {unitId: this.unit.tuid})
    this.unit?.diagnostics.push(made)
    if (++this.errors >= maxErrors) throw this.stop(offset, 'tmx-too-many-errors', 'Reading stopped after ' + maxErrors + ' errors')
  }

  private stop(offset: number, ruleId: string, message: string): Abort {
    return new Abort(this.report.create(offset, ruleId, message))
  }
}

/** The value of an attribute by name (`xml:lang` for the XML namespace). */
function value(attributes: readonly XmlAttribute[], name: string): string | undefined {
  for (const attribute of attributes) {
    const qualified = attribute.uri === xmlNamespace ? 'xml:' + attribute.local : attribute.uri === '' ? attribute.local : attribute.name
    if (qualified === name) return attribute.value
  }
  return undefined
}

/** Join adjacent text tokens. */
function merged(tokens: MemoryToken[]): MemoryToken[] {
  const result: MemoryToken[] = []
  for (const token of tokens) {
    const last = result.at(-1)
    if (token.type === 'text' && last?.type === 'text') last.value += token.value
    else result.push(token.type === 'text' ? {...token} : token)
  }
  return result
}
