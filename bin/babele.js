#!/usr/bin/env node
// The installed `babele` command: the CLI bundled by `npm run build` (also run
// on `npm pack`) into bundle/cli/, run by plain node with no loader. start.cjs
// answers from the run cache, or runs main.cjs from V8's cache of its compiled
// code (see pipeline/cli/start.ts and compile-cache.ts). This file is
// CommonJS (bin/package.json says so): Node runs a CommonJS entry point with
// its CommonJS loader alone, where an ES module entry point first sets up its
// ES module loader (about 5 ms of every start: `--version`, 88 against 92 ms
// in forty interleaved pairs).
'use strict'
require('../bundle/cli/start.cjs')
