import test from 'ava'
import {buildDocument, createResolver, fromMarkdown, parseMarkdown, sourceBundle, type Bundle, type SourceDocument} from '../pipeline/index.ts'

function extract(text: string): SourceDocument {
  return fromMarkdown(text, {path: 'doc.md'}).value
}

/** Build `document` for `en` with every source value mapped through `translate`. */
function build(document: SourceDocument, translate: (value: string) => string): string {
  const source = sourceBundle(document)
  const target: Bundle = {}
  for (const [key, value] of Object.entries(source)) target[key] = translate(value)
  const resolve = createResolver({resources: {it: {doc: source}, en: {doc: target}}, fallbackLng: ['it']})
  const built = buildDocument(document, {locale: 'en', resolve})
  if (built.messages.length > 0) throw new Error(JSON.stringify(built.messages))
  return built.value
}

/** The plain text a Markdown document renders to, block by block. */
function rendered(markdown: string): string[] {
  const blocks: string[] = []
  const text = (node: any): string => (node.type === 'text' || node.type === 'inlineCode' ? node.value : (node.children ?? []).map(text).join(''))
  const visit = (node: any) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') blocks.push(text(node))
    else for (const child of node.children ?? []) visit(child)
  }
  visit(parseMarkdown(markdown))
  return blocks
}

test('buildDocument escapes Markdown-significant characters so the output renders to the translation', (t) => {
  const cases: Array<[source: string, translation: string, expected: string[]]> = [
    ['Una frase.\n', '*not emphasis* and _not_ either', ['*not emphasis* and _not_ either']],
    ['Una frase.\n', '[not a link](x) <b>not html</b> `not code`', ['[not a link](x) <b>not html</b> `not code`']],
    ['Una frase.\n', '# not a heading', ['# not a heading']],
    ['Una frase.\n', '1. not a list', ['1. not a list']],
    ['Una frase.\n', '- not a list either', ['- not a list either']],
    ['Una frase.\n', '> not a quote', ['> not a quote']],
    ['Una frase.\n', 'a &copy; b and \\ c and ~~d~~', ['a &copy; b and \\ c and ~~d~~']],
    ['| a | b |\n|---|---|\n| Una cella | altra |\n', 'cell | with pipe', ['a', 'b', 'cell | with pipe', 'altra']],
    ['Una riga\ne la seconda.\n', 'One line\n# and a second', ['One line\n# and a second']]
  ]
  for (const [source, translation, expected] of cases) {
    const document = extract(source)
    const target = (value: string) => (value === 'Una cella' || value === 'Una frase.' || value.startsWith('Una riga') ? translation : value)
    t.deepEqual(rendered(build(document, target)), expected, `${JSON.stringify(translation)}`)
  }
})

test('buildDocument writes a translated line break with the block quote prefix', (t) => {
  const output = build(extract('> Prima riga\n> seconda riga.\n'), () => 'First line\nsecond line.')
  t.is(output, '> First line\n> second line.\n')
})

test('buildDocument copies an unchanged segment byte for byte, escapes and all', (t) => {
  const source = 'Testo con \\_ e &amp; e  \nfine. Seconda *frase* qui.\n'
  const document = extract(source)
  t.is(build(document, (value) => value), source)
  t.is(build(document, (value) => (value.startsWith('Seconda') ? 'Second <1>sentence</1> here.' : value)), 'Testo con \\_ e &amp; e  \nfine. Second *sentence* here.\n')
})

test('buildDocument keeps code bytes and lets a translation move codes', (t) => {
  const document = extract('Vedi [il sito](https://example.org "Titolo") e `codice`.\n')
  const output = build(document, (value) => (value.startsWith('Vedi') ? 'See <2/> and <1>the site</1>.' : 'Title'))
  t.is(output, 'See `codice` and [the site](https://example.org "Title").\n')
})

