/**
 * Child process for the hostile-input tests: reads one XLIFF file the way
 * `babele import` does (size check, then the strict reader) and prints the
 * time the refusal took, the process's peak RSS and the messages, as JSON.
 */
import {resolve} from 'node:path'
import {fromXliff} from '../../pipeline/index.ts'
import {readText} from '../../pipeline/cli/fs.ts'
import {xliffToRead} from '../../pipeline/cli/workspace.ts'

const file = process.argv[2]!
const started = performance.now()
const listed = xliffToRead([file], process.cwd(), 50 * 1024 * 1024)
const messages = [...listed.messages]
for (const {path} of listed.value) messages.push(...fromXliff(readText(resolve(process.cwd(), path)), {file: path}).messages)
const milliseconds = performance.now() - started
process.stdout.write(JSON.stringify({milliseconds, peakRss: process.resourceUsage().maxRSS * 1024, messages}))
