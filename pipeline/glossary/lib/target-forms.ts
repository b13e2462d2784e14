/**
 * Generate the inflected forms of an English, Spanish, French or Catalan term
 * from its part of speech, gender and number, so that a translation is
 * recognised as using an approved term when it inflects it. Takes: a term (or,
 * for `termForms`, a language). Returns: its forms, the term as written (NFC)
 * first (`sanction` → `sanction`, `sanctions`; `ruso` → `ruso`, `rusa`,
 * `rusos`, `rusas`; `économique` → `économique`, `économiques`; `sanció` →
 * `sanció`, `sancions`).
 *
 * Rules, not lists, each with at most a handful of everyday exceptions:
 *
 * - English: a noun's head takes the plural (`-s`; `-es` after `s`, `x`, `z`,
 *   `ch`, `sh`; consonant + `y` → `-ies`; `-sis` → `-ses`; `-man` → `-men`,
 *   `child` → `children`, `person` → `people` and a few `-f`/`-fe` → `-ves`,
 *   also at the end of a compound: `chairman`, `housewife`). The head is the
 *   last word, or the word just before the first preposition followed by
 *   another word (`sphere of influence` → `spheres of influence`,
 *   `commander-in-chief` → `commanders-in-chief`). Adjectives do not inflect,
 *   but one written with a capital (a nationality: `Russian`) is also a noun
 *   for its people and takes the plural (`Russians`); the possessive needs no
 *   form (the matcher ends a word at an apostrophe).
 * - Spanish plural: unstressed vowel or `á`/`é`/`ó` → `+s`; `í`/`ú` → `+es`
 *   and `+s`; `-z` → `-ces`; `-s`/`-x` unchanged after an unstressed
 *   syllable (`crisis`), else `+es`; `l`, `r`, `n`, `d`, `j`, `y`, `ch` →
 *   `+es`, other consonants (`déficit`, `robot`) → `+s`. Before `-es`, a
 *   written accent on the vowel before final `-n`/`-s` is dropped (`sanción`
 *   → `sanciones`) unless it marks a hiatus (`país` → `países`), and an
 *   unaccented `-n` word of several syllables gains one (`examen` →
 *   `exámenes`). Feminine: `-o` → `-a`; `-án`/`-ín`/`-ón`/`-és` → `-ana`/
 *   `-ina`/`-ona`/`-esa`; `-or` → `-ora` (not `-ior`, `mayor`, `menor`,
 *   `mejor`, `peor`); others (`-e`, `-al`, `-ista`) do not change.
 * - French plural: `-s`/`-x`/`-z` unchanged; `-eau`/`-au`/`-eu` → `+x`; `-al`
 *   → `-aux`; else `+s`. Feminine: `-e` unchanged; `-en`/`-on`/`-el`/`-eil`
 *   double the consonant and take `-e`; `-er` → `-ère`; `-if` → `-ive`;
 *   `-eux` → `-euse`; `-c` → `-que`; `-ateur`/`-cteur` → `-trice`, `-ieur`
 *   (and `majeur`, `mineur`, `meilleur`) → `+e`, other `-eur` → `-euse`; else
 *   `+e` (`chinois` → `chinoise`, `occidental` → `occidentale`).
 * - Catalan plural: `-a` → `-es` with its spelling changes (`-ca`/`-ga`/
 *   `-ça`/`-ja`/`-qua`/`-gua` → `-ques`/`-gues`/`-ces`/`-ges`/`-qües`/
 *   `-gües`); a stressed final vowel loses its accent and takes `-ns`
 *   (`americà` → `americans`, `sanció` → `sancions`, `veí` → `veïns`); `-s`,
 *   `-ç`, `-x` take `-os` in the masculine and `-es` in the feminine (the
 *   accent goes, a monosyllable doubles its `s`: `país` → `països`, `xinès`
 *   → `xinesos`, `rus` → `russos`), but `-s` after an unstressed syllable
 *   does not change (`llapis`); `-ig` → `-igs` and `-jos` (`-tjos` after a
 *   consonant: `desig` → `desitjos`); `-sc`/`-st`/`-xt`/`-sp` → `+s` and
 *   `+os`; else `+s`. Feminine: `-o` → `-a`; `-eu` → `-ea`; a stressed final vowel →
 *   `-na` (`americà` → `americana`); `-s` → `-sa` (`rus` → `russa`, `xinès` →
 *   `xinesa`); `-ig` → `-ja`; `-at` → `-ada`; else `+a` (`econòmic` →
 *   `econòmica`, `petit` → `petita`). Invariable in gender: `-a`, `-e`, `-al`,
 *   `-el`, `-il`, `-ar`, `-ant`, `-ent`, `-ç`, `-ior` and `major`, `menor`,
 *   `millor`, `pitjor`.
 *
 * Which words change:
 *
 * - A noun (also a term with no part of speech) changes number. In Spanish,
 *   French and Catalan the first word is the head and the words after it,
 *   up to the first preposition, article or capitalized word, agree with it
 *   (`sanción económica` → `sanciones económicas`, `cérémonie d'ouverture` →
 *   `cérémonies d'ouverture`, `océano Pacífico` → `océanos Pacífico`). A
 *   hyphenated word takes the plural on its last part, or on the part before
 *   its first preposition (`sous-marin` → `sous-marins`, `arc-en-ciel` →
 *   `arcs-en-ciel`); compounds whose both halves agree (`coffre-fort` →
 *   `coffres-forts`) are not recognised.
 * - An adjective takes both genders and numbers (Spanish, French, Catalan);
 *   in a multi-word adjective only the last word changes, and not after a
 *   preposition or article (`de Oriente Medio` does not agree).
 * - A name is decided by the word that would change: a head (or an
 *   adjective's last word) starting with a capital is kept as written (`Cold
 *   War`, `Organización del Tratado…`), while `Soviet republic` →
 *   `Soviet republics`. Do-not-translate terms, acronyms, abbreviations,
 *   terms already plural, verbs, adverbs and other parts of speech are kept
 *   as written, and so is a word that does not end in a letter.
 */
