/**
 * Which babele wrote a cache entry. Takes: nothing (reads babele's own
 * package.json and code), and optionally a folder to keep a memo in (the
 * cache folder). Returns: the version and a digest of every file of the
 * code that runs (`lib/` in the package, `pipeline/` from the sources), so
 * a cache written by other code, even under the same version number (a
 * clone with local changes), is never read.
 *
 * The memo keeps the digest with each code file's stat signature: while
 * the same files are there with the same signatures, the digest stands
 * without reading them (the run cache's hit path). It is written only when
 * every file last changed `settleMs` before it was read, as the run cache
 * signs files (`run-cache.ts`).
 */
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {digestBytes} from '../incremental/index.ts'
import {listFiles, readBytes, readText, sameSignature, settleMs, signatureLength, signatureOf, statOf, writeBytesAtomic} from './fs.ts'

let memo: string | undefined

/** The memo's file in its folder. */
const memoName = 'code-version.json'

/** What the memo holds. */
interface Memo {
  /** The code folder it is about. */
  root: string
  /** Its code files, sorted. */
  files: string[]
  /** Their stat signatures (`signatureLength` numbers each). */
  signatures: number[]
  /** The code version. */
  version: string
}

/**
 * `<version>-<first 16 hex digits of the code's digest>`, computed once per process.
 *
 * @param folder Where to keep the memo (the cache folder), if anywhere.
 */
export function codeVersion(folder?: string): string {
  if (memo) return memo
  const root = fileURLToPath(new URL('..', import.meta.url))
  const files = listFiles(root, (name) => /\.(?:js|ts|srx)$/.test(name) && !name.endsWith('.d.ts'))
  const kept = folder ? remembered(join(folder, memoName), root, files) : undefined
  if (kept) return (memo = kept)
  const started = Date.now()
  const version = (JSON.parse(readText(fileURLToPath(new URL('../../package.json', import.meta.url)))) as {version: string}).version
  const parts: string[] = []
  const signatures = new Float64Array(files.length * signatureLength)
  let settled = true
  files.forEach((file, index) => {
    // Each file's signature is taken before it is read: only then does it stand for the bytes read.
    const stat = statOf(root + '/' + file)
    if (!stat || stat.ctimeMs >= started - settleMs) settled = false
    else signatureOf(stat, signatures, index * signatureLength)
    parts.push(file, digestBytes(readBytes(root + '/' + file)))
  })
  memo = `${version}-${digestBytes(parts.join('\n')).slice(0, 16)}`
  if (folder && settled) {
    try {
      writeBytesAtomic(join(folder, memoName), Buffer.from(JSON.stringify({root, files, signatures: [...signatures], version: memo} satisfies Memo)))
    } catch {
      // No memo: the digest is computed again next time.
    }
  }
  return memo
}

/** The version in the memo, when it is about these files and each still has its signature. */
function remembered(path: string, root: string, files: string[]): string | undefined {
  let kept: Memo
  try {
    kept = JSON.parse(readText(path)) as Memo
  } catch {
    return undefined
  }
  if (kept.root !== root || typeof kept.version !== 'string' || !Array.isArray(kept.files) || kept.files.length !== files.length || !Array.isArray(kept.signatures)) return undefined
  const signatures = Float64Array.from(kept.signatures)
  if (signatures.length !== files.length * signatureLength) return undefined
  for (let index = 0; index < files.length; index++) if (kept.files[index] !== files[index] || !sameSignature(statOf(root + '/' + files[index]), signatures, index * signatureLength)) return undefined
  return kept.version
}
