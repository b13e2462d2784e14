/**
 * babele's public API: every stage on strings and values, named exports only.
 * Stage internals (tokenizers, escapers, hashing) stay behind their stage's
 * own index.
 */
export {buildDocument, coveredShare, createResolver, sumCoverage, type BuildOptions, type Coverage, type CoveredShare, type Resolved, type Resolver, type ResolverOptions} from './build/index.ts'
export {parsePathPattern, parseConfig, type Config, type ConfigOptions, type PathPattern} from './config/index.ts'
export {flavorRules, flavors, type Flavor} from './flavor/index.ts'
export {compileTermIndex, compileTermRules, fromTbx, fromTermCsv, matchTerms, termForms, termLocks, toOmegatGlossary, toTbx, toTermCsv, type Concept, type Term, type TermIndex, type TermMatch, type TermRules, type Termbase, type TermStatus} from './glossary/index.ts'
export {applyFixes, lintMarkdown, type LintOptions, type LintResult} from './lint/index.ts'
export {escapeText, markdownBlocks, merge, parseMarkdown, type EscapeOptions, type MarkdownBlocks, type MarkdownOptions, type Renderer} from './markdown/index.ts'
export {EngineError, machineTranslate, protect, restore, type Engine, type MachineRequest, type MachineResult, type MachineTarget, type MachineTranslateOptions, type MarkedWord, type Protected, type Restored} from './mt/index.ts'
export {analyzeProject, buildProject, buildPseudo, checkProject, clashingIds, coverageGate, documentPath, extractDocuments, extractProject, importProject, omegatProject, paths, pretranslateProject, projectLeverage, projectPrefill, projectTerms, skipFolder, sourceFolder, storedMemory, type AnalyzeProjectOptions, type BuildEntry, type LocaleGate, type ExternalMemory, type MachineTranslations, type ProjectLeverage, type ProjectLeverageOptions, type BuildProjectOptions, type BuildPseudoOptions, type CheckProjectOptions, type ExtractProjectOptions, type ImportProjectOptions, type ImportResult, type OmegatOptions, type Outputs, type PretranslateProjectOptions, type PretranslateResult, type ProjectTerms, type Stores} from './project/index.ts'
export {pseudoLocalize, type PseudoOptions} from './pseudo/index.ts'
export {checkTranslations, qaRules, type QaContext, type QaInput, type QaOptions, type QaResult, type QaRule, type QaSeverities} from './qa/index.ts'
export {analyze, formatAnalysis, glossaryReport, glossaryReview, qaReport, qaReview, type Analysis, type AnalysisCounts, type AnalyzeOptions, type Band, type Count, type GlossaryReview, type GlossaryReviewInput, type KeyedDiagnostics, type QaReview, type QaReviewInput, type UnknownWord} from './report/index.ts'
export {detectSite, siteDetectors, siteFiles, type Detection, type DetectSiteOptions, type Detector, type Finding, type Site, type SiteConfig} from './site/index.ts'
export {defaultRules, fromSrx, segment, sentenceSpans, type SegmentOptions, type SrxRules} from './segment/index.ts'
export {applyUpdates, fromBundleXliff, importXliff, sourceBundle, toBundleXliff, toJson, type BundleUpdate, type BundleXliff, type BundleXliffOptions, type ImportOptions, type ImportReport} from './store/index.ts'
export {
  compileMemory,
  contextOf,
  defaultPrefill,
  entryUnit,
  fromTmx,
  fuzzyScore,
  leverage,
  lookupMemory,
  memoryTokens,
  memoryValue,
  prefill,
  storeEntries,
  tmxEntries,
  toTmx,
  wordCount,
  xliffEntries,
  type Candidate,
  type CandidateFrom,
  type FromTmxOptions,
  type FromTmxResult,
  type LeverageOptions,
  type LookupOptions,
  type MachineTranslation,
  type MatchType,
  type Memory,
  type MemoryEntry,
  type MemoryHit,
  type MemoryToken,
  type Prefill,
  type PrefillPolicy,
  type SegmentLeverage,
  type TmxDocument,
  type TmxHeader,
  type TmxOptions,
  type TmxProp,
  type TmxRejected,
  type TmxUnit,
  type TmxUnitInput,
  type TmxVariant
} from './memory/index.ts'
export {fromBundleValue, fromMarkdown, segmentKey, toBundleValue, type ExtractOptions} from './units/index.ts'
export {fromXliff, fromXliff12, toXliff, toXliff12, type FromXliffResult, type KnownTarget, type ReadOptions, type WriteOptions, type XliffDocument} from './xliff/index.ts'
export type {SeverityCounts} from './diagnostic.ts'
export type * from './types.ts'
