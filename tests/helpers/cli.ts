/**
 * Run the `babele` CLI as a user would, on a throwaway copy of the shipped
 * project. Takes: a folder and arguments. Returns: exit status and output.
 */
import {spawnSync} from 'node:child_process'
import {cpSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

/** The repository root. */
export const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * The CLI entry point the tests run with `node`: the TypeScript sources
 * through tsx (`tests/helpers/babele-source.js`), never the compiled `lib/`,
 * so a test needs no build step.
 */
export const bin = join(root, 'tests/helpers/babele-source.js')

/**
 * Run `babele …args` in `cwd`, no TTY, no color, empty stdin, and not as a
 * GitHub Actions step (whose annotations would join the output), unless
 * `env` says otherwise.
 */
export function babele(cwd: string, ...args: string[]): {status: number | null; stdout: string; stderr: string} {
  return babeleWith({}, cwd, ...args)
}

/** `babele` with environment variables set (`undefined` removes one). */
export function babeleWith(env: Record<string, string | undefined>, cwd: string, ...args: string[]): {status: number | null; stdout: string; stderr: string} {
  const merged: Record<string, string | undefined> = {...process.env, NO_COLOR: '1', GITHUB_ACTIONS: undefined, ...env}
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name]
  const result = spawnSync('node', [bin, ...args], {cwd, encoding: 'utf8', input: '', env: merged})
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** Run `babele …args --json` in `cwd` and parse what it prints (a usage error, exit 2, throws with the output). */
export function babeleJson(cwd: string, ...args: string[]): {status: number | null; result: any} {
  const run = babele(cwd, ...args, '--json')
  if (run.status === 2) throw new Error(run.stdout + run.stderr)
  return {status: run.status, result: JSON.parse(run.stdout)}
}

/**
 * A fresh copy of the shipped project in a temp folder: config, seed and
 * glossary, no outputs. Machine translation is switched off (`mt.engine:
 * "none"`) unless `mt` is set, so a test about something else neither waits
 * for Apertium nor depends on it.
 */
export function copyProject(options?: {mt?: boolean}): string {
  const folder = mkdtempSync(join(tmpdir(), 'babele-project-'))
  for (const name of ['babele.config.json', 'source', 'glossary']) cpSync(join(root, name), join(folder, name), {recursive: true})
  if (!options?.mt) {
    const config = JSON.parse(readFileSync(join(folder, 'babele.config.json'), 'utf8'))
    writeFileSync(join(folder, 'babele.config.json'), JSON.stringify({...config, mt: {...config.mt, engine: 'none'}}, null, 2) + '\n')
  }
  return folder
}
