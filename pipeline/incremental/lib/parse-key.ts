/**
 * What a source's extraction depends on. Takes: the config, a document path
 * and the digest of the source's bytes (and of the glossary, for the lint).
 * Returns: cache keys that change whenever anything the result is made of
 * changes, and only then.
 *
 * A document (blocks, units, segments, keys, skeleton) is made of the
 * source's bytes, its path (its id, and the file named in messages) and the
 * config fields extraction reads: the source locale (segmentation),
 * `frontmatterKeys`, `flavor` and `codeFinder`. The source lint's findings
 * add the glossary. babele's own code is not in the key: it is in the name
 * of the cache folder (see the CLI's `openCache`), so another version of
 * babele never reads this one's entries.
 */
import type {Config} from '../../config/index.ts'
import {digestBytes, DigestPart} from './digest.ts'

/** The config fields that extraction reads. */
export type ParseSettings = Pick<Config, 'sourceLocale' | 'frontmatterKeys' | 'flavor' | 'codeFinder'>

/**
 * @param config Project config.
 * @returns The fields extraction reads, and nothing else.
 */
function parseSettings(config: ParseSettings): ParseSettings {
  return {sourceLocale: config.sourceLocale, frontmatterKeys: [...config.frontmatterKeys], flavor: [...config.flavor], codeFinder: [...config.codeFinder]}
}

/**
 * @param config Project config.
 * @param path Document path.
 * @param source Digest of the source file's bytes (`digestBytes`).
 * @returns The key of the extracted document.
 */
export function documentKey(config: ParseSettings, path: string, source: string): string {
  return documentKeys(config)(path, source)
}

/**
 * {@linkcode documentKey} for many documents of one config: its fields are
 * put in canonical form once (the same keys).
 *
 * @param config Project config (read now: a later change to it is not seen).
 * @returns The key of a document by its path and the digest of its bytes.
 */
export function documentKeys(config: ParseSettings): (path: string, source: string) => string {
  const settings = new DigestPart(parseSettings(config))
  // `digest(['document', path, source, settings])`, its canonical text written out (a string's is its JSON): a run keys every document, thousands, each time.
  const tail = ',' + settings.text + ']'
  return (path, source) => digestBytes('["document",' + JSON.stringify(path) + ',' + JSON.stringify(source) + tail)
}

/**
 * @param document The document's key (`documentKey`).
 * @param glossary Digest of the glossary files (`undefined`: the project has none).
 * @returns The key of the source lint's findings on that document.
 */
export function lintKey(document: string, glossary: string | undefined): string {
  // `digest(['lint', document, glossary ?? null])`, its canonical text written out, as in `documentKeys`.
  return digestBytes('["lint",' + JSON.stringify(document) + ',' + (glossary == null ? 'null' : JSON.stringify(glossary)) + ']')
}
