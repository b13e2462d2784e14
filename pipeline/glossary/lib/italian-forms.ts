/**
 * Generate the inflected forms of an Italian term from its part of speech,
 * gender and number. Takes: a term. Returns: its forms, the term as written
 * first (`alleanza` → `alleanza`, `alleanze`; `russo` → `russo`, `russa`,
 * `russi`, `russe`).
 *
 * Rules, not lists: the plural follows the ending and the gender
 * (`-a` f → `-e`, `-a` m → `-i`, `-o`/`-e` → `-i`; `-ca`/`-ga` f → `-che`/
 * `-ghe`; `-cia`/`-gia` → `-ce`/`-ge` after a consonant, `-cie`/`-gie` after
 * a vowel; `-ico` → `-ici`, other `-co`/`-go` → `-chi`/`-ghi`; `-io` → `-i`;
 * words ending in a consonant, an accented vowel, `-i` or `-ie`, and words of
 * one or two letters do not change). A handful of everyday exceptions to the
 * `-co` and `-io` rules are part of the rule (`amico` → `amici`, `zio` →
 * `zii`).
 *
 * - A noun changes number; in a multi-word noun the first word is the head
 *   and the words after it, up to the first preposition or article, agree
 *   with it (`repubblica sovietica` → `repubbliche sovietiche`, `cerimonia di
 *   apertura` → `cerimonie di apertura`).
 * - An adjective takes both genders and numbers; in a multi-word adjective
 *   only the last word changes (`medio orientale` → `medio orientali`).
 * - Names (a term with any capital letter: `Stati Uniti`, `AUKUS`,
 *   `Asia centrale`), do-not-translate terms, acronyms, abbreviations, terms
 *   already plural, verbs, adverbs and other parts of speech are kept as
 *   written. Verb conjugation is out of scope.
 */
import type {Gender, Term} from './termbase.ts'

/** Words that end the agreeing part of a noun phrase. */
const functionWords = new Set([
  'a', 'ad', 'ai', 'agli', 'al', 'alla', 'alle', 'allo', 'con', 'da', 'dai', 'dagli', 'dal', 'dalla', 'dalle', 'dallo', 'de', 'dei',
  'degli', 'del', 'della', 'delle', 'dello', 'di', 'e', 'ed', 'fra', 'gli', 'i', 'il', 'in', 'la', 'le', 'lo', 'nei', 'negli', 'nel',
  'nella', 'nelle', 'nello', 'o', 'od', 'per', 'su', 'sui', 'sugli', 'sul', 'sulla', 'sulle', 'sullo', 'tra', 'un', 'una', 'uno'
])

/** `-co`/`-go` words whose plural is not the rule's. */
const coExceptions = new Map([
  ['amico', 'amici'],
  ['nemico', 'nemici'],
  ['greco', 'greci'],
  ['porco', 'porci'],
  ['carico', 'carichi'],
  ['incarico', 'incarichi'],
  ['fico', 'fichi'],
  ['valico', 'valichi']
])

/** `-io` words whose `i` is stressed, so the plural keeps it (`zio` → `zii`). */
const stressedIo = new Set(['zio', 'rio', 'pendio', 'leggio', 'brusio', 'fruscio', 'mormorio', 'addio', 'oblio', 'tic'])

/**
 * Forms of an Italian term.
 *
 * @param term
 *   Term (its language is not checked).
 * @returns
 *   Distinct forms, the term as written first.
 */
export function italianForms(term: Term): string[] {
  const text = term.text
  if (/\p{Lu}|\p{Lt}/u.test(text) || term.doNotTranslate || term.number === 'plural') return [text]
  if (term.termType === 'acronym' || term.termType === 'abbreviation') return [text]
  const words = text.split(' ')
  const forms: string[] = [text]

  if (term.partOfSpeech === 'noun') {
    const gender = term.gender ?? guessGender(words[0]!)
    let agreeing = 1
    while (agreeing < words.length && !isFunctionWord(words[agreeing]!)) agreeing++
    const plural = words.map((word, index) => (index < agreeing ? pluralOf(word, gender) : word))
    forms.push(plural.join(' '))
  } else if (term.partOfSpeech === 'adjective') {
    const last = words.at(-1)!
    const head = words.slice(0, -1)
    const feminine = feminineOf(last)
    for (const form of [feminine, pluralOf(last, 'masculine'), pluralOf(feminine, 'feminine')]) forms.push([...head, form].join(' '))
  }

  return [...new Set(forms)]
}

