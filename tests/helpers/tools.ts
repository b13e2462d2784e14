/**
 * External tools the tests run (xmllint, python3 for fill-xliff.py, OmegaT,
 * Chromium for the report pages, Apertium and apertium-apy),
 * and `testWith`, which declares a test that needs some of them. Takes: tool
 * names. Returns: a test declarer; when a tool is missing outside CI the test
 * is skipped by name with the reason, and under `CI` it fails.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import test, {type ImplementationFn} from 'ava'

/** The shared corpora and tools folder, beside the repository. */
export const shared = fileURLToPath(new URL('../../../shared/', import.meta.url))

/** Debian's Chromium, the browser playwright-core drives (it never downloads one). */
export const chromiumPath = '/usr/bin/chromium'

/** The XLIFF 2.1 schema entry point that checks the modules strictly too. */
export const xliff21Schema = `${shared}corpora/xliff-schemas/xliff-2.1/xliff-2.1-with-modules.xsd`

/** An external program some tests run. */
interface Tool {
  /** Whether it can run on this machine. */
  available: () => boolean
  /** What the tests use it for, shown in the name of a skipped test. */
  purpose: string
}

/** Whether an executable is on the PATH. */
function onPath(name: string): boolean {
  return spawnSync('sh', ['-c', 'command -v "$0"', name]).status === 0
}

/**
 * The external tools, by name. To add one, add an entry here (and its Debian
 * package to `scripts/setup.sh`, which CI runs), then declare the tests that
 * need it with `testWith('name')`.
 */
export const tools = {
  xmllint: {available: () => onPath('xmllint'), purpose: 'it validates XLIFF and TBX against their schemas'},
  python3: {available: () => onPath('python3'), purpose: 'it runs ../shared/tools/fill-xliff.py, the translator stand-in'},
  omegat: {available: () => onPath('omegat'), purpose: 'it is the real CAT tool of the OmegaT round trip'},
  chromium: {available: () => existsSync(chromiumPath), purpose: 'Debian\'s Chromium is the browser the report pages are tested in, through playwright-core'},
  apertium: {available: () => apertiumModes(['ita-spa', 'ita-cat', 'cat-eng', 'cat-fra']), purpose: 'it is the offline machine-translation engine, with the pairs ita-spa, ita-cat, cat-eng and cat-fra'},
  'apertium-apy': {available: () => onPath('apertium-apy') && apertiumModes(['ita-spa', 'ita-cat', 'cat-eng']), purpose: 'it is the HTTP machine-translation server the HTTP engine is tested against'}
} satisfies Record<string, Tool>

/** Whether Apertium is installed with every one of some modes. */
function apertiumModes(modes: readonly string[]): boolean {
  const listed = spawnSync('apertium', ['-l'], {encoding: 'utf8'})
  if (listed.status !== 0) return false
  const available = new Set(listed.stdout.split('\n').map((line) => line.trim()))
  return modes.every((mode) => available.has(mode))
}

/** Name of a tool in `tools`. */
export type ToolName = keyof typeof tools

const found = new Map<ToolName, boolean>()

/** Whether a tool can run here (asked once per tool and process). */
export function hasTool(name: ToolName): boolean {
  let value = found.get(name)
  if (value === undefined) {
    value = tools[name].available()
    found.set(name, value)
  }
  return value
}

/**
 * Declare a test that needs external tools. Decided when the test is
 * declared: with every tool there it is a plain `test`; with one missing it
 * is a test that fails, saying which tool is missing, what it is for, and
 * that `scripts/setup.sh` installs it. Never a skip: a skipped test proves
 * nothing, and the README's setup installs every tool the tests run.
 *
 * ```ts
 * testWith('python3', 'xmllint')('fixtures round-trip byte for byte', (t) => { … })
 * ```
 *
 * @param names Tools the test runs.
 * @returns A declarer taking a title and an implementation, like `test`.
 */
export function testWith(...names: ToolName[]): (title: string, implementation: ImplementationFn<[]>) => void {
  const missing = names.filter((name) => !hasTool(name))
  if (missing.length === 0) return (title, implementation) => test(title, implementation)
  const reason = missing.map((name) => `${name} is not installed (${tools[name].purpose})`).join('; ')
  return (title) =>
    test(title, (t) => {
      t.fail(`${reason}: run scripts/setup.sh, which installs it`)
    })
}

/**
 * Validate XML files against a schema (XSD, or Schematron or a DTD with `kind`) with xmllint.
 *
 * @returns xmllint's complaints (empty when every file is valid).
 */
export function xmllint(schema: string, files: readonly string[], kind: 'schema' | 'schematron' | 'dtdvalid' = 'schema'): string {
  const result = spawnSync('xmllint', ['--noout', `--${kind}`, schema, ...files], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
  if (result.status === 0) return ''
  return result.stderr
    .split('\n')
    .filter((line) => line && !line.endsWith(' validates'))
    .join('\n')
}

/** Play the translator on XLIFF files with `../shared/tools/fill-xliff.py`. */
export function fillXliff(mode: 'identity' | 'upper', files: readonly string[]): void {
  for (let index = 0; index < files.length; index += 500) {
    execFileSync('python3', [`${shared}tools/fill-xliff.py`, mode, ...files.slice(index, index + 500)], {encoding: 'utf8'})
  }
}
