/**
 * What a document's outputs depend on. Takes: the document's key
 * (`documentKey`) and digests of the project-wide inputs its outputs read.
 * Returns: cache keys that change whenever any of them changes, so a
 * document's XLIFF files and built files are made again only when
 * something they are made of changed (a one-file edit makes that file's
 * outputs again, and no other's).
 *
 * - extract (`documentOutputs`: its source bundle and XLIFF files): the
 *   document; the config; each target locale's memory (every stored
 *   translation's source and target, and the outside memory); the glossary
 *   (term marks).
 * - analysis (`analysisPart`: a document's segments with their best band
 *   and words, in one target locale): the document; the config; the
 *   locale; the locale's memory.
 * - build (`buildDocument`): the document; the config (fallback chains);
 *   the target locale; the document's bundle and state file in every locale
 *   (any may be a fallback), after the QA stage's refusals.
 * - glossary review part (`documentPart`): the document; the config; the
 *   glossary; `maxOccurrences`; the document's bundle in every locale but
 *   the source's, with the keys the QA stage refuses in it; the diagnostics
 *   about the document (its source findings and its store and XLIFF files'
 *   violations, each with its locale), in order. Its listing
 *   (`documentListing`) adds the occurrences asked for. Every document's
 *   part combined (`combineParts`) is kept under the shared part alone,
 *   holding each document's part key; so is the page, with the key of all
 *   it is made of (`glossaryPageKey`) inside.
 *
 * ```ts
 * extractOutputsKey(documentKey(config, 'a.md', digestBytes(text)), extractContextKey(config, memories, glossary))
 * buildKey(documentKey(config, 'a.md', digestBytes(text)), JSON.stringify(values), buildContextKey(config, 'en'))
 * ```
 */
import {digest, digestBytes} from './digest.ts'

/**
 * @param config The config (the whole of it).
 * @param glossary Digest of the termbase (the compiled term rules are made of it and the config).
 * @param max Occurrences listed per concept, at most.
 * @returns The key of what every document's glossary review part shares.
 */
export function glossaryContextKey(config: unknown, glossary: string, max: number): string {
  return digest(['glossary-context', config, glossary, max])
}

/**
 * The values and diagnostics go in as their JSON (`JSON.stringify`, many
 * times faster than `digest`'s canonical form on 2,000 documents' worth):
 * the same value written with its fields in another order is a miss, never
 * a wrong hit. The five texts are hashed joined by newlines, not escaped
 * again as `digest` would: the keys are hex digits and JSON text holds no
 * raw newline, so the joined text tells them apart.
 *
 * @param document The document's key (`documentKey`).
 * @param context The shared part (`glossaryContextKey`).
 * @param values The document's bundles, with the keys refused in each, as the review reads them.
 * @param diagnostics The diagnostics about the document, each with its locale (none: a source finding), in order; a run of them may be given as a key that stands for it (a digest of all it is made of).
 * @returns The key of the document's part of the glossary review.
 */
export function glossaryPartKey(document: string, context: string, values: unknown, diagnostics: unknown): string {
  return digestBytes(`glossary-part\n${document}\n${context}\n${JSON.stringify(values) ?? 'undefined'}\n${JSON.stringify(diagnostics) ?? 'undefined'}`)
}

/**
 * Not a digest of the combination's content: each run that changes it
 * replaces it, and it holds each document's part key, so a document's
 * records in it are used only where its part key matches.
 *
 * @param context The shared part (`glossaryContextKey`).
 * @returns The key of every document's glossary review part, combined.
 */
export function glossaryCombinedKey(context: string): string {
  return digest(['glossary-combined', context])
}

/**
 * Not a digest of the page: each run that renders a page replaces its
 * entries (the page, and its index of parts and listings), and the page is
 * used only where its key ({@linkcode glossaryPageKey}) matches.
 *
 * @param context The shared part (`glossaryContextKey`).
 * @returns The key of the glossary review's kept page and its index.
 */
export function glossaryPageIndexKey(context: string): string {
  return digest(['glossary-page-index', context])
}

