/**
 * The translation memory held in a locale store. Takes: a source document,
 * its target bundle and state file for one locale. Returns: one memory entry
 * per stored translation whose source is known (the current segment with
 * that key, or the source the state recorded when the sentence has changed
 * since), with who made it, its state and context; a warning for a stored
 * value whose codes do not fit its segment (it is not used).
 */
import {withSeverity} from '../../diagnostic.ts'
import {checkTranslations, structuralRuleIds} from '../../qa/index.ts'
import type {Bundle, Diagnostic, MemoryToken, SourceDocument, StateFile} from '../../types.ts'
import {fromBundleValue} from '../../units/index.ts'
import type {MemoryEntry} from './compile-memory.ts'
import {bundleTokens, memoryTokens} from './memory-tokens.ts'

/** Options of {@linkcode storeEntries}. */
export interface Options {
  /** Path of the bundle, for messages and `from`. */
  file: string
}

/**
 * @param document The document the store belongs to.
 * @param bundle Its target bundle.
 * @param state Its state file.
 * @param options The bundle's path.
 */
export function storeEntries(document: SourceDocument, bundle: Bundle, state: StateFile, options: Options): {value: MemoryEntry[]; messages: Diagnostic[]} {
  const entries: MemoryEntry[] = []
  const messages: Diagnostic[] = []
  const seen = new Set<string>()
  const add = (key: string, source: MemoryToken[], target: MemoryToken[]) => {
    const record = state[key]
    entries.push({
      source,
      target,
      origin: record?.origin === 'memory' || record?.origin === 'machine' ? record.origin : 'human',
      from: {kind: 'store', file: options.file, document: document.id, key},
      ...(record ? {state: record.state} : {}),
      ...(record?.context === undefined ? {} : {context: record.context}),
      ...(record?.score === undefined ? {} : {score: record.score}),
      ...(record?.engine === undefined ? {} : {engine: record.engine})
    })
  }
  for (const unit of document.units) {
    seen.add(unit.id)
    for (const part of unit.parts) {
      if (part.type !== 'segment' || seen.has(part.segment.key)) continue
      const segment = part.segment
      seen.add(segment.key)
      const value = bundle[segment.key]
      if (value === undefined) continue
      const target = fromBundleValue(value, segment)
      const {tokens} = target
      const problems = checkTranslations([{source: segment.tokens, target, file: options.file, unitId: unit.id, segmentId: segment.id}], {rules: structuralRuleIds}).messages
      if (problems.length > 0) {
        messages.push(...problems.map((problem) => ({...withSeverity(problem, 'warning'), message: `${problem.message}; the stored translation of key \`${segment.key}\` is not used`})))
        continue
      }
      add(segment.key, memoryTokens(document.body, segment.tokens), memoryTokens(document.body, tokens))
    }
  }
  // Keys the source no longer has: usable when the state recorded their source.
  for (const [key, value] of Object.entries(bundle)) {
    const source = state[key]?.source
    if (seen.has(key) || source === undefined) continue
    add(key, bundleTokens(source), bundleTokens(value))
  }
  return {value: entries, messages}
}
