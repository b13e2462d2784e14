/**
 * The words machine translation did not know, from a locale's stores.
 * Takes: the documents, the stores and a locale. Returns: each word the
 * engine marked in a stored machine draft (`KeyState.unknown`), with how
 * often, most frequent first: what the analysis lists as candidates for the
 * glossary or a translator. A draft a translator has since replaced is no
 * longer a machine draft, and its words are no longer listed.
 */
import type {UnknownWord} from '../../report/index.ts'
import type {SourceDocument} from '../../types.ts'
import {documentId} from '../../units/index.ts'
import {paths, type Stores} from './paths.ts'

/**
 * @param documents Extracted sources by path.
 * @param stores Locale stores.
 * @param locale Target locale.
 */
export function storedUnknownWords(documents: ReadonlyMap<string, SourceDocument>, stores: Stores, locale: string): UnknownWord[] {
  const counts = new Map<string, number>()
  // By path: a state without a machine draft's unknown words has nothing to count, and its document is not read.
  for (const path of documents.keys()) {
    const state = stores.states.get(paths.store(locale, documentId(path)))
    if (!state || !Object.values(state).some((record) => record.origin === 'machine' && (record.unknown?.length ?? 0) > 0)) continue
    const document = documents.get(path)!
    const seen = new Set<string>()
    for (const unit of document.units) {
      for (const part of unit.parts) {
        if (part.type !== 'segment' || seen.has(part.segment.key)) continue
        seen.add(part.segment.key)
        const record = state[part.segment.key]
        if (record?.origin !== 'machine') continue
        for (const word of record.unknown ?? []) counts.set(word, (counts.get(word) ?? 0) + 1)
      }
    }
  }
  return [...counts].map(([word, count]) => ({word, count})).sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
}
