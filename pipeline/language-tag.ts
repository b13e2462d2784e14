/**
 * Whether a value is a BCP 47 language tag babele can use as a locale.
 * Takes: a value. Returns: a boolean. Config, the readers (a CSV column
 * name) and the CLI (`init`'s locales) all ask here.
 *
 * A tag starts with a two- or three-letter language subtag (`it`, `pt-BR`,
 * `zh-Hans-CN`, `es-419`), and ICU must accept its syntax
 * (`Intl.getCanonicalLocales`): `pt_BR`, `en-` and `english` are no tags.
 *
 * Language-specific rules (QA, term forms, the lint's terms, MT's term
 * locks) key on a tag's primary language (`primaryLanguage`: `fr-CA` is
 * `fr`).
 *
 * The readers and writers of exchange formats ask a looser question of
 * `xml:lang`: whether a tag is well-formed by RFC 5646's grammar at all
 * (`i-klingon`, `x-private` are), since a file may carry any tag.
 */

/** The shape babele wants: a short language subtag, then hyphen-separated subtags. */
const shape = /^[A-Za-z]{2,3}(?:-[A-Za-z\d]{1,8})*$/

/** Tags found to be language tags (at most 256). */
const wellFormed = new Set<string>()

/**
 * @param value A value.
 * @returns Whether it is a BCP 47 language tag with a two- or three-letter language.
 */
export function isLanguageTag(value: unknown): value is string {
  if (typeof value !== 'string') return false
  if (wellFormed.has(value)) return true
  if (!shape.test(value)) return false
  try {
    Intl.getCanonicalLocales(value)
    // A project has a few tags, checked once per document and stage: ICU is asked once for each.
    if (wellFormed.size < 256) wellFormed.add(value)
    return true
  } catch {
    return false
  }
}

/**
 * @param tag A BCP 47 tag (`fr-CA`).
 * @returns Its primary language subtag, lower-cased (`fr`).
 */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase()
}

// RFC 5646 §2.1 `Language-Tag`, case-insensitive.
const languageExpression = new RegExp(
  '^(?:' +
    // langtag
    '(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})' +
    '(?:-[a-z]{4})?' +
    '(?:-(?:[a-z]{2}|[0-9]{3}))?' +
    '(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*' +
    '(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*' +
    '(?:-x(?:-[a-z0-9]{1,8})+)?' +
    // privateuse
    '|x(?:-[a-z0-9]{1,8})+' +
    // irregular grandfathered tags
    '|en-gb-oed|i-(?:ami|bnn|default|enochian|hak|klingon|lux|mingo|navajo|pwn|tao|tay|tsu)|sgn-(?:be-fr|be-nl|ch-de)' +
    ')$',
  'i'
)

/**
 * @param value A value.
 * @returns Whether it is a well-formed BCP 47 language tag (RFC 5646 §2.1.1), at most 256 characters.
 */
export function isWellFormedTag(value: string): boolean {
  return value.length <= 256 && languageExpression.test(value)
}
