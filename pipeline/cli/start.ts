/**
 * The CLI's start: `bin/babele.js` loads its bundle (`bundle/cli/start.cjs`),
 * the tests its source (`tests/helpers/babele-source.js`). Tunes V8's
 * optimizing for the command (`tiering.ts`), answers it from the run cache
 * when it can (`replay.ts`), and only otherwise runs the command line
 * (`main.ts` beside it): the bundle's `main.cjs` from V8's cache of its
 * compiled code (`compile-cache.ts`; the folder from
 * `BABELE_COMPILE_CACHE`), kept per command; the compiled or source module
 * (`lib/`, tsx) by `import`.
 *
 * A run with nothing changed is answered here, so it never loads the
 * command line's 2.5 MB bundle: reading, decoding and hashing it and
 * deserializing its compiled code was about 80 ms of a 0.36 s no-change
 * `run` of the 2,000-file project. On a miss, the command line runs without
 * checking the entry again (`run-cache.ts` keeps the miss on the process).
 */
import {fileURLToPath} from 'node:url'
import {knownCodeVersion} from './code-version.ts'
import {compileCacheFolder, runCompiled} from './compile-cache.ts'
import {exitWhenPrinted} from './fs.ts'
import {replayedFromArguments} from './replay.ts'
import {restoreTiering, tuneTiering, warmCommands} from './tiering.ts'

const command = process.argv[2] ?? ''
const tiering = {baselineOnly: warmCommands.includes(command)}
tuneTiering(tiering)
// Not awaited at the top: the bundle is a CommonJS script; a rejection ends the process as an error.
void start()

/** Answer from the run cache, or run the command line. */
async function start(): Promise<void> {
  if (await replayedFromArguments()) {
    exitWhenPrinted()
    return
  }
  // This module's own extension, which main's shares: `.cjs` in the bundle, `.js` in lib/, `.ts` from the sources.
  const extension = /\.[cm]?[jt]s$/.exec(import.meta.url)![0]
  const main = new URL(`./main${extension}`, import.meta.url)
  if (extension !== '.cjs') {
    await import(main.href)
    return
  }
  runCompiled({
    file: fileURLToPath(main),
    folder: compileCacheFolder(process.env),
    // A command's own name; options (`--help`, `--version`) and anything else share one kind.
    kind: /^[a-z][a-z-]*$/.test(command) ? command : 'other',
    restoreFlags: () => restoreTiering(tiering),
    // Computed by the run cache's look-up (a command it could answer), else none: the bundle's bytes are hashed.
    codeVersion: knownCodeVersion()
  })
}
