/**
 * Bench child: import one large, honest XLIFF 2.1 file (10⁵ units, every
 * target filled) the way `babele import` does, in a process of its own so
 * its peak RSS is the import's. Prints one JSON line of figures.
 */
import {buildProject, extractDocuments, extractProject, importProject, parseConfig} from '../pipeline/index.ts'

const units = Number(process.argv[2] ?? 100000)
const words = ['alleanza', 'vertice', 'Pechino', 'Mosca', 'sanzioni', 'energia', 'gasdotto', 'politica', 'estera', 'accordo', 'commerciale', 'Ucraina']
const paragraphs: string[] = []
for (let index = 0; index < units; index++) {
  const pick = (offset: number) => words[(index * 7 + offset * 3) % words.length]
  paragraphs.push(`Paragrafo ${index}: la **${pick(1)}** e il ${pick(2)} di ${pick(3)}, ${pick(4)}.`)
}
// The default maxXliffBytes (50 MiB) is raised so the file is imported, not refused.
const config = parseConfig({targetLocales: ['en'], maxXliffBytes: 256 * 1024 * 1024}).value!
const sources = new Map([['large.md', paragraphs.join('\n\n') + '\n']])
const documents = extractDocuments(config, sources).value
const path = 'xliff/en/large.md.xlf'
const xliff = extractProject(config, documents, {bundles: new Map(), states: new Map()})
  .value.get(path)!
  .replace(/(<segment id="[^"]+") state="initial">\n(\s*)<source>(.*)<\/source>/g, '$1 state="translated">\n$2<source>$3</source>\n$2<target>$3</target>')
const bytes = Buffer.byteLength(xliff)
globalThis.gc?.()
const heapBefore = process.memoryUsage().heapUsed

const rssBefore = process.memoryUsage().rss / 1048576
const started = performance.now()
const imported = importProject(config, documents, {bundles: new Map(), states: new Map()}, new Map([[path, xliff]]))
const importSeconds = (performance.now() - started) / 1000
globalThis.gc?.()
const retained = (process.memoryUsage().heapUsed - heapBefore) / 1048576
const built = buildProject(config, documents, imported.stores)

process.stdout.write(
  JSON.stringify({
    units: documents.get('large.md')!.units.length,
    megabytes: bytes / 1e6,
    importSeconds,
    segments: imported.reports[0]!.segments,
    quarantined: imported.reports[0]!.quarantined.length,
    errors: imported.messages.length,
    built: built.value.size,
    retainedHeap: retained,
    rssBeforeImport: rssBefore,
    rssAfterImport: process.memoryUsage().rss / 1048576,
    peakRss: process.resourceUsage().maxRSS / 1024
  }) + '\n'
)
