/**
 * Tokenize a raw slice of Markdown text. Takes: the source and a range.
 * Returns: text tokens, soft line breaks and placeholders for backslash
 * escapes, character references and flavour syntax.
 */
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import type {SyntaxMatch} from '../../flavor/index.ts'
import {firstEndingAfter} from '../../position.ts'
import type {InlineCode, Range, Token} from '../../types.ts'

const escapeOrEntity = /\\[!-/:-@[-`{-~]|&(#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/g
const softBreakPlain = /[ \t]*(?:\r\n|\r|\n)[ \t]*/y
const softBreakQuoted = /[ \t]*(?:\r\n|\r|\n)[ \t>]*/y

/** Context of {@linkcode textTokens}. */
export interface TextOptions {
  /** Whether `>` may start a continuation line (the text is in a block quote). */
  inBlockQuote: boolean
  /** Shared counter so code ids are unique in the unit. */
  counter: {next: number}
  /** Flavour syntax of the document, by position: each match in the range becomes a placeholder. */
  syntax?: readonly SyntaxMatch[] | null
}

/**
 * Tokenize a raw slice of text: escapes and character references become
 * placeholders, line endings soft breaks, the rest text.
 */
export function textTokens(body: string, range: Range, options: TextOptions, tokens: Token[] = []): Token[] {
  const softBreak = options.inBlockQuote ? softBreakQuoted : softBreakPlain
  let plainStart = range.start
  let index = range.start
  const syntax = options.syntax ?? []
  let next = firstEndingAfter(syntax, range.start, (match) => match.range)

  const flush = (end: number) => {
    if (end > plainStart) tokens.push({type: 'text', value: body.slice(plainStart, end), range: {start: plainStart, end}})
  }

  while (index < range.end) {
    while (next < syntax.length && syntax[next]!.range.end <= index) next++
    const match = syntax[next]
    // A match is one placeholder (a slice that starts inside one, too: masked text is never text).
    if (match && match.range.start <= index) {
      const end = Math.min(match.range.end, range.end)
      flush(index)
      tokens.push({type: 'ph', code: createCode(options.counter, 'ph', 'other', match.rule, {start: index, end})})
      index = end
      plainStart = end
      continue
    }
    const char = body.charCodeAt(index)
    if (char === 92 /* \ */ || char === 38 /* & */) {
      escapeOrEntity.lastIndex = index
      const match = escapeOrEntity.exec(body)
      if (match && match.index === index && index + match[0].length <= range.end) {
        const decoded = char === 92 ? match[0].slice(1) : decodeReference(match[1]!)
        if (decoded !== undefined) {
          flush(index)
          const end = index + match[0].length
          tokens.push({type: 'ph', code: createCode(options.counter, 'ph', 'escape', char === 92 ? 'escape' : 'entity', {start: index, end}, decoded)})
          index = end
          plainStart = end
          continue
        }
      }
    } else if (char === 10 || char === 13 || ((char === 32 || char === 9) && lineEndsAfterSpaces(body, index, range.end))) {
      softBreak.lastIndex = index
      const match = softBreak.exec(body)!
      const end = Math.min(index + match[0].length, range.end)
      flush(index)
      tokens.push({type: 'text', value: '\n', range: {start: index, end}})
      index = end
      plainStart = end
      continue
    }
    index++
  }
  flush(range.end)
  return tokens
}

function lineEndsAfterSpaces(body: string, index: number, end: number): boolean {
  let cursor = index
  while (cursor < end && (body.charCodeAt(cursor) === 32 || body.charCodeAt(cursor) === 9)) cursor++
  const next = body.charCodeAt(cursor)
  return cursor < end && (next === 10 || next === 13)
}

function decodeReference(name: string): string | undefined {
  if (name.charCodeAt(0) !== 35 /* # */) {
    const decoded = decodeNamedCharacterReference(name)
    return decoded === false ? undefined : decoded
  }
  const hex = name.charCodeAt(1) === 120 || name.charCodeAt(1) === 88
  const value = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10)
  return value > 0x10ffff || value === 0 ? '\uFFFD' : String.fromCodePoint(value)
}

export function createCode(counter: {next: number}, kind: 'pc' | 'ph', type: InlineCode['type'], subType: string, open: Range, display?: string, close?: Range): InlineCode {
  const result: InlineCode = {id: String(counter.next++), kind, type, subType, open}
  if (close) result.close = close
  if (display !== undefined) {
    result.display = display
    result.equiv = display
  }
  return result
}
