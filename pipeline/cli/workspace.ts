/**
 * Load a project from disk and write outputs back. Takes: the config path.
 * Returns: the validated config, sources and stores as values; writes go
 * through the atomic writer and report which files changed.
 */
import {diagnostic} from '../diagnostic.ts'
import {digestBytes} from '../incremental/index.ts'
import {dirname, isAbsolute, join, relative, resolve, sep} from 'node:path'
import {markdownExtension, parseConfig, type Config} from '../config/index.ts'
import {fromTbx, fromTermCsv, type Termbase} from '../glossary/index.ts'
import {fromTmx, tmxEntries, xliffEntries, type MemoryEntry} from '../memory/index.ts'
import {clashingIds, documentPaths, paths, skipFolder, sourceFolder, type ExternalMemory, type Stores} from '../project/index.ts'
import type {Bundle, Diagnostic, StateFile} from '../types.ts'
import {fromXliff} from '../xliff/index.ts'
import {decodeXml} from '../xml/index.ts'
import {openReadRecord} from './read-record.ts'
import {exists, isFolder, listFiles, readBytes, readText, replaceCacheFile, sameSignatures, signatureLength, sizeOf, writeAtomic} from './fs.ts'
import {UsageError} from './run-settings.ts'

/** A project on disk. */
export interface Workspace {
  /** Folder the config lives in; every configured path is relative to it. */
  root: string
  config: Config
}

export {UsageError, runSettings, type RunFlags, type RunSettings} from './run-settings.ts'

/**
 * Read and validate the config. A missing config is a usage error: named
 * with `--config`, it is not found; the default one, `babele init` writes it.
 */
export function openWorkspace(configPath: string, explicit: boolean): Workspace {
  const path = resolve(configPath)
  if (!exists(path)) {
    if (explicit) throw new UsageError(`${configPath}: config file not found`)
    throw new UsageError(`No ${configPath} in ${dirname(path)}: run \`babele init\` to write one from the site's layout, or pass --config FILE`)
  }
  let input: unknown
  try {
    input = JSON.parse(readText(path))
  } catch (error) {
    throw new UsageError(`${configPath}: not valid JSON (${(error as Error).message})`)
  }
  const {value, messages} = parseConfig(input, {file: configPath})
  if (!value) throw new UsageError(`${configPath}: invalid configuration`, messages)
  return {root: dirname(path), config: value}
}

/** Source files (relative to the project root) by document path: every file `sourcePattern` matches, less the skipped, excluded and translated ones (`documentPath`). */
export function sourceFiles(workspace: Workspace): Map<string, string> {
  const {config, root} = workspace
  const folder = sourceFolder(config)
  const prefix = folder === '' ? '' : `${folder}/`
  const files = new Map<string, string>()
  const documentPath = documentPaths(config)
  for (const file of listFiles(join(root, folder), (name) => markdownExtension.test(name), (sub) => !skipFolder(config, prefix + sub))) {
    const path = documentPath(prefix + file)
    if (path !== undefined) files.set(path, prefix + file)
  }
  const clashes = clashingIds(files.keys())
  if (clashes.length > 0) {
    const messages = clashes.flatMap(({id, paths: same}) => same.map((path) => diagnostic('document-id-clash', `\`${files.get(path)}\` and ${same.filter((other) => other !== path).map((other) => `\`${files.get(other)}\``).join(', ')} are the same document \`${id}\` (its stores, XLIFF and built files): rename one`, {file: files.get(path)!, source: 'cli', severity: 'error'})))
    throw new UsageError(`${clashes.length} document id(s) given by more than one source file: ${clashes.map(({id, paths: same}) => `\`${id}\` (${same.map((path) => files.get(path)).join(', ')})`).join('; ')}`, messages)
  }
  return files
}

/** Source texts by document path (`sourceFiles`, read). */
export function readSources(workspace: Workspace, files: ReadonlyMap<string, string> = sourceFiles(workspace)): Map<string, string> {
  return new Map([...files].map(([path, file]) => [path, readText(join(workspace.root, file))]))
}

/** Why no source was found, for a usage error: the pattern searched, and where. */
export function noSources(workspace: Workspace): string {
  return `No Markdown sources match \`sourcePattern\` \`${workspace.config.sourcePattern}\` (source locale \`${workspace.config.sourceLocale}\`) in ${workspace.root}`
}

