/**
 * An OmegaT project for one target locale. Takes: the config, the extracted
 * documents, the stores, a locale. Returns: the project's files, relative to
 * its folder: `omegat.project`, `source/` (XLIFF 1.2, every target pre-filled
 * because OmegaT 3.6 only writes targets that exist), `tm/auto/` (the
 * locale's known translations, in OmegaT's tag form so they match exactly),
 * and, given the termbase and term rules, the glossary terms marked in the
 * XLIFF and listed in `glossary/` so the translator sees them.
 */
import type {Config} from '../../config/index.ts'
import {toOmegatGlossary, type Termbase} from '../../glossary/index.ts'
import {toTmx, type TmxEntry} from '../../memory/index.ts'
import type {Bundle, SourceDocument, TargetToken} from '../../types.ts'
import {fromBundleValue} from '../../units/index.ts'
import {escapeContent, toXliff12} from '../../xliff/index.ts'
import type {Outputs, Stores} from './paths.ts'
import {segmentLocks, type ProjectTerms} from './terms.ts'

/** Options of {@linkcode omegatProject}. */
export interface OmegatOptions {
  /** Target locale of the project. */
  locale: string
  /** The project's termbase: written as `glossary/babele-<locale>.txt`. */
  termbase?: Termbase | null
  /** Term rules by target locale: terms are marked in the XLIFF. */
  terms?: ProjectTerms | null
}

/**
 * @param config Project config.
 * @param documents Extracted sources.
 * @param stores Locale stores.
 * @param options The target locale.
 */
export function omegatProject(config: Config, documents: ReadonlyMap<string, SourceDocument>, stores: Stores, options: OmegatOptions): Outputs {
  const {locale} = options
  const outputs: Outputs = new Map()
  const memory: TmxEntry[] = []
  outputs.set('omegat.project', projectFile(config.sourceLocale, locale))
  for (const document of documents.values()) {
    if (document.units.length === 0) continue
    const bundle: Bundle = stores.bundles.get(`${locale}/${document.id}`) ?? {}
    const state = stores.states.get(`${locale}/${document.id}`) ?? {}
    const xliff = toXliff12(document, {
      sourceLocale: config.sourceLocale,
      targetLocale: locale,
      terms: segmentLocks(options.terms, locale),
      target(segment) {
        const value = bundle[segment.key]
        const known = value === undefined ? undefined : fromBundleValue(value, segment)
        if (known && known.problems.length === 0) {
          memory.push({document, segment, target: known.tokens})
          return {tokens: known.tokens, state: state[segment.key]?.state ?? 'translated'}
        }
        return {tokens: segment.tokens as TargetToken[], state: 'initial'}
      }
    })
    outputs.set(`source/${document.path}.xlf`, xliff)
  }
  outputs.set(`tm/auto/babele-${locale}.tmx`, toTmx(memory, {sourceLocale: config.sourceLocale, targetLocale: locale, tagStyle: 'omegat'}))
  // OmegaT 3.6 refuses a project whose omegat/ folder is missing ("Unable to read project file").
  for (const folder of ['glossary', 'dictionary', 'target', 'omegat']) outputs.set(`${folder}/.keep`, '')
  if (options.termbase) outputs.set(`glossary/babele-${locale}.utf8`, toOmegatGlossary(options.termbase, {source: config.sourceLocale, target: locale}))
  return outputs
}

/**
 * OmegaT's project file. Sentence segmentation is off: babele's XLIFF already
 * holds one `<mrk mtype="seg">` per sentence, and OmegaT must not cut them again.
 */
function projectFile(sourceLocale: string, targetLocale: string): string {
  const language = (tag: string) => escapeContent(tag)
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <source_dir_excludes>
            <mask>**/.keep</mask>
        </source_dir_excludes>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>${language(sourceLocale)}</source_lang>
        <target_lang>${language(targetLocale)}</target_lang>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
`
}