test('createResolver follows the configured fallback chain, source locale last', (t) => {
  const resolve = createResolver({
    resources: {it: {doc: {a: 'uno', b: 'due', c: 'tre'}}, es: {doc: {a: 'uno-es', b: 'dos'}}, ca: {doc: {a: 'un'}}},
    fallbackLng: {ca: ['es', 'it'], default: ['it']}
  })
  t.deepEqual(resolve('ca', 'doc', 'a'), {value: 'un', locale: 'ca'})
  t.deepEqual(resolve('ca', 'doc', 'b'), {value: 'dos', locale: 'es'})
  t.deepEqual(resolve('ca', 'doc', 'c'), {value: 'tre', locale: 'it'})
  t.deepEqual(resolve('fr', 'doc', 'b'), {value: 'due', locale: 'it'})
  t.is(resolve('fr', 'doc', 'missing'), undefined)
})

test('createResolver returns Markdown-bearing values verbatim (no separators, interpolation or nesting)', (t) => {
  const tricky = 'Use {{name}} and $t(other) with a.b:c keys, <1>tags</1> & <b>html</b>'
  const resolve = createResolver({resources: {it: {'docs/a.b': {'k.e:y': tricky, other: 'x'}}}, fallbackLng: ['it']})
  t.deepEqual(resolve('it', 'docs/a.b', 'k.e:y'), {value: tricky, locale: 'it'})
})

test('buildDocument reports a bundle value with broken codes and keeps the source for it', (t) => {
  const document = extract('Una **frase** qui.\n')
  const source = sourceBundle(document)
  const [key] = Object.keys(source)
  const resolve = createResolver({resources: {it: {doc: source}, en: {doc: {[key!]: 'A <1>sentence here.'}}}, fallbackLng: ['it']})
  const built = buildDocument(document, {locale: 'en', resolve, file: 'locales/en/doc.json'})
  t.is(built.value, 'Una **frase** qui.\n')
  t.deepEqual(built.messages.map((message) => [message.ruleId, message.file, message.severity]), [
    ['code-misnested', 'locales/en/doc.json', 'error'],
    ['code-missing', 'locales/en/doc.json', 'error']
  ])
})

test('buildDocument escapes brackets only where they could make a link', (t) => {
  const plain = extract('[di Enrico Phelipon]\n')
  t.is(build(plain, () => '[by Enrico Phelipon]'), '[by Enrico Phelipon]\n')
  t.is(build(plain, () => '[by](x) Enrico'), '\\[by\\](x) Enrico\n')
  const withDefinition = extract('[di Enrico Phelipon]\n\n[by enrico phelipon]: https://example.org\n')
  t.is(build(withDefinition, () => '[by Enrico Phelipon]'), '\\[by Enrico Phelipon\\]\n\n[by enrico phelipon]: https://example.org\n')
})

test('buildDocument keeps translated text from becoming other Markdown', (t) => {
  const cases: Array<[source: string, translate: (value: string) => string, expected: string]> = [
    // `!` before a link would make an image.
    ['Vedi [qui](u).\n', () => 'Wow!<1>here</1>', 'Wow\\![here](u)\n'],
    // Brackets inside link text would end or nest the link.
    ['Vedi [qui](u).\n', () => 'See <1>a]b[c</1>.', 'See [a\\]b\\[c](u).\n'],
    // An ATX closing sequence would be dropped.
    ['# Impara il C\n', () => 'Learn C #', '# Learn C \\#\n'],
    // Setext heading text that looks like an ATX heading or a list item.
    ['Titolo\n======\n', () => '# Title', '\\# Title\n======\n'],
    ['Titolo\n======\n', () => '- Title', '\\- Title\n======\n'],
    // `<div` at a line start would open an HTML block.
    ['Prima riga\nseconda riga.\n', () => 'First line\n<div of text', 'First line\n\\<div of text\n'],
    // Leading spaces would make an indented code block.
    ['Una frase.\n', () => '    indented', 'indented\n'],
    // A blank line would end the paragraph and the block quote.
    ['> Prima riga\n> seconda riga.\n', () => 'One\n\nTwo', '> One\n> Two\n'],
    // Spaces inside emphasis delimiters stop them being delimiters.
    ['Una **parola** qui.\n', () => 'A<1> word </1>here.', 'A **word** here.\n']
  ]
  for (const [source, translate, expected] of cases) t.is(build(extract(source), translate), expected, JSON.stringify(translate('')))
})

