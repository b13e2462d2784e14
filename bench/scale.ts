/**
 * `npm run bench`, the project at scale: the compiled CLI (`bin/babele.js`,
 * lib/ built first) on a generated project of the bench corpus (2,000 files
 * by default, one target locale, the seed's glossary), each command in a
 * process of its own, beside po4a on the same files. Prints the machine,
 * then the median wall time (with the fastest and slowest run) and peak RSS of each figure over several runs,
 * the ratios (the per-core one beside each pair's) and whether each of issue 12's targets is met. Asserts nothing.
 *
 * - cold extract (no cache) with the default jobs and with `--jobs 1`, and
 *   `po4a-updatepo -f text -o markdown -o neverwrap` on the same files
 *   (po4a installed from Debian when missing and root; else skipped, saying so);
 * - bare remark-parse (gfm + frontmatter) of the same files on one core, in
 *   a process of its own, each run right after a `--jobs 1` run: `--jobs 1`
 *   per core against it, as the median of the pairs' ratios;
 * - `babele run` cold (each run from nothing), the first re-run (it stores the run cache's entry),
 *   with nothing changed (answered from the run cache, beside a bare
 *   `node -e 0`), after a one-file edit, and after a translator returned one
 *   XLIFF file (its targets filled by `../shared/tools/fill-xliff.py`; no
 *   target: skipped, saying so, without the shared tools or python3), and
 *   after every XLIFF file was returned at once, on the corpus and on a
 *   quarter of it (one run each; time and peak RSS ratios, no target);
 * - cold extract of four times the corpus: time and peak RSS ratios.
 *
 * Every command runs with `--json`, its stdout sent to a file, as a CI job
 * keeps it (`babele run --json > result.json`): timed through a pipe the
 * bench reads, the bench's own reading would be counted as babele's
 * (spawnSync took 0.13–0.17 s to take in the 15.6 MB a no-change run of the
 * generated corpus prints, from `cat`, which writes them to a file in
 * 0.015 s; load 4). The no-change run, the one figure where that is a
 * large part, is also timed through the pipe, and both are printed.
 *
 * What a run leaves is moved aside before the next cold run, not deleted,
 * and deleted when the bench ends (see `trash`): a deletion of thousands of
 * files just before a timed run slows the file creation it times.
 *
 * Environment: BENCH_SCALE_FILES (2000), BENCH_SCALE_RUNS (3), BENCH_SCALE_QUICK_RUNS
 * (three times BENCH_SCALE_RUNS: the no-change and one-file-edit runs), BENCH_SCALE_FACTOR (4),
 * BENCH_SCALE_TRASH (a folder on the same file system to move what is
 * cleared into, left for the caller to delete: for benches run back to
 * back, each of which would otherwise delete its own just before the next
 * one starts).
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {appendFileSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {availableParallelism, cpus, loadavg, tmpdir} from 'node:os'
import {dirname, join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {corpus} from './corpus.ts'
import {median, time} from './stats.ts'

const files = Number(process.env.BENCH_SCALE_FILES ?? 2000)
const runs = Number(process.env.BENCH_SCALE_RUNS ?? 3)
/**
 * Runs of the figures that take about a second or less (nothing changed,
 * one file edited): the machine's speed moves by a third from one second
 * to the next (one-file edits of the 2,000-file project, back to back:
 * 0.96-1.64 s wall, every phase of a slow one slower alike), and three
 * such runs span a few seconds, where the cold runs they are set against
 * span minutes. Nine cost about ten seconds.
 */
const quickRuns = Number(process.env.BENCH_SCALE_QUICK_RUNS ?? 3 * runs)
const factor = Number(process.env.BENCH_SCALE_FACTOR ?? 4)
const repository = fileURLToPath(new URL('..', import.meta.url))
const bin = join(repository, 'bin/babele.js')
const rssProbe = join(repository, 'bench/peak-rss.js')
const seed = readFileSync(join(repository, 'source/it/putin-xi-alleanza.md'), 'utf8')

