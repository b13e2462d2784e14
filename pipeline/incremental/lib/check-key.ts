/**
 * What a document's own QA findings depend on. Takes: the document's key
 * (`documentKey`), its bundle in one locale, a digest of the config and of
 * the glossary. Returns: the cache key of the findings `checkProject` keeps
 * per document and locale (each stored translation checked on its own), so
 * they are checked again only when the source, that bundle, the config
 * (severities, locales, paths) or the glossary (term rules) changed.
 *
 * ```ts
 * checkKey(documentKey(config, 'a.md', digestBytes(text)), 'en', bundle, digest(config), glossary)
 * ```
 */
import {digest} from './digest.ts'

/**
 * @param document The document's key (`documentKey`).
 * @param locale The target locale checked.
 * @param bundle The document's bundle in that locale (every value, as stored).
 * @param config Digest of the whole config (`digest`).
 * @param glossary Digest of the termbase (`undefined`: none).
 * @returns The key of the document's own findings in that locale.
 */
export function checkKey(document: string, locale: string, bundle: unknown, config: string, glossary: string | undefined): string {
  return digest(['qa-check', document, locale, bundle, config, glossary ?? null])
}
