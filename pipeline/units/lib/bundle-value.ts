/**
 * The bundle form of segments: text with codes as numbered tags, in the
 * react-i18next `Trans` convention (`<1>…</1>`, `<2/>`). Takes: segment or
 * target tokens. Returns: bundle values, and the escaping of literal text.
 */
import type {SegmentToken, TargetToken} from '../../types.ts'

/**
 * The bundle form of a segment: text with its codes as numbered tags, in the
 * react-i18next `Trans` convention. Numbers are per segment (1, 2, …), so a
 * sentence repeated in another unit has the same value.
 *
 * `<` before a digit or `/` and `&` before `lt;`/`amp;` are written as
 * entities so literal text never reads as a tag.
 */
export function toBundleValue(tokens: readonly SegmentToken[]): string {
  return targetBundleValue({tokens}, tokens)
}

/** Escape literal text for a bundle value. */
export function escapeBundleText(text: string): string {
  // Most text has neither character: no pattern needs to run over it.
  if (!text.includes('&') && !text.includes('<')) return text
  return text.replace(/&(?=(?:lt|amp);)/g, '&amp;').replace(/<(?=\/?\d)/g, '&lt;')
}

/** Undo {@linkcode escapeBundleText}. */
export function unescapeBundleText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&amp;/g, '&')
}

/**
 * The bundle form of target tokens, numbering codes as the source segment
 * does, so a translation that moves codes keeps their numbers.
 */
export function targetBundleValue(segment: {readonly tokens: readonly SegmentToken[]}, tokens: readonly TargetToken[]): string {
  const numbers = new Map<string, number>()
  for (const token of segment.tokens) if (token.type !== 'text' && !numbers.has(token.code.id)) numbers.set(token.code.id, numbers.size + 1)
  let result = ''
  for (const token of tokens) {
    if (token.type === 'text') result += escapeBundleText(token.value)
    else {
      const number = numbers.get(token.code.id)
      result += token.type === 'open' ? `<${number}>` : token.type === 'close' ? `</${number}>` : `<${number}/>`
    }
  }
  return result
}
