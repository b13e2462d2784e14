/**
 * What a JavaScript pattern's source shows at a glance, so that rules can
 * be skipped or grouped cheaply. Takes: pattern source. Returns: whether
 * it starts with a repetition, the punctuation every match must start or
 * end with, whether it has top-level alternatives, whether every match
 * starts with a word character.
 */

/**
 * Whether the first atom of `source` (after lookarounds) is a group or is repeated.
 *
 * @param source Pattern source.
 * @returns `true` for `\\w+[.?!]`, `(a|b)c`; `false` for `\\bSig\\.`.
 */
export function leadingRepeat(source: string): boolean {
  let index = 0
  while (/^\(\?<?[=!]/.test(source.slice(index))) index = groupEnd(source, index)
  const rest = source.slice(index)
  const atom = /^(?:\\[pPu]\{[^}]*\}|\\.|\[(?:\\.|\[(?:\\.|[^\]])*\]|[^\]])*\]|\(|[\s\S])/u.exec(rest)
  if (!atom) return false
  if (atom[0] === '(') return true
  return /^[*+{]/.test(rest.slice(atom[0].length))
}

/**
 * Walk the characters of a pattern that are outside escapes and character
 * classes, with the group depth before each; stop when `visit` returns true.
 *
 * @returns The index `visit` stopped at, or -1.
 */
function walkPattern(source: string, from: number, visit: (char: string, depth: number, index: number) => boolean): number {
  let depth = 0
  let inClass = 0
  for (let index = from; index < source.length; index++) {
    const char = source[index]!
    if (char === '\\') index++
    else if (inClass > 0) {
      if (char === '[') inClass++
      else if (char === ']') inClass--
    } else if (char === '[') inClass = 1
    else {
      if (visit(char, depth, index)) return index
      if (char === '(') depth++
      else if (char === ')') depth--
    }
  }
  return -1
}

/** An ASCII word character, `\\d`, `\\w`, a property of letters, marks or decimal digits, or a class of these (ASCII ranges only). */
const wordAtom = /^(?:\w|\\[dw]|\\p\{(?:L[ultmo]?|M[nce]?|Nd)\}|\[(?:[a-z]-[a-z]|[A-Z]-[A-Z]|[0-9]-[0-9]|\w|\\[dw]|\\p\{(?:L[ultmo]?|M[nce]?|Nd)\})+\])/

/**
 * Whether every match of `source` from `index` starts with a word character
 * (a letter, mark, decimal digit or `_`), if it is plain to see: an ASCII
 * letter, digit or `_`, `\\d`, `\\w`, `\\p{L}` (`Lu`…, `M`…, `Nd`) or a class
 * of them, or a group whose every alternative starts so, never optional. A
 * word boundary there needs only no word character before it.
 *
 * @param source Pattern source.
 * @param index Where to look.
 * @returns `true` for `Sig\\.`, `(?:[Pp]ag|art)\\.`, `\\p{Lu}\\.`; `false` for `(?:Sig)?\\.`, `\\.`, `[^a]`, `(?=a)a`, `(?:a|)`.
 */
export function startsWithWord(source: string, index: number): boolean {
  let end: number
  if (source[index] === '(') {
    const plainGroup = !source.startsWith('(?', index)
    if (!plainGroup && !source.startsWith('(?:', index)) return false
    const starts = [index + (plainGroup ? 1 : 3)]
    const close = walkPattern(source, index, (char, depth, at) => {
      if (char === '|' && depth === 1) starts.push(at + 1)
      return char === ')' && depth === 1
    })
    if (close === -1 || !starts.every((start) => startsWithWord(source, start))) return false
    end = close + 1
  } else {
    const atom = wordAtom.exec(source.slice(index))
    if (!atom) return false
    end = index + atom[0].length
  }
  return !/^(?:[?*]|\{0[,}])/.test(source.slice(end))
}

/** Index just after the group opening at `index`. */
function groupEnd(source: string, index: number): number {
  const close = walkPattern(source, index, (char, depth) => char === ')' && depth === 1)
  return close === -1 ? source.length : close + 1
}

/**
 * A punctuation character every match of `source` starts with, if it is
 * plain to see: `«` in `«[^«»]*`, `(` in `\\([^()]*`. A rule that needs one
 * absent from the text is skipped, which spares it a scan back to the start
 * of the sentence at every candidate.
 */
export function firstChar(source: string): string | undefined {
  const char = source[0] === '\\' ? source[1] : String.fromCodePoint(source.codePointAt(0) ?? 0x61)
  if (char === undefined || (source[0] !== '\\' && '^$.*+?()[]{}|'.includes(char))) return undefined
  if (!plain(char) || /^[?*{]/.test(source.slice(source[0] === '\\' ? 2 : char.length))) return undefined
  return alternatives(source) ? undefined : char
}

/**
 * A punctuation character every match of `source` ends with, if it is
 * plain to see: `.` in `\\b(?:Sig|Dott)\\.`. Such rules are only tried
 * at positions right after that character.
 */
export function lastChar(source: string): string | undefined {
  const match = /(?:^|[^\\])(?:\\\\)*(\\?)([^\\])$/.exec(source)
  if (!match) return undefined
  const char = match[2]!
  if (match[1] === '' && '^$.*+?()[]{}|'.includes(char)) return undefined
  if (!plain(char)) return undefined
  return alternatives(source) ? undefined : char
}

/** Punctuation, not a letter, digit, space or escape letter. */
function plain(char: string): boolean {
  return !/[\p{L}\p{N}\s]/u.test(char)
}

/** Whether `source` has a top-level `|`. */
function alternatives(source: string): boolean {
  return walkPattern(source, 0, (char, depth) => char === '|' && depth === 0) !== -1
}
