/**
 * Memory text: segments and translations as document-free tokens, and back.
 * Takes: a document's tokens (with the body their codes' bytes come from), a
 * bundle value, or memory tokens. Returns: memory tokens (codes carry their
 * native bytes), their bundle form, and a memory target rewritten onto a
 * segment's own codes when its codes can be matched.
 *
 * Codes are matched by role and native bytes (`**` opens bold, `](url)`
 * closes a link), in order of appearance; a code whose bytes are unknown
 * (`data: ''`) matches a code of the same role and sub-type, or of the same
 * role when it has none. A code left without a counterpart on either side is
 * counted: that count is the fuzzy score's code penalty.
 */
import type {InlineCode, MemoryToken, Segment, SegmentToken, TargetToken} from '../../types.ts'
import {escapeBundleText, unescapeBundleText} from '../../units/index.ts'

type CodeToken = Exclude<MemoryToken, {type: 'text'}>

/**
 * @param body The text the codes' ranges index (`SourceDocument.body`).
 * @param tokens Segment or target tokens.
 * @returns Memory tokens: text as is, each code with its bytes and sub-type.
 */
export function memoryTokens(body: string, tokens: ReadonlyArray<SegmentToken | TargetToken>): MemoryToken[] {
  return tokens.map((token): MemoryToken => {
    if (token.type === 'text') return {type: 'text', value: token.value}
    const side = (token.type === 'close' || token.type === 'end') && token.code.close ? token.code.close : token.code.open
    return {type: token.type, id: token.code.id, data: body.slice(side.start, side.end), subType: token.code.subType}
  })
}

/**
 * Read a bundle value (`<1>…</1>`, `<2/>`) as memory tokens whose codes'
 * bytes are unknown: what a stored pair keeps of a source that changed.
 * `<n/>` is a placeholder; ids are the tag numbers.
 */
export function bundleTokens(value: string): MemoryToken[] {
  const tokens: MemoryToken[] = []
  let cursor = 0
  for (const match of value.matchAll(/<(\/?)(\d+)(\/?)>/g)) {
    if (match.index > cursor) tokens.push({type: 'text', value: unescapeBundleText(value.slice(cursor, match.index))})
    cursor = match.index + match[0].length
    tokens.push({type: match[1] ? 'close' : match[3] ? 'ph' : 'open', id: match[2]!, data: ''})
  }
  if (cursor < value.length) tokens.push({type: 'text', value: unescapeBundleText(value.slice(cursor))})
  return tokens
}

/**
 * The bundle form of memory tokens, codes numbered by their first appearance
 * in `source` (then in `tokens`, for a code the source lacks), as
 * `targetBundleValue` numbers a translation by its source segment.
 *
 * @param source The pair's source, which numbers the codes.
 * @param tokens The tokens to write (the source itself, or its target).
 */
export function memoryValue(source: readonly MemoryToken[], tokens: readonly MemoryToken[] = source): string {
  const numbers = new Map<string, number>()
  for (const token of [...source, ...tokens]) if (token.type !== 'text' && !numbers.has(token.id)) numbers.set(token.id, numbers.size + 1)
  let result = ''
  for (const token of tokens) {
    if (token.type === 'text') result += escapeBundleText(token.value)
    else {
      const number = numbers.get(token.id)
      result += token.type === 'open' ? `<${number}>` : token.type === 'close' ? `</${number}>` : `<${number}/>`
    }
  }
  return result
}

/** The text of memory tokens, each code one U+FFFC (as `textOfTokens`). */
export function memoryText(tokens: readonly MemoryToken[]): string {
  let result = ''
  for (const token of tokens) result += token.type === 'text' ? token.value : '\uFFFC'
  return result
}

/** One code of a text: its roles, and the bytes of its opening (or only) and closing sides. */
export interface CodeShape {
  id: string
  roles: string
  data: string
  closeData: string
  subType: string | undefined
}

