import {readFileSync} from 'node:fs'
import test from 'ava'
import {
  catalanForms,
  compileTermIndex,
  englishForms,
  frenchForms,
  fromTbx,
  italianForms,
  matchTerms,
  spanishForms,
  termForms,
  type Term
} from '../pipeline/glossary/index.ts'

const geopolitics = fromTbx(readFileSync(new URL('../glossary/geopolitics.tbx', import.meta.url), 'utf8')).value!

/** A term for rule tests. */
function term(text: string, extra: Partial<Term> = {}): Term {
  return {id: 'x', text, status: 'preferred', doNotTranslate: false, notes: [], ...extra}
}

/** Forms of a term of geopolitics.tbx, found by language and text, with that language's rules. */
function real(language: string, text: string): string[] {
  for (const concept of geopolitics.concepts) {
    for (const section of concept.languages) {
      const found = section.language === language ? section.terms.find((item) => item.text === text) : undefined
      if (found) return termForms(language)(found)
    }
  }

  throw new Error('No `' + language + '` term `' + text + '` in geopolitics.tbx')
}

/** Forms of a noun (gender optional). */
function noun(forms: (term: Term) => string[], text: string, gender?: 'masculine' | 'feminine'): string[] {
  return forms(term(text, {partOfSpeech: 'noun', ...(gender ? {gender} : {})}))
}

/** Forms of an adjective. */
function adjective(forms: (term: Term) => string[], text: string): string[] {
  return forms(term(text, {partOfSpeech: 'adjective'}))
}

test('englishForms pluralizes the nouns of geopolitics.tbx on their head', (t) => {
  t.deepEqual(real('en', 'sanction'), ['sanction', 'sanctions'])
  t.deepEqual(real('en', 'alliance'), ['alliance', 'alliances'])
  t.deepEqual(real('en', 'country'), ['country', 'countries'])
  t.deepEqual(real('en', 'ally'), ['ally', 'allies'])
  t.deepEqual(real('en', 'energy'), ['energy', 'energies'])
  t.deepEqual(real('en', 'natural gas'), ['natural gas', 'natural gases'])
  t.deepEqual(real('en', 'foreign policy'), ['foreign policy', 'foreign policies'])
  t.deepEqual(real('en', 'opening ceremony'), ['opening ceremony', 'opening ceremonies'])
  t.deepEqual(real('en', 'sphere of influence'), ['sphere of influence', 'spheres of influence'])
  t.deepEqual(real('en', 'nuclear-powered submarine'), ['nuclear-powered submarine', 'nuclear-powered submarines'])
  t.deepEqual(real('en', 'Soviet republic'), ['Soviet republic', 'Soviet republics'])
  // A capital head is a name; adjectives, acronyms, DNT and plural terms are kept.
  for (const text of ['Cold War', 'Kremlin', 'Beijing', 'the Ukraine', "People's Republic of China", 'United Kingdom of Great Britain and Northern Ireland', 'West']) {
    t.deepEqual(real('en', text), [text])
  }

  // A nationality adjective is also the noun for its people: `the Russians`, `the Americans` (not `Chinese`).
  t.deepEqual(real('en', 'Russian'), ['Russian', 'Russians'])
  t.deepEqual(real('en', 'American'), ['American', 'Americans'])
  for (const text of ['economic', 'Chinese', 'Middle Eastern', 'NATO', 'AUKUS', 'US', 'USA', 'EU', 'Nord Stream 2', 'United States', 'armed forces', 'Winter Olympics']) {
    t.deepEqual(real('en', text), [text])
  }
})

