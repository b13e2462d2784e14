export {applyFixes, type ApplyFixesResult} from './lib/apply-fixes.ts'
export {lintMarkdown, lintRules, type BlockTerms, type LintResult, type LintTerms, type Options as LintOptions} from './lib/lint-markdown.ts'
export type {LintContext, Rule as LintRule} from './lib/lint-context.ts'
