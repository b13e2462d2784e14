/**
 * `npm run bench`: time the pipeline on a generated corpus against the floor,
 * bare remark-parse with the same plugins. Prints figures and ratios; asserts
 * nothing (speed is tracked here, not in tests).
 *
 * The parse figures (bare remark-parse, babele's own parse, blocks, extract)
 * are medians of BENCH_RUNS (5) interleaved runs on one core, as wall time
 * and as the process's CPU time: on a shared machine CPU time is the steadier
 * measure of the per-core cost, and the load average is printed beside them.
 */
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {availableParallelism, loadavg} from 'node:os'
import {fileURLToPath} from 'node:url'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkFrontmatter from 'remark-frontmatter'
import {buildProject, checkProject, extractDocuments, extractProject, fromTbx, glossaryReport, markdownBlocks, parseConfig, projectTerms, qaReport, sourceBundle, type Bundle} from '../pipeline/index.ts'
import {blockTree} from '../pipeline/markdown/lib/block-tree.ts'
import {cliStart} from './cli-start.ts'
import {corpus} from './corpus.ts'
import {median, time} from './stats.ts'

// First, while the process is small: the compiled CLI's start (issue 12's target: at most 0.15 s).
const startRuns = Number(process.env.BENCH_START_RUNS ?? 20)
const start = cliStart(startRuns)
const startLoad = loadavg()[0]!

const count = Number(process.env.BENCH_FILES ?? 2000)
const seed = readFileSync(new URL('../source/it/putin-xi-alleanza.md', import.meta.url), 'utf8')
const files = corpus(seed, count)
const bytes = [...files.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0)
const megabytes = bytes / 1e6
const config = parseConfig({targetLocales: ['en']}).value!

// Warm up the JIT on a slice so the first timed stage is not penalized.
extractDocuments(config, new Map([...files].slice(0, 50)))

/** Wall and CPU seconds of one run. */
interface Cost {
  seconds: number
  cpu: number
}

function cost<T>(run: () => T): Cost & {value: T} {
  const cpu = process.cpuUsage()
  const {seconds, value} = time(run)
  const used = process.cpuUsage(cpu)
  return {seconds, cpu: (used.user + used.system) / 1e6, value}
}

// The floor and babele's parse, run after one another in each round so that a
// change of load touches all of them; each figure is the median of its rounds.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml'])
const parseRuns = Number(process.env.BENCH_RUNS ?? 5)
let extracted: ReturnType<typeof extractDocuments>['value'] | undefined
const stages = {
  parse: () => {
    for (const text of files.values()) processor.parse(text)
  },
  tree: () => {
    for (const text of files.values()) blockTree(text)
  },
  blocks: () => {
    for (const text of files.values()) markdownBlocks(text)
  },
  units: () => {
    extracted = extractDocuments(config, files).value
  }
}
const costs: Record<keyof typeof stages, Cost[]> = {parse: [], tree: [], blocks: [], units: []}
const loads: number[] = [loadavg()[0]!]
for (let round = 0; round < parseRuns; round++) {
  for (const name of Object.keys(stages) as Array<keyof typeof stages>) {
    const {seconds, cpu} = cost(stages[name])
    costs[name].push({seconds, cpu})
  }
  loads.push(loadavg()[0]!)
}
const medians = Object.fromEntries(Object.entries(costs).map(([name, list]) => [name, {seconds: median(list.map((one) => one.seconds)), cpu: median(list.map((one) => one.cpu))}])) as Record<keyof typeof stages, Cost>
const parse = medians.parse
const units = {...medians.units, value: extracted!}
const stores = {bundles: new Map<string, Bundle>(), states: new Map()}
const xliff = time(() => extractProject(config, units.value, stores))
for (const document of units.value.values()) {
  const upper: Bundle = {}
  for (const [key, value] of Object.entries(sourceBundle(document))) upper[key] = value.replace(/(^|>)([^<]+)/g, (_, tag: string, text: string) => tag + text.toUpperCase())
  stores.bundles.set(`en/${document.id}`, upper)
}
const build = time(() => buildProject(config, units.value, stores))
// What `babele build` does: extract the sources again, then resolve and render.
const buildCli = time(() => buildProject(config, extractDocuments(config, files).value, stores))
// What `babele report` adds to a build: check every stored value against the seed's glossary, then both pages.
const termbase = fromTbx(readFileSync(new URL('../glossary/geopolitics.tbx', import.meta.url), 'utf8')).value!
const terms = projectTerms(config, termbase)
const reports = time(() => {
  const checked = checkProject(config, units.value, stores, {terms})
  return [glossaryReport({config, termbase, terms, documents: units.value, stores, diagnostics: checked.messages}), qaReport({config, documents: units.value, diagnostics: checked.messages, coverage: build.value.coverage})]
})

