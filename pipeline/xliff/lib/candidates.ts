/**
 * Translation candidates in exchange files: what both XLIFF writers say of
 * a candidate. Takes: a candidate. Returns: the label of where it came from
 * (the `origin` attribute of XLIFF 2 `<mtc:match>` and 1.2 `<alt-trans>`),
 * its similarity and a sentence for translators; and the numbering of its
 * codes, shared by its source and target.
 */
import type {Candidate, MemoryToken} from '../../types.ts'

/** Where a candidate came from: the store or memory file, or the engine. */
export function candidateOrigin(candidate: Candidate): string {
  return candidate.from.kind === 'engine' ? candidate.from.engine : candidate.from.file
}

/** Similarity for `similarity`/`match-quality` (context matches are 100 there: the attribute stops at 100); none for machine translation. */
export function candidateSimilarity(candidate: Candidate): number | undefined {
  return candidate.score === undefined ? undefined : Math.min(100, candidate.score)
}

/** A sentence describing the candidate, such as `fuzzy match (92%), made by a human, from memory/old.tmx`. */
export function candidateNote(candidate: Candidate): string {
  const kind = candidate.match === 'machine' ? 'machine translation' : `${candidate.match} match (${candidate.score}%)`
  const who = candidate.origin === 'human' ? 'a human' : candidate.origin === 'machine' ? `a machine${candidate.engine ? ` (${candidate.engine})` : ''}` : 'the memory'
  return `${kind}, made by ${who}, from ${candidateOrigin(candidate)}`
}

/** Number the codes of a candidate by first appearance in its source, then its target: one number per code id. */
export function codeNumbers(candidate: Pick<Candidate, 'source' | 'target'>): Map<string, number> {
  const numbers = new Map<string, number>()
  const add = (tokens: readonly MemoryToken[]) => {
    for (const token of tokens) if (token.type !== 'text' && !numbers.has(token.id)) numbers.set(token.id, numbers.size + 1)
  }
  add(candidate.source)
  add(candidate.target)
  return numbers
}
