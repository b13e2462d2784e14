/**
 * The `babele` executable: runs the command line on `process.argv`.
 * `bin/babele.js` imports its compiled form (`lib/cli/main.js`); the tests
 * run this file from the sources through tsx.
 */
import {createProgram} from './program.ts'

await createProgram().parseAsync(process.argv)
