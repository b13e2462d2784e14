/**
 * Pack the repository as `npm publish` would (from a copy of it) and install
 * the tarball into a fresh project outside the repository, the way a user's
 * project gets it.
 * Takes: nothing (the repository's package.json and package-lock.json).
 * Returns: the packed file list and the installed project's folder.
 *
 * The install is offline when the npm cache holds the dependencies (it does
 * after `npm ci`): the project's lockfile pins the tarball and the exact
 * dependency tree the repository's lockfile tested (every entry that is not
 * dev-only), each with its integrity, so npm needs no registry metadata. A
 * dependency missing from the cache is fetched from the registry
 * (`--prefer-offline`).
 */
import {execFileSync} from 'node:child_process'
import {cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {root} from './cli.ts'

/** A packed and installed babele. */
export interface Installed {
  /** Temp folder holding the tarball and `project/`; remove it when done. */
  folder: string
  /** The project that installed the tarball (`node_modules/babele`, `node_modules/.bin/babele`). */
  project: string
  /** Paths inside the tarball, as `npm pack --json` lists them (`bin/babele.js`). */
  files: string[]
}

interface LockEntry {
  dev?: boolean
  devOptional?: boolean
  [field: string]: unknown
}

/**
 * The environment of a child that must see neither a loader (`NODE_OPTIONS`)
 * nor the npm script context of `npm test` (`npm_*` variables name the
 * repository's package.json and lifecycle event).
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (name === 'NODE_OPTIONS' || (name.startsWith('npm_') && name !== 'npm_config_cache' && name !== 'npm_config_registry' && name !== 'npm_config_userconfig')) continue
    env[name] = value
  }
  return {...env, NO_COLOR: '1'}
}

/**
 * What `npm pack` makes the package of: the manifest, the files it lists
 * and what its `prepack` build reads. Packed from a copy of them (its
 * `node_modules` the repository's), so the build empties and fills the
 * copy's `lib/` and `bundle/`: run in the repository, it emptied the
 * `bundle/` that the other test files' CLI runs were loading at the same
 * moment, and such a run saw another code version (a cache of its own:
 * nothing kept).
 */
const packedFrom = ['package.json', 'package-lock.json', 'README.md', 'tsconfig.json', 'tsconfig.build.json', 'bin', 'pipeline', 'scripts']

/** `npm pack` (running `prepack`, the build) of a copy of the repository into a temp folder, then `npm ci` the tarball into a new project there. */
export function packAndInstall(): Installed {
  const folder = mkdtempSync(join(tmpdir(), 'babele-package-'))
  const env = cleanEnv()
  const copy = join(folder, 'repository')
  for (const name of packedFrom) cpSync(join(root, name), join(copy, name), {recursive: true})
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'))
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', folder], {cwd: copy, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})) as Array<{filename: string; integrity: string; files: Array<{path: string}>}>
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {packages: Record<string, LockEntry>}
  const tarball = `file:../${packed!.filename}`
  const project = join(folder, 'project')
  const dependencies = Object.fromEntries(Object.entries(lock.packages).filter(([path, entry]) => path !== '' && !entry.dev && !entry.devOptional))
  const packages = {
    '': {name: 'babele-consumer', dependencies: {babele: tarball}},
    'node_modules/babele': {version: manifest.version, resolved: tarball, integrity: packed!.integrity, license: manifest.license, dependencies: manifest.dependencies, bin: manifest.bin, engines: manifest.engines},
    ...dependencies
  }
  mkdirSync(project)
  writeFileSync(join(project, 'package.json'), JSON.stringify({name: 'babele-consumer', private: true, type: 'module', dependencies: {babele: tarball}}, null, 2) + '\n')
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify({name: 'babele-consumer', lockfileVersion: 3, requires: true, packages}, null, 2) + '\n')
  execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], {cwd: project, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
  return {folder, project, files: packed!.files.map((file) => file.path)}
}
