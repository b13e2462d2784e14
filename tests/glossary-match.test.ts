import {readFileSync} from 'node:fs'
import test from 'ava'
import {compileTermIndex, fromTbx, italianForms, matchTerms, type Term, type Termbase} from '../pipeline/glossary/index.ts'
import {charTables, high, low, other, space, stop, word} from '../pipeline/glossary/lib/char-tables.ts'

const geopolitics = fromTbx(readFileSync(new URL('../glossary/geopolitics.tbx', import.meta.url), 'utf8')).value!
const seed = readFileSync(new URL('../source/it/putin-xi-alleanza.md', import.meta.url), 'utf8')
const index = compileTermIndex(geopolitics, {language: 'it'})

/** A term for small termbases. */
function term(id: string, text: string, extra: Partial<Term> = {}): Term {
  return {id, text, status: 'preferred', doNotTranslate: false, notes: [], ...extra}
}

/** A termbase of Italian terms, one concept each. */
function termbase(...terms: Term[]): Termbase {
  return {language: 'it', sourceDesc: [], concepts: terms.map((item) => ({id: 'c-' + item.id, notes: [], languages: [{language: 'it', terms: [item]}]}))}
}

/** Matches as `text@start termId`. */
function found(text: string, terms: Termbase = geopolitics, exclude?: Array<{start: number; end: number}>): string[] {
  return matchTerms(text, compileTermIndex(terms, {language: 'it'}), {exclude}).map((match) => `${match.text}@${match.start} ${match.termId}`)
}

