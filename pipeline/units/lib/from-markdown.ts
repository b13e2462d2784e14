/**
 * Extract a Markdown source into units. Takes: the source text and its path.
 * Returns: the source document (blocks, units with segments and stable keys)
 * and messages. This is the `markdown → segment → units` part of the flow.
 */
import type {Flavor} from '../../flavor/index.ts'
import {markdownBlocks} from '../../markdown/index.ts'
import {sentenceSpans, type SrxRules} from '../../segment/index.ts'
import type {Block, Diagnostic, SegmentToken, SourceDocument, Unit} from '../../types.ts'
import {toBundleValue} from './bundle-value.ts'
import {hashOf, normalizeValue, segmentKey} from './keys.ts'
import {blockCodes, segmentBlock, type SentenceSplitter} from './segment-block.ts'

/** Options of {@linkcode fromMarkdown}. */
export interface Options {
  /** Source path relative to the source-locale folder, such as `putin-xi-alleanza.md`. */
  path: string
  /** Source language (BCP 47), for segmentation (default `it`). */
  language?: string | null
  /** Front-matter fields to translate (default `title`, `description`). */
  frontmatterKeys?: readonly string[] | null
  /** Documentation-site flavours whose syntax is never text (default none: CommonMark and GFM). */
  flavor?: readonly Flavor[] | null
  /** Code-finder patterns (JavaScript regex sources, flags `gmu`): matches become placeholder codes. */
  codeFinder?: readonly string[] | null
  /** SRX rules to segment with (default: babele's built-in rules). */
  rules?: SrxRules | null
}

/**
 * @param text Markdown source as read (BOM and CRLF allowed).
 * @param options Path and segmentation settings.
 */
export function fromMarkdown(text: string, options: Options): {value: SourceDocument; messages: Diagnostic[]} {
  if (!options || typeof options.path !== 'string') throw new TypeError('Missing `options.path`, expected the source path relative to its locale folder')
  const language = options.language ?? 'it'
  const found = markdownBlocks(text, {frontmatterKeys: options.frontmatterKeys, flavor: options.flavor, codeFinder: options.codeFinder})
  const split: SentenceSplitter = (plain) => sentenceSpans(plain, {language, rules: options.rules})
  const occurrences = new Map<string, number>()
  const units: Unit[] = []

  const addUnit = (block: Block): void => {
    const codes = blockCodes(block)
    const whole = toBundleValue(block.tokens)
    const normalized = normalizeValue(whole)
    const base = 'u' + hashOf(block.kind + '\u0000' + normalized)
    const count = (occurrences.get(base) ?? 0) + 1
    occurrences.set(base, count)
    const segmentIds = new Map<string, number>()
    const parts: Unit['parts'] = segmentBlock(block, block.syntax.startsWith('yaml') ? undefined : split).map((part) => {
      if (part.type === 'ignorable') return part
      // Most blocks are one sentence, their segment the block's very tokens: its value is the block's, already normalized.
      const same = sameTokens(part.segment.tokens, block.tokens)
      const value = same ? whole : toBundleValue(part.segment.tokens)
      const key = same ? hashOf(normalized) : segmentKey(value)
      const seen = (segmentIds.get(key) ?? 0) + 1
      segmentIds.set(key, seen)
      const id = 's' + key + (seen > 1 ? `-${seen}` : '')
      return {type: 'segment', segment: {key, id, range: part.segment.range, tokens: part.segment.tokens, value}}
    })
    units.push({id: count > 1 ? `${base}-${count}` : base, block, parts, codes})
    for (const child of block.children) addUnit(child)
  }

  for (const block of found.value.blocks) addUnit(block)
  const messages = found.messages.map((message) => ({...message, file: options.path}))
  return {
    value: {
      id: documentId(options.path),
      path: options.path,
      text,
      bom: found.value.bom,
      body: found.value.body,
      blocks: found.value.blocks,
      definitions: found.value.definitions,
      units
    },
    messages
  }
}

/** Whether two token lists hold the very same tokens, in order. */
function sameTokens(a: readonly SegmentToken[], b: readonly SegmentToken[]): boolean {
  if (a.length !== b.length) return false
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false
  return true
}

/**
 * A document's id from its path: the path without its Markdown extension
 * (`guide/intro.md` → `guide/intro`), the namespace of its bundles.
 *
 * @param path Document path.
 */
export function documentId(path: string): string {
  return path.replace(/\.(?:md|markdown)$/i, '')
}
