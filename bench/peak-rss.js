// Loaded with `node --import` by bench/scale.ts before the CLI: at exit, the
// process's peak resident set size (worker threads included: they share the
// process) is written to the file BABELE_BENCH_RSS names, in kilobytes.
import {writeFileSync} from 'node:fs'

const file = process.env.BABELE_BENCH_RSS
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)))
