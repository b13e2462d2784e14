/**
 * Attribute lists: heading ids and classes (`{#id}`, `{#id .class key=value}`)
 * of VitePress, Docusaurus, Hugo, Pandoc, mdBook and MkDocs `attr_list`, and
 * kramdown's inline attribute lists (`{: .class}`, `{:toc}`, `{-}`).
 *
 * > | ## Slot con nome {#named-slots}
 *                      ^^^^^^^^^^^^^^ one placeholder
 */
import type {SyntaxRule} from '../rule.ts'

const value = String.raw`(?:"[^"\n]*"|'[^'\n]*'|[^\s{}"']+)`
const item = String.raw`(?:[#.][^\s{}#.="']+|[A-Za-z_:][\w:.-]*(?:=${value})?)`

/** `{#id .class key=value}`, starting with an id, a class or a key=value; kramdown's `{:…}`; `{-}`. */
export const attributeList: SyntaxRule = {
  id: 'attribute-list',
  kind: 'inline',
  pattern: new RegExp(String.raw`\{(?=[ \t]*[#.]|[ \t]*[A-Za-z_][\w-]*=|:)(?::|[ \t])*${item}(?:[ \t]+${item})*[ \t]*\}|\{-\}`, 'gmd')
}
