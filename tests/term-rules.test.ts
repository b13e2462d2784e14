import {readFileSync} from 'node:fs'
import test from 'ava'
import {checkTranslation, compileTermIndex, compileTermRules, fromTbx, termLocks} from '../pipeline/glossary/index.ts'

const geopolitics = fromTbx(readFileSync(new URL('../glossary/geopolitics.tbx', import.meta.url), 'utf8')).value!
const sourceIndex = compileTermIndex(geopolitics, {language: 'it'})
const rules = {
  en: compileTermRules(geopolitics, {source: 'it', target: 'en', sourceIndex}),
  es: compileTermRules(geopolitics, {source: 'it', target: 'es', sourceIndex}),
  fr: compileTermRules(geopolitics, {source: 'it', target: 'fr', sourceIndex})
}

/** Violations as `ruleId severity term [actual]` (the term as the message names it). */
function check(locale: keyof typeof rules, source: string, target: string): string[] {
  return checkTranslation(rules[locale], {source, target}).map((violation) => `${violation.ruleId} ${violation.severity} ${/\(term `([^`]+)`/.exec(violation.message)?.[1]}${violation.actual ? ' ' + violation.actual.join(' ') : ''}`)
}

test('termLocks gives each source term its approved translations, lock and exact requirement', (t) => {
  const text = "Mosca e Pechino condannano l'alleanza AUKUS e la NATO; il Cremlino tace."
  const locks = termLocks(rules.en, text)
  t.deepEqual(
    locks.map((lock) => [text.slice(lock.start, lock.end), lock.term, lock.translations, lock.doNotTranslate, lock.locked, lock.mustContain?.text, lock.avoid]),
    [
      ['Mosca', 'Mosca', ['Moscow'], false, true, 'Moscow', []],
      ['Pechino', 'Pechino', ['Beijing'], false, true, 'Beijing', ['Peking']],
      ['alleanza', 'alleanza', ['alliance'], false, false, undefined, []],
      ['AUKUS', 'AUKUS', ['AUKUS'], true, true, 'AUKUS', []],
      // NATO is kept as written in English: the preferred English term is do-not-translate and spelled the same.
      ['NATO', 'NATO', ['NATO'], true, true, 'NATO', []],
      ['Cremlino', 'Cremlino', ['Kremlin'], false, true, 'Kremlin', []]
    ]
  )
  // In Spanish NATO is OTAN: not kept, and `NATO` is forbidden.
  const nato = termLocks(rules.es, 'la NATO')[0]!
  t.deepEqual([nato.doNotTranslate, nato.translations, nato.avoid, nato.mustContain], [false, ['OTAN', 'Organización del Tratado del Atlántico Norte', 'Alianza Atlántica'], ['NATO'], undefined])
  // A locked name whose Spanish plural does not contain it (`estrechos de Taiwán`): no substring rule can say it, so none is given.
  const strait = termLocks(rules.es, 'lo stretto di Taiwan')[0]!
  t.deepEqual([strait.locked, strait.translations, strait.mustContain], [true, ['estrecho de Taiwán'], undefined])
  t.deepEqual(termLocks(rules.en, 'lo stretto di Taiwan')[0]!.mustContain, {text: 'Taiwan Strait', caseSensitive: false})
  // A common noun is not locked and has no rule.
  t.deepEqual([termLocks(rules.es, 'le sanzioni')[0]!.locked, termLocks(rules.es, 'le sanzioni')[0]!.mustContain], [false, undefined])
})

test('termLocks gives every match a lock of its own: place, fields in order, arrays not shared', (t) => {
  const twice = termLocks(rules.en, 'la NATO e la NATO')
  t.deepEqual(
    twice.map((lock) => JSON.stringify(lock)),
    [3, 13].map((start) => `{"start":${start},"end":${start + 4},"conceptId":"nato","termId":"nato-it-nato","term":"NATO","doNotTranslate":true,"translations":["NATO"],"avoid":[],"locked":true,"mustContain":{"text":"NATO","caseSensitive":true}}`)
  )
  // Changing one lock changes no other, now or later.
  twice[0]!.translations.push('changed')
  twice[0]!.avoid.push('changed')
  twice[0]!.mustContain!.text = 'changed'
  t.deepEqual([twice[1]!.translations, twice[1]!.avoid, twice[1]!.mustContain], [['NATO'], [], {text: 'NATO', caseSensitive: true}])
  const again = termLocks(rules.en, 'NATO')[0]!
  t.deepEqual([again.start, again.end, again.translations, again.avoid, again.mustContain], [0, 4, ['NATO'], [], {text: 'NATO', caseSensitive: true}])
  // The same source term under another locale's rules: that locale's lock.
  const spanish = termLocks(rules.es, 'NATO')[0]!
  t.deepEqual([spanish.doNotTranslate, spanish.translations, spanish.avoid, spanish.mustContain], [false, ['OTAN', 'Organización del Tratado del Atlántico Norte', 'Alianza Atlántica'], ['NATO'], undefined])
  const pechino = termLocks(rules.en, 'Pechino')[0]!
  pechino.avoid.push('changed')
  t.deepEqual(termLocks(rules.en, 'Pechino')[0]!.avoid, ['Peking'])
})

test('checkTranslation: AUKUS translated, NATO dropped and Cremlino left in Italian break locks', (t) => {
  t.deepEqual(check('en', "l'alleanza AUKUS", 'the Anglo-American pact alliance'), ['term-not-kept error AUKUS'])
  // Dropped: in English NATO is kept as written; in Spanish it must become OTAN.
  t.deepEqual(check('en', 'le mire della NATO in Europa', 'the ambitions of the alliance in Europe'), ['term-not-kept error NATO'])
  t.deepEqual(check('es', 'le mire della NATO in Europa', 'las ambiciones de la alianza en Europa'), ['term-missing error NATO'])
  t.deepEqual(check('en', "sotto l'influenza del Cremlino.", 'under the influence of the Cremlino.'), ['term-untranslated error Cremlino Cremlino'])
  t.deepEqual(check('es', 'le mire della NATO', 'las ambiciones de la NATO'), ['term-forbidden error NATO NATO'])
  t.deepEqual(check('en', 'il vertice di Pechino', 'the Peking summit'), ['term-deprecated error Peking Peking'])
  // An avoided term whose concept is not in the source may mean something else: a warning.
  t.deepEqual(check('es', 'il continente', 'el continente americano'), ['term-deprecated warning americano americano'])
  // A common noun not used is a warning, not an error.
  t.deepEqual(check('en', 'il vertice di Mosca', 'the Moscow meeting'), ['term-missing warning vertice'])
})

test('checkTranslation accepts admitted terms and target inflection', (t) => {
  t.deepEqual(check('en', "le mire espansionistiche della NATO", "NATO's expansionist ambitions"), [])
  t.deepEqual(check('en', 'la NATO', 'the North Atlantic Treaty Organization'), ['term-not-kept error NATO'], 'NATO is kept as written in English')
  t.deepEqual(check('en', 'nuove sanzioni economiche', 'new economic sanctions'), [])
  t.deepEqual(check('en', 'il Cremlino', "the Kremlin's view"), [])
  t.deepEqual(check('en', 'i due paesi', 'the two countries'), [])
  t.deepEqual(check('es', 'nuove sanzioni economiche', 'nuevas sanciones económicas'), [])
  t.deepEqual(check('es', 'la NATO', 'la Alianza Atlántica'), [])
  t.deepEqual(check('fr', 'le sanzioni economiche contro Mosca', 'les sanctions économiques contre Moscou'), [])
  // A concept named twice is checked once: one Moscow in the translation is enough.
  t.deepEqual(check('en', 'Mosca e ancora Mosca', 'Moscow, and again the Russian capital'), [])
  // Only the first capital of a target term is required; style guides differ on the rest.
  t.deepEqual(check('es', 'in Asia centrale e in Europa occidentale', 'en Asia central y en Europa occidental'), [])
  t.deepEqual(check('es', 'in Asia centrale', 'en asia central'), ['term-missing error Asia centrale'])
})

test('checkTranslation checks do-not-translate terms verbatim: case and inflection do not pass', (t) => {
  t.deepEqual(check('en', 'il Nord Stream 2', 'the nord stream 2 pipeline'), ['term-not-kept error Nord Stream 2'])
  t.deepEqual(check('en', "l'AUKUS", 'the AUKUS'), [])
  t.deepEqual(check('fr', "l'AUKUS", "l'AUKUS"), [])
})
