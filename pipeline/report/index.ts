export {analyze, bands, wordRule, type Analysis, type AnalysisCounts, type Band, type Count, type Options as AnalyzeOptions, type UnknownWord} from './lib/analyze.ts'
export {formatAnalysis} from './lib/format-analysis.ts'
