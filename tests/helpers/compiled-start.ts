// `node --import tsx compiled-start.ts <file> <folder> <mode>`: one start of a
// CommonJS file through `runCompiled` (pipeline/cli/compile-cache.ts), as the
// bundle's start.ts runs main.cjs: V8's optimizing tuned as for a one-file
// edit first (TurboFan off). Prints how the start went as one JSON line
// after the file's own output. `<mode>` is `restore` (the flags set again
// before the cached data is made, as start.ts does) or `keep` (left as the
// file set them: the data is made under other flags). `<long run ms>`, if
// given, is how long a run is long (it writes its compiled code again).
// CODE_VERSION, if set, is the code version given for the file's bytes.
import {runCompiled} from '../../pipeline/cli/compile-cache.ts'
import {restoreTiering, tuneTiering} from '../../pipeline/cli/tiering.ts'

const [file, folder, mode, longRunMs] = process.argv.slice(2)
tuneTiering({baselineOnly: true})
const start = runCompiled({file: file!, folder, kind: 'test', restoreFlags: mode === 'restore' ? () => restoreTiering({baselineOnly: true}) : () => {}, ...(longRunMs ? {longRunMs: Number(longRunMs)} : {}), ...(process.env.CODE_VERSION ? {codeVersion: process.env.CODE_VERSION} : {})})
console.log(JSON.stringify(start))
