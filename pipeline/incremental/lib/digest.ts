/**
 * Content digests for the cache. Takes: JSON-like values (strings, numbers,
 * booleans, null, arrays, plain objects). Returns: a SHA-256 hex digest of
 * their canonical form, so equal values always give equal digests whatever
 * the order their object keys were written in.
 *
 * ```ts
 * digest(['parse', {flavor: [], codeFinder: []}]) === digest(['parse', {codeFinder: [], flavor: []}])
 * ```
 */
import {hash} from 'node:crypto'

/**
 * @param value A JSON-like value (`undefined` object fields are left out, as in JSON), which may hold {@linkcode DigestPart}s.
 * @returns 64 hex digits.
 */
export function digest(value: unknown): string {
  return hash('sha256', canonical(value), 'hex')
}

/**
 * @param bytes File content.
 * @returns The SHA-256 hex digest of the bytes.
 */
export function digestBytes(bytes: Uint8Array | string): string {
  return hash('sha256', bytes, 'hex')
}

/**
 * A value that goes into many digests (the config, in every document's
 * key), put in canonical form once: a digest of a value holding it is the
 * digest of the value holding the value itself. It is a snapshot: a change
 * to the value after it was made is not seen.
 *
 * ```ts
 * const config = new DigestPart(project.config)
 * digest(['build', key, config, 'en']) === digest(['build', key, project.config, 'en'])
 * ```
 */
export class DigestPart {
  /** The value's canonical form. */
  readonly text: string

  /**
   * @param value A JSON-like value.
   */
  constructor(value: unknown) {
    this.text = canonical(value)
  }
}

/** JSON with object keys sorted, so the text depends on the value only. */
function canonical(value: unknown): string {
  if (value instanceof DigestPart) return value.text
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('Cannot digest `' + value + '`, expected a finite number')
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') throw new TypeError('Cannot digest a `' + typeof value + '`, expected a JSON value')
    return JSON.stringify(value) ?? 'null'
  }
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']'
  const fields = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => JSON.stringify(key) + ':' + canonical((value as Record<string, unknown>)[key]))
  return '{' + fields.join(',') + '}'
}
