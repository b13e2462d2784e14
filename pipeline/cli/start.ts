/**
 * The installed CLI's start: `bin/babele.js` loads its bundle
 * (`bundle/cli/start.cjs`). Tunes V8's optimizing for the command
 * (`tiering.ts`), then runs the bundled command line (`main.cjs` beside
 * it) from V8's cache of its compiled code (`compile-cache.ts`; the folder
 * from `BABELE_COMPILE_CACHE`), kept per command.
 */
import {fileURLToPath} from 'node:url'
import {compileCacheFolder, runCompiled} from './compile-cache.ts'
import {restoreTiering, tuneTiering, warmCommands} from './tiering.ts'

const command = process.argv[2] ?? ''
const tiering = {baselineOnly: warmCommands.includes(command)}
tuneTiering(tiering)
runCompiled({
  file: fileURLToPath(new URL('./main.cjs', import.meta.url)),
  folder: compileCacheFolder(process.env),
  // A command's own name; options (`--help`, `--version`) and anything else share one kind.
  kind: /^[a-z][a-z-]*$/.test(command) ? command : 'other',
  restoreFlags: () => restoreTiering(tiering)
})
