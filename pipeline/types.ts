/**
 * The unit model every stage shares: source ranges, inline codes, segments,
 * units and the one diagnostic shape. Types only, no behaviour.
 */

/** A half-open range of UTF-16 offsets into the (BOM-less) source text. */
export interface Range {
  /** Offset of the first code unit. */
  start: number
  /** Offset just past the last code unit. */
  end: number
}

/**
 * What an inline code stands for, so a CAT tool can show a meaningful tag
 * (XLIFF 2 `type`/`subType`; XLIFF 1.2 `ctype`).
 */
export type CodeType = 'fmt' | 'link' | 'image' | 'code' | 'break' | 'escape' | 'html' | 'ui' | 'other'

/**
 * Markdown syntax inside a block, shown to translators as a movable tag.
 * A paired code (`pc`) has an opening and a closing side around translatable
 * content; a placeholder (`ph`) is one opaque piece. The original bytes are
 * never copied into the code: they are the source ranges, so rendering can
 * substitute nested blocks (a link title is a unit of its own).
 */
export interface InlineCode {
  /** Unit-unique id, `1`, `2`, … in order of appearance. */
  id: string
  kind: 'pc' | 'ph'
  type: CodeType
  /**
   * Finer kind: `strong`, `emphasis`, `delete`, `link`, `image`,
   * `inlineCode`, `break`, `escape`, `entity`, `html`, `footnote`,
   * `autolink`, `alert`; or the id of the flavour rule that found it
   * (`attribute-list`, `container`, `liquid-tag`, `shortcode`, …).
   */
  subType: string
  /** Source range of the opening side (pc) or of the whole placeholder (ph). */
  open: Range
  /** Source range of the closing side (pc only). */
  close?: Range
  /**
   * The label of a shortcut or collapsed reference (`[label]`, `[label][]`),
   * as written. Its text is also its label, so once the text is translated the
   * reference must be written in full: `[translated][label]`.
   */
  referenceLabel?: string
  /** A short display text for CAT tools (`disp`), such as the character an escape stands for. */
  display?: string
  /** Equivalent plain text (`equiv`), used when the code is read as text (QA, MT). */
  equiv?: string
}

/**
 * One piece of a block's content, in source order. Text tokens hold the
 * translatable text as a translator sees it (container prefixes removed,
 * soft line breaks as `\n`); their range is where it came from. A soft
 * break's range covers the spaces before the line ending, the line ending
 * and the next line's own prefix (`> `, list indentation, or none on a lazy
 * line), so every line of a block keeps its prefix.
 */
export type Token =
  | {type: 'text'; value: string; range: Range}
  | {type: 'open'; code: InlineCode}
  | {type: 'close'; code: InlineCode}
  | {type: 'ph'; code: InlineCode}

/** How changed text must be escaped when it is written back into the source. */
export type BlockSyntax = 'markdown' | 'table-cell' | 'heading' | 'title' | 'line' | 'attribute' | 'yaml-plain' | 'yaml-single' | 'yaml-double' | 'yaml-literal' | 'yaml-folded'

/**
 * Where a front-matter scalar sits, so that changed text is written back as
 * YAML that stays valid and means that text (`yaml-*` syntaxes).
 */
export interface YamlScalarContext {
  /** Whether the scalar is inside a flow collection (`[…]`, `{…}`), where `,`, `[`, `]`, `{`, `}` end a plain scalar. */
  flow: boolean
  /** Block scalars: the header line as written, from its indicator (`>-`, `|2`, `| # nota`). */
  header?: string
  /** Block scalars: the indentation of the content lines, in spaces. */
  indent?: number
  /** Block scalars: the line ending of their lines in the source (`\n`, `\r\n`). */
  lineEnding?: string
  /** Block scalars: line breaks the value starts with (empty lines before the text), outside the unit's text. */
  leading?: string
  /** Block scalars: what the value ends with after the unit's text (the final line breaks that chomping keeps, trailing spaces). */
  trailing?: string
}

