import {readdirSync, readFileSync} from 'node:fs'
import test from 'ava'
import {fromMarkdown, fromXliff, lintMarkdown, toXliff, toXliff12, type SourceDocument} from '../pipeline/index.ts'
import type {Inline} from '../pipeline/xliff/index.ts'
import {itDocs} from './helpers/corpora.ts'
import {checkFixture} from './helpers/fixture.ts'
import {commonmarkView, flavorSyntax, flavorTitles, withoutSyntax} from './helpers/flavor-inventory.ts'
import {inventory, linePrefixes} from './helpers/inventory.ts'
import {roundTrip} from './helpers/round-trip.ts'
import {testWith} from './helpers/tools.ts'

type Flavor = NonNullable<Parameters<typeof fromMarkdown>[1]['flavor']>[number]

function extract(text: string, flavor: Flavor[], codeFinder: string[] = []): SourceDocument {
  return fromMarkdown(text, {path: 'doc.md', flavor, codeFinder}).value
}

/** Segment values of each unit, with its block kind. */
function units(document: SourceDocument): Array<[kind: string, values: string[]]> {
  return document.units.map((unit) => [unit.block.kind, unit.parts.flatMap((part) => (part.type === 'segment' ? [part.segment.value] : []))])
}

/** The source bytes and subType of every code made by flavour syntax. */
function syntaxCodes(document: SourceDocument): string[] {
  const markdown = new Set(['strong', 'emphasis', 'delete', 'link', 'linkReference', 'autolink', 'image', 'imageReference', 'inlineCode', 'break', 'escape', 'entity', 'html', 'footnote', 'alert'])
  return document.units.flatMap((unit) => unit.codes.filter((code) => !markdown.has(code.subType)).map((code) => `${code.subType} ${document.body.slice(code.open.start, code.open.end)}`))
}

test('without a flavour, flavour syntax is text as CommonMark reads it', (t) => {
  const document = extract('## Titolo {#titolo}\n\n::: tip Nota\nTesto {{ x }}.\n:::\n', [])
  t.deepEqual(units(document), [
    ['heading', ['Titolo {#titolo}']],
    ['paragraph', ['::: tip Nota\nTesto {{ x }}.\n:::']]
  ])
})

test('heading ids and attribute lists are placeholder codes', (t) => {
  const document = extract('# Sintassi {#sfc-syntax}\n\n## Gli import `src` {#src-imports .nota data-x="1"}\n\n### Chi gestisce Vue? {#who}\n\n[Inizia](a.md){ .md-button }\n', ['vitepress', 'mkdocs'])
  t.deepEqual(units(document), [
    ['heading', ['Sintassi <1/>']],
    ['heading', ['Gli import <1/> <2/>']],
    ['heading', ['Chi gestisce Vue? <1/>']],
    ['paragraph', ['<1>Inizia</1><2/>']]
  ])
  t.deepEqual(syntaxCodes(document), ['attribute-list {#sfc-syntax}', 'attribute-list {#src-imports .nota data-x="1"}', 'attribute-list {#who}', 'attribute-list { .md-button }'])
})

test('MDX comment ids, expressions and imports are never text (docusaurus)', (t) => {
  const document = extract("import Tabs from '@theme/Tabs';\n\n## Ritornare JSX {/*conditionally-returning-jsx*/}\n\nIl valore {props.nome} appare.\n\n{/* nota\n   per chi scrive */}\n", ['docusaurus'])
  t.deepEqual(units(document), [
    ['heading', ['Ritornare JSX <1/>']],
    ['paragraph', ['Il valore <1/> appare.']]
  ])
  t.deepEqual(syntaxCodes(document), ['mdx-comment {/*conditionally-returning-jsx*/}', 'mdx-expression {props.nome}'])
})

