/**
 * Rule `url-changed`: every URL and e-mail address written in the source's
 * text is in the target as written, and the target adds none. Takes: a QA
 * context. Returns: one warning per translation that differs (expected: the
 * source's addresses the target lacks; actual: the target's the source
 * lacks).
 *
 *   > | source: Vedi pic.twitter.com/TJUQ4EuJBb e https://example.org/it.
 *   > | target: See pic.twitter.com/tjuq4eujbb and https://example.org/it.
 *   >               ^^^^^^^^^^^^^^^^^^^^^^^^^^ changed
 *
 * Only addresses in the text: a Markdown link's or autolink's URL is a code,
 * whose bytes the translation never holds (the structural rules check
 * codes). Which text is an address is `literals.ts`'s rule (linkify-it).
 */
import type {Rule} from '../rule.ts'
import {literalChanges} from '../literals.ts'

/** The rule. */
export const urlChanged: Rule = {
  id: 'url-changed',
  severity: 'warning',
  check: (context) => literalChanges(context, urlChanged, 'url', 'URLs')
}
