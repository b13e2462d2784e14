// `npm run build` (also run by `prepack` and `npm test`): compile pipeline/ to
// lib/ as JavaScript with .d.ts types (tsc rewrites the sources' `.ts` imports
// to `.js`), then copy the data files the code reads at run time (the SRX
// rules) beside it. lib/ is emptied first, so a deleted source leaves no stale file.
import {execFileSync} from 'node:child_process'
import {cpSync, rmSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc')
rmSync(join(root, 'lib'), {recursive: true, force: true})
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {stdio: 'inherit'})
cpSync(join(root, 'pipeline'), join(root, 'lib'), {recursive: true, filter: (source) => !source.endsWith('.ts')})
