/**
 * The core structure of TBX v3 (ISO 30042:2019, `TBXcoreStructV03.rng`) and
 * TBX v2 (`TBXcoreStructV02.dtd`) as data. Takes: nothing. Returns: for each
 * element, its content model (a sequence of slots, or one of the text
 * models) and its required attributes, for the reader to check children,
 * order, text and attributes as it goes.
 *
 * A slot is a set of element names with a minimum and maximum count; the
 * slots of an element come in order. `#datcat` stands for the element of
 * another namespace that a DCT-style file writes in place of `admin`,
 * `descrip`, `termNote` and the other data category elements (TBX v3 only).
 */

/** Namespace of TBX v3 (ISO 30042:2019). */
export const tbxNamespace = 'urn:iso:std:iso:30042:ed-2'

/** Content of an element made of text: any inline elements it may hold. */
export interface TextContent {
  kind: 'text'
  /** Inline elements allowed in the text (empty: text only). */
  inline: ReadonlySet<string>
}

/** Content of an element that holds nothing. */
export interface EmptyContent {
  kind: 'empty'
}

/** One place in a sequence: which elements, how many. */
export interface Slot {
  names: ReadonlySet<string>
  min: number
  max: number
}

/** Content of a structural element: slots in order; text other than white space is not allowed. */
export interface SlotContent {
  kind: 'slots'
  slots: readonly Slot[]
}

/** Rules of one element. */
export interface ElementRule {
  content: TextContent | EmptyContent | SlotContent
  /** Attributes that must be present (`xml:lang` for the XML namespace one). */
  required: readonly string[]
}

/** The element rules of one TBX version. */
export type Structure = ReadonlyMap<string, ElementRule>

const many = Infinity

/**
 * A slot.
 *
 * @param names
 *   Space-separated element names.
 * @param min
 *   Fewest.
 * @param max
 *   Most.
 */
function slot(names: string, min: number, max: number): Slot {
  return {names: new Set(names.split(' ')), min, max}
}

/** Rule of an element made of slots. */
function slots(required: string, ...list: Slot[]): ElementRule {
  return {content: {kind: 'slots', slots: list}, required: required ? required.split(' ') : []}
}

/** Rule of an element made of text with some inline elements. */
function text(required: string, inline: string): ElementRule {
  return {content: {kind: 'text', inline: new Set(inline ? inline.split(' ') : [])}, required: required ? required.split(' ') : []}
}

const empty: ElementRule = {content: {kind: 'empty'}, required: []}

// TBX v3: `entity.auxInfo`, `entity.noteLinkInfo`, `entity.noteText`, `entity.basicText`.
const auxInfo3 = 'admin adminGrp descrip descripGrp note ref transacGrp xref #datcat'
const noteLinkInfo3 = 'admin adminGrp note ref transacGrp xref #datcat'
const noteText3 = 'ec foreign hi ph sc'

/** TBX v3 core structure, namespace `urn:iso:std:iso:30042:ed-2`. */
export const structure3: Structure = new Map<string, ElementRule>([
  ['tbx', slots('type style xml:lang', slot('tbxHeader', 1, 1), slot('text', 1, 1))],
  ['tbxHeader', slots('', slot('fileDesc', 1, 1), slot('encodingDesc', 0, 1), slot('revisionDesc', 0, 1))],
  ['fileDesc', slots('', slot('publicationStmt', 0, 1), slot('titleStmt', 0, 1), slot('sourceDesc', 1, 1))],
  ['publicationStmt', slots('', slot('p', 1, many))],
  ['sourceDesc', slots('', slot('p', 1, many))],
  ['encodingDesc', slots('', slot('p', 1, many))],
  ['revisionDesc', slots('', slot('change', 1, many))],
  ['change', slots('', slot('p', 1, many))],
  ['titleStmt', slots('', slot('title', 1, 1), slot('note', 0, many))],
  ['title', text('', '')],
  ['p', text('', noteText3)],
  ['text', slots('', slot('body', 0, 1), slot('back', 0, 1))],
  ['body', slots('', slot('conceptEntry', 1, many))],
  ['back', slots('', slot('refObjectSec', 0, many))],
  ['refObjectSec', slots('type', slot('refObject', 1, many))],
  ['refObject', slots('', slot('itemSet itemGrp item', 1, many))],
  ['itemSet', slots('', slot('itemGrp item', 1, many))],
  ['itemGrp', slots('', slot('item', 1, 1), slot(noteLinkInfo3, 0, many))],
  ['item', text('', noteText3)],
  ['conceptEntry', slots('id', slot(auxInfo3, 0, many), slot('langSec', 1, many))],
  ['langSec', slots('xml:lang', slot(auxInfo3, 0, many), slot('termSec', 1, many))],
  ['termSec', slots('', slot('term', 1, 1), slot('termNote termNoteGrp #datcat', 0, many), slot(auxInfo3, 0, many))],
  ['term', text('', 'hi')],
  ['termNote', text('type', noteText3)],
  ['termNoteGrp', slots('', slot('termNote #datcat', 1, 1), slot(noteLinkInfo3, 0, many))],
  ['descrip', text('type', noteText3)],
  ['descripGrp', slots('', slot('descrip #datcat', 1, 1), slot('admin adminGrp descripNote note ref transacGrp xref #datcat', 0, many))],
  ['descripNote', text('type', '')],
  ['admin', text('type', noteText3)],
  ['adminGrp', slots('', slot('admin #datcat', 1, 1), slot('adminNote note ref xref #datcat', 0, many))],
  ['adminNote', text('type', '')],
  ['transacGrp', slots('', slot('transac #datcat', 1, 1), slot('date note ref transacNote xref #datcat', 0, many))],
  ['transac', text('type', '')],
  ['transacNote', text('type', '')],
  ['date', text('', '')],
  ['note', text('', noteText3)],
  ['ref', text('type', '')],
  ['xref', text('type target', '')],
  ['foreign', text('', noteText3)],
  ['hi', text('', '')],
  ['ec', empty],
  ['sc', empty],
  ['ph', empty]
])