test('container markers are skeleton and their titles units of their own (vitepress, docusaurus)', (t) => {
  const vitepress = extract('::: warning Nota\nTesto del **contenitore**.\n:::\n\n::: details Clicca qui {open}\nDettagli.\n:::\n\nTesto\n::: tip\nSubito dopo.\n:::\n', ['vitepress'])
  t.deepEqual(units(vitepress), [
    ['container-title', ['Nota']],
    ['paragraph', ['Testo del <1>contenitore</1>.']],
    ['container-title', ['Clicca qui']],
    ['paragraph', ['Dettagli.']],
    ['paragraph', ['Testo']],
    ['paragraph', ['Subito dopo.']]
  ])
  // With DocFX on too, a title is still a title (a DocFX line has attributes with values).
  t.deepEqual(units(extract('::: tip Nota\nTesto.\n:::\n\n:::zone pivot="windows"\nW.\n:::zone-end\n', ['vitepress', 'docfx'])), [
    ['container-title', ['Nota']],
    ['paragraph', ['Testo.']],
    ['paragraph', ['W.']]
  ])
  const docusaurus = extract(':::note[Il tuo **titolo**]\nContenuto.\n:::\n\n::::info\n:::danger[Annidato]\nInterno.\n:::\n::::\n', ['docusaurus'])
  t.deepEqual(units(docusaurus), [
    ['container-title', ['Il tuo <1>titolo</1>']],
    ['paragraph', ['Contenuto.']],
    ['container-title', ['Annidato']],
    ['paragraph', ['Interno.']]
  ])
})

test("an MkDocs admonition's body is Markdown, each line keeping its indentation as its prefix", (t) => {
  const text = '!!! warning "Comportamento dopo None"\n    Una volta che `next()` restituisce `None`,\n    il comportamento non è specificato.\n\n    ```rust\n    let x = 1;\n    ```\n\n    !!! tip "Annidato"\n        Un consiglio.\n\n??? note\n    - Voce\n      che continua.\n'
  const document = extract(text, ['mkdocs'])
  t.deepEqual(units(document), [
    ['admonition-title', ['Comportamento dopo None']],
    ['paragraph', ['Una volta che <1/> restituisce <2/>,\nil comportamento non è specificato.']],
    ['admonition-title', ['Annidato']],
    ['paragraph', ['Un consiglio.']],
    ['paragraph', ['Voce\nche continua.']]
  ])
  const breaks = document.units.flatMap((unit) => unit.block.tokens.flatMap((token) => (token.type === 'text' && token.value === '\n' ? [document.body.slice(token.range.start, token.range.end)] : [])))
  t.deepEqual(breaks, ['\n    ', '\n      '])
  // Without the flavour the body after a blank line is an indented code block.
  t.false(units(extract(text, [])).some(([, values]) => values.some((value) => value.includes('Un consiglio'))))
})

test('template syntax is placeholder codes, and code regions are never text (jekyll, hugo, mdbook)', (t) => {
  const jekyll = extract('{% if page.beta %}\nUna funzione in prova, su {{ site.title | escape }}.\n{% endif %}\n\n{% highlight ruby %}\nputs "ciao"\n\nputs "mondo"\n{% endhighlight %}\n\n{% filename %}command-line{% endfilename %}\n', ['jekyll'])
  t.deepEqual(units(jekyll), [
    ['paragraph', ['Una funzione in prova, su <1/>.']],
    ['paragraph', ['<1/>command-line<2/>']]
  ])
  t.deepEqual(syntaxCodes(jekyll), ['template-output {{ site.title | escape }}', 'liquid-tag {% filename %}', 'liquid-tag {% endfilename %}'])
  const hugo = extract('{{% notice tip %}}\nUn **consiglio**.\n{{% /notice %}}\n\nVedi la [pagina]({{< ref "avvio.md" >}}) o {{< param "versione" >}}.\n\n{{< highlight go >}}\nfmt.Println("ciao")\n{{< /highlight >}}\n', ['hugo'])
  t.deepEqual(units(hugo), [
    ['paragraph', ['Un <1>consiglio</1>.']],
    ['paragraph', ['Vedi la <1>pagina</1> o <2/>.']]
  ])
  t.deepEqual(syntaxCodes(hugo), ['shortcode {{< param "versione" >}}'])
  const mdbook = extract('# Capitolo {#capitolo}\n\n{{#include ../a.rs}}\n\nProva: {{#playground b.rs editable}} qui.\n', ['mdbook'])
  t.deepEqual(units(mdbook), [
    ['heading', ['Capitolo <1/>']],
    ['paragraph', ['Prova: <1/> qui.']]
  ])
})

