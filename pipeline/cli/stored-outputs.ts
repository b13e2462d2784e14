/**
 * A document's extract outputs as the cache keeps them (`extract-outputs`
 * entries). Takes: the outputs (`documentOutputs`), or an entry read back.
 * Returns: the entry (the outputs less their texts, and each text as UTF-8
 * bytes), its files as those bytes, or the outputs again.
 *
 * The texts are kept as UTF-8, not as strings: `v8.serialize` keeps a
 * string that is not Latin-1 (Italian with typographic quotes: most
 * sources) at two bytes a character, which made these entries 163 MB of
 * the 268 MB a cold `extract` of the 2,000-file bench corpus wrote to the
 * cache. `extract`'s threads encode each text once (`outputTask`): those
 * bytes are stored, come back to the main thread, and are written and
 * hashed there as they are. The stages that take the outputs as strings
 * (`run`'s extract, import's check of the XLIFF) read and store them
 * through {@linkcode withStoredOutputs}, which decodes and encodes them.
 */
import type {DocumentOutputs} from '../project/index.ts'
import {outputKinds} from '../project/index.ts'
import type {Diagnostic} from '../types.ts'
import type {Cache} from './cache.ts'

/** A document's extract outputs less their texts: each file's path, and each locale's messages. */
export interface OutputsPart {
  source: string
  locales: Array<{files: string[]; messages: Diagnostic[]}>
}

/** An `extract-outputs` entry: the outputs less their texts, and each file's text as UTF-8, in the order of {@linkcode partPaths}. */
export interface StoredOutputs {
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

/** @returns The outputs as an entry keeps them, each text encoded (an array of its own: it crosses threads and goes into the cache). */
export function storeOutputs(value: DocumentOutputs): StoredOutputs {
  const encoder = new TextEncoder()
  return {part: outputsPart(value), texts: outputFiles(value).map(([, text]) => encoder.encode(text))}
}

/** @returns An entry read back, when it is one: `undefined` for anything else (then the outputs are made again). */
export function storedOutputs(value: unknown): StoredOutputs | undefined {
  if (value === null || typeof value !== 'object') return undefined
  const {part, texts} = value as Partial<StoredOutputs>
  if (part === null || typeof part !== 'object' || typeof part.source !== 'string' || !Array.isArray(part.locales)) return undefined
  if (!part.locales.every((locale) => locale !== null && typeof locale === 'object' && Array.isArray(locale.files) && locale.files.every((file) => typeof file === 'string') && Array.isArray(locale.messages))) return undefined
  if (!Array.isArray(texts) || texts.length !== partPaths(part).length || !texts.every((text) => text instanceof Uint8Array)) return undefined
  return {part, texts}
}

/** @returns Each file of an entry: its path and its bytes. */
export function storedFiles(stored: StoredOutputs): Array<[string, Uint8Array]> {
  return partPaths(stored.part).map((path, at) => [path, stored.texts[at]!])
}

/**
 * The cache as the stages that take extract outputs as strings use it: an
 * `extract-outputs` entry is decoded when read (one that is not whole is
 * not there) and encoded when stored; other kinds are as they are.
 *
 * @param cache The cache.
 */
export function withStoredOutputs(cache: Cache): Cache {
  return {
    ...cache,
    get<Value>(kind: string, key: string): Value | undefined {
      const value = cache.get<unknown>(kind, key)
      if (kind !== outputKinds.extract || value === undefined) return value as Value | undefined
      const stored = storedOutputs(value)
      if (!stored) return undefined
      // A text that starts with a byte order mark keeps it.
      const decoder = new TextDecoder('utf-8', {ignoreBOM: true})
      const texts = new Map(storedFiles(stored).map(([path, bytes]) => [path, decoder.decode(bytes)]))
      return joinOutputs(stored.part, (path) => texts.get(path)!) as Value
    },
    put(kind, key, value) {
      cache.put(kind, key, kind === outputKinds.extract ? storeOutputs(value as DocumentOutputs) : value)
    }
  }
}
