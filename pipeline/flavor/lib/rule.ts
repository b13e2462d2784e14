/**
 * The shape of a flavour syntax rule and of what it finds. Types only.
 *
 * A rule is data: a pattern and how its matches sit in a document. Matches
 * become placeholder codes (`<ph>`), never translatable text; a named group
 * `text` inside a match (a container's title, `alt-text="…"`) stays
 * translatable, as a unit of its own.
 */
import type {Range} from '../../types.ts'

/**
 * How a match sits in a document.
 *
 * - `inline`: a placeholder code wherever it is (`{#id}`, `{{ msg }}`).
 * - `block`: a placeholder code; a line holding nothing else (besides its
 *   container prefix) separates the blocks around it (`{% if x %}`, `:::`).
 * - `indented`: a line that separates blocks and opens a body made of the
 *   following lines indented by four more columns, which is Markdown
 *   (`!!! note "Titolo"`). Each body line keeps its indentation as its prefix.
 */
export type SyntaxKind = 'inline' | 'block' | 'indented'

/** How the translatable part of a match is written back. */
export interface TextSyntax {
  /** Block kind of the part's unit (`container-title`, `alt-text`). */
  kind: string
  /**
   * `line`: one line of inline Markdown (a container title, escaped as such);
   * `attribute`: a quoted value, written as is but for its quote.
   */
  syntax: 'line' | 'attribute'
  /**
   * The character that would end the part: `]` for a bracketed title, `"`
   * for an attribute value that cannot hold one (written `&quot;`).
   */
  quote?: string
}

/** A flavour syntax rule. */
export interface SyntaxRule {
  /** Stable kebab-case id, also the `subType` of the codes it makes (`attribute-list`). */
  id: string
  kind: SyntaxKind
  /**
   * What it matches, with flags `g`, `m` and `d` (added when missing). A
   * match holding a blank line is refused unless `blankLines` is set. A
   * named group `text` is the translatable part of the match.
   */
  pattern: RegExp
  /** How the `text` group is written back (required when the pattern has one). */
  text?: TextSyntax
  /**
   * Whether a match may hold blank lines: a region such as
   * `{% highlight %}…{% endhighlight %}`, which must then cover whole lines.
   */
  blankLines?: boolean
}

/** A match of a rule in a document. */
export interface SyntaxMatch {
  /** The rule's id. */
  rule: string
  kind: SyntaxKind
  range: Range
  /** The translatable part, if the match has one with a letter or digit in it. */
  text?: TextSyntax & {range: Range}
}