/** A translatable range of the source file. */
export interface Block {
  /** Node kind it came from: `paragraph`, `heading`, `tableCell`, `title`, or `frontmatter:` and the key path of a front-matter field (`frontmatter:title`, `frontmatter:hero.actions[0].text`). */
  kind: string
  syntax: BlockSyntax
  range: Range
  /** 1-based line and column of `range.start`. */
  line: number
  column: number
  /**
   * For `title` syntax: the delimiter the title is enclosed in (`"`, `'` or
   * `)`); for `line` and `attribute` (parts of flavour syntax): the
   * character that would end the part (`]`, `"`), if any.
   */
  quote?: string
  /** For `yaml-*` syntax: where the scalar sits. */
  yaml?: YamlScalarContext
  tokens: Token[]
  /** Blocks whose range lies inside one of this block's codes (link and image titles). */
  children: Block[]
}

/**
 * A segment: one sentence of a unit. Its `key` is the locale-store key, a
 * hash of its normalized source, shared by every repetition of the sentence.
 */
export interface Segment {
  /** Locale-store key, stable under edits elsewhere. */
  key: string
  /** Segment id inside its unit (the key, with `-2`, `-3` for repeats in the same unit). */
  id: string
  range: Range
  tokens: SegmentToken[]
  /** Bundle form of the source: text with numbered tags, `<1>…</1>`, `<2/>`. */
  value: string
}

/**
 * A token inside one segment. A paired code whose sides fall in different
 * segments becomes `start`/`end` (XLIFF 2 `<sc>`/`<ec>`).
 */
export type SegmentToken =
  | {type: 'text'; value: string; range: Range}
  | {type: 'open' | 'close' | 'ph' | 'start' | 'end'; code: InlineCode}

/**
 * A token of a translation: text, or a reference to one of the source
 * segment's codes (a translator may move codes, never change their bytes).
 */
export type TargetToken = {type: 'text'; value: string} | {type: 'open' | 'close' | 'ph' | 'start' | 'end'; code: InlineCode}

/** Whitespace between segments (XLIFF 2 `<ignorable>`), kept byte for byte. */
export interface Ignorable {
  range: Range
  value: string
}

/** One unit (XLIFF `<unit>`) per block. */
export interface Unit {
  /** Stable id: hash of the block's normalized source plus an occurrence counter. */
  id: string
  block: Block
  /** Segments and ignorables in source order. */
  parts: Array<{type: 'segment'; segment: Segment} | {type: 'ignorable'; ignorable: Ignorable}>
  codes: InlineCode[]
}

/** A source document split into units, with everything needed to rebuild it. */
export interface SourceDocument {
  /** Document id: the source path relative to the locale folder, without `.md` (`putin-xi-alleanza`). */
  id: string
  /** The source path relative to the locale folder (`putin-xi-alleanza.md`). */
  path: string
  /** The full source text as read (BOM included). */
  text: string
  /** Whether the file starts with a BOM (U+FEFF). Offsets are counted after it. */
  bom: boolean
  /** The text the offsets refer to: `text` without its BOM. */
  body: string
  units: Unit[]
  /** Top-level blocks in source order (the skeleton is the body with these replaced). */
  blocks: Block[]
  /** Whether the document defines link references or footnotes. */
  definitions: boolean
}

/**
 * A glossary term found in a segment's source, with what the termbase asks
 * of its translation. Offsets count the segment's plain text: its text
 * tokens' values in order, each code one U+FFFC (`textOfTokens`), so a lock
 * never spans a code and exchange-file writers can wrap it in a marker.
 */