import {italianForms} from './italian-forms.ts'
import type {Gender, Term} from './termbase.ts'
import {primaryLanguage} from '../../language-tag.ts'

/** The forms of a term in one language. */
type Forms = (term: Term) => string[]

/** The genders a Romance word agrees with. */
type Agreement = Extract<Gender, 'masculine' | 'feminine'>

/** What Spanish, French and Catalan share: function words and two rules. */
interface Romance {
  /** Prepositions, articles and conjunctions: they end the agreeing words. */
  functionWords: ReadonlySet<string>
  /** Plural forms of a word in the singular, agreeing with a gender. */
  plural: (word: string, gender: Agreement) => string[]
  /** Feminine singular of an adjective in the masculine singular. */
  feminine: (word: string) => string
}

/** English prepositions: the head of a noun is the word before the first of them. */
const englishPrepositions = new Set([
  'about', 'above', 'across', 'after', 'against', 'along', 'among', 'around', 'at', 'before', 'behind', 'below', 'beneath', 'beside',
  'between', 'beyond', 'by', 'despite', 'during', 'for', 'from', 'in', 'inside', 'into', 'near', 'of', 'off', 'on', 'onto', 'outside',
  'over', 'per', 'since', 'through', 'throughout', 'to', 'toward', 'towards', 'under', 'until', 'upon', 'via', 'with', 'within', 'without'
])

/** English ends with an irregular plural, also at the end of a compound (`chairman`, `grandchild`, `housewife`). */
const englishIrregular: ReadonlyArray<readonly [string, string]> = [
  ['man', 'men'],
  ['child', 'children'],
  ['person', 'people'],
  ['half', 'halves'],
  ['knife', 'knives'],
  ['leaf', 'leaves'],
  ['life', 'lives'],
  ['self', 'selves'],
  ['shelf', 'shelves'],
  ['thief', 'thieves'],
  ['wife', 'wives'],
  ['wolf', 'wolves']
]

/** English words with an irregular-looking end whose plural is regular. */
const englishRegular = new Set(['caiman', 'human', 'shaman', 'talisman'])

/** Spanish words whose stress moves in the plural. */
const spanishExceptions = new Map([
  ['carácter', 'caracteres'],
  ['espécimen', 'especímenes'],
  ['régimen', 'regímenes']
])

/** French plurals that are not the rule's. */
const frenchPluralExceptions = new Map([
  ['banal', 'banals'],
  ['bleu', 'bleus'],
  ['fatal', 'fatals'],
  ['festival', 'festivals'],
  ['final', 'finals'],
  ['naval', 'navals'],
  ['pneu', 'pneus'],
  ['travail', 'travaux']
])

