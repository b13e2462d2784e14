/**
 * Child process for the hostile-input tests: reads one XLIFF file the way
 * `babele import` does (size check, then the strict reader) and prints the
 * time the refusal took, the process's peak RSS and the messages, as JSON.
 */
import {fromXliff} from '../../pipeline/index.ts'
import {readReturnedXliff, xliffToRead} from '../../pipeline/cli/workspace.ts'

const file = process.argv[2]!
const started = performance.now()
const listed = xliffToRead([file], process.cwd(), 50 * 1024 * 1024)
const messages = [...listed.messages]
for (const {path} of listed.value) {
  const read = readReturnedXliff(path, process.cwd())
  messages.push(...('message' in read ? [read.message] : fromXliff(read.text, {file: path}).messages))
}
const milliseconds = performance.now() - started
process.stdout.write(JSON.stringify({milliseconds, peakRss: process.resourceUsage().maxRSS * 1024, messages}))
