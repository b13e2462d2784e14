/**
 * An OmegaT project for one target locale. Takes: the config, the extracted
 * documents, the stores, a locale and the memory. Returns: the project's
 * files, relative to its folder: `omegat.project`, `source/` (XLIFF 1.2,
 * every target pre-filled because OmegaT 3.6 only writes targets that exist:
 * with the leverage stage's pre-fill, else a copy of the source in state
 * `new`), `tm/auto/` (the pre-fills that are the segment's own translation
 * or a context or exact match, in OmegaT's tag form so they match exactly),
 * `tm/` (the fuzzy matches and machine translations, which OmegaT shows as
 * proposals), and, given the termbase and term rules, the glossary terms
 * marked in the XLIFF and listed in `glossary/` so the translator sees them.
 */
import type {Config} from '../../config/index.ts'
import {toOmegatGlossary, type Termbase} from '../../glossary/index.ts'
import {memoryTokens, toTmx, type TmxUnitInput} from '../../memory/index.ts'
import type {MemoryToken, SourceDocument, TargetToken} from '../../types.ts'
import {escapeContent, toXliff12} from '../../xliff/index.ts'
import {projectLeverage, projectPrefill, type ProjectLeverageOptions} from './leverage-project.ts'
import type {Outputs, Stores} from './paths.ts'
import {segmentLocks, type ProjectTerms} from './terms.ts'

/** Options of {@linkcode omegatProject}. */
export interface OmegatOptions extends ProjectLeverageOptions {
  /** Target locale of the project. */
  locale: string
  /** The project's termbase: written as `glossary/babele-<locale>.utf8`. */
  termbase?: Termbase | null
  /** Term rules by target locale: terms are marked in the XLIFF. */
  terms?: ProjectTerms | null
}

/**
 * @param config Project config.
 * @param documents Extracted sources.
 * @param stores Locale stores.
 * @param options The target locale, glossary and memory.
 */
export function omegatProject(config: Config, documents: ReadonlyMap<string, SourceDocument>, stores: Stores, options: OmegatOptions): Outputs {
  const {locale} = options
  const outputs: Outputs = new Map()
  const exact: TmxUnitInput[] = []
  const proposals: TmxUnitInput[] = []
  const pair = (source: readonly MemoryToken[], target: readonly MemoryToken[]): TmxUnitInput => ({
    variants: [
      {lang: config.sourceLocale, tokens: source},
      {lang: locale, tokens: target}
    ]
  })
  const found = projectLeverage(config, documents, stores, locale, options)
  outputs.set('omegat.project', projectFile(config.sourceLocale, locale))
  for (const document of documents.values()) {
    if (document.units.length === 0) continue
    const xliff = toXliff12(document, {
      sourceLocale: config.sourceLocale,
      targetLocale: locale,
      terms: segmentLocks(options.terms, locale),
      target(segment) {
        const leverage = found.segments.get(segment)
        const filled = projectPrefill(config, leverage)
        const source = memoryTokens(document.body, segment.tokens)
        for (const candidate of leverage?.candidates ?? []) {
          if (candidate !== filled?.candidate && (candidate.match === 'fuzzy' || candidate.match === 'machine')) proposals.push(pair(candidate.source, candidate.target))
        }
        if (!filled) return {tokens: segment.tokens as TargetToken[], state: 'initial'}
        const target = memoryTokens(document.body, filled.tokens)
        if (filled.candidate.own || filled.candidate.match === 'context' || filled.candidate.match === 'exact') exact.push(pair(source, target))
        else proposals.push(pair(source, target))
        return {tokens: filled.tokens, state: filled.state}
      }
    })
    outputs.set(`source/${document.path}.xlf`, xliff)
  }
  outputs.set(`tm/auto/babele-${locale}.tmx`, toTmx(exact, {sourceLocale: config.sourceLocale, tagStyle: 'omegat'}))
  if (proposals.length > 0) outputs.set(`tm/babele-${locale}-proposals.tmx`, toTmx(proposals, {sourceLocale: config.sourceLocale, tagStyle: 'omegat'}))
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
