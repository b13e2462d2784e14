/**
 * Hugo shortcodes: `{{< name args >}}`, `{{% name %}}`, their closing forms
 * and comments (`{{</* name *\/>}}`); a `highlight` shortcode's content is code.
 * A shortcode may span lines.
 *
 * > | {{< figure src="a.png" >}}
 *     ^^^^^^^^^^^^^^^^^^^^^^^^^^ one placeholder, on a line of its own
 */
import type {SyntaxRule} from '../rule.ts'

/** `{{< highlight go >}}…{{< /highlight >}}`, on lines of its own. */
export const shortcodeRegion: SyntaxRule = {
  id: 'shortcode-region',
  kind: 'block',
  pattern: /\{\{([<%])[ \t]*highlight\b[\s\S]*?\{\{[<%][ \t]*\/highlight[ \t]*[>%]\}\}/dgm,
  blankLines: true
}

/** `{{< … >}}` and `{{% … %}}`. */
export const shortcode: SyntaxRule = {
  id: 'shortcode',
  kind: 'block',
  pattern: /\{\{<[\s\S]*?>\}\}|\{\{%[\s\S]*?%\}\}/dgm
}
