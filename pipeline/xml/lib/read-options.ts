/**
 * The options every XML reader takes (a file name and the limits), checked.
 * Takes: the caller's options and the format's defaults. Returns: the file
 * name and limits for `readXml`; throws on a bad option (a programmer error).
 */
import type {XmlLimits} from './xml-driver.ts'

/** Options shared by the XML readers (`fromXliff`, `fromTbx`). */
export interface ReadOptions {
  /** Path of the document, copied into every diagnostic. */
  file?: string | null | undefined
  /** Largest input accepted, in UTF-8 bytes; larger input is refused before parsing. */
  maxBytes?: number | null | undefined
  /** Deepest element nesting accepted. Default: 256. */
  maxDepth?: number | null | undefined
  /** Longest single text, attribute value, comment or start tag accepted, in UTF-16 code units. Default: 10 MiB. */
  maxTextLength?: number | null | undefined
}

const mebibyte = 1024 * 1024

/**
 * @param options The caller's options (`null`/`undefined` for defaults).
 * @param maxBytes The format's default size limit.
 */
export function readOptions(options: ReadOptions | null | undefined, maxBytes: number): {file: string | undefined; limits: XmlLimits} {
  const settings = options || {}
  const file = settings.file ?? undefined
  if (file !== undefined && typeof file !== 'string') {
    throw new TypeError('Cannot use `' + String(file) + '` for `options.file`, expected a string')
  }
  return {
    file,
    limits: {
      maxBytes: limit(settings.maxBytes, 'maxBytes', maxBytes),
      maxDepth: limit(settings.maxDepth, 'maxDepth', 256),
      maxTextLength: limit(settings.maxTextLength, 'maxTextLength', 10 * mebibyte)
    }
  }
}

function limit(value: number | null | undefined, name: string, fallback: number): number {
  if (value === null || value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new TypeError('Cannot use `' + String(value) + '` for `options.' + name + '`, expected a positive integer')
  }
  return value
}
