/**
 * MDX syntax (Docusaurus, react.dev): comments used as heading ids
 * (`{/*id*\/}`) or notes, JavaScript expressions (`{props.name}`), and
 * top-level `import`/`export` statements. In MDX a brace is never text.
 *
 * > | ## Ritornare JSX {/*conditionally-returning-jsx*\/}
 *                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ one placeholder
 */
import type {SyntaxRule} from '../rule.ts'

/** `{/* … *\/}`, on one line or several. */
export const mdxComment: SyntaxRule = {
  id: 'mdx-comment',
  kind: 'block',
  pattern: /\{[ \t]*\/\*[\s\S]*?\*\/[ \t]*\}/dgm,
  blankLines: true
}

/** `{expression}` on one line, one level of nested braces (`{{a: 1}}`). */
export const mdxExpression: SyntaxRule = {
  id: 'mdx-expression',
  kind: 'inline',
  pattern: /\{(?:[^{}\n]|\{[^{}\n]*\})*\}/dgm
}

/** `import … from '…'` and `export …` at the start of a top-level paragraph, up to its end. */
export const esm: SyntaxRule = {
  id: 'esm',
  kind: 'block',
  pattern: /^(?:import|export)[ \t{][^\n]*(?:\n(?![ \t]*(?:\n|$))[^\n]*)*/dgm
}
