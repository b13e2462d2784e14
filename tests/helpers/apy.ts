/**
 * Start and stop a real apertium-apy server for a test. Takes: nothing.
 * Returns: its URL (always 127.0.0.1: apertium-apy binds every interface
 * and has no option to bind one, so tests only ever query the loopback
 * address), a reader of its log, and a stop function (also registered as
 * the test's teardown, so the server never outlives the test).
 */
import {spawn} from 'node:child_process'
import {mkdtempSync, openSync, readFileSync, rmSync} from 'node:fs'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {ExecutionContext} from 'ava'

/** Where the Apertium packages put their modes (the `apertium` command's own default, or `APERTIUM_DATADIR`). */
const modes = `${process.env.APERTIUM_DATADIR || '/usr/share/apertium'}/modes`

/** A running apertium-apy. */
export interface Apy {
  url: string
  /** Its log so far (tornado writes one line per request: `200 POST /translate (127.0.0.1) 3.1ms`). */
  log: () => string
  /** Requests answered with 200 so far. */
  answered: () => number
  /** Stop the server (SIGTERM, or the signal given) and wait for it to exit. */
  stop: (signal?: NodeJS.Signals) => Promise<void>
}

/** A TCP port nothing listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as {port: number}
      server.close(() => resolve(port))
    })
  })
}

/**
 * Start apertium-apy on a free port and wait until it answers.
 *
 * @param t The test (the server is stopped at its teardown).
 */
export async function startApy(t: ExecutionContext): Promise<Apy> {
  const port = await freePort()
  const folder = mkdtempSync(join(tmpdir(), 'babele-apy-'))
  const logFile = join(folder, 'apy.log')
  const fd = openSync(logFile, 'w')
  // The log goes to a file: a pipe nobody reads while the test blocks on a child would stall the server.
  const child = spawn('apertium-apy', ['-p', String(port), modes], {cwd: folder, stdio: ['ignore', fd, fd]})
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let stopped = false
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (stopped) return
    stopped = true
    child.kill(signal)
    await exited
  }
  t.teardown(async () => {
    await stop()
    rmSync(folder, {recursive: true, force: true})
  })
  const url = `http://127.0.0.1:${port}`
  const log = () => readFileSync(logFile, 'utf8')
  for (let waited = 0; ; waited += 200) {
    if (child.exitCode !== null) throw new Error(`apertium-apy exited at start: ${log()}`)
    try {
      if ((await fetch(`${url}/listPairs`)).ok) break
    } catch {}
    if (waited > 120_000) throw new Error(`apertium-apy did not answer on ${url} within 2 minutes: ${log()}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return {url, log, answered: () => (log().match(/ 200 POST \/translate/g) ?? []).length, stop}
}