/** The codes of a text, as {@linkcode matchShapes} matches them (a text's are made once for many matches). */
export function codeShapes(tokens: readonly MemoryToken[]): CodeShape[] {
  const byId = new Map<string, {roles: Set<string>; data: string; closeData: string; subType: string | undefined}>()
  for (const token of tokens) {
    if (token.type === 'text') continue
    let shape = byId.get(token.id)
    if (!shape) {
      shape = {roles: new Set(), data: '', closeData: '', subType: token.subType}
      byId.set(token.id, shape)
    }
    shape.roles.add(token.type)
    if (token.type === 'close' || token.type === 'end') shape.closeData = token.data
    else shape.data = token.data
  }
  return [...byId].map(([id, shape]) => ({id, roles: [...shape.roles].sort().join(), data: shape.data, closeData: shape.closeData, subType: shape.subType}))
}

/**
 * Match the codes of two texts: `a`'s code ids to `b`'s.
 *
 * @returns The mapping, and how many codes of either side have no counterpart.
 */
export function matchCodes(a: readonly MemoryToken[], b: readonly MemoryToken[]): {map: Map<string, string>; unmatched: number} {
  return matchShapes(codeShapes(a), codeShapes(b))
}

/** {@linkcode matchCodes} on the texts' codes (`codeShapes`). */
export function matchShapes(left: readonly CodeShape[], right: readonly CodeShape[]): {map: Map<string, string>; unmatched: number} {
  const map = new Map<string, string>()
  const taken = new Set<string>()
  const pass = (same: (x: CodeShape, y: CodeShape) => boolean) => {
    for (const x of left) {
      if (map.has(x.id)) continue
      const y = right.find((candidate) => !taken.has(candidate.id) && same(x, candidate))
      if (!y) continue
      map.set(x.id, y.id)
      taken.add(y.id)
    }
  }
  pass((x, y) => x.roles === y.roles && x.data === y.data && x.closeData === y.closeData)
  // Bytes unknown on one side (a stored pair whose source changed, a TMX code
  // without content): the same role, and the same sub-type where both say.
  // A bundle value writes a split pair's side as a placeholder (`<n/>`).
  const sideRoles = (x: CodeShape, y: CodeShape) => x.roles === y.roles || (x.data === '' && x.roles === 'ph' && (y.roles === 'start' || y.roles === 'end')) || (y.data === '' && y.roles === 'ph' && (x.roles === 'start' || x.roles === 'end'))
  pass((x, y) => (x.data === '' || y.data === '') && sideRoles(x, y) && (x.subType === undefined || y.subType === undefined || x.subType === y.subType))
  return {map, unmatched: left.length - map.size + (right.length - map.size)}
}

/**
 * A memory target on a segment's own codes: each code of `target` names a
 * code of `source` (by id), which `matchCodes` maps to a code of the
 * segment. `undefined` when a code does not map or a mapped code is used in
 * another role; the caller checks that no code of the segment is missing.
 *
 * @param segment The segment the translation is for.
 * @param body The text the segment's codes index.
 * @param source The memory's source.
 * @param target The memory's target.
 */
export function onSegment(segment: Pick<Segment, 'tokens'>, body: string, source: readonly MemoryToken[], target: readonly MemoryToken[]): TargetToken[] | undefined {
  const own = memoryTokens(body, segment.tokens)
  const {map} = matchCodes(source, own)
  const codes = new Map<string, {code: InlineCode; roles: Set<string>}>()
  for (const token of segment.tokens) {
    if (token.type === 'text') continue
    const entry = codes.get(token.code.id) ?? {code: token.code, roles: new Set<string>()}
    entry.roles.add(token.type)
    codes.set(token.code.id, entry)
  }
  const result: TargetToken[] = []
  for (const token of target) {
    if (token.type === 'text') {
      result.push({type: 'text', value: token.value})
      continue
    }
    const id = map.get(token.id)
    const entry = id === undefined ? undefined : codes.get(id)
    if (!entry) return undefined
    const role = roleIn(token, entry.roles)
    if (!role) return undefined
    result.push({type: role, code: entry.code})
  }
  return result
}

/** The role a memory code takes on a segment code: the same, or a placeholder's on a split pair's side. */
function roleIn(token: CodeToken, roles: ReadonlySet<string>): CodeToken['type'] | undefined {
  if (roles.has(token.type)) return token.type
  if (token.type === 'ph') return roles.has('start') ? 'start' : roles.has('end') ? 'end' : undefined
  return undefined
}
