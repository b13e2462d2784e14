/**
 * Tell the right spelling of an Italian word written with an apostrophe for
 * an accent, or with the wrong accent. Takes: a word (lowercase) and whether
 * an apostrophe ends it. Returns: the spelling to use, whether that is
 * certain (a safe fix), and why; or `undefined` when the word is fine or
 * unknown.
 *
 * Certain (safe): the closed list below, words that are never right as
 * written (`più'`, `piu'`, `perchè`, `perche'`, `poichè`, `affinchè`, `nè`,
 * `sè`, `pò`, `quì`, …).
 *
 * Likely (unsafe): `e'` (`è`, unless an archaic `ei`), `fà`/`stà`/`và`
 * (`fa`, or the imperative `fa'`), `li'`/`la'` (`lì`/`là`), `ne'`/`se'`,
 * `é`, `piú`, other `-chè` words (`-ché`), and a lowercase word of four
 * letters or more ending in a vowel and an apostrophe (`citta'` → `città`,
 * `andro'` → `andrò`), where the final vowel takes the accent (`e` takes
 * the grave one, `è`, except in `-ché`, `-tré`).
 *
 * Correct, never reported: apocopes that take an apostrophe, `po'`, `mo'`,
 * `be'`, `to'`, `ca'`, `fra'`, `pie'`, `de'`, `a'`, `co'`, `pe'`, `vo'`, and
 * the imperatives `di'`, `da'`, `fa'`, `sta'`, `va'`.
 */

/** A right spelling. */
export interface AccentFix {
  /** The word to write instead (lowercase). */
  replacement: string
  /** Whether the replacement is certain. */
  safe: boolean
  /** Why, for the message. */
  reason: string
}

const asApostrophe = 'an accent typed as an apostrophe'
const wrongAccent = 'a wrong accent'

/** Apocopes and imperatives written with an apostrophe: correct as they are. */
const apocopes = new Set(['po', 'mo', 'be', 'to', 'ca', 'fra', 'pie', 'de', 'a', 'co', 'pe', 'vo', 'di', 'da', 'fa', 'sta', 'va'])

/** Conjunctions in `-ché`. */
const cheWords = ['perché', 'poiché', 'affinché', 'benché', 'finché', 'purché', 'sicché', 'giacché', 'nonché', 'cosicché', 'anziché', 'fuorché', 'allorché', 'dopodiché', 'ancorché', 'macché']

/** Words with a final accent whose apostrophe spelling is never right. */
const accented = ['più', 'può', 'già', 'giù', 'così', 'cioè', 'però', 'perciò', 'ciò', 'laggiù', 'lassù', 'quaggiù', 'quassù', 'altresì']

/** Written-as → right spelling, certain. */
const certain = new Map<string, string>()
for (const word of accented) {
  certain.set(word.slice(0, -1) + stripAccent(word.at(-1)!) + "'", word)
  certain.set(word + "'", word)
}

for (const word of cheWords) {
  const stem = word.slice(0, -1)
  // `giacche` and `macche` are words of their own (jackets, stains): only the accent spellings are certain.
  if (word !== 'giacché' && word !== 'macché') certain.set(stem + "e'", word)
  certain.set(stem + 'è', word)
  certain.set(stem + "è'", word)
  certain.set(word + "'", word)
}

for (const [written, right] of [
  ['nè', 'né'],
  ['sè', 'sé'],
  ['pò', "po'"],
  ["pò'", "po'"],
  ['quì', 'qui'],
  ['quà', 'qua'],
  ['sù', 'su'],
  ['blù', 'blu'],
  ['trè', 'tre'],
  ['cioé', 'cioè'],
  ['caffé', 'caffè'],
  ...['venti', 'trenta', 'quaranta', 'cinquanta', 'sessanta', 'settanta', 'ottanta', 'novanta', 'cento'].map((tens) => [tens + 'trè', tens + 'tré'] as const)
] as const) {
  certain.set(written, right)
}

/** Written-as → likely spelling. */
const likely = new Map<string, string>([
  ["e'", 'è'],
  ['é', 'è'],
  ['fà', 'fa'],
  ['stà', 'sta'],
  ['và', 'va'],
  ['frà', 'fra'],
  ["li'", 'lì'],
  ["la'", 'là'],
  ["ne'", 'né'],
  ["se'", 'sé'],
  ["te'", 'tè'],
  ['piú', 'più'],
  ['giú', 'giù'],
  ["giacche'", 'giacché'],
  ["macche'", 'macché']
])

/** Plain ASCII: no accent, so no spelling of `certain` or `likely` written without an apostrophe. */
const ascii = /^[\u0000-\u007F]*$/

for (const key of [...certain.keys(), ...likely.keys()]) {
  if (!key.endsWith("'") && ascii.test(key)) throw new Error(`\`${key}\`: a spelling without an apostrophe must hold an accent (\`mayHaveWrongAccent\` lets plain ASCII words through)`)
}

/**
 * Whether a word not followed by an apostrophe may have a wrong accent:
 * not when it is plain ASCII, which {@linkcode italianAccent} never
 * reports (every spelling it knows without an apostrophe holds an accent,
 * checked when this module loads). Most words of a text are, and are let
 * through without being cut out, normalized, lowercased and looked up.
 *
 * @param text A text holding the word.
 * @param start Where the word starts.
 * @param end Where it ends.
 */
export function mayHaveWrongAccent(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (text.charCodeAt(at) > 0x7f) return true
  return false
}

/**
 * @param written The word as written (NFC), without the apostrophe.
 * @param apostrophe Whether an apostrophe ends it (and no letter follows).
 * @returns The right spelling (lowercase), or `undefined`.
 */
export function italianAccent(written: string, apostrophe: boolean): AccentFix | undefined {
  const word = written.toLowerCase()
  const key = apostrophe ? word + "'" : word
  const reason = apostrophe ? asApostrophe : wrongAccent
  const sure = certain.get(key)
  if (sure) return {replacement: sure, safe: true, reason: sure === "po'" ? 'an apocope, which takes an apostrophe, not an accent' : reason}
  const guess = likely.get(key)
  if (guess) return {replacement: guess, safe: false, reason}
  if (!apostrophe) {
    if (word.length >= 5 && word.endsWith('chè')) return {replacement: word.slice(0, -1) + 'é', safe: false, reason}
    return undefined
  }

  if (apocopes.has(word)) return undefined
  // An accent already there: the apostrophe is a stray (`città'`).
  if (/[àèéìòù]$/.test(word)) return {replacement: word, safe: false, reason: 'an apostrophe after an accent'}
  // A capital: a name in quotes more likely than a stray accent.
  if (word.length < 4 || !/^\p{Ll}+$/u.test(written) || !/[aeiou]$/.test(word)) return undefined
  const last = word.at(-1)!
  const accent = last === 'e' ? (/(?:ch|tr)e$/.test(word) ? 'é' : 'è') : addGrave(last)
  return {replacement: word.slice(0, -1) + accent, safe: false, reason}
}

/** The vowel with a grave accent. */
function addGrave(vowel: string): string {
  return ({a: 'à', e: 'è', i: 'ì', o: 'ò', u: 'ù'} as Record<string, string>)[vowel] ?? vowel
}

/** The vowel without its accent. */
function stripAccent(vowel: string): string {
  return vowel.normalize('NFD').charAt(0)
}
