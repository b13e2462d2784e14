import {readFileSync} from 'node:fs'
import test from 'ava'
import {isMap, isScalar, parse, parseDocument} from 'yaml'
import {escapeText, markdownBlocks, parseConfig} from '../pipeline/index.ts'
import {simpleMap} from '../pipeline/markdown/lib/frontmatter.ts'
import {roundTrip} from './helpers/round-trip.ts'
import {testWith} from './helpers/tools.ts'

const fixture = readFileSync(new URL('fixtures/frontmatter-paths/input.md', import.meta.url), 'utf8')
const keys = ['title', 'description', 'seo.description', 'tags[]', 'hero.tagline', 'hero.actions[].text', 'features[].title', 'features[].details', 'footer']

/** The front matter of a document, parsed. */
function frontmatter(markdown: string): Record<string, any> {
  return parse(/^---\r?\n([^]*?)\r?\n---\r?\n/.exec(markdown)![1]!)
}

/** A block's text and how escapeText writes `text` in its place, spliced into the source. */
function rewrite(source: string, frontmatterKeys: string[], translate: (text: string) => string): string {
  const {value} = markdownBlocks(source, {frontmatterKeys})
  let out = ''
  let cursor = 0
  for (const block of value.blocks) {
    if (!block.syntax.startsWith('yaml')) continue
    const token = block.tokens[0]!
    out += source.slice(cursor, block.range.start) + escapeText(translate(token.type === 'text' ? token.value : ''), block, {atLineStart: false})
    cursor = block.range.end
  }
  return out + source.slice(cursor)
}

test('markdownBlocks finds front-matter fields by nested key, list item and block scalar, named by their path', (t) => {
  const {value, messages} = markdownBlocks(fixture, {frontmatterKeys: keys})
  t.deepEqual(messages, [])
  const fields = value.blocks.filter((block) => block.kind.startsWith('frontmatter:')).map((block) => [block.kind, block.syntax])
  t.deepEqual(fields, [
    ['frontmatter:title', 'yaml-plain'],
    ['frontmatter:description', 'yaml-folded'],
    ['frontmatter:seo.description', 'yaml-literal'],
    ['frontmatter:tags[0]', 'yaml-plain'],
    ['frontmatter:tags[1]', 'yaml-double'],
    ['frontmatter:tags[2]', 'yaml-single'],
    ['frontmatter:hero.tagline', 'yaml-double'],
    ['frontmatter:hero.actions[0].text', 'yaml-plain'],
    ['frontmatter:hero.actions[1].text', 'yaml-single'],
    ['frontmatter:features[0].title', 'yaml-plain'],
    ['frontmatter:features[0].details', 'yaml-literal'],
    ['frontmatter:features[1].title', 'yaml-plain'],
    ['frontmatter:features[1].details', 'yaml-folded'],
    ['frontmatter:footer', 'yaml-plain']
  ])
})

