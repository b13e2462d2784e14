/**
 * What a documentation site's flavour syntax is, written here from the
 * sites' own documentation and independently of babele's rules: the syntax
 * a translation must keep byte for byte, the titles it must translate, and
 * a CommonMark view of the page (MkDocs bodies dedented) for `inventory`.
 */

/** Patterns of syntax that must survive translation unchanged, per flavour. */
const syntax: Record<string, RegExp[]> = {
  vitepress: [/\{#[^{}\n]*\}/g, /(?<=^[ \t>]*:{3,}[^\n]*)\{[^{}\n]*\}/gm, /^[ \t>]*:{3,}[ \t]*[\w-]*/gm, /\{\{[^\n]*?\}\}/g, /^<<<[^\n]*/gm, /\[\[toc\]\]/g, /:[a-z][\w+-]*:/g],
  docusaurus: [/\{\/\*[\s\S]*?\*\/\}/g, /(?<!=)\{[^{}\n`]*\}/g, /^[ \t>]*:{3,}[ \t]*[\w-]*/gm, /^(?:import|export)[ \t][^\n]*/gm],
  mkdocs: [/^[ \t>]*(?:!!!|\?\?\?\+?)[ \t]*[\w-]+(?:[ \t]+[\w-]+)*/gm, /^[ \t>]*===\+?/gm, /\{[ \t]*[#.:][^{}\n]*\}/g, /\+\+[\w+-]+\+\+/g, /:[a-z][\w+-]*:/g, /^[ \t>]*-+8<-+[^\n]*/gm],
  hugo: [/\{\{[<%][ \t]*highlight\b[\s\S]*?\/highlight[ \t]*[>%]\}\}/g, /\{\{<[\s\S]*?>\}\}/g, /\{\{%[\s\S]*?%\}\}/g, /\{#[^{}\n]*\}/g],
  jekyll: [/\{%-?[ \t]*(highlight|comment)\b[\s\S]*?end\1[ \t]*-?%\}/g, /\{%[\s\S]*?%\}/g, /\{\{[\s\S]*?\}\}/g, /\{:[^{}\n]*\}/g, /\{#[^{}\n]*\}/g],
  mdbook: [/\{\{#[^\n]*?\}\}/g, /\{#[^{}\n]*\}/g],
  docfx: [
    /\[![A-Za-z][\w-]*(?:[^[\]\n]|\[[^[\]\n]*\])*\]/g,
    /:::[ \t]*[a-z][\w-]*(?:[ \t]+[\w-]+(?:="[^"\n]*")?)*[ \t]*:::/g,
    /^[ \t>]*:::[ \t]*[a-z][\w-]*(?:[ \t]+[\w-]+(?:="[^"\n]*")?)*[ \t]*$/gm
  ]
}

/** Patterns whose group 1 is a title or alt text that must be translated, per flavour. */
const titles: Record<string, RegExp[]> = {
  vitepress: [/^[ \t>]*:{3,}[ \t]*[\w-]+[ \t]+([^{}\n]*?)[ \t]*(?:\{[^{}\n]*\})?[ \t]*$/gm],
  docusaurus: [/^[ \t>]*:{3,}[ \t]*[\w-]+\[([^\]\n]*)\]/gm, /^[ \t>]*:{3,}[ \t]*[\w-]+[ \t]+([^{}[\]\n]*?)[ \t]*$/gm],
  mkdocs: [/^[ \t>]*(?:!!!|\?\?\?\+?)[ \t]*[\w-]+(?:[ \t]+[\w-]+)*[ \t]+"([^\n]*)"[ \t]*$/gm, /^[ \t>]*===\+?[ \t]+"([^\n]*)"/gm],
  docfx: [/:::image[^\n]*?alt-text="([^"\n]*)"/g]
}

/** Every piece of flavour syntax in `text`, in order. */
export function flavorSyntax(text: string, flavors: readonly string[]): string[] {
  const found: Array<[number, string]> = []
  for (const flavor of flavors) for (const pattern of syntax[flavor] ?? []) for (const match of text.matchAll(pattern)) found.push([match.index, match[0]])
  // Alt text is translated: the syntax around it is what must stay.
  return found.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1])).map(([, value]) => value.replace(/alt-text="[^"\n]*"/g, 'alt-text'))
}

/** Every title and alt text in `text`, in order. */
export function flavorTitles(text: string, flavors: readonly string[]): string[] {
  const found: Array<[number, string]> = []
  for (const flavor of flavors) for (const pattern of titles[flavor] ?? []) for (const match of text.matchAll(pattern)) if (/\p{L}/u.test(match[1]!)) found.push([match.index, match[1]!])
  return found.sort((a, b) => a[0] - b[0]).map(([, value]) => value)
}

/** `text` with its flavour syntax removed, for a check of what is left. */
export function withoutSyntax(text: string, flavors: readonly string[]): string {
  let result = text
  for (const flavor of flavors) for (const pattern of syntax[flavor] ?? []) result = result.replace(pattern, '')
  return result
}

/**
 * The page as CommonMark sees what the site renders: an MkDocs admonition's
 * or tab's marker line blank, its body (indented by four) dedented.
 */
export function commonmarkView(text: string, flavors: readonly string[]): string {
  if (!flavors.includes('mkdocs')) return text
  const lines = text.split('\n')
  const markers: number[] = []
  return lines
    .map((line) => {
      const indent = /^ */.exec(line)![0].length
      while (markers.length > 0 && line.trim() !== '' && indent < markers.at(-1)! + 4) markers.pop()
      const depth = markers.length
      if (/^ *(?:!!!|\?\?\?\+?|===\+?) /.test(line)) {
        markers.push(indent)
        return ''
      }
      return line.replace(new RegExp(`^ {0,${depth * 4}}`), '')
    })
    .join('\n')
}
