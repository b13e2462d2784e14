/**
 * Outputs made before, handed back. Takes: a store of entries by kind and
 * key (the CLI's cache), an output's kind and key (`pipeline/incremental`'s
 * output keys: a digest of everything the output is made of), and how to
 * make it. Returns: the stored value when the key is there, else the value
 * made (and stored). The stages that take a `reuse` option compute the keys
 * (pure); the store does the I/O, as an engine does for machine translation.
 *
 * ```ts
 * reused(store, outputKinds.build, buildKey(document, config, locale, values), () => buildDocument(…))
 * ```
 */

/** Entries by kind and key (`get` answers what `put` stored under the same kind and key, or nothing). */
export interface EntryStore {
  get<Value>(kind: string, key: string): Value | undefined
  put(kind: string, key: string, value: unknown): void
  /** Count entries a stage used without reading them (their values kept in a combination of every document's parts, `analysis-combined`) as found. */
  kept?(kind: string, count: number): void
  /** Whether an entry is there under `key`, not read (a stage storing what another reads: none is written again). */
  has?(kind: string, key: string): boolean
}

/** The kinds of outputs reused: per document its extract outputs (the CLI keeps no entry of them: its record of the files on disk answers), a built file, its part of a locale's analysis (and every document's part combined, one entry per locale, replaced by each run that changes it and used only where its documents' part keys match), its part of the glossary review and its listed occurrences; every document's glossary part combined (one entry, replaced by each run that changes it, and used only where its documents' part keys match); the glossary page and its index of parts and listings (each one entry, replaced by each run that renders the page, the page used only where its key matches). */
export const outputKinds = {extract: 'extract-outputs', build: 'build', analysis: 'analysis', analysisCombined: 'analysis-combined', glossaryPart: 'glossary-part', glossaryListing: 'glossary-listing', glossaryCombined: 'glossary-combined', glossaryPage: 'glossary-report', glossaryPageIndex: 'glossary-report-index'} as const

/** What a stage needs to reuse a document's outputs. */
export interface Reuse {
  /** Each document's key (`documentKey`: its bytes, its path, the config fields extraction reads), by path; a document without one is always made. */
  keys: ReadonlyMap<string, string>
  /** Digest of the termbase (`digest`), which the compiled term rules a stage is given are made of; `undefined`: none. */
  glossary: string | undefined
  store: EntryStore
}

/**
 * @param store The entries (none: always made).
 * @param kind Entry kind (`outputKinds`).
 * @param key The output's key (none: always made).
 * @param make Makes the output (a value `v8.serialize` keeps).
 */
export function reused<Value>(store: EntryStore | undefined, kind: string, key: string | undefined, make: () => Value): Value {
  if (!store || key === undefined) return make()
  const found = store.get<Value>(kind, key)
  if (found !== undefined) return found
  const made = make()
  store.put(kind, key, made)
  return made
}
