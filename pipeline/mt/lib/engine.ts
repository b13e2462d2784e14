/**
 * The one interface every machine-translation engine has. Takes: nothing
 * (types only). Returns: the shape of an engine, which the MT stage receives
 * as a value and calls; processes, sockets, retries and caches live behind
 * `translate`, at the CLI edge.
 */

/**
 * A machine-translation engine for one language pair: an async function from
 * a batch of texts to their translations, in order, with a name and its pair.
 *
 * Texts are plain text with babele's placeholders (see `protect`): an engine
 * sends them as they are, in whatever wire format it speaks, and returns the
 * engine's output as plain text, marks included (Apertium's `*` unknown,
 * `#` generation error, `@` transfer error), which `restore` reads.
 */
export interface Engine {
  /** Engine name, recorded with every machine target (`apertium`, `apertium-apy`, `libretranslate`). */
  name: string
  /** The pair or chain it runs, as the engine names it (`ita-cat|cat-eng`, `ita|spa`); part of the cache key. */
  pair: string
  /** Source language (BCP 47). */
  source: string
  /** Target language (BCP 47). */
  target: string
  /**
   * Whether the engine marks words it could not translate with `*`, `#` or
   * `@` (Apertium does): `restore` then reads the marks, lists the words and
   * removes the marks.
   */
  marks: boolean
  /**
   * Translate a batch.
   *
   * @param batch Texts to translate (never empty strings).
   * @returns Their translations, one per text, in order. On failure, reject
   *   with an {@linkcode EngineError} carrying the translations made so far.
   */
  translate(batch: readonly string[]): Promise<string[]>
  /** Release what the engine holds (a process, connections), if anything; whoever made the engine calls it. */
  close?(): Promise<void>
}

/**
 * An engine failure: the server is down or refused, a process failed. It
 * carries the translations the engine finished before failing (`undefined`
 * for the others), so none of them is lost.
 */
export class EngineError extends Error {
  /** Translations made before the failure, by batch index. */
  readonly partial: ReadonlyArray<string | undefined>

  /**
   * @param message What failed and what to do about it.
   * @param partial Translations made before the failure, by batch index.
   */
  constructor(message: string, partial: ReadonlyArray<string | undefined> = []) {
    super(message)
    this.name = 'EngineError'
    this.partial = partial
  }
}
