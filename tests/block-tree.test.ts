import {isDeepStrictEqual} from 'node:util'
import {readdirSync, readFileSync} from 'node:fs'
import test from 'ava'
import {parse, postprocess, preprocess} from 'micromark'
import type {Event} from 'micromark-util-types'
import {gfm} from 'micromark-extension-gfm'
import {frontmatter} from 'micromark-extension-frontmatter'
import {flavors, parseMarkdown} from '../pipeline/index.ts'
import {blockTree, type TreeNode} from '../pipeline/markdown/lib/block-tree.ts'
import {readBlocks, type Options, type TreeReader} from '../pipeline/markdown/lib/blocks.ts'
import {tokenize} from '../pipeline/markdown/lib/tokenize.ts'
import {random} from '../bench/corpus.ts'
import {specsAndItDocs} from './helpers/corpora.ts'
import {mdastReader, treeView} from './helpers/mdast-reader.ts'

/** Every CommonMark and GFM spec example, both spec texts, every page of the it-docs sample. */
const corpora = specsAndItDocs

const count = 652 + (673 + 28 + 4 + 1 + 19 + 16) + 2 + 159

/** The flavour fixtures, with their config. */
function flavorFixtures(): Array<[name: string, text: string, options: Options]> {
  const root = new URL('fixtures/flavors/', import.meta.url)
  return readdirSync(root, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const config = JSON.parse(readFileSync(new URL(`${entry.name}/config.json`, root), 'utf8')) as Options
      return [entry.name, readFileSync(new URL(`${entry.name}/input.md`, root), 'utf8'), {flavor: config.flavor, codeFinder: config.codeFinder}]
    })
}

/**
 * Markdown made of random pieces: slices of spec examples and the syntax
 * the lean tree treats with care (literal autolinks, also spelled with
 * escapes and references; task items; titles; hard breaks; tabs; front matter).
 */
function mixes(total: number): string[] {
  const pieces = [...corpora().values()].filter((text) => text.length < 400)
  const atoms = ['www.example.com', 'https://a.b/c_(d)', 'foo@bar.com', 'mailto:a@b.co', 'xmpp:a@b.c/d', '&#64;', '&commat;', '\\@', 'www&#46;x.org', 'h&#116;tp://x.y', '- [x] ', '- [ ] foo', '* [x] `c`', '[^1]', '[^1]: note', '~~del~~', '| a | b |\n|---|---|\n| c | d |', '\t', '  \n', '\\\n', '> ', '[a]: /u "t\\"itle"', '![i](u \'t&amp;\')', '[l][a]', '[a][]', '<http://x.y>', '<a@b.c>', '***', '_', '*', '`', '\r\n', '\n\n', '    ', '---\ntitle: x\n---\n', '+++\na = 1\n+++\n', '\u0000']
  const next = random(42)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const texts: string[] = []
  for (let index = 0; index < total; index++) {
    let text = ''
    for (let part = Math.floor(next() * 6); part >= 0; part--) {
      const kind = next()
      if (kind < 0.4) text += pick(atoms)
      else if (kind < 0.8) {
        const piece = pick(pieces)
        const start = Math.floor(next() * piece.length)
        text += piece.slice(start, start + Math.floor(next() * 80))
      } else text += pick(['foo ', 'bar', ' ', '\n', 'x.y', '.'])
    }
    texts.push(text)
  }
  return texts
}

/** What a reader makes of a text, or the error it throws. */
function attempt<T>(run: () => T): T | string {
  try {
    return run()
  } catch (error) {
    return `throws ${(error as Error).message}`
  }
}

/** Type, offsets and ends of every event. */
function eventView(events: Event[]): string[] {
  return events.map(([kind, token]) => `${kind} ${token.type} ${token.start.offset}-${token.end.offset}`)
}

test('tokenize emits the events micromark emits with the extensions of remark-gfm and remark-frontmatter, over every spec example', (t) => {
  // The examples hold every kind of literal autolink, escape and footnote; one
  // parser reads them all in turn, so its reset between documents is tested too.
  const sources = [...corpora()].filter(([path]) => !path.startsWith('it-docs/') && !path.endsWith('/spec.md'))
  t.is(sources.length, count - 2 - 159)
  const reference = (text: string) => postprocess(parse({extensions: [gfm({}), frontmatter(['yaml', 'toml'])]}).document().write(preprocess()(text, undefined, true)))
  const different = sources.filter(([, text]) => !isDeepStrictEqual(eventView(tokenize(text)), eventView(reference(text)))).map(([path]) => path)
  t.deepEqual(different, [])
})

