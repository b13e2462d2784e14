export {fromSrx, type JsPattern, type Options as FromSrxOptions, type SrxLanguageMap, type SrxLanguageRule, type SrxRule, type SrxRules} from './lib/from-srx.ts'
export {defaultRules, segment, sentenceSpans, type Options as SegmentOptions} from './lib/segment.ts'
