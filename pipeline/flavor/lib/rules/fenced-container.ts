/**
 * Fenced containers: VitePress and markdown-it-container (`::: tip Titolo`
 * … `:::`, `::: details Titolo {open}`) and Docusaurus admonitions
 * (`:::note[Titolo]`, `:::tip Titolo`, `::::` when nested). The marker line
 * separates blocks; its title is translatable.
 *
 * > | ::: warning Nota
 *     ^^^^^^^^^^^^^^^^ one placeholder (the line), `Nota` a unit of its own
 */
import type {SyntaxRule} from '../rule.ts'

/** `:::name[Title]` (Docusaurus). */
export const bracketContainer: SyntaxRule = {
  id: 'container',
  kind: 'block',
  pattern: /:(?<=^[ \t>]*:):{2,}[ \t]*[A-Za-z][\w-]*\[(?<text>(?:[^\]\n\\]|\\.)*)\](?:\{[^{}\n]*\})?[ \t]*$/dgm,
  text: {kind: 'container-title', syntax: 'line', quote: ']'}
}

/** `::: name Title {attributes}`, or the closing `:::`. */
export const fencedContainer: SyntaxRule = {
  id: 'container',
  kind: 'block',
  pattern: /:(?<=^[ \t>]*:):{2,}[ \t]*(?:[A-Za-z][\w-]*(?:\{[^{}\n]*\})?(?:[ \t]*\{[^{}\n]*\}|[ \t]+(?<text>\S[^\n]*?)(?:[ \t]*\{[^{}\n]*\})?)?)?[ \t]*$/dgm,
  text: {kind: 'container-title', syntax: 'line'}
}
