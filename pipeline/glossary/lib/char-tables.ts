/**
 * Per-character tables for term matching, built once for the whole Basic
 * Multilingual Plane. Takes: nothing. Returns: each UTF-16 code unit's class
 * (word character, white space, placeholder, surrogate, other), its folded
 * form (lowercase; `’` and `ʼ` as `'`; hyphens as `-`; white space as a
 * space) and whether it is a capital.
 *
 * Tables turn the matcher's inner loop into array reads; building them costs
 * a few milliseconds once per process, or none when tables an earlier
 * process of the same engine built are given (`useCharTables`: the CLI
 * keeps them in its cache).
 */

/** A character that is not a word character, white space or a placeholder. */
export const other = 0
/** A letter, mark or digit (`\p{L}`, `\p{M}`, `\p{N}`): words are made of these. */
export const word = 1
/** White space: runs of it match one space in a term. */
export const space = 2
/** U+FFFC, an inline code's placeholder: a boundary no term crosses. */
export const stop = 3
/** First half of a surrogate pair: its class is that of the pair. */
export const high = 4
/** Second half of a surrogate pair. */
export const low = 5

/** The tables. */
export interface CharTables {
  /** Class of each code unit. */
  kind: Uint8Array
  /** Folded code unit. */
  fold: Uint16Array
  /** 1 for an uppercase or titlecase letter. */
  upper: Uint8Array
  /** Class and folded code unit in one read: `fold << 3 | kind`. */
  info: Int32Array
}

let cache: CharTables | undefined

/**
 * The tables (built on first use): each class found as runs of characters
 * in one string of the whole plane, and only characters that change when
 * lowercased (`\p{Changes_When_Lowercased}`) lowercased one by one. The same
 * tables as testing each code unit on its own (a test compares them for
 * every code unit), in a few milliseconds instead of about thirty.
 */
export function charTables(): CharTables {
  if (cache) return cache
  const kind = new Uint8Array(65_536)
  const fold = new Uint16Array(65_536)
  const upper = new Uint8Array(65_536)
  for (let code = 0; code < 65_536; code++) fold[code] = code
  // Every code unit as a character at its own offset, surrogates as U+0000 (which no pattern below matches): one character per code point.
  const plane = new TextDecoder('utf-16le').decode(fold.slice().fill(0, 0xd8_00, 0xe0_00))
  /** Each run of characters `pattern` matches, as code units from `start` to `end`. */
  const runs = (pattern: RegExp, each: (start: number, end: number) => void) => {
    for (let found = pattern.exec(plane); found; found = pattern.exec(plane)) each(found.index, pattern.lastIndex)
  }

  runs(/\p{Changes_When_Lowercased}+/gu, (start, end) => {
    for (let code = start; code < end; code++) {
      const lower = plane[code]!.toLowerCase()
      if (lower.length === 1) fold[code] = lower.charCodeAt(0)
    }
  })
  runs(/[\p{L}\p{M}\p{N}]+/gu, (start, end) => kind.fill(word, start, end))
  runs(/\s+/gu, (start, end) => {
    for (let code = start; code < end; code++) {
      if (kind[code] !== other) continue
      kind[code] = space
      fold[code] = 32
    }
  })
  runs(/[\p{Lu}\p{Lt}]+/gu, (start, end) => upper.fill(1, start, end))
  kind.fill(high, 0xd8_00, 0xdc_00).fill(low, 0xdc_00, 0xe0_00)
  // U+FFFC is no white space: its fold is its own.
  kind[0xff_fc] = stop

  // Typographic apostrophes and modifier letter apostrophe: `d’Europa` is `d'Europa`.
  for (const code of [0x20_19, 0x02_bc]) fold[code] = 39
  // Hyphen and non-breaking hyphen: `Indo‑Pacifico` is `Indo-Pacifico`.
  for (const code of [0x20_10, 0x20_11]) fold[code] = 45
  // ʼ (U+02BC) is a letter; as an apostrophe it must end a word like `'` does.
  kind[0x02_bc] = other

  const info = new Int32Array(65_536)
  for (let code = 0; code < 65_536; code++) info[code] = (fold[code]! << 3) | kind[code]!
  cache = {kind, fold, upper, info}
  return cache
}

/**
 * Use tables {@linkcode charTables} built in an earlier process of the same
 * JavaScript engine (its Unicode data: the CLI keeps them in its cache, by
 * the engine's versions), instead of building them: what {@linkcode charTables}
 * gives from then on. Taken only when they have the tables' shape, each
 * code unit's `info` its `fold` and `kind`; else this process builds its own.
 *
 * @param tables Tables as {@linkcode charTables} built them.
 * @returns Whether they were taken.
 */
export function useCharTables(tables: CharTables): boolean {
  const {kind, fold, upper, info} = tables
  const planes = 65_536
  if (!(kind instanceof Uint8Array && fold instanceof Uint16Array && upper instanceof Uint8Array && info instanceof Int32Array)) return false
  if (kind.length !== planes || fold.length !== planes || upper.length !== planes || info.length !== planes) return false
  for (let code = 0; code < planes; code++) if (info[code] !== ((fold[code]! << 3) | kind[code]!) || kind[code]! > low || upper[code]! > 1) return false
  cache = {kind, fold, upper, info}
  return true
}

/**
 * Whether the character at an offset is a word character, looking at the
 * whole surrogate pair when it is one.
 *
 * @param text
 *   Text.
 * @param offset
 *   Offset (out of range: not a word character).
 * @param tables
 *   Tables.
 */
export function isWordAt(text: string, offset: number, tables: CharTables): boolean {
  if (offset < 0 || offset >= text.length) return false
  const kind = tables.kind[text.charCodeAt(offset)]
  if (kind === word) return true
  if (kind === high) return astralWord(text.codePointAt(offset)!)
  if (kind === low && offset > 0) return astralWord(text.codePointAt(offset - 1)!)
  return false
}

const astralWordPattern = /^[\p{L}\p{M}\p{N}]$/u

/** Whether a code point outside the BMP is a letter, mark or digit. */
function astralWord(codePoint: number): boolean {
  return astralWordPattern.test(String.fromCodePoint(codePoint))
}