/** French feminines that are not the rule's. */
const frenchFeminineExceptions = new Map([
  ['blanc', 'blanche'],
  ['faux', 'fausse'],
  ['franc', 'franche'],
  ['grec', 'grecque'],
  ['long', 'longue'],
  ['nouveau', 'nouvelle'],
  ['vieux', 'vieille']
])

/** Catalan monosyllables in `-s` that do not double it (`mes` → `mesos`, where `rus` → `russos`). */
const catalanSingleS = new Set(['bus', 'cas', 'gas', 'gris', 'mes', 'pis'])

const spanish: Romance = {
  functionWords: new Set([
    'a', 'al', 'ante', 'bajo', 'con', 'contra', 'de', 'del', 'desde', 'durante', 'e', 'el', 'en', 'entre', 'hacia', 'hasta', 'la', 'las',
    'lo', 'los', 'mediante', 'ni', 'o', 'para', 'por', 'según', 'sin', 'sobre', 'tras', 'u', 'un', 'una', 'unas', 'unos', 'y'
  ]),
  plural: spanishPlural,
  feminine: spanishFeminine
}

const french: Romance = {
  functionWords: new Set([
    'à', 'après', 'au', 'aux', 'avant', 'avec', 'chez', 'contre', 'dans', 'de', 'depuis', 'des', 'du', 'en', 'entre', 'envers', 'et', 'la',
    'le', 'les', 'ni', 'ou', 'par', 'parmi', 'pendant', 'pour', 'sans', 'selon', 'sous', 'sur', 'un', 'une', 'vers'
  ]),
  plural: frenchPlural,
  feminine: frenchFeminine
}

const catalan: Romance = {
  functionWords: new Set([
    'a', 'al', 'als', 'amb', 'cap', 'contra', 'de', 'del', 'dels', 'des', 'el', 'els', 'en', 'entre', 'fins', 'i', 'la', 'les', 'ni', 'o',
    'per', 'pel', 'pels', 'sense', 'sobre', 'sota', 'un', 'una', 'unes', 'uns'
  ]),
  plural: catalanPlural,
  feminine: catalanFeminine
}

/** Forms by primary language subtag. */
const formsByLanguage = new Map<string, Forms>([
  ['ca', catalanForms],
  ['en', englishForms],
  ['es', spanishForms],
  ['fr', frenchForms],
  ['it', italianForms]
])

/**
 * The forms function for a language: Italian, English, Spanish, French or
 * Catalan inflection by its primary subtag (`en-GB` is English), the term as
 * written for any other language.
 *
 * @param language
 *   BCP 47 tag.
 * @returns
 *   Function giving a term's forms.
 */
export function termForms(language: string): Forms {
  return formsByLanguage.get(primaryLanguage(language)) ?? asWritten
}

/**
 * Forms of an English term.
 *
 * @param term
 *   Term (its language is not checked).
 * @returns
 *   Distinct forms, the term as written (NFC) first.
 */
export function englishForms(term: Term): string[] {
  const text = term.text.normalize('NFC')
  if (!inflects(term)) return [text]
  if (term.partOfSpeech === 'adjective') return /^\p{Lu}[\p{L}-]*[^\Ws]$/u.test(text) && !/(?:sh|ch|ese)$/.test(text) ? [text, text + 's'] : [text]
  // Words at even indices, spaces and hyphens between them.
  const parts = text.split(/([ \u2010\u2011-])/)
  let head = parts.length - 1
  for (let index = 2; index < parts.length - 1; index += 2) {
    if (englishPrepositions.has(parts[index]!.toLowerCase())) {
      head = index - 2
      break
    }
  }

  if (isName(parts[head]!)) return [text]
  const plural = englishPlural(parts[head]!)
  return unique([text, [...parts.slice(0, head), plural, ...parts.slice(head + 1)].join('')])
}

/**
 * Forms of a Spanish term.
 *
 * @param term
 *   Term (its language is not checked).
 * @returns
 *   Distinct forms, the term as written (NFC) first.
 */
export function spanishForms(term: Term): string[] {
  return romanceForms(term, spanish)
}