test('matchTerms finds every glossary term in the seed, elided and inflected forms included, and nothing else', (t) => {
  // Written from the text: [surface, offset in the file, term, status if not preferred].
  const expected: Array<[string, number, string, string?]> = [
    // line 3: the title
    ['Putin', 2, 'vladimir-putin-it-putin', 'admitted'],
    ['Xi Jinping', 10, 'xi-jinping-it-xi-jinping'],
    ['alleanza', 38, 'alleanza-it-alleanza'],
    ['Russia', 51, 'russia-it-russia'],
    ['Cina', 60, 'cina-it-cina'],
    // line 5: first paragraph
    ['presidente', 89, 'presidente-it-presidente'],
    ['russo', 100, 'russo-it-russo'],
    ['Vladimir Putin', 107, 'vladimir-putin-it-vladimir-putin'],
    ['cinese', 131, 'cinese-it-cinese'],
    ['Xi Jinping', 138, 'xi-jinping-it-xi-jinping'],
    ['Pechino', 170, 'pechino-it-pechino'],
    ['cerimonia di apertura', 198, 'cerimonia-di-apertura-it-cerimonia-di-apertura'],
    ['Olimpiadi Invernali', 226, 'olimpiadi-invernali-it-olimpiadi-invernali'],
    ['cinese', 277, 'cinese-it-cinese'],
    ['delegazioni', 318, 'delegazione-it-delegazione'],
    ['occidentali', 330, 'occidentale-it-occidentale'],
    ['paesi', 410, 'paese-it-paese'],
    ['fronte comune', 423, 'fronte-comune-it-fronte-comune'],
    ['Stati Uniti', 448, 'stati-uniti-it-stati-uniti'],
    ['Ucraina', 506, 'ucraina-it-ucraina'],
    ['vertice', 616, 'vertice-it-vertice'],
    ['leader', 632, 'leader-it-leader'],
    // line 7: the tweet, in English
    ['Russia', 641, 'russia-it-russia'],
    // line 8: Xi and Jinping across a hard break
    ['Xi  \nJinping', 791, 'xi-jinping-it-xi-jinping'],
    // line 9
    ['Putin', 826, 'vladimir-putin-it-putin', 'admitted'],
    // line 14: second paragraph
    ['presidenti', 1003, 'presidente-it-presidente'],
    ['politica estera', 1081, 'politica-estera-it-politica-estera'],
    ['russi', 1102, 'russo-it-russo'],
    ['Pechino', 1137, 'pechino-it-pechino'],
    ['Taiwan', 1149, 'taiwan-it-taiwan'],
    ['cinesi', 1164, 'cinese-it-cinese'],
    ['NATO', 1215, 'nato-it-nato'],
    ['Organizzazione del Trattato Atlantico del Nord', 1225, 'nato-it-organizzazione-del-trattato-atlantico-del-nord', 'admitted'],
    ['Europa', 1276, 'europa-it-europa'],
    ['Fronte comune', 1284, 'fronte-comune-it-fronte-comune'],
    ['Mosca', 1298, 'mosca-it-mosca'],
    ['Pechino', 1306, 'pechino-it-pechino'],
    ['alleanza', 1358, 'alleanza-it-alleanza'],
    ['AKUS', 1376, 'aukus-it-akus', 'deprecated'],
    ['Stati Uniti', 1390, 'stati-uniti-it-stati-uniti'],
    ['Australia', 1403, 'australia-it-australia'],
    ['Regno Unito', 1415, 'regno-unito-it-regno-unito'],
    ['occidentale', 1461, 'occidentale-it-occidentale'],
    ['Oceano Pacifico', 1478, 'oceano-pacifico-it-oceano-pacifico'],
    ['vertice', 1498, 'vertice-it-vertice'],
    ['Pechino', 1509, 'pechino-it-pechino'],
    ['economici', 1565, 'economico-it-economico'],
    ['Xi Jinping', 1586, 'xi-jinping-it-xi-jinping'],
    ['Mosca', 1641, 'mosca-it-mosca'],
    ['sanzioni', 1675, 'sanzione-it-sanzione'],
    ['economiche', 1684, 'economico-it-economico'],
    ['Ucraina', 1723, 'ucraina-it-ucraina'],
    ['Putin', 1739, 'vladimir-putin-it-putin', 'admitted'],
    ['accordo commerciale', 1788, 'accordo-commerciale-it-accordo-commerciale'],
    ['esportazioni', 1833, 'esportazione-it-esportazione'],
    ['russo', 1853, 'russo-it-russo'],
    ['asiatico', 1876, 'asiatico-it-asiatico'],
    // line 16: third paragraph
    ['politica estera', 1892, 'politica-estera-it-politica-estera'],
    ['Stati Uniti', 1914, 'stati-uniti-it-stati-uniti'],
    ['Mosca', 1971, 'mosca-it-mosca'],
    ['Pechino', 1979, 'pechino-it-pechino'],
    ['potenze', 2009, 'potenza-it-potenza'],
    ['alleanza', 2129, 'alleanza-it-alleanza'],
    ['Washington', 2177, 'washington-it-washington'],
    ['alleati', 2197, 'alleato-it-alleato'],
    ['Russia', 2218, 'russia-it-russia'],
    ['Cina', 2227, 'cina-it-cina'],
    ['Ucraina', 2293, 'ucraina-it-ucraina'],
    ['Pechino', 2313, 'pechino-it-pechino'],
    ['invasione', 2373, 'invasione-it-invasione'],
    ['russa', 2383, 'russo-it-russo'],
    ['Mosca', 2408, 'mosca-it-mosca'],
    ['economica', 2477, 'economico-it-economico'],
    ['Pechino', 2490, 'pechino-it-pechino'],
    ['repubbliche sovietiche', 2507, 'repubblica-sovietica-it-repubblica-sovietica'],
    ['Asia centrale', 2535, 'asia-centrale-it-asia-centrale'],
    // line 18: the title again, repeated mid-sentence
    ['Putin', 2590, 'vladimir-putin-it-putin', 'admitted'],
    ['Xi Jinping', 2598, 'xi-jinping-it-xi-jinping'],
    ['alleanza', 2626, 'alleanza-it-alleanza'],
    ['Russia', 2639, 'russia-it-russia'],
    ['Cina', 2648, 'cina-it-cina'],
    // line 20: last paragraph
    ['Cremlino', 2654, 'cremlino-it-cremlino'],
    ['alleati', 2789, 'alleato-it-alleato'],
    ['Washington', 2800, 'washington-it-washington'],
    ['economico', 2820, 'economico-it-economico'],
    ['Pechino', 2833, 'pechino-it-pechino'],
    ['paesi', 2895, 'paese-it-paese'],
    ['europei', 2901, 'europeo-it-europeo'],
    ['Medio orientali', 2911, 'mediorientale-it-medio-orientale-two-words', 'deprecated'],
    ['alleati', 2927, 'alleato-it-alleato'],
    ['americani', 2941, 'statunitense-it-americano', 'admitted'],
    ['paesi', 2963, 'paese-it-paese'],
    ['Europa occidentale', 2974, 'europa-occidentale-it-europa-occidentale'],
    ['Russia', 3059, 'russia-it-russia'],
    ['energia', 3090, 'energia-it-energia']
  ]
  // The list itself is right: each surface is in the seed at its offset.
  for (const [surface, offset] of expected) t.is(seed.slice(offset, offset + surface.length), surface, `${surface}@${offset}`)
  const actual = matchTerms(seed, index).map((match) => {
    const row: [string, number, string, string?] = [match.text, match.start, match.termId]
    if (match.status !== 'preferred') row.push(match.status)
    t.is(match.end, match.start + match.text.length)
    return row
  })
  t.deepEqual(actual, expected)
  t.is(actual.filter(([surface]) => surface === 'Stati Uniti').length, 3)
  t.deepEqual(
    actual.filter(([, , , status]) => status === 'deprecated').map(([surface]) => surface),
    ['AKUS', 'Medio orientali']
  )
})

