/**
 * Docusaurus: a `docusaurus.config.*`. Takes: a site. Returns: the
 * Docusaurus detection. Sources are the docs plugin's folder; each locale's
 * translation goes where Docusaurus reads it.
 *
 * > docusaurus.config.js   i18n: {defaultLocale: 'it', locales: ['it', 'en']}
 * > docs/intro.md          an Italian page (a source)
 * > i18n/en/docusaurus-plugin-content-docs/current/intro.md   its English translation
 *
 * The docs folder is the preset's `docs.path` (default `docs`), relative to
 * the config. The blog and `src/pages/` are other plugins' content, with
 * other folders: one source pattern cannot hold them, so they are noted.
 */
import {folderOf, jsObject, jsString, jsStrings, localeFolders, markdownUnder, within, type DetectContext, type Detection, type Detector} from './site.ts'

const configFile = /^(?:[^/]+\/)?docusaurus\.config\.(?:js|ts|mjs|mts|cjs|cts)$/

/** The detector. */
export const docusaurus: Detector = {
  flavor: 'docusaurus',
  configFiles: configFile,
  detect
}

function detect({site}: DetectContext, [file]: readonly string[]): Detection | undefined {
  if (!file) return undefined
  const source = site.contents.get(file) ?? ''
  const base = folderOf(file)
  const docsOptions = jsObject(source, 'docs')
  const docsPath = (docsOptions === undefined ? undefined : jsString(docsOptions, 'path')) ?? 'docs'
  const docs = within(base, docsPath)
  const i18n = within(base, 'i18n')
  const detection: Detection = {
    file,
    layout: {
      value: {sourcePattern: `${docs}/{path}`, targetPattern: `${i18n}/{locale}/docusaurus-plugin-content-docs/current/{path}`},
      file,
      reason: `the docs plugin's folder${docsOptions && jsString(docsOptions, 'path') ? ` (docs.path '${docsPath}')` : ''}`,
      targetReason: "where Docusaurus's i18n reads each locale's docs"
    },
    frontmatterKeys: {value: ['title', 'description', 'sidebar_label'], reason: 'the front-matter fields Docusaurus shows as text'},
    notes: []
  }
  const options = jsObject(source, 'i18n')
  const defaultLocale = options === undefined ? undefined : jsString(options, 'defaultLocale')
  if (defaultLocale) detection.sourceLocale = {value: defaultLocale, file, reason: 'i18n.defaultLocale'}
  const locales = (options === undefined ? undefined : jsStrings(options, 'locales'))?.filter((locale) => locale !== defaultLocale)
  if (locales && locales.length > 0) detection.targetLocales = {value: locales, file, reason: 'i18n.locales'}
  else {
    const folders = localeFolders(site, i18n).filter((name) => name !== defaultLocale)
    if (folders.length > 0) detection.targetLocales = {value: folders, reason: `locale folders in ${i18n}/`}
  }
  for (const [folder, what] of [[within(base, 'blog'), 'the blog'], [within(base, 'src/pages'), 'standalone pages']] as const) {
    const count = markdownUnder(site, folder).length
    if (count > 0) detection.notes.push({message: `${folder}/ (${what}, ${count} Markdown file${count === 1 ? '' : 's'}) is not a source: one config has one source pattern; run babele with a second config for it`})
  }
  const mdx = site.files.filter((path) => path.startsWith(`${docs}/`) && path.endsWith('.mdx')).length
  if (mdx > 0) detection.notes.push({message: `${mdx} .mdx file${mdx === 1 ? '' : 's'} in ${docs}/ left out: babele reads .md and .markdown`})
  return detection
}
