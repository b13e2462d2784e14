/**
 * MkDocs: an `mkdocs.yml`. Takes: a site. Returns: the MkDocs detection.
 * Sources are in `docs_dir`; locales follow the mkdocs-static-i18n plugin's
 * `docs_structure`: in the file name (`suffix`, its default) or in folders.
 *
 * > mkdocs.yml        plugins: [{i18n: {docs_structure: suffix, languages: [{locale: it, default: true}, {locale: en}]}}]
 * > docs/index.md     an Italian page (a source)
 * > docs/index.en.md  its English translation (`docs/{path}.{locale}.md`)
 *
 * With `docs_structure: folder`, `docs/it/index.md` and `docs/en/index.md`.
 * Without the plugin the site has one language; translations are laid out
 * as the plugin's default would read them.
 */
import {dig, folderOf, localeFolders, markdownUnder, readSettings, suffixLocales, text, within, type DetectContext, type Detection, type Detector, type Found} from './site.ts'

const configFile = /^(?:[^/]+\/)?mkdocs\.ya?ml$/

/** The detector. */
export const mkdocs: Detector = {
  flavor: 'mkdocs',
  configFiles: configFile,
  detect
}

/** The i18n plugin's settings, from `plugins` (a list of names or one-key maps, or a map). */
function i18nPlugin(settings: Record<string, unknown>): Record<string, unknown> | undefined {
  const plugins = settings.plugins
  const entries = Array.isArray(plugins) ? plugins : plugins && typeof plugins === 'object' ? [plugins] : []
  for (const entry of entries) {
    const value = dig(entry, 'i18n')
    if (value && typeof value === 'object') return value as Record<string, unknown>
    if (entry === 'i18n') return {}
  }
  return undefined
}

function detect({site, sourceLocale: asked}: DetectContext, [file]: readonly string[]): Detection | undefined {
  if (!file) return undefined
  const settings = readSettings(site, file) ?? {}
  const docsDir = text(settings.docs_dir) ?? 'docs'
  const docs = within(folderOf(file), docsDir)
  const prefix = docs === '' ? '' : `${docs}/`
  const plugin = i18nPlugin(settings)
  const notes: Detection['notes'] = []
  // Plugin 1.x: languages [{locale, default}]; 0.x: default_language and languages {code: name}.
  const list = Array.isArray(plugin?.languages) ? (plugin.languages as unknown[]) : []
  const declared = list.map((entry) => text(dig(entry, 'locale'))).filter((locale): locale is string => locale !== undefined)
  const byDefault = list.find((entry) => dig(entry, 'default') === true)
  const legacy = plugin?.languages && !Array.isArray(plugin.languages) && typeof plugin.languages === 'object' ? Object.keys(plugin.languages) : []
  let sourceLocale: Found<string> | undefined
  const pluginDefault = text(dig(byDefault, 'locale')) ?? text(plugin?.default_language)
  if (pluginDefault) sourceLocale = {value: pluginDefault, file, reason: byDefault ? 'the i18n plugin language marked default' : 'i18n.default_language'}
  else if (text(dig(settings, 'theme', 'language'))) sourceLocale = {value: text(dig(settings, 'theme', 'language'))!, file, reason: 'theme.language'}
  const locale = asked ?? sourceLocale?.value ?? 'it'
  const targets = [...declared, ...legacy].filter((name) => name !== locale)
  const structure = text(plugin?.docs_structure) ?? (plugin ? 'suffix' : localeFolders(site, docs).includes(locale) ? 'folder' : 'suffix')
  let layout: Detection['layout']
  if (structure === 'folder') {
    layout = {value: {sourcePattern: `${prefix}{locale}/{path}`, targetPattern: `${prefix}{locale}/{path}`}, file, reason: `docs_dir '${docsDir}', one folder per locale (${plugin ? 'i18n docs_structure: folder' : `${prefix}${locale}/ holds the pages`})`, targetReason: 'one folder per locale'}
  } else {
    // The default language's pages may carry their suffix too (`index.it.md`).
    const suffixed = markdownUnder(site, docs).some((path) => path.endsWith(`.${locale}.md`))
    layout = {
      value: {sourcePattern: suffixed ? `${prefix}{path}.{locale}.md` : `${prefix}{path}.md`, targetPattern: `${prefix}{path}.{locale}.md`},
      file,
      reason: `docs_dir '${docsDir}'${suffixed ? `, the pages named *.${locale}.md` : ''}`,
      targetReason: `the locale in the file name (${plugin ? 'i18n docs_structure: suffix' : 'the i18n plugin\'s default, for when the site adds it'})`
    }
    if (!plugin) notes.push({file, message: 'No i18n plugin: MkDocs serves one language; add mkdocs-static-i18n (docs_structure: suffix) to serve the translations'})
  }
  const detection: Detection = {file, layout, notes}
  if (sourceLocale) detection.sourceLocale = sourceLocale
  if (targets.length > 0) detection.targetLocales = {value: targets, file, reason: 'the i18n plugin\'s languages'}
  else {
    const found = (structure === 'folder' ? localeFolders(site, docs) : suffixLocales(site, docs)).filter((name) => name !== locale)
    if (found.length > 0) detection.targetLocales = {value: found, reason: structure === 'folder' ? `locale folders in ${prefix || './'}` : `pages translated in ${prefix || './'} (${found.map((name) => `*.${name}.md`).join(', ')})`}
  }
  return detection
}
