/**
 * Microsoft Learn (DocFX) extensions: bracket directives (`[!INCLUDE
 * [label](path)]`, `[!code-csharp[Main](x.cs)]`, `[!VIDEO url]`,
 * `> [!NOTE]`, `> [!div class="x"]`) and triple-colon extensions, inline
 * with their closing colons (`:::image type="content" source="a.png"
 * alt-text="Testo.":::`, `:::no-loc text="x":::`) or as a line of their own
 * (`:::zone pivot="x"`, `:::moniker-end`). `alt-text` is translatable.
 *
 * > | :::image type="content" source="media/a.png" alt-text="Il riquadro.":::
 *                                                             ^^^^^^^^^^^^ a unit of its own
 */
import type {SyntaxRule} from '../rule.ts'

/** `[!NAME …]` with one level of nested brackets. */
export const docfxDirective: SyntaxRule = {
  id: 'directive',
  kind: 'block',
  pattern: /\[![A-Za-z][\w-]*(?:[^[\]\n]|\[[^[\]\n]*\])*\]/dgm
}

/** `:::name key="value" …:::`, anywhere. */
export const tripleColon: SyntaxRule = {
  id: 'triple-colon',
  kind: 'block',
  pattern: /:::[ \t]*[a-z][\w-]*(?:[ \t]+(?:alt-text="(?<text>[^"\n]*)"|[\w-]+(?:="[^"\n]*")?))*[ \t]*:::/dgm,
  text: {kind: 'alt-text', syntax: 'attribute', quote: '"'}
}

/** `:::name key="value"` alone on its line, without closing colons (every attribute has a value, unlike a container title). */
export const tripleColonLine: SyntaxRule = {
  id: 'triple-colon',
  kind: 'block',
  pattern: /:(?<=^[ \t>]*:)::[ \t]*[a-z][\w-]*(?:[ \t]+[\w-]+="[^"\n]*")*[ \t]*$/dgm
}