/**
 * The project's termbase: every `*.tbx`, `*.csv` and `*.tsv` under the
 * configured glossary folder, read with `fromTbx`/`fromTermCsv` and merged
 * in path order (concepts concatenated; a concept id already seen in an
 * earlier file is left out with a warning). `value` is `undefined` when the
 * folder holds no termbase or none could be read. With the cache folder,
 * each file is recorded with what it parsed to, termbase and messages
 * (`glossary-read`, `read-record.ts`): one that keeps its signature is not
 * read nor parsed again.
 */
export function readGlossary(workspace: Workspace, options?: {cache: string | undefined; started: number}): {value: Termbase | undefined; messages: Diagnostic[]} {
  const folder = join(workspace.root, workspace.config.glossary)
  const messages: Diagnostic[] = []
  let merged: Termbase | undefined
  const ids = new Set<string>()
  const record = openReadRecord<GlossaryFile>(options?.cache && join(options.cache, 'glossary-read'), {started: options?.started ?? 0})
  const files: string[] = []
  for (const path of listFiles(folder, (name) => /\.(?:tbx|csv|tsv)$/i.test(name))) {
    const file = `${workspace.config.glossary}/${path}`
    const absolute = join(folder, path)
    files.push(file)
    const parse = (text: string): GlossaryFile => {
      const parsed = /\.tbx$/i.test(path) ? fromTbx(text, {file}) : fromTermCsv(text, {file})
      return {value: parsed.value, messages: parsed.messages}
    }
    const read = (record.known(file, absolute) ?? record.read(file, absolute, parse)).value!
    messages.push(...read.messages)
    if (!read.value) continue
    merged ??= {...read.value, concepts: []}
    for (const concept of read.value.concepts) {
      if (ids.has(concept.id)) {
        messages.push(diagnostic('glossary-duplicate-concept', `Concept \`${concept.id}\` is already defined in an earlier glossary file; this one is left out`, {source: 'glossary', severity: 'warning', file}))
        continue
      }
      ids.add(concept.id)
      merged.concepts.push(concept)
    }
  }
  record.keepOnly(files)
  // Saved before anything is done with the termbase: the record holds it as it was parsed.
  record.save()
  return {value: merged, messages}
}

/** What one glossary file parsed to (recorded in `glossary-read`). */
interface GlossaryFile {
  value: Termbase | undefined
  messages: Diagnostic[]
}

/**
 * Target-locale bundles and state files. With the cache folder, each file
 * is recorded with what it parsed to (`stores-read`, `read-record.ts`):
 * one that keeps its signature is not read again (a project's thousands of
 * stores cost a `stat` each); a file that does not parse to an object is
 * never recorded, so its error is reported on every run.
 *
 * @param options The cache folder (none: every file read) and when the command started (`Date.now()`).
 */