test('englishForms follows the spelling rules of the plural', (t) => {
  t.deepEqual(noun(englishForms, 'box'), ['box', 'boxes'])
  t.deepEqual(noun(englishForms, 'bus'), ['bus', 'buses'])
  t.deepEqual(noun(englishForms, 'buzz'), ['buzz', 'buzzes'])
  t.deepEqual(noun(englishForms, 'church'), ['church', 'churches'])
  t.deepEqual(noun(englishForms, 'bush'), ['bush', 'bushes'])
  t.deepEqual(noun(englishForms, 'day'), ['day', 'days'])
  t.deepEqual(noun(englishForms, 'crisis'), ['crisis', 'crises'])
  t.deepEqual(noun(englishForms, 'chief'), ['chief', 'chiefs'])
  t.deepEqual(noun(englishForms, 'housewife'), ['housewife', 'housewives'])
  t.deepEqual(noun(englishForms, 'chairman'), ['chairman', 'chairmen'])
  t.deepEqual(noun(englishForms, 'human'), ['human', 'humans'])
  t.deepEqual(noun(englishForms, 'grandchild'), ['grandchild', 'grandchildren'])
  t.deepEqual(noun(englishForms, 'commander-in-chief'), ['commander-in-chief', 'commanders-in-chief'])
  t.deepEqual(noun(englishForms, 'lay-off'), ['lay-off', 'lay-offs'])
  t.deepEqual(noun(englishForms, 'NATO summit'), ['NATO summit', 'NATO summits'])
  // No part of speech counts as a noun; a head not ending in a letter is kept.
  t.deepEqual(englishForms(term('summit')), ['summit', 'summits'])
  t.deepEqual(noun(englishForms, 'summit 2'), ['summit 2'])
})

test('spanishForms inflects the terms of geopolitics.tbx', (t) => {
  t.deepEqual(real('es', 'sanción'), ['sanción', 'sanciones'])
  t.deepEqual(real('es', 'país'), ['país', 'países'])
  t.deepEqual(real('es', 'líder'), ['líder', 'líderes'])
  t.deepEqual(real('es', 'cumbre'), ['cumbre', 'cumbres'])
  t.deepEqual(real('es', 'frente común'), ['frente común', 'frentes comunes'])
  t.deepEqual(real('es', 'gas natural'), ['gas natural', 'gases naturales'])
  t.deepEqual(real('es', 'política exterior'), ['política exterior', 'políticas exteriores'])
  t.deepEqual(real('es', 'república soviética'), ['república soviética', 'repúblicas soviéticas'])
  t.deepEqual(real('es', 'ceremonia de apertura'), ['ceremonia de apertura', 'ceremonias de apertura'])
  t.deepEqual(real('es', 'submarino de propulsión nuclear'), ['submarino de propulsión nuclear', 'submarinos de propulsión nuclear'])
  t.deepEqual(real('es', 'mar de la China Meridional'), ['mar de la China Meridional', 'mares de la China Meridional'])
  t.deepEqual(real('es', 'océano Pacífico'), ['océano Pacífico', 'océanos Pacífico'])
  t.deepEqual(real('es', 'ruso'), ['ruso', 'rusa', 'rusos', 'rusas'])
  t.deepEqual(real('es', 'económico'), ['económico', 'económica', 'económicos', 'económicas'])
  t.deepEqual(real('es', 'occidental'), ['occidental', 'occidentales'])
  t.deepEqual(real('es', 'estadounidense'), ['estadounidense', 'estadounidenses'])
  for (const text of ['Organización del Tratado del Atlántico Norte', 'Guerra Fría', 'Pekín', 'OTAN', 'AUKUS', 'EE. UU.', 'Estados Unidos', 'fuerzas armadas', 'de Oriente Medio']) {
    t.deepEqual(real('es', text), [text])
  }
})

