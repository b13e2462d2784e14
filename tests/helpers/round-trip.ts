/**
 * Run the whole flow on in-memory sources with a translator that is not
 * babele: extract → XLIFF (2.1, or 1.2) on disk → fill-xliff.py → import → build.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {buildProject, extractDocuments, extractProject, importProject, parseConfig, type Config, type Diagnostic, type ImportReport} from '../../pipeline/index.ts'
import {fillXliff, shared, xliff21Schema, xmllint} from './tools.ts'

/** What a round trip produced. */
export interface RoundTrip {
  /** Built documents by source path. */
  built: Map<string, string>
  /** XLIFF as babele wrote it, by source path. */
  xliff: Map<string, string>
  /** xmllint's complaints about the written XLIFF ('' when all valid), against the schema of its version. */
  invalid: string
  /** What the import took from each filled file. */
  reports: ImportReport[]
  /** Segments in all the sources (what a complete import takes). */
  segments: number
  messages: Diagnostic[]
}

/** The XLIFF 1.2 strict schema. */
export const xliff12Schema = `${shared}corpora/xliff-schemas/xliff-1.2/xliff-core-1.2-strict.xsd`

/** A config for tests: one target locale, defaults otherwise. */
export function testConfig(overrides: Record<string, unknown> = {}): Config {
  const {value, messages} = parseConfig({targetLocales: ['en'], ...overrides})
  if (!value) throw new Error(messages.map((message) => message.message).join('\n'))
  return value
}

/**
 * @param sources Source texts by path.
 * @param mode How fill-xliff.py translates.
 * @param validate Whether to validate the written XLIFF with xmllint.
 * @param version XLIFF version `extractProject` writes (the config's `xliffVersion`).
 * @param overrides Other config fields (`frontmatterKeys`, `flavor`, `codeFinder`…).
 */
export function roundTrip(sources: ReadonlyMap<string, string>, mode: 'identity' | 'upper', validate = true, version: '2.1' | '1.2' = '2.1', overrides: Record<string, unknown> = {}): RoundTrip {
  const config = testConfig({...overrides, xliffVersion: version})
  const folder = mkdtempSync(join(tmpdir(), 'babele-rt-'))
  try {
    const documents = extractDocuments(config, sources)
    const stores = {bundles: new Map(), states: new Map()}
    const extracted = extractProject(config, documents.value, stores)
    const files: string[] = []
    const xliff = new Map<string, string>()
    for (const document of documents.value.values()) {
      const path = `${config.xliff}/en/${document.path}.xlf`
      const text = extracted.value.get(path)
      if (text === undefined) continue
      const file = join(folder, path)
      mkdirSync(dirname(file), {recursive: true})
      writeFileSync(file, text)
      xliff.set(document.path, text)
      files.push(file)
    }
    const invalid = validate ? xmllint(version === '1.2' ? xliff12Schema : xliff21Schema, files) : ''
    fillXliff(mode, files)
    const filled = new Map(files.map((file) => [file.slice(folder.length + 1), readFileSync(file, 'utf8')]))
    const imported = importProject(config, documents.value, stores, filled)
    const built = buildProject(config, documents.value, imported.stores)
    const byPath = new Map<string, string>()
    for (const document of documents.value.values()) byPath.set(document.path, built.value.get(`${config.dist}/en/${document.path}`)!)
    const segments = [...documents.value.values()].reduce((sum, document) => sum + document.units.reduce((inner, unit) => inner + unit.parts.filter((part) => part.type === 'segment').length, 0), 0)
    return {built: byPath, xliff, invalid, reports: imported.reports, segments, messages: [...documents.messages, ...extracted.messages, ...imported.messages, ...built.messages]}
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
}
