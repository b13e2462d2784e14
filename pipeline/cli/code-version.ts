/**
 * Which babele wrote a cache entry. Takes: nothing (reads babele's own
 * package.json and code). Returns: the version and a digest of every file of
 * the code that runs (`lib/` in the package, `pipeline/` from the sources),
 * so a cache written by other code, even under the same version number (a
 * clone with local changes), is never read.
 */
import {fileURLToPath} from 'node:url'
import {digestBytes} from '../incremental/index.ts'
import {listFiles, readBytes, readText} from './fs.ts'

let memo: string | undefined

/** `<version>-<first 16 hex digits of the code's digest>`, computed once per process. */
export function codeVersion(): string {
  if (memo) return memo
  const version = (JSON.parse(readText(fileURLToPath(new URL('../../package.json', import.meta.url)))) as {version: string}).version
  const root = fileURLToPath(new URL('..', import.meta.url))
  const parts: string[] = []
  for (const file of listFiles(root, (name) => /\.(?:js|ts|srx)$/.test(name) && !name.endsWith('.d.ts'))) parts.push(file, digestBytes(readBytes(root + '/' + file)))
  memo = `${version}-${digestBytes(parts.join('\n')).slice(0, 16)}`
  return memo
}
