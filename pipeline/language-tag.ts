/**
 * Whether a value is a BCP 47 language tag babele can use as a locale.
 * Takes: a value. Returns: a boolean. Config, the readers (a CSV column
 * name) and the CLI (`init`'s locales) all ask here.
 *
 * A tag starts with a two- or three-letter language subtag (`it`, `pt-BR`,
 * `zh-Hans-CN`, `es-419`), and ICU must accept its syntax
 * (`Intl.getCanonicalLocales`): `pt_BR`, `en-` and `english` are no tags.
 */

/** The shape babele wants: a short language subtag, then hyphen-separated subtags. */
const shape = /^[A-Za-z]{2,3}(?:-[A-Za-z\d]{1,8})*$/

/**
 * @param value A value.
 * @returns Whether it is a BCP 47 language tag with a two- or three-letter language.
 */
export function isLanguageTag(value: unknown): value is string {
  if (typeof value !== 'string' || !shape.test(value)) return false
  try {
    Intl.getCanonicalLocales(value)
    return true
  } catch {
    return false
  }
}
