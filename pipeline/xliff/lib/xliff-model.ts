/**
 * The plain value `fromXliff` reads an XLIFF 2.x document into. Types only,
 * no behaviour. Takes: nothing. Returns: nothing.
 *
 * Everything the core of a valid document says is representable here, in
 * document order: attributes the model has no field for are kept in an
 * `attributes` record (see {@link XliffAttributes}). Elements of modules and
 * extensions (`mtc:`, `gls:`, `mda:`, tool namespaces) are not kept.
 */

/**
 * Attributes an element carries beyond the ones modelled as fields.
 *
 * Keys: an attribute in no namespace by its local name (`canCopy`), an `xml:`
 * attribute as `xml:lang` / `xml:space` (the prefix is fixed by XML), any
 * other by `{namespace}local` (`{urn:oasis:names:tc:xliff:fs:2.0}fs`), so the
 * key never depends on the prefix a tool chose. Namespace declarations are
 * not attributes and are never kept.
 *
 * The object has no prototype, so an attribute or id named `__proto__` is an
 * ordinary entry.
 */
export type XliffAttributes = Record<string, string>

/** Translation state of a segment (`state`), in workflow order. */
export type XliffState = 'initial' | 'translated' | 'reviewed' | 'final'

/** The `<xliff>` root. */
export interface XliffDocument {
  /** `version`: `2.0`, `2.1` or `2.2`. */
  version: string
  /** `srcLang`: BCP 47 tag of the source language, as written. */
  srcLang: string
  /** `trgLang`: BCP 47 tag of the target language, as written; required when any target exists. */
  trgLang?: string
  /** Other attributes of `<xliff>`: `xml:space`, `xml:lang`, extension attributes. */
  attributes: XliffAttributes
  /** Document-level `<notes>` (XLIFF 2.2), in order; empty before 2.2. */
  notes: XliffNote[]
  /** The `<file>` elements, in order. */
  files: XliffFile[]
}

/** A `<file>`: one source document. */
export interface XliffFile {
  /** `id`, unique in the document. */
  id: string
  /** `original`: path or name of the source document, if given. */
  original?: string
  /** Other attributes: `canResegment`, `translate`, `srcDir`, `trgDir`, `xml:space`, `xml:lang`, extension attributes. */
  attributes: XliffAttributes
  /** `<skeleton>`, if present. */
  skeleton?: XliffSkeleton
  /** File-level `<notes>`, in order. */
  notes: XliffNote[]
  /** Every `<group>` of the file, at any depth, in the order their start tags appear. */
  groups: XliffGroup[]
  /** Every valid `<unit>` of the file, at any depth, in document order. Units with errors are left out (see the diagnostics). */
  units: XliffUnit[]
  /** 1-based line of the `<file>` start tag. */
  line: number
  /** 1-based column (UTF-16 code units) of the `<file>` start tag. */
  column: number
}

/** A `<skeleton>`: either a reference to an external skeleton or inline data. */
export interface XliffSkeleton {
  /** `href` of an external skeleton, if given. */
  href?: string
  /** Character data directly inside the element (elements of other namespaces inside it are not kept). */
  content: string
}

/** A `<group>`; its units are in {@link XliffFile.units} and point back to it. */
export interface XliffGroup {
  /** `id`, unique among the groups of the file. */
  id: string
  /** `name`, if given. */
  name?: string
  /** `id` of the enclosing group; absent for a group directly in `<file>`. */
  parent?: string
  /** Other attributes: `canResegment`, `translate`, `srcDir`, `trgDir`, `type`, `xml:space`, `xml:lang`, extension attributes. */
  attributes: XliffAttributes
  /** Group-level `<notes>`, in order. */
  notes: XliffNote[]
  /** 1-based line of the `<group>` start tag. */
  line: number
  /** 1-based column (UTF-16 code units) of the `<group>` start tag. */
  column: number
}

/** A `<unit>`: one translatable block, split into segments and ignorables. */
export interface XliffUnit {
  /** `id`, unique among the units of the file. */
  id: string
  /** `name`, if given. */
  name?: string
  /** Ids of the enclosing `<group>`s, outermost first; empty for a unit directly in `<file>`. */
  groupIds: string[]
  /** Other attributes: `canResegment`, `translate`, `srcDir`, `trgDir`, `type`, `xml:space`, `xml:lang`, extension attributes. */
  attributes: XliffAttributes
  /** Unit-level `<notes>`, in order. */
  notes: XliffNote[]
  /** `<originalData>`: the content of each `<data>` by its `id`, `<cp>` decoded. No prototype. */
  originalData: Record<string, string>
  /** Attributes of a `<data>` other than `id` (`dir`, `xml:space`), by data id; only for data that have some. No prototype. */
  dataAttributes: Record<string, XliffAttributes>
  /** `<segment>` and `<ignorable>` elements, in order. */
  parts: XliffPart[]
  /** 1-based line of the `<unit>` start tag. */
  line: number
  /** 1-based column (UTF-16 code units) of the `<unit>` start tag. */
  column: number
}

/** A `<note>`. */
export interface XliffNote {
  /** `id`, unique among the notes of the same `<notes>`. */
  id?: string
  /** `category`, if given. */
  category?: string
  /** `appliesTo`: whether the note is about the source or the target only. */
  appliesTo?: 'source' | 'target'
  /** `priority`, 1 (highest, the default) to 10. */
  priority?: number
  /** `ref` (XLIFF 2.2): fragment identifier of what the note is about, such as `#s1`. */
  ref?: string
  /** Other attributes (extension attributes). */
  attributes: XliffAttributes
  /** The text of the note, exactly as written (no trimming). */
  value: string
}

