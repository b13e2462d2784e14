/**
 * Stable keys. Takes: bundle values. Returns: normalized text and hashes.
 *
 * Keys hash content, never position: editing a sentence changes its key only,
 * and a repeated sentence has one key wherever it appears.
 */
import {createHash} from 'node:crypto'

/**
 * Normalize a bundle value for hashing and comparison: NFC, whitespace runs
 * collapsed to one space, trimmed.
 */
export function normalizeValue(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** A short, stable hash (hex) of a string. */
export function hashOf(value: string, length = 10): string {
  return createHash('sha1').update(value).digest('hex').slice(0, length)
}

/** The locale-store key of a segment whose bundle value is `value`. */
export function segmentKey(value: string): string {
  return hashOf(normalizeValue(value))
}