export interface TermLock {
  /** Offset of the term's first code unit in the segment's plain text. */
  start: number
  /** Offset just past its last code unit. */
  end: number
  conceptId: string
  /** Id of the source term matched. */
  termId: string
  /** The source term as written in the termbase (`Cremlino`; `AKUS` for a deprecated variant). */
  term: string
  /** The term is kept verbatim in every target (XLIFF `translate="no"`, 1.2 `mtype="protected"`). */
  doNotTranslate: boolean
  /** Target terms a translation may use, preferred first (the source term itself when do-not-translate). */
  translations: string[]
  /** Target terms a translation must not use (deprecated or forbidden). */
  avoid: string[]
  /** A name or do-not-translate term: a translation without it is an error, not a warning. */
  locked: boolean
  /** Definition of the concept, if the termbase has one. */
  definition?: string
  /**
   * A string every translation must contain, when the termbase makes one
   * exact: a do-not-translate term, or a locked term with a single approved
   * translation that inflection only extends (XLIFF 2 `val:rule isPresent`).
   */
  mustContain?: {text: string; caseSensitive: boolean}
}

/** Severity of a diagnostic, as in vfile-message: error is fatal, warning is not, info is a note. */
export type Severity = 'error' | 'warning' | 'info'

/** A place in a file: 1-based line and column, and the UTF-16 offset into the text as read when known. */
export interface Point {
  /** 1-based line. */
  line: number
  /** 1-based column, in UTF-16 code units. */
  column: number
  /** Offset into the text as read (a BOM included), if known. */
  offset?: number
}

/** Where a diagnostic is: a point, or a range of two points (as vfile-message's `place`). */
export type Place = Point | {start: Point; end: Point}

/**
 * The one message shape of every stage, after vfile-message. The CLI,
 * `--json` and the reports render these same objects; build them with
 * `diagnostic()` (`pipeline/diagnostic.ts`), which keeps the field order and
 * sets `url`. Logic branches on `ruleId` and `severity`, never on `message`.
 */
export interface Diagnostic {
  /** File the message is about (source, XLIFF, store or config path), if known. */
  file?: string
  /** Where in the file, if known: a point or a range. */
  place?: Place
  /** Unit id the message is about. */
  unitId?: string
  /** Segment id the message is about. */
  segmentId?: string
  /** Glossary concept a term finding is about (term rules, `term-deprecated`, `term-near-miss`). */
  conceptId?: string
  /** Stable kebab-case rule id, such as `code-missing`. */
  ruleId: string
  /** The stage that emitted it: `markdown`, `xliff`, `import`, `qa`, `build`, `config`, … */
  source: string
  severity: Severity
  /** What is wrong, for people. */
  message: string
  /** What was expected: one value, or the alternatives that would do. */
  expected?: string[]
  /** What was found instead. */
  actual?: string[]
  /**
   * A suggested edit of the file the message is about: replace the UTF-16
   * code units `start` to `end` (offsets into the text as read, a BOM
   * included) with `replacement`. `safe` marks a fix that may be applied
   * without review (`babele lint --fix` applies only those, and says so).
   */
  fix?: {start: number; end: number; replacement: string; safe: boolean}
  /** The rule's documentation: the README's rule table, at the rule id's anchor. */
  url: string
}

/**
 * A translation read against its source segment (or unit): its tokens, and
 * the tags in it that named no code of the source, which are left out of the
 * tokens (the QA rule `code-extra` reports them).
 */
export interface Target {
  tokens: TargetToken[]
  stray: StrayTag[]
}

/** A tag of a translation that names no code of its source, or names one in a role the source does not give it. */
export interface StrayTag {
  /** The tag as written: `<7>`, `<1/>`, `<ph id="9">`. */
  tag: string
  /** How the source writes the code the tag names, when it names one in another role (`` `<1>…</1>` ``). */
  sourceForm?: string
}

/** Segments and words (the analysis's and the coverage's unit of count). */
export interface Count {
  segments: number
  words: number
}

/** Who made a translation: a person, the translation memory, or a machine-translation engine. */
export type Origin = 'human' | 'memory' | 'machine'