/** A `<segment>` or an `<ignorable>` of a unit. */
export interface XliffPart {
  /** Which element it is. */
  kind: 'segment' | 'ignorable'
  /** `id`, unique in the unit among parts and inline elements. */
  id?: string
  /** `state` of a segment. */
  state?: XliffState
  /** `subState` of a segment (`prefix:value`). */
  subState?: string
  /** Other attributes of the element (`canResegment`). */
  attributes: XliffAttributes
  /** Content of `<source>`: text exactly as written, with inline elements. */
  source: Inline[]
  /** Attributes of `<source>` (`xml:lang`, `xml:space`). */
  sourceAttributes: XliffAttributes
  /** Content of `<target>`, if present (an empty target is `[]`). */
  target?: Inline[]
  /** Attributes of `<target>` other than `order` (`xml:lang`, `xml:space`), if a target is present. */
  targetAttributes?: XliffAttributes
  /** `order` of the target: its 1-based position in the unit's target sequence, when not the part's own. */
  targetOrder?: number
  /** 1-based line of the start tag. */
  line: number
  /** 1-based column (UTF-16 code units) of the start tag. */
  column: number
}

/**
 * One piece of source or target content: text, or an inline element.
 * Adjacent text (including CDATA sections and decoded `<cp>`) is one string;
 * two strings are never adjacent.
 */
export type Inline = string | InlineElement

/** An inline element. `attributes` holds every attribute not listed as a field. */
export type InlineElement =
  | XliffPh
  | XliffPc
  | XliffSc
  | XliffEc
  | XliffMrk
  | XliffSm
  | XliffEm

/** `<ph>`: a standalone code (placeholder). */
export interface XliffPh {
  /** Element kind. */
  type: 'ph'
  /** `id`. */
  id: string
  /** `dataRef`: id of the `<data>` holding the original code. */
  dataRef?: string
  /** Other attributes (`canCopy`, `canDelete`, `canReorder`, `copyOf`, `disp`, `equiv`, `subFlows`, `type`, `subType`, module attributes). */
  attributes: XliffAttributes
}

/** `<pc>`: a paired code around content. */
export interface XliffPc {
  /** Element kind. */
  type: 'pc'
  /** `id`. */
  id: string
  /** `dataRefStart`: id of the `<data>` holding the opening code. */
  dataRefStart?: string
  /** `dataRefEnd`: id of the `<data>` holding the closing code. */
  dataRefEnd?: string
  /** Other attributes (`canCopy`, `canDelete`, `canOverlap`, `canReorder`, `copyOf`, `dispStart`, `dispEnd`, `equivStart`, `equivEnd`, `subFlowsStart`, `subFlowsEnd`, `type`, `subType`, `dir`, module attributes). */
  attributes: XliffAttributes
  /** The enclosed content. */
  children: Inline[]
}

/** `<sc>`: the start of a paired code whose end may lie in another segment or unit. */
export interface XliffSc {
  /** Element kind. */
  type: 'sc'
  /** `id`. */
  id: string
  /** `dataRef`: id of the `<data>` holding the original code. */
  dataRef?: string
  /** `isolated="yes"`: the matching `<ec>` is outside this unit. */
  isolated: boolean
  /** Other attributes (`canCopy`, `canDelete`, `canOverlap`, `canReorder`, `copyOf`, `dir`, `disp`, `equiv`, `subFlows`, `type`, `subType`, module attributes). */
  attributes: XliffAttributes
}

/** `<ec>`: the end of a paired code. */
export interface XliffEc {
  /** Element kind. */
  type: 'ec'
  /** `id`, used only when isolated. */
  id?: string
  /** `startRef`: id of the matching `<sc>`, when not isolated. */
  startRef?: string
  /** `dataRef`: id of the `<data>` holding the original code. */
  dataRef?: string
  /** `isolated="yes"`: the matching `<sc>` is outside this unit. */
  isolated: boolean
  /** Other attributes (`canCopy`, `canDelete`, `canOverlap`, `canReorder`, `copyOf`, `dir`, `disp`, `equiv`, `subFlows`, `type`, `subType`, module attributes). */
  attributes: XliffAttributes
}

/** `<mrk>`: an annotation around content. */
export interface XliffMrk {
  /** Element kind. */
  type: 'mrk'
  /** `id`. */
  id: string
  /** `translate`: whether the content is translatable. */
  translate?: 'yes' | 'no'
  /** `type` of the annotation: `generic` (the default), `comment`, `term`, or `prefix:value`. */
  mrkType?: string
  /** `ref`: IRI the annotation refers to (for a comment, a note of the unit). */
  ref?: string
  /** `value`: the annotation's text (comment text, term definition). */
  value?: string
  /** Other attributes (extension and module attributes). */
  attributes: XliffAttributes
  /** The annotated content. */
  children: Inline[]
}

/** `<sm>`: the start of an annotation that may span segments. */
export interface XliffSm {
  /** Element kind. */
  type: 'sm'
  /** `id`. */
  id: string
  /** `translate`: whether the content is translatable. */
  translate?: 'yes' | 'no'
  /** `type` of the annotation: `generic` (the default), `comment`, `term`, or `prefix:value`. */
  mrkType?: string
  /** `ref`: IRI the annotation refers to. */
  ref?: string
  /** `value`: the annotation's text. */
  value?: string
  /** Other attributes (extension and module attributes). */
  attributes: XliffAttributes
}

/** `<em>`: the end of an annotation started by `<sm>`. */
export interface XliffEm {
  /** Element kind. */
  type: 'em'
  /** `startRef`: id of the matching `<sm>`. */
  startRef: string
}
