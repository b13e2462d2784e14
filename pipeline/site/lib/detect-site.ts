/**
 * Detect a documentation site's generator and layout, and the babele
 * config that fits it. Takes: the site as a file listing and the contents of
 * the files `siteFiles` names; options (the locales asked for). Returns: the
 * config to write, each choice with the file that gave it away, the sources
 * the config finds, and messages (notes, existing translations a build would
 * replace, or why there is no config to write).
 *
 * Detectors, one per flavour and file, run in this order; the first that
 * recognises the site gives the layout, every one that does gives its
 * flavour: `docusaurus`, `vitepress`, `mkdocs`, `hugo`, `mdbook`, `docfx`,
 * `jekyll`. A site none of them knows is read as a plain folder of Markdown.
 */
import {isLanguageTag} from '../../language-tag.ts'
import {diagnostic} from '../../diagnostic.ts'
import {parseConfig, type Config} from '../../config/index.ts'
import {documentPaths, paths} from '../../project/index.ts'
import type {Diagnostic} from '../../types.ts'
import {docfx} from './docfx.ts'
import {docusaurus} from './docusaurus.ts'
import {hugo} from './hugo.ts'
import {jekyll} from './jekyll.ts'
import {mdbook} from './mdbook.ts'
import {mkdocs} from './mkdocs.ts'
import {plain} from './plain.ts'
import {shallowFirst, type Detection, type Detector, type Finding, type Site} from './site.ts'
import {vitepress} from './vitepress.ts'

/** Every flavour's detector, in the order they are tried. */
export const siteDetectors: readonly Detector[] = [docusaurus, vitepress, mkdocs, hugo, mdbook, docfx, jekyll]

/** Configuration for {@linkcode detectSite}. */
export interface Options {
  /** Source locale to use whatever the site says (`--source-locale`). */
  sourceLocale?: string | null | undefined
  /** Target locales to use whatever the site says (`--target-locales`). */
  targetLocales?: readonly string[] | null | undefined
  /** Name of the config file, for messages (default `babele.config.json`). */
  file?: string | null | undefined
}

/** What {@linkcode detectSite} found. */
export interface SiteConfig {
  /** The config to write: only the fields detection chose, in a readable order. */
  config: Record<string, unknown>
  /** The config as babele reads it (defaults filled in). */
  parsed: Config
  /** Each choice, with the file that gave it away. */
  findings: Finding[]
  /** The site's files the config takes as sources. */
  sources: string[]
}

/** babele's default target locales, used when neither the site nor the options name any. */
const defaultTargets = ['en', 'es', 'fr', 'ca']

/**
 * The files whose contents detection reads: each detector's config files.
 *
 * @param files Every file of the site, relative to its root.
 */
export function siteFiles(files: readonly string[]): string[] {
  return files.filter((file) => siteDetectors.some((detector) => detector.configFiles.test(file))).sort()
}

/**
 * Detect a site and the config that fits it.
 *
 * @param site File listing and the contents of `siteFiles(site.files)`.
 * @param options Locales asked for, config file name.
 * @returns The config and its findings, or `undefined` with an error message.
 */