/**
 * Everything the glossary review's page is made of; the texts hashed joined
 * by newlines (digests, and JSON text with no raw newline).
 *
 * @param context The shared part (`glossaryContextKey`).
 * @param rest A digest of the documents' paths and of where each diagnostic with a concept goes (its document and locale, in order; one of no document, as its JSON).
 * @param shown Each document's part's `shown` digest, in document order.
 * @param listed Each document listed: its index, the occurrences asked (by concept, their numbers) and a digest of its listing, in the order listed.
 * @returns The page's key.
 */
export function glossaryPageKey(context: string, rest: string, shown: readonly string[], listed: unknown): string {
  return digestBytes(`glossary-page\n${context}\n${rest}\n${shown.join(',')}\n${JSON.stringify(listed)}`)
}

/**
 * @param part The document's part's key (`glossaryPartKey`).
 * @param wanted The occurrences listed, by concept: their numbers in the document.
 * @returns The key of the document's listed occurrences.
 */
export function glossaryListingKey(part: string, wanted: unknown): string {
  return digest(['glossary-listing', part, wanted])
}

/**
 * @param config The config (the whole of it: any change misses).
 * @param memories Each target locale's memory entries, in the config's order.
 * @param glossary Digest of the termbase (`undefined`: none).
 * @returns The key of what every document's extract outputs share.
 */
export function extractContextKey(config: unknown, memories: unknown, glossary: string | undefined): string {
  return digest(['extract-context', config, memories, glossary ?? null])
}

/**
 * The two keys are hashed joined by newlines, as {@linkcode analysisKey}'s
 * are, not in `digest`'s canonical form (a one-file edit of a large
 * project makes one key per document, and `extract` another on its
 * threads): both are hex digits, so the joined text tells them apart.
 *
 * @param document The document's key (`documentKey`).
 * @param context The shared part (`extractContextKey`).
 * @returns The key of the document's extract outputs.
 */
export function extractOutputsKey(document: string, context: string): string {
  return digestBytes(`extract-outputs\n${document}\n${context}`)
}

/**
 * @param config The config (the whole of it: any change misses).
 * @param locale The target locale analyzed.
 * @param memory The locale's memory entries (every stored translation's source and target, and the outside memory).
 * @returns The key of what every document's part of the locale's analysis shares.
 */
export function analysisContextKey(config: unknown, locale: string, memory: unknown): string {
  return digest(['analysis-context', config, locale, memory])
}

/**
 * Not a digest of the combination's content: each run that changes it
 * replaces it, and it holds each document's part key, so a document's
 * counts in it are used only where its part key matches.
 *
 * @param context The shared part (`analysisContextKey`).
 * @returns The key of every document's part of a locale's analysis, combined (`combineAnalysis`).
 */
export function analysisCombinedKey(context: string): string {
  return digest(['analysis-combined', context])
}

/**
 * The two keys are hashed joined by newlines, not in `digest`'s canonical
 * form (a one-file edit of a large project makes one key per document):
 * both are hex digits, so the joined text tells them apart.
 *
 * @param document The document's key (`documentKey`).
 * @param context The shared part (`analysisContextKey`).
 * @returns The key of the document's part of a locale's analysis.
 */
export function analysisKey(document: string, context: string): string {
  return digestBytes(`analysis\n${document}\n${context}`)
}

/**
 * @param config The config (the whole of it: any change misses).
 * @param locale The target locale built.
 * @returns The key of what every document's built file in that locale shares.
 */
export function buildContextKey(config: unknown, locale: string): string {
  return digest(['build-context', config, locale])
}

/**
 * One digest per document and locale, of text joined as the glossary
 * part's is ({@linkcode glossaryPartKey}): the values go in as their JSON
 * text, made once for every locale, so the same value written with its
 * fields in another order is a miss, never a wrong hit, and the keys and
 * the JSON text hold no raw newline.
 *
 * @param document The document's key (`documentKey`).
 * @param values JSON text (`JSON.stringify`) of the document's bundle and state file in every target locale, as the build resolves them (refused values left out; an empty one as none), by locale.
 * @param context The shared part (`buildContextKey`).
 * @returns The key of the document's built file in that locale.
 */
export function buildKey(document: string, values: string, context: string): string {
  return digestBytes(`build\n${document}\n${context}\n${values}`)
}
