import {readFileSync} from 'node:fs'
import test from 'ava'
import {fromMarkdown, segmentKey, toBundleValue, type SourceDocument, type Segment} from '../pipeline/index.ts'

const seed = readFileSync(new URL('../source/it/putin-xi-alleanza.md', import.meta.url), 'utf8')

function segments(document: SourceDocument): Segment[] {
  return document.units.flatMap((unit) => unit.parts.flatMap((part) => (part.type === 'segment' ? [part.segment] : [])))
}

function extract(text: string): SourceDocument {
  return fromMarkdown(text, {path: 'doc.md'}).value
}

test('fromMarkdown makes the seed tweet hard breaks, its escape, its # links and bold spans codes, not text', (t) => {
  const document = extract(seed)
  const all = segments(document)
  const text = all.map((segment) => segment.tokens.map((token) => (token.type === 'text' ? token.value : '')).join('')).join('\n')
  t.false(text.includes('**'), 'no bold markers in text')
  t.false(text.includes('](#)'), 'no link syntax in text')
  t.false(text.includes('\\_'), 'no escape in text')
  t.false(/ {2}\n/.test(text), 'no hard break in text')
  const codes = document.units.flatMap((unit) => unit.codes)
  const kinds = (subType: string) => codes.filter((code) => code.subType === subType).length
  t.is(kinds('break'), 3, 'three tweet hard breaks')
  t.is(kinds('escape'), 1, 'the escaped underscore of @Sana\\_Jamal')
  t.is(kinds('link'), 6, 'six # links')
  t.is(kinds('strong'), 5, 'five bold spans')
  const escape = codes.find((code) => code.subType === 'escape')!
  t.is(document.body.slice(escape.open.start, escape.open.end), '\\_')
  t.is(escape.display, '_')
})

test('fromMarkdown gives the seed title one key, used twice', (t) => {
  const title = "Putin e Xi Jinping hanno sancito un'alleanza tra Russia e Cina"
  const matches = segments(extract(seed)).filter((segment) => segment.value === title)
  t.is(matches.length, 2)
  t.is(matches[0]!.key, matches[1]!.key)
  const units = extract(seed).units.filter((unit) => unit.parts.some((part) => part.type === 'segment' && part.segment.value === title))
  t.not(units[0]!.id, units[1]!.id, 'the two units stay distinct')
})

test('fromMarkdown keeps a closing code after the final punctuation in its sentence', (t) => {
  const values = segments(extract(seed)).map((segment) => segment.value)
  t.true(values.includes('<1>I due presidenti si sono infatti promessi sostegno reciproco per quanto concerne la politica estera.</1>'))
})

test('fromMarkdown writes a bold span over two sentences as start and end codes', (t) => {
  const document = extract('Prima frase. **Seconda frase. Terza frase** e fine.\n')
  const all = segments(document)
  t.deepEqual(
    all.map((segment) => segment.value),
    ['Prima frase.', '<1/>Seconda frase.', 'Terza frase<1/> e fine.']
  )
  t.deepEqual(all[1]!.tokens.filter((token) => token.type !== 'text').map((token) => token.type), ['start'])
  t.deepEqual(all[2]!.tokens.filter((token) => token.type !== 'text').map((token) => token.type), ['end'])
})

test('fromMarkdown keys change only where the text changed', (t) => {
  const keys = (text: string) => segments(extract(text)).map((segment) => segment.key)
  const before = keys(seed)
  const edited = keys(seed.replace('Il vertice di Pechino, ha inoltre', 'Il vertice di Pechino ha inoltre'))
  const changed = before.filter((key) => !edited.includes(key))
  const added = edited.filter((key) => !before.includes(key))
  t.is(changed.length, 1, 'one key gone')
  t.is(added.length, 1, 'one key new')
  const inserted = keys(seed.replace('\n\nRussia signed', '\n\nUn paragrafo nuovo, inserito qui.\n\nRussia signed'))
  t.deepEqual(inserted.filter((key) => !before.includes(key)).length, 1, 'inserting a paragraph adds its key')
  t.deepEqual(before.filter((key) => !inserted.includes(key)), [], 'and changes no other key')
})

