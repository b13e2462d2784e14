/**
 * Liquid and Nunjucks tags (Jekyll, GitBook/HonKit, Eleventy): `{% … %}`,
 * `{%- … -%}`; and the regions whose content is code or a comment, not
 * prose: `{% highlight ruby %}…{% endhighlight %}`,
 * `{% comment %}…{% endcomment %}`.
 *
 * > | {% filename %}command-line{% endfilename %}
 *     ^^^^^^^^^^^^^^            ^^^^^^^^^^^^^^^^^ two placeholders
 */
import type {SyntaxRule} from '../rule.ts'

/** A whole `highlight` or `comment` region, on lines of its own. */
export const liquidRegion: SyntaxRule = {
  id: 'liquid-region',
  kind: 'block',
  pattern: /\{%-?[ \t]*(highlight|comment)\b[\s\S]*?\{%-?[ \t]*end\1[ \t]*-?%\}/dgm,
  blankLines: true
}

/** `{% tag … %}`. */
export const liquidTag: SyntaxRule = {
  id: 'liquid-tag',
  kind: 'block',
  pattern: /\{%[\s\S]*?%\}/dgm
}
