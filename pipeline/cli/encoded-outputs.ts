/**
 * A document's extract outputs as they cross from `extract`'s threads to
 * the main thread. Takes: the outputs (`documentOutputs`). Returns: the
 * outputs less their texts and each text as UTF-8 bytes, its files as
 * those bytes, or the outputs again (the text of each file by its path).
 *
 * The texts cross as UTF-8, not as strings: a string that is not Latin-1
 * (Italian with typographic quotes: most sources) is copied at two bytes a
 * character, and the main thread writes and hashes bytes. `extract`'s
 * threads encode each text once (`outputTask`); the main thread writes and
 * hashes those bytes as they are. The cache keeps no copy of them: the
 * output record knows the files on disk (`output-record.ts`).
 */
import type {DocumentOutputs} from '../project/index.ts'
import type {Diagnostic} from '../types.ts'

/** A document's extract outputs less their texts: each file's path, and each locale's messages. */
export interface OutputsPart {
  source: string
  locales: Array<{files: string[]; messages: Diagnostic[]}>
}

/** The outputs less their texts, and each file's text as UTF-8, in the order of {@linkcode partPaths}. */
export interface EncodedOutputs {
  part: OutputsPart
  texts: Uint8Array[]
}

/** @returns The outputs less their texts. */
export function outputsPart(value: DocumentOutputs): OutputsPart {
  return {source: value.source[0], locales: value.locales.map((locale) => ({files: locale.outputs.map(([file]) => file), messages: locale.messages}))}
}

/** @returns Each file of the outputs, path and text: the source bundle, then each locale's (the order of {@linkcode partPaths}). */
export function outputFiles(value: DocumentOutputs): Array<[string, string]> {
  return [value.source, ...value.locales.flatMap((locale) => locale.outputs)]
}

/**
 * A plain loop, not a spread of a `flatMap`: a one-file edit of a large
 * project asks for every kept document's paths, in code V8 leaves
 * unoptimized (`tiering.ts`).
 *
 * @returns The paths of the part's files: the source bundle, then each locale's.
 */
export function partPaths(part: OutputsPart): string[] {
  const paths = [part.source]
  for (const locale of part.locales) for (const file of locale.files) paths.push(file)
  return paths
}

/**
 * @param part The outputs less their texts.
 * @param text Each file's text, by its path.
 * @returns The outputs.
 */
export function joinOutputs(part: OutputsPart, text: (path: string) => string): DocumentOutputs {
  return {source: [part.source, text(part.source)], locales: part.locales.map((locale) => ({outputs: locale.files.map((file): [string, string] => [file, text(file)]), messages: locale.messages}))}
}

/** @returns The outputs as they cross threads, each text encoded (each an array of its own: a view of a larger buffer would take all of it across). */
export function encodeOutputs(value: DocumentOutputs): EncodedOutputs {
  const encoder = new TextEncoder()
  return {part: outputsPart(value), texts: outputFiles(value).map(([, text]) => encoder.encode(text))}
}

/** @returns Each file of the outputs: its path and its bytes. */
export function encodedFiles(stored: EncodedOutputs): Array<[string, Uint8Array]> {
  return partPaths(stored.part).map((path, at) => [path, stored.texts[at]!])
}
