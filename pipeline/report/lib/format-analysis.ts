/**
 * The analysis as a text table, like a CAT tool's report. Takes: an
 * analysis. Returns: the table as a string (no colour; the CLI prints it):
 * one block per file and one for the total, a row per band with segments,
 * words and the share of the words, then the unknown words, if any.
 *
 * ```
 * putin-xi-alleanza.md                 segments   words       %
 *   context match (101%)                      0       0     0.0
 *   …
 * ```
 */
import {percentText} from '../../build/index.ts'
import {bands, type Analysis, type AnalysisCounts, type Band} from './analyze.ts'

/** Row labels by band; the lowest fuzzy band is labelled from the threshold. */
function label(band: Band, threshold: number): string {
  switch (band) {
    case 'context':
      return 'context match (101%)'
    case 'exact':
      return 'exact match (100%)'
    case '95-99':
      return 'fuzzy 95–99%'
    case '85-94':
      return 'fuzzy 85–94%'
    case 'fuzzy':
      return `fuzzy ${threshold}–84%`
    case 'machine':
      return 'machine translation'
    case 'none':
      return 'no match'
    case 'repetitions':
      return 'repetitions'
  }
}

/** @param analysis The analysis of one locale. */
export function formatAnalysis(analysis: Analysis): string {
  const lines = [`Analysis ${analysis.sourceLocale} → ${analysis.locale} (fuzzy threshold ${analysis.threshold}%; ${analysis.wordRule})`]
  const width = 36
  const block = (title: string, counts: AnalysisCounts) => {
    lines.push('', `${title.padEnd(width)}${'segments'.padStart(10)}${'words'.padStart(8)}${'%'.padStart(8)}`)
    for (const band of bands) {
      if (band === 'fuzzy' && analysis.threshold >= 85) continue
      const count = counts.bands[band]
      lines.push(`  ${label(band, analysis.threshold).padEnd(width - 2)}${String(count.segments).padStart(10)}${String(count.words).padStart(8)}${percent(count.words, counts.total.words).padStart(8)}`)
    }
    lines.push(`  ${'total'.padEnd(width - 2)}${String(counts.total.segments).padStart(10)}${String(counts.total.words).padStart(8)}${percent(counts.total.words, counts.total.words).padStart(8)}`)
  }
  for (const file of analysis.files) block(file.path, file)
  block('all files', analysis.total)
  if (analysis.unknownWords.length > 0) lines.push('', `Unknown words (${analysis.unknownWords.length}): ${analysis.unknownWords.map((entry) => (entry.count > 1 ? `${entry.word} (${entry.count})` : entry.word)).join(', ')}`)
  return lines.join('\n')
}

function percent(part: number, whole: number): string {
  return percentText(part, whole, {empty: 0})
}