test('italianForms inflects nouns by gender and ending', (t) => {
  const noun = (text: string, gender?: 'masculine' | 'feminine') => italianForms(term('x', text, {partOfSpeech: 'noun', ...(gender ? {gender} : {})}))
  t.deepEqual(noun('alleanza', 'feminine'), ['alleanza', 'alleanze'])
  t.deepEqual(noun('sanzione', 'feminine'), ['sanzione', 'sanzioni'])
  t.deepEqual(noun('alleato', 'masculine'), ['alleato', 'alleati'])
  t.deepEqual(noun('repubblica sovietica', 'feminine'), ['repubblica sovietica', 'repubbliche sovietiche'])
  t.deepEqual(noun('accordo commerciale', 'masculine'), ['accordo commerciale', 'accordi commerciali'])
  t.deepEqual(noun('cerimonia di apertura', 'feminine'), ['cerimonia di apertura', 'cerimonie di apertura'])
  t.deepEqual(noun("sfera d'influenza", 'feminine'), ["sfera d'influenza", "sfere d'influenza"])
  t.deepEqual(noun('provincia', 'feminine'), ['provincia', 'province'])
  t.deepEqual(noun('camicia', 'feminine'), ['camicia', 'camicie'])
  t.deepEqual(noun('problema', 'masculine'), ['problema', 'problemi'])
  t.deepEqual(noun('monarca', 'masculine'), ['monarca', 'monarchi'])
  t.deepEqual(noun('parco', 'masculine'), ['parco', 'parchi'])
  t.deepEqual(noun('politico', 'masculine'), ['politico', 'politici'])
  t.deepEqual(noun('amico', 'masculine'), ['amico', 'amici'])
  t.deepEqual(noun('dialogo', 'masculine'), ['dialogo', 'dialoghi'])
  t.deepEqual(noun('politologo', 'masculine'), ['politologo', 'politologi'])
  t.deepEqual(noun('consiglio', 'masculine'), ['consiglio', 'consigli'])
  t.deepEqual(noun('zio', 'masculine'), ['zio', 'zii'])
  t.deepEqual(noun('vertice'), ['vertice', 'vertici'])
  t.deepEqual(noun('potenza'), ['potenza', 'potenze'])
  // Invariable: a final consonant, an accented vowel, -i, -ie.
  for (const word of ['leader', 'gas', 'città', 'crisi', 'specie']) t.deepEqual(noun(word), [word])
})

