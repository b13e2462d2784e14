import test from 'ava'
import {buildProject, checkProject, checkTranslations, compileTermIndex, compileTermRules, extractDocuments, fromBundleValue, fromMarkdown, fromTermCsv, protect, restore, type QaInput, type SegmentToken} from '../pipeline/index.ts'
import {testConfig} from './helpers/round-trip.ts'

/** A translation of plain text (no codes), as front matter or a flat bundle gives it. */
function plain(source: string, target: string, fields?: Partial<QaInput>): QaInput {
  const tokens: SegmentToken[] = [{type: 'text', value: source, range: {start: 0, end: source.length}}]
  return {source: tokens, target: fromBundleValue(target, {tokens}), sourceLocale: 'it', locale: 'en', ...fields}
}

/** A translation of a Markdown paragraph, its target in bundle form (`<1>…</1>`). */
function markdown(source: string, target: string, fields?: Partial<QaInput>): QaInput {
  const {tokens} = fromMarkdown(source, {path: 'a.md'}).value.units[0]!.block
  return {source: tokens, target: fromBundleValue(target, {tokens}), sourceLocale: 'it', locale: 'en', ...fields}
}

/** What one rule finds in translations checked together: `message [expected] [actual]` lines. */
function run(rule: string, ...inputs: QaInput[]): string[] {
  return checkTranslations(inputs, {rules: [rule]}).messages.map((message) => [message.message, JSON.stringify(message.expected ?? []), JSON.stringify(message.actual ?? [])].join(' '))
}

const nnbsp = '\u202F'
const nbsp = '\u00A0'

test('number-mismatch passes the source’s numbers written the target locale’s way, through Intl (CLDR)', (t) => {
  const source = 'Costa 1.000,5 euro, il 12% in più, dal 4 febbraio 2022.'
  t.deepEqual(run('number-mismatch', plain(source, 'It costs 1,000.5 euros, 12% more, from February 4, 2022.')), [])
  t.deepEqual(run('number-mismatch', plain(source, 'It costs 1000.5 euros, 12% more, from 4th February 2022.')), [], 'ungrouped, and an ordinal suffix')
  t.deepEqual(run('number-mismatch', plain(source, `Il coûte 1${nnbsp}000,5 euros, 12${nbsp}% de plus, depuis le 4 février 2022.`, {locale: 'fr'})), [])
  t.deepEqual(run('number-mismatch', plain(source, `Il coûte 1${nbsp}000,5 euros, 12${nnbsp}% de plus, depuis le 4 février 2022.`, {locale: 'fr'})), [], 'either no-break space')
  t.deepEqual(run('number-mismatch', plain(source, `Cuesta 1000,5 euros, un 12${nbsp}% más, desde el 4 de febrero de 2022.`, {locale: 'es'})), [], 'es groups from five digits (CLDR)')
})

test('number-mismatch finds a number written the source’s way, a breaking group space, a percent sign and a changed value', (t) => {
  const source = 'Costa 1.000,5 euro, il 12% in più.'
  t.deepEqual(run('number-mismatch', plain(source, 'It costs 1.000,5 euros, 12% more.')), ['`1.000,5` is written the `it` way: `en` writes `1,000.5` ["1,000.5"] ["1.000,5"]'])
  t.deepEqual(run('number-mismatch', plain('Costa 1.000 euro.', 'It costs 1.000 euros.')), ['`1.000` is written the `it` way: `en` writes `1,000` ["1,000"] ["1.000"]'], '1.000 is 1 in English')
  t.deepEqual(run('number-mismatch', plain(source, 'Il coûte 1 000,5 euros, 12% de plus.', {locale: 'fr'})), [
    `\`1 000,5\` splits its digit groups with a breaking space: \`fr\` writes \`1${nnbsp}000,5\` ["1${nnbsp}000,5"] ["1 000,5"]`,
    `\`12%\`: \`fr\` writes percentages \`12${nbsp}%\`, with a no-break space (U+00A0) before \`%\` ["12${nbsp}%"] ["12%"]`
  ])
  t.deepEqual(run('number-mismatch', plain(source, 'It costs 1,500 euros, 21% more.')), ['Numbers differ from the source: `1,000.5`, `12%` missing; `1,500`, `21` not in the source ["1,000.5","12%"] ["1,500","21"]'])
  t.deepEqual(run('number-mismatch', plain('Nel 2022.', 'In 2022 and 2023.')), ['Numbers differ from the source: `2023` not in the source [] ["2023"]'])
})