test('spanishForms follows the spelling rules of the plural and the feminine', (t) => {
  t.deepEqual(noun(spanishForms, 'sofá'), ['sofá', 'sofás'])
  t.deepEqual(noun(spanishForms, 'café'), ['café', 'cafés'])
  t.deepEqual(noun(spanishForms, 'tabú'), ['tabú', 'tabúes', 'tabús'])
  t.deepEqual(noun(spanishForms, 'luz'), ['luz', 'luces'])
  t.deepEqual(noun(spanishForms, 'ley'), ['ley', 'leyes'])
  t.deepEqual(noun(spanishForms, 'mes'), ['mes', 'meses'])
  t.deepEqual(noun(spanishForms, 'autobús'), ['autobús', 'autobuses'])
  t.deepEqual(noun(spanishForms, 'examen'), ['examen', 'exámenes'])
  t.deepEqual(noun(spanishForms, 'joven'), ['joven', 'jóvenes'])
  t.deepEqual(noun(spanishForms, 'guion'), ['guion', 'guiones'])
  t.deepEqual(noun(spanishForms, 'régimen'), ['régimen', 'regímenes'])
  t.deepEqual(noun(spanishForms, 'déficit'), ['déficit', 'déficits'])
  t.deepEqual(noun(spanishForms, 'sándwich'), ['sándwich', 'sándwiches'])
  for (const word of ['crisis', 'tórax', 'caos']) t.deepEqual(noun(spanishForms, word), [word])
  t.deepEqual(adjective(spanishForms, 'alemán'), ['alemán', 'alemana', 'alemanes', 'alemanas'])
  t.deepEqual(adjective(spanishForms, 'inglés'), ['inglés', 'inglesa', 'ingleses', 'inglesas'])
  t.deepEqual(adjective(spanishForms, 'trabajador'), ['trabajador', 'trabajadora', 'trabajadores', 'trabajadoras'])
  t.deepEqual(adjective(spanishForms, 'exterior'), ['exterior', 'exteriores'])
  t.deepEqual(adjective(spanishForms, 'marroquí'), ['marroquí', 'marroquíes', 'marroquís'])
  t.deepEqual(adjective(spanishForms, 'socialista'), ['socialista', 'socialistas'])
  t.deepEqual(adjective(spanishForms, 'franco-alemán'), ['franco-alemán', 'franco-alemana', 'franco-alemanes', 'franco-alemanas'])
  t.deepEqual(adjective(spanishForms, 'de oriente medio'), ['de oriente medio'])
  // Agreeing alternatives go together.
  t.deepEqual(noun(spanishForms, 'pueblo marroquí'), ['pueblo marroquí', 'pueblos marroquíes', 'pueblos marroquís'])
})

test('frenchForms inflects the terms of geopolitics.tbx', (t) => {
  t.deepEqual(real('fr', 'sanction'), ['sanction', 'sanctions'])
  t.deepEqual(real('fr', 'alliance'), ['alliance', 'alliances'])
  t.deepEqual(real('fr', 'cérémonie d\'ouverture'), ["cérémonie d'ouverture", "cérémonies d'ouverture"])
  t.deepEqual(real('fr', 'sous-marin nucléaire'), ['sous-marin nucléaire', 'sous-marins nucléaires'])
  t.deepEqual(real('fr', 'sous-marin à propulsion nucléaire'), ['sous-marin à propulsion nucléaire', 'sous-marins à propulsion nucléaire'])
  t.deepEqual(real('fr', 'accord commercial'), ['accord commercial', 'accords commerciaux'])
  t.deepEqual(real('fr', 'gaz naturel'), ['gaz naturel', 'gaz naturels'])
  t.deepEqual(real('fr', 'guerre froide'), ['guerre froide', 'guerres froides'])
  t.deepEqual(real('fr', 'mer de Chine méridionale'), ['mer de Chine méridionale', 'mers de Chine méridionale'])
  t.deepEqual(real('fr', 'pays'), ['pays'])
  t.deepEqual(real('fr', 'économique'), ['économique', 'économiques'])
  t.deepEqual(real('fr', 'chinois'), ['chinois', 'chinoise', 'chinoises'])
  t.deepEqual(real('fr', 'européen'), ['européen', 'européenne', 'européens', 'européennes'])
  t.deepEqual(real('fr', 'américain'), ['américain', 'américaine', 'américains', 'américaines'])
  t.deepEqual(real('fr', 'occidental'), ['occidental', 'occidentale', 'occidentaux', 'occidentales'])
  t.deepEqual(real('fr', 'moyen-oriental'), ['moyen-oriental', 'moyen-orientale', 'moyen-orientaux', 'moyen-orientales'])
  t.deepEqual(real('fr', 'russe'), ['russe', 'russes'])
  for (const text of ['Union européenne', 'Alliance atlantique', 'Maison-Blanche', 'États-Unis', 'forces armées', 'OTAN', 'ONU', 'Nord Stream 2']) {
    t.deepEqual(real('fr', text), [text])
  }
})