test('front matter of plain keys and one-line values is read without the YAML parser exactly as the parser reads it, and anything else is left to the parser', (t) => {
  const keys = ['title', 'description', 'layout', 'x-y_z', 'Title', 'null', 'TRUE', 'a'.repeat(300), 'tags']
  const values = ['post', 'Il vertice di Pechino', 'a  b', 'post   ', 'Città', 'a\u00a0', 'a,b{c}[d]', 'x-y &z *w !v', '"Venerdì, [Vladimir Putin"', '"a # b: c"', '"  spazi  "', '""', '"\u00e8"  ', 'null', 'True', 'false', 'x: y', "it's", 'a #b', '"tab\there"', '[a, b]', '"a\\"b"', '123', '~', '-x', '"x" y', '', 'a\u2028b']
  let simple = 0
  let compared = 0
  const check = (content: string): void => {
    const fast = simpleMap(content)
    if (!fast) return
    simple++
    const document = parseDocument(content, {keepSourceTokens: false})
    t.deepEqual(document.errors, [], content)
    t.true(isMap(document.contents), content)
    if (!isMap(document.contents)) return
    const read = new Map<string, unknown>()
    for (const pair of document.contents.items) {
      if (!isScalar(pair.key) || !isScalar(pair.value)) continue
      read.set(String(pair.key.value), {type: pair.value.type, value: pair.value.value, range: [pair.value.range![0], pair.value.range![1]]})
    }
    const mine = new Map([...fast].map(([key, found]) => [key, {type: found.type, value: found.value, range: [...found.range]}]))
    t.deepEqual(mine, read, content)
    compared++
  }
  for (const key of keys) for (const value of values) check(`${key}: ${value}\n`)
  for (const value of values) {
    check(`title: ${value}\nlayout: post\n`)
    check(`\ntitle: ${value}\n\nlayout:   post  \n`)
  }
  check('title: a\ntitle: b\n')
  check('title: a\r\nlayout: b\r\n')
  check(' title: a\n')
  check('title: a\n  layout: b\n')
  check('title: a # note\n')
  check('\n\n')
  // The first 13 values under the 6 keys the parser reads as strings (not `null`, `TRUE`, nor a key too long to be implicit), and in the 2 maps of two lines each.
  t.is(simple, 6 * 13 + 13 * 2)
  t.is(compared, simple)
})

test('a block scalar is a unit of its lines, from its header to its last character', (t) => {
  const {value} = markdownBlocks(fixture, {frontmatterKeys: ['description', 'features[0].details']})
  const [description, details] = value.blocks
  t.is(fixture.slice(description!.range.start, description!.range.end), '>-\n  Una pipeline di localizzazione per la documentazione:\n  dal Markdown italiano ai file XLIFF, e ritorno.\n\n  Nessun byte cambia dove nulla è tradotto.')
  t.deepEqual(description!.tokens.map((token) => token.type === 'text' && token.value), ['Una pipeline di localizzazione per la documentazione:\ndal Markdown italiano ai file XLIFF, e ritorno.\n\nNessun byte cambia dove nulla è tradotto.'])
  t.deepEqual(description!.yaml, {flow: false, header: '>-', indent: 2, lineEnding: '\n', leading: '', trailing: ''})
  t.deepEqual(details!.tokens.map((token) => token.type === 'text' && token.value), ['  Frasi intere, con i codici al loro posto.\nE gli enumeratori restano con il loro titolo.'])
  t.deepEqual(details!.yaml, {flow: false, header: '|2', indent: 6, lineEnding: '\n', leading: '', trailing: '\n'})
})

testWith('python3', 'xmllint')('front-matter fields with nested paths and block scalars round-trip byte for byte in identity, XLIFF 2.1 and 1.2', (t) => {
  const sources = new Map([['home.md', fixture]])
  for (const version of ['2.1', '1.2'] as const) {
    const identity = roundTrip(sources, 'identity', true, version, {frontmatterKeys: keys})
    t.is(identity.invalid, '', version)
    t.is(identity.built.get('home.md'), fixture, version)
    t.is(identity.segments, 16, version)
  }
})

testWith('python3')('upper-cased front-matter fields re-parse as YAML with the same keys, the same lines and the upper-cased values', (t) => {
  const upper = roundTrip(new Map([['home.md', fixture]]), 'upper', false, '2.1', {frontmatterKeys: keys})
  const built = upper.built.get('home.md')!
  const source = frontmatter(fixture)
  const expected = structuredClone(source)
  expected.title = source.title.toUpperCase()
  expected.description = source.description.toUpperCase()
  expected.seo.description = source.seo.description.toUpperCase()
  expected.tags = source.tags.map((tag: string) => tag.toUpperCase())
  expected.hero.tagline = source.hero.tagline.toUpperCase()
  for (const action of expected.hero.actions) action.text = action.text.toUpperCase()
  for (const feature of expected.features) {
    feature.title = feature.title.toUpperCase()
    feature.details = feature.details.toUpperCase()
  }
  expected.footer = source.footer.toUpperCase()
  t.deepEqual(frontmatter(built), expected)
  t.is(built.split('\n').length, fixture.split('\n').length)
  t.true(built.includes('description: >-\n  UNA PIPELINE DI LOCALIZZAZIONE PER LA DOCUMENTAZIONE:\n  DAL MARKDOWN'), 'the folded scalar keeps its style and lines')
  t.true(built.includes('footer: RILASCIATO CON LICENZA MIT # un commento resta'), 'a comment after a scalar stays')
})