test('flavour syntax inside a title is a code of the title, and a title of syntax only is no unit', (t) => {
  const document = extract('!!! tip ":material-lightbulb: Un consiglio"\n    Corpo.\n\n::: info Usa {{ x }} qui\nTesto.\n:::\n\n::: tip {{ x }}\nAltro.\n:::\n\n::: details {open}\nD.\n:::\n', ['mkdocs', 'vitepress'])
  t.deepEqual(units(document), [
    ['admonition-title', ['<1/> Un consiglio']],
    ['paragraph', ['Corpo.']],
    ['container-title', ['Usa <1/> qui']],
    ['paragraph', ['Testo.']],
    ['paragraph', ['Altro.']],
    ['paragraph', ['D.']]
  ])
  t.deepEqual(syntaxCodes(document), ['emoji :material-lightbulb:', 'template-output {{ x }}'])
})

test('tables of contents and abbreviation heads are never text (mkdocs, jekyll)', (t) => {
  const document = extract('# Titolo\n\n[TOC]\n\n* TOC\n{:toc}\n\nUsa HTML qui.\n\n*[HTML]: Hyper Text Markup Language\n', ['mkdocs', 'jekyll'])
  t.deepEqual(units(document), [
    ['heading', ['Titolo']],
    ['paragraph', ['Usa HTML qui.']],
    ['paragraph', ['<1/> Hyper Text Markup Language']]
  ])
})

test('Microsoft Learn directives are codes and alt-text a unit of its own (docfx)', (t) => {
  const document = extract('[!INCLUDE [banner](../includes/banner.md)]\n\n> [!NOTE]\n> Solo licenze approvate.\n\n:::image type="content" source="media/a.png" alt-text="Il riquadro delle opzioni.":::\n\nNel codice [!code-csharp[Main](Program.cs)] si vede.\n\n:::zone pivot="windows"\nSolo Windows.\n:::zone-end\n', ['docfx'])
  t.deepEqual(units(document), [
    ['paragraph', ['Solo licenze approvate.']],
    ['alt-text', ['Il riquadro delle opzioni.']],
    ['paragraph', ['Nel codice <1/> si vede.']],
    ['paragraph', ['Solo Windows.']]
  ])
  t.deepEqual(syntaxCodes(document), ['directive [!code-csharp[Main](Program.cs)]'])
})

test('flavour syntax shown in code spans, fences and HTML stays code', (t) => {
  const document = extract('Scrivi `{{ messaggio }}` o `{{` e `}}` nel template.\n\n```vue\n<p>{{ msg }}</p>\n```\n\n<div>{% if x %}</div>\n', ['vitepress', 'jekyll'])
  t.deepEqual(units(document), [['paragraph', ['Scrivi <1/> o <2/> e <3/> nel template.']]])
  t.deepEqual(
    document.units[0]!.codes.map((code) => code.subType),
    ['inlineCode', 'inlineCode', 'inlineCode']
  )
})

test('code-finder patterns make placeholder codes, and a bad pattern is refused', (t) => {
  const document = extract('Premi [[Invio]] e poi %NOME%.\n', [], ['\\[\\[[^\\]]+\\]\\]', '%[A-Z]+%'])
  t.deepEqual(units(document), [['paragraph', ['Premi <1/> e poi <2/>.']]])
  t.deepEqual(syntaxCodes(document), ['code-finder [[Invio]]', 'code-finder %NOME%'])
  t.throws(() => extract('x', [], ['(']), {instanceOf: TypeError, message: /`options.codeFinder`/})
  t.throws(() => extract('x', ['sphinx' as Flavor]), {instanceOf: TypeError, message: /`options.flavor`/})
})

