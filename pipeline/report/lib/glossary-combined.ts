/**
 * Every document's part of the glossary review, in document order, in one
 * value. Takes: the documents in order, each with its part's key
 * (`glossaryPartKey`, none: no store) and how to get its part; the
 * combination the last run kept (or none). Returns: the parts' figures laid
 * end to end in flat arrays (per document its records, per record one
 * concept's count, forms, flagged numbers and rendered counts; per document
 * its diagnostics' placement and HTML), and whether it differs from the one
 * given.
 *
 * A document whose part's key is one the kept combination holds takes its
 * records from there (its part itself is not read); any other gets its part
 * (`glossary-part.ts`, from the store or made) and adds it. A kept
 * combination is read by key only: documents added, removed, moved or edited
 * are new or missing keys, and one that does not add up is not used at all,
 * so the combination is always the parts' own. A one-file edit of a large
 * project reads one combination and one part, not every document's part.
 *
 * ```ts
 * combineParts({keys: ['…'], concepts: ['aukus'], locales: 1, kept: undefined, partOf: () => part}).combined.count // Uint32Array [3]
 * ```
 */
import type {GlossaryPart} from './glossary-part.ts'

/**
 * The parts of every document, in document order, in flat arrays. Each
 * array is its documents' slices laid end to end, and every figure is a
 * length, never an offset: a run of documents is copied from one
 * combination to the next as one slice of each array.
 */
export interface CombinedParts {
  /** Each document's part's key, in document order. */
  keys: string[]
  /** Target locales (each record's rendered counts). */
  locales: number
  /** The concepts records name, by index: the termbase's, in order. */
  concepts: string[]
  /** The folded forms records name, by index. */
  forms: string[]
  /** Per document: its records (one per concept found, in order of its first occurrence). */
  records: Uint32Array
  /** Per document: its diagnostics. */
  diagnostics: Uint32Array
  /** Per record: its concept (index in `concepts`). */
  concept: Uint32Array
  /** Per record: its concept's occurrences in its document. */
  count: Uint32Array
  /** Per record: its forms (in `formIds`). */
  formCount: Uint32Array
  /** The records' forms (indexes in `forms`), each record's in source order. */
  formIds: Uint32Array
  /** Per record: its flagged occurrences (in `flagged`). */
  flaggedCount: Uint32Array
  /** The records' flagged occurrences (numbers in the document). */
  flagged: Uint32Array
  /** Per record, per target locale: the occurrences the locale renders. */
  rendered: Uint32Array
  /** Per diagnostic: 1 when it sits on an occurrence (`GlossaryPart.placed`). */
  placed: Uint8Array
  /** Per diagnostic: its item's HTML (`GlossaryPart.html`). */
  html: string[]
}

/** What {@linkcode combineParts} reads. */
export interface CombineInput {
  /** Each document's part's key, in document order; `undefined`: none (its part is always got). */
  keys: ReadonlyArray<string | undefined>
  /** The concepts of the termbase, in order; a part's record of another is left out. */
  concepts: readonly string[]
  /** Target locales. */
  locales: number
  /** The combination kept by an earlier run, if any (anything: checked before use). */
  kept: unknown
  /** A document's part, by its index. */
  partOf: (index: number) => GlossaryPart
}

/** The arrays of numbers of a combination, each with its length per record or per document. */
const numberArrays = ['records', 'diagnostics', 'concept', 'count', 'formCount', 'formIds', 'flaggedCount', 'flagged', 'rendered', 'placed'] as const

type Numbers = Pick<CombinedParts, (typeof numberArrays)[number]>

/** A piece of the new combination: a run of the kept one's documents, or one document's part. */
type Piece = {from: number; to: number} | {part: Numbers & {html: string[]}}

/**
 * @param input The documents' keys, the concepts, the kept combination, how to get a part.
 * @returns The combination, and whether it differs from the kept one (`changed`: keep it).
 */
