import test from 'ava'
import {detectSite, siteFiles, type Site} from '../pipeline/index.ts'

/** A site from its files; contents for the few that have them. */
function site(files: Record<string, string>): Site {
  return {files: Object.keys(files).sort(), contents: new Map(Object.entries(files).filter(([, text]) => text !== ''))}
}

/** The config detectSite writes for a site, or its messages when it writes none. */
function configOf(files: Record<string, string>, options?: Parameters<typeof detectSite>[1]): Record<string, unknown> | string[] {
  const result = detectSite(site(files), options)
  return result.value?.config ?? result.messages.map((message) => `${message.ruleId}: ${message.message}`)
}

test('siteFiles names each flavour\'s config files and nothing else', (t) => {
  const files = ['docs/.vitepress/config.mts', 'docs/.vitepress/theme/index.ts', 'docusaurus.config.ts', 'website/docusaurus.config.js', 'mkdocs.yml', 'hugo.toml', 'config.toml', 'config/_default/languages.toml', 'book.toml', 'docfx.json', '_config.yml', 'docs/index.md', 'package.json']
  t.deepEqual(siteFiles(files), ['_config.yml', 'book.toml', 'config.toml', 'config/_default/languages.toml', 'docfx.json', 'docs/.vitepress/config.mts', 'docusaurus.config.ts', 'hugo.toml', 'mkdocs.yml', 'website/docusaurus.config.js'])
})

test('Hugo without contentDirs translates by file name, with or without the default language\'s suffix', (t) => {
  const files = {'hugo.toml': "defaultContentLanguage = 'it'\n[languages.it]\nweight = 1\n[languages.fr]\nweight = 2\n", 'content/_index.md': '', 'content/about.md': '', 'content/about.fr.md': ''}
  t.like(configOf(files), {sourceLocale: 'it', targetLocales: ['fr'], sourcePattern: 'content/{path}.md', targetPattern: 'content/{path}.{locale}.md'})
  const suffixed = {'hugo.yaml': 'defaultContentLanguage: it\n', 'content/_index.it.md': '', 'content/about.it.md': '', 'content/about.en.md': ''}
  t.like(configOf(suffixed), {targetLocales: ['en'], sourcePattern: 'content/{path}.{locale}.md', targetPattern: 'content/{path}.{locale}.md'})
})

test('a config.toml without Hugo\'s settings is not Hugo', (t) => {
  t.like(configOf({'config.toml': '[tool.black]\nline-length = 88\n', 'docs/guida.md': ''}), {sourcePattern: 'docs/{path}', targetPattern: 'docs/{locale}/{path}'})
  t.false('flavor' in (configOf({'config.toml': '[tool.black]\nline-length = 88\n', 'docs/guida.md': ''}) as Record<string, unknown>))
  t.like(configOf({'config.toml': "baseURL = 'https://x.example/'\nlanguageCode = 'it'\n", 'content/guida.md': ''}), {flavor: 'hugo', sourceLocale: 'it', sourcePattern: 'content/{path}.md'})
})

test('MkDocs with docs_structure: folder keeps one folder per locale', (t) => {
  const mkdocs = 'docs_dir: pagine\nplugins:\n  - i18n:\n      docs_structure: folder\n      languages:\n        - locale: it\n          default: true\n        - locale: de\n'
  t.like(configOf({'mkdocs.yml': mkdocs, 'pagine/it/index.md': '', 'pagine/de/index.md': ''}), {sourceLocale: 'it', targetLocales: ['de'], sourcePattern: 'pagine/{locale}/{path}', targetPattern: 'pagine/{locale}/{path}'})
})

test('Docusaurus in a website/ folder with its docs elsewhere (docs.path)', (t) => {
  const config = "module.exports = {\n  i18n: {defaultLocale: 'it', locales: ['it', 'en', 'es']},\n  presets: [['classic', {docs: {path: '../manuale', sidebarPath: require.resolve('./sidebars.js')}}]]\n}\n"
  const result = detectSite(site({'website/docusaurus.config.js': config, 'manuale/intro.md': '', 'manuale/guida/avvio.md': ''}))
  t.like(result.value?.config, {targetLocales: ['en', 'es'], sourcePattern: 'manuale/{path}', targetPattern: 'website/i18n/{locale}/docusaurus-plugin-content-docs/current/{path}'})
  t.deepEqual(result.value?.sources, ['manuale/guida/avvio.md', 'manuale/intro.md'])
})

