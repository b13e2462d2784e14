/**
 * Child process for the hostile-input tests: reads one XLIFF file the way
 * `babele import` does (size check, then the strict reader) and prints the
 * time the refusal took, the process's peak RSS and the messages, as JSON.
 */
import {fromXliff} from '../../pipeline/index.ts'
import {readXliffFiles} from '../../pipeline/cli/workspace.ts'

const file = process.argv[2]!
const started = performance.now()
const read = readXliffFiles([file], process.cwd(), 50 * 1024 * 1024)
const messages = [...read.messages]
for (const [name, text] of read.value) messages.push(...fromXliff(text, {file: name}).messages)
const milliseconds = performance.now() - started
process.stdout.write(JSON.stringify({milliseconds, peakRss: process.resourceUsage().maxRSS * 1024, messages}))