// Flavour syntax read as the site reads it: the same corpus with a heading id
// on every heading and a container in every file, every flavour on (a second parse).
const flavored = new Map([...files].map(([path, text]) => [path, '::: tip Nota\nUn consiglio.\n:::\n\n' + text.replace(/^(#{1,6} .+)$/gm, (heading, _, offset: number) => `${heading} {#h${offset}}`)]))
const flavorConfig = parseConfig({targetLocales: ['en'], flavor: ['vitepress', 'docusaurus', 'mkdocs', 'hugo', 'jekyll', 'mdbook', 'docfx']}).value!
const flavoredBytes = [...flavored.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6
const flavorUnits = cost(() => extractDocuments(flavorConfig, flavored).value)

const segments = [...units.value.values()].reduce((sum, document) => sum + document.units.reduce((inner, unit) => inner + unit.parts.filter((part) => part.type === 'segment').length, 0), 0)
const rss = process.resourceUsage().maxRSS / 1024
const rate = (seconds: number) => `${(megabytes / seconds).toFixed(2)} MB/s`
const rows: Array<[string, string]> = [
  ['files', String(files.size)],
  ['bytes', `${bytes} (${megabytes.toFixed(2)} MB)`],
  ['units / segments', `${[...units.value.values()].reduce((sum, document) => sum + document.units.length, 0)} / ${segments}`],
  [`one core, median of ${parseRuns} rounds: load average`, `${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} on ${availableParallelism()} cores`],
  ['remark-parse (gfm + frontmatter), bare', `${parse.seconds.toFixed(2)} s  ${rate(parse.seconds)}  CPU ${parse.cpu.toFixed(2)} s`],
  ...(['tree', 'blocks', 'units'] as const).map((name): [string, string] => {
    const label = {tree: "babele's parse (micromark events → lean tree)", blocks: 'blocks (parse + flavour syntax + blocks + inline codes)', units: 'extract: units (parse + blocks + segment + keys)'}[name]
    const {seconds, cpu} = medians[name]
    const verdict = name === 'units' ? `; target ≤ 1.3× (CPU): ${cpu / parse.cpu <= 1.3 ? 'met' : 'NOT met'}` : ''
    return [label, `${seconds.toFixed(2)} s  ${rate(seconds)}  ratio to bare parse ${(seconds / parse.seconds).toFixed(2)} (CPU ${(cpu / parse.cpu).toFixed(2)})${verdict}`]
  }),
  ['extract: units, every flavour on (a container and heading ids in every file)', `${flavorUnits.seconds.toFixed(2)} s  ${(flavoredBytes / flavorUnits.seconds).toFixed(2)} MB/s  ratio to bare parse ${(flavorUnits.seconds / parse.seconds).toFixed(2)} (CPU ${(flavorUnits.cpu / parse.cpu).toFixed(2)}, one run)`],
  ['extract: XLIFF 2.1 + source bundles', `${xliff.seconds.toFixed(2)} s  ${rate(xliff.seconds)}`],
  ['extract total', `${(units.seconds + xliff.seconds).toFixed(2)} s  ratio to bare parse ${((units.seconds + xliff.seconds) / parse.seconds).toFixed(2)}`],
  ['build: resolve + render (1 locale, every key translated)', `${build.seconds.toFixed(2)} s  ${rate(build.seconds)}  ratio to bare parse ${(build.seconds / parse.seconds).toFixed(2)}`],
  ['build as the CLI runs it (re-extract + resolve + render)', `${buildCli.seconds.toFixed(2)} s  ${rate(buildCli.seconds)}  ratio to bare parse ${(buildCli.seconds / parse.seconds).toFixed(2)}`],
  ['reports: check + glossary review + QA pages (seed glossary)', `${reports.seconds.toFixed(2)} s  ${rate(reports.seconds)}  pages ${reports.value.map((html) => `${(Buffer.byteLength(html) / 1e6).toFixed(1)} MB`).join(' + ')}`],
  ['peak RSS', `${rss.toFixed(0)} MB`],
  [`CLI start: babele --version (compiled bin), median of ${startRuns}`, `${start.version.toFixed(3)} s  target ≤ 0.15 s: ${start.version <= 0.15 ? 'met' : 'NOT met'}`],
  [`CLI start: babele --help, median of ${startRuns}`, `${start.help.toFixed(3)} s`],
  [`node -e 0 (the floor), median of ${startRuns}`, `${start.node.toFixed(3)} s  (load average ${startLoad.toFixed(2)} on ${availableParallelism()} cores)`]
]
// The large-file import runs in a process of its own, so its RSS is its own.
const large = JSON.parse(
  execFileSync('node', ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('import-large.ts', import.meta.url)), String(process.env.BENCH_IMPORT_UNITS ?? 100000)], {encoding: 'utf8', maxBuffer: 1 << 20})
)
rows.push(
  ['import: one XLIFF 2.1 file, every target filled', `${large.units} units, ${large.megabytes.toFixed(1)} MB, ${large.segments} segments taken, ${large.quarantined} quarantined`],
  ['import: seconds (read, check, store)', `${large.importSeconds.toFixed(2)} s  ${(large.megabytes / large.importSeconds).toFixed(2)} MB/s`],
  ['import: RSS before → after (source extracted first)', `${large.rssBeforeImport.toFixed(0)} MB → ${large.rssAfterImport.toFixed(0)} MB, heap retained ${large.retainedHeap.toFixed(0)} MB`],
  ['import: peak RSS of that process (incl. extracting the 10^5-paragraph source)', `${large.peakRss.toFixed(0)} MB`]
)
const width = Math.max(...rows.map(([name]) => name.length))
console.log(`babele bench (Node ${process.version}, one process)`)
for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`)
