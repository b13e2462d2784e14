/**
 * Find the words of a block's plain text, once for every rule that reads
 * them. Takes: a plain text (`plainText`), or any text. Returns: each
 * word's start and end offsets in its value, flat (`[start, end, start,
 * end, …]`), in order; or the words themselves (`words`: a term's words).
 * A word is a run of letters and marks, exactly what `/[\p{L}\p{M}]+/gu`
 * matches, astral letters included:
 *
 * > | l'Unione, 2022: più
 * >   ^ ^^^^^^        ^^^ three words (`l`, `Unione`, `più`)
 *
 * Two rules (`accent-apostrophe`, `term-near-miss`) walked every word of
 * every block with that pattern, each on its own: the matches were half of
 * their time. A character is looked up in a table filled on first sight
 * (the pattern's answer for that character), so no string is made for a
 * word a rule skips.
 */
import type {PlainText} from './plain-text.ts'

const letterOrMark = /^[\p{L}\p{M}]$/u

/** Per BMP character: 0 not seen yet, 1 a letter or mark, 2 neither. */
const bmp = new Uint8Array(0x10000)

/** The same for astral characters, by code point. */
const astral = new Map<number, boolean>()

const found = new WeakMap<PlainText, readonly number[]>()

/**
 * @param plain A block's plain text.
 * @returns Its words' offsets, flat: `[start, end, …]`.
 */
export function plainWords(plain: PlainText): readonly number[] {
  let spans = found.get(plain)
  if (!spans) {
    spans = wordSpans(plain.value)
    found.set(plain, spans)
  }

  return spans
}

/**
 * @param value Any text.
 * @returns Its words' offsets, flat, as `/[\p{L}\p{M}]+/gu` finds them.
 */
export function wordSpans(value: string): number[] {
  const spans: number[] = []
  const length = value.length
  let at = 0
  while (at < length) {
    let width = letterWidth(value, at)
    if (width === 0) {
      // Not a letter: one code unit on, or two for an astral character.
      at += isPair(value, at) ? 2 : 1
      continue
    }

    const start = at
    while (width > 0) {
      at += width
      width = at < length ? letterWidth(value, at) : 0
    }

    spans.push(start, at)
  }

  return spans
}

/**
 * @param value Any text.
 * @returns Its words themselves, in order (`value.match(/[\p{L}\p{M}]+/gu)`, none as an empty list).
 */
export function words(value: string): string[] {
  const spans = wordSpans(value)
  const found: string[] = []
  for (let at = 0; at < spans.length; at += 2) found.push(value.slice(spans[at], spans[at + 1]))
  return found
}

/** The code units of the letter or mark at `at` (2 for an astral one), or 0. */
function letterWidth(value: string, at: number): number {
  const code = value.charCodeAt(at)
  if (code < 0x80) return ((code | 0x20) - 0x61) >>> 0 < 26 ? 1 : 0
  if (isPair(value, at)) {
    const point = value.codePointAt(at)!
    let known = astral.get(point)
    if (known === undefined) {
      known = letterOrMark.test(String.fromCodePoint(point))
      astral.set(point, known)
    }

    return known ? 2 : 0
  }

  let known = bmp[code]!
  if (known === 0) {
    // A lone surrogate is neither (the pattern reads it as a code point of its own).
    known = letterOrMark.test(String.fromCharCode(code)) ? 1 : 2
    bmp[code] = known
  }

  return known === 1 ? 1 : 0
}

/** Whether a surrogate pair starts at `at`. */
function isPair(value: string, at: number): boolean {
  const code = value.charCodeAt(at)
  if (code < 0xd800 || code > 0xdbff || at + 1 >= value.length) return false
  const next = value.charCodeAt(at + 1)
  return next >= 0xdc00 && next <= 0xdfff
}