/** One timed process: wall seconds, peak RSS in MB (undefined when unknown). */
interface Measure {
  seconds: number
  rss: number | undefined
  /** A median's: the fastest and slowest of its runs, in wall seconds. */
  spread?: [number, number]
}

/** A project of `count` corpus files in a temp folder. */
function makeProject(count: number): {folder: string; sources: string[]; megabytes: number} {
  const folder = mkdtempSync(join(tmpdir(), 'babele-scale-'))
  const sources: string[] = []
  let bytes = 0
  for (const [path, text] of corpus(seed, count)) {
    const file = join(folder, 'source/it', path)
    mkdirSync(dirname(file), {recursive: true})
    writeFileSync(file, text)
    sources.push(file)
    bytes += Buffer.byteLength(text)
  }
  mkdirSync(join(folder, 'glossary'))
  writeFileSync(join(folder, 'glossary/geopolitics.tbx'), readFileSync(join(repository, 'glossary/geopolitics.tbx')))
  writeFileSync(join(folder, 'babele.config.json'), JSON.stringify({targetLocales: ['en']}))
  return {folder, sources, megabytes: bytes / 1e6}
}

/** Where babele's stdout goes (`--json`): a file outside the projects, emptied before each run. */
const outputs = mkdtempSync(join(tmpdir(), 'babele-scale-output-'))
const outputFile = join(outputs, 'result.json')

/**
 * Run the compiled CLI in `folder`, stdout to `outputFile` (or, with
 * `piped`, to a pipe the bench reads, kept as bytes: decoding it would be
 * timed too); its peak RSS comes from a probe loaded first.
 */
function babele(folder: string, args: string[], piped = false): Measure {
  const rssFile = join(folder, '.rss')
  rmSync(rssFile, {force: true})
  const output = piped ? 'pipe' : openSync(outputFile, 'w')
  const started = performance.now()
  const result = spawnSync(process.execPath, ['--import', rssProbe, bin, ...args, '--json'], {cwd: folder, maxBuffer: 1 << 30, stdio: ['pipe', output, 'pipe'], env: {...process.env, BABELE_BENCH_RSS: rssFile}})
  const seconds = (performance.now() - started) / 1000
  if (output !== 'pipe') closeSync(output)
  if (result.status !== 0 && result.status !== 1) throw new Error(`babele ${args.join(' ')} exited ${result.status}: ${result.stderr.toString('utf8', 0, 2000)}`)
  // A run that printed no whole result (a full disk) is no figure.
  if (!piped && !wholeJson(outputFile)) throw new Error(`babele ${args.join(' ')} printed no whole --json result: ${result.stderr.toString('utf8', 0, 2000)}`)
  const kilobytes = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : Number.NaN
  return {seconds, rss: kilobytes > 0 ? kilobytes / 1024 : undefined}
}

/** Whether a file holds one JSON object with a command: a result `--json` printed whole. */
function wholeJson(path: string): boolean {
  try {
    return typeof (JSON.parse(readFileSync(path, 'utf8')) as {command?: unknown}).command === 'string'
  } catch {
    return false
  }
}

/**
 * Where what the bench clears goes until it ends: a folder beside the
 * projects (or BENCH_SCALE_TRASH), removed last. Deleting thousands of
 * files just before a timed run would time the file system as well: ext4
 * without a journal (this machine's root) does not reuse an inode freed in
 * the last minute (the last six, while its inode table block is not yet
 * written back), and checks each such inode again for every new file, so
 * the cold extract that followed a deletion of the last run's 14,000 files
 * spent 3-4 s more of CPU in the kernel creating files. A rename frees no
 * inode.
 */
const trashGiven = process.env.BENCH_SCALE_TRASH
const trash = trashGiven ? mkdtempSync(join(trashGiven, 'babele-scale-trash-')) : mkdtempSync(join(tmpdir(), 'babele-scale-trash-'))
let cleared = 0

/** Move `path`, if it exists, into the trash (never deleted before the bench's end). */
function clear(path: string): void {
  if (existsSync(path)) renameSync(path, join(trash, String(cleared++)))
}

/** Everything a cold run finds already there, cleared: outputs and the cache. */
function clean(folder: string): void {
  for (const name of ['xliff', 'locales', 'dist', 'reports', '.babele']) clear(join(folder, name))
}