test('tokenize emits the events micromark emits on random mixes of table rows, delimiter rows, container prefixes and line endings', (t) => {
  // The table construct is refused where no delimiter row follows and no row
  // is before (tokenize.ts): these texts put rows, near-rows and prefixes on
  // every kind of line, in lists and block quotes, after CR, LF and CRLF.
  const reference = (text: string) => postprocess(parse({extensions: [gfm({}), frontmatter(['yaml', 'toml'])]}).document().write(preprocess()(text, undefined, true)))
  const prefixes = ['', '', '', '> ', '>', '> > ', '- ', '* ', '1. ', '  ', '   ', '    ', '\t', '- [ ] ']
  const rows = ['| a | b |', 'a | b', 'a|b|c', '| x |', '|---|---|', '--|--', '-|-', ':-:|:--', '| :- | -: |', '|-|', ' --- | --- ', '---', '-', ':', '|', 'foo', 'bar | baz', 'a \\| b', '`a|b` | c', '', '```', '<div>', '[^1]: n', '# h', '***']
  const endings = ['\n', '\n', '\n', '\r\n', '\r']
  const next = random(7)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const texts: string[] = []
  for (let index = 0; index < 3000; index++) {
    // Mostly one container prefix and one line ending for every line (a table stays in its container), sometimes others.
    const prefix = pick(prefixes)
    const ending = pick(endings)
    const end = () => (next() < 0.8 ? ending : pick(endings))
    let text = ''
    for (let line = 1 + Math.floor(next() * 7); line > 0; line--) {
      // Sometimes a head row of two cells, then a delimiter row of two.
      if (next() < 0.25) text += prefix + pick(['| a | b |', 'a | b', '|a|b', 'a \\| c | b']) + end()
      text += (next() < 0.8 ? prefix : pick(prefixes)) + pick(next() < 0.3 ? ['|---|---|', '--|--', ':-:|:--', '| :- | -: |', ' - | - '] : rows) + (line > 1 || next() < 0.5 ? end() : '')
    }
    texts.push(text)
  }
  const different = texts.filter((text) => !isDeepStrictEqual(eventView(tokenize(text)), eventView(reference(text))))
  t.deepEqual(different, [])
  // A fifth of them hold a table (662 of 3,000).
  t.true(texts.filter((text) => reference(text).some(([kind, token]) => kind === 'enter' && token.type === 'tableRow')).length > 600)
})

test("the lean tree reads as remark-parse's mdast, and markdownBlocks reads the same blocks from both, with and without flavours (specs, it-docs sample, flavour fixtures)", (t) => {
  const every = {flavor: flavors}
  const sources: Array<[name: string, text: string, options: Options | undefined]> = [...corpora()].map(([path, text]) => [path, text, undefined])
  for (const [name, text, options] of flavorFixtures()) sources.push([`fixture ${name}`, text, options])
  t.is(sources.length, count + 8)
  const trees: string[] = []
  const blocks: string[] = []
  for (const [name, text, options] of sources) {
    const lean = blockTree(text)
    const mdast = parseMarkdown(text) as TreeNode
    if (!isDeepStrictEqual(treeView(lean), treeView(mdast))) trees.push(name)
    // The document's own tree is built once per reader; masked texts and titles are read anew.
    const reuse = (tree: TreeNode, read: TreeReader): TreeReader => (body, shift) => (body === text && !shift?.shift ? tree : read(body, shift))
    for (const [label, settings] of [['', options], [' (every flavour)', {...every, codeFinder: options?.codeFinder}]] as const) {
      if (!isDeepStrictEqual(attempt(() => readBlocks(text, settings, reuse(lean, blockTree))), attempt(() => readBlocks(text, settings, reuse(mdast, mdastReader))))) blocks.push(name + label)
    }
  }
  t.deepEqual(trees, [], 'trees')
  t.deepEqual(blocks, [], 'blocks')
})

test("the lean tree reads as remark-parse's mdast on random mixes of spec fragments, literal autolinks, escapes, references and task items", (t) => {
  const texts = mixes(4000)
  const different = texts.filter((text) => !isDeepStrictEqual(attempt(() => treeView(blockTree(text))), attempt(() => treeView(parseMarkdown(text)))))
  t.deepEqual(different, [])
  t.is(texts.length, 4000)
})
