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
  /** Finer kind: `strong`, `emphasis`, `delete`, `link`, `image`, `inlineCode`, `break`, `escape`, `entity`, `html`, `footnote`, `autolink`, `prefix`. */
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
export type BlockSyntax = 'markdown' | 'table-cell' | 'heading' | 'title' | 'yaml-plain' | 'yaml-single' | 'yaml-double'

/** A translatable range of the source file. */
export interface Block {
  /** Node kind it came from: `paragraph`, `heading`, `tableCell`, `title`, `frontmatter:title`, … */
  kind: string
  syntax: BlockSyntax
  range: Range
  /** 1-based line and column of `range.start`. */
  line: number
  column: number
  /** For `title` syntax: the delimiter the title is enclosed in (`"`, `'` or `)`). */
  quote?: string
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

/** Severity of a diagnostic, as in vfile-message: error is fatal, warning is not. */
export type Severity = 'error' | 'warning' | 'info'

/**
 * The one message shape of every stage, after vfile-message. The CLI, `--json`
 * and the reports render these same objects.
 */
export interface Diagnostic {
  /** File the message is about (source, XLIFF or store path), if known. */
  file?: string
  /** 1-based line, if known. */
  line?: number
  /** 1-based column, if known. */
  column?: number
  /** Unit id the message is about. */
  unitId?: string
  /** Segment id the message is about. */
  segmentId?: string
  /** Stable kebab-case rule id, such as `code-missing`. */
  ruleId: string
  /** The stage that emitted it: `markdown`, `xliff`, `import`, `build`, `config`, … */
  source: string
  severity: Severity
  message: string
  actual?: string
  expected?: string
  /**
   * A suggested edit of the file the message is about: replace the UTF-16
   * code units `start` to `end` (offsets into the text as read, a BOM
   * included) with `replacement`. `safe` marks a fix that may be applied
   * without review (`babele lint --fix` applies only those, and says so).
   */
  fix?: {start: number; end: number; replacement: string; safe: boolean}
}

/** Per-key translation state, kept beside a bundle, not inside its values. */
export interface KeyState {
  state: 'initial' | 'translated' | 'reviewed' | 'final'
  origin: 'human' | 'memory' | 'machine' | 'source'
  /** Hash of the source value the translation was made from. */
  sourceHash: string
}

/** An i18next resource bundle for one namespace: flat keys to values. */
export type Bundle = Record<string, string>

/** Per-key state of one bundle. */
export type StateFile = Record<string, KeyState>
