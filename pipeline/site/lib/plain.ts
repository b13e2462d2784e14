/**
 * A folder of Markdown with no site generator babele knows. Takes: a site.
 * Returns: a detection with no flavour, from the first of `i18n/`, `docs/`,
 * `doc/`, `content/`, `src/`, `source/`, `pages/` (then the root) that holds
 * Markdown: one folder per locale when the source locale has one, else the
 * sources at its root and each locale in a folder beside them.
 *
 * > i18n/it/guida.md     an Italian page (`i18n/{locale}/{path}`)
 * > i18n/en/guida.md     its English translation, in the same layout
 * > docs/guida.md        or: a page at the root of docs/ (`docs/{path}`)
 * > docs/en/guida.md     and its translation beside it (`docs/{locale}/{path}`)
 *
 * `source/<locale>/` is babele's own layout: its translations go to `dist/`.
 */
import {localeFolders, markdownUnder, type DetectContext, type Detection} from './site.ts'

const folders = ['i18n', 'docs', 'doc', 'content', 'src', 'source', 'pages', '']
/** Repository files, not pages, when the sources are the root's Markdown. */
const repositoryFiles = ['README.md', 'CHANGELOG.md', 'CONTRIBUTING.md', 'CODE_OF_CONDUCT.md', 'LICENSE.md', 'SECURITY.md']

/**
 * Detect a plain layout.
 *
 * @returns The detection, or `undefined` when the site has no Markdown.
 */
export function plain({site, sourceLocale: asked}: DetectContext): Detection | undefined {
  for (const folder of folders) {
    const files = markdownUnder(site, folder)
    if (files.length === 0) continue
    const prefix = folder === '' ? '' : `${folder}/`
    const locales = localeFolders(site, folder)
    const atRoot = files.some((file) => !file.slice(prefix.length).includes('/'))
    const wanted = asked ?? 'it'
    const detection: Detection = {layout: {value: {sourcePattern: `${prefix}{path}`, targetPattern: `${prefix}{locale}/{path}`}, reason: `Markdown at ${prefix || 'the root'}`, targetReason: "each locale's pages in a folder beside the sources"}, notes: []}
    if (locales.includes(wanted) || (locales.length > 0 && !atRoot)) {
      // Every page in a locale folder: one of them is the source locale's.
      const source = locales.includes(wanted) || asked ? wanted : locales[0]!
      if (source !== wanted) detection.notes.push({message: `No ${prefix}${wanted}/ folder: ${prefix}${source}/ is taken as the source locale's; pass --source-locale to choose another`})
      detection.sourceLocale = {value: source, reason: `${prefix}${source}/ holds the pages`}
      detection.layout =
        folder === 'source'
          ? {value: {sourcePattern: 'source/{locale}/{path}', targetPattern: 'dist/{locale}/{path}'}, reason: `${prefix}${source}/ holds the pages`, targetReason: "babele's own layout: translations in dist/<lng>/"}
          : {value: {sourcePattern: `${prefix}{locale}/{path}`, targetPattern: `${prefix}{locale}/{path}`}, reason: `${prefix}${source}/ holds the pages`, targetReason: 'one folder per locale'}
    } else if (folder === '') {
      const repository = repositoryFiles.filter((name) => site.files.includes(name))
      if (repository.length > 0) detection.exclude = {value: repository, reason: 'repository files, not pages'}
    }
    const targets = locales.filter((name) => name !== detection.sourceLocale?.value)
    if (targets.length > 0) detection.targetLocales = {value: targets, reason: `locale folders in ${prefix || './'}: ${targets.map((name) => `${prefix}${name}/`).join(', ')}`}
    return detection
  }
  return undefined
}