test('XLIFF carries flavour syntax as codes with their bytes in originalData', (t) => {
  const document = extract('## Slot con nome {#named-slots}\n\nIl valore è {{ count }}.\n', ['vitepress'])
  const xliff = toXliff(document, {sourceLocale: 'it', targetLocale: 'en'})
  t.true(xliff.includes('<data id="d1">{#named-slots}</data>'))
  t.true(xliff.includes('<source>Slot con nome <ph id="1" dataRef="d1" canDelete="no" type="other" subType="babele:attribute-list"/></source>'))
  t.true(xliff.includes('<source>Il valore è <ph id="1" dataRef="d1" canDelete="no" type="other" subType="babele:template-output"/>.</source>'))
  const xliff12 = toXliff12(document, {sourceLocale: 'it', targetLocale: 'en'})
  t.true(xliff12.includes('<ph id="1" ctype="x-babele-attribute-list">{#named-slots}</ph>'))
})

test('lint reads flavour syntax as syntax, not prose', (t) => {
  const text = '## Perché no {#perchè-no}\n'
  t.deepEqual(lintMarkdown(text, {rules: ['accent-apostrophe']}).messages.map((message) => message.actual), [['perchè']])
  t.deepEqual(lintMarkdown(text, {rules: ['accent-apostrophe'], flavor: ['vitepress']}).messages, [])
})

/** The text of XLIFF inline content, codes left out. */
function textOf(content: readonly Inline[]): string[] {
  return content.flatMap((item) => (typeof item === 'string' ? [item] : 'children' in item ? textOf(item.children) : []))
}

/** Markdown pages of each site of the shared sample (159 in all). */
const pages: Record<string, number> = {'vue-docs-it': 11, 'react-it': 7, 'nuget-docs-it-it': 61, 'dynamics365-docs-it-it': 69, 'djangogirls-tutorial-it': 6, 'rust-docs-it': 5}

/** The flavours of each site of the shared sample. */
const sites: Record<string, Flavor[]> = {
  'vue-docs-it': ['vitepress'],
  'react-it': ['docusaurus'],
  'nuget-docs-it-it': ['docfx'],
  'dynamics365-docs-it-it': ['docfx'],
  // GitBook/HonKit: Nunjucks tags, as Liquid's.
  'djangogirls-tutorial-it': ['jekyll'],
  // MkDocs Material admonitions; mdBook directives would be read too.
  'rust-docs-it': ['mkdocs', 'mdbook']
}

test('block tokens tile their block exactly with flavour syntax read, over the sample and the fixtures', (t) => {
  const sources: Array<[text: string, flavor: Flavor[], codeFinder: string[]]> = []
  for (const [path, text] of itDocs()) sources.push([text, sites[path.split('/')[0]!]!, []])
  for (const name of fixtures) sources.push([read(name, 'input.md'), configOf(name).flavor ?? [], configOf(name).codeFinder ?? []])
  const broken: string[] = []
  for (const [text, flavor, codeFinder] of sources) {
    for (const block of extract(text, flavor, codeFinder).blocks.flatMap((one) => [one, ...one.children])) {
      let cursor = block.range.start
      for (const token of block.tokens) {
        const range = token.type === 'text' ? token.range : token.type === 'close' ? token.code.close! : token.code.open
        if (range.start !== cursor) broken.push(`${JSON.stringify(text.slice(block.range.start, block.range.start + 40))}: token at ${range.start}, expected ${cursor}`)
        cursor = range.end
      }
      if (cursor !== block.range.end) broken.push(`${JSON.stringify(text.slice(block.range.start, block.range.start + 40))}: ends at ${cursor}, block ends at ${block.range.end}`)
    }
  }
  t.deepEqual(broken, [])
  t.is(sources.length, 159 + fixtures.length, 'every page of the sample and every fixture')
})

// Fixtures: one per flavour, and the code finder.
const root = new URL('fixtures/flavors/', import.meta.url)
const fixtures = readdirSync(root, {withFileTypes: true}).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
const read = (name: string, file: string) => readFileSync(new URL(`${name}/${file}`, root), 'utf8')
const configOf = (name: string) => JSON.parse(read(name, 'config.json')) as {flavor?: Flavor[]; codeFinder?: string[]}

for (const name of fixtures) {
  test(`flavour fixture ${name}: units and XLIFF are as expected`, (t) => {
    const config = configOf(name)
    checkFixture(t, new URL(`${name}/`, root), extract(read(name, 'input.md'), config.flavor ?? [], config.codeFinder ?? []))
  })
}


