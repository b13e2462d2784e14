export {checkEach, checkTogether, checkTranslations, type EachResult, type Options as QaOptions, type QaResult, type QaSeverities} from './lib/check-translations.ts'
export {qaRules, structuralRuleIds} from './lib/registry.ts'
export {finding, type FindingFields, type QaContext, type QaInput, type Rule as QaRule} from './lib/rule.ts'
