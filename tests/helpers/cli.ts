/**
 * Run the `babele` CLI as a user would, on a throwaway copy of the shipped
 * project. Takes: a folder and arguments. Returns: exit status and output.
 */
import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
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

/** A fresh copy of the shipped project (`copyProject`) with more pages as sources under `source/it/sample/`, each a path and its text. */
export function sampleProject(pages: Iterable<[string, string]>): string {
  const folder = copyProject()
  for (const [path, text] of pages) {
    const file = join(folder, 'source/it/sample', path)
    mkdirSync(join(file, '..'), {recursive: true})
    writeFileSync(file, text)
  }
  return folder
}

/** Every file a run wrote in a project folder (the cache, sources, glossary and config aside), by path, with its content. */
export function projectOutputs(folder: string): Map<string, string> {
  const files = new Map<string, string>()
  const walk = (path: string) => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name)
      if (statSync(full).isDirectory()) {
        if (name !== '.babele' && name !== 'source' && name !== 'glossary') walk(full)
      } else files.set(relative(folder, full), readFileSync(full, 'utf8'))
    }
  }
  walk(folder)
  files.delete('babele.config.json')
  return files
}

/**
 * `babele <command> --json …args` with the run cache's entries removed
 * first, so the command runs (a run that changes nothing would otherwise
 * be answered before any file is looked at). It must succeed: the errors
 * are thrown otherwise.
 */
export function runPastCache(folder: string, command = 'run', ...args: string[]): any {
  const cache = join(folder, '.babele/cache')
  if (existsSync(cache)) for (const entry of readdirSync(cache, {withFileTypes: true})) if (entry.isDirectory()) rmSync(join(cache, entry.name, 'run'), {recursive: true, force: true})
  const result = babeleJson(folder, command, ...args)
  if (result.status !== 0) throw new Error(JSON.stringify(result.result.messages.filter((message: {severity: string}) => message.severity === 'error')))
  return result.result
}

/** Wait until every file written so far last changed more than a second ago (babele signs such files: `fs.ts`). */
export async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1100))
}
