/**
 * The npm package as a user gets it: `npm pack` of a copy of the repository
 * (which builds the copy's lib/ and bundle/ on `prepack`, leaving the ones
 * other test files run meanwhile alone), installed into a fresh project outside the
 * repository, used with plain node (no loader) and through its installed bin.
 * The other tests run the TypeScript sources; this one proves the compiled API
 * (lib/) and the bundled CLI (bundle/) do the same.
 */
import {spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import test from 'ava'
import * as api from '../pipeline/index.ts'
import {fromMarkdown, fromXliff, segment, toXliff} from '../pipeline/index.ts'
import {createProgram} from '../pipeline/cli/program.ts'
import {babele, copyProject, root} from './helpers/cli.ts'
import {itDocs} from './helpers/corpora.ts'
import {cleanEnv, packAndInstall, type Installed} from './helpers/install.ts'
import {moduleProbe} from './helpers/module-probe.ts'

let installed: Installed

test.before(() => {
  installed = packAndInstall()
})

test.after.always(() => {
  if (installed) rmSync(installed.folder, {recursive: true, force: true})
})

/** Every file under a folder, as paths relative to it with `/`. */
function listFiles(folder: string): string[] {
  const found: string[] = []
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name)
      if (statSync(full).isDirectory()) walk(full)
      else found.push(relative(folder, full).split('\\').join('/'))
    }
  }
  walk(folder)
  return found.sort()
}

/** What one start of the installed bin ran: the package's files, and the source modules its bundle evaluated. */
interface Started {
  status: number | null
  stdout: string
  /** The package's files that ran, relative to it. */
  files: string[]
  /** The source modules evaluated (`pipeline/cli/main.ts`, `node_modules/commander/index.js`). */
  modules: string[]
  /** Files of other packages installed beside babele that ran. */
  beside: string[]
}

/**
 * Start the installed bin and tell what ran, from V8's coverage of the
 * process (`NODE_V8_COVERAGE`). The bundle is not minified, so esbuild
 * heads each module's code with its path (`// pipeline/cli/start.ts`), and
 * keeps a module that some code loads with `await import(…)` (and what it
 * imports) behind a lazy initializer named after its path
 * (`"pipeline/cli/program.ts"() {…}`, `"node_modules/commander/index.js"(exports,
 * module) {…}`), run when the module is first needed: one whose count is
 * above 0 was evaluated. A module without one (the entry, such as
 * start.ts or main.ts, and what only it imports) runs whenever its file
 * does. V8 counts nothing in code run from its code cache, so the start
 * keeps none.
 */
