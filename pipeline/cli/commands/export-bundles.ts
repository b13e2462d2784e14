/**
 * `babele export-bundles`: every document's bundles as flat XLIFF for
 * app-string tooling. Takes: a workspace, an output folder, locales and an
 * XLIFF version. Returns: a command result (one file per locale and document).
 */
import {relative, resolve} from 'node:path'
import {extractDocuments, paths} from '../../project/index.ts'
import {sourceBundle, toBundleXliff} from '../../store/index.ts'
import {readSources, readStores, UsageError, writeOutputs, type Workspace} from '../workspace.ts'
import type {CommandResult} from './pipeline.ts'

/** Options of {@linkcode exportBundles}. */
export interface ExportOptions {
  /** Output folder, relative to the working directory. */
  out: string
  /** Locales to export (default: every target locale). */
  locales: string[]
  version: '2.0' | '1.2'
}

/**
 * @param workspace The project.
 * @param options Where and what to export.
 */
export async function exportBundles(workspace: Workspace, options: ExportOptions): Promise<CommandResult> {
  const {config} = workspace
  const unknown = options.locales.filter((locale) => !config.targetLocales.includes(locale))
  if (unknown.length > 0) throw new UsageError(`--locale ${unknown.join(', ')}: not a configured target locale (${config.targetLocales.join(', ')})`)
  const documents = extractDocuments(config, readSources(workspace))
  const stores = readStores(workspace)
  const folder = relative(workspace.root, resolve(options.out))
  const outputs = new Map<string, string>()
  for (const locale of options.locales.length > 0 ? options.locales : config.targetLocales) {
    for (const document of documents.value.values()) {
      const xml = await toBundleXliff({
        sourceLocale: config.sourceLocale,
        targetLocale: locale,
        namespace: document.id,
        source: sourceBundle(document),
        target: stores.value.bundles.get(paths.store(locale, document.id)),
        version: options.version
      })
      outputs.set(`${folder}/${locale}/${document.id}.xlf`, xml.endsWith('\n') ? xml : xml + '\n')
    }
  }
  const written = writeOutputs(workspace, outputs)
  return {
    command: 'export-bundles',
    written,
    unchanged: outputs.size - written.length,
    messages: [...documents.messages, ...stores.messages],
    summary: [`export-bundles: ${outputs.size} flat XLIFF ${options.version} file(s) in ${options.out}, ${written.length} written (bundles: ${paths.bundle(config, '<lng>', '<doc>')})`]
  }
}
