/**
 * Indented containers of MkDocs Material: admonitions (`!!! note "Titolo"`,
 * collapsible `??? note`, `???+ note`) and content tabs (`=== "Scheda"`).
 * Their body is the following lines indented by four columns, which
 * CommonMark alone would read as an indented code block; here it is Markdown,
 * each line keeping its indentation as its prefix.
 *
 * > | !!! warning "Comportamento dopo None"
 *     ^^^^^^^^^^^^ the marker, `Comportamento dopo None` a unit of its own
 * > |     Una volta che `next()` restituisce `None`…
 *         ^ a paragraph, prefix `    `
 */
import type {SyntaxRule} from '../rule.ts'

/** `!!! type "Title"`, `??? type`, `???+ type inline end "Title"`. */
export const admonition: SyntaxRule = {
  id: 'admonition',
  kind: 'indented',
  pattern: /(?:!(?<=^[ \t>]*!)!!|\?(?<=^[ \t>]*\?)\?\?\+?)[ \t]*[\w-]+(?:[ \t]+[\w-]+)*(?:[ \t]+"(?<text>[^\n]*)")?[ \t]*$/dgm,
  text: {kind: 'admonition-title', syntax: 'attribute'}
}

/** `=== "Tab title"` (pymdownx.tabbed), `===+` for the selected tab. */
export const contentTab: SyntaxRule = {
  id: 'content-tab',
  kind: 'indented',
  pattern: /=(?<=^[ \t>]*=)==!?\+?[ \t]+"(?<text>[^\n]*)"[ \t]*$/dgm,
  text: {kind: 'tab-title', syntax: 'attribute'}
}
