/**
 * What the run cache keys a command by, from its command line. Takes: the
 * option values of `run`, `extract` or `build`, as commander gives them
 * (`program.ts`), or as read here from `process.argv` when they are simple
 * enough to need no parser (`replay.ts`, so that a hit loads no command line
 * parser). Returns: the command, the options its printed output depends on,
 * `--config` and the run flags (`run-cache.ts`'s `ReplayRequest`).
 *
 * Both ways give the same request for the same arguments, so an entry
 * stored after commander parsed them is found before it loads. Anything
 * {@linkcode simpleArguments} does not know, or knows to be wrong, is left
 * to commander: `--no-cache`, `--help`, an unknown or repeated option, a
 * value glued to a short option (`-cfile`), a value that starts with `-`,
 * a choice not offered, `--quiet` with `--verbose`, `--json` with another
 * `--format`.
 *
 * ```text
 * babele run --json -c site/babele.config.json   → {command: 'run', values: {json: true, config: 'site/babele.config.json'}}
 * babele run --format=sarif --shard 1/2          → {command: 'run', values: {format: 'sarif', shard: '1/2', config: 'babele.config.json'}}
 * babele run --no-cache                          → undefined (commander parses it)
 * ```
 */
import {formats, xliffVersions} from './choices.ts'
import type {ReplayRequest} from './run-cache.ts'
import type {RunFlags} from './run-settings.ts'

/** The option values a replayable command's key is made of, as commander names them. */
export interface ReplayValues extends RunFlags {
  /** `--config` (commander's default: `babele.config.json`). */
  config: string
  json?: boolean | undefined
  format?: string | undefined
  quiet?: boolean | undefined
  verbose?: boolean | undefined
  xliffVersion?: string | undefined
  allowQuarantine?: boolean | undefined
}

/** Each replayable command: the options its result depends on (besides `--shard` and the output options, which every one has). */
const replayable: Record<string, (values: ReplayValues) => Record<string, unknown>> = {
  run: (values) => ({xliffVersion: values.xliffVersion, allowQuarantine: values.allowQuarantine}),
  extract: (values) => ({xliffVersion: values.xliffVersion}),
  build: () => ({})
}

/**
 * The run cache's request for a command: its key is made of the command,
 * these options, the config's path and the working folder.
 *
 * @param command `run`, `extract` or `build`.
 * @param values Its option values.
 */
export function replayRequest(command: string, values: ReplayValues): ReplayRequest {
  const options = replayable[command]
  if (!options) throw new TypeError('Cannot replay `' + command + '`, expected run, extract or build')
  const printing = {
    format: values.json ? 'json' : (values.format ?? 'text'),
    quiet: values.quiet === true,
    verbose: values.verbose === true,
    color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
    github: process.env.GITHUB_ACTIONS === 'true'
  }
  return {command, options: {...options(values), shard: values.shard, ...printing}, config: values.config, flags: values}
}

/** Options that take a value, by each of their names: the field commander stores them in. */
const valued = new Map([
  ['--config', 'config'],
  ['-c', 'config'],
  ['--format', 'format'],
  ['--jobs', 'jobs'],
  ['-j', 'jobs'],
  ['--shard', 'shard'],
  ['--xliff-version', 'xliffVersion']
])

/** Options that take no value. */
const switches = new Map([
  ['--json', 'json'],
  ['--quiet', 'quiet'],
  ['-q', 'quiet'],
  ['--verbose', 'verbose'],
  ['--allow-quarantine', 'allowQuarantine']
])

/** The fields each command takes (`program.ts`: `build` has no `--xliff-version`, only `run` has `--allow-quarantine`). */
const fields: Record<string, Set<string>> = {
  run: new Set(['config', 'format', 'jobs', 'shard', 'xliffVersion', 'json', 'quiet', 'verbose', 'allowQuarantine']),
  extract: new Set(['config', 'format', 'jobs', 'shard', 'xliffVersion', 'json', 'quiet', 'verbose']),
  build: new Set(['config', 'format', 'jobs', 'shard', 'json', 'quiet', 'verbose'])
}

/** The values a choice option takes. */
const choices: Record<string, readonly string[]> = {format: formats, xliffVersion: xliffVersions}

/**
 * A replayable command and its option values, read from `process.argv`
 * when every argument is one this module knows and none is wrong.
 *
 * @param argv `process.argv` (node, the script, then the arguments).
 * @returns `undefined` for anything else: commander parses it.
 */
export function simpleArguments(argv: string[]): {command: string; values: ReplayValues} | undefined {
  const [command, ...rest] = argv.slice(2)
  const known = command === undefined ? undefined : fields[command]
  if (!known) return undefined
  const values: Record<string, string | boolean> = {}
  for (let index = 0; index < rest.length; index++) {
    const token = rest[index]!
    const equals = token.startsWith('--') ? token.indexOf('=') : -1
    const name = equals > 0 ? token.slice(0, equals) : token
    const field = valued.get(name) ?? switches.get(name)
    if (field === undefined || !known.has(field) || field in values) return undefined
    if (switches.has(name)) {
      if (equals > 0) return undefined
      values[field] = true
      continue
    }
    const value = equals > 0 ? token.slice(equals + 1) : rest[++index]
    if (value === undefined || value === '' || value.startsWith('-') || (choices[field] && !choices[field].includes(value))) return undefined
    values[field] = value
  }
  if ((values.quiet && values.verbose) || (values.json && values.format !== undefined && values.format !== 'json')) return undefined
  return {command: command!, values: {config: 'babele.config.json', ...values} as ReplayValues}
}
