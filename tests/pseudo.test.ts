import {createHash} from 'node:crypto'
import {existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import test from 'ava'
import {buildPseudo, extractDocuments, fromBundleValue, fromTbx, markdownBlocks, parseConfig, projectTerms, pseudoLocalize, termLocks, type Block, type Config, type SourceDocument} from '../pipeline/index.ts'
import {textOfTokens} from '../pipeline/units/index.ts'
import {babele, copyProject, root} from './helpers/cli.ts'

const seed = readFileSync(join(root, 'source/it/putin-xi-alleanza.md'), 'utf8')
const vitepress = readFileSync(join(root, 'tests/fixtures/flavors/vitepress/input.md'), 'utf8')
const shipped = JSON.parse(readFileSync(join(root, 'babele.config.json'), 'utf8')) as Record<string, unknown>
const termbase = fromTbx(readFileSync(join(root, 'glossary/geopolitics.tbx'), 'utf8')).value!

function config(fields: Record<string, unknown>): Config {
  const {value, messages} = parseConfig({...fields, pseudo: true})
  if (!value) throw new Error(messages.map((message) => message.message).join('\n'))
  return value
}

/** Every block of a document, children after their parent, in source order. */
function allBlocks(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block) => [block, ...allBlocks(block.children)])
}

/** A block's codes but escapes (which changed text may need), each as its kind and its source bytes. */
function codes(block: Block, body: string): string[] {
  return block.tokens.flatMap((token) => {
    if (token.type === 'text' || token.code.subType === 'escape') return []
    const {open, close} = token.code
    return [`${token.type} ${token.code.subType} ${body.slice(open.start, open.end)}${close && token.type === 'close' ? body.slice(close.start, close.end) : ''}`]
  })
}

/** A block's text as a reader sees it: text tokens, and each escape as the character it escapes. */
function text(block: Block, body: string): string {
  return block.tokens.map((token) => (token.type === 'text' ? token.value : token.code.subType === 'escape' ? body.slice(token.code.open.start + 1, token.code.open.end) : '\uFFFC')).join('')
}

/** The locked terms of a document's segments, as written in the source, by top-level block index. */
function lockedTerms(document: SourceDocument, current: Config): Set<string> {
  const terms = projectTerms(current, termbase)
  const found = new Set<string>()
  for (const unit of document.units) {
    for (const part of unit.parts) {
      if (part.type !== 'segment') continue
      const plain = textOfTokens(part.segment.tokens)
      for (const rules of terms.locales.values()) for (const lock of termLocks(rules, plain)) if (lock.locked) found.add(plain.slice(lock.start, lock.end))
    }
  }
  return found
}

/** Check that a pseudo build re-parses to the source's structure. */
function sameStructure(t: import('ava').ExecutionContext, source: string, built: string, current: Config, kept: ReadonlySet<string>): void {
  const options = {frontmatterKeys: current.frontmatterKeys, flavor: current.flavor, codeFinder: current.codeFinder}
  const before = markdownBlocks(source, options).value
  const after = markdownBlocks(built, options).value
  const sourceBlocks = allBlocks(before.blocks)
  const builtBlocks = allBlocks(after.blocks)
  t.deepEqual(builtBlocks.map((block) => block.kind), sourceBlocks.map((block) => block.kind))
  for (const [index, block] of builtBlocks.entries()) {
    const original = sourceBlocks[index]!
    t.deepEqual(codes(block, after.body), codes(original, before.body), `codes of block ${index} (${original.kind}, line ${original.line})`)
    const was = text(original, before.body)
    const now = text(block, after.body)
    // Numbers unchanged, in order.
    t.deepEqual(now.match(/\d+/g) ?? [], was.match(/\d+/g) ?? [], `numbers of block ${index}`)
    // Every locked term as often as in the source, and no other ASCII letter left.
    let rest = now
    for (const term of [...kept].sort((a, b) => b.length - a.length)) {
      const word = new RegExp(`(?<![\\p{L}\\p{N}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu')
      t.is(now.match(word)?.length ?? 0, was.match(word)?.length ?? 0, `\`${term}\` in block ${index}`)
      rest = rest.replace(word, '')
    }
    t.false(/[A-Za-z]/.test(rest), `an ASCII letter outside a locked term in block ${index}: ${rest}`)
    if (/\S/.test(was)) t.regex(now, /^\s*\[[^]*\]\s*\uFFFC*\s*$/u, `brackets of block ${index}`)
  }
}

