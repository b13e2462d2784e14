/**
 * Pseudo-localize a source document, so that layout problems show before
 * any translation exists. Takes: an extracted source document and, per
 * segment, the glossary locks to keep. Returns: the pseudo locale's bundle
 * for the document (segment key → bundle value), which the build renders
 * into the source's skeleton like any translation.
 *
 * Each segment with text gets:
 * - every ASCII letter outside a lock replaced by an accented look-alike
 *   from a fixed table (`a` → `á`, `k` → `ķ`; see `accents`), one UTF-16
 *   code unit for one, so the text stays readable and every character that
 *   is not an ASCII letter (digits, punctuation, Italian `à`, `è`) is kept;
 * - brackets, `[` before its first text and `]` after its last, so a
 *   truncated string shows its missing end;
 * - padding before `]` of ⌈30% × n⌉ characters, n being the segment's text
 *   length in code points (codes not counted), cut from filler words (never
 *   ending in a space), so it wraps as text does: the expansion scales with
 *   length, and with the brackets a segment of n characters becomes
 *   n + 2 + ⌈0.3 n⌉ (a 10-character title 15, +50%; a 100-character
 *   sentence 132, +32%).
 *
 * Its codes are the source's, in the source's order, so the build renders
 * them from their source bytes; a locked term's text (`NATO`, `Cremlino`)
 * is kept byte for byte. Brackets and padding go inside the codes that
 * open and close the segment and its code spans, but outside flavour
 * placeholders and GFM alerts at its edges, whose place is syntax (a
 * heading id `{#id}` must end its heading), and outside the text's own
 * edge white space:
 *
 * ```
 * > | ## Il vertice di Pechino {#vertice}
 *        ^^^^^^^^^^^^^^^^^^^^^^ text, 22 characters (its final space too), then a placeholder
 * < | ## [Íĺ ṽéŕţíçé ðí Ƥéçĥíñó ĺóŕéɱĺ] {#vertice}
 *        ^                      ^^^^^^^ padding, ⌈0.3 × 22⌉ = 7, then `]` before the space
 * ```
 */
import {syntaxRuleIds} from '../../flavor/index.ts'
import type {Bundle, Segment, SegmentToken, SourceDocument, TargetToken, TermLock, Unit} from '../../types.ts'
import {targetBundleValue, textOfTokens} from '../../units/index.ts'

/** Options of {@linkcode pseudoLocalize}. */
export interface Options {
  /** The glossary locks of a segment whose text is kept as written (offsets into its `textOfTokens`), such as the locked ones of `termLocks`. Default: none. */
  locks?: ((segment: Segment, unit: Unit) => readonly TermLock[]) | null
}

/** Padding share of a segment's text length. */
const pseudoExpansion = 0.3

/**
 * ASCII letters and their accented look-alikes: Latin letters with a
 * diacritic or hook, each one UTF-16 code unit (no combining marks, so
 * lengths and term offsets stay put).
 */
const accents: Readonly<Record<string, string>> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ĺ', m: 'ɱ',
  n: 'ñ', o: 'ó', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ú', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ĺ', M: 'Ṁ',
  N: 'Ñ', O: 'Ó', P: 'Ƥ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ú', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž'
}

/** What padding is cut from: words, so that padded text wraps as text does. */
const filler = ' ĺóŕéɱ íþšúɱ ðóĺóŕ šíţ áɱéţ'

/**
 * @param document An extracted source document.
 * @param options The locks to keep.
 * @returns The pseudo locale's bundle: a value for every segment with text.
 */
export function pseudoLocalize(document: SourceDocument, options?: Options | null): {value: Bundle} {
  const value: Bundle = {}
  for (const unit of document.units) {
    for (const part of unit.parts) {
      if (part.type !== 'segment' || part.segment.key in value) continue
      const tokens = pseudoSegment(part.segment.tokens, options?.locks?.(part.segment, unit) ?? [])
      if (tokens) value[part.segment.key] = targetBundleValue(part.segment, tokens)
    }
  }
  return {value}
}

/**
 * Pseudo-localize one segment's tokens.
 *
 * @param tokens The segment's tokens.
 * @param locks Ranges of its plain text (`textOfTokens`) kept as written.
 * @returns Target tokens, or `undefined` for a segment with no text but white space.
 */
function pseudoSegment(tokens: readonly SegmentToken[], locks: readonly TermLock[]): TargetToken[] | undefined {
  const plain = textOfTokens(tokens)
  const kept = new Uint8Array(plain.length)
  for (const lock of locks) kept.fill(1, lock.start, lock.end)
  const result: TargetToken[] = []
  let offset = 0
  let length = 0
  for (const token of tokens) {
    if (token.type !== 'text') {
      result.push({type: token.type, code: token.code})
      offset++
      continue
    }
    let text = ''
    for (let index = 0; index < token.value.length; index++) {
      const character = token.value[index]!
      text += kept[offset + index] ? character : (accents[character] ?? character)
    }
    offset += token.value.length
    length += [...token.value].length
    result.push({type: 'text', value: text})
  }
  const first = result.findIndex((token) => !isPositional(token))
  const last = result.findLastIndex((token) => !isPositional(token))
  if (!tokens.some((token) => token.type === 'text' && /\S/.test(token.value))) return undefined
  const size = Math.ceil(pseudoExpansion * length)
  // Never a space just before `]`: the filler's next letter instead.
  const padding = filler.repeat(Math.ceil(size / filler.length) + 1).slice(0, size).replace(/ $/, filler[1]!)
  // Closing first, so that `first` still points at its token.
  insertAt(result, last, 'after', padding + ']')
  insertAt(result, first, 'before', '[')
  return result
}

/**
 * Whether a token is a placeholder whose place is syntax: flavour syntax
 * (`{#id}` ends a heading, `{open}` a container title) and a GFM alert
 * (`[!NOTE]` opens its block quote). Other codes (`**`, a link, a code
 * span) go inside the brackets.
 */
function isPositional(token: TargetToken): boolean {
  return token.type === 'ph' && (token.code.subType === 'alert' || syntaxRuleIds.has(token.code.subType))
}

/**
 * Put text inside the edge of a segment: into the text token there (after
 * its leading or before its trailing white space), or as a token of its own
 * beside a code.
 */
function insertAt(tokens: TargetToken[], index: number, side: 'before' | 'after', text: string): void {
  const token = tokens[index]!
  if (token.type === 'text') {
    const value = token.value
    const edge = side === 'before' ? /^\s*/.exec(value)![0].length : value.length - /\s*$/.exec(value)![0].length
    tokens[index] = {type: 'text', value: value.slice(0, edge) + text + value.slice(edge)}
    return
  }
  tokens.splice(side === 'before' ? index : index + 1, 0, {type: 'text', value: text})
}
