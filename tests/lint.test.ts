import {readFileSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import test from 'ava'
import {babele, copyProject, root} from './helpers/cli.ts'
import {fromTbx, type Term, type Termbase} from '../pipeline/glossary/index.ts'
import {applyFixes, lintMarkdown, lintRules, type LintOptions} from '../pipeline/lint/index.ts'
import {diagnostic, startOf} from '../pipeline/diagnostic.ts'
import {placeText} from '../pipeline/cli/format.ts'
import type {Diagnostic} from '../pipeline/types.ts'
import {words, wordSpans} from '../pipeline/lint/lib/plain-words.ts'
import {plainText, sourceRange} from '../pipeline/lint/lib/plain-text.ts'
import {markdownBlocks} from '../pipeline/markdown/index.ts'
import type {Block} from '../pipeline/types.ts'

const geopolitics = fromTbx(readFileSync(join(root, 'glossary/geopolitics.tbx'), 'utf8')).value!
const seedPath = 'source/it/putin-xi-alleanza.md'
const seed = readFileSync(join(root, seedPath), 'utf8')

/** Findings of one rule as `line:column actual → replacement (safe|unsafe)`. */
function findings(text: string, rule: string, options: LintOptions = {}): string[] {
  return lintMarkdown(text, {termbase: geopolitics, ...options, rules: [rule]}).messages.map(
    (message) => `${placeText(message.place)} ${message.actual ?? ''}` + (message.fix ? ` → ${message.fix.replacement} (${message.fix.safe ? 'safe' : 'unsafe'})` : '')
  )
}

/** The text at a 1-based line and column. */
function at(text: string, line: number, column: number, length: number): string {
  return text.split('\n')[line - 1]!.slice(column - 1, column - 1 + length)
}

/** A termbase of one concept in Italian. */
function concept(id: string, ...terms: Array<Partial<Term> & {text: string}>): Termbase {
  return {
    language: 'it',
    sourceDesc: [],
    concepts: [{id, notes: [], languages: [{language: 'it', terms: terms.map((term, index) => ({id: `${id}-${index}`, status: 'preferred' as const, doNotTranslate: false, notes: [], ...term}))}]}]
  }
}



test('lintMarkdown reports on the seed AKUS, più\' twice, the repeated title, the six `#` links and the deprecated `Medio orientali`, and nothing else', (t) => {
  const {messages} = lintMarkdown(seed, {file: seedPath, language: 'it', termbase: geopolitics})
  t.deepEqual(
    messages.map((message) => `${message.ruleId} ${placeText(message.place)}`),
    [
      'link-empty-url 5:113',
      'link-empty-url 10:70',
      'link-empty-url 12:47',
      'link-empty-url 14:162',
      'link-empty-url 14:226',
      'term-deprecated 14:382',
      'link-empty-url 14:387',
      'accent-apostrophe 16:156',
      'accent-apostrophe 16:265',
      'repeated-line 18:1',
      // The termbase deprecates `medio orientale` ("written as two words by mistake").
      'term-deprecated 20:258'
    ]
  )
  // Each place holds what it names.
  const place = (ruleId: string) => messages.filter((message) => message.ruleId === ruleId).map((message) => at(seed, startOf(message.place)!.line, startOf(message.place)!.column, 4))
  t.deepEqual(place('link-empty-url').map((text) => text.slice(0, 3)), ['(#)', '(#)', '(#)', '(#)', '(#)', '(#)'])
  t.deepEqual(place('term-deprecated'), ['AKUS', 'Medi'])
  t.deepEqual(place('accent-apostrophe'), ["più'", "più'"])
  t.is(at(seed, 18, 1, 62), "Putin e Xi Jinping hanno sancito un'alleanza tra Russia e Cina")

  for (const message of messages) {
    t.is(message.file, seedPath)
    t.is(message.source, 'lint')
    t.is(message.severity, 'warning')
  }

  const akus = messages.find((message) => message.ruleId === 'term-deprecated')!
  t.deepEqual(akus.fix, {start: 1376, end: 1380, replacement: 'AUKUS', safe: true})
  t.regex(akus.message, /did you mean `AUKUS`\?/)
  const medio = messages.at(-1)!
  t.deepEqual(medio.fix, {start: 2911, end: 2926, replacement: 'mediorientali', safe: false})
  for (const message of messages.filter((one) => one.ruleId === 'accent-apostrophe')) {
    t.is(seed.slice(message.fix!.start, message.fix!.end), "più'")
    t.like(message.fix, {replacement: 'più', safe: true})
  }
})

test('lintMarkdown places the repeated title\'s fix between the two halves of the sentence it splits', (t) => {
  const [message] = lintMarkdown(seed, {rules: ['repeated-line']}).messages
  t.like(message, {place: {line: 18, column: 1}, fix: {replacement: ' ', safe: false}})
  const fixed = seed.slice(0, message!.fix!.start) + message!.fix!.replacement + seed.slice(message!.fix!.end)
  t.true(fixed.includes("tradizionalmente sotto l'influenza del Cremlino. La capacità"))
  t.is(fixed.split("Putin e Xi Jinping hanno sancito un'alleanza tra Russia e Cina").length, 2, 'the title is left once, at the top')
})

test('lintMarkdown runs no glossary rule without a termbase, and every rule has a kebab-case id', (t) => {
  t.deepEqual(lintRules.map((rule) => rule.id), ['term-deprecated', 'term-near-miss', 'accent-apostrophe', 'repeated-line', 'link-empty-url'])
  const ids = new Set(lintMarkdown(seed).messages.map((message) => message.ruleId))
  t.deepEqual([...ids].sort(), ['accent-apostrophe', 'link-empty-url', 'repeated-line'])
})

test('lintMarkdown refuses bad options with a message naming the option', (t) => {
  t.throws(() => lintMarkdown(seed, {rules: ['nope']}), {message: /`nope` in `options.rules`/})
  t.throws(() => lintMarkdown(seed, {language: 'not a tag'}), {message: /options.language/})
  t.throws(() => lintMarkdown(seed, {termIndex: {language: 'it'} as never}), {message: /without `options.termbase`/})
  t.throws(() => lintMarkdown(42 as unknown as string), {message: /Cannot lint `number`/})
})

test('term-deprecated suggests the preferred term, safe only for a misspelled name', (t) => {
  t.deepEqual(findings("Contro l'alleanza AKUS e dell'AKUS.", 'term-deprecated'), ['1:19 AKUS → AUKUS (safe)', '1:31 AKUS → AUKUS (safe)'])
  t.deepEqual(findings('I paesi medio orientali.', 'term-deprecated'), ['1:9 medio orientali → mediorientali (unsafe)'])
  t.deepEqual(findings('Medio orientale, il paese.', 'term-deprecated'), ['1:1 Medio orientale → Mediorientale (unsafe)'], 'a capital where a sentence starts')
  // Passing: the preferred term, and a term in inline code.
  t.deepEqual(findings("L'alleanza AUKUS, non `AKUS`; un paese mediorientale.", 'term-deprecated'), [])
})

test('term-deprecated reports a forbidden term as an error, and leaves a homonym that is also a preferred term alone', (t) => {
  const forbidden = concept('urss', {text: 'URSS', termType: 'acronym'}, {text: 'CCCP', status: 'forbidden'})
  const [message] = lintMarkdown('La CCCP cadde.', {termbase: forbidden, rules: ['term-deprecated']}).messages
  t.like(message, {severity: 'error', actual: ['CCCP'], expected: ['URSS'], fix: {replacement: 'URSS', safe: false}}, 'CCCP is no spelling of URSS: not safe')
  const homonym: Termbase = {...forbidden, concepts: [...forbidden.concepts, ...concept('cccp', {text: 'CCCP'}).concepts]}
  t.deepEqual(lintMarkdown('La CCCP cadde.', {termbase: homonym, rules: ['term-deprecated']}).messages, [])
})

test('term-near-miss suggests a name one slip away, never as a safe fix', (t) => {
  t.deepEqual(findings('Il vertice di Pechnio e il Cremilno; Washingon e Austalia.', 'term-near-miss'), [
    '1:15 Pechnio → Pechino (unsafe)',
    '1:28 Cremilno → Cremlino (unsafe)',
    '1:38 Washingon → Washington (unsafe)',
    '1:50 Austalia → Australia (unsafe)'
  ])
})

test('term-near-miss leaves terms, inflection, derivation, lowercase words and repeated spellings alone', (t) => {
  const text = [
    'Pechino, il Cremlino e AKUS.',
    'Russa la nave, e la flotta russa. Russian, Europe, Olimpiade, Pacifica.',
    'Prussia e Ucraino. Pechini dice: Pechini!',
    'Lo scrittore pechnio.'
  ].join('\n\n')
  t.deepEqual(findings(text, 'term-near-miss'), [])
})

test('accent-apostrophe reports an accent typed as an apostrophe, with a safe fix when certain', (t) => {
  t.deepEqual(findings("Di più' e PIU', perche' no, poichè sì, affinchè, nè lui nè lei, un pò.", 'accent-apostrophe'), [
    "1:4 più' → più (safe)",
    "1:11 PIU' → PIÙ (safe)",
    "1:17 perche' → perché (safe)",
    '1:29 poichè → poiché (safe)',
    '1:40 affinchè → affinché (safe)',
    '1:50 nè → né (safe)',
    '1:57 nè → né (safe)',
    "1:68 pò → po' (safe)"
  ])
  t.deepEqual(findings("Qual'è il punto? E' vero, e' così. La citta' e la liberta'.", 'accent-apostrophe'), [
    "1:1 Qual'è → Qual è (safe)",
    "1:18 E' → È (unsafe)",
    "1:27 e' → è (unsafe)",
    "1:39 citta' → città (unsafe)",
    "1:51 liberta' → libertà (unsafe)"
  ])
})

test('accent-apostrophe leaves apocopes, imperatives, elisions, quotes and code alone', (t) => {
  const text = [
    "Aspetta un po' e poi mo' vediamo; po' di tempo.",
    "Di' la verità, va' a casa, fa' presto, sta' zitto, da' retta.",
    "Le repubbliche dell'Asia centrale e l'alleanza, quell'anno, un'invasione.",
    "La parola 'ciao' e 'perche' e ‘più’; it's 'Pippo'.",
    "In codice `più'` e `perchè`.",
    "<div>perchè</div>",
    "```\npiù'\n```"
  ].join('\n\n')
  t.deepEqual(findings(text, 'accent-apostrophe'), [])
  t.deepEqual(findings("Di più'.", 'accent-apostrophe', {language: 'en'}), [], 'Italian only')
})

test('repeated-line reports a line repeated between the halves of a sentence, and nothing else', (t) => {
  const split = '# Titolo del rapporto\n\nIl governo ha deciso di\n\nTitolo del rapporto\n\nrinviare il voto.\n'
  t.deepEqual(findings(split, 'repeated-line'), ['5:1 Titolo del rapporto →   (unsafe)'])
  const [message] = lintMarkdown(split, {rules: ['repeated-line']}).messages
  t.is(split.slice(0, message!.fix!.start) + ' ' + split.slice(message!.fix!.end), '# Titolo del rapporto\n\nIl governo ha deciso di rinviare il voto.\n')
  // Passing: a repeated paragraph between whole sentences; a sentence split by a new paragraph.
  t.deepEqual(findings('Esempio:\n\nPrimo passo.\n\nEsempio:\n\nSecondo passo.\n', 'repeated-line'), [])
  t.deepEqual(findings('Il governo ha deciso di\n\nUn titolo nuovo\n\nrinviare il voto.\n', 'repeated-line'), [])
  t.deepEqual(findings('Titolo\n\nFine del discorso.\n\nTitolo\n\nAltro discorso.\n', 'repeated-line'), [])
})

test('link-empty-url reports a link to `#` or to nothing at its `(`, and no other link', (t) => {
  const text = 'Vedi [qui](#), [là]() e [su](<>), [giù](# "titolo").\n\n[rif][r]\n\n[r]: #\n'
  t.deepEqual(findings(text, 'link-empty-url'), ['1:11 #', '1:20 ', '1:29 ', '1:40 #', '5:6 #'])
  t.deepEqual([at(text, 1, 11, 3), at(text, 1, 20, 2), at(text, 1, 29, 4), at(text, 1, 40, 3), at(text, 5, 6, 1)], ['(#)', '()', '(<>)', '(# ', '#'])
  for (const message of lintMarkdown(text, {rules: ['link-empty-url']}).messages) t.is(message.fix, undefined)
  // Passing: fragments, addresses, autolinks.
  t.deepEqual(findings('Vedi [qui](#sezione), [là](https://example.org), <https://example.org> e https://example.org.', 'link-empty-url'), [])
})

test('applyFixes applies only safe fixes and leaves every other byte as it was', (t) => {
  const text = '\uFEFFPerchè no?\r\nDi più\' e AKUS, poi Pechnio.\r\n\r\nUn [link](#).\r\n'
  const {messages} = lintMarkdown(text, {termbase: geopolitics})
  t.deepEqual(
    messages.map((message) => `${message.ruleId} ${message.fix?.safe ?? '-'}`),
    ['accent-apostrophe true', 'accent-apostrophe true', 'term-deprecated true', 'term-near-miss false', 'link-empty-url -']
  )
  t.is(text.slice(messages[0]!.fix!.start, messages[0]!.fix!.end), 'Perchè', 'offsets count the BOM')
  const {value, applied} = applyFixes(text, messages)
  t.is(value, '\uFEFFPerché no?\r\nDi più e AUKUS, poi Pechnio.\r\n\r\nUn [link](#).\r\n')
  t.deepEqual(applied, messages.slice(0, 3))
  t.deepEqual(lintMarkdown(value, {termbase: geopolitics}).messages.map((message) => message.ruleId), ['term-near-miss', 'link-empty-url'])
})

test('applyFixes takes the first of two overlapping fixes, and refuses a fix outside the text', (t) => {
  const fix = (start: number, end: number, replacement: string, safe = true): Diagnostic => diagnostic('x', 'x', {source: 'lint', severity: 'warning', fix: {start, end, replacement, safe}})
  const result = applyFixes('abcdef', [fix(3, 5, 'X'), fix(0, 2, 'Y'), fix(1, 3, 'Z'), fix(5, 6, 'W', false)])
  t.is(result.value, 'YcXf')
  t.deepEqual(result.applied.map((message) => message.fix!.replacement), ['Y', 'X'])
  t.throws(() => applyFixes('abc', [fix(2, 9, 'X')]), {message: /expected 0 <= start <= end <= 3/})
})

test('babele lint --json lists the findings with line and column, and exits 0 on warnings (1 with --strict)', (t) => {
  const folder = copyProject()
  try {
    const result = babele(folder, 'lint', '--json')
    t.is(result.status, 0, result.stderr)
    const output = JSON.parse(result.stdout) as {ok: boolean; messages: Diagnostic[]; fixed: Diagnostic[]}
    t.true(output.ok)
    t.deepEqual(
      output.messages.map((message) => `${message.file}:${placeText(message.place)} ${message.ruleId}`),
      lintMarkdown(seed, {file: seedPath, termbase: geopolitics}).messages.map((message) => `${message.file}:${placeText(message.place)} ${message.ruleId}`)
    )
    t.true(output.messages.some((message) => message.ruleId === 'term-deprecated' && startOf(message.place)?.line === 14 && message.actual?.join() === 'AKUS'))
    t.is(babele(folder, 'lint', '--strict', seedPath).status, 1)
    const help = babele(folder, 'lint', '--help')
    t.regex(help.stdout, /Usage: babele lint/)
    t.regex(help.stdout, /--fix/)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('babele lint --fix changes AKUS and both più\' in the copy, prints each fix, and changes nothing else', (t) => {
  const folder = copyProject()
  try {
    const result = babele(folder, 'lint', '--fix')
    t.is(result.status, 0, result.stderr)
    t.is(readFileSync(join(folder, seedPath), 'utf8'), seed.replace('AKUS', 'AUKUS').replaceAll("più'", 'più'))
    t.deepEqual(result.stdout.split('\n').filter((line) => line.startsWith('fixed ')), [
      `fixed ${seedPath}:14:382  \`AKUS\` → \`AUKUS\`  term-deprecated`,
      `fixed ${seedPath}:16:156  \`più'\` → \`più\`  accent-apostrophe`,
      `fixed ${seedPath}:16:265  \`più'\` → \`più\`  accent-apostrophe`
    ])
    // What is left is still reported, at its place in the fixed file.
    t.regex(result.stderr, new RegExp(`^${seedPath}\n(?:.+\n)*14:388 +warning +Link`, 'm'))
    t.regex(result.stderr, /repeated-line/)
    const again = babele(folder, 'lint', '--fix', '--json')
    t.deepEqual(JSON.parse(again.stdout).written, [], 'nothing left to fix')
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('babele extract reports the lint findings as warnings and still succeeds', (t) => {
  const folder = copyProject()
  try {
    const result = babele(folder, 'extract', '--json')
    t.is(result.status, 0, result.stderr)
    const output = JSON.parse(result.stdout) as {ok: boolean; messages: Diagnostic[]}
    t.true(output.ok)
    const lint = output.messages.filter((message) => message.source === 'lint')
    t.is(lint.length, 11)
    t.true(lint.every((message) => message.severity === 'warning'))
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('the rules\' words are exactly what /[\\p{L}\\p{M}]+/gu matches: every code point alone and beside a letter, marks, astral letters and symbols, lone surrogates', (t) => {
  const pattern = /[\p{L}\p{M}]+/gu
  const expected = (value: string) => [...value.matchAll(pattern)].flatMap((found) => [found.index, found.index + found[0].length])
  const differ: string[] = []
  for (let point = 0; point <= 0x10ffff; point++) {
    const character = String.fromCodePoint(point)
    const value = character + 'a' + character + '.' + character
    if (wordSpans(value).join() !== expected(value).join()) differ.push(point.toString(16))
  }
  t.deepEqual(differ, [])
  const pieces = ['a', 'Z', ' ', '.', "'", '’', '‘', 'è', 'e\u0301', '\u0301', '1', '漢', '𝐀', '😀', '\ud800', '\udc00', '\ud835', 'ª', '\n', '\ufffc']
  let seed = 20261205
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length
  for (let round = 0; round < 20000; round++) {
    let value = ''
    for (let count = round % 13; count > 0; count--) value += pieces[next()]
    if (wordSpans(value).join() !== expected(value).join()) differ.push(JSON.stringify(value))
    if (!isDeepStrictEqual(words(value), value.match(pattern) ?? [])) differ.push(`words of ${JSON.stringify(value)}`)
  }
  t.deepEqual(differ, [])
  t.deepEqual(wordSpans("l'Unione, 2022: più 𝐀𝐁c\u0301"), [0, 1, 2, 8, 16, 19, 20, 26])
  t.deepEqual(words("l'Unione, 2022: più 𝐀𝐁c\u0301"), ['l', 'Unione', 'più', '𝐀𝐁c\u0301'])
})

test('accent-apostrophe and term-near-miss read words past ASCII as the pattern does: an accented capital, its lowercase spelling elsewhere, accents in capitals', (t) => {
  const termbase = concept('c1', {text: 'Éstonia'})
  const found = (text: string) => lintMarkdown(text, {termbase, file: 'a.md'}).messages.map((message) => `${message.ruleId} ${message.actual}`)
  t.deepEqual(found("L'Éstnoia e PERCHÈ, perche' e perchè.\n"), ['term-near-miss Éstnoia', 'accent-apostrophe PERCHÈ', "accent-apostrophe perche'", 'accent-apostrophe perchè'])
  t.deepEqual(found('Éstnoia, poi éstnoia.\n'), [], 'written in lowercase elsewhere: a common word')
  t.deepEqual(found('Estnoia e ESTONIA.\n'), [], 'another first letter; all capitals against a name that is not')
})

test('sourceRange gives, for every range of plain text, what a map of every character\'s source offsets gives: escapes, references, codes, soft breaks under prefixes, titles, front matter', (t) => {
  const text = [
    '---',
    'title: "Il \\"titolo\\" dell\'AUKUS"',
    '---',
    '',
    '# Più\\* di **tutto** &amp; &#233; `codice` <b>sì</b>',
    '',
    '> Una riga  ',
    '> e poi\\',
    '> l\'altra [link](http://x.it "Titolo del *link*") ![alt _x_](i.png).',
    '',
    '- voce &copy; uno\\_due',
    '  segue qui',
    '',
    '| a\\|b | c &lt; d |',
    '| --- | --- |',
    '| **e** | f&nbsp;g |',
    ''
  ].join('\n')
  const {value} = markdownBlocks(text)
  const blocks: Block[] = []
  const flatten = (block: Block): void => {
    blocks.push(block)
    for (const child of block.children) flatten(child)
  }

  for (const block of value.blocks) flatten(block)
  t.true(blocks.length >= 8)
  let compared = 0
  for (const block of blocks) {
    const plain = plainText(block)
    const {starts, ends} = offsetMap(block, value.body)
    t.is(starts.length, plain.value.length)
    for (let start = 0; start < plain.value.length; start++) {
      for (let end = start + 1; end <= plain.value.length; end++) {
        const range = {start: starts[start]!, end: ends[end - 1]!}
        const expected = {...range, exact: value.body.slice(range.start, range.end) === plain.value.slice(start, end)}
        if (!isDeepStrictEqual(sourceRange(plain, start, end, value.body), expected)) t.fail(`${JSON.stringify(plain.value)} ${start}-${end}`)
        compared++
      }
    }
  }

  t.true(compared > 1000)
})

/** Every plain character's source offsets, as `plainText` once kept them for every block. */
function offsetMap(block: Block, body: string): {starts: number[]; ends: number[]} {
  const starts: number[] = []
  const ends: number[] = []
  for (const token of block.tokens) {
    if (token.type === 'text') {
      const exact = token.range.end - token.range.start === token.value.length && body.startsWith(token.value, token.range.start)
      for (let offset = 0; offset < token.value.length; offset++) {
        starts.push(exact ? token.range.start + offset : token.range.start)
        ends.push(exact ? token.range.start + offset + 1 : token.range.end)
      }
    } else if (token.type === 'ph') {
      const escape = token.code.subType === 'escape' || token.code.subType === 'entity'
      const size = escape && token.code.display ? token.code.display.length : 1
      for (let offset = 0; offset < size; offset++) {
        starts.push(token.code.open.start)
        ends.push(token.code.open.end)
      }
    }
  }

  return {starts, ends}
}

test('term-near-miss leaves a slip the document also writes in lowercase, before or after it, in any block, and only as a whole word', (t) => {
  const termbase = concept('c1', {text: 'Cremlino'}, {text: 'Éstonia'})
  const found = (text: string) => lintMarkdown(text, {termbase, file: 'a.md', rules: ['term-near-miss']}).messages.map((message) => `${placeText(message.place)} ${message.actual}`)
  t.deepEqual(found('Il cremilno è qui.\n\nPoi il Cremilno.\n'), [], 'lowercase in an earlier block')
  t.deepEqual(found('Poi il Cremilno.\n\n- una voce: cremilno\n'), [], 'lowercase in a later block')
  t.deepEqual(found('| Cremilno | éstnoia |\n| --- | --- |\n| x | Éstnoia |\n'), ['1:3 Cremilno'], 'an accented capital, lowercase in another cell')
  t.deepEqual(found('Poi il Cremilno, i cremilnos, gli xcremilno, CREMILNO e Cremlinno.\n'), ['1:8 Cremilno', '1:57 Cremlinno'], 'lowercase only inside longer words')
})