test('frenchForms follows the spelling rules of the plural and the feminine', (t) => {
  t.deepEqual(noun(frenchForms, 'prix'), ['prix'])
  t.deepEqual(noun(frenchForms, 'nez'), ['nez'])
  t.deepEqual(noun(frenchForms, 'bateau'), ['bateau', 'bateaux'])
  t.deepEqual(noun(frenchForms, 'tuyau'), ['tuyau', 'tuyaux'])
  t.deepEqual(noun(frenchForms, 'jeu'), ['jeu', 'jeux'])
  t.deepEqual(noun(frenchForms, 'pneu'), ['pneu', 'pneus'])
  t.deepEqual(noun(frenchForms, 'journal'), ['journal', 'journaux'])
  t.deepEqual(noun(frenchForms, 'festival'), ['festival', 'festivals'])
  t.deepEqual(noun(frenchForms, 'travail'), ['travail', 'travaux'])
  t.deepEqual(noun(frenchForms, "chef-d'œuvre"), ["chef-d'œuvre", "chefs-d'œuvre"])
  t.deepEqual(noun(frenchForms, 'arc-en-ciel'), ['arc-en-ciel', 'arcs-en-ciel'])
  t.deepEqual(adjective(frenchForms, 'breton'), ['breton', 'bretonne', 'bretons', 'bretonnes'])
  t.deepEqual(adjective(frenchForms, 'naturel'), ['naturel', 'naturelle', 'naturels', 'naturelles'])
  t.deepEqual(adjective(frenchForms, 'étranger'), ['étranger', 'étrangère', 'étrangers', 'étrangères'])
  t.deepEqual(adjective(frenchForms, 'défensif'), ['défensif', 'défensive', 'défensifs', 'défensives'])
  t.deepEqual(adjective(frenchForms, 'dangereux'), ['dangereux', 'dangereuse', 'dangereuses'])
  t.deepEqual(adjective(frenchForms, 'public'), ['public', 'publique', 'publics', 'publiques'])
  t.deepEqual(adjective(frenchForms, 'conservateur'), ['conservateur', 'conservatrice', 'conservateurs', 'conservatrices'])
  t.deepEqual(adjective(frenchForms, 'extérieur'), ['extérieur', 'extérieure', 'extérieurs', 'extérieures'])
  t.deepEqual(adjective(frenchForms, 'menteur'), ['menteur', 'menteuse', 'menteurs', 'menteuses'])
  t.deepEqual(adjective(frenchForms, 'nouveau'), ['nouveau', 'nouvelle', 'nouveaux', 'nouvelles'])
  t.deepEqual(adjective(frenchForms, 'naval'), ['naval', 'navale', 'navals', 'navales'])
})

