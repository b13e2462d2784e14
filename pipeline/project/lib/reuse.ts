/**
 * Outputs made before, handed back. Takes: each document's key
 * (`documentKey`), the glossary's digest and a store of entries by kind and
 * key (the CLI's cache). Returns: a document's output read from the store
 * when its key (`pipeline/incremental`'s output keys) is there, else made
 * and stored. The stages that take a `reuse` option compute the keys (pure);
 * the store does the I/O.
 *
 * ```ts
 * reused(reuse, 'build', (document) => buildKey(document, config, locale, values), 'a.md', () => buildDocument(…))
 * ```
 */

/** Entries by kind and key (`get` answers what `put` stored under the same kind and key, or nothing). */
export interface EntryStore {
  get<Value>(kind: string, key: string): Value | undefined
  put(kind: string, key: string, value: unknown): void
}

/** What a stage needs to reuse a document's outputs. */
export interface Reuse {
  /** Each document's key (`documentKey`: its bytes, its path, the config fields extraction reads), by path; a document without one is always made. */
  keys: ReadonlyMap<string, string>
  /** Digest of the termbase (`digest`), which the compiled term rules a stage is given are made of; `undefined`: none. */
  glossary: string | undefined
  store: EntryStore
}

/**
 * @param reuse Keys, glossary, store (none: always made).
 * @param kind Entry kind (`extract-outputs`, `build`).
 * @param key The output's key from the document's.
 * @param path The document's path.
 * @param make Makes the output (a JSON-like value).
 */
export function reused<Value>(reuse: Reuse | null | undefined, kind: string, key: (document: string) => string, path: string, make: () => Value): Value {
  const document = reuse?.keys.get(path)
  if (!reuse || document === undefined) return make()
  const name = key(document)
  const found = reuse.store.get<Value>(kind, name)
  if (found !== undefined) return found
  const made = make()
  reuse.store.put(kind, name, made)
  return made
}
