/**
 * Where a project keeps each file, and the project as values. Takes: the
 * config and a locale, document id or path. Returns: paths relative to the
 * project root; which files are sources; the `Stores` and `Outputs` shapes
 * every project operation uses.
 *
 * A document's path is its source file's path from where `{path}` starts in
 * `sourcePattern`, so the default `source/{locale}/{path}` gives
 * `putin-xi-alleanza.md` for `source/it/putin-xi-alleanza.md`, and
 * `content/{path}.it.md` gives `about.it.md`, whose English document is
 * `content/about.en.md` under `content/{path}.{locale}.md`.
 */
import picomatch from 'picomatch'
import {markdownExtension, parsePathPattern, withLocale, type Config, type PathPattern} from '../../config/index.ts'
import type {Bundle, StateFile} from '../../types.ts'
import {documentId} from '../../units/index.ts'

/** The stores of a project, as values. */
export interface Stores {
  /** Bundles by store name (`paths.store`: `<locale>/<document id>`). */
  bundles: Map<string, Bundle>
  /** Per-key state by store name. */
  states: Map<string, StateFile>
}

/** Files to write: path relative to the project root → content. */
export type Outputs = Map<string, string>

/** Paths of a document's stores and exchange files, and the name of its store in a locale. */
export const paths = {
  /** The name of a document's store in a locale, its key in `Stores` (`en/putin-xi-alleanza`). */
  store: (locale: string, id: string) => `${locale}/${id}`,
  /** The locale and document id of a store name (`paths.store` undone). */
  storeParts: (name: string) => ({locale: name.slice(0, name.indexOf('/')), id: name.slice(name.indexOf('/') + 1)}),
  bundle: (config: Config, locale: string, id: string) => `${config.locales}/${locale}/${id}.json`,
  state: (config: Config, locale: string, id: string) => `${config.locales}/${locale}/${id}.state.json`,
  xliff: (config: Config, locale: string, path: string) => `${config.xliff}/${locale}/${path}.xlf`,
  /** Where a document is written for a target locale, by `targetPattern`. */
  dist: (config: Config, locale: string, path: string) => distPaths(config, locale)(path),
  /** A document's source file, by `sourcePattern`. */
  source: (config: Config, path: string) => withLocale(pattern(config.sourcePattern, false).head, config.sourceLocale) + path
}

/**
 * The folder sources are searched in: `sourcePattern` up to `{path}`, the
 * source locale filled in, without its final `/` (`''` for the project root).
 */
export function sourceFolder(config: Config): string {
  return withLocale(pattern(config.sourcePattern, false).head, config.sourceLocale).replace(/\/$/, '')
}

/**
 * Whether a folder is never searched for sources: a dot folder
 * (`.git`, `.vitepress`), `node_modules`, babele's own folders (XLIFF,
 * locales, reports, glossary, memory), the folder targets are written under
 * when the sources are not in it (`dist/`, `i18n/`), or one `exclude` matches.
 *
 * @param folder Project-relative path, `/` separated.
 */
export function skipFolder(config: Config, folder: string): boolean {
  const name = folder.slice(folder.lastIndexOf('/') + 1)
  if (name.startsWith('.') || name === 'node_modules') return true
  if ([config.xliff, config.locales, config.reports, config.glossary, config.memory.folder].includes(folder)) return true
  const head = pattern(config.targetPattern, true).head
  const fixed = head.slice(0, head.includes('{locale}') ? head.indexOf('{locale}') : head.length)
  const targets = fixed.slice(0, Math.max(0, fixed.lastIndexOf('/')))
  const sources = sourceFolder(config)
  if (targets !== '' && folder === targets && sources !== targets && !sources.startsWith(`${targets}/`)) return true
  return excluded(config)(folder)
}

/**
 * The document path of a project file when it is a source, else `undefined`.
 * A source matches `sourcePattern` (source locale filled in), is Markdown,
 * is in no skipped folder, matches no `exclude` glob, and is not a
 * translation: a file that `targetPattern` names for a target locale (or the
 * pseudo locale) is not a source, so `docs/{path}` next to `docs/{locale}/{path}` leaves `docs/en/` out.
 *
 * @param file Project-relative path, `/` separated.
 */
export function documentPath(config: Config, file: string): string | undefined {
  return documentPaths(config)(file)
}

