/**
 * VitePress: a `.vitepress/config.*` beside the pages. Takes: a site.
 * Returns: the VitePress detection. The root locale's pages sit at the root
 * of the source folder, each other locale in a folder named by its key.
 *
 * > docs/.vitepress/config.mts   locales: {root: {lang: 'it'}, en: {lang: 'en', link: '/en/'}}
 * > docs/index.md                an Italian page (a source)
 * > docs/en/index.md             its English translation (`docs/{locale}/{path}`)
 *
 * `srcDir` moves the pages (`srcDir: 'src'` → `docs/src/`). Locales come
 * from the config's `locales` keys (less `root`), else from locale folders.
 */
import {folderOf, jsKeys, jsObject, jsString, localeFolders, markdownUnder, within, type DetectContext, type Detection, type Detector} from './site.ts'

const configFile = /(?:^|\/)\.vitepress\/config\.(?:js|ts|mjs|mts|cjs|cts)$/

/** The detector. */
export const vitepress: Detector = {
  flavor: 'vitepress',
  configFiles: configFile,
  detect
}

function detect({site}: DetectContext, [file]: readonly string[]): Detection | undefined {
  if (!file) return undefined
  const source = site.contents.get(file) ?? ''
  // `<base>/.vitepress/config.mts`
  const base = folderOf(folderOf(file))
  const srcDir = jsString(source, 'srcDir')
  const folder = srcDir ? within(base, srcDir) : base
  const prefix = folder === '' ? '' : `${folder}/`
  const detection: Detection = {
    file,
    layout: {
      value: {sourcePattern: `${prefix}{path}`, targetPattern: `${prefix}{locale}/{path}`},
      file,
      reason: `VitePress's root locale at the root of ${folder === '' ? 'the site' : `${folder}/`}${srcDir ? ` (srcDir '${srcDir}')` : ''}`,
      targetReason: 'each other locale in a folder named by its locales key'
    },
    frontmatterKeys: {value: ['title', 'description', 'hero.name', 'hero.text', 'hero.tagline', 'hero.actions[].text', 'features[].title', 'features[].details'], reason: 'the front-matter fields VitePress pages and its home layout show as text'},
    notes: []
  }
  const locales = jsObject(source, 'locales')
  const root = locales === undefined ? undefined : jsObject(locales, 'root')
  const lang = root === undefined ? jsString(source, 'lang') : jsString(root, 'lang')
  if (lang) detection.sourceLocale = {value: lang, file, reason: root === undefined ? 'lang' : 'locales.root.lang'}
  const keys = locales === undefined ? [] : jsKeys(locales).filter((key) => key !== 'root')
  if (keys.length > 0) detection.targetLocales = {value: keys, file, reason: 'the keys of locales'}
  else {
    const folders = localeFolders(site, folder).filter((name) => name !== lang)
    if (folders.length > 0) detection.targetLocales = {value: folders, reason: `locale folders in ${prefix || './'}: ${folders.map((name) => `${prefix}${name}/`).join(', ')}`}
  }
  if (markdownUnder(site, folder).length === 0) detection.notes.push({file, message: `No Markdown page under ${prefix || './'}`})
  return detection
}
