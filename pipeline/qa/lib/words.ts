/**
 * Words of a text, as ICU's word boundaries (`Intl.Segmenter`, Unicode
 * UAX #29 with the locale's tailoring) give them. Takes: a text and a BCP 47
 * locale. Returns: each word-like segment (letters or digits; not spaces,
 * punctuation or U+FFFC codes) with its offset, in text order.
 *
 *   > | l’alleanza, the the
 *   >   ^^^^^^^^^^  ^^^ ^^^ three words (an elision stays in its word)
 */

/** One word of a text. */
export interface Word {
  text: string
  /** UTF-16 offset of its first code unit. */
  index: number
}

const segmenters = new Map<string, Intl.Segmenter>()

/**
 * @param text A plain text.
 * @param locale BCP 47 tag of its language (`und` when unknown).
 * @returns Its words, in order.
 */
export function wordsOf(text: string, locale: string | undefined): Word[] {
  const tag = locale ?? 'und'
  let segmenter = segmenters.get(tag)
  if (!segmenter) {
    segmenter = new Intl.Segmenter(tag, {granularity: 'word'})
    segmenters.set(tag, segmenter)
  }
  const words: Word[] = []
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words.push({text: segment.segment, index: segment.index})
  return words
}
