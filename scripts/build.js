// `npm run build` (also run by `prepack` and `npm test`): two outputs of
// pipeline/, each folder emptied first so a deleted source leaves no stale file.
//
// - lib/, the typed API (package `exports`): pipeline/ compiled by tsc, one
//   JavaScript file and one .d.ts per source (tsc rewrites the sources' `.ts`
//   imports to `.js`), with the data files the code reads at run time (the
//   SRX rules) copied beside them.
// - bundle/, the code the `babele` bin and its worker threads run: esbuild
//   bundles `cli/start.ts`, `cli/main.ts`, `cli/source-worker.ts` and
//   `cli/sign-ahead-worker.ts` (the run cache's helper thread), each
//   with its npm dependencies, into one CommonJS file (`.cjs`) each, in
//   bundle/cli/: the bin loads start.cjs, which answers from the run cache
//   when it can and otherwise runs main.cjs, the command line, from V8's
//   cache of its compiled code (`compile-cache.ts`: Node 20 caches no ES
//   module's code). Every module stays behind its own lazy initializer
//   (esbuild's form for a module some code loads with `await import(…)`),
//   so a command still evaluates only its own code (the run cache's hit
//   path no dependency). `import.meta` (CommonJS has none) is the file's
//   own: its `url`, and a `resolve` that resolves as Node's `require` does.
//   The files sit in bundle/cli/, as deep as lib/cli/, so what the code
//   finds relative to `import.meta.url` is found the same way: the
//   package.json two folders up, the workers beside it
//   (`source-worker.cjs`, `sign-ahead-worker.cjs`), the code-version's folder (`..`, bundle/ itself,
//   the code that runs) and the SRX rules (`../rules/babele.srx`, copied
//   there, and `../rules/babele.json`, the same rules as the compiled API
//   translates them, so that a command does not read the XML and translate
//   every pattern each time it segments). The build fails if the bundle
//   names another file beside itself that is not there. The dependencies'
//   legal comments stay in the files; bundle/THIRD-PARTY-LICENSES.md holds
//   each bundled package's licence file.
//
//   Each file is ASCII. Node reads a file of ASCII bytes into a string of
//   one byte a character at once, where one character past ASCII makes it
//   decode the whole file into two bytes a character: main.cjs's 2.6 MB at
//   every start, about 5 ms (`--version`, 89-91 against 94-97 ms in forty
//   interleaved spawns). esbuild writes strings and names in ASCII (its
//   `charset` default) but keeps what it cannot rewrite: comments, regular
//   expression literals and tagged templates. The characters past ASCII
//   left in a comment, a regular expression literal or a string (acorn's
//   tokens) are written as `\uXXXX` (a UTF-16 unit each: in a pattern with
//   or without the `u` flag, the same characters); anywhere else (a
//   template, whose raw text a tag reads, a name, or after a backslash) the
//   build fails.
import {execFileSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {tokenizer} from 'acorn'
import {build} from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc')
rmSync(join(root, 'lib'), {recursive: true, force: true})
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {stdio: 'inherit'})
cpSync(join(root, 'pipeline'), join(root, 'lib'), {recursive: true, filter: (source) => !source.endsWith('.ts')})

const bundle = join(root, 'bundle')
rmSync(bundle, {recursive: true, force: true})
/**
 * commander loads Node's `child_process` when it is loaded (about 4 ms: it
 * brings in `net` and streams), for the executable subcommands babele does
 * not have. In the bundle its `child_process` is an object that loads the
 * module the first time commander uses one of its functions.
 */
const childProcessOnUse = {
  name: 'child-process-on-use',
  setup(builder) {
    builder.onResolve({filter: /^(node:)?child_process$/}, (args) => (/[/\\]node_modules[/\\]commander[/\\]/.test(args.importer) ? {path: 'child-process-on-use', namespace: 'babele'} : undefined))
    builder.onLoad({filter: /.*/, namespace: 'babele'}, () => ({contents: "module.exports = new Proxy({}, {get: (_, name) => require('node:child_process')[name]})", loader: 'js'}))
  }
}