/** The median of each field over `count` runs (default `runs`) of `measure` (after `before` each time). */
function medianRun(measure: () => Measure, options: {before?: () => void; count?: number} = {}): Measure {
  const all: Measure[] = []
  for (let run = 0; run < (options.count ?? runs); run++) {
    options.before?.()
    all.push(measure())
  }
  return medianOf(all)
}

/** The median of each field (peak RSS when every measure has one), and the fastest and slowest run's seconds. */
function medianOf(measures: readonly Measure[]): Measure {
  const seconds = median(measures.map((one) => one.seconds))
  const rss = measures.every((one) => one.rss !== undefined) ? median(measures.map((one) => one.rss!)) : undefined
  const all = measures.map((one) => one.seconds)
  return {seconds, rss, spread: [Math.min(...all), Math.max(...all)]}
}

/** po4a-updatepo on the same files (one POT), with /usr/bin/time for its RSS when there. */
function po4a(folder: string, sources: string[]): Measure | string {
  if (spawnSync('po4a-updatepo', ['--version']).error) {
    const root = typeof process.getuid === 'function' && process.getuid() === 0
    if (!root) return 'po4a-updatepo not installed and not root: skipped (apt-get install po4a)'
    const installed = spawnSync('apt-get', ['install', '-y', 'po4a'], {encoding: 'utf8', env: {...process.env, DEBIAN_FRONTEND: 'noninteractive'}})
    if (installed.status !== 0 || spawnSync('po4a-updatepo', ['--version']).error) return `po4a could not be installed (apt-get exited ${installed.status}): skipped`
  }
  const pot = join(folder, 'po4a.pot')
  const args = ['-f', 'text', '-o', 'markdown', '-o', 'neverwrap', '-M', 'UTF-8', ...sources.flatMap((file) => ['-m', file]), '-p', pot]
  const timed = existsSync('/usr/bin/time')
  return medianRun(
    () => {
      const started = performance.now()
      const result = timed ? spawnSync('/usr/bin/time', ['-f', '%M', 'po4a-updatepo', ...args], {encoding: 'utf8', maxBuffer: 1 << 30}) : spawnSync('po4a-updatepo', args, {encoding: 'utf8', maxBuffer: 1 << 30})
      const seconds = (performance.now() - started) / 1000
      if (result.status !== 0) throw new Error(`po4a-updatepo exited ${result.status}: ${result.stderr.slice(0, 2000)}`)
      const kilobytes = timed ? Number(result.stderr.trim().split('\n').at(-1)) : Number.NaN
      return {seconds, rss: Number.isFinite(kilobytes) ? kilobytes / 1024 : undefined}
    },
    {before: () => rmSync(pot, {force: true})}
  )
}

/** Bare remark-parse of the project's sources on one core, in a process of its own (`bench/bare-parse.ts`). */
function bareParse(folder: string): Measure {
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(repository, 'bench/bare-parse.ts'), join(folder, 'source/it')], {cwd: repository, encoding: 'utf8'})
  const {seconds, rss} = JSON.parse(output) as Measure
  return {seconds, rss}
}

/**
 * Cold `extract --jobs 1` and the bare parse, in pairs (one of each per
 * run, back to back): the medians of each, the pairs' ratios and their
 * median. The machine's speed drifts over a bench (other work on the host):
 * measured in blocks minutes apart, the bare parse alone moved over
 * 9.5-14.8 s between runs of the bench, and the ratio with it; a pair sees
 * about the same machine.
 */
function perCore(folder: string): {extract: Measure; bare: Measure; ratio: number; ratios: number[]} {
  const pairs: Array<{extract: Measure; bare: Measure}> = []
  for (let run = 0; run < runs; run++) {
    clean(folder)
    pairs.push({extract: babele(folder, ['extract', '--jobs', '1']), bare: bareParse(folder)})
  }
  const ratios = pairs.map((pair) => pair.extract.seconds / pair.bare.seconds)
  return {extract: medianOf(pairs.map((pair) => pair.extract)), bare: medianOf(pairs.map((pair) => pair.bare)), ratio: median(ratios), ratios}
}