/**
 * Forms of a French term.
 *
 * @param term
 *   Term (its language is not checked).
 * @returns
 *   Distinct forms, the term as written (NFC) first.
 */
export function frenchForms(term: Term): string[] {
  return romanceForms(term, french)
}

/**
 * Forms of a Catalan term.
 *
 * @param term
 *   Term (its language is not checked).
 * @returns
 *   Distinct forms, the term as written (NFC) first.
 */
export function catalanForms(term: Term): string[] {
  return romanceForms(term, catalan)
}

/** Gender and number of a word as used in a text. */
export interface Features {
  /** Plural (else singular). */
  plural: boolean
  /** Feminine, for an adjective agreeing with a feminine noun (else masculine). */
  feminine: boolean
}

/**
 * One form of a term: the term inflected for gender and number by the same
 * rules as {@linkcode termForms} (the first plural where a word has two).
 * A term that does not inflect is returned as written, and so is any term in
 * a language without rules.
 *
 * @param term
 *   Term, in the singular (the masculine, for an adjective).
 * @param language
 *   BCP 47 tag of the term's language.
 * @param features
 *   The gender and number wanted.
 * @returns
 *   The form.
 */
export function inflectTerm(term: Term, language: string, features: Features): string {
  const text = term.text.normalize('NFC')
  const primary = primaryLanguage(language)
  if (!inflects(term)) return text
  if (primary === 'en') return features.plural ? (englishForms(term)[1] ?? text) : text
  const rules = primary === 'es' ? spanish : primary === 'fr' ? french : primary === 'ca' ? catalan : undefined
  if (!rules) return text
  const words = text.split(' ')
  if (term.partOfSpeech === 'adjective') {
    const last = words.at(-1)!
    if (isName(last) || words.slice(0, -1).some((word) => isFunctionWord(word, rules.functionWords))) return text
    const gendered = features.feminine ? rules.feminine(last) : last
    const form = features.plural ? rules.plural(gendered, features.feminine ? 'feminine' : 'masculine')[0]! : gendered
    return [...words.slice(0, -1), form].join(' ')
  }

  return features.plural ? (romanceForms(term, rules)[1] ?? text) : text
}

/** The term as written: the forms of a language without inflection rules. */
function asWritten(term: Term): string[] {
  return [term.text]
}

/** Whether a term may inflect: a noun or adjective, translatable, not an acronym or abbreviation, not already plural. */
function inflects(term: Term): boolean {
  return (
    (term.partOfSpeech === undefined || term.partOfSpeech === 'noun' || term.partOfSpeech === 'adjective') &&
    !term.doNotTranslate &&
    term.termType !== 'acronym' &&
    term.termType !== 'abbreviation' &&
    term.number !== 'plural'
  )
}

/** Whether a word is (part of) a name: its first letter is a capital. */
function isName(word: string): boolean {
  return /^\P{L}*[\p{Lu}\p{Lt}]/u.test(word)
}

/** Distinct values, first occurrence kept. */
function unique(forms: string[]): string[] {
  return [...new Set(forms)]
}

/**
 * Forms of a Spanish, French or Catalan term.
 *
 * @param term
 *   Term.
 * @param language
 *   Its language's rules.
 * @returns
 *   Distinct forms, the term as written (NFC) first.
 */
function romanceForms(term: Term, language: Romance): string[] {
  const text = term.text.normalize('NFC')
  if (!inflects(term)) return [text]
  const words = text.split(' ')

  if (term.partOfSpeech === 'adjective') {
    const last = words.at(-1)!
    if (isName(last) || words.slice(0, -1).some((word) => isFunctionWord(word, language.functionWords))) return [text]
    const feminine = language.feminine(last)
    const lasts = [feminine, ...language.plural(last, 'masculine'), ...language.plural(feminine, 'feminine')]
    return unique([text, ...lasts.map((form) => [...words.slice(0, -1), form].join(' '))])
  }

  const head = words[0]!
  if (isName(head)) return [text]
  const gender = term.gender === 'masculine' || term.gender === 'feminine' ? term.gender : guessGender(head)
  let agreeing = 1
  while (agreeing < words.length && !isName(words[agreeing]!) && !isFunctionWord(words[agreeing]!, language.functionWords)) agreeing++
  const alternatives = words.map((word, index) =>
    index === 0 ? compoundPlural(word, gender, language) : index < agreeing ? language.plural(word, gender) : [word]
  )
  const forms = [text]
  // Alternatives go together (`marroquíes`, `marroquís`), not in every combination.
  const count = Math.max(...alternatives.map((list) => list.length))
  for (let which = 0; which < count; which++) forms.push(alternatives.map((list) => list[Math.min(which, list.length - 1)]!).join(' '))
  return unique(forms)
}

