/**
 * The shapes site detection works on, and the helpers every detector
 * shares. Takes: a site as a file listing plus the contents of the few
 * files detectors read. Returns: Markdown files under a folder, locale
 * folders, values read from config files.
 */
import {posix} from 'node:path'
import {parse as parseToml} from 'smol-toml'
import {parse as parseYaml} from 'yaml'
import {markdownExtension} from '../../config/index.ts'

/** A documentation site as detection sees it: no disk, only values. */
export interface Site {
  /** Every file of the site, relative to its root, `/` separated (`.git` and `node_modules` left out). */
  files: readonly string[]
  /** Contents of the files detectors asked for (`siteFiles`), by path. */
  contents: ReadonlyMap<string, string>
}

/** One choice detection made, and what gave it away. */
export interface Finding {
  /** The config field it sets (`flavor`, `sourceLocale`, `targetLocales`, `sourcePattern`, `targetPattern`, `exclude`, `frontmatterKeys`). */
  field: string
  /** The value chosen. */
  value: unknown
  /** The file that gave it away, when one did. */
  file?: string
  /** Why, in a few words (`i18n.defaultLocale`, `docs/en/ holds translations`). */
  reason: string
}

/** A value with the finding that explains it. */
export interface Found<T> {
  value: T
  file?: string
  reason: string
}

/** What a detector found in a site of its flavour; each part optional but `layout`. */
export interface Detection {
  /** The file that shows the site is of this flavour (none for a plain folder of Markdown). */
  file?: string
  /** Source locale, when the site declares it. */
  sourceLocale?: Found<string>
  /** Target locales, when the site declares or already has them. */
  targetLocales?: Found<string[]>
  /** Where sources are and where translations go; `reason` says why for the sources, `targetReason` for the translations (default: the same). */
  layout: Found<{sourcePattern: string; targetPattern: string}> & {targetReason?: string}
  /** Files or folders that are never sources, beyond babele's own rules. */
  exclude?: Found<string[]>
  /** Front-matter fields this flavour's pages translate, beyond `title` and `description`. */
  frontmatterKeys?: Found<string[]>
  /** Things worth saying that set no field (Markdown left out, a layout babele cannot mirror). */
  notes: Array<{file?: string; message: string}>
}

/** What every detector is given besides the site. */
export interface DetectContext {
  site: Site
  /** The source locale asked for (`--source-locale`), if any. */
  sourceLocale?: string
}

/**
 * A site flavour's detector: its config files, and what it makes of them.
 * Each lives in its own file, with a sample site in its header.
 */
export interface Detector {
  /** The flavour (a `flavor` config value). */
  flavor: string
  /** The flavour's config files, by site-relative path; their contents are read. */
  configFiles: RegExp
  /**
   * The detection, or `undefined` when the site is not of this flavour.
   * `files` are the site's config files of this flavour, shallowest first
   * (a site's own config, not one in an example folder); never empty.
   */
  detect: (context: DetectContext, files: readonly string[]) => Detection | undefined
}

/** The Markdown files under a folder (`''` for the root), as listed. */
export function markdownUnder(site: Site, folder: string): string[] {
  const prefix = folder === '' ? '' : `${folder}/`
  return site.files.filter((file) => file.startsWith(prefix) && markdownExtension.test(file))
}

const languages = new Intl.DisplayNames(['en'], {type: 'language', fallback: 'none'})

/**
 * Whether a folder or file-name part names a locale: a two-letter language
 * code, optionally with script or region (`it`, `pt-BR`, `zh-Hans`), that
 * ICU knows. Three-letter codes are left out: `src`, `bin`, `new` and `man`
 * are languages too, and folder names far more often.
 */
function isLocaleName(name: string): boolean {
  return /^[a-z]{2}(?:-[A-Za-z]{4})?(?:-(?:[A-Z]{2}|[a-z]{2}|\d{3}))?$/.test(name) && languages.of(name) !== undefined
}

/** The folders right under `folder` named as locales and holding Markdown, sorted. */
export function localeFolders(site: Site, folder: string): string[] {
  const prefix = folder === '' ? '' : `${folder}/`
  const names = new Set<string>()
  for (const file of markdownUnder(site, folder)) {
    const rest = file.slice(prefix.length)
    const slash = rest.indexOf('/')
    if (slash > 0 && isLocaleName(rest.slice(0, slash))) names.add(rest.slice(0, slash))
  }
  return [...names].sort()
}

/** The locales Markdown files under a folder carry in their names (`about.en.md` → `en`), sorted. */
export function suffixLocales(site: Site, folder: string): string[] {
  const names = new Set<string>()
  for (const file of markdownUnder(site, folder)) {
    const match = /\.([^./]+)\.(?:md|markdown)$/i.exec(file)
    if (match && isLocaleName(match[1]!)) names.add(match[1]!)
  }
  return [...names].sort()
}

