/**
 * Find the terms of a compiled term index in a text. Takes: the text (inline
 * codes as U+FFFC, or not), a term index, ranges to leave out. Returns: term
 * matches as UTF-16 offsets, left to right, never overlapping.
 *
 * A match starts at the start of a word and ends at the end of one (word
 * characters are Unicode letters, marks and digits), so a term is never found
 * inside another word and an elided article is never part of the match:
 *
 * > | dell'AUKUS
 * >        ^ a word starts after the apostrophe: the match starts here
 *
 * White space runs in the text match one space in a term (`Stati\nUniti`).
 * U+FFFC and excluded ranges are boundaries no match crosses. Case: a letter
 * written in lowercase in the termbase matches either case; a capital must be
 * a capital (`alleanza` matches `Alleanza`; `Mosca`, the city, does not match
 * `mosca`, the fly; `NATO` does not match `nato`, born). At each start the
 * longest term wins, and scanning goes on after it.
 *
 * Cost: each position is read once by the scan; from each word start, a walk
 * follows the trie for as long as the text spells a prefix of some form. A
 * walk is bounded by the longest form, and in prose it ends after a few
 * characters (most words are no term's prefix), so the scan is linear in the
 * text with a constant set by the termbase's longest term, not its size.
 * (Aho–Corasick would bound the walk by the match count instead, but its
 * failure links find matches inside words, which must then be thrown away.)
 */
import {firstEndingAfter} from '../../position.ts'
import type {Range} from '../../types.ts'
import {charTables, high, isWordAt, other, space, stop, word, type CharTables} from './char-tables.ts'
import type {Candidate, TermIndex} from './compile-term-index.ts'
import type {TermStatus} from './termbase.ts'
import {hash, stride} from './trie.ts'
import {primaryLanguage} from '../../language-tag.ts'

/** Configuration for {@linkcode matchTerms}. */
export interface Options {
  /** Ranges of the text to leave out (inline code, URLs); each acts as a word boundary. */
  exclude?: readonly Range[] | null | undefined
  /** Language of the text; when given, its primary subtag must be the index's (`it-IT` text, `it` index). */
  language?: string | null | undefined
}

/** Another term with the same form at the same place (a homonym in the termbase). */
export interface TermAlternative {
  conceptId: string
  termId: string
  status: TermStatus
}

/** A term found in a text. */
export interface TermMatch {
  /** Offset of the first code unit. */
  start: number
  /** Offset just past the last code unit. */
  end: number
  conceptId: string
  termId: string
  /** The text matched, as written in the text (`alleanze`, `Stati\nUniti`). */
  text: string
  /** Status of the term matched (`deprecated` for `AKUS`). */
  status: TermStatus
  /** Other terms the same text matches, if any. */
  alternatives?: TermAlternative[]
}

const emptyOptions: Options = {}

/**
 * Find terms in a text.
 *
 * @param text
 *   Text.
 * @param index
 *   From `compileTermIndex`.
 * @param options
 *   Exclusions, language (optional).
 * @returns
 *   Matches, by start offset.
 */
export function matchTerms(text: string, index: TermIndex, options?: Options | null): TermMatch[] {
  const settings = options || emptyOptions
  if (settings.language && primaryLanguage(settings.language) !== primaryLanguage(index.language)) {
    throw new TypeError('Cannot match `' + settings.language + '` text with terms compiled for `' + index.language + '`, expected the same language')
  }

  const exclude = sortRanges(settings.exclude ?? [], text.length)
  const tables = charTables()
  const info = tables.info
  const rootEdges = index.trie.rootEdges
  const punctuation = index.punctuationStarts
  const matches: TermMatch[] = []
  const length = text.length
  let next = 0
  let limit = exclude.length > 0 ? exclude[0]!.start : length
  let afterWord = false
  let position = 0

  while (position < length) {
    if (position >= limit) {
      // Skip an excluded range; what follows starts fresh.
      position = Math.max(position, exclude[next]!.end)
      next++
      limit = next < exclude.length ? exclude[next]!.start : length
      afterWord = false
      continue
    }

    const value = info[text.charCodeAt(position)]!
    const type = value & 7
    if (type === word) {
      if (!afterWord) {
        const end = rootEdges[value >> 3] === -1 ? -1 : walk(text, position, limit, index, tables, matches)
        if (end !== -1) {
          position = end
          afterWord = isWordAt(text, end - 1, tables)
          continue
        }
      }

      // No term starts inside a word: run to its end.
      position++
      while (position < limit && (info[text.charCodeAt(position)]! & 7) === word) position++
      afterWord = true
      continue
    } else if (type >= high) {
      // Half of a surrogate pair: a word character or not, as the pair is.
      const isWord = isWordAt(text, position, tables)
      if (isWord && !afterWord && type === high && rootEdges[value >> 3] !== -1) {
        const end = walk(text, position, limit, index, tables, matches)
        if (end !== -1) {
          position = end
          afterWord = isWordAt(text, end - 1, tables)
          continue
        }
      }

      afterWord = isWord
    } else {
      if (punctuation && type === other && rootEdges[value >> 3] !== -1) {
        const end = walk(text, position, limit, index, tables, matches)
        if (end !== -1) {
          position = end
          afterWord = isWordAt(text, end - 1, tables)
          continue
        }
      }

      afterWord = false
    }

    position++
  }

  return matches
}