test('italianForms gives adjectives both genders and numbers', (t) => {
  const adjective = (text: string) => italianForms(term('x', text, {partOfSpeech: 'adjective'}))
  t.deepEqual(adjective('russo'), ['russo', 'russa', 'russi', 'russe'])
  t.deepEqual(adjective('asiatico'), ['asiatico', 'asiatica', 'asiatici', 'asiatiche'])
  t.deepEqual(adjective('europeo'), ['europeo', 'europea', 'europei', 'europee'])
  t.deepEqual(adjective('occidentale'), ['occidentale', 'occidentali'])
  t.deepEqual(adjective('medio orientale'), ['medio orientale', 'medio orientali'])
  t.deepEqual(adjective('ottimista'), ['ottimista', 'ottimisti', 'ottimiste'])
})

test('italianForms keeps names, acronyms, do-not-translate and plural terms as written', (t) => {
  t.deepEqual(italianForms(term('x', 'Stati Uniti', {partOfSpeech: 'noun', gender: 'masculine'})), ['Stati Uniti'])
  t.deepEqual(italianForms(term('x', 'Asia centrale', {partOfSpeech: 'noun', gender: 'feminine'})), ['Asia centrale'])
  t.deepEqual(italianForms(term('x', 'AUKUS', {partOfSpeech: 'noun'})), ['AUKUS'])
  t.deepEqual(italianForms(term('x', 'forze armate', {partOfSpeech: 'noun', gender: 'feminine', number: 'plural'})), ['forze armate'])
  t.deepEqual(italianForms(term('x', 'ue', {partOfSpeech: 'noun', termType: 'acronym'})), ['ue'])
  t.deepEqual(italianForms(term('x', 'export', {partOfSpeech: 'noun', doNotTranslate: true})), ['export'])
  t.deepEqual(italianForms(term('x', 'sancire', {partOfSpeech: 'verb'})), ['sancire'])
})

test('matchTerms starts a match after an elided article or preposition, with either apostrophe', (t) => {
  t.deepEqual(found("l'AUKUS, dell'AUKUS, nell’Alleanza, all'Ucraina, d'Europa, un’alleanza, d'energia"), [
    'AUKUS@2 aukus-it-aukus',
    'AUKUS@14 aukus-it-aukus',
    'Alleanza@26 alleanza-it-alleanza',
    'Ucraina@40 ucraina-it-ucraina',
    'Europa@51 europa-it-europa',
    'alleanza@62 alleanza-it-alleanza',
    'energia@74 energia-it-energia'
  ])
})

test('matchTerms finds inflected forms of nouns, adjectives and multi-word terms', (t) => {
  t.deepEqual(found('le alleanze, due sanzioni, le ex repubbliche sovietiche, gli alleati occidentali, politiche estere'), [
    'alleanze@3 alleanza-it-alleanza',
    'sanzioni@17 sanzione-it-sanzione',
    'repubbliche sovietiche@33 repubblica-sovietica-it-repubblica-sovietica',
    'alleati@61 alleato-it-alleato',
    'occidentali@69 occidentale-it-occidentale',
    'politiche estere@82 politica-estera-it-politica-estera'
  ])
})

test('matchTerms prefers the longest term at a start', (t) => {
  t.deepEqual(found("Vladimir Putin e Putin; l'Europa occidentale e l'Europa; lo stretto di Taiwan e Taiwan"), [
    'Vladimir Putin@0 vladimir-putin-it-vladimir-putin',
    'Putin@17 vladimir-putin-it-putin',
    'Europa occidentale@26 europa-occidentale-it-europa-occidentale',
    'Europa@49 europa-it-europa',
    'stretto di Taiwan@60 stretto-di-taiwan-it-stretto-di-taiwan',
    'Taiwan@80 taiwan-it-taiwan'
  ])
})

test('matchTerms never matches inside a word', (t) => {
  t.deepEqual(found('Europass, AUKUSx, xAUKUS, NATO2, economicamente, paesistico, Cremlinologia, ipervertice'), [])
  t.deepEqual(found('AUKUS. (NATO) «Russia» Cina-Taiwan'), [
    'AUKUS@0 aukus-it-aukus',
    'NATO@8 nato-it-nato',
    'Russia@15 russia-it-russia',
    'Cina@23 cina-it-cina',
    'Taiwan@28 taiwan-it-taiwan'
  ])
})

