#!/usr/bin/env node
// The installed `babele` command: the CLI bundled by `npm run build` (also run
// on `npm pack`) into bundle/cli/, run by plain node with no loader.
import '../bundle/cli/main.js'