test('number-mismatch reads no number in a code, a URL, a name or a code span, and compares what no locale reads digit run by digit run', (t) => {
  t.deepEqual(run('number-mismatch', markdown('Il vertice [G20 del 2022](https://example.org/2021) e `v8` #Beijing2022.', 'The <1>2022 G20</1> summit and <2/> #Beijing2022.')), [])
  t.deepEqual(run('number-mismatch', plain('Vedi https://example.org/a1/2 e Q4.', 'See https://example.org/a1/2 and Q4.')), [])
  t.deepEqual(run('number-mismatch', plain('Alle 10.30 del 1.5.2022, versione 1.2.3.', 'At 10:30 on 1.5.2022, version 1.2.3.')), [])
  t.deepEqual(run('number-mismatch', plain('Alle 10.30.', 'At 10:45.')), ['Numbers differ from the source: `10.30` missing; `45` not in the source ["10.30"] ["45"]'])
})

test('untranslated finds a prose target equal to its source, and leaves names, figures, do-not-translate terms and a same-language pair alone', (t) => {
  t.deepEqual(run('untranslated', plain('Il vertice di Pechino.', 'Il  vertice di Pechino.')), ['The target is the source, not translated [] ["Il vertice di Pechino."]'])
  t.deepEqual(run('untranslated', plain('Il vertice di Pechino.', 'The Beijing summit.')), [])
  t.deepEqual(run('untranslated', markdown('— Sana Jamal (@Sana\\_Jamal) [February 4, 2022](#)', '— Sana Jamal (@Sana<1/>Jamal) <2>February 4, 2022</2>')), [])
  t.deepEqual(run('untranslated', plain('NATO', 'NATO'), plain('Kremlin.', 'Kremlin.'), plain('2022', '2022')), [])
  t.deepEqual(run('untranslated', plain('Il vertice di Pechino.', 'Il vertice di Pechino.', {locale: 'it-CH'})), [])
  const termbase = fromTermCsv('concept,it,it_dnt,en,en_dnt\nnpm,npm,yes,npm,yes\npnpm,pnpm,yes,pnpm,yes\n').value!
  const terms = compileTermRules(termbase, {source: 'it', target: 'en', sourceIndex: compileTermIndex(termbase, {language: 'it'})})
  t.deepEqual(run('untranslated', plain('npm o pnpm', 'npm o pnpm', {terms})), [])
  t.is(run('untranslated', plain('npm o pnpm', 'npm o pnpm')).length, 1, 'without the glossary, lower-case words are prose')
})

test('inconsistent-target finds one source translated two ways in a locale, naming the first; the same key in one file is key-conflict’s', (t) => {
  const inputs = [
    plain('Il vertice.', 'The summit.', {file: 'locales/en/a.json', key: 'k1'}),
    plain('Il  vertice.', 'The meeting.', {file: 'locales/en/b.json', key: 'k1'}),
    plain('Il vertice.', 'The  summit.', {file: 'locales/en/c.json', key: 'k1'}),
    plain('Il vertice.', 'Der Gipfel.', {file: 'locales/de/a.json', key: 'k1', locale: 'de'})
  ]
  t.deepEqual(run('inconsistent-target', ...inputs), ['Source "Il  vertice." is translated otherwise in `locales/en/a.json` key `k1`: "The summit." ["The summit."] ["The meeting."]'])
  const {byInput} = checkTranslations(inputs, {rules: ['inconsistent-target']})
  t.deepEqual(byInput.map((found) => found.length), [0, 1, 0, 0], 'placed on the translation that differs')
  t.deepEqual(run('inconsistent-target', plain('Il vertice.', 'The summit.', {file: 'x.xlf', key: 'k1'}), plain('Il vertice.', 'The meeting.', {file: 'x.xlf', key: 'k1'})), [])
})

