/**
 * Emoji and icon shortcodes (markdown-it-emoji in VitePress, pymdownx.emoji
 * in MkDocs Material): `:tada:`, `:material-account-circle:`.
 *
 * > | Fatto :tada:
 *           ^^^^^^ one placeholder
 */
import type {SyntaxRule} from '../rule.ts'

/** `:name:` with a letter in it, not inside a word or a run of colons. */
export const emoji: SyntaxRule = {
  id: 'emoji',
  kind: 'inline',
  pattern: /(?<![\w:]):[a-z\d_+-]*[a-z][a-z\d_+-]*:(?![\w:])/dgm
}
