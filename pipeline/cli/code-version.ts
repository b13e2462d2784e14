/**
 * Which babele wrote a cache entry. Takes: nothing (reads babele's own
 * package.json and code), and optionally a folder to keep a memo in (the
 * cache folder). Returns: the version and a digest of every file of the
 * code that runs (the folder above this module's: `bundle/` in the package,
 * whose bundle keeps its code files in `bundle/cli/`, `pipeline/` from the
 * sources), so a cache written by other code, even under the same version
 * number (a clone with local changes), is never read.
 *
 * The memo keeps the digest with each code folder's and file's stat
 * signature: while each folder has the same signature, it holds the same
 * entries (adding, removing or renaming one moves a folder's change time),
 * so the same files are there without listing the folders; while each file
 * has the same signature, it holds the same bytes, and the digest stands
 * without reading any (the run cache's hit path). It is written only when
 * every folder and file last changed `settleMs` before it was listed or
 * read, as the run cache signs paths (`run-cache.ts`).
 */
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {digestBytes} from '../incremental/index.ts'
import {listFiles, readBytes, readText, sameSignature, settleMs, signatureLength, signatureOf, statOf, writeBytesAtomic} from './fs.ts'
import {processState} from './process-state.ts'

/**
 * The code version once computed in this process, by code folder: kept on
 * the process (`process-state.ts`), so the command line finds what the
 * start computed (each bundles a copy of this module), and the start names
 * its compiled code by it (`compile-cache.ts`).
 */
const computed = processState<Map<string, string>>('code-version', () => new Map())

/** The code folder: the one above this module's. */
const codeFolder = (): string => fileURLToPath(new URL('..', import.meta.url))

/** The memo's file in its folder. */
const memoName = 'code-version.json'

/** What the memo holds. */
interface Memo {
  /** The code folder it is about. */
  root: string
  /** Its folders, `''` for the code folder itself and each sub-folder with `/` after it, then its code files, sorted. */
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
  const root = codeFolder()
  const known = computed.get(root)
  if (known) return known
  const kept = folder ? remembered(join(folder, memoName), root) : undefined
  if (kept) {
    computed.set(root, kept)
    return kept
  }
  const started = Date.now()
  const folders = ['']
  const files = listFiles(
    root,
    (name) => /\.(?:c?js|ts|srx)$/.test(name) && !name.endsWith('.d.ts'),
    (sub) => {
      folders.push(sub + '/')
      return true
    }
  )
  const version = (JSON.parse(readText(fileURLToPath(new URL('../../package.json', import.meta.url)))) as {version: string}).version
  const parts: string[] = []
  const paths = [...folders.sort(), ...files]
  const signatures = new Float64Array(paths.length * signatureLength)
  let settled = true
  paths.forEach((path, index) => {
    // A file's signature is taken before it is read; a folder's after it was listed, so it is trusted only when the folder last changed before the listing began.
    const stat = statOf(root + '/' + path)
    if (!stat || stat.ctimeMs >= started - settleMs) settled = false
    else signatureOf(stat, signatures, index * signatureLength)
    if (index >= folders.length) parts.push(path, digestBytes(readBytes(root + '/' + path)))
  })
  const memo = `${version}-${digestBytes(parts.join('\n')).slice(0, 16)}`
  computed.set(root, memo)
  if (folder && settled) {
    try {
      writeBytesAtomic(join(folder, memoName), Buffer.from(JSON.stringify({root, files: paths, signatures: [...signatures], version: memo} satisfies Memo)))
    } catch {
      // No memo: the digest is computed again next time.
    }
  }
  return memo
}

/** The code version, when this process has computed it already ({@linkcode codeVersion}); none when not. */
export function knownCodeVersion(): string | undefined {
  return computed.get(codeFolder())
}

/** The version in the memo, when it is about this code folder and each of its folders and files still has its signature. */
function remembered(path: string, root: string): string | undefined {
  let kept: Memo
  try {
    kept = JSON.parse(readText(path)) as Memo
  } catch {
    return undefined
  }
  if (kept.root !== root || typeof kept.version !== 'string' || !Array.isArray(kept.files) || kept.files[0] !== '' || !Array.isArray(kept.signatures)) return undefined
  const signatures = Float64Array.from(kept.signatures)
  if (signatures.length !== kept.files.length * signatureLength) return undefined
  for (let index = 0; index < kept.files.length; index++) if (typeof kept.files[index] !== 'string' || !sameSignature(statOf(root + '/' + kept.files[index]), signatures, index * signatureLength)) return undefined
  return kept.version
}