test('matchTerms requires the capitals a term is written with, and ignores case elsewhere', (t) => {
  // `mosca` is a fly, `nato` is born: names and acronyms keep their capitals.
  t.deepEqual(found('una mosca, è nato, aukus, stati uniti, russia'), [])
  t.deepEqual(found('Mosca, NATO, Stati Uniti, STATI UNITI, Alleanza, ALLEANZA, Oceano Pacifico, oceano Pacifico'), [
    'Mosca@0 mosca-it-mosca',
    'NATO@7 nato-it-nato',
    'Stati Uniti@13 stati-uniti-it-stati-uniti',
    'STATI UNITI@26 stati-uniti-it-stati-uniti',
    'Alleanza@39 alleanza-it-alleanza',
    'ALLEANZA@49 alleanza-it-alleanza',
    'Oceano Pacifico@59 oceano-pacifico-it-oceano-pacifico',
    'oceano Pacifico@76 oceano-pacifico-it-oceano-pacifico'
  ])
})

test('matchTerms matches a multi-word term across any white space, never across a placeholder', (t) => {
  t.deepEqual(found('gli Stati\n  Uniti, gli Stati\u00A0Uniti'), ['Stati\n  Uniti@4 stati-uniti-it-stati-uniti', 'Stati\u00A0Uniti@23 stati-uniti-it-stati-uniti'])
  t.deepEqual(found('gli Stati \uFFFCUniti\uFFFC'), [])
  t.deepEqual(found('\uFFFCNATO\uFFFC e \uFFFCAUKUS\uFFFC'), ['NATO@1 nato-it-nato', 'AUKUS@10 aukus-it-aukus'])
})

test('matchTerms leaves out excluded ranges, which end words like a placeholder', (t) => {
  const text = 'NATO `NATO` https://example.com/NATO e la NATO'
  t.deepEqual(found(text, geopolitics, [{start: 5, end: 11}, {start: 12, end: 36}]), ['NATO@0 nato-it-nato', 'NATO@42 nato-it-nato'])
  // Overlapping and unsorted ranges are fine.
  t.deepEqual(found(text, geopolitics, [{start: 12, end: 36}, {start: 5, end: 11}, {start: 8, end: 20}]), ['NATO@0 nato-it-nato', 'NATO@42 nato-it-nato'])
  t.deepEqual(found('xxNATO', geopolitics, [{start: 0, end: 2}]), ['NATO@2 nato-it-nato'])
  t.throws(() => matchTerms('', index, {exclude: [{start: 3, end: 1}]}), {message: 'Cannot use `{"start":3,"end":1}` in `options.exclude`, expected `{start, end}` with start <= end'})
})

test('matchTerms reports deprecated variants and homonyms', (t) => {
  const [akus] = matchTerms("l'alleanza AKUS", index).slice(1)
  t.deepEqual(akus, {start: 11, end: 15, conceptId: 'aukus', termId: 'aukus-it-akus', text: 'AKUS', status: 'deprecated'})
  const terms = termbase(term('georgia-country', 'Georgia', {partOfSpeech: 'noun'}), term('georgia-state', 'Georgia', {partOfSpeech: 'noun', status: 'admitted'}))
  t.deepEqual(matchTerms('la Georgia', compileTermIndex(terms, {language: 'it'})), [
    {
      start: 3,
      end: 10,
      conceptId: 'c-georgia-country',
      termId: 'georgia-country',
      text: 'Georgia',
      status: 'preferred',
      alternatives: [{conceptId: 'c-georgia-state', termId: 'georgia-state', status: 'admitted'}]
    }
  ])
})