export function combineParts(input: CombineInput): {combined: CombinedParts; changed: boolean} {
  const {keys, concepts, locales} = input
  const kept = usable(input.kept, concepts, locales)
  const keptAt = new Map<string, number>()
  kept?.keys.forEach((key, index) => keptAt.set(key, index))
  // The kept forms keep their indexes; a part's new forms are added after them.
  const forms = kept ? [...kept.forms] : []
  let formIndex: Map<string, number> | undefined
  const conceptIndex = new Map(concepts.map((id, index) => [id, index]))

  const pieces: Piece[] = []
  keys.forEach((key, document) => {
    const from = key === undefined ? undefined : keptAt.get(key)
    const last = pieces.at(-1)
    if (from === undefined) pieces.push({part: records(input.partOf(document))})
    else if (last && 'from' in last && last.to === from) last.to++
    else pieces.push({from, to: from + 1})
  })

  const starts = kept && startsOf(kept)
  const slices = pieces.map((piece) => ('part' in piece ? piece.part : slice(kept!, starts!, piece.from, piece.to)))
  const joined = <Name extends keyof Numbers>(name: Name): Numbers[Name] => {
    const array = name === 'placed' ? new Uint8Array(total(slices, name)) : new Uint32Array(total(slices, name))
    let at = 0
    for (const one of slices) {
      array.set(one[name], at)
      at += one[name].length
    }
    return array as Numbers[Name]
  }
  const combined: CombinedParts = {
    keys: keys.map((key) => key ?? ''),
    locales,
    concepts: [...concepts],
    forms,
    records: joined('records'),
    diagnostics: joined('diagnostics'),
    concept: joined('concept'),
    count: joined('count'),
    formCount: joined('formCount'),
    formIds: joined('formIds'),
    flaggedCount: joined('flaggedCount'),
    flagged: joined('flagged'),
    rendered: joined('rendered'),
    placed: joined('placed'),
    html: slices.flatMap((one) => one.html)
  }

  const whole = pieces.length === 1 && 'from' in pieces[0]! && pieces[0].from === 0 && pieces[0].to === kept!.keys.length
  if (whole) return {combined: kept!, changed: false}
  // Forms are only added to the kept ones: the table is made again when they outgrow those named.
  return {combined: kept && forms.length === kept.forms.length ? combined : compacted(combined), changed: keys.length > 0}

  /** A part's concepts as records (those of the termbase), and its diagnostics. */
  function records(part: GlossaryPart): Numbers & {html: string[]} {
    const width = 3 + locales
    const concept: number[] = []
    const count: number[] = []
    const formCount: number[] = []
    const formIds: number[] = []
    const flaggedCount: number[] = []
    const flagged: number[] = []
    const rendered: number[] = []
    let formAt = 0
    let flaggedAt = 0
    part.ids.forEach((id, index) => {
      const at = index * width
      const forms = part.figures[at + 1]!
      const flags = part.figures[at + 2]!
      const known = conceptIndex.get(id)
      if (known !== undefined) {
        concept.push(known)
        count.push(part.figures[at]!)
        formCount.push(forms)
        for (const form of part.forms.slice(formAt, formAt + forms)) formIds.push(intern(form))
        flaggedCount.push(flags)
        flagged.push(...part.flagged.subarray(flaggedAt, flaggedAt + flags))
        rendered.push(...part.figures.subarray(at + 3, at + width))
      }
      formAt += forms
      flaggedAt += flags
    })
    return {
      records: Uint32Array.of(concept.length),
      diagnostics: Uint32Array.of(part.placed.length),
      concept: Uint32Array.from(concept),
      count: Uint32Array.from(count),
      formCount: Uint32Array.from(formCount),
      formIds: Uint32Array.from(formIds),
      flaggedCount: Uint32Array.from(flaggedCount),
      flagged: Uint32Array.from(flagged),
      rendered: Uint32Array.from(rendered),
      placed: part.placed,
      html: part.html
    }
  }

  /** A form's index, added when new. */
  function intern(form: string): number {
    formIndex ??= new Map(forms.map((one, index) => [one, index]))
    let index = formIndex.get(form)
    if (index === undefined) formIndex.set(form, (index = forms.push(form) - 1))
    return index
  }
}

/** Where each document's slices start in a combination's arrays (and where they end, after the last). */
interface Starts {
  records: Uint32Array
  diagnostics: Uint32Array
  forms: Uint32Array
  flagged: Uint32Array
}

