/**
 * Choose the machine-translation engine of each target locale. Takes: a
 * workspace, an engine kind that overrides the config's (`--engine`) and the
 * locales. Returns: an engine per locale that has one (wrapped in the
 * project's MT cache), and a message for every locale left without one:
 * no pair configured, or Apertium or one of its pairs not installed (naming
 * the Debian packages to install).
 */
import {diagnostic} from '../../diagnostic.ts'
import {resolve} from 'node:path'
import type {Engine} from '../../mt/index.ts'
import type {Diagnostic, Severity} from '../../types.ts'
import type {Workspace} from '../workspace.ts'
import {apertiumEngine, apertiumMissing} from './apertium.ts'
import {cachedEngine, openMtCache, type MtCache} from './cache.ts'
import {engineOf} from './engine-of.ts'
import {httpEngine} from './http.ts'

/** An engine kind as `--engine` names it: `memory` means no engine. */
export type EngineChoice = 'apertium' | 'http' | 'memory'

/** Options of {@linkcode selectEngines}. */
export interface SelectOptions {
  /** `--engine`: overrides the config for every locale. */
  engine?: EngineChoice | undefined
  /** Locales to find engines for. */
  locales: readonly string[]
  /** Severity of a missing engine (a warning in `run`, which goes on building; an error in `pretranslate`). */
  severity: Severity
  /** Called with the number of texts each engine call sends (not answered from the cache). */
  onCall?: ((locale: string, count: number) => void) | undefined
}

/**
 * @param workspace Project.
 * @param options Engine override, locales, severity of a missing engine.
 */
export function selectEngines(workspace: Workspace, options: SelectOptions): {engines: Map<string, Engine>; cache: MtCache; messages: Diagnostic[]} {
  const {config} = workspace
  const messages: Diagnostic[] = []
  const cache = openMtCache(resolve(workspace.root, config.mt.cache), config.mt.cache)
  const engines = new Map<string, Engine>()
  const kinds = new Map(options.locales.map((locale) => [locale, options.engine === 'memory' ? 'none' : (options.engine ?? engineOf(config, locale))]))
  const where = {file: 'babele.config.json', source: 'mt', severity: options.severity}

  const apertiumLocales = options.locales.filter((locale) => kinds.get(locale) === 'apertium')
  const pairs = new Map<string, string>()
  for (const locale of apertiumLocales) {
    const pair = config.mt.apertium.pairs[locale]
    if (pair) pairs.set(locale, pair)
    else messages.push(diagnostic('mt-pair-missing', `${locale}: no Apertium pair configured (\`mt.apertium.pairs.${locale}\`, e.g. "ita-cat|cat-eng"); not machine-translated`, where))
  }
  if (pairs.size > 0) {
    const modes = [...new Set([...pairs.values()].flatMap((pair) => pair.split('|')))]
    const missing = apertiumMissing(modes)
    for (const [locale, pair] of pairs) {
      if (missing && pair.split('|').some((mode) => missing.modes.includes(mode))) continue
      engines.set(locale, apertiumEngine({pair, source: config.sourceLocale, target: locale, timeout: config.mt.apertium.timeout}))
    }
    if (missing) {
      const left = [...pairs.keys()].filter((locale) => !engines.has(locale))
      messages.push(diagnostic('mt-engine-missing', `${missing.message}; ${left.join(', ')} not machine-translated`, where))
    }
  }

  for (const locale of options.locales.filter((one) => kinds.get(one) === 'http')) {
    const {http} = config.mt
    const pair = http.pairs[locale]
    if (!pair) {
      messages.push(diagnostic('mt-pair-missing', `${locale}: no HTTP engine pair configured (\`mt.http.pairs.${locale}\`, e.g. "ita|spa" for apertium-apy, "it|es" for LibreTranslate); not machine-translated`, where))
      continue
    }
    engines.set(locale, httpEngine({api: http.api, url: http.url, pair, source: config.sourceLocale, target: locale, apiKey: http.apiKey, timeout: http.timeout, retries: http.retries, concurrency: http.concurrency}))
  }

  for (const [locale, engine] of engines) engines.set(locale, cachedEngine(engine, cache, options.onCall ? (count) => options.onCall!(locale, count) : undefined))
  return {engines, cache, messages: [...messages, ...cache.messages]}
}
