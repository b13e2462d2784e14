/**
 * The two report pages from plain values: the one function per report that
 * every caller (`babele report`, `babele run`, the API) goes through. Takes:
 * the config, termbase, documents, stores, diagnostics and coverage entries.
 * Returns: the page's HTML. Each is its review (a JSON-safe value) rendered.
 * Each also comes as `Html` (its UTF-8 bytes, or its text when that is not
 * well-formed): what the CLI writes, copying in the parts kept as bytes
 * instead of joining megabytes of text and encoding them again.
 */
import {glossaryPage, glossaryPageHtml} from './glossary-page.ts'
import {glossaryReviewPage, type GlossaryReviewInput} from './glossary-review.ts'
import {htmlText, type Html} from './page.ts'
import {qaPage, qaPageHtml, type QaPageOptions} from './qa-page.ts'
import {qaReview, type QaReviewInput} from './qa-review.ts'

/**
 * `reports/glossary.html`: every concept, its terms per locale, the
 * concordance of its occurrences with each locale's rendering, violations
 * and source findings; search and filters. Given a `reuse` store, each
 * document's part of the review (with its items' HTML), and each concept's
 * card, and the page itself, comes from it when nothing it is made of
 * changed.
 *
 * @param input Config, termbase (and compiled terms), documents, stores, diagnostics, the cache.
 * @returns The HTML document.
 */
export function glossaryReport(input: GlossaryReviewInput): string {
  // A page kept by a run that wrote bytes is decoded: they stand for a well-formed text, which they give back exactly.
  return htmlText(glossaryReviewPage(input, (review, fragments) => glossaryPage(review, fragments, {store: input.reuse?.store})))
}

/**
 * {@linkcode glossaryReport} as `Html`: the page's bytes (or its text).
 *
 * @param input Config, termbase (and compiled terms), documents, stores, diagnostics, the cache.
 * @returns The HTML document.
 */
export function glossaryReportHtml(input: GlossaryReviewInput): Html {
  return glossaryReviewPage(input, (review, fragments) => glossaryPageHtml(review, fragments, {store: input.reuse?.store}))
}

/**
 * `reports/qa.html`: findings by file and rule, and coverage per locale and document.
 *
 * @param input Config, documents, diagnostics, coverage entries.
 * @param options Where rendered rows are kept (`qaPage`).
 * @returns The HTML document.
 */
export function qaReport(input: QaReviewInput, options?: QaPageOptions | null): string {
  return qaPage(qaReview(input), options)
}

/**
 * {@linkcode qaReport} as `Html`: the page's bytes (or its text).
 *
 * @param input Config, documents, diagnostics, coverage entries.
 * @param options Where rendered rows are kept (`qaPage`).
 * @returns The HTML document.
 */
export function qaReportHtml(input: QaReviewInput, options?: QaPageOptions | null): Html {
  return qaPageHtml(qaReview(input), options)
}