test('catalanForms inflects the terms of geopolitics.tbx', (t) => {
  t.deepEqual(real('ca', 'sanció'), ['sanció', 'sancions'])
  t.deepEqual(real('ca', 'aliança'), ['aliança', 'aliances'])
  t.deepEqual(real('ca', 'cimera'), ['cimera', 'cimeres'])
  t.deepEqual(real('ca', 'país'), ['país', 'països'])
  t.deepEqual(real('ca', 'líder'), ['líder', 'líders'])
  t.deepEqual(real('ca', 'gasoducte'), ['gasoducte', 'gasoductes'])
  t.deepEqual(real('ca', 'política exterior'), ['política exterior', 'polítiques exteriors'])
  t.deepEqual(real('ca', 'república soviètica'), ['república soviètica', 'repúbliques soviètiques'])
  t.deepEqual(real('ca', 'front comú'), ['front comú', 'fronts comuns'])
  t.deepEqual(real('ca', 'gas natural'), ['gas natural', 'gasos naturals'])
  t.deepEqual(real('ca', 'submarí nuclear'), ['submarí nuclear', 'submarins nuclears'])
  t.deepEqual(real('ca', "cerimònia d'obertura"), ["cerimònia d'obertura", "cerimònies d'obertura"])
  t.deepEqual(real('ca', 'oceà Pacífic'), ['oceà Pacífic', 'oceans Pacífic'])
  t.deepEqual(real('ca', 'rus'), ['rus', 'russa', 'russos', 'russes'])
  t.deepEqual(real('ca', 'xinès'), ['xinès', 'xinesa', 'xinesos', 'xineses'])
  t.deepEqual(real('ca', 'europeu'), ['europeu', 'europea', 'europeus', 'europees'])
  t.deepEqual(real('ca', 'econòmic'), ['econòmic', 'econòmica', 'econòmics', 'econòmiques'])
  t.deepEqual(real('ca', 'estatunidenc'), ['estatunidenc', 'estatunidenca', 'estatunidencs', 'estatunidenques'])
  t.deepEqual(real('ca', 'americà'), ['americà', 'americana', 'americans', 'americanes'])
  t.deepEqual(real('ca', 'nord-americà'), ['nord-americà', 'nord-americana', 'nord-americans', 'nord-americanes'])
  t.deepEqual(real('ca', 'occidental'), ['occidental', 'occidentals'])
  for (const text of ['Federació Russa', 'Guerra Freda', "de l'Orient Mitjà", 'Estats Units', 'EUA', 'forces armades', 'URSS', 'Kíiv']) {
    t.deepEqual(real('ca', text), [text])
  }
})

test('catalanForms follows the spelling rules of the plural and the feminine', (t) => {
  t.deepEqual(noun(catalanForms, 'vaca'), ['vaca', 'vaques'])
  t.deepEqual(noun(catalanForms, 'botiga'), ['botiga', 'botigues'])
  t.deepEqual(noun(catalanForms, 'plaça'), ['plaça', 'places'])
  t.deepEqual(noun(catalanForms, 'platja'), ['platja', 'platges'])
  t.deepEqual(noun(catalanForms, 'pasqua'), ['pasqua', 'pasqües'])
  t.deepEqual(noun(catalanForms, 'llengua'), ['llengua', 'llengües'])
  t.deepEqual(noun(catalanForms, 'veí'), ['veí', 'veïns'])
  t.deepEqual(noun(catalanForms, 'braç', 'masculine'), ['braç', 'braços'])
  t.deepEqual(noun(catalanForms, 'peix', 'masculine'), ['peix', 'peixos'])
  t.deepEqual(noun(catalanForms, 'despatx', 'masculine'), ['despatx', 'despatxos'])
  t.deepEqual(noun(catalanForms, 'passeig'), ['passeig', 'passeigs', 'passejos'])
  t.deepEqual(noun(catalanForms, 'desig'), ['desig', 'desigs', 'desitjos'])
  t.deepEqual(noun(catalanForms, 'text'), ['text', 'texts', 'textos'])
  t.deepEqual(noun(catalanForms, 'gos', 'masculine'), ['gos', 'gossos'])
  t.deepEqual(noun(catalanForms, 'mes', 'masculine'), ['mes', 'mesos'])
  t.deepEqual(noun(catalanForms, 'curs', 'masculine'), ['curs', 'cursos'])
  for (const word of ['llapis', 'dilluns', 'virus']) t.deepEqual(noun(catalanForms, word), [word])
  t.deepEqual(adjective(catalanForms, 'capaç'), ['capaç', 'capaços', 'capaces'])
  t.deepEqual(adjective(catalanForms, 'roig'), ['roig', 'roja', 'roigs', 'rojos', 'roges'])
  t.deepEqual(adjective(catalanForms, 'privat'), ['privat', 'privada', 'privats', 'privades'])
  t.deepEqual(adjective(catalanForms, 'petit'), ['petit', 'petita', 'petits', 'petites'])
  t.deepEqual(adjective(catalanForms, 'famós'), ['famós', 'famosa', 'famosos', 'famoses'])
  t.deepEqual(adjective(catalanForms, 'marroquí'), ['marroquí', 'marroquina', 'marroquins', 'marroquines'])
  t.deepEqual(adjective(catalanForms, 'important'), ['important', 'importants'])
  t.deepEqual(adjective(catalanForms, 'major'), ['major', 'majors'])
  t.deepEqual(adjective(catalanForms, 'jove'), ['jove', 'joves'])
  // The head's gender picks the plural of an agreeing word invariable in gender.
  t.deepEqual(noun(catalanForms, 'acord capaç', 'masculine'), ['acord capaç', 'acords capaços'])
  t.deepEqual(noun(catalanForms, 'aliança capaç', 'feminine'), ['aliança capaç', 'aliances capaces'])
})