const {metafile} = await build({
  absWorkingDir: root,
  entryPoints: ['pipeline/cli/start.ts', 'pipeline/cli/main.ts', 'pipeline/cli/source-worker.ts', 'pipeline/cli/sign-ahead-worker.ts'],
  outdir: 'bundle/cli',
  outExtension: {'.js': '.cjs'},
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  legalComments: 'eof',
  metafile: true,
  // A node_modules that is a symbolic link (a worktree sharing another's install) keeps its name: the chunks' module headers and the licences read node_modules/<package>, as from an install of its own.
  preserveSymlinks: true,
  logLevel: 'warning',
  define: {'import.meta': 'importMetaOfBundle'},
  plugins: [childProcessOnUse],
  banner: {js: "const importMetaOfBundle = {url: require('node:url').pathToFileURL(__filename).href, resolve: (specifier) => require('node:url').pathToFileURL(require.resolve(specifier)).href}"}
})
for (const output of Object.keys(metafile.outputs)) {
  const path = join(root, output)
  const code = readFileSync(path, 'utf8')
  if (/[^\0-\x7f]/.test(code)) writeFileSync(path, asciiOnly(code, output))
}
mkdirSync(join(bundle, 'rules'))
cpSync(join(root, 'pipeline/segment/rules/babele.srx'), join(bundle, 'rules/babele.srx'))
const {defaultRules} = await import(pathToFileURL(join(root, 'lib/segment/index.js')).href)
writeFileSync(join(bundle, 'rules/babele.json'), JSON.stringify(defaultRules()))

// Every `new URL('<path>', import.meta.url)` of the bundle names a file (or folder) that is there.
for (const output of Object.keys(metafile.outputs)) {
  const text = readFileSync(join(root, output), 'utf8')
  for (const [, path] of text.matchAll(/new URL\("([^"]+)", importMetaOfBundle\.url\)/g)) {
    if (path.endsWith('.ts')) continue // the worker's source, for tsx only
    if (!existsSync(fileURLToPath(new URL(path, pathToFileURL(join(root, output)))))) throw new Error(`${output} reads ${path} beside itself, which the build did not put there`)
  }
}

// The licence of every npm package the bundle holds, as its package ships it.
const packages = new Map()
for (const input of Object.keys(metafile.inputs)) {
  const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input)
  if (match) packages.set(join(root, match[1]), match[2])
}
const licences = [...packages].sort(([, a], [, b]) => a.localeCompare(b)).map(([folder, name]) => {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'))
  const files = readdirSync(folder).filter((file) => /^(?:licen[cs]e|copying|notice)/i.test(file))
  // `licenses`, an array, is the old form (format).
  const licence = manifest.license ?? manifest.licenses?.map((entry) => entry.type).join(' OR ')
  if (typeof licence !== 'string') throw new Error(`${name} states no licence: it cannot be bundled`)
  // A package that ships no licence file (eastasianwidth) is named with its licence, author and repository.
  const texts = files.length > 0 ? files.map((file) => '```\n' + readFileSync(join(folder, file), 'utf8').trim() + '\n```') : [`No licence file shipped; author: ${JSON.stringify(manifest.author ?? null)}, repository: ${JSON.stringify(manifest.repository ?? null)}`]
  return [`## ${name} ${manifest.version} (${licence})`, '', ...texts, ''].join('\n')
})
writeFileSync(join(bundle, 'THIRD-PARTY-LICENSES.md'), `# Licences of the npm packages bundled in bundle/cli/\n\n${licences.join('\n')}`)

/**
 * The code with each character past ASCII in a comment, a regular
 * expression literal or a string written as `\uXXXX`; throws when one is
 * anywhere else, or escaped (after an odd run of backslashes).
 */
function asciiOnly(code, name) {
  const spans = []
  const onComment = (block, text, start, end) => spans.push([start, end])
  for (const token of tokenizer(code, {ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true, allowReturnOutsideFunction: true, onComment})) {
    if (token.type.label === 'regexp' || token.type.label === 'string') spans.push([token.start, token.end])
  }
  spans.sort((a, b) => a[0] - b[0])
  let span = 0
  return code.replace(/[^\0-\x7f]/g, (unit, at) => {
    while (span < spans.length && spans[span][1] <= at) span++
    const inside = span < spans.length && spans[span][0] <= at
    let backslashes = 0
    while (code[at - 1 - backslashes] === '\\') backslashes++
    if (!inside || backslashes % 2 === 1) throw new Error(`${name}: a character past ASCII (U+${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) outside a comment, a regular expression literal or a string, or escaped, at ${code.slice(Math.max(0, at - 60), at + 20)}: write it as \\u in the source`)
    return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}
