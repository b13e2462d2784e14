/**
 * Documents read only when a stage asks for one. Takes: documents by path,
 * each either made (a source just extracted) or deferred with how to read
 * it (a cache entry). Returns: a `Map` of documents by path whose
 * deferred values are read on first use: `get`, `values`, `entries`,
 * `forEach` and iteration read them (iteration reads every one still
 * deferred), while `keys`, `has` and `size` read none. A stage that goes
 * by path (`for (const path of documents.keys())`) and asks only for the
 * documents whose parts missed the cache leaves the others unread, so a
 * one-file edit does not deserialize every document.
 *
 * ```ts
 * const documents = new LazyDocuments()
 * documents.defer('a.md', () => readDocument(cache, task)!.document)
 * documents.size // 1, nothing read
 * documents.get('a.md') // read now, once
 * ```
 */
import type {SourceDocument} from '../types.ts'

/** A map of documents by path, some read on first use. */
export class LazyDocuments extends Map<string, SourceDocument> {
  /** How to read each document not read yet, by path. */
  readonly #deferred = new Map<string, () => SourceDocument>()

  /**
   * Add a document read by `read` when first asked for (its place in the
   * order is now, as with `set`).
   */
  defer(path: string, read: () => SourceDocument): this {
    super.set(path, undefined as unknown as SourceDocument)
    this.#deferred.set(path, read)
    return this
  }

  override set(path: string, document: SourceDocument): this {
    this.#deferred.delete(path)
    return super.set(path, document)
  }

  override delete(path: string): boolean {
    this.#deferred.delete(path)
    return super.delete(path)
  }

  override clear(): void {
    this.#deferred.clear()
    super.clear()
  }

  override get(path: string): SourceDocument | undefined {
    this.#settle(path)
    return super.get(path)
  }

  override values(): MapIterator<SourceDocument> {
    this.#settleAll()
    return super.values()
  }

  override entries(): MapIterator<[string, SourceDocument]> {
    this.#settleAll()
    return super.entries()
  }

  override [Symbol.iterator](): MapIterator<[string, SourceDocument]> {
    return this.entries()
  }

  override forEach(callback: (document: SourceDocument, path: string, map: Map<string, SourceDocument>) => void, self?: unknown): void {
    this.#settleAll()
    super.forEach(callback, self)
  }

  /** Read one deferred document, if it is. */
  #settle(path: string): void {
    const read = this.#deferred.get(path)
    if (!read) return
    this.#deferred.delete(path)
    super.set(path, read())
  }

  /** Read every deferred document. */
  #settleAll(): void {
    for (const path of [...this.#deferred.keys()]) this.#settle(path)
  }
}
