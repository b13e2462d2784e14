/**
 * File inclusions and generated content written as a line of text:
 * VitePress code snippets (`<<< @/snippets/a.js{2}`) and table of contents
 * (`[[toc]]`), MkDocs snippets (`--8<-- "file.md"`) and `[TOC]`, kramdown's
 * table of contents (`* TOC` + `{:toc}`) and extensions
 * (`{::comment}…{:/comment}`, `{::options … /}`), abbreviation definitions
 * (`*[HTML]: …`, whose expansion is text).
 *
 * > | <<< @/snippets/snippet.js{2}
 *     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ one placeholder, on a line of its own
 */
import type {SyntaxRule} from '../rule.ts'

/** `<<< @/path` alone on its line. */
export const vitepressSnippet: SyntaxRule = {
  id: 'snippet',
  kind: 'block',
  pattern: /<(?<=^[ \t>]*<)<<[ \t]+\S[^\n]*$/dgm
}

/** `[[toc]]` (VitePress), `[TOC]` alone on its line (Python-Markdown). */
export const tableOfContents: SyntaxRule = {
  id: 'toc',
  kind: 'block',
  pattern: /\[\[toc\]\]|\[(?<=^[ \t>]*\[)TOC\](?=[ \t]*$)/dgm
}

/** kramdown's `* TOC` list item with its `{:toc}` attribute list on the next line. */
export const kramdownToc: SyntaxRule = {
  id: 'toc',
  kind: 'block',
  pattern: /^[ \t]*(?:[*+-]|1\.)[ \t]+TOC[ \t]*\r?\n[ \t]*\{:[ \t]*toc[ \t]*\}/dgm
}

/** The `*[ABBR]:` head of an abbreviation definition (Python-Markdown, kramdown, PHP Markdown Extra). */
export const abbreviation: SyntaxRule = {
  id: 'abbreviation',
  kind: 'inline',
  pattern: /^\*\[[^\]\n]+\]:/dgm
}

/** `--8<-- "file"` alone on its line. */
export const mkdocsSnippet: SyntaxRule = {
  id: 'snippet',
  kind: 'block',
  pattern: /(?:;(?<=^[ \t>]*;)-+|-(?<=^[ \t>]*-)-*)8<-+[ \t]*(?:"[^"\n]*"|'[^'\n]*')?[ \t]*$/dgm
}

/** `++ctrl+alt+del++` (pymdownx.keys). */
export const keys: SyntaxRule = {
  id: 'keys',
  kind: 'inline',
  pattern: /\+\+[\w-]+(?:\+[\w-]+)*\+\+/dgm
}

/** `{::name}…{:/name}` regions and `{::name … /}` (kramdown). */
export const kramdownExtension: SyntaxRule = {
  id: 'kramdown-extension',
  kind: 'block',
  pattern: /\{::(\w+)[^{}\n]*\/\}|\{::(\w+)[^{}\n]*\}[\s\S]*?\{:\/(?:\2)?\}/dgm,
  blankLines: true
}