/**
 * The gender and number of an Italian term as a text writes it: which of
 * the term's forms the text is (`americani` is the masculine plural of
 * `americano`; `sanzioni` the plural of `sanzione`). The masculine singular
 * is tried first, so an adjective with one form for both genders reads as
 * masculine.
 *
 * @param term
 *   Italian term.
 * @param text
 *   The term as found in a text.
 * @returns
 *   Its gender and number, or `undefined` when the text is none of its forms.
 */
export function italianFeatures(term: Term, text: string): {plural: boolean; feminine: boolean} | undefined {
  const found = text.replace(/\s+/g, ' ').toLowerCase()
  const forms = italianForms(term)
  if (forms[0]!.toLowerCase() === found) return {plural: false, feminine: false}
  const words = term.text.split(' ')
  if (term.partOfSpeech === 'adjective') {
    const last = words.at(-1)!
    const head = words.slice(0, -1)
    const feminine = feminineOf(last)
    const candidates: Array<[string, {plural: boolean; feminine: boolean}]> = [
      [feminine, {plural: false, feminine: true}],
      [pluralOf(last, 'masculine'), {plural: true, feminine: false}],
      [pluralOf(feminine, 'feminine'), {plural: true, feminine: true}]
    ]
    for (const [form, features] of candidates) if ([...head, form].join(' ').toLowerCase() === found) return features
    return undefined
  }

  return forms.slice(1).some((form) => form.toLowerCase() === found) ? {plural: true, feminine: false} : undefined
}

/**
 * Feminine singular of an adjective in the masculine singular.
 *
 * @param word
 *   Adjective (`russo`, `cinese`, `asiatico`).
 */
export function feminineOf(word: string): string {
  // `-o` → `-a`; `-e`, `-a` (`belga`, `ottimista`) and invariable ones stay.
  return word.endsWith('o') && word.length > 2 ? word.slice(0, -1) + 'a' : word
}

/**
 * Plural of an Italian noun or adjective in the singular.
 *
 * @param word
 *   Word.
 * @param gender
 *   Its gender (as a noun), or the gender it agrees with (as an adjective).
 */
export function pluralOf(word: string, gender: Gender): string {
  const lower = word.toLowerCase()
  const exception = coExceptions.get(lower)
  // Only lowercase terms are inflected, so the exception's case is the word's.
  if (exception) return exception
  if (word.length <= 2 || !/[aeiou]$/i.test(word) || /ie$/i.test(word)) return word
  const stem = word.slice(0, -1)
  const last = lower.at(-1)
  const before = lower.at(-2) ?? ''

  if (last === 'a') {
    if (gender === 'masculine') {
      // `monarca` → `monarchi`, `collega` → `colleghi`, `problema` → `problemi`.
      return before === 'c' || before === 'g' ? stem + 'hi' : stem + 'i'
    }

    if (before === 'c' || before === 'g') return stem + 'he'
    if ((lower.endsWith('cia') || lower.endsWith('gia')) && lower.length > 3) {
      // `provincia` → `province`, `camicia` → `camicie`.
      const consonant = !/[aeiou]/.test(lower.at(-4) ?? '')
      return consonant ? word.slice(0, -2) + 'e' : stem + 'e'
    }

    return stem + 'e'
  }

  if (last === 'o') {
    if (gender === 'feminine') return word
    if (before === 'i') return stressedIo.has(lower) ? stem + 'i' : stem
    if (before === 'c') return /ico$/.test(lower) && lower.length > 4 ? stem + 'i' : stem + 'hi'
    if (before === 'g') return /ologo$/.test(lower) ? stem + 'i' : stem + 'hi'
    return stem + 'i'
  }

  if (last === 'e') return stem + 'i'
  // `-i` (`crisi`) and `-u` (`gru`) do not change.
  return word
}

/** Gender from the ending, for a noun given without one: `-a` feminine, else masculine. */
function guessGender(word: string): Gender {
  return /a$/i.test(word) ? 'feminine' : 'masculine'
}

/** Whether a word ends the agreeing part of a noun phrase (`di`, `della`, `d'energia`, `dell'Asia`). */
function isFunctionWord(word: string): boolean {
  const lower = word.toLowerCase()
  const elided = /^(\p{L}+)['’]/u.exec(lower)
  return functionWords.has(lower) || (elided !== null && (functionWords.has(elided[1]!) || /^(?:d|l|un|dell|all|dall|nell|sull|quell)$/.test(elided[1]!)))
}