/** Median wall time of a bare `node -e 0`, the floor of any CLI run on this machine now. */
function nodeStart(): number {
  return median(Array.from({length: 5}, () => time(() => spawnSync(process.execPath, ['-e', '0'])).seconds))
}

/** A figure: its median (the fastest and slowest of its runs when they differ at 0.01 s), peak RSS. */
const format = (measure: Measure) => {
  const [fastest, slowest] = (measure.spread ?? []).map((seconds) => seconds.toFixed(2))
  const spread = fastest !== slowest ? ` (${fastest}-${slowest})` : ''
  return `${measure.seconds.toFixed(2)} s${spread}, peak RSS ${measure.rss === undefined ? '?' : `${measure.rss.toFixed(0)} MB`}`
}
const rows: Array<[string, string]> = []
const load = () => loadavg().map((value) => value.toFixed(2)).join(' ')
const machine = `${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`
rows.push(['machine', `${machine}; load average at start ${load()}`])

const small = makeProject(files)
rows.push(['corpus', `${files} files, ${small.megabytes.toFixed(2)} MB, 1 target locale, the seed's glossary; medians of ${runs} runs (${quickRuns} of the no-change and one-file-edit runs)`])
const cold = medianRun(() => babele(small.folder, ['extract']), {before: () => clean(small.folder)})
const {extract: coldOne, bare, ratio: perCoreRatio, ratios: perCoreRatios} = perCore(small.folder)
const po = po4a(small.folder, small.sources)
rows.push([`babele extract, cold (no cache), --jobs ${availableParallelism()}`, format(cold)])
rows.push(['babele extract, cold, --jobs 1', `${format(coldOne)}; ${perCoreRatio.toFixed(2)} × bare remark-parse, the median of ${runs} paired runs (${perCoreRatios.map((ratio) => ratio.toFixed(2)).join(', ')}; target ≤ 1.3 per core: ${perCoreRatio <= 1.3 ? 'met' : 'NOT met'})`])
rows.push(['bare remark-parse (gfm + frontmatter), one core', `${format(bare)}, ${(small.megabytes / bare.seconds).toFixed(2)} MB/s`])
if (typeof po === 'string') rows.push(['po4a-updatepo -f text -o markdown -o neverwrap', po])
else rows.push(['po4a-updatepo -f text -o markdown -o neverwrap', `${format(po)}; babele cold extract ${(cold.seconds / po.seconds).toFixed(2)} × po4a (target < 1: ${cold.seconds < po.seconds ? 'met' : 'NOT met'})`])