test('inconsistent-source finds two sources translated the same way in a locale, and leaves targets with no letter alone', (t) => {
  const inputs = [plain('Il vertice di Pechino.', 'The Beijing summit.', {key: 'k1'}), plain("L'incontro di Pechino.", 'The Beijing  summit.', {key: 'k2'}), plain('Il vertice di Pechino.', 'The Beijing summit.', {key: 'k1'})]
  t.deepEqual(run('inconsistent-source', ...inputs), ['Translated as key `k1` is, whose source differs: "Il vertice di Pechino." ["Il vertice di Pechino."] ["L\'incontro di Pechino."]'])
  t.deepEqual(run('inconsistent-source', plain('Il vertice.', 'The summit.'), plain("L'incontro.", 'The meeting.'), plain('2022', '2022'), plain('Anno 2022', '2022')), [])
})

test('fr-spacing wants a no-break space before ; : ! ? and inside guillemets, in French only', (t) => {
  t.deepEqual(run('fr-spacing', plain('Perché? Ha detto «no» : ecco!', 'Pourquoi? Il a dit «non» : voilà!', {locale: 'fr'})), [
    `\`Pourquoi?\`: French puts a narrow no-break space (U+202F) before \`?\` ["Pourquoi${nnbsp}?"] ["Pourquoi?"]`,
    `\`«non»\`: French puts a no-break space (U+00A0) after \`«\` ["«${nbsp}non»"] ["«non»"]`,
    `\`«non»\`: French puts a no-break space (U+00A0) before \`»\` ["«non${nbsp}»"] ["«non»"]`,
    `\`«non» :\`: French puts a no-break space (U+00A0) before \`:\`, not a breaking space ["«non»${nbsp}:"] ["«non» :"]`,
    `\`voilà!\`: French puts a narrow no-break space (U+202F) before \`!\` ["voilà${nnbsp}!"] ["voilà!"]`
  ])
  const good = `Pourquoi${nnbsp}? Il a dit «${nbsp}non${nbsp}»${nbsp}: voilà${nbsp}! À 10:30, voir https://example.org/?a=1 et std::move. Quoi ?!`
  t.deepEqual(run('fr-spacing', plain('x', good.replace(' ?!', `${nnbsp}?!`), {locale: 'fr'})), [])
  t.deepEqual(run('fr-spacing', plain('x', 'Pourquoi? Voici :', {locale: 'fr-CA'})), [`\`Voici :\`: French puts a no-break space (U+00A0) before \`:\`, not a breaking space ["Voici${nbsp}:"] ["Voici :"]`], 'fr-CA: no space before ?')
  t.deepEqual(run('fr-spacing', plain('x', 'Why? He said: no!')), [])
  t.deepEqual(run('fr-spacing', markdown('Perché **sì**!', 'Pourquoi <1>oui</1>!', {locale: 'fr'})), [`\`oui!\`: French puts a narrow no-break space (U+202F) before \`!\` ["oui${nnbsp}!"] ["oui!"]`], 'through a code, which the quote leaves out')
})