export function readStores(workspace: Workspace, options?: {cache: string | undefined; started: number}): {value: Stores; messages: Diagnostic[]} {
  const bundles = new Map<string, Bundle>()
  const states = new Map<string, StateFile>()
  const messages: Diagnostic[] = []
  const record = openReadRecord<Bundle | StateFile>(options?.cache && join(options.cache, 'stores-read'), {started: options?.started ?? 0})
  const files: string[] = []
  for (const locale of workspace.config.targetLocales) {
    const folder = join(workspace.root, workspace.config.locales, locale)
    // Thousands of stores: each one's absolute path joined to the folder's as text, not normalized again (`absoluteIn`).
    const absoluteOf = absoluteIn(folder)
    for (const path of listFiles(folder, (name) => name.endsWith('.json'))) {
      const file = `${workspace.config.locales}/${locale}/${path}`
      const absolute = absoluteOf(path)
      files.push(file)
      let value: unknown = record.known(file, absolute)?.value
      if (value === undefined) {
        let error: Diagnostic | undefined
        value = record.read(file, absolute, (text) => {
          try {
            const parsed: unknown = JSON.parse(text)
            if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Bundle | StateFile
            error = diagnostic('store-invalid', 'Expected a JSON object of keys to values', {source: 'store', severity: 'error', file})
          } catch (thrown) {
            error = diagnostic('store-invalid', `Not valid JSON: ${(thrown as Error).message}`, {source: 'store', severity: 'error', file})
          }
          return undefined
        }).value
        if (error) {
          messages.push(error)
          continue
        }
      }
      if (path.endsWith('.state.json')) states.set(paths.store(locale, path.slice(0, -'.state.json'.length)), value as StateFile)
      else bundles.set(paths.store(locale, path.slice(0, -'.json'.length)), value as Bundle)
    }
  }
  record.keepOnly(files)
  record.save()
  return {value: {bundles, states}, messages}
}

/** Largest TMX file read as memory (the reader's own default). */
const maxTmxBytes = 256 * 1024 * 1024

/**
 * Read an XML file whose encoding its content declares (TMX, XLIFF given
 * as memory), refusing one over `maxBytes` unread.
 *
 * @param path Absolute path.
 * @param file Path for messages.
 */
export function readXmlFile(path: string, file: string, maxBytes: number, source: string): {value: string | undefined; messages: Diagnostic[]} {
  const size = sizeOf(path)
  if (size > maxBytes) return {value: undefined, messages: [diagnostic('memory-too-large', `File is ${size} bytes, over the limit of ${maxBytes}; not read`, {source, severity: 'error', file})]}
  const decoded = decodeXml(readBytes(path))
  if (decoded.value === undefined) return {value: undefined, messages: [diagnostic('memory-encoding', decoded.message!, {source, severity: 'error', file})]}
  return {value: decoded.value, messages: []}
}

/**
 * The translation memory outside the stores: every `*.tmx`, `*.xlf` and
 * `*.xliff` in the configured memory folder, then each file of
 * `memory.files`, read strictly (a file or unit with problems is reported;
 * the good units are used), as memory entries by target locale.
 */
export function readMemory(workspace: Workspace): {value: ExternalMemory; messages: Diagnostic[]} {
  const {config} = workspace
  const folder = join(workspace.root, config.memory.folder)
  const files = listFiles(folder, (name) => /\.(?:tmx|xlf|xliff)$/i.test(name)).map((path) => `${config.memory.folder}/${path}`)
  for (const file of config.memory.files) if (!files.includes(file)) files.push(file)
  const memory = new Map<string, MemoryEntry[]>(config.targetLocales.map((locale) => [locale, []]))
  const messages: Diagnostic[] = []
  for (const file of files) {
    const path = isAbsolute(file) ? file : join(workspace.root, file)
    if (!exists(path)) {
      messages.push(diagnostic('memory-missing', 'Memory file not found (`memory.files` in the config)', {source: 'memory', severity: 'error', file}))
      continue
    }
    const tmx = /\.tmx$/i.test(file)
    const read = readXmlFile(path, file, tmx ? maxTmxBytes : config.maxXliffBytes, 'memory')
    messages.push(...read.messages)
    if (read.value === undefined) continue
    if (tmx) {
      const parsed = fromTmx(read.value, {file})
      messages.push(...parsed.messages)
      if (!parsed.value) continue
      for (const [locale, entries] of tmxEntries(parsed.value, {file, sourceLocale: config.sourceLocale, targetLocales: config.targetLocales})) memory.get(locale)!.push(...entries)
    } else {
      const parsed = fromXliff(read.value, {file, maxBytes: config.maxXliffBytes})
      messages.push(...parsed.messages)
      if (!parsed.value) continue
      const found = xliffEntries(parsed.value, {file, sourceLocale: config.sourceLocale, targetLocales: config.targetLocales})
      if (found) memory.get(found.locale)!.push(...found.entries)
      else messages.push(diagnostic('memory-language', `Languages ${parsed.value.srcLang} → ${parsed.value.trgLang ?? '(none)'} are not the project's (${config.sourceLocale} → ${config.targetLocales.join(', ')}); not used as memory`, {source: 'memory', severity: 'warning', file}))
    }
  }
  return {value: memory, messages}
}