test('escapeText writes a block scalar in its style when YAML reads it back, else double-quoted with the same value', (t) => {
  const cases: Array<[string, string, string, unknown]> = [
    ['---\nd: |\n  testo\n---\n', 'due\nrighe', '---\nd: |\n  due\n  righe\n---\n', 'due\nrighe\n'],
    ['---\nd: >-\n  testo\n  a capo\n---\n', 'uno\ndue\n\ntre', '---\nd: >-\n  uno\n  due\n\n  tre\n---\n', 'uno due\ntre'],
    ['---\r\nd: >-\r\n  testo\r\n---\r\n', 'uno\ndue', '---\r\nd: >-\r\n  uno\r\n  due\r\n---\r\n', 'uno due'],
    ['---\nd: |\n\n  dopo una riga vuota\n---\n', 'ALTRO', '---\nd: |\n\n  ALTRO\n---\n', '\nALTRO\n'],
    // A first line starting with a space would change the detected indentation.
    ['---\nd: |\n  testo\n---\n', '  rientrato\nriga', '---\nd: "  rientrato\\nriga\\n"\n---\n', '  rientrato\nriga\n'],
    // YAML cannot hold a control character in a block scalar.
    ['---\nd: |-\n  testo\n---\n', 'con \u0007 campanello', '---\nd: "con \\u0007 campanello"\n---\n', 'con \u0007 campanello'],
    ['---\ntags: [uno]\n---\n', 'a, b', '---\ntags: ["a, b"]\n---\n', ['a, b']],
    ['---\nd: testo\n---\n', 'chiave: valore', '---\nd: "chiave: valore"\n---\n', 'chiave: valore'],
    ['---\nd: testo\n---\n', 'NO', '---\nd: "NO"\n---\n', 'NO']
  ]
  for (const [source, translation, written, value] of cases) {
    const path = source.includes('tags') ? 'tags[]' : 'd'
    const out = rewrite(source, [path], () => translation)
    t.is(out, written, JSON.stringify(translation))
    const read = frontmatter(out)
    t.deepEqual(path === 'd' ? read.d : read.tags, value, JSON.stringify(translation))
  }
})

test('markdownBlocks refuses a key path it cannot read, naming frontmatterKeys', (t) => {
  t.throws(() => markdownBlocks('# x\n', {frontmatterKeys: ['hero..text']}), {message: /`hero\.\.text` in `options\.frontmatterKeys`/})
})

test('parseConfig accepts key paths in frontmatterKeys and refuses what is not one, naming the entry', (t) => {
  t.deepEqual(parseConfig({targetLocales: ['en'], frontmatterKeys: ['title', 'seo.description', 'tags[]', 'hero.actions[].text', 'features[0].title']}).messages, [])
  const {value, messages} = parseConfig({targetLocales: ['en'], frontmatterKeys: ['title', 'hero..text', 'tags[x]']})
  t.is(value, undefined)
  t.deepEqual(
    messages.map((message) => message.message),
    ['`frontmatterKeys.1`: expected a key at `.text` of `hero..text` (keys are separated by `.`; `[]` follows a key)', '`frontmatterKeys.2`: expected `.key`, `[]` or `[n]` at `[x]` of `tags[x]`']
  )
})
