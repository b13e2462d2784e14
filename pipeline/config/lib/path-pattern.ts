/**
 * Path patterns: where a project's sources are and where each locale's
 * documents go, as a path with `{locale}` and `{path}` placeholders. Takes:
 * a pattern string. Returns: its parts (`head` before `{path}`, `tail`
 * after it), or a problem worded for a config message.
 *
 * > | i18n/{locale}/docusaurus-plugin-content-docs/current/{path}
 * >   ^ head                                             ^ {path}: `guide/intro.md`
 * > | content/{path}.{locale}.md
 * >           ^ {path}: `about` ^ tail: `.en.md`
 *
 * `{path}` stands for a document's path below `head`; it starts a path
 * segment and takes the file's extension unless a `tail` follows it, which
 * then names the extension itself (`.md`, `.markdown`), so a locale can sit
 * in a file name (Hugo, MkDocs suffixes).
 */

/** A parsed path pattern. */
export interface PathPattern {
  /** Everything before `{path}`: empty or ending in `/`; may hold `{locale}`. */
  head: string
  /** Everything after `{path}`: empty, or a file-name ending with a Markdown extension; may hold `{locale}`. */
  tail: string
}

/** Markdown file extensions babele reads. */
export const markdownExtension = /\.(?:md|markdown)$/i

/**
 * Parse and check a path pattern.
 *
 * @param pattern The pattern, relative to the project root, `/` separated.
 * @param target Whether it says where targets go (then `{locale}` is required).
 * @returns The parts, or a problem (for a config message).
 */
export function parsePathPattern(pattern: string, target: boolean): {value?: PathPattern; problem?: string} {
  const unknown = /\{(?!locale\}|path\})[^}]*\}?/.exec(pattern)
  if (unknown) return {problem: `unknown placeholder \`${unknown[0]}\`; a pattern has \`{path}\` and \`{locale}\``}
  const parts = pattern.split('{path}')
  if (parts.length !== 2) return {problem: 'expected `{path}` exactly once, e.g. `docs/{path}`'}
  const [head, tail] = parts as [string, string]
  if (pattern.startsWith('/') || /^[A-Za-z]:/.test(pattern) || pattern.includes('\\')) return {problem: 'expected a path relative to the config file, with `/` separators'}
  if (pattern.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')) return {problem: 'expected no `.`, `..` or empty segments'}
  if (head !== '' && !head.endsWith('/')) return {problem: '`{path}` must start a path segment (after `/` or at the start)'}
  if (tail.includes('/')) return {problem: '`{path}` must be in the last segment'}
  if (tail !== '' && !markdownExtension.test(tail)) return {problem: 'what follows `{path}` must end with `.md` or `.markdown`, e.g. `{path}.{locale}.md`'}
  if (target && !pattern.includes('{locale}')) return {problem: 'expected `{locale}`, so each target locale has its own files, e.g. `dist/{locale}/{path}`'}
  return {value: {head, tail}}
}

/** A pattern part with `{locale}` filled in. */
export function withLocale(part: string, locale: string): string {
  return part.replaceAll('{locale}', locale)
}
