/**
 * Turn a segment or a translation into readable pieces. Takes: source or
 * target tokens, the source body their codes point into, and marks as
 * offsets into the tokens' plain text (`textOfTokens`: each code one
 * U+FFFC, as term matches count). Returns: text pieces, each plain, marked
 * or a code, for a page to show as the reader sees the sentence.
 *
 * Paired codes (bold, links) take no room; an escape reads as the character
 * it stands for; a line break reads as a space; any other placeholder (code
 * span, inline HTML) shows its source bytes as a code piece:
 *
 * > | la **NATO** e `npm`
 * >        ^^^^ a mark: plain offsets 4–8 (the U+FFFC of `**` is offset 3)
 */
import type {SegmentToken, TargetToken} from '../../types.ts'

/** A mark over plain-text offsets `start`–`end`. */
export interface Mark<Kind extends string = string> {
  start: number
  end: number
  kind: Kind
}

/** One piece of readable text. */
export interface Piece<Kind extends string = string> {
  text: string
  /** Set on text under a mark. */
  mark?: Kind
  /** Set on the bytes of a placeholder code (shown as code). */
  code?: true
}

/**
 * @param tokens Source segment tokens or target tokens.
 * @param body The source text the codes' ranges point into (BOM-less).
 * @param marks Marks over plain-text offsets, not overlapping.
 * @returns Pieces in order; adjacent plain text joined.
 */
export function textPieces<Kind extends string>(tokens: ReadonlyArray<SegmentToken | TargetToken>, body: string, marks: ReadonlyArray<Mark<Kind>> = []): Array<Piece<Kind>> {
  const pieces: Array<Piece<Kind>> = []
  const push = (text: string, mark: Kind | undefined, code: boolean) => {
    if (text === '') return
    const last = pieces.at(-1)
    if (last && !code && !last.code && last.mark === mark) last.text += text
    else pieces.push({text, ...(mark === undefined ? {} : {mark}), ...(code ? {code: true as const} : {})})
  }

  const sorted = [...marks].sort((a, b) => a.start - b.start)
  let offset = 0
  for (const token of tokens) {
    if (token.type !== 'text') {
      offset++
      if (token.type !== 'ph') continue
      const {code} = token
      if (code.type === 'escape' && code.display) push(code.display, markAt(sorted, offset - 1), false)
      else if (code.type === 'break') push(' ', undefined, false)
      else push(body.slice(code.open.start, code.open.end), undefined, true)
      continue
    }

    // Cut the text where marks start and end; offsets count the token's own characters.
    const cuts = new Set<number>([0, token.value.length])
    for (const mark of sorted) {
      for (const at of [mark.start - offset, mark.end - offset]) if (at > 0 && at < token.value.length) cuts.add(at)
    }

    const ordered = [...cuts].sort((a, b) => a - b)
    for (let index = 1; index < ordered.length; index++) {
      const from = ordered[index - 1]!
      const to = ordered[index]!
      push(readable(token.value.slice(from, to)), markAt(sorted, offset + from), false)
    }

    offset += token.value.length
  }

  return pieces
}

/** Soft line breaks read as spaces. */
function readable(text: string): string {
  return text.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ')
}

/** The kind of the mark covering a plain offset, if any. */
function markAt<Kind extends string>(marks: ReadonlyArray<Mark<Kind>>, offset: number): Kind | undefined {
  for (const mark of marks) if (mark.start <= offset && offset < mark.end) return mark.kind
  return undefined
}
