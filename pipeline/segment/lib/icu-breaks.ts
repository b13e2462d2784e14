/**
 * Candidate sentence breaks from ICU. Takes: text (line breaks already
 * turned into spaces) and a BCP 47 language tag. Returns: the interior
 * offsets where `Intl.Segmenter` puts a sentence boundary.
 *
 * `Intl.Segmenter` slows down quadratically on long strings, so it is fed
 * pieces of about `icuWindow` code units, each starting at a boundary
 * already accepted (ICU's own restart point), so it sees what ICU would see
 * in the whole text. A text with no character ICU may end a sentence after
 * (most headings, list items and table cells) has no boundary, and ICU is not
 * asked; nor is it for a text whose only such characters end it, with their
 * closing marks and spaces (most one-sentence paragraphs and list items).
 */
import {isSpace} from './whitespace.ts'

/** ICU is fed pieces of about this size: `Intl.Segmenter` slows down quadratically on long strings. */
const icuWindow = 2048
/** Boundaries this close to the end of a piece are found again in the next one, with their full lookahead. */
const icuMargin = 256

/**
 * Characters after which ICU may put a sentence boundary: Unicode's sentence
 * terminators (UAX #29 breaks only after an STerm or ATerm, its closing
 * punctuation and spaces, or after a paragraph separator), paragraph
 * separators, and `;` and U+037E, terminators in ICU's rules for Greek. Found
 * by asking ICU about every code point (tests/segment.test.ts).
 */
export const mayEndSentence = /[\p{Sentence_Terminal};\u037E\n\r\u0085\u2028\u2029]/u

const segmenters = new Map<string, Intl.Segmenter>()

/**
 * The sentence segmenter of a language, made once.
 *
 * @param language BCP 47 language tag.
 * @returns The segmenter; throws a `RangeError` naming `options.language` for a bad tag.
 */
export function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language)
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(language, {granularity: 'sentence'})
    } catch {
      throw new RangeError(`Cannot segment with \`${language}\` for \`options.language\`, expected a BCP 47 language tag such as \`it\``)
    }
    segmenters.set(language, segmenter)
  }
  return segmenter
}

/**
 * Interior ICU boundaries, from pieces of `icuWindow` code units.
 *
 * @param work Text, line breaks turned into spaces.
 * @param segmenter From {@linkcode segmenterFor}.
 * @returns Offsets of boundaries, ascending, neither 0 nor the length.
 */
export function icuBoundaries(work: string, segmenter: Intl.Segmenter): number[] {
  const first = work.search(mayEndSentence)
  if (first === -1 || endsOnlyAtEnd(work, first)) return []
  const length = work.length
  const found: number[] = []
  let from = 0
  while (from < length) {
    const to = Math.min(length, from + icuWindow)
    const limit = to === length ? length : to - icuMargin
    const piece = from === 0 && to === length ? work : work.slice(from, to)
    let last = from
    for (const {index} of segmenter.segment(piece)) {
      if (index === 0) continue
      if (from + index > limit) break
      last = from + index
      found.push(last)
    }
    if (to === length) break
    // No sentence ends in this piece: restart at a word start, which is never a
    // boundary here and hides no context from the boundaries after it.
    from = last > from ? last : restart(work, from, limit)
  }
  return found
}

/**
 * Whether ICU can put no boundary inside the text, told from its tail: from
 * the first character that may end a sentence on, only more terminators, a
 * closing mark right after a terminator or another closing mark, and spaces
 * followed by a terminator or by the end. ICU breaks only after a terminator,
 * its closing marks and its spaces, and before something else (UAX #29 SB11;
 * a paragraph separator, SB4, is a space here), and never before a
 * terminator (SB8a):
 *
 * > | Il vertice si è chiuso!».
 *                           ^^^^ a tail that holds no boundary: ICU is not asked
 *
 * Closing marks are the few of UAX #29's class `Close` that prose ends with;
 * anything else (a letter, a placeholder, a comma, a no-break space) makes
 * this answer no, and ICU is asked.
 *
 * @param work Text, line breaks turned into spaces.
 * @param first Offset of its first character matching {@linkcode mayEndSentence}.
 */
function endsOnlyAtEnd(work: string, first: number): boolean {
  let afterSpace = false
  for (let at = first; at < work.length; at++) {
    const code = work.charCodeAt(at)
    if (code === 0x20) afterSpace = true
    else if (isTerminator(code)) afterSpace = false
    else if (afterSpace || !isClosing(code)) return false
  }

  return true
}

/** Sentence terminators ICU may break after (`mayEndSentence` without the paragraph separators). */
const terminator = /^[\p{Sentence_Terminal};\u037E]$/u

function isTerminator(code: number): boolean {
  if (code < 0x80) return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x3b
  return terminator.test(String.fromCharCode(code))
}

/** `)`, `]`, `}`, `"`, `'`, `»`, `’`, `”`: closing marks (UAX #29 `Close`). */
function isClosing(code: number): boolean {
  return code === 0x29 || code === 0x5d || code === 0x7d || code === 0x22 || code === 0x27 || code === 0xbb || code === 0x2019 || code === 0x201d
}

function restart(work: string, from: number, limit: number): number {
  for (let position = limit; position > from + 1; position--) {
    if (isSpace(work.charCodeAt(position - 1)) && !isSpace(work.charCodeAt(position))) return position
  }
  return limit
}