/** A path relative to the project root, `/`-separated (absolute when outside it). */
export function projectPath(workspace: Workspace, path: string): string {
  const inside = relative(workspace.root, resolve(path))
  return inside.startsWith('..') || isAbsolute(inside) ? resolve(path) : inside.split('\\').join('/')
}

/** A path with a segment `resolve` would change: empty (a leading, doubled or trailing `/`: an absolute path among them), `.` or `..`. */
const unplainPath = /(?:^|\/)\.{0,2}(?:\/|$)/

/**
 * Absolute paths of files under a folder, each what `resolve(folder, file)`
 * gives: a plain relative path (`/`-separated, no empty, `.` or `..`
 * segment) is joined to the folder as text, anything else resolved. A run
 * makes thousands (every output a record checks, every XLIFF import
 * checks), and `resolve` parses and normalizes each again (about 10 µs a
 * path in a one-file edit's run, whose code V8 does not optimize).
 *
 * ```ts
 * const absolute = absoluteIn('/p')
 * absolute('dist/en/a.md') // '/p/dist/en/a.md'
 * absolute('../x/./a.md') // '/x/a.md', as resolve('/p', '../x/./a.md')
 * ```
 *
 * @param folder The folder (resolved once, as `resolve` does: relative to the working folder).
 */
export function absoluteIn(folder: string): (file: string) => string {
  const base = resolve(folder)
  // Only where `/` is the separator: elsewhere `resolve` also turns each `/` into it.
  if (sep !== '/') return (file) => resolve(base, file)
  const prefix = base.endsWith('/') ? base : base + '/'
  return (file) => (unplainPath.test(file) ? resolve(base, file) : prefix + file)
}

/** Every `.xlf` under the configured XLIFF folder, by project-relative path. */
export function xliffFiles(workspace: Workspace): string[] {
  return listFiles(join(workspace.root, workspace.config.xliff), (name) => name.endsWith('.xlf')).map((path) => `${workspace.config.xliff}/${path}`)
}

/**
 * The XLIFF files to read, by path (relative to `base` unless absolute; a
 * folder means every `.xlf` and `.xliff` in it), none read yet: import reads
 * each as it comes to it, so a whole site's returned files are never held
 * at once. A file over `maxBytes` is left out and reported, so a hostile
 * file never reaches memory; a path that does not exist is a usage error,
 * before any file is read.
 *
 * @returns The files' paths (as given, or joined to their folder's) and sizes in bytes, and an error per file left out.
 */
export function xliffToRead(paths: readonly string[], base: string, maxBytes: number): {value: Array<{path: string; bytes: number}>; messages: Diagnostic[]} {
  // A file named twice (itself and its folder) is read once.
  const files = new Map<string, number>()
  const messages: Diagnostic[] = []
  for (const path of paths) {
    const full = resolve(base, path)
    if (!exists(full)) throw new UsageError(`${path}: file not found`)
    const names = isFolder(full) ? listFiles(full, (name) => name.endsWith('.xlf') || name.endsWith('.xliff')).map((name) => join(path, name)) : [path]
    for (const name of names) {
      const size = sizeOf(resolve(base, name))
      if (size > maxBytes) {
        messages.push(diagnostic('xliff-too-large', `File is ${size} bytes, over the limit of ${maxBytes} (\`maxXliffBytes\` in the config); not read`, {source: 'import', severity: 'error', file: name}))
        continue
      }
      files.set(name, size)
    }
  }
  return {value: [...files].map(([path, bytes]) => ({path, bytes})), messages}
}

