/**
 * The flavour registry: which syntax rules each documentation-site flavour
 * turns on. Takes: flavour names and code-finder patterns. Returns: the
 * rules to run, in priority order (at one place the first rule wins).
 *
 * CommonMark and GFM need no flavour: with none and no code finder, no rule
 * runs and documents are read exactly as CommonMark and GFM read them.
 */
import type {SyntaxRule} from './rule.ts'
import {attributeList} from './rules/attribute-list.ts'
import {codeFinderRules} from './rules/code-finder.ts'
import {docfxDirective, tripleColon, tripleColonLine} from './rules/docfx.ts'
import {emoji} from './rules/emoji.ts'
import {bracketContainer, fencedContainer} from './rules/fenced-container.ts'
import {shortcode, shortcodeRegion} from './rules/hugo-shortcode.ts'
import {admonition, contentTab} from './rules/indented-container.ts'
import {liquidRegion, liquidTag} from './rules/liquid.ts'
import {mdbookInclude} from './rules/mdbook-include.ts'
import {esm, mdxComment, mdxExpression} from './rules/mdx.ts'
import {mustache} from './rules/mustache.ts'
import {abbreviation, keys, kramdownExtension, kramdownToc, mkdocsSnippet, tableOfContents, vitepressSnippet} from './rules/snippets.ts'

/** Documentation-site flavours babele knows. */
export const flavors = ['vitepress', 'docusaurus', 'mkdocs', 'hugo', 'jekyll', 'mdbook', 'docfx'] as const

/** A documentation-site flavour. */
export type Flavor = (typeof flavors)[number]

/**
 * Every rule, in priority order: regions of code before the tags inside
 * them, whole-line markers before inline syntax, specific before general.
 */
const registry: ReadonlyArray<[rule: SyntaxRule, flavors: readonly Flavor[]]> = [
  [liquidRegion, ['jekyll']],
  [shortcodeRegion, ['hugo']],
  [kramdownExtension, ['jekyll']],
  [kramdownToc, ['jekyll']],
  [mdxComment, ['docusaurus']],
  [esm, ['docusaurus']],
  [tripleColon, ['docfx']],
  [tripleColonLine, ['docfx']],
  [docfxDirective, ['docfx']],
  [bracketContainer, ['docusaurus']],
  [fencedContainer, ['vitepress', 'docusaurus']],
  [admonition, ['mkdocs']],
  [contentTab, ['mkdocs']],
  [mkdocsSnippet, ['mkdocs']],
  [vitepressSnippet, ['vitepress']],
  [tableOfContents, ['vitepress', 'mkdocs']],
  [abbreviation, ['mkdocs', 'jekyll']],
  [shortcode, ['hugo']],
  [mdbookInclude, ['mdbook']],
  [liquidTag, ['jekyll']],
  [mustache, ['vitepress', 'jekyll']],
  [attributeList, ['vitepress', 'docusaurus', 'mkdocs', 'hugo', 'jekyll', 'mdbook']],
  [mdxExpression, ['docusaurus']],
  [keys, ['mkdocs']],
  [emoji, ['vitepress', 'mkdocs']]
]

/** Options of {@linkcode syntaxRules}. */
export interface Options {
  /** Flavours of the site (default none). */
  flavor?: readonly Flavor[] | null
  /** Code-finder patterns: JavaScript regex sources (default none). They run before any preset. */
  codeFinder?: readonly string[] | null
}

/**
 * The rules a site's flavours and code finder turn on.
 *
 * @param options Flavours and code-finder patterns.
 * @returns Rules in priority order (empty for plain CommonMark/GFM).
 */
export function syntaxRules(options?: Options | null): SyntaxRule[] {
  const wanted = options?.flavor ?? []
  for (const name of wanted) {
    if (!flavors.includes(name)) throw new TypeError('Cannot use `' + String(name) + '` in `options.flavor`, expected ' + flavors.map((one) => '`' + one + '`').join(', '))
  }
  const rules = codeFinderRules(options?.codeFinder ?? [])
  for (const [rule, on] of registry) if (on.some((name) => wanted.includes(name))) rules.push(rule)
  return rules
}

/** Ids of every syntax rule (the `subType` of the codes they make), the code finder's included. */
export const syntaxRuleIds: ReadonlySet<string> = new Set(['code-finder', ...registry.map(([rule]) => rule.id)])

/** The rule ids a flavour turns on, for documentation and `babele init`. */
export function flavorRules(flavor: Flavor): string[] {
  return [...new Set(registry.filter(([, on]) => on.includes(flavor)).map(([rule]) => rule.id))]
}