test('forms keep names, do-not-translate terms, acronyms, abbreviations, plural terms and other parts of speech as written', (t) => {
  for (const forms of [englishForms, spanishForms, frenchForms, catalanForms]) {
    t.deepEqual(forms(term('sanction', {doNotTranslate: true})), ['sanction'])
    t.deepEqual(forms(term('sanction', {termType: 'acronym'})), ['sanction'])
    t.deepEqual(forms(term('sanction', {termType: 'abbreviation'})), ['sanction'])
    t.deepEqual(forms(term('sanction', {number: 'plural'})), ['sanction'])
    t.deepEqual(forms(term('sanction', {partOfSpeech: 'verb'})), ['sanction'])
    t.deepEqual(forms(term('sanction', {partOfSpeech: 'adverb'})), ['sanction'])
    t.deepEqual(forms(term('sanction', {partOfSpeech: 'other'})), ['sanction'])
    t.deepEqual(forms(term('Sanction', {partOfSpeech: 'noun'})), ['Sanction'])
  }
})

test('forms are NFC, never empty, and inflect terms written in NFD', (t) => {
  t.deepEqual(spanishForms(term('sanción'.normalize('NFD'))), ['sanción', 'sanciones'])
  t.deepEqual(catalanForms(term('americà'.normalize('NFD'), {partOfSpeech: 'adjective'})), ['americà', 'americana', 'americans', 'americanes'])
  for (const [language, forms] of [['en', englishForms], ['es', spanishForms], ['fr', frenchForms], ['ca', catalanForms]] as const) {
    for (const concept of geopolitics.concepts) {
      for (const section of concept.languages) {
        if (section.language !== language) continue
        for (const item of section.terms) {
          for (const form of forms(item)) {
            t.true(form.length > 0 && form === form.normalize('NFC'), form)
          }
        }
      }
    }
  }
})

test('termForms picks the rules by primary language subtag', (t) => {
  t.is(termForms('en-GB'), englishForms)
  t.is(termForms('EN'), englishForms)
  t.is(termForms('es-419'), spanishForms)
  t.is(termForms('fr-CA'), frenchForms)
  t.is(termForms('ca-ES-valencia'), catalanForms)
  t.is(termForms('it-IT'), italianForms)
  t.deepEqual(termForms('de')(term('Sanktion')), ['Sanktion'])
  t.deepEqual(termForms('pt-BR')(term('sanção')), ['sanção'])
})

test('compileTermIndex inflects English terms by default', (t) => {
  const english = compileTermIndex(geopolitics, {language: 'en'})
  const text = "Beijing's allies face sanctions as alliances shift across countries."
  t.deepEqual(
    matchTerms(text, english, {language: 'en'}).map((match) => `${match.text}@${match.start} ${match.termId}`),
    ['Beijing@0 pechino-en-beijing', 'allies@10 alleato-en-ally', 'sanctions@22 sanzione-en-sanction', 'alliances@35 alleanza-en-alliance', 'countries@58 paese-en-country']
  )
})