test('quote-style wants the target locale’s quotation marks from CLDR, and straight quotes only where the source has them', (t) => {
  t.deepEqual(run('quote-style', plain('una «minaccia»', 'a «threat»')), ['Quotation marks `«`, `»` are not `en`\'s: it quotes “…”, inside ‘…’ ["“…”","‘…’"] ["«","»"]'])
  t.deepEqual(run('quote-style', plain('una «minaccia»', 'a "threat"')), ['Quotation marks `"` are not `en`\'s: it quotes “…”, inside ‘…’ ["“…”","‘…’"] ["\\""]'])
  t.deepEqual(run('quote-style', plain('una «minaccia»', 'une “menace”', {locale: 'fr'})), ['Quotation marks `“`, `”` are not `fr`\'s: it quotes «…» ["«…»"] ["“","”"]'])
  t.deepEqual(run('quote-style', plain('una «minaccia»', 'a “threat”, the ‘cold war’, l’alliance, the students’ view')), [])
  t.deepEqual(run('quote-style', plain('una "minaccia"', 'a "threat"')), [], 'the source’s straight quotes')
  t.deepEqual(run('quote-style', plain('una «minaccia»', `une «${nbsp}menace${nbsp}»`, {locale: 'fr'})), [])
  t.deepEqual(run('quote-style', plain('una «minaccia»', 'eine „Drohung“', {locale: 'de'})), [])
  t.deepEqual(run('quote-style', plain('una «minaccia»', 'eine “Drohung”', {locale: 'de'})), ['Quotation marks `”` are not `de`\'s: it quotes „…“, inside ‚…‘ ["„…“","‚…‘"] ["”"]'])
})

test('double-space finds more runs of spaces in the target than in its source', (t) => {
  t.deepEqual(run('double-space', plain('I due presidenti.', 'The two  presidents.')), ['A double space in the target ("two  presidents."), more than in the source ["two presidents."] ["two  presidents."]'])
  t.deepEqual(run('double-space', plain('I due presidenti.', 'The two presidents.')), [])
  t.deepEqual(run('double-space', plain('I due  presidenti.', 'The two  presidents.')), [])
})

test('final-punctuation compares the kind of the last mark, and wants Spanish ¿ ¡', (t) => {
  t.deepEqual(run('final-punctuation', plain('Il vertice.', 'The summit')), ['The source ends with a full stop (`.`), the target with none ["."] []'])
  t.deepEqual(run('final-punctuation', plain('Il vertice', 'The summit.')), ['The target ends with a full stop (`.`), the source with none [] ["."]'])
  t.deepEqual(run('final-punctuation', plain('Perché?', 'Why.')), ['The source ends with a question mark (`?`), the target with a full stop (`.`) ["?"] ["."]'])
  t.deepEqual(run('final-punctuation', plain('Perché?', 'Por qué?', {locale: 'es'})), ['The target ends a question with `?` but never opens it with `¿` ["¿"] []'])
  t.deepEqual(run('final-punctuation', plain('Perché?', '¿Por qué?', {locale: 'es'}), plain('«Sì.»', '“Yes”.'), plain('Vero...', 'True…'), plain('Nota:', 'Note :', {locale: 'fr'})), [])
  t.deepEqual(run('final-punctuation', markdown('Il [vertice](#).', 'The <1>summit.</1>')), [], 'a code after the mark does not count')
})

test('url-changed wants the source text’s URLs as written; a link’s URL is a code, not text', (t) => {
  t.deepEqual(run('url-changed', plain('Vedi pic.twitter.com/TJUQ4EuJBb e https://example.org/it.', 'See pic.twitter.com/tjuq4eujbb and https://example.org/it.')), [
    'URLs changed: `pic.twitter.com/TJUQ4EuJBb` of the source not in the target; `pic.twitter.com/tjuq4eujbb` not in the source ["pic.twitter.com/TJUQ4EuJBb"] ["pic.twitter.com/tjuq4eujbb"]'
  ])
  t.deepEqual(run('url-changed', plain('Scrivi a info@example.org', 'Write to info@example.com')), ['URLs changed: `info@example.org` of the source not in the target; `info@example.com` not in the source ["info@example.org"] ["info@example.com"]'])
  t.deepEqual(run('url-changed', plain('Vedi pic.twitter.com/TJUQ4EuJBb e https://example.org/it.', 'See https://example.org/it and pic.twitter.com/TJUQ4EuJBb.')), [])
  t.deepEqual(run('url-changed', plain('Apri file.md', 'Open the file.txt')), [], 'a two-letter domain with no path reads as a file name')
  t.deepEqual(run('url-changed', markdown('Vedi [qui](https://example.org/it).', 'See <1>here</1>.')), [])
})