test('VitePress with srcDir, locales from folders when the config has none', (t) => {
  const config = "export default {\n  lang: 'it-IT',\n  srcDir: './pagine',\n  title: 'Sito'\n}\n"
  t.like(configOf({'.vitepress/config.ts': config, 'pagine/index.md': '', 'pagine/fr/index.md': '', 'pagine/api/index.md': ''}), {
    sourceLocale: 'it-IT',
    targetLocales: ['fr'],
    sourcePattern: 'pagine/{path}',
    targetPattern: 'pagine/{locale}/{path}'
  })
})

test('a plain folder: i18n/<lng>/ as one folder per locale, docs/ with translations beside the sources', (t) => {
  t.like(configOf({'i18n/it/guida.md': '', 'i18n/en/guida.md': '', 'i18n/de/guida.md': ''}), {sourceLocale: 'it', targetLocales: ['de', 'en'], sourcePattern: 'i18n/{locale}/{path}', targetPattern: 'i18n/{locale}/{path}'})
  t.deepEqual(configOf({'docs/guida.md': '', 'docs/es/guida.md': '', 'docs/api/riferimento.md': ''}), {sourceLocale: 'it', targetLocales: ['es'], sourcePattern: 'docs/{path}', targetPattern: 'docs/{locale}/{path}'})
  // babele's own layout keeps its translations in dist/.
  t.like(configOf({'source/it/articolo.md': '', 'README.md': ''}), {sourcePattern: 'source/{locale}/{path}', targetPattern: 'dist/{locale}/{path}', targetLocales: ['en', 'es', 'fr', 'ca']})
  // Markdown only at the root: repository files are not pages.
  t.like(configOf({'README.md': '', 'CHANGELOG.md': '', 'manuale.md': ''}), {sourcePattern: '{path}', exclude: ['README.md', 'CHANGELOG.md']})
})

test('detectSite takes the locales asked for over the site\'s, and leaves out locale codes babele cannot use', (t) => {
  const files = {'docusaurus.config.js': "export default {i18n: {defaultLocale: 'it', locales: ['it', 'en', 'pt_BR']}}", 'docs/intro.md': ''}
  const result = detectSite(site(files))
  t.deepEqual(result.value?.config.targetLocales, ['en'])
  t.deepEqual(result.messages.map((message) => [message.ruleId, message.severity, message.message]), [['init-locale-invalid', 'warning', 'Left out `pt_BR`: not a BCP 47 tag babele can use (`pt-BR`, not `pt_BR`)']])
  t.like(configOf(files, {sourceLocale: 'it', targetLocales: ['fr', 'de']}), {targetLocales: ['fr', 'de']})
})

test('detectSite writes no config when no source matches, or when the locales asked for are not tags', (t) => {
  t.deepEqual(configOf({'i18n/it/guida.md': ''}, {sourceLocale: 'de'}), ['init-no-sources: No Markdown file matches `sourcePattern` `i18n/{locale}/{path}` (i18n/de/ holds the pages); pass --source-locale if the sources are another locale\'s'])
  t.deepEqual(configOf({'docs/guida.md': ''}, {targetLocales: ['english']}), ['config-invalid: `targetLocales.0`: expected a BCP 47 language tag such as `en` or `pt-BR`'])
  t.deepEqual(configOf({'notes.txt': ''}), ['init-no-markdown: No Markdown file in the site: nothing for babele to translate (babele reads .md and .markdown)'])
})

test('every flavour a site has is in `flavor`; the first one found gives the layout', (t) => {
  const result = detectSite(site({'mkdocs.yml': 'site_name: X\n', '_config.yml': 'title: X\n', 'docs/index.md': ''}))
  t.like(result.value?.config, {flavor: ['mkdocs', 'jekyll'], sourcePattern: 'docs/{path}.md'})
  t.deepEqual(result.value?.findings.filter((finding) => finding.field === 'flavor').map((finding) => finding.reason), ['its config file', 'its config file too (the mkdocs layout is used)'])
})