/**
 * Plural of a Romance noun that may be hyphenated: the last part changes, or
 * the part just before the first preposition or article (`sous-marin` →
 * `sous-marins`, `chef-d'œuvre` → `chefs-d'œuvre`).
 */
function compoundPlural(word: string, gender: Agreement, language: Romance): string[] {
  // Parts at even indices, hyphens between them.
  const parts = word.split(/([\u2010\u2011-])/)
  let head = parts.length - 1
  for (let index = 2; index < parts.length; index += 2) {
    if (isFunctionWord(parts[index]!, language.functionWords)) {
      head = index - 2
      break
    }
  }

  return language.plural(parts[head]!, gender).map((plural) => [...parts.slice(0, head), plural, ...parts.slice(head + 1)].join(''))
}

/** Gender from the ending, for a noun given without one: `-a` feminine, else masculine. */
function guessGender(word: string): Agreement {
  return /a$/i.test(word) ? 'feminine' : 'masculine'
}

/** Whether a word ends the agreeing part of a noun phrase (`de`, `del`, `d'ouverture`, `l'Atlàntic`). */
function isFunctionWord(word: string, functionWords: ReadonlySet<string>): boolean {
  const lower = word.toLowerCase()
  const elided = /^(\p{L}+)['’]/u.exec(lower)
  return functionWords.has(lower) || (elided !== null && (elided[1]!.length === 1 || elided[1] === 'qu' || elided[1] === 'jusqu'))
}

/**
 * Plural of an English noun in the singular.
 *
 * @param word
 *   Noun (lowercase first letter).
 */
function englishPlural(word: string): string {
  const lower = word.toLowerCase()
  if (!/\p{L}$/u.test(word)) return word
  if (!englishRegular.has(lower)) {
    for (const [end, plural] of englishIrregular) {
      if (lower.endsWith(end)) return word.slice(0, -end.length) + plural
    }
  }

  if (lower.endsWith('sis')) return word.slice(0, -2) + 'es'
  if (/(?:[sxz]|[cs]h)$/.test(lower)) return word + 'es'
  if (/[^aeiou]y$/.test(lower)) return word.slice(0, -1) + 'ies'
  return word + 's'
}

/**
 * Plurals of a Spanish noun or adjective in the singular (two for `-í`/`-ú`:
 * `marroquíes`, `marroquís`).
 */
function spanishPlural(word: string): string[] {
  const lower = word.toLowerCase()
  const exception = spanishExceptions.get(lower)
  if (exception) return [exception]
  if (!/\p{L}$/u.test(word)) return [word]
  const last = lower.at(-1)!
  if (/[aeiouáéó]/.test(last)) return [word + 's']
  if (/[íú]/.test(last)) return [word + 'es', word + 's']
  if (last === 'z') return [word.slice(0, -1) + 'ces']

  if (last === 's' || last === 'x') {
    // Unstressed last syllable: `crisis`, `virus`, `tórax` do not change.
    if (nuclei(lower).length > 1 && !/[áéíóú][^aeiouáéíóúü]*$/.test(lower)) return [word]
    return [spanishPluralStem(word) + 'es']
  }

  if (last === 'n') return [spanishPluralStem(word) + 'es']
  if (/[dljry]/.test(last) || lower.endsWith('ch')) return [word + 'es']
  // Other consonants are loanwords: `déficit` → `déficits`, `robot` → `robots`.
  return [word + 's']
}

/**
 * A Spanish word in `-n` or `-s` as it is before `-es`: the accent on its
 * last vowel goes unless it marks a hiatus (`sanción` → `sancion`, `país`
 * stays); an unaccented word of several syllables stressed on the one before
 * last gains an accent there (`examen` → `exámen`).
 */
function spanishPluralStem(word: string): string {
  const lower = word.toLowerCase()
  if (/[áéíóú][ns]$/.test(lower)) {
    if (/[aeiou][íú][ns]$/.test(lower)) return word
    return word.slice(0, -2) + unaccent(word.at(-2)!) + word.at(-1)
  }

  if (lower.endsWith('n') && !/[áéíóú]/.test(lower)) {
    const syllables = nuclei(lower)
    if (syllables.length > 1) {
      const [start, end] = syllables.at(-2)!
      const nucleus = lower.slice(start, end)
      const strong = Math.max(nucleus.lastIndexOf('a'), nucleus.lastIndexOf('e'), nucleus.lastIndexOf('o'))
      const at = start + (strong === -1 ? nucleus.length - 1 : strong)
      return word.slice(0, at) + accent(word[at]!) + word.slice(at + 1)
    }
  }

  return word
}

/**
 * Feminine singular of a Spanish adjective in the masculine singular.
 *
 * @param word
 *   Adjective (`ruso`, `inglés`, `estadounidense`).
 */
function spanishFeminine(word: string): string {
  const lower = word.toLowerCase()
  if (lower.length > 2 && lower.endsWith('o')) return word.slice(0, -1) + 'a'
  if (/[áíó]n$|és$/.test(lower)) return word.slice(0, -2) + unaccent(word.at(-2)!) + word.at(-1) + 'a'
  if (lower.endsWith('or') && !/ior$|^(?:mayor|mejor|menor|peor)$/.test(lower)) return word + 'a'
  return word
}

/**
 * Plural of a French noun or adjective in the singular.
 */
function frenchPlural(word: string): string[] {
  const lower = word.toLowerCase()
  const exception = frenchPluralExceptions.get(lower)
  if (exception) return [exception]
  if (!/\p{L}$/u.test(word) || /[sxz]$/.test(lower)) return [word]
  if (/(?:au|eu)$/.test(lower)) return [word + 'x']
  if (lower.endsWith('al')) return [word.slice(0, -2) + 'aux']
  return [word + 's']
}

/**
 * Feminine singular of a French adjective in the masculine singular.
 *
 * @param word
 *   Adjective (`chinois`, `européen`, `économique`).
 */
function frenchFeminine(word: string): string {
  const lower = word.toLowerCase()
  const exception = frenchFeminineExceptions.get(lower)
  if (exception) return exception
  if (!/\p{L}$/u.test(word) || lower.endsWith('e')) return word
  if (/(?:en|on|el|eil)$/.test(lower)) return word + word.at(-1) + 'e'
  if (lower.endsWith('er')) return word.slice(0, -2) + 'ère'
  if (lower.endsWith('if')) return word.slice(0, -1) + 've'
  if (lower.endsWith('eux')) return word.slice(0, -1) + 'se'
  if (lower.endsWith('c')) return word.slice(0, -1) + 'que'
  if (/(?:at|ct)eur$/.test(lower)) return word.slice(0, -3) + 'rice'
  if (lower.endsWith('eur') && !/ieur$|^(?:majeur|meilleur|mineur)$/.test(lower)) return word.slice(0, -1) + 'se'
  return word + 'e'
}

/**
 * Plurals of a Catalan noun or adjective in the singular (two for `-ig`,
 * `-sc`, `-st`, `-xt`, `-sp`: `passeigs`, `passejos`).
 */
function catalanPlural(word: string, gender: Agreement): string[] {
  const lower = word.toLowerCase()
  if (!/\p{L}$/u.test(word)) return [word]

  if (lower.endsWith('a')) {
    const stem = word.slice(0, -1)
    if (/(?:[gq]u)a$/.test(lower)) return [stem.slice(0, -1) + 'ües']
    if (/ca$/.test(lower)) return [stem.slice(0, -1) + 'ques']
    if (/ga$/.test(lower)) return [stem.slice(0, -1) + 'gues']
    if (/ça$/.test(lower)) return [stem.slice(0, -1) + 'ces']
    if (/ja$/.test(lower)) return [stem.slice(0, -1) + 'ges']
    return [stem + 'es']
  }

  if (/[àéèíóòú]$/.test(lower)) return [catalanUnaccent(word) + 'ns']
  if (lower.endsWith('ig')) return [word + 's', catalanIgStem(word) + 'os']
  if (/(?:sc|st|xt|sp)$/.test(lower)) return [word + 's', word + 'os']
  if (lower.endsWith('ç')) return [gender === 'masculine' ? word + 'os' : word.slice(0, -1) + 'ces']
  if (lower.endsWith('x')) return [word + (gender === 'masculine' ? 'os' : 'es')]

  if (lower.endsWith('s')) {
    // Unstressed last syllable: `llapis`, `virus`, `dilluns` do not change.
    if (nuclei(lower).length > 1 && !/[àéèíóòú][^aeiouàéèíïóòúü]*$/.test(lower)) return [word]
    return [catalanSStem(word) + (gender === 'masculine' ? 'os' : 'es')]
  }

  return [word + 's']
}

/**
 * Feminine singular of a Catalan adjective in the masculine singular.
 *
 * @param word
 *   Adjective (`rus`, `xinès`, `europeu`, `econòmic`).
 */
function catalanFeminine(word: string): string {
  const lower = word.toLowerCase()
  if (!/\p{L}$/u.test(word) || /(?:[aeç]|[aei]l|[ae]nt|ar|ior)$|^(?:major|menor|millor|pitjor)$/.test(lower)) return word
  if (lower.endsWith('o')) return word.slice(0, -1) + 'a'
  if (lower.endsWith('eu')) return word.slice(0, -1) + 'a'
  if (/[àéèíóòú]$/.test(lower)) return catalanUnaccent(word) + 'na'
  if (lower.endsWith('s')) return catalanSStem(word) + 'a'
  if (lower.endsWith('ig')) return catalanIgStem(word) + 'a'
  if (lower.endsWith('at')) return word.slice(0, -1) + 'da'
  return word + 'a'
}

/**
 * A Catalan word in `-s` as it is before an ending: the accent goes (`país` →
 * `païs`, `xinès` → `xines`), a monosyllable doubles its `s` (`rus` → `russ`).
 */
function catalanSStem(word: string): string {
  const stem = catalanUnaccent(word)
  const lower = word.toLowerCase()
  return /^[^aeiouàéèíïóòúü]*[aeiou]s$/.test(lower) && !catalanSingleS.has(lower) ? stem + 's' : stem
}

/** A Catalan word in `-ig` as it is before `-os`/`-a`: `-j` after a vowel (`passeig` → `passej`), else `-tj` (`desig` → `desitj`). */
function catalanIgStem(word: string): string {
  const stem = word.slice(0, -2)
  return /[aeiou]$/i.test(stem) ? stem + 'j' : stem + 'itj'
}

/** A Catalan word without the accent of its last vowel; an `í`/`ú` after a vowel keeps the hiatus as `ï`/`ü` (`veí` → `veï`). */
function catalanUnaccent(word: string): string {
  const lastAccent = /((?<![gq])[aeiou])?([àéèíóòú])([^aeiouàéèíóòú]*)$/i
  return word.replace(lastAccent, (_, before: string | undefined, vowel: string, after: string) => {
    const plain = unaccent(vowel)
    return (before ?? '') + (before && (plain === 'i' || plain === 'u') ? (plain === 'i' ? 'ï' : 'ü') : plain) + after
  })
}

/** A vowel without its accent. */
function unaccent(vowel: string): string {
  return vowel.normalize('NFD').replace(/\p{M}/gu, '')
}

/** A vowel with an acute accent. */
function accent(vowel: string): string {
  return (vowel + '\u0301').normalize('NFC')
}

/**
 * Syllable nuclei of a lowercase Spanish or Catalan word, as `[start, end]`:
 * runs of vowels, split where two strong or accented vowels meet (`país`,
 * `caos`); a `u` between `g`/`q` and `e`/`i` is silent (`guion`, `quien`).
 */
function nuclei(lower: string): Array<[number, number]> {
  const result: Array<[number, number]> = []
  let previous = ''
  for (let index = 0; index < lower.length; index++) {
    const char = lower[index]!
    const silent = char === 'u' && /[gq]/.test(lower[index - 1] ?? '') && /[eiéíèï]/.test(lower[index + 1] ?? '')
    if (!/[aeiouàáèéíïòóúü]/.test(char) || silent) {
      previous = ''
      continue
    }

    const strong = /[aeoàáèéíòóúïü]/.test(char)
    if (previous && !(strong && /[aeoàáèéíòóúïü]/.test(previous))) result.at(-1)![1] = index + 1
    else result.push([index, index + 1])
    previous = char
  }

  return result
}

