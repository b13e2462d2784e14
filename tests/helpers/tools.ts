/**
 * Test helpers for external tools (xmllint, python3 for fill-xliff.py).
 * Outside CI a missing tool is reported and the check is left out; in CI
 * (`CI=true`) a missing tool fails the test.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import type {ExecutionContext} from 'ava'

/** The shared corpora and tools folder, beside the repository. */
export const shared = fileURLToPath(new URL('../../../shared/', import.meta.url))

/** The XLIFF 2.1 schema entry point that checks the modules strictly too. */
export const xliff21Schema = `${shared}corpora/xliff-schemas/xliff-2.1/xliff-2.1-with-modules.xsd`

/** Whether an executable is on the PATH. */
export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0
}

/**
 * Check a tool is there; outside CI, log why the check is left out.
 *
 * @returns Whether the tool can be used.
 */
export function requireTool(t: ExecutionContext, name: string, why: string): boolean {
  if (hasTool(name)) return true
  if (process.env.CI) {
    t.fail(`${name} is missing in CI (${why}); .ci/run must install it`)
    return false
  }
  t.log(`${name} is not installed: ${why} is not checked here (install it with scripts/setup.sh)`)
  return false
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
