export {fromMarkdown, type Options as ExtractOptions} from './lib/from-markdown.ts'
export {escapeBundleText, hashOf, normalizeValue, segmentKey, toBundleValue, unescapeBundleText} from './lib/keys.ts'
export {blockCodes, segmentBlock, type RawPart, type RawSegment, type SentenceSplitter} from './lib/segment-block.ts'
export {checkTargetCodes, fromBundleValue, targetBundleValue, type CodeProblem} from './lib/target-codes.ts'
