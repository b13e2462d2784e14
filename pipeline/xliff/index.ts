export {fromXliff, type FromXliffResult, type Options as ReadOptions} from './lib/from-xliff.ts'
export type {Inline, InlineElement, XliffAttributes, XliffDocument, XliffFile, XliffGroup, XliffNote, XliffPart, XliffSkeleton, XliffState, XliffUnit} from './lib/xliff-model.ts'
export {inline, toXliff, type KnownTarget, type Options as WriteOptions} from './lib/to-xliff.ts'
export {escapeAttribute, escapeContent} from './lib/xml-text.ts'
