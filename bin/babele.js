#!/usr/bin/env node
// The installed `babele` command: the compiled CLI (lib/, built by `npm run build`
// and on `npm pack`), run by plain node with no loader.
import '../lib/cli/main.js'