/**
 * Check an upper-cased build of `source`: flavour syntax byte for byte,
 * titles upper-cased, no lowercase prose, code, URLs and structure kept (as
 * the site reads the page), every line and its prefix kept.
 */
function checkUpper(t: import('ava').ExecutionContext, path: string, source: string, built: string, flavors: string[], extra: RegExp[] = []): void {
  const syntax = (text: string) => [...flavorSyntax(text, flavors), ...extra.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[0]))]
  t.deepEqual(syntax(built), syntax(source), `${path}: flavour syntax byte for byte`)
  t.deepEqual(flavorTitles(built, flavors), flavorTitles(source, flavors).map((title) => title.toUpperCase()), `${path}: titles translated`)
  const strip = (text: string) => extra.reduce((result, pattern) => result.replace(pattern, ''), withoutSyntax(commonmarkView(text, flavors), flavors))
  t.deepEqual(inventory(strip(built)).lowercase, [], `${path}: prose left in lowercase`)
  const before = inventory(commonmarkView(source, flavors))
  const after = inventory(commonmarkView(built, flavors))
  t.deepEqual(after.kept, before.kept, `${path}: code, URLs, HTML and front-matter keys unchanged`)
  t.deepEqual(after.structure, before.structure, `${path}: same Markdown structure`)
  t.deepEqual(linePrefixes(built), linePrefixes(source), `${path}: every line and its prefix kept`)
}

testWith('python3', 'xmllint')('flavour fixtures round-trip byte for byte (XLIFF 2.1 and 1.2), and upper-cased keep their syntax and translate their titles', (t) => {
  let titles = 0
  for (const name of fixtures) {
    const config = configOf(name)
    const sources = new Map([[`${name}.md`, read(name, 'input.md')]])
    const source = sources.get(`${name}.md`)!
    for (const version of ['2.1', '1.2'] as const) {
      const identity = roundTrip(sources, 'identity', true, version, config)
      t.is(identity.invalid, '', `${name}: XLIFF ${version} validates`)
      t.is(identity.built.get(`${name}.md`), source, `${name}: identity through XLIFF ${version}`)
    }
    const upper = roundTrip(sources, 'upper', false, '2.1', config)
    t.deepEqual(upper.messages.filter((message) => message.severity === 'error'), [])
    const extra = (config.codeFinder ?? []).map((source) => new RegExp(source, 'gmu'))
    checkUpper(t, name, source, upper.built.get(`${name}.md`)!, config.flavor ?? [], extra)
    titles += flavorTitles(source, config.flavor ?? []).length
  }
  t.is(titles, 14, 'container, admonition and tab titles and alt text in the fixtures')
})

testWith('python3')('every page of the shared sample, upper-cased with its site flavour, keeps heading ids, markers and template tags byte for byte', (t) => {
  const docs = itDocs()
  let pieces = 0
  let titles = 0
  for (const [site, flavor] of Object.entries(sites)) {
    const sources = new Map([...docs].filter(([path]) => path.startsWith(`${site}/`)))
    t.is(sources.size, pages[site], site)
    const identity = roundTrip(sources, 'identity', false, '2.1', {flavor})
    for (const [path, text] of sources) t.is(identity.built.get(path), text, `${path}: identity`)
    const upper = roundTrip(sources, 'upper', false, '2.1', {flavor})
    t.deepEqual(upper.messages.filter((message) => message.severity === 'error'), [], site)
    for (const [path, text] of sources) {
      checkUpper(t, path, text, upper.built.get(path)!, flavor)
      pieces += flavorSyntax(text, flavor).length
      titles += flavorTitles(text, flavor).length
    }
    // An XLIFF reader sees the syntax as codes: never in the text of a source.
    for (const [path, xliff] of upper.xliff) {
      const read = fromXliff(xliff, {file: path})
      const texts = read.value!.files.flatMap((file) => file.units.flatMap((unit) => unit.parts.flatMap((part) => textOf(part.source))))
      t.deepEqual(flavorSyntax(texts.join('\n'), flavor), [], `${path}: flavour syntax in translatable text`)
    }
  }
  t.is(pieces, 1271, 'heading ids, markers and tags in the sample')
  t.is(titles, 44, 'titles in the sample')
})
