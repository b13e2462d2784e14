/**
 * Resolve segment keys for a locale with i18next's own fallback chains.
 * Takes: resources (every locale's bundles) and a fallback configuration.
 * Returns: a resolver giving each key's value and the locale it came from.
 *
 * i18next runs with key and namespace separators and interpolation off: keys
 * are hashes and values are Markdown-bearing text that must arrive verbatim.
 */
import i18next, {type FallbackLng, type Resource} from 'i18next'

/** Options of {@linkcode createResolver}. */
export interface Options {
  /** Every locale's bundles: `{[lng]: {[namespace]: bundle}}`. */
  resources: Resource
  /** i18next `fallbackLng`: a locale, a list, or `{[lng]: [...], default: [...]}`. */
  fallbackLng: FallbackLng
}

/** A resolved key. */
export interface Resolved {
  value: string
  /** The locale whose bundle held the value. */
  locale: string
}

/** Looks up a key of a namespace for a locale. */
export type Resolver = (locale: string, namespace: string, key: string) => Resolved | undefined

/**
 * @param options Resources and fallback chain.
 */
export function createResolver(options: Options): Resolver {
  const instance = i18next.createInstance()
  instance.init({
    resources: options.resources,
    fallbackLng: options.fallbackLng,
    initAsync: false,
    keySeparator: false,
    nsSeparator: false,
    returnEmptyString: false,
    returnNull: false,
    interpolation: {escapeValue: false},
    ns: [],
    defaultNS: false
  })
  return (locale, namespace, key) => {
    if (!instance.exists(key, {lng: locale, ns: namespace})) return
    const details = instance.t(key, {lng: locale, ns: namespace, returnDetails: true, skipInterpolation: true}) as unknown as {res: unknown; usedLng: string}
    return typeof details.res === 'string' ? {value: details.res, locale: details.usedLng} : undefined
  }
}
