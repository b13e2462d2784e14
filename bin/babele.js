#!/usr/bin/env node
// The installed `babele` command: the CLI bundled by `npm run build` (also run
// on `npm pack`) into bundle/cli/, run by plain node with no loader. start.cjs
// runs main.cjs from V8's cache of its compiled code (see
// pipeline/cli/compile-cache.ts).
import '../bundle/cli/start.cjs'
