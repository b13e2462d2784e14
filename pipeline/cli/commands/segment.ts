/**
 * `babele segment`: split text into sentences with the configured rules.
 * Takes: text (stdin) and a language. Returns: the sentences.
 */
import {segment} from '../../segment/index.ts'

/**
 * @param text Input text; blank lines separate paragraphs, each segmented on its own.
 * @param language BCP 47 language tag.
 */
export function segmentCommand(text: string, language: string): string[] {
  const sentences: string[] = []
  for (const paragraph of text.replace(/^\uFEFF/, '').split(/\r?\n[ \t]*\r?\n/)) sentences.push(...segment(paragraph, {language}))
  return sentences
}
