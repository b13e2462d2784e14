/**
 * Hugo: a `hugo.*` (or a `config.*` with Hugo's settings). Takes: a site.
 * Returns: the Hugo detection. Hugo translates by file name
 * (`about.md`, `about.en.md`) unless each language has its `contentDir`.
 *
 * > hugo.toml                   defaultContentLanguage = "it"
 * >                             [languages.it] contentDir = "content/it"
 * >                             [languages.en] contentDir = "content/en"
 * > content/it/docs/avvio.md    an Italian page (a source)
 * > content/en/docs/avvio.md    its English translation (`content/{locale}/{path}`)
 *
 * Without `contentDir`s: `content/{path}.md` and `content/{path}.{locale}.md`
 * (or `content/{path}.it.md` when the default language's pages carry theirs).
 */
import {dig, localeFolders, markdownUnder, readSettings, suffixLocales, text, within, type DetectContext, type Detection, type Detector, type Found} from './site.ts'

const hugoFile = /^(?:config\/_default\/)?hugo\.(?:toml|ya?ml|json)$/
const legacyFile = /^(?:config\/_default\/)?config\.(?:toml|ya?ml|json)$/
const languagesFile = /^config\/_default\/languages\.(?:toml|ya?ml|json)$/
/** Settings only Hugo's config has, to tell a legacy `config.toml` from another tool's. */
const hugoKeys = ['baseURL', 'baseurl', 'defaultContentLanguage', 'languageCode', 'contentDir', 'languages', 'theme', 'enableGitInfo', 'markup']

/** The detector. */
export const hugo: Detector = {
  flavor: 'hugo',
  configFiles: /^(?:(?:config\/_default\/)?(?:hugo|config)|config\/_default\/languages)\.(?:toml|ya?ml|json)$/,
  detect
}

function detect({site, sourceLocale: asked}: DetectContext, files: readonly string[]): Detection | undefined {
  // hugo.* before a legacy config.*, each shallowest first.
  const candidates = [...files.filter((path) => hugoFile.test(path)), ...files.filter((path) => legacyFile.test(path))]
  let file: string | undefined
  let settings: Record<string, unknown> | undefined
  for (const candidate of candidates) {
    const read = readSettings(site, candidate)
    if (!read) continue
    if (hugoFile.test(candidate) || hugoKeys.some((key) => key in read)) {
      file = candidate
      settings = read
      break
    }
  }
  if (!file || !settings) return undefined
  const languagesAt = files.find((path) => languagesFile.test(path))
  const languages = (dig(settings, 'languages') ?? (languagesAt ? readSettings(site, languagesAt) : undefined)) as Record<string, unknown> | undefined
  const languagesSource = dig(settings, 'languages') ? file : languagesAt
  const notes: Detection['notes'] = []
  let sourceLocale: Found<string> | undefined
  const declaredDefault = text(settings.defaultContentLanguage)
  if (declaredDefault) sourceLocale = {value: declaredDefault, file, reason: 'defaultContentLanguage'}
  else if (text(settings.languageCode)) sourceLocale = {value: text(settings.languageCode)!, file, reason: 'languageCode'}
  const locale = asked ?? sourceLocale?.value ?? 'it'
  const contentDir = within('', text(settings.contentDir) ?? 'content')
  const codes = languages && typeof languages === 'object' ? Object.keys(languages) : []
  const ownDir = (code: string) => text(dig(languages, code, 'contentDir'))?.replace(/\/$/, '')
  let layout: Detection['layout'] | undefined
  // A contentDir per language, the code as one path segment: `content/{locale}`.
  const dirs = [locale, ...codes.filter((code) => code !== locale)].map((code) => [code, ownDir(code)] as const).filter(([, dir]) => dir !== undefined)
  if (dirs.length > 0) {
    const patterns = new Set(dirs.map(([code, dir]) => dir!.split('/').map((segment) => (segment === code ? '{locale}' : segment)).join('/')))
    const [pattern] = [...patterns]
    if (patterns.size === 1 && pattern!.includes('{locale}')) {
      layout = {value: {sourcePattern: `${pattern}/{path}`, targetPattern: `${pattern}/{path}`}, file: languagesSource, reason: `each language's contentDir (${dirs.map(([, dir]) => `${dir}/`).join(', ')})`}
    } else {
      notes.push({file: languagesSource, message: `The languages' contentDirs (${dirs.map(([code, dir]) => `${code}: ${dir}`).join(', ')}) do not follow one pattern with the language code; translation by file name is used instead`})
    }
  } else if (localeFolders(site, contentDir).includes(locale)) {
    layout = {value: {sourcePattern: `${contentDir}/{locale}/{path}`, targetPattern: `${contentDir}/{locale}/{path}`}, reason: `${contentDir}/${locale}/ holds the pages`, targetReason: 'one folder per language (give each its contentDir in the Hugo config)'}
  }
  if (!layout) {
    const suffixed = markdownUnder(site, contentDir).some((path) => path.endsWith(`.${locale}.md`))
    layout = {
      value: {sourcePattern: suffixed ? `${contentDir}/{path}.{locale}.md` : `${contentDir}/{path}.md`, targetPattern: `${contentDir}/{path}.{locale}.md`},
      file,
      reason: `Hugo's content folder, ${contentDir}/${suffixed ? ` (the default language's pages named *.${locale}.md)` : ''}`,
      targetReason: "translation by file name, Hugo's default"
    }
  }
  const detection: Detection = {file, layout, frontmatterKeys: {value: ['title', 'description', 'linkTitle', 'summary'], reason: 'the front-matter fields Hugo shows as text'}, notes}
  if (sourceLocale) detection.sourceLocale = sourceLocale
  const targets = codes.filter((code) => code !== locale)
  if (targets.length > 0) detection.targetLocales = {value: targets, file: languagesSource, reason: 'the keys of languages'}
  else {
    const found = layout.value.sourcePattern.includes('{locale}/') ? localeFolders(site, contentDir) : suffixLocales(site, contentDir)
    const others = found.filter((name) => name !== locale)
    if (others.length > 0) detection.targetLocales = {value: others, reason: `translations already in ${contentDir}/`}
  }
  if (markdownUnder(site, contentDir).length === 0) notes.push({file, message: `No Markdown page under ${contentDir}/`})
  return detection
}