/**
 * The matches {@linkcode matchTerms} finds in a slice of a text, told from
 * those it found in the whole text with the same index (offsets into the
 * slice); `undefined` when they cannot be told from them. They can when, at
 * each edge of the slice, the text's edge or a character that is no word
 * character (white space, punctuation, U+FFFC) lies on one side or the
 * other, and no match crosses an edge: the scan then reaches the slice's
 * start as it starts a text (not inside a word), a walk from inside the
 * slice reads the same characters up to its end, and a form ending there is
 * accepted on both sides (no word goes on). A walk that goes past the end
 * and is accepted there is a match crossing the edge; one that is not
 * changes nothing.
 *
 * > | Mosca e Pechino. La NATO
 * >                    ^^^^^^^ the slice: `NATO` found in the whole text is its match
 * > | gli Stati Uniti a causa
 * >                  ^^^^^^^^ the slice starts with a space: `Uniti` before it ends there
 *
 * @param text
 *   Text.
 * @param matches
 *   `matchTerms(text, index)`, without options.
 * @param start
 *   Offset where the slice starts.
 * @param end
 *   Offset where it ends.
 * @returns
 *   `matchTerms(text.slice(start, end), index)`, or `undefined`.
 */
export function sliceMatches(text: string, matches: readonly TermMatch[], start: number, end: number): TermMatch[] | undefined {
  const info = charTables().info
  if (start >= end) return []
  if (start > 0 && !isBoundary(info[text.charCodeAt(start - 1)]!) && !isBoundary(info[text.charCodeAt(start)]!)) return undefined
  if (end < text.length && !isBoundary(info[text.charCodeAt(end)]!) && !isBoundary(info[text.charCodeAt(end - 1)]!)) return undefined
  const result: TermMatch[] = []
  // From the first match that ends after the start: they are sorted and never overlap.
  for (let at = firstEndingAfter(matches, start, (match) => match); at < matches.length; at++) {
    const match = matches[at]!
    if (match.start >= end) break
    if (match.start < start || match.end > end) return undefined
    // The fields in `walk`'s order, so a slice's match is the very one `matchTerms` makes.
    const moved: TermMatch = {start: match.start - start, end: match.end - start, conceptId: match.conceptId, termId: match.termId, text: match.text, status: match.status}
    if (match.alternatives) moved.alternatives = match.alternatives.map((one) => ({...one}))
    result.push(moved)
  }

  return result
}

/**
 * Whether a character is neither a word character nor half of a surrogate
 * pair: no word goes on across it.
 *
 * @param value
 *   Its `info` entry.
 */
function isBoundary(value: number): boolean {
  const type = value & 7
  return type !== word && type < high
}

/**
 * Walk the trie from a start; add the longest match to `matches`.
 *
 * @param text
 *   Text.
 * @param start
 *   Where the walk starts.
 * @param end
 *   Where it must stop (the text's end or an excluded range).
 * @param index
 *   Term index.
 * @param tables
 *   Character tables.
 * @param matches
 *   Matches so far (changed).
 * @returns
 *   End of the match added, or `-1`.
 */
