/**
 * DocFX (Microsoft Learn): a `docfx.json`. Takes: a site. Returns: the
 * DocFX detection. Sources are the Markdown files of `build.content`
 * (relative to its `src`), less its `exclude` and the build's output folder.
 *
 * > docfx.json              {"build": {"content": [{"files": ["**\/*.{md,yml}"], "exclude": ["_site/**"]}]}}
 * > index.md                the landing page (a source)
 * > docs/get-started.md     an article (a source)
 * > includes/note.md        an include, `[!INCLUDE [note](../includes/note.md)]` (a source)
 *
 * Microsoft Learn keeps each locale in a repository of its own with the
 * same tree, so each locale's tree is written to `dist/<lng>/`.
 */
import {posix} from 'node:path'
import picomatch from 'picomatch'
import {folderOf, markdownUnder, readSettings, text, tidyExcludes, within, type DetectContext, type Detection, type Detector} from './site.ts'

const configFile = /^(?:[^/]+\/)?docfx\.json$/

/** The detector. */
export const docfx: Detector = {
  flavor: 'docfx',
  configFiles: configFile,
  detect
}

/** A string or list of strings of a docfx.json field. */
function strings(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string' && item !== '')
}

function detect({site}: DetectContext, [file]: readonly string[]): Detection | undefined {
  if (!file) return undefined
  const settings = readSettings(site, file) ?? {}
  const build = (settings.build ?? {}) as Record<string, unknown>
  const base = folderOf(file)
  const items = (Array.isArray(build.content) ? build.content : []) as Array<Record<string, unknown>>
  // The content entries that build Markdown.
  const markdown = items.filter((item) => strings(item.files).some((glob) => /md\b|\*\*?$|\*\.\*/.test(glob)))
  const sources = new Set(markdown.map((item) => text(item.src) ?? '.'))
  const src = sources.size === 1 ? [...sources][0]! : '.'
  const folder = within(base, src)
  const prefix = folder === '' ? '' : `${folder}/`
  const notes: Detection['notes'] = []
  if (sources.size > 1) notes.push({file, message: `build.content has Markdown in several src folders (${[...sources].join(', ')}); the sources are every Markdown file under ${prefix || './'}`})
  const dest = text(build.output) ?? text(build.dest) ?? '_site'
  const exclude = new Set([dest, 'obj'].map((entry) => within(base, entry)))
  for (const item of markdown) for (const glob of strings(item.exclude)) exclude.add(prefix + glob.replace(/^\.?\//, ''))
  // Markdown files no content glob takes (a repository README) are not pages.
  const globs = markdown.flatMap((item) => strings(item.files).map((glob) => posix.join(within(base, text(item.src) ?? '.'), glob)))
  if (globs.length > 0) {
    const built = picomatch(globs, {dot: true})
    const left = markdownUnder(site, folder).filter((path) => !built(path) && ![...exclude].some((entry) => path === entry || path.startsWith(`${entry}/`)))
    for (const path of left) exclude.add(path)
    if (left.length > 0) notes.push({file, message: `Not in build.content, so not sources: ${left.join(', ')}`})
  }
  const detection: Detection = {
    file,
    layout: {
      value: {sourcePattern: `${prefix}{path}`, targetPattern: 'dist/{locale}/{path}'},
      file,
      reason: `build.content${src === '.' ? '' : ` (src '${src}')`}`,
      targetReason: "Learn keeps a repository per locale: each locale's tree goes to dist/<lng>/"
    },
    exclude: {value: tidyExcludes([...exclude]), file, reason: 'build.output, obj/ and build.content\'s exclude'},
    notes
  }
  const metadata = (build.globalMetadata ?? {}) as Record<string, unknown>
  const locale = text(metadata.locale) ?? text(metadata['ms.locale'])
  if (locale) detection.sourceLocale = {value: locale, file, reason: `build.globalMetadata.${text(metadata.locale) ? 'locale' : 'ms.locale'}`}
  return detection
}