function startsOf(combined: CombinedParts): Starts {
  const documents = combined.keys.length
  const starts: Starts = {records: new Uint32Array(documents + 1), diagnostics: new Uint32Array(documents + 1), forms: new Uint32Array(documents + 1), flagged: new Uint32Array(documents + 1)}
  let record = 0
  let forms = 0
  let flagged = 0
  for (let document = 0; document < documents; document++) {
    const end = record + combined.records[document]!
    for (; record < end; record++) {
      forms += combined.formCount[record]!
      flagged += combined.flaggedCount[record]!
    }
    starts.records[document + 1] = end
    starts.diagnostics[document + 1] = starts.diagnostics[document]! + combined.diagnostics[document]!
    starts.forms[document + 1] = forms
    starts.flagged[document + 1] = flagged
  }

  return starts
}

/** The kept combination's documents `from` to `to` (excluded), as slices of its arrays. */
function slice(kept: CombinedParts, starts: Starts, from: number, to: number): Numbers & {html: string[]} {
  const records = [starts.records[from]!, starts.records[to]!] as const
  const diagnostics = [starts.diagnostics[from]!, starts.diagnostics[to]!] as const
  return {
    records: kept.records.subarray(from, to),
    diagnostics: kept.diagnostics.subarray(from, to),
    concept: kept.concept.subarray(...records),
    count: kept.count.subarray(...records),
    formCount: kept.formCount.subarray(...records),
    formIds: kept.formIds.subarray(starts.forms[from]!, starts.forms[to]!),
    flaggedCount: kept.flaggedCount.subarray(...records),
    flagged: kept.flagged.subarray(starts.flagged[from]!, starts.flagged[to]!),
    rendered: kept.rendered.subarray(records[0] * kept.locales, records[1] * kept.locales),
    placed: kept.placed.subarray(...diagnostics),
    html: kept.html.slice(...diagnostics)
  }
}

function total(slices: ReadonlyArray<Numbers>, name: (typeof numberArrays)[number]): number {
  let sum = 0
  for (const one of slices) sum += one[name].length
  return sum
}

/** The combination with the forms no record names left out, when they are more than those named (edits that add forms and take them away again grow the table). */
function compacted(combined: CombinedParts): CombinedParts {
  const named = new Uint8Array(combined.forms.length)
  let used = 0
  for (const form of combined.formIds) if (named[form] === 0) used += named[form] = 1
  if (used * 2 >= combined.forms.length) return combined
  const renumbered = new Uint32Array(combined.forms.length)
  const forms: string[] = []
  combined.forms.forEach((form, index) => {
    if (named[index] === 1) renumbered[index] = forms.push(form) - 1
  })
  return {...combined, forms, formIds: combined.formIds.map((form) => renumbered[form]!)}
}

/** A kept combination when it adds up (its arrays' lengths agree, every index is in range) for these concepts and this many locales; else none. */
function usable(value: unknown, concepts: readonly string[], locales: number): CombinedParts | undefined {
  if (value === null || typeof value !== 'object') return undefined
  const kept = value as Partial<CombinedParts>
  if (kept.locales !== locales || !numberArrays.every((name) => (name === 'placed' ? kept[name] instanceof Uint8Array : kept[name] instanceof Uint32Array))) return undefined
  if (![kept.keys, kept.concepts, kept.forms, kept.html].every((array) => Array.isArray(array))) return undefined
  const whole = kept as CombinedParts
  if (whole.concepts.length !== concepts.length || whole.concepts.some((id, index) => id !== concepts[index])) return undefined
  const documents = whole.keys.length
  const records = whole.concept.length
  const sum = (array: Uint32Array) => array.reduce((total, value) => total + value, 0)
  if (whole.records.length !== documents || whole.diagnostics.length !== documents || sum(whole.records) !== records || sum(whole.diagnostics) !== whole.placed.length || whole.html.length !== whole.placed.length) return undefined
  if (whole.count.length !== records || whole.formCount.length !== records || whole.flaggedCount.length !== records || whole.rendered.length !== records * locales) return undefined
  if (sum(whole.formCount) !== whole.formIds.length || sum(whole.flaggedCount) !== whole.flagged.length) return undefined
  if (!whole.concept.every((index) => index < concepts.length) || !whole.formIds.every((index) => index < whole.forms.length)) return undefined
  return whole
}
