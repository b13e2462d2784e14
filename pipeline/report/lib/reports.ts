/**
 * The two report pages from plain values: the one function per report that
 * every caller (`babele report`, `babele run`, the API) goes through. Takes:
 * the config, termbase, documents, stores, diagnostics and coverage entries.
 * Returns: the page's HTML. Each is its review (a JSON-safe value) rendered.
 */
import {glossaryPage} from './glossary-page.ts'
import {glossaryReviewPage, type GlossaryReviewInput} from './glossary-review.ts'
import {qaPage, type QaPageOptions} from './qa-page.ts'
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
  return glossaryReviewPage(input, (review, fragments) => glossaryPage(review, fragments, {store: input.reuse?.store}))
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