/** The site's files a pattern matches, shallowest first. */
export function shallowFirst(files: readonly string[], pattern: RegExp): string[] {
  return files.filter((path) => pattern.test(path)).sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1))
}

/** The folder a site file is in (`''` for the root). */
export function folderOf(file: string): string {
  const folder = posix.dirname(file)
  return folder === '.' ? '' : folder
}

/** A site-relative folder: `path` (relative, `./` and `../` allowed) from `base`, normalized, `''` for the root, no final `/`. */
export function within(base: string, path: string): string {
  return posix.normalize(posix.join(base, path)).replace(/^\.$/, '').replace(/\/$/, '')
}

/** A YAML, TOML or JSON config file read as a plain object (by its extension); `undefined` when it does not parse. */
export function readSettings(site: Site, path: string): Record<string, unknown> | undefined {
  const text = site.contents.get(path)
  if (text === undefined) return undefined
  try {
    const value: unknown = /\.toml$/i.test(path) ? parseToml(text) : /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text, {logLevel: 'silent'})
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/**
 * Exclude entries without repeats and without an entry another one already
 * covers: `vendor/bundle` and `_site/**` go when `vendor` and `_site` are there.
 */
export function tidyExcludes(entries: readonly string[]): string[] {
  const unique = [...new Set(entries)]
  const folders = unique.filter((entry) => !/[*?[\]{}!]/.test(entry))
  return unique.filter((entry) => !folders.some((folder) => folder !== entry && (entry === `${folder}/**` || entry.startsWith(`${folder}/`))))
}

/** A nested value of a settings object by keys, or `undefined`. */
export function dig(value: unknown, ...keys: string[]): unknown {
  let current = value
  for (const key of keys) {
    if (!current || typeof current !== 'object' || Array.isArray(current)) return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

/** A string setting, or `undefined`. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

/**
 * A string literal of a JavaScript or TypeScript config: the first
 * `key: 'value'` (any quote). Config files are code, never run; only
 * literals are read.
 *
 * > | i18n: {defaultLocale: 'it', locales: ['it', 'en']},
 * >         ^^^^^^^^^^^^^^^^^^^^ `defaultLocale` → `it`
 */
export function jsString(source: string, key: string): string | undefined {
  const match = new RegExp(`(?:^|[\\s{,])['"]?${key}['"]?\\s*:\\s*(['"\`])([^'"\`\\n]*)\\1`).exec(source)
  return match ? match[2] : undefined
}

/** A list of string literals of a JavaScript config: `key: ['a', "b"]`. */
export function jsStrings(source: string, key: string): string[] | undefined {
  const match = new RegExp(`(?:^|[\\s{,])['"]?${key}['"]?\\s*:\\s*\\[([^\\]]*)\\]`).exec(source)
  if (!match) return undefined
  return [...match[1]!.matchAll(/(['"`])([^'"`\n]*)\1/g)].map((item) => item[2]!)
}

/**
 * The text inside an object literal of a JavaScript config, `key: {…}`,
 * braces and quotes balanced.
 */
export function jsObject(source: string, key: string): string | undefined {
  const match = new RegExp(`(?:^|[\\s{,])['"]?${key}['"]?\\s*:\\s*\\{`).exec(source)
  if (!match) return undefined
  const start = match.index + match[0].length
  let depth = 1
  let quote = ''
  for (let index = start; index < source.length; index++) {
    const char = source[index]!
    if (quote) {
      if (char === quote && source[index - 1] !== '\\') quote = ''
    } else if (char === "'" || char === '"' || char === '`') quote = char
    else if (char === '{' || char === '[' || char === '(') depth++
    else if ((char === '}' || char === ']' || char === ')') && --depth === 0) return source.slice(start, index)
  }
  return undefined
}

/**
 * The keys of an object literal's text (`jsObject`), at its own level: in
 * `root: {…}, en: {…}, 'pt-BR': {…}`, `root`, `en` and `pt-BR`.
 */
export function jsKeys(object: string): string[] {
  const keys: string[] = []
  let depth = 0
  let quote = ''
  for (let index = 0; index < object.length; index++) {
    const char = object[index]!
    if (quote) {
      if (char === quote && object[index - 1] !== '\\') quote = ''
      continue
    }
    if (depth === 0 && (index === 0 || /[\s{,]/.test(object[index - 1]!))) {
      const found = /^(?:([A-Za-z_$][\w$-]*)|'([^']+)'|"([^"]+)")\s*:/.exec(object.slice(index))
      if (found) {
        keys.push(found[1] ?? found[2] ?? found[3]!)
        index += found[0].length - 1
        continue
      }
    }
    if (char === "'" || char === '"' || char === '`') quote = char
    else if (char === '{' || char === '[' || char === '(') depth++
    else if (char === '}' || char === ']' || char === ')') depth--
  }
  return keys
}