function started(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Started {
  const coverage = join(installed.folder, `coverage-${args.join('_').replace(/\W/g, '')}-${Date.now()}`)
  const own = join(installed.project, 'node_modules/babele') + '/'
  // Code run from V8's code cache is not counted: none kept.
  const result = node(cwd, [join(own, 'bin/babele.js'), ...args], {...env, NODE_V8_COVERAGE: coverage, BABELE_COMPILE_CACHE: 'off'})
  const files = new Set<string>()
  const modules = new Set<string>()
  const beside = new Set<string>()
  for (const name of readdirSync(coverage)) {
    const {result: scripts} = JSON.parse(readFileSync(join(coverage, name), 'utf8')) as {result: Array<{url: string; functions: Array<{functionName: string; ranges: Array<{count: number}>}>}>}
    for (const script of scripts) {
      const path = script.url.startsWith('file:') ? fileURLToPath(script.url) : script.url
      const ran = script.functions.filter((entry) => entry.ranges[0]!.count > 0)
      if (ran.length === 0) continue
      if (!path.startsWith(own)) {
        if (path.startsWith(join(installed.project, 'node_modules') + '/')) beside.add(path)
        continue
      }
      const file = path.slice(own.length)
      files.add(file)
      if (!file.startsWith('bundle/cli/')) continue
      const code = readFileSync(path, 'utf8')
      const lazy = new Set(Array.from(code.matchAll(/^ {2}"((?:pipeline|node_modules)\/[^"]+)"\(/gm), (match) => match[1]!))
      for (const match of code.matchAll(/^\/\/ ((?:pipeline|node_modules)\/\S+)$/gm)) if (!lazy.has(match[1]!)) modules.add(match[1]!)
      for (const entry of ran) if (lazy.has(entry.functionName)) modules.add(entry.functionName)
    }
  }
  rmSync(coverage, {recursive: true, force: true})
  return {status: result.status, stdout: result.stdout, files: [...files].sort(), modules: [...modules].sort(), beside: [...beside].sort()}
}

/** Run `file …args` with plain node in `cwd`: no `NODE_OPTIONS`, no npm script context. */
function node(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): {status: number | null; stdout: string; stderr: string} {
  const result = spawnSync('node', args, {cwd, encoding: 'utf8', input: '', env: {...cleanEnv(), ...env}})
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

test('the tarball holds only the bin, the bundled CLI with its data and licences, the compiled code with its types and data, the README and package.json', (t) => {
  const topLevel = [...new Set(installed.files.map((path) => path.split('/')[0]))].sort()
  t.deepEqual(topLevel, ['README.md', 'bin', 'bundle', 'lib', 'package.json'])
  // bundle/: the bin's start, the command line and the two workers (extraction's, and the run cache's helper that signs paths) in cli/ (one CommonJS file each), the SRX rules (and the build's translation of them) where they find them, the bundled packages' licences.
  const bundled = installed.files.filter((path) => path.startsWith('bundle/'))
  t.deepEqual(bundled.sort(), ['bundle/THIRD-PARTY-LICENSES.md', 'bundle/cli/main.cjs', 'bundle/cli/sign-ahead-worker.cjs', 'bundle/cli/source-worker.cjs', 'bundle/cli/start.cjs', 'bundle/rules/babele.json', 'bundle/rules/babele.srx'])
  const licences = readFileSync(join(installed.project, 'node_modules/babele/bundle/THIRD-PARTY-LICENSES.md'), 'utf8')
  for (const name of ['commander', 'zod', 'yaml', 'micromark', 'i18next']) t.regex(licences, new RegExp(`^## ${name} \\d`, 'm'), name)
  // Each code file is ASCII (scripts/build.js): Node reads it into a string of one byte a character, not decoded into two.
  for (const file of bundled.filter((path) => path.endsWith('.cjs'))) t.false(/[^\0-\x7f]/.test(readFileSync(join(installed.project, 'node_modules/babele', file), 'latin1')), file)
  t.deepEqual(installed.files.filter((path) => path.startsWith('bin/')), ['bin/babele.js', 'bin/package.json'])
  // lib/ mirrors pipeline/: each source compiled to .js and .d.ts, each data file (the SRX rules) copied;
  // an ambient declaration (xliff-package.d.ts, types for a dependency) serves the build only.
  const expected = listFiles(join(root, 'pipeline')).flatMap((path) => (path.endsWith('.d.ts') ? [] : path.endsWith('.ts') ? [`lib/${path.slice(0, -3)}.js`, `lib/${path.slice(0, -3)}.d.ts`] : [`lib/${path}`]))
  t.true(expected.includes('lib/segment/rules/babele.srx'))
  t.deepEqual(installed.files.filter((path) => path.startsWith('lib/')).sort(), expected.sort())
})

test('a project that installs the tarball imports the API with plain node, or requires it, and gets what the sources compute', (t) => {
  const text = '# Titolo\n\nIl sig. Rossi è arrivato a **Mosca**. Poi è partito.\n'
  const script = `import('babele').then(({fromMarkdown, toXliff, fromXliff, segment}) => {
    const document = fromMarkdown(${JSON.stringify(text)}, {path: 'doc.md'})
    const xliff = toXliff(document.value, {sourceLocale: 'it', targetLocale: 'en'})
    const read = fromXliff(xliff)
    process.stdout.write(JSON.stringify({execArgv: process.execArgv, nodeOptions: process.env.NODE_OPTIONS ?? null, document, xliff, units: read.value.files[0].units.length, messages: read.messages, sentences: segment('Il sig. Rossi è arrivato. Poi è partito.', {language: 'it'})}))
  })`
  const result = node(installed.project, ['-e', script])
  t.is(result.status, 0, result.stderr)
  const output = JSON.parse(result.stdout)
  t.deepEqual(output.execArgv, ['-e', script], 'no loader')
  t.is(output.nodeOptions, null, 'no loader')
  const document = fromMarkdown(text, {path: 'doc.md'})
  t.is(document.value.units.length, 2)
  t.deepEqual(output.document, JSON.parse(JSON.stringify(document)))
  t.is(output.xliff, toXliff(document.value, {sourceLocale: 'it', targetLocale: 'en'}))
  t.is(output.units, 2)
  t.deepEqual(output.messages, fromXliff(output.xliff).messages)
  t.is(output.messages.length, 0)
  // The sentence rules come from lib/segment/rules/babele.srx: "sig." does not end a sentence.
  t.deepEqual(output.sentences, segment('Il sig. Rossi è arrivato. Poi è partito.', {language: 'it'}))
  t.is(output.sentences.length, 2)
  // CommonJS gets the same exports: Node 20.19+ requires ES modules.
  const required = node(installed.project, ['-e', "process.stdout.write(JSON.stringify(Object.keys(require('babele')).sort()))"])
  t.is(required.status, 0, required.stderr)
  t.deepEqual(JSON.parse(required.stdout), Object.keys(api).sort())
})

test('the installed types check a strict TypeScript project, and catch a wrong call', (t) => {
  writeFileSync(
    join(installed.project, 'use.ts'),
    [
      "import {fromMarkdown, toXliff, type Diagnostic, type SourceDocument} from 'babele'",
      '',
      "const result: {value: SourceDocument; messages: Diagnostic[]} = fromMarkdown('# Titolo\\n', {path: 'doc.md'})",
      "export const xliff: string = toXliff(result.value, {sourceLocale: 'it', targetLocale: 'en'})",
      '// @ts-expect-error the options need a path',
      "fromMarkdown('# Titolo\\n', {})",
      ''
    ].join('\n')
  )
  // skipLibCheck off: the package's own .d.ts files are checked too.
  const options = {module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: []}
  writeFileSync(join(installed.project, 'tsconfig.json'), JSON.stringify({compilerOptions: options, files: ['use.ts']}))
  const tsc = join(root, 'node_modules/typescript/bin/tsc')
  const result = node(installed.project, [tsc, '-p', '.'])
  t.is(result.status, 0, result.stdout + result.stderr)
})

test('the installed bin prints its version and help, loading nothing but the command line itself (nor Node\'s child_process and readline, which a run with no engine does not load either)', (t) => {
  const bin = join(installed.project, 'node_modules/.bin/babele')
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const version = spawnSync(bin, ['--version'], {cwd: installed.project, encoding: 'utf8', env: cleanEnv()})
  t.is(version.status, 0, version.stderr)
  t.is(version.stdout, `${manifest.version}\n`)
  const help = spawnSync(bin, ['--help'], {cwd: installed.project, encoding: 'utf8', env: cleanEnv()})
  t.is(help.status, 0, help.stderr)
  t.true(help.stdout.startsWith('Usage: babele '))
  for (const command of createProgram().commands) t.regex(help.stdout, new RegExp(`^  ${command.name()}\\b`, 'm'), command.name())
  // Which of babele's modules each start evaluates: the pipeline only when a command runs.
  for (const flag of ['--version', '--help']) {
    const start = started(installed.project, [flag])
    t.is(start.status, 0)
    t.deepEqual(start.files, ['bin/babele.js', 'bundle/cli/main.cjs', 'bundle/cli/start.cjs'], 'the bin runs the bundle, not lib/')
    t.deepEqual(
      start.modules.filter((path) => path.startsWith('pipeline/')),
      ['pipeline/cli/choices.ts', 'pipeline/cli/code-version.ts', 'pipeline/cli/compile-cache.ts', 'pipeline/cli/fs.ts', 'pipeline/cli/main.ts', 'pipeline/cli/observe.ts', 'pipeline/cli/process-state.ts', 'pipeline/cli/program.ts', 'pipeline/cli/replay.ts', 'pipeline/cli/signature.ts', 'pipeline/cli/start.ts', 'pipeline/cli/tiering.ts', 'pipeline/incremental/index.ts', 'pipeline/incremental/lib/check-key.ts', 'pipeline/incremental/lib/digest.ts', 'pipeline/incremental/lib/output-key.ts', 'pipeline/incremental/lib/parse-key.ts', 'pipeline/incremental/lib/shard.ts'],
      `babele ${flag} evaluates only the start (its tuning of V8's optimizing, its look at the run cache, which asks nothing of an option, and its code cache, named by the code version when the look-up computed it, with the file helpers that reads and writes and the incremental stage they take digests from) and the command line (and its option choices): program.ts imports a command's modules inside its action (await import(…)), never at the top`
    )
    t.deepEqual([...new Set(start.modules.filter((path) => path.startsWith('node_modules/')).map((path) => path.split('/')[1]))], ['commander'])
  }
  // The bin is CommonJS (bin/package.json): Node runs it with its CommonJS loader alone, never setting up its ES module loader's jobs.
  const probe = moduleProbe(installed.folder)
  const probed = node(installed.project, [...probe.args, join(installed.project, 'node_modules/babele/bin/babele.js'), '--version'])
  t.is(probed.status, 0, probed.stderr)
  const loaded = probe.loaded()
  t.true(loaded.includes('NativeModule internal/modules/cjs/loader'))
  t.false(loaded.includes('NativeModule internal/modules/esm/module_job'), 'no ES module loader job')
  // Node's child_process (commander's executable subcommands, the Apertium engine) and readline (the progress bar's) load only when used: neither for --version, nor for a run of a project with no engine, on no terminal.
  const plain = join(installed.folder, 'no-engine')
  mkdirSync(join(plain, 'source/it'), {recursive: true})
  writeFileSync(join(plain, 'babele.config.json'), JSON.stringify({targetLocales: ['en']}))
  writeFileSync(join(plain, 'source/it/a.md'), '# Titolo\n\nUna frase. Un\'altra frase.\n')
  const ran = node(plain, [...probe.args, join(installed.project, 'node_modules/babele/bin/babele.js'), 'run', '--json'])
  t.is(ran.status, 0, ran.stderr)
  const ranLoaded = probe.loaded()
  for (const [start, list] of [['--version', loaded], ['run', ranLoaded]] as const) {
    t.true(list.includes('NativeModule fs'), `${start}: the list is Node's`)
    for (const module of ['NativeModule child_process', 'NativeModule readline']) t.false(list.includes(module), `${start}: ${module}`)
  }
  // The command line's compiled code is kept in BABELE_COMPILE_CACHE, by the kind of start (pipeline/cli/compile-cache.ts), and nowhere when it is off.
  const compiled = join(installed.folder, 'compiled')
  const script = join(installed.project, 'node_modules/babele/bin/babele.js')
  for (const args of [['--version'], ['--version'], ['lint', '--help']]) {
    const result = node(installed.project, [script, ...args], {BABELE_COMPILE_CACHE: compiled})
    t.is(result.status, 0, result.stderr)
    t.is(result.stdout, args[0] === '--version' ? version.stdout : spawnSync(bin, args, {cwd: installed.project, encoding: 'utf8', env: cleanEnv()}).stdout)
  }
  t.deepEqual(readdirSync(compiled).map((name) => name.replace(/[0-9a-f]{32}$/, '<digest>')).sort(), ['main.cjs-lint-<digest>', 'main.cjs-other-<digest>'])
  const off = join(installed.folder, 'compiled-off')
  t.is(node(installed.project, [script, '--version'], {BABELE_COMPILE_CACHE: 'off', TMPDIR: off}).status, 0)
  t.deepEqual(readdirSync(installed.folder).filter((name) => name === 'compiled-off'), [])
})

test('the installed bin runs the shipped project and writes exactly what the sources write', (t) => {
  const compiled = copyProject()
  const sources = copyProject()
  try {
    const bin = join(installed.project, 'node_modules/.bin/babele')
    const result = spawnSync(bin, ['run'], {cwd: compiled, encoding: 'utf8', input: '', env: cleanEnv()})
    t.is(result.status, 0, result.stderr)
    const reference = babele(sources, 'run')
    t.is(reference.status, 0, reference.stderr)
    t.is(result.stdout, reference.stdout)
    // The extraction cache is named after the code that wrote it (lib/ here, pipeline/ there): its entries are no output.
    const outputs = (folder: string) => listFiles(folder).filter((file) => !file.startsWith('.babele/'))
    const files = outputs(compiled)
    t.deepEqual(files, outputs(sources))
    t.true(listFiles(compiled).some((file) => file.startsWith('.babele/cache/')))
    for (const locale of ['en', 'es', 'fr', 'ca']) t.true(files.includes(`dist/${locale}/putin-xi-alleanza.md`), locale)
    for (const file of files) t.true(readFileSync(join(compiled, file)).equals(readFileSync(join(sources, file))), file)
  } finally {
    rmSync(compiled, {recursive: true, force: true})
    rmSync(sources, {recursive: true, force: true})
  }
})

test('the installed bin extracts on a worker thread of the compiled code, beside its main thread, what the sources extract on one thread', (t) => {
  const compiled = copyProject()
  const sources = copyProject()
  try {
    // 20 pages of the Italian sample: enough sources (16) for extraction to start its workers.
    const pages = [...itDocs()].filter(([path]) => !path.startsWith('dynamics365') && !path.startsWith('nuget')).slice(0, 20)
    for (const folder of [compiled, sources]) {
      for (const [path, text] of pages) {
        mkdirSync(join(folder, 'source/it/sample', path, '..'), {recursive: true})
        writeFileSync(join(folder, 'source/it/sample', path), text)
      }
    }
    const bin = join(installed.project, 'node_modules/.bin/babele')
    const result = spawnSync(bin, ['extract', '--jobs', '2', '--json'], {cwd: compiled, encoding: 'utf8', input: '', env: cleanEnv()})
    t.is(result.status, 0, result.stderr)
    t.deepEqual(JSON.parse(result.stdout).cache.documents, {hits: 0, misses: 21})
    t.is(JSON.parse(result.stdout).threads, 1, 'two jobs: the main thread and a worker, which extracts at least one source')
    const reference = babele(sources, 'extract', '--jobs', '1', '--no-cache', '--json')
    t.is(reference.status, 0, reference.stderr)
    t.deepEqual(JSON.parse(result.stdout).messages, JSON.parse(reference.stdout).messages)
    const outputs = (folder: string) => listFiles(folder).filter((file) => !file.startsWith('.babele/'))
    const files = outputs(compiled)
    t.deepEqual(files, outputs(sources))
    t.true(files.length > 4 * 21)
    for (const file of files) t.true(readFileSync(join(compiled, file)).equals(readFileSync(join(sources, file))), file)
  } finally {
    rmSync(compiled, {recursive: true, force: true})
    rmSync(sources, {recursive: true, force: true})
  }
})

test('a code file added to a sub-folder of the installed code names a new cache, though the code version is remembered: the memo holds only while each code folder keeps its signature', (t) => {
  // A copy of the installed package of its own (the other tests run the installed one meanwhile); its dependencies resolve from the project's node_modules.
  const copy = join(installed.project, 'node_modules/babele-edited')
  cpSync(join(installed.project, 'node_modules/babele'), copy, {recursive: true})
  const project = copyProject()
  try {
    // The memo is written only when every code folder and file last changed a second before it was read.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1100)
    const cache = join(project, '.babele/cache')
    const versions = () => readdirSync(cache).filter((name) => name.startsWith('v'))
    const extract = () => t.is(node(project, [join(copy, 'bin/babele.js'), 'extract', '--json']).status, 0)
    extract()
    const first = versions()
    t.is(first.length, 1)
    const memo = JSON.parse(readFileSync(join(cache, 'code-version.json'), 'utf8'))
    t.is(memo.version, first[0]!.replace(/^v\d+-/, ''))
    t.true(memo.files.includes('cli/'), 'the memo signs the code folders')
    t.true(memo.files.includes('cli/main.cjs'), 'the code is the bundle')
    extract()
    t.deepEqual(versions(), first, 'nothing changed: the same cache')
    writeFileSync(join(copy, 'bundle/cli/added.js'), '// imported by nothing, still code\n')
    extract()
    const second = versions()
    t.is(second.length, 1)
    t.not(second[0], first[0], 'a new code file: another code version, and the old cache removed')
  } finally {
    rmSync(copy, {recursive: true, force: true})
    rmSync(project, {recursive: true, force: true})
  }
})

test('the installed bin answers a run from the cache from its start, loading neither the command line (main.cjs, commander) nor the pipeline: only the start, replay-args.ts (with its choices.ts) and the run cache\'s modules', (t) => {
  const project = copyProject()
  try {
    const script = join(installed.project, 'node_modules/babele/bin/babele.js')
    const run = () => JSON.parse(node(project, [script, 'run', '--json', '-c', 'babele.config.json']).stdout)
    // Runs until one writes nothing (that one is stored), then the hit.
    for (let runs = 0; runs < 4 && run().written.length > 0; runs++);
    const hit = started(project, ['run', '--json', '-c', 'babele.config.json'])
    t.is(hit.status, 0)
    t.is(JSON.parse(hit.stdout).cache.run, 'hit')
    t.deepEqual(hit.files, ['bin/babele.js', 'bundle/cli/start.cjs'], 'main.cjs is not read')
    t.deepEqual(hit.beside, [], 'no dependency installed beside babele')
    t.deepEqual(hit.modules.filter((path) => path.startsWith('node_modules/')), [], 'no bundled dependency: not commander, not zod')
    t.deepEqual(hit.modules.filter((path) => path.startsWith('pipeline/cli/')), ['pipeline/cli/cache.ts', 'pipeline/cli/choices.ts', 'pipeline/cli/code-version.ts', 'pipeline/cli/compile-cache.ts', 'pipeline/cli/fs.ts', 'pipeline/cli/observe.ts', 'pipeline/cli/process-state.ts', 'pipeline/cli/replay-args.ts', 'pipeline/cli/replay.ts', 'pipeline/cli/run-cache.ts', 'pipeline/cli/run-settings.ts', 'pipeline/cli/signature.ts', 'pipeline/cli/start.ts', 'pipeline/cli/tiering.ts'])
  } finally {
    rmSync(project, {recursive: true, force: true})
  }
})