test('matchTerms matches text in decomposed form (NFD) and typographic hyphens', (t) => {
  const terms = termbase(term('cit', 'città', {partOfSpeech: 'noun', gender: 'feminine'}), term('ip', 'Indo-Pacifico', {partOfSpeech: 'noun'}))
  t.deepEqual(found('la citta\u0300 e l’Indo\u2011Pacifico', terms), ['citta\u0300@3 cit', 'Indo\u2011Pacifico@14 ip'])
})

test('compileTermIndex takes the terms of one language, regional tags included, and other forms on request', (t) => {
  const terms: Termbase = {
    language: 'it',
    sourceDesc: [],
    concepts: [{id: 'nato', notes: [], languages: [{language: 'it-CH', terms: [term('a', 'NATO')]}, {language: 'en', terms: [term('b', 'alliance', {partOfSpeech: 'noun'})]}]}]
  }
  t.is(compileTermIndex(terms, {language: 'it'}).terms, 1)
  const english = compileTermIndex(terms, {language: 'en'})
  t.deepEqual(matchTerms('alliances and alliance', english).map((match) => match.start), [0, 14])
  const asWritten = compileTermIndex(terms, {language: 'en', forms: (item) => [item.text]})
  t.deepEqual(matchTerms('alliances and alliance', asWritten).map((match) => match.start), [14])
  t.throws(() => compileTermIndex(terms, {language: ''}), {message: 'Cannot compile terms without `options.language`, expected a BCP 47 tag such as `it`'})
  t.throws(() => matchTerms('x', english, {language: 'it'}), {message: 'Cannot match `it` text with terms compiled for `en`, expected the same language'})
  t.deepEqual(matchTerms('alliance', english, {language: 'en-GB'}).length, 1)
})

test('matchTerms finds a 200-word term at the end of a 20,000-word run of its prefixes, and nothing before it', (t) => {
  // A termbase made to make walks long: every prefix of a long run of `a `.
  const terms = termbase(...Array.from({length: 200}, (_, index) => term('a' + index, 'a '.repeat(index + 1).trim() + ' b')))
  const compiled = compileTermIndex(terms, {language: 'it'})
  const text = 'a '.repeat(20_000)
  // Each walk is bounded by the longest term (200 words), not by the text; the
  // time is not asserted here (speed is measured in `npm run bench`).
  t.deepEqual(matchTerms(text, compiled), [])
  t.deepEqual(matchTerms(text + 'b', compiled).map((match) => match.start), [39_600])
})

test('charTables gives every code unit the class, fold and capital of testing it on its own', (t) => {
  const tables = charTables()
  const wordPattern = /[\p{L}\p{M}\p{N}]/u
  const spacePattern = /\s/u
  const upperPattern = /[\p{Lu}\p{Lt}]/u
  const wrong: string[] = []
  for (let code = 0; code < 65_536; code++) {
    const surrogate = code >= 0xd8_00 && code <= 0xdf_ff
    const character = String.fromCharCode(code)
    const lower = character.toLowerCase()
    let fold = surrogate || lower.length !== 1 ? code : lower.charCodeAt(0)
    let kind = surrogate ? (code < 0xdc_00 ? high : low) : code === 0xff_fc ? stop : wordPattern.test(character) ? word : spacePattern.test(character) ? space : other
    if (kind === space) fold = 32
    if (code === 0x20_19 || code === 0x02_bc) fold = 39
    if (code === 0x20_10 || code === 0x20_11) fold = 45
    if (code === 0x02_bc) kind = other
    const capital = !surrogate && upperPattern.test(character) ? 1 : 0
    if (tables.kind[code] !== kind || tables.fold[code] !== fold || tables.upper[code] !== capital || tables.info[code] !== ((fold << 3) | kind)) wrong.push(code.toString(16))
  }
  t.deepEqual(wrong, [])
  // Titlecase capitals, capitals that are no letters (Ⓐ, Ⅻ) and a capital whose lowercase is two code units (İ).
  t.deepEqual([0x01_c5, 0x24_b6, 0x21_6b, 0x01_30].map((code) => [tables.upper[code], tables.fold[code]]), [[1, 0x01_c6], [0, 0x24_d0], [0, 0x21_7b], [1, 0x01_30]])
})
