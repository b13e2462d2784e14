#!/usr/bin/env node
// Runs the TypeScript CLI with plain node: tsx compiles on load, so no build step is needed after `npm ci`.
import {register} from 'tsx/esm/api'

register()
const {createProgram} = await import('../pipeline/cli/program.ts')
await createProgram().parseAsync(process.argv)
