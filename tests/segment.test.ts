import {isDeepStrictEqual} from 'node:util'
import {readFileSync} from 'node:fs'
import {startOf} from '../pipeline/diagnostic.ts'
import test from 'ava'
import * as api from '../pipeline/segment/index.ts'
import {defaultRules, fromSrx, segment, sentenceSpans, type SrxRules} from '../pipeline/segment/index.ts'
import {icuBoundaries, mayEndSentence, segmenterFor} from '../pipeline/segment/lib/icu-breaks.ts'

const seed = readFileSync(new URL('../source/it/putin-xi-alleanza.md', import.meta.url), 'utf8')
const paragraphs = seed.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '')
const corpus = new URL('../../shared/corpora/srx/', import.meta.url)
const sharedFiles = ['okapi/alternate-default.srx', 'okapi/defaultSegmentation.srx', 'okapi/okapi_default_icu4j.srx', 'neokapi/okapi.srx', 'omegat/defaultRules.srx', 'languagetool/segment.srx']

/** Sentences of Italian text with the built-in rules. */
function it(text: string): string[] {
  return segment(text, {language: 'it'})
}

/** A paragraph's text as the markdown stage would see it, without codes: markers dropped, link text kept. */
function plain(markdown: string): string {
  return markdown.replace(/\*\*/g, '').replace(/\[([^\]]*)\]\(#\)/g, '$1')
}

/** The same, with every bold marker and link bracket as a U+FFFC placeholder. */
function withCodes(markdown: string): string {
  return markdown.replace(/\*\*/g, '\uFFFC').replace(/\[([^\]]*)\]\(#\)/g, '\uFFFC$1\uFFFC')
}

/** An SRX 2.0 document around one language rule named `Test` and a `.*` map. */
function srx(rules: string, header = '<header segmentsubflows="yes" cascade="no"/>'): string {
  return `<?xml version="1.0"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
${header}
<body>
<languagerules>
<languagerule languagerulename="Test">
${rules}
</languagerule>
</languagerules>
<maprules><languagemap languagepattern=".*" languagerulename="Test"/></maprules>
</body>
</srx>`
}

/** One rule's XML; the patterns are escaped for XML. */
function rule(before: string, after = '', breaks = 'no'): string {
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  return `<rule break="${breaks}"><beforebreak>${escape(before)}</beforebreak><afterbreak>${escape(after)}</afterbreak></rule>`
}

/** The compiled `beforebreak` of the single rule in an SRX document. */
function translated(java: string): RegExp {
  const {value, messages} = fromSrx(srx(rule(java)))
  if (messages.length > 0) throw new Error(messages[0]!.message)
  const before = value.languageRules[0]!.rules[0]!.before
  return new RegExp(`^(?:${before.source})$`, before.flags)
}

function shared(path: string): SrxRules {
  return fromSrx(readFileSync(new URL(path, corpus), 'utf8'), {file: path}).value
}

test('segment stage exposes fromSrx, sentenceSpans, segment and defaultRules', (t) => {
  t.deepEqual(Object.keys(api).sort(), ['defaultRules', 'fromSrx', 'segment', 'sentenceSpans'])
})

// Breaks.

test('sentenceSpans breaks after a period before a capital', (t) => {
  t.deepEqual(it('Fine. Poi ripartiamo.'), ['Fine.', 'Poi ripartiamo.'])
})

test('sentenceSpans breaks after a question mark and an exclamation mark', (t) => {
  t.deepEqual(it('Davvero? Sì. Basta! Andiamo.'), ['Davvero?', 'Sì.', 'Basta!', 'Andiamo.'])
})

test('sentenceSpans keeps a closing guillemet with the sentence it closes', (t) => {
  t.deepEqual(it('Ha detto: «Me ne vado.» Poi è uscito.'), ['Ha detto: «Me ne vado.»', 'Poi è uscito.'])
  t.deepEqual(it('Ho sentito «tutto ciò che ha detto.» Poi è uscito.'), ['Ho sentito «tutto ciò che ha detto.»', 'Poi è uscito.'])
})

test('sentenceSpans keeps closing quotes and brackets with their sentence', (t) => {
  t.deepEqual(it('Lo chiamano "il professore." Ma non insegna.'), ['Lo chiamano "il professore."', 'Ma non insegna.'])
  t.deepEqual(it('Era tardi (lo sapevamo tutti.) Poi è arrivato.'), ['Era tardi (lo sapevamo tutti.)', 'Poi è arrivato.'])
  t.deepEqual(it('(Lo ha detto lui.) Poi è partito.'), ['(Lo ha detto lui.)', 'Poi è partito.'])
  t.deepEqual(it('È vero (almeno credo). Poi vedremo.'), ['È vero (almeno credo).', 'Poi vedremo.'])
  t.deepEqual(it('Lo chiamò l’‘artista.’ Poi rise.'), ['Lo chiamò l’‘artista.’', 'Poi rise.'])
})

test('sentenceSpans breaks after an ellipsis before a capital, not before lowercase', (t) => {
  t.deepEqual(it('Aspetta… Poi ne parliamo.'), ['Aspetta…', 'Poi ne parliamo.'])
  t.deepEqual(it('Aspetta... Poi ne parliamo.'), ['Aspetta...', 'Poi ne parliamo.'])
  t.deepEqual(it('Aspetta… poi ne parliamo.'), ['Aspetta… poi ne parliamo.'])
  t.deepEqual(it('Non so se… «Vieni?» chiese.'), ['Non so se…', '«Vieni?» chiese.'])
})

test('sentenceSpans does not break after an omission marked (…) or […]', (t) => {
  t.deepEqual(it('Disse che […] Roma era lontana.'), ['Disse che […] Roma era lontana.'])
  t.deepEqual(it('Disse che (…) Roma era lontana.'), ['Disse che (…) Roma era lontana.'])
})

// Never split.

test('sentenceSpans does not break after Italian titles', (t) => {
  for (const title of ['Sig.', 'Sigg.', 'Sig.ra', 'Sig.na', 'Dott.', 'Dott.ssa', 'Prof.', 'Prof.ssa', 'Avv.', 'Ing.', 'On.', 'Arch.', 'Geom.', 'Mons.', 'Gen.', 'Egr.', 'Spett.']) {
    t.deepEqual(it(`Ho incontrato il ${title} Rossi ieri. Poi sono partito.`), [`Ho incontrato il ${title} Rossi ieri.`, 'Poi sono partito.'], title)
  }
})

test('sentenceSpans does not break after Italian abbreviations', (t) => {
  const cases = [
    'Compra mele, pere ecc. e poi torna a casa.',
    'Alcuni frutti, p. es. Mele e pere, sono dolci.',
    'Vedi pag. 12 e pagg. 13-15 del testo.',
    "Secondo l'art. 3 e gli artt. 4 e 5 della Costituzione.",
    'Abito al n. 5 e i nn. 6 e 7 sono vuoti.',
    'Leggi il cap. 2 del vol. 3 con attenzione.',
    'Erano presenti ca. 300 persone in sala.',
    'Si veda Rossi, cfr. Bianchi per il resto.',
    'La scadenza è il 5 c.a. Come sai bene.',
    'Lo scrisse Cesare nel 44 a.C. Durante la guerra.',
    'Art. 5 della legge, Cap. 3 e Pag. 7 restano validi.',
    'Il 5 ago. 2021 fu una bella giornata.'
  ]
  for (const text of cases) t.deepEqual(it(text), [text])
})

test('sentenceSpans ends a sentence at ecc. or etc. before a capital, as Italian never doubles the period', (t) => {
  t.deepEqual(it('Compra mele, pere ecc. Poi torna a casa.'), ['Compra mele, pere ecc.', 'Poi torna a casa.'])
  t.deepEqual(it('Porta libri, quaderni etc. Domani ne parliamo.'), ['Porta libri, quaderni etc.', 'Domani ne parliamo.'])
})

test('sentenceSpans does not end a sentence at an abbreviation before a closing bracket', (t) => {
  for (const text of [
    "Per i formati di immagine (PNG, JPEG, ecc.) Windows usa l'app Foto.",
    'Con i file di testo [TXT, CSV, ecc.] Excel apre una procedura guidata.',
    'Le opzioni (verbose, quiet, etc.) Vue le documenta tutte.',
    'Il tema è noto (cfr.) Rossi lo spiega bene.'
  ]) {
    t.deepEqual(it(text), [text])
  }
  t.deepEqual(it('I metodi (map, filter, ecc.) sono pronti. Gli altri no.'), ['I metodi (map, filter, ecc.) sono pronti.', 'Gli altri no.'])
})

test('sentenceSpans does not break after lower-case Italian titles', (t) => {
  for (const title of ['sig.', 'sigg.', 'dott.', 'dr.', 'prof.', 'proff.', 'avv.', 'ing.', 'arch.', 'geom.', 'rag.', 'mons.', 'egr.', 'spett.', 'gent.', 'preg.']) {
    t.deepEqual(it(`Ho incontrato il ${title} Rossi ieri. Poi sono partito.`), [`Ho incontrato il ${title} Rossi ieri.`, 'Poi sono partito.'], title)
  }
  t.deepEqual(it("L'ing. Verdi ha firmato. Il cantiere apre."), ["L'ing. Verdi ha firmato.", 'Il cantiere apre.'])
})

test('sentenceSpans takes on. for a title only after an article, not as English', (t) => {
  for (const text of ["Ha preso la parola l'on. Ferrari in aula.", "La proposta dell'on. Rossi passa.", 'Hanno votato gli on. Verdi e Neri.']) t.deepEqual(it(text), [text])
  t.deepEqual(it('Imposta il flag su on. Poi riavvia.'), ['Imposta il flag su on.', 'Poi riavvia.'])
})

test('sentenceSpans does not break after month and weekday abbreviations before a number, or in a run of them', (t) => {
  for (const text of [
    'La riunione è Lun. 5 Marzo alle 10.',
    'La versione è uscita a gen. 2024 con molte novità.',
    'Il corso va da sett. 2024 a ott. 2025 la sera.',
    'Consegna prevista: Ven. 12 Gen. 2024, in mattinata.',
    'Il 5 ago. 2021 fu una bella giornata.',
    'Aperto Lun. Mer. Ven. dalle 9 alle 13.',
    'Chiuso Gen. Feb. Mar. per lavori.'
  ]) {
    t.deepEqual(it(text), [text])
  }
  t.deepEqual(it('Rilasciato a gen. 2024. Poi aggiornato.'), ['Rilasciato a gen. 2024.', 'Poi aggiornato.'])
  t.deepEqual(it('Ci vediamo mar. 23 nov.. Grazie.'), ['Ci vediamo mar. 23 nov..', 'Grazie.'])
})

test('sentenceSpans does not break at the dots of a path', (t) => {
  for (const text of ['Apri il file ../Config/app.json con un editor.', 'Esegui ./Scripts/build.sh dalla radice.', 'Il file è in ..\\Docs\\Readme.md qui sopra.', "L'intervallo 1..N include N elementi."]) {
    t.deepEqual(it(text), [text])
  }
  t.deepEqual(segment('Open ../Config/app.json now.', {language: 'en'}), ['Open ../Config/app.json now.'], 'a Default rule, for every language')
})

test('sentenceSpans never makes a sentence of an enumerator alone', (t) => {
  for (const heading of ['1. Identifica tutti i form', '3.1. Installazione', '2.4.1. Configurazione del proxy', 'IV. Conclusioni', '4. Titolo del paragrafo: qui inizia la spiegazione.', '\uFFFC1. Performance\uFFFC: Nessuna Allocazione']) {
    t.deepEqual(it(heading), [heading])
  }
  t.deepEqual(it('2. Perché usare i componenti? Una panoramica'), ['2. Perché usare i componenti?', 'Una panoramica'])
  t.deepEqual(it('Segui questi passi. 1. Apri il file. 2. Salvalo.'), ['Segui questi passi.', '1. Apri il file.', '2. Salvalo.'])
  t.deepEqual(it('Quanti sono? 3.'), ['Quanti sono? 3.'], 'a number left last joins the sentence before it')
  t.deepEqual(segment('1. Identify every form', {language: 'en'}), ['1. Identify every form'], 'in every language')
})

test('sentenceSpans keeps a sentence that ends with a number whole', (t) => {
  t.deepEqual(it('Per i dettagli cfr. Rossi 2019, cap. 3. Il resto è noto.'), ['Per i dettagli cfr. Rossi 2019, cap. 3.', 'Il resto è noto.'])
  t.deepEqual(it('Vai al passo 2. Poi chiudi.'), ['Vai al passo 2.', 'Poi chiudi.'])
  t.deepEqual(it('Il limite è 100. Oltre si rifiuta.'), ['Il limite è 100.', 'Oltre si rifiuta.'])
})

test('sentenceSpans keeps a numbered step after a colon with its text when more steps follow', (t) => {
  t.deepEqual(it('Procedura: 1. Apri il pannello. 2. Scegli Impostazioni.'), ['Procedura: 1. Apri il pannello.', '2. Scegli Impostazioni.'])
  t.deepEqual(it('Passaggi:\n1. Crea il progetto.\n2. Installa le dipendenze.'), ['Passaggi:\n1. Crea il progetto.', '2. Installa le dipendenze.'])
  t.deepEqual(it('Totale: 100. Il resto va pagato dopo.'), ['Totale: 100.', 'Il resto va pagato dopo.'], 'a value after a colon, with no steps after it')
})

test('sentenceSpans does not break inside dotted acronyms or after initials', (t) => {
  t.deepEqual(it('La Fiat S.p.A. Ha sede a Torino.'), ['La Fiat S.p.A. Ha sede a Torino.'])
  t.deepEqual(it('È tornato dagli U.S.A. Dopo dieci anni.'), ['È tornato dagli U.S.A. Dopo dieci anni.'])
  t.deepEqual(it('La Traviata di G. Verdi è famosa. Anche J. R. R. Tolkien lo è.'), ['La Traviata di G. Verdi è famosa.', 'Anche J. R. R. Tolkien lo è.'])
  t.deepEqual(it('N.B. Questo vale sempre.'), ['N.B. Questo vale sempre.'])
})

test('sentenceSpans does not break inside numbers', (t) => {
  t.deepEqual(it('Costa 1.000,5 euro. Il cambio è 3.5 dollari.'), ['Costa 1.000,5 euro.', 'Il cambio è 3.5 dollari.'])
  t.deepEqual(it('Il PIL è cresciuto del 2.3% nel 2021. Poi è calato.'), ['Il PIL è cresciuto del 2.3% nel 2021.', 'Poi è calato.'])
})

test('sentenceSpans keeps «…» quotations whole', (t) => {
  t.deepEqual(it('Lui disse: «Vengo. Poi vediamo. Forse!» E partì.'), ['Lui disse: «Vengo. Poi vediamo. Forse!»', 'E partì.'])
  t.deepEqual(it('«Dove vai? Aspetta!» gridò Marco.'), ['«Dove vai? Aspetta!» gridò Marco.'])
  t.deepEqual(it('«Dove vai?» chiese Marco. Nessuno rispose.'), ['«Dove vai?» chiese Marco.', 'Nessuno rispose.'])
  t.deepEqual(it('Poi lesse “Il mondo. Una storia.” Era tardi.'), ['Poi lesse “Il mondo. Una storia.”', 'Era tardi.'])
})

test('sentenceSpans breaks inside an unclosed «', (t) => {
  t.deepEqual(it('Disse: «Vengo. Poi vediamo.'), ['Disse: «Vengo.', 'Poi vediamo.'])
})

test('sentenceSpans keeps parentheses opened earlier in the sentence whole', (t) => {
  t.deepEqual(it('Il testo (vedi sopra. Oppure sotto) è chiaro. Fine.'), ['Il testo (vedi sopra. Oppure sotto) è chiaro.', 'Fine.'])
})

// Seed.

test('sentenceSpans splits the seed paragraph on the two presidents into its five sentences', (t) => {
  const paragraph = paragraphs.find((text) => text.startsWith('**I due presidenti'))!
  t.deepEqual(it(plain(paragraph)), [
    'I due presidenti si sono infatti promessi sostegno reciproco per quanto concerne la politica estera.',
    'I russi, appoggiando le posizioni di Pechino su Taiwan e i cinesi condannando le mire espansionistiche della NATO (Organizzazione del Trattato Atlantico del Nord) in Europa.',
    "Fronte comune Mosca e Pechino, l'hanno dimostrato anche nel condannare l'alleanza militare AKUS (tra Stati Uniti, Australia e Regno Unito) volta a incrementare l'influenza occidentale nell'Oceano Pacifico.",
    'Il vertice di Pechino, ha inoltre portato al rafforzamento dei legami economici tra i due.',
    'Xi Jinping ha assicurato che supporterà economicamente Mosca nel caso di eventuali nuove sanzioni economiche in relazione alla questione Ucraina, mentre Putin ha espresso la volontà di siglare un nuovo accordo commerciale volto ad incrementare le esportazioni di gas russo verso il gigante asiatico.'
  ])
})

test('sentenceSpans keeps a closing placeholder after the final period with its sentence', (t) => {
  const paragraph = withCodes(paragraphs.find((text) => text.startsWith('**I due presidenti'))!)
  const sentences = it(paragraph)
  t.is(sentences.length, 5)
  t.is(sentences[0], '\uFFFCI due presidenti si sono infatti promessi sostegno reciproco per quanto concerne la politica estera.\uFFFC')
  t.true(sentences[1]!.startsWith('I russi, appoggiando le posizioni di Pechino su \uFFFCTaiwan\uFFFC e'))
  t.deepEqual(it('Fine.\uFFFC\uFFFC» Poi.'), ['Fine.\uFFFC\uFFFC»', 'Poi.'])
})

test('sentenceSpans splits every seed paragraph into sentences that end with punctuation or the paragraph', (t) => {
  const counts = paragraphs.map((paragraph) => it(plain(paragraph)).length)
  t.deepEqual(counts, [1, 2, 2, 1, 5, 4, 1, 4, 1])
  const opening = it(plain(paragraphs[1]!))
  t.true(opening[0]!.endsWith('dalle delegazioni occidentali.'))
  t.true(opening[1]!.startsWith('Il confronto aveva come scopo principale'))
})

// Placeholders and soft breaks.

test('sentenceSpans never ends a sentence at a U+FFFC placeholder by itself', (t) => {
  t.deepEqual(it('Usa \uFFFC per installare \uFFFC e poi riavvia. Fine.'), ['Usa \uFFFC per installare \uFFFC e poi riavvia.', 'Fine.'])
  t.deepEqual(it('Esegui \uFFFC. Poi \uFFFC.'), ['Esegui \uFFFC.', 'Poi \uFFFC.'])
  t.deepEqual(it('\uFFFC Apri il file.'), ['\uFFFC Apri il file.'])
})

test('sentenceSpans attaches a lone placeholder after the last sentence to it', (t) => {
  t.deepEqual(it('Ecco la foto. \uFFFC'), ['Ecco la foto. \uFFFC'])
  t.deepEqual(it('\uFFFC Ecco. Poi.'), ['\uFFFC Ecco.', 'Poi.'])
})

test('sentenceSpans treats a soft line break as a space and never breaks on it alone', (t) => {
  t.deepEqual(it('Prima riga\nseconda riga\nterza riga.'), ['Prima riga\nseconda riga\nterza riga.'])
  t.deepEqual(it('Il Sig.\nRossi arriva.\nPoi parte.'), ['Il Sig.\nRossi arriva.', 'Poi parte.'])
  t.deepEqual(sentenceSpans('Fine.\nPoi.', {language: 'it'}), [{start: 0, end: 5}, {start: 6, end: 10}])
  t.deepEqual(it('Una riga\r\nun’altra. Fine.'), ['Una riga\r\nun’altra.', 'Fine.'])
})

test('sentenceSpans returns trimmed ranges with only whitespace between them', (t) => {
  const texts: Array<[string, number]> = [
    ['  Fine.   Poi ripartiamo!  ', 2],
    ['\n Davvero?\t Sì. \n', 2],
    [plain(paragraphs[4]!), 5],
    [withCodes(paragraphs[5]!), 4],
    ['Ha detto.»  Poi\u00A0è uscito.  ', 2]
  ]
  for (const [text, count] of texts) {
    const spans = sentenceSpans(text, {language: 'it'})
    t.is(spans.length, count, text)
    let cursor = 0
    for (const {start, end} of spans) {
      t.true(start < end)
      t.regex(text.slice(cursor, start), /^\s*$/u)
      t.notRegex(text[start]!, /\s/u)
      t.notRegex(text[end - 1]!, /\s/u)
      cursor = end
    }
    t.regex(text.slice(cursor), /^\s*$/u)
    t.deepEqual(segment(text, {language: 'it'}), spans.map(({start, end}) => text.slice(start, end)))
  }
  t.deepEqual(sentenceSpans('  Fine.   Poi!  ', {language: 'it'}), [{start: 2, end: 7}, {start: 10, end: 14}])
})

test('sentenceSpans returns nothing for empty or all-whitespace text', (t) => {
  t.deepEqual(sentenceSpans('', {language: 'it'}), [])
  t.deepEqual(sentenceSpans(' \n\t\u00A0 ', {language: 'it'}), [])
  t.deepEqual(sentenceSpans('senza punto', {language: 'it'}), [{start: 0, end: 11}])
})

test('sentenceSpans gives a long text the same sentences as its paragraphs one by one', (t) => {
  const pieces = paragraphs.slice(1).map(plain).filter((text) => /[.?!]$/.test(text))
  const repeated = Array.from({length: 300}, () => pieces).flat()
  const text = repeated.join(' ')
  t.is(text.length, 570_899)
  const expected: string[] = repeated.flatMap((piece) => it(piece))
  t.deepEqual(it(text), expected)
})

test('sentenceSpans throws on bad options, naming the option', (t) => {
  // @ts-expect-error: missing options
  t.throws(() => sentenceSpans('Fine.'), {message: /options\.language/})
  t.throws(() => sentenceSpans('Fine.', {language: ''}), {message: /options\.language/})
  t.throws(() => sentenceSpans('Fine.', {language: 'not a tag!'}), {message: /options\.language/})
  // @ts-expect-error: not rules
  t.throws(() => sentenceSpans('Fine.', {language: 'it', rules: {}}), {message: /options\.rules/})
})

// Rules.

test('defaultRules loads babele.srx once, with no messages', (t) => {
  t.is(defaultRules(), defaultRules())
  const xml = readFileSync(new URL('../pipeline/segment/rules/babele.srx', import.meta.url), 'utf8')
  const {value, messages} = fromSrx(xml)
  t.deepEqual(messages, [])
  t.deepEqual(value.languageRules.map((rule) => rule.name), ['Italian', 'Default'])
  t.true(value.cascade)
})

test('sentenceSpans uses the Default rules for other languages, and ICU alone with no map', (t) => {
  t.deepEqual(segment('He said: «I go. Then we see.» And left.', {language: 'en'}), ['He said: «I go. Then we see.»', 'And left.'])
  t.deepEqual(segment('Il Sig. Rossi.', {language: 'en'}), ['Il Sig.', 'Rossi.'])
  const none = fromSrx(srx(rule('x')).replace('languagepattern=".*"', 'languagepattern="xx"')).value
  t.deepEqual(segment('Il Sig. Rossi.', {language: 'it', rules: none}), ['Il Sig.', 'Rossi.'])
})

/** Interior boundaries of the whole text, straight from ICU. */
function icuReference(text: string, language: string): number[] {
  return [...new Intl.Segmenter(language, {granularity: 'sentence'}).segment(text)].map((one) => one.index).filter((index) => index > 0)
}

test('icuBoundaries skips ICU only where ICU finds no boundary: every code point outside mayEndSentence', (t) => {
  // Each code point ICU is not asked about, between a word and a capital (a
  // terminator there would end a sentence), in pieces of 200.
  const skipped = (last: number): string[] => {
    const chars: string[] = []
    for (let code = 0; code <= last; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue
      const char = String.fromCodePoint(code)
      if (!mayEndSentence.test(char)) chars.push(char)
    }

    return chars
  }

  const all = skipped(0x10ffff)
  const bmp = all.filter((char) => char.length === 1)
  t.true(bmp.length > 60_000)
  const languages: Array<[string, string[]]> = [['it', all], ['el', all], ...['en', 'de', 'fr', 'es', 'pt', 'ru', 'ja', 'zh', 'th', 'ar', 'hi', 'he', 'fi', 'ko'].map((language): [string, string[]] => [language, bmp])]
  for (const [language, chars] of languages) {
    const segmenter = new Intl.Segmenter(language, {granularity: 'sentence'})
    const found: string[] = []
    for (let at = 0; at < chars.length; at += 200) {
      const text = chars.slice(at, at + 200).map((char) => 'Ab' + char + ' C').join('')
      for (const {index} of segmenter.segment(text)) if (index > 0) found.push(text.slice(Math.max(0, index - 4), index))
    }

    t.deepEqual(found, [], language)
  }
})

test('icuBoundaries finds what ICU finds in the whole text, terminators in odd places or none', (t) => {
  const texts = [
    'Titolo senza punto',
    'Voce di elenco: 3,5 km (circa) – vedi sopra',
    'Fine‼ Poi',
    'Fine﹒ Poi',
    'Fine。次',
    'Fine? poi',
    'Fine؟ Poi',
    'Un 1.5 km e Sig.Rossi',
    'Nessun punto ma un ￼ codice',
    'a\u2029B',
    'Primo\u0085Secondo',
    'Riga\nRiga',
    '«Va bene!» Disse',
    'Emoji 😀 senza fine 😀',
    'Ἀλήθεια; Ναι',
    'Ἀλήθεια\u037E Ναι',
    '.',
    ' ',
    ''
  ]
  for (const language of ['it', 'el', 'en', 'ja']) {
    for (const text of texts) t.deepEqual(icuBoundaries(text, segmenterFor(language)), icuReference(text, language), `${language}: ${text}`)
  }

  t.deepEqual(icuBoundaries('Titolo senza punto', segmenterFor('it')), [])
  t.deepEqual(icuBoundaries('Ἀλήθεια; Ναι', segmenterFor('el')), [9])
})

test('icuBoundaries finds what ICU finds in every short tail of terminators, closing marks, spaces and other characters', (t) => {
  // Every string of up to four of these after a word: tails ICU is not asked
  // about (terminators, closing marks, spaces before a terminator) and the
  // characters that make it ask (a space before a closing mark, a letter, a
  // placeholder, a comma, a no-break space).
  const alphabet = ['.', '!', '?', ';', '\u037E', '。', '…', ')', '"', "'", '»', '”', '’', '«', ' ', '\u00A0', 'a', 'B', '1', ',', '\uFFFC']
  const tails = ['']
  for (let size = 1, from = 0; size <= 4; size++) {
    const to = tails.length
    for (let at = from; at < to; at++) for (const char of alphabet) tails.push(tails[at] + char)
    from = to
  }

  t.true(tails.length > 200_000)
  let skipped = 0
  for (const language of ['it', 'el']) {
    const segmenter = segmenterFor(language)
    for (const tail of tails) {
      for (const text of ['Fine' + tail, 'Il Sig. Rossi' + tail]) {
        const found = icuBoundaries(text, segmenter)
        const expected = icuReference(text, language)
        if (!isDeepStrictEqual(found, expected)) t.fail(`${language}: ${JSON.stringify(text)} ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`)
        if (expected.length === 0 && /[.!?;]/.test(text)) skipped++
      }
    }
  }

  t.true(skipped > 1000)
})

test('sentenceSpans adds a break where a break="yes" rule matches and ICU has none', (t) => {
  const rules = fromSrx(srx(rule(';', '\\s', 'yes'))).value
  t.deepEqual(segment('Primo; secondo; terzo.', {language: 'it', rules}), ['Primo;', 'secondo;', 'terzo.'])
})

test('sentenceSpans lets the first matching rule decide', (t) => {
  const first = fromSrx(srx(rule('\\bSig\\.', '\\s') + rule('\\.', '\\s', 'yes'))).value
  t.deepEqual(segment('Il Sig. Rossi. Poi.', {language: 'it', rules: first}), ['Il Sig. Rossi.', 'Poi.'])
  const second = fromSrx(srx(rule('\\.', '\\s', 'yes') + rule('\\bSig\\.', '\\s'))).value
  t.deepEqual(segment('Il Sig. Rossi. Poi.', {language: 'it', rules: second}), ['Il Sig.', 'Rossi.', 'Poi.'])
})

test('sentenceSpans matches rules written for the position before or after the space', (t) => {
  const okapi = fromSrx(srx(rule('\\bSig\\.', '\\s'))).value
  const languageTool = fromSrx(srx(rule('\\bSig\\.\\s'))).value
  for (const rules of [okapi, languageTool]) t.deepEqual(segment('Il Sig. Rossi. Poi.', {language: 'it', rules}), ['Il Sig. Rossi.', 'Poi.'])
})

test('sentenceSpans runs a rule with a backreference forwards, on its own', (t) => {
  const rules = fromSrx(srx(rule('(\\p{Lu})\\1\\.', '\\s') + rule('\\bSig\\.', '\\s'))).value
  t.true(rules.languageRules[0]!.rules[0]!.before.backreferences)
  t.deepEqual(segment('Vedi AA. Poi il Sig. Rossi.', {language: 'it', rules}), ['Vedi AA. Poi il Sig. Rossi.'])
  t.deepEqual(segment('Vedi AB. Poi.', {language: 'it', rules}), ['Vedi AB.', 'Poi.'])
})

test('sentenceSpans cascades every matching language map only when cascade is yes', (t) => {
  const document = (cascade: string) => `<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header segmentsubflows="yes" cascade="${cascade}"/><body><languagerules>
<languagerule languagerulename="Italian">${rule('\\bSig\\.', '\\s')}</languagerule>
<languagerule languagerulename="Default">${rule('\\bDott\\.', '\\s')}</languagerule>
</languagerules><maprules><languagemap languagepattern="it.*" languagerulename="Italian"/><languagemap languagepattern=".*" languagerulename="Default"/></maprules></body></srx>`
  const text = 'Il Sig. Rossi e il Dott. Bianchi.'
  t.deepEqual(segment(text, {language: 'it', rules: fromSrx(document('yes')).value}), [text])
  t.deepEqual(segment(text, {language: 'it', rules: fromSrx(document('no')).value}), ['Il Sig. Rossi e il Dott.', 'Bianchi.'])
  t.deepEqual(segment(text, {language: 'IT-it', rules: fromSrx(document('no')).value}), ['Il Sig. Rossi e il Dott.', 'Bianchi.'], 'tags match case-insensitively')
})

// fromSrx.

test('fromSrx reads header flags, language rules and language maps', (t) => {
  const {value, messages} = fromSrx(srx(rule('\\bSig\\.', '\\s') + rule('[.?!]', '\\s', 'yes'), '<header segmentsubflows="no" cascade="yes"><formathandle type="start" include="no"/></header>'))
  t.deepEqual(messages, [])
  t.is(value.version, '2.0')
  t.false(value.segmentSubflows)
  t.true(value.cascade)
  t.is(value.languageRules.length, 1)
  const [first, second] = value.languageRules[0]!.rules
  t.like(first, {break: false, beforeBreak: '\\bSig\\.', afterBreak: '\\s', line: 7})
  t.like(second, {break: true, beforeBreak: '[.?!]', afterBreak: '\\s'})
  t.like(value.languageMaps[0], {languagePattern: '.*', languageRuleName: 'Test'})
})

test('fromSrx reads SRX 1.0 documents, with the first maprule', (t) => {
  const xml = `<srx xmlns="http://www.lisa.org/srx10" version="1.0"><header segmentsubflows="yes"/><body><languagerules>
<languagerule languagerulename="Italian">${rule('\\bSig\\.', '\\s')}</languagerule></languagerules>
<maprules><maprule maprulename="Default"><languagemap languagepattern="it.*" languagerulename="Italian"/></maprule>
<maprule maprulename="Other"><languagemap languagepattern="xx" languagerulename="Italian"/></maprule></maprules></body></srx>`
  const {value, messages} = fromSrx(xml)
  t.is(value.version, '1.0')
  t.false(value.cascade)
  t.deepEqual(value.languageMaps.map((map) => map.languagePattern), ['it.*'])
  t.deepEqual(messages.map((message) => message.ruleId), ['srx-maprule-ignored'])
  t.deepEqual(segment('Il Sig. Rossi. Poi.', {language: 'it', rules: value}), ['Il Sig. Rossi.', 'Poi.'])
})

test('fromSrx translates Java inline flags, quoting and escapes', (t) => {
  t.true(translated('(?i)sig\\.').test('SIG.'))
  t.true(translated('\\b(?iu)àbc').test('ÀBC'))
  t.false(translated('\\b(?i)àbc').test('ÀBC'), 'without u, (?i) folds ASCII only')
  t.true(translated('((?i)gen|feb)\\.').test('FEB.'), '(?i) reaches the later alternatives of its group')
  t.true(translated('(?:(?i)gen)feb').test('GENfeb'))
  t.false(translated('(?:(?i)gen)feb').test('GENFEB'), '(?i) ends with its group')
  t.true(translated('(?i)ab(?-i)c').test('ABc'))
  t.false(translated('(?i)ab(?-i)c').test('ABC'))
  t.true(translated('(?i:ab)c').test('ABc'))
  t.true(translated('\\Q...\\E|…').test('...'))
  t.false(translated('\\Q...\\E').test('abc'))
  t.true(translated('Yahoo\\!\\"').test('Yahoo!"'))
  t.true(translated('a{').test('a{'))
  t.true(translated('(?x) a b # comment').test('ab'))
  t.true(translated('\\x{1F600}\\u00AB').test('😀«'))
})

test('fromSrx translates possessive quantifiers and atomic groups to greedy ones', (t) => {
  t.true(translated('a*+b').test('aaab'))
  t.true(translated('\\d++x').test('12x'))
  t.true(translated('x?+y').test('y'))
  t.true(translated('x{2,}+').test('xxx'))
  t.true(translated('(?>ab|a)c').test('abc'))
})

test('fromSrx translates Java properties and class set operations', (t) => {
  t.true(translated('\\p{javaLowerCase}').test('è'))
  t.false(translated('\\p{javaUpperCase}').test('è'))
  t.true(translated('\\p{IsAlphabetic}\\p{IsLatin}\\p{L}\\p{Lu}\\p{Ll}\\p{N}').test('aBCDe5'))
  t.true(translated('\\p{Punct}\\P{Punct}').test('!a'))
  t.true(translated('[\\p{Punct}\\p{Lu}]').test('A'))
  t.true(translated('[\\p{L}&&[^rwn]]').test('a'))
  t.false(translated('[\\p{L}&&[^rwn]]').test('r'))
  t.true(translated('[a-z[^íá]]').test('é'))
  t.false(translated('[a-z[^íá]]').test('í'))
  t.true(translated('[\\d-–]+').test('1-–2'))
  t.true(translated('\\bpro\\b').test('pro'))
})

test('fromSrx gives Java’s \\b word boundary to letters of every script', (t) => {
  const rules = fromSrx(srx(rule('\\bn\\.', '\\s'))).value
  t.deepEqual(segment('Vedi il n. 5. Poi è così. Ma ora.', {language: 'it', rules}), ['Vedi il n. 5.', 'Poi è così.', 'Ma ora.'])
  t.deepEqual(segment('Vedi il caffèn. Poi.', {language: 'it', rules}), ['Vedi il caffèn.', 'Poi.'], '`\\b` is not between `è` and `n`')
})

test('the bundle’s built-in rules are rules/babele.srx as fromSrx translates it', (t) => {
  // `npm run build` translates them once, so that the CLI does not read the XML on every run.
  const built = JSON.parse(readFileSync(new URL('../bundle/rules/babele.json', import.meta.url), 'utf8'))
  t.deepEqual(built, defaultRules())
  t.deepEqual(defaultRules(), fromSrx(readFileSync(new URL('../pipeline/segment/rules/babele.srx', import.meta.url), 'utf8')).value)
})

test('fromSrx writes a \\b before a word as one lookbehind, which matches where the full boundary does', (t) => {
  const word = '[\\p{L}\\p{M}\\p{Nd}_]'
  const boundary = `(?:(?<=${word})(?!${word})|(?<!${word})(?=${word}))`
  const notBoundary = `(?:(?<=${word})(?=${word})|(?<!${word})(?!${word}))`
  const texts = ['Sig. x', 'il Sig.', 'xSig.', 'èSig.', '_Sig.', '5Sig.', 'pag. art. Ø. A. é.', '. .', 'a.', 'ax x', 'in. èn. n.', 'Lun. Ven.']
  // Each Java pattern, the same in JavaScript with the full boundaries, and how many property classes its boundaries take once translated.
  const cases: Array<[string, string, number]> = [
    ['\\bSig\\.', `${boundary}Sig\\.`, 1],
    ['\\b(?:[Pp]ag|art|\\p{Lu}|(?:L|V)[a-z]n)\\.', `${boundary}(?:[Pp]ag|art|\\p{Lu}|(?:L|V)[a-z]n)\\.`, 1],
    ['\\Bn\\.', `${notBoundary}n\\.`, 1],
    ['\\b(?:Sig)?\\.', `${boundary}(?:Sig)?\\.`, 4],
    ['\\b\\.', `${boundary}\\.`, 4],
    ['a\\b', `a${boundary}`, 4],
    ['\\b(?:a|)x', `${boundary}(?:a|)x`, 4],
    ['\\b[a-zé]\\.', `${boundary}[a-zé]\\.`, 4]
  ]
  for (const [java, full, classes] of cases) {
    const {value} = fromSrx(srx(rule(java, '\\s')))
    const before = value.languageRules[0]!.rules[0]!.before
    t.is(before.source.split('\\p{L}\\p{M}').length - 1, classes, java)
    const short = new RegExp(before.source, before.flags + 'y')
    const reference = new RegExp(full, 'uy')
    for (const text of texts) {
      for (let at = 0; at <= text.length; at++) {
        short.lastIndex = at
        reference.lastIndex = at
        t.deepEqual(short.exec(text)?.[0], reference.exec(text)?.[0], `${java} at ${at} of ${text}`)
      }
    }
  }
})

test('fromSrx skips a rule it cannot translate with a warning naming the language rule and line', (t) => {
  const {value, messages} = fromSrx(srx(rule('\\p{InGreek}\\.', '\\s') + rule('(unclosed', '\\s') + rule('\\bok\\.', '\\s')), {file: 'bad.srx'})
  t.is(value.languageRules[0]!.rules.length, 1)
  t.is(messages.length, 2)
  for (const message of messages) {
    t.like(message, {ruleId: 'srx-rule-invalid', severity: 'warning', source: 'segment', file: 'bad.srx', place: {line: 7}})
    t.regex(message.message, /languagerule `Test` \(line 7\)/)
  }
  t.regex(messages[0]!.message, /block/)
})

test('fromSrx reports malformed XML as an error with line and column', (t) => {
  const {value, messages} = fromSrx('<srx xmlns="http://www.lisa.org/srx20">\n<header>\n</srx>')
  t.is(messages.length, 1)
  t.like(messages[0], {ruleId: 'srx-xml-malformed', severity: 'error', source: 'segment', place: {line: 3}})
  t.is(typeof startOf(messages[0]!.place)?.column, 'number')
  t.deepEqual(value.languageRules, [])
})

test('fromSrx refuses a DOCTYPE and never expands its entities', (t) => {
  const xml = `<?xml version="1.0"?>
<!DOCTYPE srx [<!ENTITY boom "boom boom boom">]>
${srx(rule('&boom;')).replace(/^<\?xml[^>]*>/, '')}`
  const {value, messages} = fromSrx(xml)
  t.deepEqual(messages.map((message) => [message.ruleId, message.severity, startOf(message.place)?.line]), [['srx-doctype', 'error', 2]])
  t.deepEqual(value.languageRules, [])
})

test('fromSrx reports a document that is not SRX', (t) => {
  const {messages} = fromSrx('<rules xmlns="urn:other"/>')
  t.deepEqual(messages.map((message) => [message.ruleId, message.severity]), [['srx-not-srx', 'error']])
})

test('fromSrx warns about a language map without its language rule', (t) => {
  const {value, messages} = fromSrx(srx(rule('x')).replace('languagerulename="Test"/>', 'languagerulename="Missing"/>'))
  t.deepEqual(value.languageMaps, [])
  t.deepEqual(messages.map((message) => message.ruleId), ['srx-languagemap-invalid'])
})

test('fromSrx throws on bad options, naming the option', (t) => {
  // @ts-expect-error: not a string
  t.throws(() => fromSrx(42), {message: /expected a string/})
  // @ts-expect-error: bad file
  t.throws(() => fromSrx('<srx/>', {file: 3}), {message: /options\.file/})
})

test('fromSrx refuses input over its limits as errors, with no rules', (t) => {
  const xml = srx(rule('\\bSig\\.', '\\s'))
  const large = fromSrx(xml, {maxBytes: 100})
  t.deepEqual(large.messages.map((message) => [message.ruleId, message.severity]), [['srx-too-large', 'error']])
  t.deepEqual(large.value.languageRules, [])
  const deep = fromSrx(xml, {maxDepth: 4})
  t.deepEqual(deep.messages.map((message) => [message.ruleId, startOf(message.place)?.line]), [['srx-too-deep', 7]])
  const long = fromSrx(xml, {maxTextLength: 5})
  t.deepEqual(long.messages.map((message) => message.ruleId), ['srx-text-too-long'])
  t.throws(() => fromSrx(xml, {maxBytes: 0}), {message: /options\.maxBytes/})
})

// Shared SRX files.

test('fromSrx loads every shared SRX file, every rule compiled and no message', (t) => {
  // Per file: `<rule>`, `<languagerule>` and `<languagemap>` elements outside XML comments.
  const expected: Record<string, [rules: number, languageRules: number, maps: number]> = {
    'okapi/alternate-default.srx': [980, 11, 11],
    'okapi/defaultSegmentation.srx': [10, 3, 3],
    'okapi/okapi_default_icu4j.srx': [2223, 9, 9],
    'neokapi/okapi.srx': [2823, 14, 14],
    'omegat/defaultRules.srx': [2772, 18, 18],
    'languagetool/segment.srx': [1345, 28, 32]
  }
  t.deepEqual(sharedFiles, Object.keys(expected))
  for (const path of sharedFiles) {
    const {value, messages} = fromSrx(readFileSync(new URL(path, corpus), 'utf8'), {file: path})
    const rules = value.languageRules.reduce((sum, language) => sum + language.rules.length, 0)
    t.deepEqual(messages, [], path)
    t.deepEqual([rules, value.languageRules.length, value.languageMaps.length], expected[path], path)
  }
})

test('sentenceSpans segments Italian with the LanguageTool and Okapi rule sets', (t) => {
  for (const path of ['languagetool/segment.srx', 'okapi/okapi_default_icu4j.srx', 'neokapi/okapi.srx']) {
    const rules = shared(path)
    t.deepEqual(segment('Il Sig. Rossi arriva. Poi parte.', {language: 'it', rules}), ['Il Sig. Rossi arriva.', 'Poi parte.'], path)
    t.is(segment(plain(paragraphs[4]!), {language: 'it', rules}).length, 5, path)
  }
})

test('sentenceSpans segments Italian with the OmegaT rule set, whose IT.* map matches it', (t) => {
  const rules = shared('omegat/defaultRules.srx')
  t.deepEqual(segment('Vedi art. 5 della legge. Poi parte.', {language: 'it', rules}), ['Vedi art. 5 della legge.', 'Poi parte.'])
  // OmegaT's Italian rules have no `Sig.`: its own result, three sentences.
  t.deepEqual(segment('Il Sig. Rossi arriva. Poi parte.', {language: 'it', rules}), ['Il Sig.', 'Rossi arriva.', 'Poi parte.'])
  t.is(segment(plain(paragraphs[4]!), {language: 'it', rules}).length, 5)
})
