/**
 * The Apertium engine: the mode pipelines of the Debian packages, run as one
 * long-lived process per engine (a pivot pipes one mode into the next).
 * Takes: the modes of a pair (`ita-cat|cat-eng`), its languages, a timeout.
 * Returns: an `Engine` (to `close` when done); and what is missing to run a
 * set of modes (the Debian packages to install).
 *
 * Texts are sent in Apertium's own stream format with null flushes, as
 * `apertium -z -f none MODE` takes them: each text is `[s<n>]` (a
 * superblank naming it, which no mode translates), the text with the
 * stream's special characters escaped, `[]` (without a blank after it, the
 * last punctuation mark is lost) and a NUL. Each answer is found by its
 * name, so a stage that adds or drops a flush cannot shift texts.
 *
 *   > | [s0]Il vertice di Pechino.[]\0[s1]Cremlino.[]\0
 *   > | [s0]La cimera de Pequín.[]\0[s1]*Cremlino.[]\0
 *
 * The pipeline is the one the `apertium` command runs, built by the same
 * helper (`apertium-wblank-mode -z MODE`), without the command's wrappers:
 * those read the whole input before passing anything on, so every batch
 * would pay the pair's start-up again (1 to 10 seconds, and 450 MB for
 * `cat-fra`). Run directly, one process answers each flush as it comes, and
 * every call of a run (the glossary's terms, the segments, a retry) shares
 * one start-up.
 */
import {spawn, spawnSync} from 'node:child_process'
import {EngineError, type Engine} from '../../mt/index.ts'
import {noteFact} from '../observe.ts'
import {modesFact} from './apertium-modes.ts'

/** Options of {@linkcode apertiumEngine}. */
export interface ApertiumOptions {
  /** Modes to run in order, `|` between them (`ita-cat|cat-eng`). */
  pair: string
  /** Source language (BCP 47). */
  source: string
  /** Target language (BCP 47). */
  target: string
  /** Most milliseconds one batch may take, start-up included (default 600,000). */
  timeout?: number | null | undefined
}

/**
 * The Debian package of each Apertium mode babele's configs name (the rest
 * are reported by mode: `apt-cache search apertium` finds their package).
 */
const apertiumPackages: Readonly<Record<string, string>> = {
  'ita-spa': 'apertium-spa-ita',
  'spa-ita': 'apertium-spa-ita',
  'ita-cat': 'apertium-cat-ita',
  'cat-ita': 'apertium-cat-ita',
  'cat-eng': 'apertium-eng-cat',
  'eng-cat': 'apertium-eng-cat',
  'cat-fra': 'apertium-fra-cat',
  'fra-cat': 'apertium-fra-cat',
  'es-fr': 'apertium-fr-es',
  'fr-es': 'apertium-fr-es'
}

/** An Apertium engine, which holds a process until closed. */
export interface ApertiumEngine extends Engine {
  /** End the process (the next `translate` starts another). */
  close(): Promise<void>
}

/**
 * An Apertium engine.
 *
 * @param options Modes, languages, timeout.
 */
export function apertiumEngine(options: ApertiumOptions): ApertiumEngine {
  const modes = options.pair.split('|').map((mode) => mode.trim())
  const timeout = options.timeout ?? 600_000
  const folder = `${process.env.APERTIUM_DATADIR || '/usr/share/apertium'}/modes`
  const label = `apertium ${modes.join(' | ')}`
  let running: Pipeline | undefined
  let next = 0
  return {
    name: 'apertium',
    pair: modes.join('|'),
    source: options.source,
    target: options.target,
    marks: true,
    async translate(batch) {
      if (batch.length === 0) return []
      running ??= startPipeline(modes.map((mode) => `${folder}/${mode}.mode`), label, () => (running = undefined))
      const ids = batch.map(() => next++)
      return running.send(
        ids.map((id, index) => `[s${id}]${escapeStream(batch[index]!)}[]\0`).join(''),
        ids,
        timeout
      )
    },
    async close() {
      await running?.close()
      running = undefined
    }
  }
}

/** A running mode pipeline. */
interface Pipeline {
  /** Write texts, resolve with their translations in order. */
  send(input: string, ids: readonly number[], timeout: number): Promise<string[]>
  close(): Promise<void>
}

/**
 * Start the modes as one shell pipeline of `bash <(apertium-wblank-mode -z
 * MODE) -g`. Mode files are passed as arguments, never spliced into the
 * script. The process only keeps Node alive while a batch is waiting.
 */
