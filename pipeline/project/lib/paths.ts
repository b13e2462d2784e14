/**
 * Where a project keeps each file, and the project as values. Takes: the
 * config and a locale, document id or path. Returns: paths relative to the
 * project root; the `Stores` and `Outputs` shapes every project operation uses.
 */
import type {Config} from '../../config/index.ts'
import type {Bundle, StateFile} from '../../types.ts'

/** The stores of a project, as values. */
export interface Stores {
  /** Bundles by `<locale>/<document id>`. */
  bundles: Map<string, Bundle>
  /** Per-key state by `<locale>/<document id>`. */
  states: Map<string, StateFile>
}

/** Files to write: path relative to the project root → content. */
export type Outputs = Map<string, string>

/** Paths of a document's stores and exchange files. */
export const paths = {
  bundle: (config: Config, locale: string, id: string) => `${config.locales}/${locale}/${id}.json`,
  state: (config: Config, locale: string, id: string) => `${config.locales}/${locale}/${id}.state.json`,
  xliff: (config: Config, locale: string, path: string) => `${config.xliff}/${locale}/${path}.xlf`,
  dist: (config: Config, locale: string, path: string) => `${config.dist}/${locale}/${path}`,
  source: (config: Config, path: string) => `${config.source}/${config.sourceLocale}/${path}`
}
