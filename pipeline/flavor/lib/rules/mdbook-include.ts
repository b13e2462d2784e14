/**
 * mdBook preprocessor directives: `{{#include file.rs:2:10}}`,
 * `{{#rustdoc_include …}}`, `{{#playground …}}`, `{{#title …}}`.
 *
 * > | {{#include ../listings/ch01/main.rs}}
 *     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ one placeholder
 */
import type {SyntaxRule} from '../rule.ts'

/** `{{#name …}}`. */
export const mdbookInclude: SyntaxRule = {
  id: 'include',
  kind: 'block',
  pattern: /\{\{#[A-Za-z_][\w-]*[^\n]*?\}\}/dgm
}