test('code-span-changed wants the source text’s code spans as written', (t) => {
  t.deepEqual(run('code-span-changed', plain('Esegui `npm ci` prima', 'Run `npm install` first')), ['Code spans changed: `npm ci` of the source not in the target; `npm install` not in the source ["`npm ci`"] ["`npm install`"]'])
  t.deepEqual(run('code-span-changed', plain('Esegui `npm ci` e ``a`b`` prima', 'First run ``a`b`` and `npm ci`')), [])
})

test('length-ratio finds a target under half or over twice its source, and exempts short sources', (t) => {
  const source = 'Il vertice di Pechino ha inoltre portato al rafforzamento dei legami economici tra i due.'
  t.deepEqual(run('length-ratio', plain(source, 'The summit.')), ['The target is 0.13 times as long as the source (10 characters for 75); expected 0.5 to 2 times ["38–150 characters"] ["10 characters"]'])
  t.is(run('length-ratio', plain(source, `${source} ${source} ${source}`)).length, 1)
  t.deepEqual(run('length-ratio', plain(source, 'The Beijing summit also strengthened the economic ties between the two.')), [])
  t.deepEqual(run('length-ratio', plain('Sì.', 'Yes, of course, certainly, without a doubt.')), [])
})

test('doubled-word finds a word written twice, case aside, unless the source doubles it or grammar does', (t) => {
  t.deepEqual(run('doubled-word', plain('Putin e il presidente cinese', 'Putin and the The Chinese president')), ['`the The`: a word written twice ["the"] ["the The"]'])
  t.deepEqual(run('doubled-word', plain('Ci siamo incontrati a Bora Bora', 'Nous nous sommes vus à Bora Bora', {locale: 'fr'})), [])
  t.deepEqual(run('doubled-word', plain('x', 'the, the 2 2 l’OTAN l’Europe')), [])
  t.deepEqual(run('doubled-word', markdown('il **presidente**', 'the <1>the</1> president')), [], 'a code between breaks the pair')
})

test('a QA warning never keeps a document from being built; the same rule made an error in the config does', (t) => {
  const config = testConfig()
  const documents = extractDocuments(config, new Map([['a.md', 'Il vertice di Pechino.\n']])).value
  const part = documents.get('a.md')!.units[0]!.parts[0]!
  if (part.type !== 'segment') throw new Error('expected a segment')
  const stores = {bundles: new Map([['en/a', {[part.segment.key]: 'The the Beijing summit.'}]]), states: new Map()}
  t.deepEqual(checkProject(config, documents, stores).messages.map((message) => `${message.ruleId} ${message.severity}`), ['doubled-word warning'])
  const built = buildProject(config, documents, stores)
  t.deepEqual(built.messages, [], 'build reports errors only')
  t.is(built.value.get('dist/en/a.md'), 'The the Beijing summit.\n')
  const strict = testConfig({qa: {'doubled-word': 'error'}})
  t.deepEqual(checkProject(strict, documents, stores).messages.map((message) => `${message.ruleId} ${message.severity}`), ['doubled-word error'])
  const refused = buildProject(strict, documents, stores)
  t.deepEqual(refused.messages.map((message) => message.ruleId), ['doubled-word', 'build-refused'])
  t.false(refused.value.has('dist/en/a.md'))
})

test('a machine draft with a QA warning is usable; made an error in the config, it is not', (t) => {
  const {tokens} = fromMarkdown('Il vertice di Pechino.', {path: 'a.md'}).value.units[0]!.block
  const draft = (severity?: Record<string, 'error'>) => restore('The the summit of Beijing.', protect(tokens, {}), {source: tokens, sourceLocale: 'it', locale: 'en', severity}).problems.map((problem) => `${problem.ruleId} ${problem.severity}`)
  t.deepEqual(draft(), ['doubled-word warning'])
  t.deepEqual(draft({'doubled-word': 'error'}), ['doubled-word error'])
})