// TBX v2: `%auxInfo;`, `%noteLinkInfo;`, `%noteText;`.
const auxInfo2 = 'descrip descripGrp admin adminGrp transacGrp note ref xref'
const noteLinkInfo2 = 'admin adminGrp transacGrp note ref xref'
const noteText2 = 'hi foreign bpt ept ph'

/** TBX v2 core structure (`martif`, no namespace). */
export const structure2: Structure = new Map<string, ElementRule>([
  ['martif', slots('type xml:lang', slot('martifHeader', 1, 1), slot('text', 1, 1))],
  ['martifHeader', slots('', slot('fileDesc', 1, 1), slot('encodingDesc', 0, 1), slot('revisionDesc', 0, 1))],
  ['fileDesc', slots('', slot('titleStmt', 0, 1), slot('publicationStmt', 0, 1), slot('sourceDesc', 1, many))],
  ['titleStmt', slots('', slot('title', 1, 1), slot('note', 0, many))],
  ['title', text('', '')],
  ['publicationStmt', slots('', slot('p', 1, many))],
  ['sourceDesc', slots('', slot('p', 1, many))],
  ['encodingDesc', slots('', slot('p', 1, many))],
  ['revisionDesc', slots('', slot('change', 1, many))],
  ['change', slots('', slot('p', 1, many))],
  ['p', text('', noteText2)],
  ['text', slots('', slot('body', 1, 1), slot('back', 0, 1))],
  ['body', slots('', slot('termEntry', 1, many))],
  ['back', slots('', slot('refObjectList', 0, many))],
  ['refObjectList', slots('type', slot('refObject', 1, many))],
  ['refObject', slots('', slot('itemSet itemGrp item', 1, many))],
  ['itemSet', slots('', slot('item itemGrp', 1, many))],
  ['itemGrp', slots('', slot('item', 1, 1), slot(noteLinkInfo2, 0, many))],
  ['item', text('', noteText2)],
  ['termEntry', slots('', slot(auxInfo2, 0, many), slot('langSet', 1, many))],
  ['langSet', slots('xml:lang', slot(auxInfo2, 0, many), slot('tig ntig', 1, many))],
  ['tig', slots('', slot('term', 1, 1), slot('termNote', 0, many), slot(auxInfo2, 0, many))],
  ['ntig', slots('', slot('termGrp', 1, 1), slot(auxInfo2, 0, many))],
  ['termGrp', slots('', slot('term', 1, 1), slot('termNote termNoteGrp', 0, many), slot('termCompList', 0, many))],
  ['termCompList', slots('type', slot(auxInfo2, 0, many), slot('termComp termCompGrp', 1, many))],
  ['termComp', text('', '')],
  ['termCompGrp', slots('', slot('termComp', 1, 1), slot('termNote termNoteGrp', 0, many), slot(noteLinkInfo2, 0, many))],
  ['term', text('', 'hi')],
  ['termNote', text('type', noteText2)],
  ['termNoteGrp', slots('', slot('termNote', 1, 1), slot(noteLinkInfo2, 0, many))],
  ['descrip', text('type', noteText2)],
  ['descripGrp', slots('', slot('descrip', 1, 1), slot('descripNote admin adminGrp transacGrp note ref xref', 0, many))],
  ['descripNote', text('type', '')],
  ['admin', text('type', noteText2)],
  ['adminGrp', slots('', slot('admin', 1, 1), slot('adminNote note ref xref', 0, many))],
  ['adminNote', text('type', '')],
  ['transacGrp', slots('', slot('transac', 1, 1), slot('transacNote date note ref xref', 0, many))],
  ['transac', text('type', '')],
  ['transacNote', text('type', '')],
  ['date', text('', '')],
  ['note', text('', noteText2)],
  ['ref', text('type', '')],
  ['xref', text('target', '')],
  ['foreign', text('', noteText2)],
  ['hi', text('', '')],
  ['bpt', text('', '')],
  ['ept', text('', '')],
  ['ph', text('', '')]
])

/** Rule of a DCT data category element (another namespace): text with inline elements. */
export const datcatRule: ElementRule = text('', noteText3)
