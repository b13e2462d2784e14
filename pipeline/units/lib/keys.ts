/**
 * Stable keys and the bundle form of segments. Takes: segment tokens or
 * values. Returns: normalized text, hashes and `<1>…</1>` values.
 *
 * Keys hash content, never position: editing a sentence changes its key only,
 * and a repeated sentence has one key wherever it appears.
 */
import {createHash} from 'node:crypto'
import type {SegmentToken} from '../../types.ts'

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

/**
 * The bundle form of a segment: text with its codes as numbered tags, in the
 * react-i18next `Trans` convention. Numbers are per segment (1, 2, …), so a
 * sentence repeated in another unit has the same value.
 *
 * `<` before a digit or `/` and `&` before `lt;`/`amp;` are written as
 * entities so literal text never reads as a tag.
 */
export function toBundleValue(tokens: readonly SegmentToken[]): string {
  const numbers = new Map<string, number>()
  let result = ''
  for (const token of tokens) {
    if (token.type === 'text') {
      result += escapeBundleText(token.value)
      continue
    }
    let number = numbers.get(token.code.id)
    if (number === undefined) {
      number = numbers.size + 1
      numbers.set(token.code.id, number)
    }
    result += token.type === 'open' ? `<${number}>` : token.type === 'close' ? `</${number}>` : `<${number}/>`
  }
  return result
}

/** Escape literal text for a bundle value. */
export function escapeBundleText(text: string): string {
  return text.replace(/&(?=(?:lt|amp);)/g, '&amp;').replace(/<(?=\/?\d)/g, '&lt;')
}

/** Undo {@linkcode escapeBundleText}. */
export function unescapeBundleText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&amp;/g, '&')
}