function startPipeline(modeFiles: readonly string[], label: string, onExit: () => void): Pipeline {
  const script = 'set -o pipefail; ' + modeFiles.map((_, index) => `bash <(apertium-wblank-mode -z "$${index + 1}") -g ''`).join(' | ')
  const child = spawn('bash', ['-c', script, 'babele-apertium', ...modeFiles], {stdio: ['pipe', 'pipe', 'pipe'], detached: true})
  const handles = [child, child.stdin, child.stdout, child.stderr] as Array<{ref(): void; unref(): void}>
  const answers = new Map<number, string>()
  const waiting = new Set<{ids: readonly number[]; resolve: (value: string[]) => void; fail: (error: EngineError) => void}>()
  let buffer = ''
  let errors = ''
  let exited: Error | undefined
  const done = new Promise<void>((resolve) => child.once('close', () => resolve()))
  // Referenced only while a batch waits, switched only on a change (a socket's
  // `unref` before it connects adds a listener each time).
  let held = true
  const idle = () => {
    if (waiting.size > 0 || !held) return
    held = false
    for (const handle of handles) handle.unref()
  }
  const settle = () => {
    for (const batch of waiting) {
      if (batch.ids.every((id) => answers.has(id))) {
        waiting.delete(batch)
        batch.resolve(batch.ids.map((id) => answers.get(id)!))
        for (const id of batch.ids) answers.delete(id)
      }
    }
    idle()
  }
  const failAll = (message: string) => {
    for (const batch of waiting) batch.fail(new EngineError(message, batch.ids.map((id) => answers.get(id))))
    waiting.clear()
  }
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk
    const pieces = buffer.split('\0')
    buffer = pieces.pop()!
    for (const piece of pieces) {
      const name = /^\s*\[s(\d+)\]/.exec(piece)
      if (name) answers.set(Number(name[1]), unescapeStream(piece.slice(name[0].length)))
    }
    settle()
  })
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => (errors += chunk))
  child.stdin.on('error', () => {})
  child.on('error', (error) => {
    exited = error
    failAll(`${label} could not be run (${error.message}): install the Debian package apertium (scripts/setup.sh does)`)
  })
  child.on('close', (code, signal) => {
    onExit()
    exited ??= new Error(`exit ${code ?? signal}`)
    failAll(`${label} stopped (${signal ?? `exit code ${code}`}): ${errors.trim() || 'no message'}`)
  })
  idle()
  return {
    send(input, ids, timeout) {
      if (exited) return Promise.reject(new EngineError(`${label} is not running (${exited.message})`))
      if (!held) {
        held = true
        for (const handle of handles) handle.ref()
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL')
          } catch {}
          batch.fail(new EngineError(`${label} took longer than ${timeout} ms and was stopped`, ids.map((id) => answers.get(id))))
        }, timeout)
        const batch = {
          ids,
          resolve: (value: string[]) => {
            clearTimeout(timer)
            resolve(value)
          },
          fail: (error: EngineError) => {
            clearTimeout(timer)
            waiting.delete(batch)
            reject(error)
          }
        }
        waiting.add(batch)
        child.stdin.write(input)
      })
    },
    async close() {
      child.stdin.end()
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL')
        } catch {}
      }, 10_000)
      await done
      clearTimeout(timer)
    }
  }
}

/**
 * What is missing to run some Apertium modes: the command itself, or modes
 * (with the Debian packages that provide them).
 *
 * @param modes Modes needed.
 * @param command The command (default `apertium`).
 * @returns `undefined` when everything is there; else a sentence saying what
 *   to install, the packages, and the modes that cannot run.
 */
export function apertiumMissing(modes: readonly string[], command = 'apertium'): {message: string; packages: string[]; modes: string[]} | undefined {
  const listed = spawnSync(command, ['-l'], {encoding: 'utf8'})
  noteFact('apertium-modes', command, modesFact(listed))
  const packages = (list: readonly string[]) => [...new Set(list.map((mode) => apertiumPackages[mode] ?? `(the package with mode ${mode})`))].sort()
  if (listed.error || listed.status !== 0) {
    const needed = ['apertium', ...packages(modes)]
    return {message: `Apertium is not installed (\`${command}\` ${listed.error ? 'not found' : 'failed'}): install the Debian packages ${needed.join(' ')} (scripts/setup.sh does)`, packages: needed, modes: [...new Set(modes)]}
  }
  const available = new Set(listed.stdout.split('\n').map((line) => line.trim()).filter(Boolean))
  const absent = [...new Set(modes)].filter((mode) => !available.has(mode))
  if (absent.length === 0) return undefined
  const needed = packages(absent)
  return {message: `Apertium mode(s) ${absent.join(', ')} not installed: install the Debian package(s) ${needed.join(' ')} (scripts/setup.sh does)`, packages: needed, modes: absent}
}

/** Escape the characters that have a meaning in Apertium's stream format. */
function escapeStream(text: string): string {
  return text.replace(/[\\[\]^$/<>{}@*#]/g, '\\$&')
}

/** Undo the stream's escapes and drop superblank brackets, keeping their content. */
function unescapeStream(text: string): string {
  let result = ''
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    if (char === '\\' && index + 1 < text.length) result += text[++index]
    else if (char !== '[' && char !== ']') result += char
  }
  return result
}
