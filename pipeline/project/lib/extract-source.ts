/**
 * Extract one source and lint it on the same parse. Takes: the config, the
 * document path, the source text and the project's termbase (with its
 * compiled source index). Returns: the document, the extraction's messages
 * and the source lint's findings (each with its own severity), every
 * message naming the source file, and the terms the lint found (for the
 * segments' terms: `segmentMatches`). This is the per-file work of extract,
 * and what the CLI caches and hands to worker threads.
 */
import type {Config} from '../../config/index.ts'
import type {TermIndex, Termbase} from '../../glossary/index.ts'
import {lintMarkdown, type LintResult, type LintTerms} from '../../lint/index.ts'
import type {Diagnostic, SourceDocument} from '../../types.ts'
import {fromMarkdown} from '../../units/index.ts'
import {paths} from './paths.ts'

/** Options of {@linkcode extractSource}. */
export interface ExtractSourceOptions {
  /** The project's termbase (the lint's term rules need it). */
  termbase?: Termbase | null
  /** Its source terms, compiled once for many files (`compileTermIndex`). */
  termIndex?: TermIndex | null
}

/** One source, extracted and linted. */
export interface ExtractedSource {
  document: SourceDocument
  /** Extraction's messages (front matter that is not YAML, …). */
  messages: Diagnostic[]
  /** The source lint's findings, with their own severity. */
  lint: Diagnostic[]
  /** With a termbase: the terms the lint found in each block (`LintResult.terms`), for the document's segment terms (`segmentMatches`). */
  terms?: LintTerms
}

/**
 * @param config Project config.
 * @param path Document path (`documentPath`).
 * @param text The source as read.
 * @param options Termbase and its index.
 */
export function extractSource(config: Config, path: string, text: string, options?: ExtractSourceOptions | null): ExtractedSource {
  const file = paths.source(config, path)
  const result = fromMarkdown(text, {path, language: config.sourceLocale, frontmatterKeys: config.frontmatterKeys, flavor: config.flavor, codeFinder: config.codeFinder})
  const lint = lintResult(config, result.value, options)
  const extracted: ExtractedSource = {document: result.value, messages: result.messages.map((message) => ({...message, file})), lint: lint.messages}
  if (lint.terms) extracted.terms = lint.terms
  return extracted
}

/**
 * The source lint of a document already extracted (its blocks are not found again).
 *
 * @param config Project config.
 * @param document The document (`extractSource`, `fromMarkdown`).
 * @param options Termbase and its index.
 */
export function lintDocument(config: Config, document: SourceDocument, options?: ExtractSourceOptions | null): Diagnostic[] {
  return lintResult(config, document, options).messages
}

/** The source lint of a document already extracted: its findings, and the terms found in it. */
function lintResult(config: Config, document: SourceDocument, options?: ExtractSourceOptions | null): LintResult {
  const termbase = options?.termbase ?? undefined
  const {frontmatterKeys, flavor, codeFinder} = config
  return lintMarkdown(document.text, {file: paths.source(config, document.path), language: config.sourceLocale, termbase, termIndex: termbase ? options?.termIndex : undefined, frontmatterKeys, flavor, codeFinder, parsed: document})
}