test('fromMarkdown keeps container prefixes out of the text', (t) => {
  const document = extract('> Prima riga\n> seconda riga.\n\n- voce\n  continua qui.\n')
  const values = segments(document).map((segment) => segment.value)
  t.deepEqual(values, ['Prima riga\nseconda riga.', 'voce\ncontinua qui.'])
  // Each soft break's range holds its own line's prefix.
  const breaks = (index: number) => document.units[index]!.block.tokens.flatMap((token) => (token.type === 'text' && token.value === '\n' ? [document.body.slice(token.range.start, token.range.end)] : []))
  t.deepEqual(breaks(0), ['\n> '])
  t.deepEqual(breaks(1), ['\n  '])
})

test('fromMarkdown extracts front-matter fields, table cells, image alt and link titles', (t) => {
  const text = '---\ntitle: "Il vertice"\nlayout: post\n---\n\n| Città | Stato |\n|---|---|\n| Mosca | Russia |\n\n![Una foto del vertice](a.png) e [link](/u "Un titolo")\n'
  const document = extract(text)
  const kinds = document.units.map((unit) => unit.block.kind)
  t.deepEqual(kinds, ['frontmatter:title', 'tableCell', 'tableCell', 'tableCell', 'tableCell', 'paragraph', 'title'])
  t.deepEqual(segments(document).map((segment) => segment.value), ['Il vertice', 'Città', 'Stato', 'Mosca', 'Russia', '<1>Una foto del vertice</1> e <2>link</2>', 'Un titolo'])
})

test('fromMarkdown ignores code, HTML blocks and link reference definitions', (t) => {
  const text = '```js\nconst testo = "ciao"\n```\n\n<div>\nciao\n</div>\n\n[ref]: https://example.com\n\n    codice indentato\n'
  t.deepEqual(extract(text).units, [])
})

test('fromMarkdown offsets survive a BOM and CRLF line endings', (t) => {
  const document = extract('\uFEFFTitolo\r\n\r\nUna riga\r\ne l\'altra.\r\n')
  t.true(document.bom)
  t.deepEqual(segments(document).map((segment) => segment.value), ['Titolo', "Una riga\ne l'altra."])
  const second = segments(document)[1]!
  t.is(document.body.slice(second.range.start, second.range.end), "Una riga\r\ne l'altra.")
})

test('fromMarkdown keeps block-quote alert and directive markers out of the text', (t) => {
  const values = (text: string) => segments(extract(text)).map((segment) => segment.value)
  t.deepEqual(values('> [!NOTE]\n> Una nota importante.\n'), ['<1/>\nUna nota importante.'])
  t.deepEqual(values('> [!INCLUDE [nome](../includes/file.md)] e poi testo.\n'), ['<1/> e poi testo.'])
  t.deepEqual(values('> [!Video https://example.org/player]\n'), [], 'a marker alone is nothing to translate')
  const document = extract('> [!WARNING]\n> Attenzione.\n')
  const marker = document.units[0]!.codes[0]!
  t.is(document.body.slice(marker.open.start, marker.open.end), '[!WARNING]')
})

test('fromMarkdown does not end a sentence at punctuation inside a token', (t) => {
  t.deepEqual(segments(extract('Un [!link](u) normale. Usa Yahoo!Mail e la 1.2.3 oggi. Fine.\n')).map((segment) => segment.value), ['Un <1>!link</1> normale.', 'Usa Yahoo!Mail e la 1.2.3 oggi.', 'Fine.'])
})

test('fromMarkdown gives a segment the value and key of its own tokens, whether it is its block\'s only sentence or not', (t) => {
  const text = [
    '# Un titolo &amp; <1 codice',
    '',
    'Una  frase sola, con **grassetto** e `codice`.',
    '',
    'Prima frase. **Seconda frase. Terza frase** e fine.',
    '',
    '- Voce  [uno](u.md).',
    '- Voce due. E tre.',
    '',
    '| Cella. | Due. Tre. |',
    '| --- | --- |',
    '',
    '> Citata e\u00A0basta.',
    ''
  ].join('\n')
  const all = segments(extract(text))
  t.true(all.length >= 12)
  for (const segment of all) {
    t.is(segment.value, toBundleValue(segment.tokens))
    t.is(segment.key, segmentKey(segment.value))
  }
})