function walk(text: string, start: number, end: number, index: TermIndex, tables: CharTables, matches: TermMatch[]): number {
  const info = tables.info
  const trie = index.trie
  const table = trie.table
  const mask = trie.mask
  let value = trie.rootEdges[info[text.charCodeAt(start)]! >> 3]!
  let at = start + 1
  let bestEnd = -1
  let best: Candidate | undefined
  let bestList = -1

  // > | dell'AUKUS
  //          ^^^^^ one step per code unit while the text spells a prefix of a form
  while (value !== -1) {
    const node = value >> 1
    if (value & 1) {
      // A form ends here; the word must end too (unless the form ends with
      // punctuation, as `EE. UU.` does).
      const nextType = at < end ? info[text.charCodeAt(at)]! & 7 : other
      const lastType = info[info[text.charCodeAt(at - 1)]! >> 3]! & 7
      const open = lastType === word || lastType >= high
      if (!open || (nextType !== word && (nextType < high || !isWordAt(text, at, tables)))) {
        const list = index.accept[node]!
        const candidate = firstCapitalMatch(text, start, index.lists[list]!, tables)
        if (candidate) {
          bestEnd = at
          best = candidate
          bestList = list
        }
      }
    }

    if (at >= end) break
    let current = info[text.charCodeAt(at)]!
    const type = current & 7
    if (type === stop) break
    at++
    if (type === space) {
      while (at < end && (info[text.charCodeAt(at)]! & 7) === space) at++
      current = (32 << 3) | space
    }

    // The trie's edge table, inlined: one or two probes.
    const folded = current >> 3
    let slot = hash(node, folded) & mask
    let parent = table[slot * stride]!
    while (parent !== -1 && (parent !== node || table[slot * stride + 1] !== folded)) {
      slot = (slot + 1) & mask
      parent = table[slot * stride]!
    }

    value = parent === -1 ? -1 : table[slot * stride + 2]!
  }

  if (!best) return -1
  const match: TermMatch = {start, end: bestEnd, conceptId: best.conceptId, termId: best.termId, text: spelled(text, start, bestEnd, best.form), status: best.status}
  const alternatives = others(text, start, index.lists[bestList]!, best, tables)
  if (alternatives) match.alternatives = alternatives
  matches.push(match)
  return bestEnd
}

/**
 * The text of a match: the form's own string when the text spells it exactly
 * (the common case, which then allocates nothing), else a slice.
 *
 * @param text
 *   Text.
 * @param start
 *   Start of the match.
 * @param end
 *   End of the match.
 * @param form
 *   The form matched.
 */
function spelled(text: string, start: number, end: number, form: string): string {
  if (form.length !== end - start) return text.slice(start, end)
  for (let index = 0; index < form.length; index++) {
    if (form.charCodeAt(index) !== text.charCodeAt(start + index)) return text.slice(start, end)
  }

  return form
}

/**
 * The first candidate (most specific first) whose capitals the text has.
 *
 * @param text
 *   Text.
 * @param start
 *   Start of the match.
 * @param candidates
 *   Candidates ending at a node.
 * @param tables
 *   Character tables.
 */
function firstCapitalMatch(text: string, start: number, candidates: readonly Candidate[], tables: CharTables): Candidate | undefined {
  for (const candidate of candidates) if (capitalsMatch(text, start, candidate, tables)) return candidate
  return undefined
}

/**
 * Other terms with the same text at the same place (homonyms), if any.
 *
 * @param text
 *   Text.
 * @param start
 *   Start of the match.
 * @param candidates
 *   Candidates ending where the match ends.
 * @param chosen
 *   The candidate matched.
 * @param tables
 *   Character tables.
 */
function others(text: string, start: number, candidates: readonly Candidate[], chosen: Candidate, tables: CharTables): TermAlternative[] | undefined {
  if (candidates.length === 1) return undefined
  let result: TermAlternative[] | undefined
  for (const item of candidates) {
    if (item.termId === chosen.termId || !capitalsMatch(text, start, item, tables)) continue
    result ??= []
    if (!result.some((known) => known.termId === item.termId)) result.push({conceptId: item.conceptId, termId: item.termId, status: item.status})
  }

  return result
}

/**
 * Whether the text has a capital wherever the candidate's form has one.
 * Positions count the form's code units, a white space run counting one.
 *
 * @param text
 *   Text.
 * @param start
 *   Start of the match.
 * @param candidate
 *   Candidate.
 * @param tables
 *   Character tables.
 */
function capitalsMatch(text: string, start: number, candidate: Candidate, tables: CharTables): boolean {
  const upper = candidate.upper
  if (!upper) return true
  const kind = tables.kind
  let at = start
  let position = 0
  let wanted = 0
  while (wanted < upper.length) {
    if (kind[text.charCodeAt(at)] === space) {
      while (kind[text.charCodeAt(at)] === space) at++
      position++
      continue
    }

    if (position === upper[wanted]) {
      if (!tables.upper[text.charCodeAt(at)]) return false
      wanted++
    }

    at++
    position++
  }

  return true
}


/**
 * Sort ranges, clamp them to the text and merge overlapping ones.
 *
 * @param ranges
 *   Ranges, in any order.
 * @param length
 *   Text length.
 */
function sortRanges(ranges: readonly Range[], length: number): Range[] {
  const sorted = ranges
    .map((range) => {
      if (!range || typeof range.start !== 'number' || typeof range.end !== 'number' || range.start > range.end) {
        throw new TypeError('Cannot use `' + JSON.stringify(range) + '` in `options.exclude`, expected `{start, end}` with start <= end')
      }

      return {start: Math.max(0, range.start), end: Math.min(length, range.end)}
    })
    .filter((range) => range.start < range.end)
    .sort((a, b) => a.start - b.start)
  const merged: Range[] = []
  for (const range of sorted) {
    const last = merged.at(-1)
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end)
    else merged.push(range)
  }

  return merged
}