test('the pseudo locale of the seed keeps every code, number and locked term, and re-parses to the source\'s blocks', (t) => {
  const current = config(shipped)
  const documents = extractDocuments(current, new Map([['putin-xi-alleanza.md', seed]]))
  const built = buildPseudo(current, documents.value, {terms: projectTerms(current, termbase)})
  t.deepEqual([...built.value.keys()], ['dist/qps/putin-xi-alleanza.md'])
  t.deepEqual(built.messages, [])
  const kept = lockedTerms(documents.value.get('putin-xi-alleanza.md')!, current)
  t.true(kept.has('NATO') && kept.has('Pechino') && kept.has('Putin'), [...kept].join(', '))
  sameStructure(t, seed, built.value.get('dist/qps/putin-xi-alleanza.md')!, current, kept)
})

test('the pseudo locale of a VitePress page keeps its flavour syntax where the site reads it', (t) => {
  const current = config({targetLocales: ['en'], flavor: ['vitepress']})
  const documents = extractDocuments(current, new Map([['index.md', vitepress]]))
  const built = buildPseudo(current, documents.value)
  t.deepEqual(built.messages, [])
  const page = built.value.get('dist/qps/index.md')!
  sameStructure(t, vitepress, page, current, new Set())
  t.true(page.includes('# [Ŕéñðéŕíñĝ Çóñðížíóñáĺé ĺóŕéɱĺ] {#conditional-rendering}\n'), page)
  t.true(page.includes('::: details \\[Çĺíççá þéŕ í ðéţţáĝĺí ĺóŕéɱĺ\\] {open}\n'), page)
})

test('each segment grows by its brackets and a padding of 30% of its text, rounded up', (t) => {
  const current = config(shipped)
  const document = extractDocuments(current, new Map([['putin-xi-alleanza.md', seed]])).value.get('putin-xi-alleanza.md')!
  const bundle = pseudoLocalize(document).value
  const keys = new Set<string>()
  let before = 0
  let after = 0
  for (const unit of document.units) {
    for (const part of unit.parts) {
      if (part.type !== 'segment') continue
      const length = (tokens: ReadonlyArray<{type: string; value?: string}>) => tokens.reduce((sum, token) => sum + (token.type === 'text' ? [...token.value!].length : 0), 0)
      const n = length(part.segment.tokens)
      const m = length(fromBundleValue(bundle[part.segment.key]!, part.segment).tokens)
      t.is(m, n + 2 + Math.ceil(0.3 * n), `segment ${part.segment.key}`)
      keys.add(part.segment.key)
      before += n
      after += m
    }
  }
  t.is(keys.size, Object.keys(bundle).length)
  // The whole article: long sentences, so close to 30%, the brackets adding a little.
  t.true(after / before >= 1.3 && after / before <= 1.35, `${after} / ${before}`)
})