/**
 * Per-key translation state, kept beside a bundle, not inside its values.
 * Every field but `state`, `origin` and `sourceHash` is optional, so state
 * files written before memory and machine translation existed still load.
 */
export interface KeyState {
  state: 'initial' | 'translated' | 'reviewed' | 'final'
  /** Who made it (`source`: a copy of the source, from older state files). */
  origin: Origin | 'source'
  /** Hash of the source value the translation was made from. */
  sourceHash: string
  /**
   * The source value (bundle form) the translation was made from, so the pair
   * stays in the translation memory after the source sentence changes.
   */
  source?: string
  /**
   * The segment's neighbours when it was translated (`contextOf`): a later
   * segment with the same source and the same neighbours is a context match.
   */
  context?: string
  /** Match score of a translation taken from memory: 101 context, 100 exact, 75–99 fuzzy. */
  score?: number
  /** Engine of a machine translation (`apertium`, …). */
  engine?: string
  /**
   * Words the engine marked in a machine translation (unknown `*word`,
   * generation `#word` and transfer `@word` errors), marks removed, as often
   * as marked: kept as written in the draft, listed by the analysis as
   * candidates for the glossary or a translator.
   */
  unknown?: string[]
}

/**
 * How a candidate translation matches its segment, best first: `context`
 * (101%: same source, same neighbouring segments), `exact` (100%: same
 * source), `fuzzy` (a similar source, scored), `machine` (an engine's).
 */
export type MatchType = 'context' | 'exact' | 'fuzzy' | 'machine'

/**
 * A piece of memory text: text, or an inline code with its native bytes
 * (`**`, `[`, `](url)`), independent of any document. `id` pairs an opening
 * and a closing code and links a target's code to the source's; `data` is
 * `''` when the bytes are unknown (a TMX code without content, a stored pair
 * whose source no longer exists).
 */
export type MemoryToken = {type: 'text'; value: string} | {type: 'open' | 'close' | 'ph' | 'start' | 'end'; id: string; data: string; subType?: string}

/** Where a candidate comes from. */
export type CandidateFrom =
  /** A stored translation: the bundle file, its document id and key. */
  | {kind: 'store'; file: string; document: string; key: string}
  /** A TMX file given as memory, and the line of its `<tu>`. */
  | {kind: 'tmx'; file: string; line: number; tuid?: string}
  /** An XLIFF file given as memory: its unit and segment. */
  | {kind: 'xliff'; file: string; line: number; unitId: string; segmentId?: string}
  /** A machine-translation engine. */
  | {kind: 'engine'; engine: string}

/** One candidate translation of a segment, as the leverage stage finds it. */
export interface Candidate {
  match: MatchType
  /** `tm` for a memory match (whatever made the stored pair), `mt` for an engine's translation. */
  type: 'tm' | 'mt'
  /** Similarity: 101 context, 100 exact, the fuzzy score; absent for machine translation. */
  score?: number
  /** Who made the pair: `human`, `memory` or `machine`. */
  origin: Origin
  from: CandidateFrom
  /** Engine of a machine translation (an engine's, or a stored machine translation's). */
  engine?: string
  /** The memory's source (the segment's own for machine translation). */
  source: MemoryToken[]
  /** The memory's target, codes as the memory has them. */
  target: MemoryToken[]
  /**
   * The target on the segment's own codes, when every code maps and none is
   * missing: only such a candidate can pre-fill a target.
   */
  tokens?: TargetToken[]
  /** Bundle form of `tokens`. */
  value?: string
  /** State of the stored pair, when it comes from a store. */
  state?: KeyState['state']
  /** The segment's own stored translation (same document, same key): not a match but the translation itself. */
  own?: boolean
}

/** An i18next resource bundle for one namespace: flat keys to values. */
export type Bundle = Record<string, string>

/** Per-key state of one bundle. */
export type StateFile = Record<string, KeyState>