/**
 * A returned XLIFF file's text, read when the import comes to it
 * ({@linkcode xliffToRead} listed it): a file that can no longer be read
 * (removed or renamed since it was listed, now a folder, not readable, too
 * large for one read) is an error about that file alone (`xliff-unreadable`),
 * and the other files still import.
 *
 * @param path The file, as listed.
 * @param base What a relative path is relative to.
 * @returns Its text, or the error.
 */
export function readReturnedXliff(path: string, base: string): {text: string} | {message: Diagnostic} {
  try {
    return {text: readText(resolve(base, path))}
  } catch (error) {
    return {message: diagnostic('xliff-unreadable', `File could not be read (${unreadableReason(error)}); not imported`, {source: 'import', severity: 'error', file: path})}
  }
}

/** Why a file could not be read, by the error's code. */
const unreadableReasons: ReadonlyMap<string, string> = new Map([
  ['ENOENT', 'it is no longer there: removed or renamed after the files were listed'],
  ['EISDIR', 'it is a folder'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['ERR_FS_FILE_TOO_LARGE', 'it is over 2 GiB, more than one read can hold'],
  ['ERR_STRING_TOO_LONG', 'it is too large to be held as one text']
])

/** Why a file could not be read, in words (the system's code after them), else the error's message. */
function unreadableReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const reason = typeof code === 'string' ? unreadableReasons.get(code) : undefined
  if (reason) return `${reason}, ${code}`
  return error instanceof Error ? error.message : String(error)
}

/** The record of the XLIFF files extract wrote, beside the cache's folders (it outlives a code version's entries). */
function writtenXliffPath(workspace: Workspace): string {
  return resolve(workspace.root, workspace.config.cache, 'xliff-written.json')
}

/** Whether an output is an XLIFF file of the project's XLIFF folder. */
function isXliffOutput(workspace: Workspace, path: string): boolean {
  return path.startsWith(`${workspace.config.xliff}/`) && path.endsWith('.xlf')
}

/** What extract last wrote to an XLIFF file: the SHA-256 of its bytes and, once import found them there, the file's signature then (`signatureOf`). */
export interface WrittenXliff {
  digest: string
  signature?: Float64Array
}

/**
 * The XLIFF files extract last wrote, by path (relative to the project
 * root), each with the SHA-256 of the bytes it wrote: a file that still
 * holds them is babele's own, which no translator touched, even after its
 * source changed. Once import has found those bytes in a file, settled, the
 * file's signature is recorded too, and import knows it by a `stat` without
 * reading it. Empty when nothing was recorded, or the record cannot be read
 * (then import only skips files exactly as extract would write them now).
 */
export function readWrittenXliff(workspace: Workspace): Map<string, WrittenXliff> {
  const path = writtenXliffPath(workspace)
  if (!exists(path)) return new Map()
  try {
    const record = JSON.parse(readText(path)) as {files?: unknown; signatures?: unknown}
    const {files, signatures} = record
    if (typeof files !== 'object' || files === null) return new Map()
    const signed = typeof signatures === 'object' && signatures !== null ? (signatures as Record<string, unknown>) : {}
    const written = new Map<string, WrittenXliff>()
    const entries = Object.entries(files)
    // The signatures in one array, each file's a view of it: thousands of files, not thousands of buffers.
    const all = new Float64Array(entries.length * signatureLength)
    for (let at = 0; at < entries.length; at++) {
      const [file, digest] = entries[at]!
      if (typeof digest !== 'string' || !/^[0-9a-f]{64}$/.test(digest)) continue
      const given = Object.hasOwn(signed, file) ? signed[file] : undefined
      const numbers = Array.isArray(given) ? (given as unknown[]) : []
      let valid = numbers.length === signatureLength
      for (let index = 0; valid && index < signatureLength; index++) valid = typeof numbers[index] === 'number' && Number.isFinite(numbers[index])
      if (!valid) {
        written.set(file, {digest})
        continue
      }
      const signature = all.subarray(at * signatureLength, (at + 1) * signatureLength)
      signature.set(numbers as number[])
      written.set(file, {digest, signature})
    }
    return written
  } catch {
    return new Map()
  }
}