test('pseudo-localization is a function of the source: the same bundle and the same bytes every time', (t) => {
  const current = config(shipped)
  const documents = extractDocuments(current, new Map([['putin-xi-alleanza.md', seed]]))
  const terms = projectTerms(current, termbase)
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
  // Pinned: the article's first lines as written, and every byte through its SHA-256 (the same bytes on every run).
  const built = buildPseudo(current, documents.value, {terms}).value
  t.deepEqual([...built.keys()], ['dist/qps/putin-xi-alleanza.md'])
  const page = built.get('dist/qps/putin-xi-alleanza.md')!
  t.true(page.startsWith("\n\n[Putin é Xi Jinping ĥáññó šáñçíţó úñ'áĺĺéáñžá ţŕá Russia é Cina ĺóŕéɱ íþšúɱ ðóĺóŕĺ]\n\n"), page.slice(0, 120))
  t.is(sha256(page), '14c3df701a501de06e88a079d1e43590781b9bae2d9bf38331c5c554c54b5183')
  const bundle = pseudoLocalize(documents.value.get('putin-xi-alleanza.md')!).value
  t.is(Object.keys(bundle).length, 20)
  t.is(bundle['03cfea0ff1'], "[Ƥúţíñ é Ẋí Ĵíñþíñĝ ĥáññó šáñçíţó úñ'áĺĺéáñžá ţŕá Ŕúššíá é Çíñá ĺóŕéɱ íþšúɱ ðóĺóŕĺ]")
  t.is(sha256(JSON.stringify(bundle)), '037073b2d3235ff87802f0a3bef701c65ccb8c0fa4bb6638b3110fc0ce5bd880')
})

test('a canonical private-use tag with a script, qps-Ploc, is found by i18next and written under its own folder', (t) => {
  const current = config({targetLocales: ['en'], pseudoLocale: 'qps-Ploc'})
  const built = buildPseudo(current, extractDocuments(current, new Map([['a.md', 'Ciao, mondo.\n']])).value)
  t.deepEqual([...built.value], [['dist/qps-Ploc/a.md', '[Çíáó, ɱóñðó. ĺóŕ]\n']])
})

test('the config takes a pseudo locale as i18next looks it up, and no real locale of the project', (t) => {
  t.like(parseConfig({}).value, {pseudo: false, pseudoLocale: 'qps'})
  const problems = (input: Record<string, unknown>) => parseConfig({targetLocales: ['en'], ...input}).messages.map((message) => message.message)
  t.deepEqual(problems({pseudoLocale: 'qps-ploc'}), ['`pseudoLocale`: expected `qps-Ploc`, the tag as i18next looks it up'])
  t.deepEqual(problems({pseudoLocale: 'en'}), ['`pseudoLocale`: `en` is a real locale of the project; use a private-use tag such as `qps`'])
  t.deepEqual(problems({pseudoLocale: 'pseudo'}), ['`pseudoLocale`: expected a BCP 47 language tag such as `qps` or `qps-Ploc`'])
  t.deepEqual(problems({pseudo: 'yes'}), ['`pseudo`: expected true or false'])
})

test('babele build writes the pseudo locale when the config enables it, never reads it back as a source, and rewrites nothing the second time', (t) => {
  const folder = copyProject()
  try {
    const file = join(folder, 'babele.config.json')
    // Translations inside the source folder, as VitePress keeps them: `source/it/qps/` must not become a source.
    const {source, dist, ...fields} = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    t.deepEqual([source, dist], ['source', 'dist'])
    writeFileSync(file, JSON.stringify({...fields, pseudo: true, sourcePattern: 'source/it/{path}', targetPattern: 'source/it/{locale}/{path}'}))
    const first = babele(folder, 'build', '--json')
    t.is(first.status, 0, first.stderr)
    t.true((JSON.parse(first.stdout) as {written: string[]}).written.includes('source/it/qps/putin-xi-alleanza.md'))
    const pseudo = readFileSync(join(folder, 'source/it/qps/putin-xi-alleanza.md'), 'utf8')
    t.true(pseudo.includes('[Ṽéñéŕðì 4 ƒéƀƀŕáíó, íĺ þŕéšíðéñţé ŕúššó ['), pseudo.slice(0, 400))
    const second = babele(folder, 'build', '--json')
    t.is(second.status, 0, second.stderr)
    const result = JSON.parse(second.stdout) as {written: string[]}
    t.deepEqual(result.written, [])
    t.false(existsSync(join(folder, 'source/it/en/qps')))
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})
