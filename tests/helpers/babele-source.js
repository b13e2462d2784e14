#!/usr/bin/env node
// The CLI as the tests run it: pipeline/cli/main.ts straight from the sources,
// compiled on load by tsx, so `npx ava tests/foo.test.ts` tests the current code
// with no build step. The installed bin (bin/babele.js → bundle/) is tested by
// tests/package.test.ts on the packed tarball.
import {register} from 'tsx/esm/api'

register()
await import('../../pipeline/cli/main.ts')
