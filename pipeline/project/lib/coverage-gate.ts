/**
 * The coverage gate. Takes: the config (`minCoverage`, `coverageOrigins`)
 * and the coverage of every document the build wrote. Returns: each target
 * locale's coverage after fallback, the share its counted origins translated
 * and its minimum, and a `coverage-below-minimum` error for each locale
 * under its minimum. The build writes every file all the same (an
 * untranslated key falls back through the chain); the error makes the
 * command exit 1.
 *
 * A locale's share is its words translated, in the locale or in a fallback
 * locale, by a counted origin, over all its words (the documents built; a
 * document the build refused has its own `build-refused` error):
 *
 * > es: 7 of 21 words (2 of 5 segments) translated by human, memory: 33.3%
 */
import {coveredShare, percentText, sumCoverage, type Coverage, type CoveredShare} from '../../build/index.ts'
import type {Config} from '../../config/index.ts'
import {diagnostic} from '../../diagnostic.ts'
import type {Diagnostic} from '../../types.ts'
import type {BuildEntry} from './build-project.ts'

/** A target locale's coverage, as the gate reads it. */
export interface LocaleGate extends CoveredShare {
  locale: string
  /** Every figure, summed over the locale's built documents. */
  coverage: Coverage
  /** The locale's minimum percentage, if the config sets one. */
  minimum: number | undefined
  /** Whether the locale meets its minimum (true without one). */
  passed: boolean
}

/**
 * @param config Project config: target locales, `minCoverage`, `coverageOrigins`.
 * @param entries Coverage of each built document (`buildProject`).
 * @returns Each target locale's figures, and an error per locale under its minimum.
 */
export function coverageGate(config: Config, entries: readonly BuildEntry[]): {value: LocaleGate[]; messages: Diagnostic[]} {
  const messages: Diagnostic[] = []
  const value = config.targetLocales.map((locale): LocaleGate => {
    const coverage = sumCoverage(entries.filter((entry) => entry.locale === locale).map((entry) => entry.coverage))
    const share = coveredShare(coverage, config.coverageOrigins)
    const minimum = minimumOf(config, locale)
    // Compared as whole numbers where it can be: 29 of 50 words is 58%, though 29 / 50 * 100 is 57.99…
    const passed = minimum === undefined || share.covered.words * 100 >= minimum * share.total.words - 1e-9
    if (!passed) {
      messages.push(
        diagnostic(
          'coverage-below-minimum',
          `${locale}: ${shareText(share, config.coverageOrigins)}, below the minimum of ${minimum}% (\`minCoverage\`); every file was written, untranslated segments fall back`,
          {source: 'build', severity: 'error', expected: `${minimum}%`, actual: `${percentText(share.covered.words, share.total.words)}%`}
        )
      )
    }
    return {locale, coverage, ...share, minimum, passed}
  })
  return {value, messages}
}

/**
 * @param share A locale's covered share.
 * @param counted The origins counted.
 * @returns `7 of 21 words (2 of 5 segments) translated by human, memory: 33.3%`.
 */
export function shareText(share: CoveredShare, counted: readonly string[]): string {
  return `${share.covered.words} of ${share.total.words} words (${share.covered.segments} of ${share.total.segments} segments) translated by ${counted.join(', ')}: ${percentText(share.covered.words, share.total.words)}%`
}

/** The locale's minimum: its own, else `default`, else the one for all. */
function minimumOf(config: Config, locale: string): number | undefined {
  const {minCoverage} = config
  if (typeof minCoverage === 'number' || minCoverage === undefined) return minCoverage
  return minCoverage[locale] ?? minCoverage['default']
}
