/**
 * The machine-translation engine kind a locale is configured with. Takes:
 * the config and a locale. Returns: `apertium`, `http` or `none`. Loads no
 * engine: `run` asks it to know whether it needs them at all (their modules
 * load Node's `child_process`).
 *
 * ```ts
 * engineOf({...config, mt: {...config.mt, engine: {default: 'apertium', fr: 'http'}}}, 'fr') // 'http'
 * ```
 */
import type {Config} from '../../config/index.ts'

/**
 * @param config The project's config (`mt.engine`: one kind, or one per locale with a `default`).
 * @param locale A target locale.
 * @returns The configured engine kind of the locale.
 */
export function engineOf(config: Config, locale: string): 'apertium' | 'http' | 'none' {
  const {engine} = config.mt
  return typeof engine === 'string' ? engine : (engine[locale] ?? engine.default ?? 'none')
}
