export {findSyntax, type Options as FindSyntaxOptions} from './lib/find-syntax.ts'
export {maskSyntax} from './lib/mask-syntax.ts'
export {flavorRules, flavors, syntaxRuleIds, syntaxRules, type Flavor, type Options as SyntaxOptions} from './lib/presets.ts'
export type {SyntaxKind, SyntaxMatch, SyntaxRule, TextSyntax} from './lib/rule.ts'