/**
 * The XLIFF files among outputs, each with the digest of its text (what
 * {@linkcode recordWrittenXliff} records).
 *
 * @param outputs Outputs by path (each a text or its UTF-8 bytes).
 * @param digestOf The digest of an output's text, when already known (`OutputRecord.digestOf`; default: hashed).
 */
export function xliffDigests(workspace: Workspace, outputs: Iterable<[string, string | Uint8Array]>, digestOf: (path: string, text: string | Uint8Array) => string = (_path, text) => digestBytes(text)): Array<[string, string]> {
  const digests: Array<[string, string]> = []
  for (const [path, content] of outputs) if (isXliffOutput(workspace, path)) digests.push([path, digestOf(path, content)])
  return digests
}

/**
 * Record the XLIFF files extract wrote or found up to date, and the
 * signatures import took of files it found holding extract's bytes
 * (`readWrittenXliff`), keeping the record of every other file (another
 * shard's). A file whose digest changes loses its signature. Written
 * only when it changes.
 *
 * @param digests Each XLIFF file's path and digest (`xliffDigests`).
 * @param signatures Files found holding their recorded digest, each with its signature taken before it was read.
 */
export function recordWrittenXliff(workspace: Workspace, digests: Iterable<[string, string]>, signatures: Iterable<[string, Float64Array]> = []): void {
  const record = readWrittenXliff(workspace)
  if (updateWrittenXliff(record, digests, signatures)) saveWrittenXliff(workspace, record)
}

/**
 * {@linkcode recordWrittenXliff} on a record already read, not written:
 * `run` records import's signatures and extract's digests in the one
 * record import read, and writes it once.
 *
 * @param record The record as `readWrittenXliff` read it, changed in place.
 * @returns Whether it changed.
 */
export function updateWrittenXliff(record: Map<string, WrittenXliff>, digests: Iterable<[string, string]>, signatures: Iterable<[string, Float64Array]> = []): boolean {
  let changed = false
  for (const [path, digest] of digests) {
    if (record.get(path)?.digest === digest) continue
    record.set(path, {digest})
    changed = true
  }
  for (const [path, signature] of signatures) {
    const known = record.get(path)
    if (!known || sameSignatures(known.signature, signature)) continue
    known.signature = signature
    changed = true
  }
  return changed
}

/** Write the record of XLIFF files back (`readWrittenXliff` reads it). */
export function saveWrittenXliff(workspace: Workspace, record: ReadonlyMap<string, WrittenXliff>): void {
  // In code-unit order (the default sort's), which costs one pass when they are sorted already, as a record read back and updated in place is.
  const paths = [...record.keys()].sort()
  // Without a prototype: a path is only ever a key.
  const files = Object.create(null) as Record<string, string>
  const signed = Object.create(null) as Record<string, number[]>
  for (const path of paths) {
    const known = record.get(path)!
    files[path] = known.digest
    if (known.signature) signed[path] = Array.from(known.signature)
  }
  replaceCacheFile(writtenXliffPath(workspace), Buffer.from(JSON.stringify({files, signatures: signed}) + '\n'))
}

/** Write outputs atomically (paths relative to the project root, or absolute; each a text or its UTF-8 bytes); returns the paths whose content changed. */
export function writeOutputs(workspace: Workspace, outputs: Iterable<[string, string | Uint8Array]>): string[] {
  const written: string[] = []
  const absolute = absoluteIn(workspace.root)
  for (const [path, content] of outputs) if (writeAtomic(absolute(path), content)) written.push(path)
  return written
}
