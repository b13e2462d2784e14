/**
 * Double-brace output on one line: Liquid and Jinja output (`{{ page.title }}`,
 * `{{- x -}}`), VitePress/Vue interpolation (`{{ $frontmatter.title }}`).
 *
 * > | Il valore è {{ count }}.
 *                 ^^^^^^^^^^^ one placeholder
 */
import type {SyntaxRule} from '../rule.ts'

/** `{{ … }}`, not a Hugo shortcode or an mdBook directive. */
export const mustache: SyntaxRule = {
  id: 'template-output',
  kind: 'inline',
  pattern: /\{\{(?![<%#])[^\n]*?\}\}/dgm
}
