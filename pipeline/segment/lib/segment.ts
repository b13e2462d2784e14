/**
 * Split a paragraph into sentence strings (for `babele segment`). Takes:
 * the paragraph's plain text, a language and SRX rules. Returns: the
 * sentences, trimmed: the text of {@linkcode sentenceSpans}' ranges.
 */
import {sentenceSpans, type Options} from './sentence-spans.ts'

export type {Options} from './sentence-spans.ts'

/**
 * Split a paragraph into sentence strings (for `babele segment`).
 *
 * @param text Plain text of one paragraph.
 * @param options Language and rules.
 * @returns The sentences, trimmed.
 */
export function segment(text: string, options: Options): string[] {
  return sentenceSpans(text, options).map((range) => text.slice(range.start, range.end))
}
