/**
 * The `babele` command line: parses `process.argv` with commander
 * (`program.ts`) and runs the command. The start (`start.ts`) runs it when
 * the run cache did not answer: `bin/babele.js` its bundled form
 * (`bundle/cli/main.cjs`, built by `scripts/build.js`) from V8's cache of
 * its compiled code, the tests this file from the sources through tsx.
 * Each module behind an `await import(…)` here and in `program.ts` is
 * evaluated only when a command reaches it. Once the command is done and
 * printed, the process ends (`exitWhenPrinted`).
 */
import {exitWhenPrinted} from './fs.ts'

// Not awaited at the top: the bundle is a CommonJS script (`compile-cache.ts`); a rejection ends the process as an error.
void runCommandLine()

/** Parse the arguments and run the command. */
async function runCommandLine(): Promise<void> {
  const {createProgram} = await import('./program.ts')
  await createProgram().parseAsync(process.argv)
  exitWhenPrinted()
}