/**
 * {@linkcode documentPath} for many files of one config (a listing of the
 * sources): the patterns filled in once, and each folder looked at once
 * (`skipFolder`), not once per file in it.
 *
 * @param config The config, not changed while the function is used.
 * @returns A file's document path, or `undefined`.
 */
export function documentPaths(config: Config): (file: string) => string | undefined {
  const source = pattern(config.sourcePattern, false)
  const head = withLocale(source.head, config.sourceLocale)
  const tail = withLocale(source.tail, config.sourceLocale)
  const target = pattern(config.targetPattern, true)
  // The pseudo locale's files too, enabled or not: an earlier build may have left them.
  const targets = [...config.targetLocales, config.pseudoLocale].map((locale) => ({head: withLocale(target.head, locale), tail: withLocale(target.tail, locale)}))
  const skipped = new Map<string, boolean>()
  const skip = (folder: string) => {
    let known = skipped.get(folder)
    if (known === undefined) skipped.set(folder, (known = skipFolder(config, folder)))
    return known
  }
  return (file) => {
    if (!file.startsWith(head) || !markdownExtension.test(file)) return undefined
    const path = file.slice(head.length)
    if (!path.endsWith(tail) || path.length === tail.length) return undefined
    for (let end = file.indexOf('/'); end !== -1; end = file.indexOf('/', end + 1)) if (skip(file.slice(0, end))) return undefined
    if (excluded(config)(file)) return undefined
    return targets.some((one) => file.startsWith(one.head) && file.endsWith(one.tail) && file.length > one.head.length + one.tail.length) ? undefined : path
  }
}

/**
 * `paths.dist` of many documents in one locale, the patterns filled in once
 * (a report places every document in every locale).
 *
 * @param config The config: `sourcePattern`, `targetPattern`.
 * @param locale A target locale.
 * @returns Where a document of this path is written for the locale.
 */
export function distPaths(config: Config, locale: string): (path: string) => string {
  const target = pattern(config.targetPattern, true)
  const head = withLocale(target.head, locale)
  const tail = withLocale(target.tail, locale)
  // What `{path}` stands for in a document path: the path without the source pattern's tail.
  const sourceTail = withLocale(pattern(config.sourcePattern, false).tail, config.sourceLocale)
  return (path) => {
    if (!path.endsWith(sourceTail)) throw new Error(`Cannot place \`${path}\`: expected a document path ending with \`${sourceTail}\` (\`sourcePattern\`)`)
    return head + path.slice(0, path.length - sourceTail.length) + tail
  }
}

/** Patterns parsed, by their text: as source patterns, and as target patterns. */
const parsed = {source: new Map<string, PathPattern>(), target: new Map<string, PathPattern>()}

/**
 * A config's pattern, parsed once (the config was validated, so it
 * parses). Looked up by the config's own text, not a key made of it: a
 * path is placed thousands of times a run (`paths.dist`), and a new key
 * would be hashed each time.
 */
function pattern(text: string, target: boolean): PathPattern {
  const known = target ? parsed.target : parsed.source
  let value = known.get(text)
  if (!value) {
    const result = parsePathPattern(text, target)
    if (!result.value) throw new Error(`Cannot use \`${text}\` as a path pattern: ${result.problem}`)
    value = result.value
    known.set(text, value)
  }
  return value
}

const matchers = new WeakMap<readonly string[], (path: string) => boolean>()

/** Whether an `exclude` glob matches a project-relative path. */
function excluded(config: Config): (path: string) => boolean {
  let matcher = matchers.get(config.exclude)
  if (!matcher) {
    matcher = config.exclude.length > 0 ? picomatch([...config.exclude], {dot: true}) : () => false
    matchers.set(config.exclude, matcher)
  }
  return matcher
}

/**
 * Documents whose paths give the same id: `guide/a.md` and `guide/a.markdown`
 * (or `a.MD`) are both `guide/a`, so they would share their stores, XLIFF
 * and built files, one overwriting the other.
 *
 * @param paths Document paths.
 * @returns Each id that two or more paths give, with those paths sorted; `[]` when every id is its own.
 */
export function clashingIds(paths: Iterable<string>): Array<{id: string; paths: string[]}> {
  const byId = new Map<string, string[]>()
  for (const path of paths) {
    const id = documentId(path)
    const same = byId.get(id)
    if (same) same.push(path)
    else byId.set(id, [path])
  }
  return [...byId].filter(([, same]) => same.length > 1).map(([id, same]) => ({id, paths: same.sort()}))
}
