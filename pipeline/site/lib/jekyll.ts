/**
 * Jekyll: a `_config.yml`. Takes: a site. Returns: the Jekyll detection.
 * Pages sit anywhere in the source folder (the site root unless `source`
 * says otherwise), posts in `_posts/`; each locale's translation goes in a
 * folder named by its code, as jekyll-polyglot and most multilingual themes
 * expect.
 *
 * > _config.yml                   lang: it, languages: ["it", "en"], exclude: [README.md]
 * > index.md                      an Italian page (a source)
 * > _posts/2024-05-10-ciao.md     a post (a source)
 * > en/index.md                   its English translation (`{locale}/{path}`)
 *
 * The destination (`_site/`), Jekyll's own excludes and the config's
 * `exclude` are never sources.
 */
import {folderOf, localeFolders, markdownUnder, readSettings, text, tidyExcludes, within, type DetectContext, type Detection, type Detector, type Found} from './site.ts'

const configFile = /^(?:[^/]+\/)?_config\.ya?ml$/
/** What Jekyll 4 always excludes, besides dot files and `node_modules` (babele skips those itself). */
const jekyllExcludes = ['gemfiles', 'Gemfile', 'Gemfile.lock', 'vendor/bundle', 'vendor/cache', 'vendor/gems', 'vendor/ruby']

/** The detector. */
export const jekyll: Detector = {
  flavor: 'jekyll',
  configFiles: configFile,
  detect
}

function detect({site, sourceLocale: asked}: DetectContext, [file]: readonly string[]): Detection | undefined {
  if (!file) return undefined
  const settings = readSettings(site, file) ?? {}
  const folder = within(folderOf(file), text(settings.source) ?? '.')
  const prefix = folder === '' ? '' : `${folder}/`
  let sourceLocale: Found<string> | undefined
  if (text(settings.default_lang)) sourceLocale = {value: text(settings.default_lang)!, file, reason: 'default_lang (jekyll-polyglot)'}
  else if (text(settings.lang)) sourceLocale = {value: text(settings.lang)!, file, reason: 'lang'}
  const locale = asked ?? sourceLocale?.value ?? 'it'
  const folders = localeFolders(site, folder)
  const inFolders = folders.includes(locale)
  const destination = text(settings.destination) ?? '_site'
  const own = Array.isArray(settings.exclude) ? settings.exclude.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '') : []
  const exclude = tidyExcludes([destination, ...jekyllExcludes, ...own].map((entry) => prefix + entry.trim().replace(/^\.?\//, '').replace(/\/$/, '')))
  const detection: Detection = {
    file,
    layout: inFolders
      ? {value: {sourcePattern: `${prefix}{locale}/{path}`, targetPattern: `${prefix}{locale}/{path}`}, reason: `${prefix}${locale}/ holds the pages`, targetReason: 'one folder per locale'}
      : {value: {sourcePattern: `${prefix}{path}`, targetPattern: `${prefix}{locale}/{path}`}, file, reason: `Jekyll's source folder (${folder === '' ? 'the site root' : `${folder}/`})`, targetReason: "each locale's pages in a folder named by its code (jekyll-polyglot's and most themes' layout)"},
    exclude: {value: exclude, file, reason: `the destination${own.length > 0 ? ', Jekyll\'s own excludes and the config\'s exclude' : ' and Jekyll\'s own excludes'}`},
    frontmatterKeys: {value: ['title', 'description', 'excerpt'], reason: 'the front-matter fields Jekyll themes show as text'},
    notes: [{message: 'Each translated page needs its locale in its front matter (jekyll-polyglot: `lang: en`) to be served under its locale'}]
  }
  if (sourceLocale) detection.sourceLocale = sourceLocale
  const languages = Array.isArray(settings.languages) ? settings.languages.filter((entry): entry is string => typeof entry === 'string').filter((entry) => entry !== locale) : []
  if (languages.length > 0) detection.targetLocales = {value: languages, file, reason: 'languages (jekyll-polyglot)'}
  else if (folders.filter((name) => name !== locale).length > 0) detection.targetLocales = {value: folders.filter((name) => name !== locale), reason: `locale folders in ${prefix || './'}`}
  if (markdownUnder(site, folder).length === 0) detection.notes.push({file, message: `No Markdown page under ${prefix || './'}`})
  return detection
}