test('buildDocument writes changed lines with the document\'s own line endings', (t) => {
  const source = 'Prima riga\r\ne seconda.\r\n\r\nAltro.\r\n'
  t.is(build(extract(source), (value) => (value.startsWith('Prima') ? 'First line\nand second.' : value)), 'First line\r\nand second.\r\n\r\nAltro.\r\n')
})

test('buildDocument quotes a front-matter value that YAML would not read back as text', (t) => {
  const source = '---\ntitle: Il vertice\n---\n\nTesto.\n'
  for (const [value, written] of [['0x10', '"0x10"'], ['.inf', '".inf"'], ['true', '"true"'], ['Summit: day one', '"Summit: day one"'], ['The summit', 'The summit']]) {
    t.is(build(extract(source), (one) => (one === 'Il vertice' ? value! : one)), `---\ntitle: ${written}\n---\n\nTesto.\n`)
  }
})

test('buildDocument writes a translated shortcut or collapsed reference in full, so it still finds its definition', (t) => {
  const source = 'Vedi [la fonte] e [la fonte][] e ![foto].\n\n[la fonte]: https://example.org\n[foto]: a.png\n'
  const output = build(extract(source), (value) => (value.startsWith('Vedi') ? 'See <1>the source</1> and <2>the source</2> and <3>photo</3>.' : value))
  t.is(output, 'See [the source][la fonte] and [the source][la fonte] and ![photo][foto].\n\n[la fonte]: https://example.org\n[foto]: a.png\n')
})

test('buildDocument writes each line break of a translation with its own line prefix', (t) => {
  t.is(build(extract('Testo\n  riga\n    `codice`\n'), () => 'Text\nline\n<1/>'), 'Text\n  line\n    `codice`\n')
  t.is(build(extract('> Citazione\npigra\n> e ancora.\n'), () => 'Quote\nlazy\nand more.'), '> Quote\nlazy\n> and more.\n')
  t.is(build(extract('- Voce\n  riga\n      ```js qui\n'), () => 'Item\nline\n```JS here'), '- Item\n  line\n      \\`\\`\\`JS here\n')
  t.is(build(extract('Una [riga\n  lunga](x "titolo\n    su due")\n'), (value) => value.toUpperCase()), 'UNA [RIGA\n  LUNGA](x "TITOLO\n    SU DUE")\n')
})

test('buildDocument re-wraps a translation with more or fewer line breaks on the source lines', (t) => {
  const document = extract('- Una riga\n  e la seconda.\n')
  t.is(build(document, () => 'One\ntwo\nthree\nfour.'), '- One two\n  three four.\n')
  t.is(build(document, () => 'One two three four.'), '- One two\n  three four.\n')
  t.is(build(extract('Una riga sola.\n'), () => 'One\n# line\n\n> only.'), 'One # line > only.\n')
})

test('buildDocument never starts a line with a code that would open a block the source did not have', (t) => {
  const document = extract('Testo con <div>x</div>\ne fine.\n')
  const built = build(document, () => 'Text with\n<1/>x<2/> and end.')
  t.is(built, 'Text with <div>x</div> and end.\n')
  t.deepEqual(parseMarkdown(built).children.map((node) => node.type), ['paragraph'])
  // A code that starts a line in the source keeps that line's prefix wherever the translator puts the break.
  t.is(build(extract('Testo\n    <div>x</div> fine.\n'), () => 'Text\n<1/>x<2/> end.'), 'Text\n    <div>x</div> end.\n')
  // A hard break already ends its line: a break after it would leave a blank line.
  t.is(build(extract('Riga  \ndue.\n'), () => 'Line<1/>\ntwo.'), 'Line  \ntwo.\n')
})

test('buildDocument wraps one translation of a repeated sentence like each occurrence', (t) => {
  const document = extract('Una frase\nuguale.\n\nUna frase uguale.\n')
  const keys = document.units.map((unit) => unit.parts.flatMap((part) => (part.type === 'segment' ? [part.segment.key] : [])))
  t.deepEqual(keys[0], keys[1], 'one key for both occurrences')
  t.is(build(document, () => 'A sentence\nthe same.'), 'A sentence\nthe same.\n\nA sentence the same.\n')
  t.is(build(document, () => 'A sentence the same.'), 'A sentence\nthe same.\n\nA sentence the same.\n')
})
