/**
 * The sources a command reads, known by their digest without being read
 * again. Takes: the workspace, source files by document path, the cache
 * folder (none with `--no-cache`) and when the command started. Returns:
 * each source's SHA-256, and its text, read when first asked for (a
 * document whose cache entries missed, or that a stage reads); and `save`,
 * which writes the record back when it changed.
 *
 * The record is `sources-read` in the cache folder (`read-record.ts`): each
 * source file's SHA-256 and, once settled, its stat signature. While a
 * file keeps that signature, its digest is the record's (one `stat`), and
 * it is read only if its text is asked for.
 *
 * ```text
 * run  → a.md read and hashed: recorded {digest, signature}
 * run  → a.md has its signature: its digest from the record, a.md not read
 * (edit a.md)
 * run  → its signature moved: read, hashed, recorded again
 * ```
 *
 * When in doubt it reads: no record, no signature or another one, a record
 * that is not one. A text read later that no longer has the digest the run
 * went by (the file was saved meanwhile) stops the command rather than
 * store one source's entries under another's key.
 */
import {join} from 'node:path'
import {digestBytes} from '../incremental/index.ts'
import {readText} from './fs.ts'
import {openReadRecord, type ReadRecord} from './read-record.ts'
import {UsageError} from './run-settings.ts'
import {absoluteIn, type Workspace} from './workspace.ts'

/** A source the command reads: its digest now, its text when asked for. */
export interface SourceText {
  /** SHA-256 of its bytes. */
  digest: string
  /** Its text (read on the first call when the digest came from the record). */
  text(): string
}

/** The sources of a command, and their record. */
export interface RecordedSources {
  /** By document path, in the order of the files given. */
  sources: Map<string, SourceText>
  /** Sources known by their recorded signature, not read (`hits`), and read (`misses`). */
  use: {hits: number; misses: number}
  /** Write the record back when it changed (a cache never fails a run: ignored when it cannot be written). */
  save(): void
}

/** The record's file in the cache folder. */
const recordName = 'sources-read'

/**
 * @param workspace Project.
 * @param files Source files (relative to the project root) by document path.
 * @param options The cache folder (absolute; none: no record, every source read), when the command started (`Date.now()`), and whether `files` are all the project's sources (then a file no longer there leaves the record).
 */
export function readRecordedSources(workspace: Workspace, files: ReadonlyMap<string, string>, options: {cache: string | undefined; started: number; complete?: boolean}): RecordedSources {
  const record = openSourceRecord(options)
  // Under a shard, or for part of the sources, the others' entries stay.
  if (options.complete) record.keepOnly(files.values())
  const sources = new Map<string, SourceText>()
  const use = {hits: 0, misses: 0}
  // Thousands of sources: each one's absolute path joined to the root's as text, not normalized again (`absoluteIn`).
  const absoluteOf = absoluteIn(workspace.root)
  for (const [document, file] of files) {
    const absolute = absoluteOf(file)
    const known = record.known(file, absolute)
    if (known) {
      sources.set(document, unread(absolute, file, known.digest))
      use.hits++
      continue
    }
    const {text, digest} = record.read(file, absolute)
    sources.set(document, {digest, text: () => text})
    use.misses++
  }
  return {sources, use, save: () => record.save()}
}

/**
 * The record itself, for a command that reads the sources one at a time
 * (`extract`'s streaming pass: `extractOutputs`).
 *
 * @param options The cache folder (absolute; none: nothing recorded, every source read) and when the command started.
 */
export function openSourceRecord(options: {cache: string | undefined; started: number}): ReadRecord<never> {
  return openReadRecord<never>(options.cache && join(options.cache, recordName), options)
}

/** A source known by its recorded digest, read when its text is first asked for. */
function unread(absolute: string, file: string, digest: string): SourceText {
  let text: string | undefined
  return {
    digest,
    text() {
      if (text !== undefined) return text
      const read = readText(absolute)
      if (digestBytes(read) !== digest) throw new UsageError(`${file} changed while babele ran: run the command again`)
      return (text = read)
    }
  }
}
