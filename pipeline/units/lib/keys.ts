/**
 * Stable keys. Takes: bundle values. Returns: normalized text and hashes.
 *
 * Keys hash content, never position: editing a sentence changes its key only,
 * and a repeated sentence has one key wherever it appears.
 */
import {hash} from 'node:crypto'

/** Whitespace that `\s+` → ` ` would change: anything but a space, or two spaces in a row. */
const collapsible = /[^\S ]| {2}/

/**
 * Normalize a bundle value for hashing and comparison: NFC, whitespace runs
 * collapsed to one space, trimmed.
 */
export function normalizeValue(value: string): string {
  const composed = value.normalize('NFC')
  // Most values have no run to collapse: single spaces only.
  return (collapsible.test(composed) ? composed.replace(/\s+/g, ' ') : composed).trim()
}

/** A short, stable hash (hex) of a string. */
export function hashOf(value: string, length = 10): string {
  return hash('sha1', value, 'hex').slice(0, length)
}

/** The locale-store key of a segment whose bundle value is `value`. */
export function segmentKey(value: string): string {
  return hashOf(normalizeValue(value))
}