export function detectSite(site: Site, options?: Options | null): {value: SiteConfig | undefined; messages: Diagnostic[]} {
  const settings = options || {}
  const file = settings.file ?? 'babele.config.json'
  const asked = settings.sourceLocale ?? undefined
  const context = {site, ...(asked ? {sourceLocale: asked} : {})}
  const detections: Array<[Detector, Detection]> = []
  for (const detector of siteDetectors) {
    const files = shallowFirst(site.files, detector.configFiles)
    const found = files.length > 0 ? detector.detect(context, files) : undefined
    if (found) detections.push([detector, found])
  }
  const primary = detections[0]?.[1] ?? plain(context)
  if (!primary) return {value: undefined, messages: [diagnostic('init-no-markdown', 'No Markdown file in the site: nothing for babele to translate (babele reads .md and .markdown)', {source: 'init', severity: 'error'})]}
  const findings: Finding[] = []
  const messages: Diagnostic[] = []
  const add = (field: string, value: unknown, reason: string, at?: string) => findings.push({field, value, ...(at ? {file: at} : {}), reason})
  for (const [detector, detection] of detections) add('flavor', detector.flavor, detection === primary ? 'its config file' : `its config file too (the ${detections[0]![0].flavor} layout is used)`, detection.file)

  let sourceLocale: string
  if (asked) {
    sourceLocale = asked
    add('sourceLocale', asked, '--source-locale')
  } else if (primary.sourceLocale) {
    sourceLocale = primary.sourceLocale.value
    add('sourceLocale', sourceLocale, primary.sourceLocale.reason, primary.sourceLocale.file)
  } else {
    sourceLocale = 'it'
    add('sourceLocale', sourceLocale, 'babele\'s default: the site does not say (pass --source-locale)')
  }

  let targets: string[]
  if (settings.targetLocales && settings.targetLocales.length > 0) {
    targets = [...settings.targetLocales]
    add('targetLocales', targets, '--target-locales')
  } else if (primary.targetLocales) {
    targets = primary.targetLocales.value.filter((locale) => locale !== sourceLocale)
    const invalid = targets.filter((locale) => !isLanguageTag(locale))
    if (invalid.length > 0) messages.push(diagnostic('init-locale-invalid', `Left out ${invalid.map((locale) => `\`${locale}\``).join(', ')}: not a BCP 47 tag babele can use (\`pt-BR\`, not \`pt_BR\`)`, {source: 'init', severity: 'warning', file: primary.targetLocales.file}))
    targets = targets.filter((locale) => isLanguageTag(locale))
    add('targetLocales', targets, primary.targetLocales.reason, primary.targetLocales.file)
  } else {
    targets = defaultTargets.filter((locale) => locale !== sourceLocale)
    add('targetLocales', targets, 'babele\'s default: the site has no translation yet (pass --target-locales)')
  }

  const {sourcePattern, targetPattern} = primary.layout.value
  add('sourcePattern', sourcePattern, primary.layout.reason, primary.layout.file)
  add('targetPattern', targetPattern, primary.layout.targetReason ?? primary.layout.reason, primary.layout.file)
  const config: Record<string, unknown> = {sourceLocale, targetLocales: targets}
  const flavors = detections.map(([detector]) => detector.flavor)
  if (flavors.length > 0) config.flavor = flavors.length === 1 ? flavors[0] : flavors
  config.sourcePattern = sourcePattern
  config.targetPattern = targetPattern
  if (primary.exclude && primary.exclude.value.length > 0) {
    config.exclude = primary.exclude.value
    add('exclude', primary.exclude.value, primary.exclude.reason, primary.exclude.file)
  }
  if (primary.frontmatterKeys) {
    config.frontmatterKeys = primary.frontmatterKeys.value
    add('frontmatterKeys', primary.frontmatterKeys.value, primary.frontmatterKeys.reason, primary.frontmatterKeys.file)
  }
  for (const [, detection] of detections) for (const note of detection.notes) messages.push(diagnostic('init-note', note.message, {source: 'init', severity: 'info', file: note.file}))
  if (!detections.some(([, detection]) => detection === primary)) for (const note of primary.notes) messages.push(diagnostic('init-note', note.message, {source: 'init', severity: 'info', file: note.file}))

  const parsed = parseConfig(config, {file})
  if (!parsed.value) return {value: undefined, messages: [...messages, ...parsed.messages]}
  // Each source file's document path, worked out once (`documentPaths`: the patterns filled in once for all the files).
  const documentPathOf = documentPaths(parsed.value)
  const documents = new Map<string, string>()
  for (const file of site.files) {
    const path = documentPathOf(file)
    if (path !== undefined) documents.set(file, path)
  }
  const sources = [...documents.keys()]
  if (sources.length === 0) {
    messages.push(diagnostic('init-no-sources', `No Markdown file matches \`sourcePattern\` \`${sourcePattern}\` (${primary.layout.reason}); pass --source-locale if the sources are another locale's`, {source: 'init', severity: 'error', file: primary.layout.file}))
    return {value: undefined, messages}
  }
  // A build writes every target document: say which files already there it would replace.
  const listed = new Set(site.files)
  for (const locale of targets) {
    const existing = [...documents.values()].map((path) => paths.dist(parsed.value!, locale, path)).filter((path) => listed.has(path))
    if (existing.length > 0) {
      messages.push(diagnostic('init-translations-exist', `${locale}: ${existing.length} of ${sources.length} pages already there (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', …' : ''}); \`babele build\` writes babele's output over them, so bring their translations in through XLIFF first, or keep a copy`, {source: 'init', severity: 'warning'}))
    }
  }
  return {value: {config, parsed: parsed.value, findings, sources}, messages}
}