// The whole pipeline cold (the median of several runs, each from nothing: the
// edit's share divides by it), then again with nothing changed, then after
// editing one file.
const coldRun = medianRun(() => babele(small.folder, ['run']), {before: () => clean(small.folder)})
// The first run after one that wrote files writes nothing and stores its run-cache entry; the next ones are answered from it.
const settle = babele(small.folder, ['run'])
const again = medianRun(() => babele(small.folder, ['run']), {count: quickRuns})
const againPiped = medianRun(() => babele(small.folder, ['run'], true), {count: quickRuns})
let edits = 0
const edited = medianRun(
  () => babele(small.folder, ['run']),
  {before: () => appendFileSync(small.sources[(edits++ * 7919) % small.sources.length]!, `\nUna frase aggiunta, la numero ${edits}.\n`), count: quickRuns}
)
// A translator returns one XLIFF file, its targets filled (upper case) by the shared tools' filler, an XML
// writer not babele's: its stored translations are memory for every document, whose XLIFF and analysis
// part are made again. A different file each run.
const filler = join(repository, '../shared/tools/fill-xliff.py')
let returns = 0
const fillOne = () => {
  const source = small.sources[(returns++ * 4099 + 17) % small.sources.length]!
  const xliff = join(small.folder, 'xliff/en', `${relative(join(small.folder, 'source/it'), source)}.xlf`)
  execFileSync('python3', [filler, 'upper', xliff], {stdio: 'ignore'})
}
const canFill = existsSync(filler) && !spawnSync('python3', ['--version']).error
const returned = canFill ? medianRun(() => babele(small.folder, ['run']), {before: fillOne}) : undefined
rows.push(['babele run, cold (import, extract, build, analysis, reports)', format(coldRun)])
rows.push(['babele run, first re-run (writes nothing; stores the run)', format(settle)])
rows.push(['babele run, nothing changed (answered from the run cache; stdout to a file)', `${format(again)} (target ≤ 0.3 s: ${again.seconds <= 0.3 ? 'met' : 'NOT met'}); stdout through a pipe the bench reads, ${againPiped.seconds.toFixed(2)} s; bare \`node -e 0\` ${nodeStart().toFixed(2)} s`])
rows.push(['babele run, one source edited', `${format(edited)}; ${((100 * edited.seconds) / coldRun.seconds).toFixed(1)}% of the cold run (target ≤ 5%: ${edited.seconds <= 0.05 * coldRun.seconds ? 'met' : 'NOT met'})`])
rows.push(['babele run, one returned XLIFF file imported (no target)', returned ? `${format(returned)}; ${((100 * returned.seconds) / coldRun.seconds).toFixed(0)}% of the cold run` : `skipped: no ${filler} or no python3`])
// A translator's whole batch returned: every XLIFF file filled, then `run` (one run: about a minute at
// 2,000 files), on the corpus and on a quarter of it, for how time and memory grow with the files.
const everyReturned = (folder: string): Measure => {
  const xliff = join(folder, 'xliff/en')
  const returnedFiles = readdirSync(xliff, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.xlf')).map((name) => join(xliff, name))
  for (let at = 0; at < returnedFiles.length; at += 500) execFileSync('python3', [filler, 'upper', ...returnedFiles.slice(at, at + 500)], {stdio: 'ignore'})
  return babele(folder, ['run'])
}
if (canFill) {
  const all = everyReturned(small.folder)
  const quarter = makeProject(Math.round(files / 4))
  babele(quarter.folder, ['run'])
  const some = everyReturned(quarter.folder)
  clear(quarter.folder)
  const rssGrowth = all.rss !== undefined && some.rss !== undefined ? `, peak RSS ${(all.rss / some.rss).toFixed(2)} ×` : ''
  rows.push([`babele run, every XLIFF file returned at once (${files} files; one run)`, format(all)])
  rows.push([`the same, a quarter of the corpus (${quarter.sources.length} files; one run)`, `${format(some)}; ${files} files against ${quarter.sources.length}: time ${(all.seconds / some.seconds).toFixed(2)} ×${rssGrowth}`])
} else rows.push(['babele run, every XLIFF file returned at once', `skipped: no ${filler} or no python3`])
clear(small.folder)

// Four times the corpus: cold extract, time and peak RSS against the smaller run.
const large = makeProject(files * factor)
const coldLarge = medianRun(() => babele(large.folder, ['extract']), {before: () => clean(large.folder)})
const timeRatio = coldLarge.seconds / cold.seconds
const rssRatio = coldLarge.rss !== undefined && cold.rss !== undefined ? coldLarge.rss / cold.rss : Number.NaN
rows.push([`babele extract, cold, ${factor} × the corpus (${files * factor} files, ${large.megabytes.toFixed(1)} MB)`, format(coldLarge)])
rows.push([`${factor} × corpus against 1 ×`, `time ${timeRatio.toFixed(2)} × (target ≤ ${(factor * 1.1).toFixed(1)}: ${timeRatio <= factor * 1.1 ? 'met' : 'NOT met'}), peak RSS ${Number.isNaN(rssRatio) ? 'unknown' : `${rssRatio.toFixed(2)} × (target ≤ 1.2: ${rssRatio <= 1.2 ? 'met' : 'NOT met'})`}`])
clear(large.folder)
rmSync(outputs, {recursive: true, force: true})
rows.push(['load average at end', load()])

const width = Math.max(...rows.map(([name]) => name.length))
console.log(`babele bench at scale (compiled CLI, a process per command)`)
for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`)
if (!trashGiven) rmSync(trash, {recursive: true, force: true})
