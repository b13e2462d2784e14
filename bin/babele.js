#!/usr/bin/env node
// The installed `babele` command: the CLI bundled by `npm run build` (also run
// on `npm pack`) into bundle/cli/, run by plain node with no loader. start.cjs
// answers from the run cache, or runs main.cjs from V8's cache of its compiled
// code (see pipeline/cli/start.ts and compile-cache.ts). It is required, not
// imported: an ES module importing a CommonJS file has Node scan that file's
// source for its exports (it has none) and wrap it as a module first.
import {createRequire} from 'node:module'

createRequire(import.meta.url)('../bundle/cli/start.cjs')
