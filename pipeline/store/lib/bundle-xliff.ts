/**
 * Flat XLIFF for app-string tooling: an i18next bundle (and its translation)
 * as one `<unit>` per key. Takes: bundles. Returns: XLIFF 2.0 or 1.2 text,
 * and back.
 *
 * Written with the `xliff` package, which is lossless for flat string values
 * (measured: tags, quotes, line breaks and edge whitespace survive) but one:
 * it leaves a literal `&amp;` unescaped, so that is protected first. It is not
 * used for CAT files, where it loses segments, `<mrk>` text and originalData;
 * reading goes through babele's strict reader, since hostile XML may come back.
 */
import {diagnostic} from '../../diagnostic.ts'
import xliff from 'xliff'
import type {Bundle, Diagnostic} from '../../types.ts'
import {fromXliff, type Inline, type ReadOptions} from '../../xliff/index.ts'

/** Options of {@linkcode toBundleXliff}. */
export interface BundleXliffOptions {
  sourceLocale: string
  targetLocale: string
  /** Namespace (document id), the `<file id>`. */
  namespace: string
  source: Bundle
  /** Translations; keys missing here get no target. */
  target?: Bundle | null
  /** XLIFF version (default `2.0`). */
  version?: '2.0' | '1.2' | null
}

/**
 * @param options Bundles, locales and namespace.
 */
export async function toBundleXliff(options: BundleXliffOptions): Promise<string> {
  const target = options.target ?? {}
  const units: Record<string, {source: string; target?: string}> = {}
  for (const [key, value] of Object.entries(options.source)) units[key] = key in target ? {source: protect(value), target: protect(target[key]!)} : {source: protect(value)}
  const document = {sourceLanguage: options.sourceLocale, targetLanguage: options.targetLocale, resources: {[fileId(options.namespace)]: units}}
  return options.version === '1.2' ? xliff.jsToXliff12(document) : xliff.js2xliff(document)
}

/** Bundles read back from a flat XLIFF 2 file, by namespace. */
export interface BundleXliff {
  sourceLocale: string
  targetLocale?: string
  namespaces: Map<string, {source: Bundle; target: Bundle}>
}

/**
 * Read a flat XLIFF 2 export back into bundles (one segment per unit, plain
 * text; anything else is reported).
 *
 * @param xml The XLIFF text.
 * @param options Its path, for messages, and the reader's limits (as {@linkcode fromXliff}'s).
 */
export function fromBundleXliff(xml: string, options?: ReadOptions | null): {value: BundleXliff | undefined; messages: Diagnostic[]} {
  const read = fromXliff(xml, options)
  const file = options?.file ?? undefined
  if (!read.value) return {value: undefined, messages: read.messages}
  const messages = [...read.messages]
  const namespaces = new Map<string, {source: Bundle; target: Bundle}>()
  for (const one of read.value.files) {
    const bundles = {source: {} as Bundle, target: {} as Bundle}
    namespaces.set(one.id.replace(/:/g, '/'), bundles)
    for (const unit of one.units) {
      const segments = unit.parts.filter((part) => part.kind === 'segment')
      const source = segments.length === 1 ? plain(segments[0]!.source) : undefined
      const target = segments.length === 1 && segments[0]!.target ? plain(segments[0]!.target) : undefined
      if (source === undefined) {
        messages.push(diagnostic('bundle-xliff-not-flat', `Unit \`${unit.id}\` is not one plain-text segment; a flat bundle export has no codes`, {source: 'store', severity: 'error', file, place: {line: unit.line, column: unit.column}, unitId: unit.id}))
        continue
      }
      bundles.source[unit.id] = source
      if (target !== undefined) bundles.target[unit.id] = target
    }
  }
  return {value: {sourceLocale: read.value.srcLang, targetLocale: read.value.trgLang, namespaces}, messages}
}

/**
 * The `xliff` package escapes `&` except where `&amp;` is already written, so
 * the text `&amp;` would come back as `&`: give it an escape it keeps.
 */
function protect(value: string): string {
  return value.replace(/&amp;/g, '&amp;amp;')
}

/**
 * A namespace as a file id: ids are NMTOKENs, so the `/` of a document in a
 * folder is written `:` (which paths do not hold) and read back.
 */
function fileId(namespace: string): string {
  return namespace.replace(/\//g, ':')
}

function plain(content: readonly Inline[]): string | undefined {
  return content.every((item) => typeof item === 'string') ? content.join('') : undefined
}
