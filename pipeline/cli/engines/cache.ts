/**
 * The persistent machine-translation cache. Takes: a folder and an engine.
 * Returns: the engine wrapped so that a text it has translated before (same
 * engine, same pair, same text as sent) is answered from the cache, and
 * every new translation is written to disk after each engine call, also when
 * the call fails half-way. A re-run therefore translates only what changed.
 *
 * One JSON file per engine and pair, `<folder>/<engine>/<pair>.json`
 * (`.babele/mt-cache/apertium/ita-cat+cat-eng.json`), holding the engine's
 * raw output (marks included, so unknown words can be listed again without
 * the engine). Files are written atomically; deleting the folder is always
 * safe (everything is translated again); an unreadable file is ignored.
 */
import {diagnostic} from '../../diagnostic.ts'
import {join} from 'node:path'
import {EngineError, type Engine} from '../../mt/index.ts'
import type {Diagnostic} from '../../types.ts'
import {exists, readText, writeAtomic} from '../fs.ts'
import {noteTaint} from '../observe.ts'

/** The cache of one project. */
export interface MtCache {
  /** The cached output for a text, if any. */
  get(engine: Engine, text: string): string | undefined
  /** Remember an output. */
  set(engine: Engine, text: string, output: string): void
  /** Write every changed file; returns the paths written. */
  save(): string[]
  /** Problems met reading cache files (each ignored). */
  messages: Diagnostic[]
}

interface CacheFile {
  engine: string
  pair: string
  translations: Record<string, string>
}

/**
 * Open the cache kept in a folder.
 *
 * @param folder Absolute path of the cache folder.
 * @param label The folder as the user names it, for messages.
 */
export function openMtCache(folder: string, label = folder): MtCache {
  const files = new Map<string, {path: string; content: CacheFile; dirty: boolean}>()
  const messages: Diagnostic[] = []
  const fileOf = (engine: Engine) => {
    const name = `${engine.name}/${engine.pair.replace(/[^A-Za-z0-9_.-]+/g, '+')}.json`
    let file = files.get(name)
    if (!file) {
      const path = join(folder, name)
      let content: CacheFile = {engine: engine.name, pair: engine.pair, translations: {}}
      if (exists(path)) {
        try {
          const read = JSON.parse(readText(path)) as Partial<CacheFile>
          if (read.engine !== engine.name || read.pair !== engine.pair || !read.translations || typeof read.translations !== 'object') throw new Error('not a cache file of this engine and pair')
          content = read as CacheFile
        } catch (error) {
          messages.push(diagnostic('mt-cache-invalid', `Cache file ignored (${(error as Error).message}); its texts are translated again`, {source: 'mt', severity: 'warning', file: `${label}/${name}`}))
        }
      }
      file = {path, content, dirty: false}
      files.set(name, file)
    }
    return file
  }
  return {
    messages,
    get(engine, text) {
      const translations = fileOf(engine).content.translations
      return Object.hasOwn(translations, text) ? translations[text] : undefined
    },
    set(engine, text, output) {
      const file = fileOf(engine)
      if (file.content.translations[text] === output) return
      file.content.translations[text] = output
      file.dirty = true
    },
    save() {
      const written: string[] = []
      for (const file of files.values()) {
        if (!file.dirty) continue
        if (writeAtomic(file.path, JSON.stringify(file.content, null, 1) + '\n')) written.push(file.path)
        file.dirty = false
      }
      return written
    }
  }
}

/**
 * An engine that asks the cache first and fills it.
 *
 * @param engine The engine.
 * @param cache The project's cache.
 * @param onCall Called with the number of texts each call sends to the engine.
 */
export function cachedEngine(engine: Engine, cache: MtCache, onCall?: (count: number) => void): Engine {
  return {
    ...engine,
    async translate(batch) {
      const results = batch.map((text) => cache.get(engine, text))
      const missing = [...new Set(batch.filter((_, index) => results[index] === undefined))]
      if (missing.length === 0) return results as string[]
      // An engine's answer cannot be checked again without asking it: a run that asked one is not replayed.
      noteTaint(`${engine.name} ${engine.pair} was asked`)
      onCall?.(missing.length)
      let outputs: ReadonlyArray<string | undefined>
      let failure: EngineError | undefined
      try {
        outputs = await engine.translate(missing)
      } catch (error) {
        if (!(error instanceof EngineError)) throw error
        failure = error
        outputs = error.partial
      }
      missing.forEach((text, index) => {
        const output = outputs[index]
        if (output !== undefined) cache.set(engine, text, output)
      })
      cache.save()
      const filled = batch.map((text) => cache.get(engine, text))
      if (failure) throw new EngineError(failure.message, filled)
      return filled as string[]
    }
  }
}
