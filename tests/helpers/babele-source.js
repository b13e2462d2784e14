#!/usr/bin/env node
// The CLI as the tests run it: pipeline/cli/start.ts straight from the sources,
// compiled on load by tsx (it answers from the run cache, or imports main.ts
// beside it), so `npx ava tests/foo.test.ts` tests the current code with no
// build step. The installed bin (bin/babele.js → bundle/) is tested by
// tests/package.test.ts on the packed tarball.
import {register} from 'tsx/esm/api'

register()
await import('../../pipeline/cli/start.ts')
