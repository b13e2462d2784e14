/**
 * Run tasks on worker threads and on this one. Takes: the number of tasks
 * and how to make each (called only when a thread is free for it), the
 * number of jobs, the worker module, what every worker starts with and, if
 * this thread takes tasks too, its handler. Returns: each task's result, by
 * the task's index, as they come (`onResult`), and when all are done.
 *
 * `jobs` counts the threads that take tasks. With a handler here, this
 * thread is one of them (`jobs − 1` workers are started): it starts at
 * once, where a worker first loads its module (a fifth of a second on this
 * 2-core machine, in which this thread extracts thirty small sources), and
 * a third thread beside two workers had the cores shared three ways. It
 * takes one task at a time, letting the workers' answers in between, and
 * leaves one task for each worker still loading: every worker started does
 * at least one, so a worker that cannot load or run fails the run however
 * quick this thread is, and what a worker makes is what the run writes. A
 * worker is sent tasks once it says it is ready (its module loaded), and
 * holds at most `queued`: it starts the next as it answers one, without
 * waiting for this thread to read its answer and send another, and files
 * stream through it a few at a time.
 *
 * Cold `extract --jobs 2` of the bench's generated corpus, medians of 3
 * interleaved runs against two workers beside this thread: 20 files 0.61 →
 * 0.53 s, 100 files 1.12 → 1.07 s, 500 files 2.53 → 2.36 s, 2,000 files
 * 6.36 → 6.08 s (8,000 files, 2 runs: 21.5–22.3 → 20.7–21.1 s); peak RSS
 * lower at every size (2,000 files 275 → 247 MB).
 *
 * Each worker's heap is limited (`workerHeapMb`) so that its garbage, and
 * the process's peak memory, stays about the same however many files a run
 * streams: V8 lets a heap limited under 2 GB grow to about twice what
 * survived its last full collection before the next one, where the default
 * limit (a quarter of the machine's memory, up to 4 GB) lets it grow to
 * four times. The tasks of a worker that runs out of that heap are given to
 * a new worker without the limit, so the limit never fails a run that would
 * have passed without it.
 *
 * A worker module answers `{index, task}` messages with `{index, result}` or
 * `{index, error}`, after a first `{ready: true}` (see `serveTasks`). The
 * same module runs from the compiled package (`lib/…/*.js`, plain node) and
 * from the sources (`pipeline/…/*.ts`): there each worker registers tsx
 * before loading it, since a loader registered in the parent does not
 * reach worker threads.
 */
import {setImmediate as nextTurn} from 'node:timers/promises'
import {types} from 'node:util'
import {setFlagsFromString} from 'node:v8'
import {parentPort, Worker, workerData} from 'node:worker_threads'

/** Options of {@linkcode runPool}. */
export interface PoolOptions<Init, Task, Result> {
  /** Threads taking tasks, this one included when `here` is given (at least 1; never more than there are tasks). */
  jobs: number
  /** The worker module (`new URL('./x-worker.ts', import.meta.url)`). */
  worker: URL
  /** What each worker receives as `workerData` (structured-cloned). */
  init: Init
  /** This thread's handler, made once as the pool starts (after its workers are started): this thread then takes tasks too. */
  here?: (() => (task: Task) => Result) | undefined
  /** Each worker's old-generation heap limit in MB (default `workerHeapMb`). */
  heapLimitMb?: number | undefined
}

/**
 * The heap limit of a worker, in MB: under V8's 2 GB mark (`kMaxSize` on
 * 64-bit), past which a heap may grow to four times what it keeps between
 * full collections. Extracting one source keeps a few MB; the cap only
 * bounds the garbage. `--max-old-space-size`, when given, overrides it.
 */
const workerHeapMb = 1536

/**
 * How much a heap may grow past what survived its last full collection
 * (V8's `--heap-growing-percent`; 0, its default, lets V8 choose), while
 * this thread takes tasks beside workers. V8 lets this thread's heap, whose
 * limit is the default (a quarter of the memory, up to 4 GB), grow to four
 * times that, and a worker's, limited under 2 GB, to about twice: the
 * garbage of the sources this thread extracts, beside what it keeps of
 * every document's results, had the peak RSS of a cold `extract` of 8,000
 * files at 344–352 MB, against 301–308 MB with this (2,000 files: 241–251
 * MB; two workers beside this thread, as before it took tasks: 265–281 and
 * 312–317 MB). 50 cut a tenth more and cost a tenth of the time. The flag
 * is the process's: the workers, started after it is set, grow by it too.
 * One the user gave Node (`heapGrowthGiven`) is left as it is.
 */
const heapGrowingPercent = 100

/**
 * @param execArgv Node's options on its command line (`process.execArgv`).
 * @param nodeOptions The `NODE_OPTIONS` variable, if set.
 * @returns Whether they set V8's heap growth: then the pool neither sets it nor puts it back to V8's default after.
 */
export function heapGrowthGiven(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((option) => /^--heap[-_]growing[-_]percent(=|$)/.test(option))
}

/** Tasks a worker holds at most: the one it works on and the next. */
const queued = 2

/** A task as posted to a worker. */
interface Sent<Task> {
  index: number
  task: Task
}

interface Answer<Result> {
  index: number
  result?: Result
  error?: {message: string; stack?: string}
  /** A worker's first message: its module is loaded, it takes tasks. */
  ready?: true
}

/**
 * @param count How many tasks.
 * @param taskAt Makes task `index` when a thread is free for it (it is structured-cloned to a worker).
 * @param options Jobs, worker module, init data, this thread's handler.
 * @param onResult Called with each result and its task's index (in the order results arrive).
 * @returns The workers started, each of which did at least one task (0: this thread did them all).
 */
export async function runPool<Task, Result, Init>(count: number, taskAt: (index: number) => Task, options: PoolOptions<Init, Task, Result>, onResult: (result: Result, index: number) => void): Promise<number> {
  if (count === 0) return 0
  const jobs = Math.max(1, Math.min(options.jobs, count))
  const workerCount = options.here ? jobs - 1 : jobs
  let next = 0
  let failed: Error | undefined
  // Workers not ready yet: a task is left for each, so every worker started does one (one that cannot load is never missed).
  let loading = workerCount
  // This thread's lane, waiting for a task left for a loading worker: woken when one is ready or the run fails.
  let wake: (() => void) | undefined
  const woken = () => {
    wake?.()
    wake = undefined
  }
  const fail = (error: unknown) => {
    failed ??= error as Error
    woken()
  }
  /** The next task, or none when every task is taken or the run failed. */
  const take = (): Sent<Task> | undefined => {
    if (failed || next >= count) return undefined
    const index = next++
    try {
      return {index, task: taskAt(index)}
    } catch (error) {
      fail(error)
      return undefined
    }
  }
  const answered = (result: Result, index: number) => {
    try {
      onResult(result, index)
    } catch (error) {
      fail(error)
    }
  }
  const workers: Worker[] = []
  const start = (heapLimitMb: number | undefined) => {
    const worker = startWorker(options.worker, options.init, heapLimitMb)
    workers.push(worker)
    return worker
  }
  // A worker takes tasks until none is left; one that runs out of its limited heap hands its tasks on.
  const serve = (worker: Worker, limited: boolean, handed: Array<Sent<Task>> = []) =>
    new Promise<void>((resolve, reject) => {
      const held = new Map<number, Sent<Task>>()
      let ready = false
      let done = false
      const finish = (error?: unknown) => {
        if (done) return
        done = true
        if (error === undefined) resolve()
        else {
          fail(error)
          reject(error)
        }
      }
      const post = (sent: Sent<Task>) => {
        held.set(sent.index, sent)
        worker.postMessage(sent)
      }
      const fill = () => {
        // One task is left for each worker still loading.
        while (held.size < queued && count - next > loading) {
          const sent = take()
          if (!sent) break
          post(sent)
        }
        if (failed) finish(failed)
        else if (held.size === 0) finish()
      }
      worker.on('message', (answer: Answer<Result>) => {
        if (answer.ready) {
          ready = true
          if (handed.length === 0) loading--
          for (const sent of handed) post(sent)
          fill()
          woken()
          return
        }
        if (answer.error) {
          finish(asError(answer.error))
          return
        }
        held.delete(answer.index)
        answered(answer.result as Result, answer.index)
        fill()
      })
      worker.once('error', (error: NodeJS.ErrnoException) => {
        if (limited && held.size > 0 && !failed && error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          done = true
          serve(start(undefined), false, [...held.values()]).then(resolve, reject)
          return
        }
        finish(asError(error))
      })
      worker.once('exit', (code) => {
        if (!done) finish(new Error(`A worker thread stopped (exit code ${code}) before ${ready ? 'every task was done' : 'it was ready'}`))
      })
    })
  // This thread's lane: a task at a time, the workers' answers let in between.
  const here = async (run: (task: Task) => Result) => {
    while (!failed) {
      if (count - next <= loading) {
        if (next >= count) break
        await new Promise<void>((resolve) => (wake = resolve))
        continue
      }
      const sent = take()
      if (!sent) break
      let result: Result
      try {
        result = run(sent.task)
      } catch (error) {
        fail(error)
        break
      }
      answered(result, sent.index)
      await nextTurn()
    }
    if (failed) throw failed
  }
  // Beside workers, this thread's heap grows as theirs do (see `heapGrowingPercent`).
  const grown = options.here !== undefined && workerCount > 0 && !heapGrowthGiven(process.execArgv, process.env.NODE_OPTIONS)
  if (grown) setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`)
  try {
    const heapLimitMb = options.heapLimitMb ?? workerHeapMb
    const lanes = Array.from({length: workerCount}, () => serve(start(heapLimitMb), true))
    if (options.here) lanes.push(here(options.here()))
    await Promise.all(lanes)
  } finally {
    if (grown) setFlagsFromString('--heap-growing-percent=0')
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return workerCount
}

/** A worker's error as an `Error` of this thread: one a task threw reaches it as `{message, stack}` (`serveTasks`), one thrown as its module loaded as a copy (an object with an error's prototype, not an error); either keeps its message and stack. */
function asError(error: unknown): Error {
  if (types.isNativeError(error)) return error
  const copy = typeof error === 'object' && error !== null ? (error as {message?: unknown; stack?: unknown}) : {message: error}
  const own = new Error(String(copy.message))
  if (typeof copy.stack === 'string') own.stack = copy.stack
  return own
}

/** A worker on the module (its heap limited to `heapLimitMb` when given): directly when compiled, through tsx from the sources. */
export function startWorker(module: URL, init: unknown, heapLimitMb: number | undefined): Worker {
  const options = {workerData: init, ...(heapLimitMb === undefined ? {} : {resourceLimits: {maxOldGenerationSizeMb: heapLimitMb}})}
  if (!module.pathname.endsWith('.ts')) return new Worker(module, options)
  const api = import.meta.resolve('tsx/esm/api')
  const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}) })`
  return new Worker(code, {...options, eval: true})
}

/**
 * The worker side: say it is ready, then answer every task with `handle`'s
 * result. Call it at the top of a worker module.
 *
 * @param handle Makes the task handler from the pool's init data.
 */
export function serveTasks<Init, Task, Result>(handle: (init: Init) => (task: Task) => Result): void {
  if (!parentPort) throw new Error('Cannot serve tasks outside a worker thread')
  const port = parentPort
  const run = handle(workerData as Init)
  port.on('message', ({index, task}: {index: number; task: Task}) => {
    let answer: Answer<Result>
    try {
      answer = {index, result: run(task)}
    } catch (error) {
      answer = {index, error: {message: (error as Error).message, stack: (error as Error).stack}}
    }
    port.postMessage(answer)
  })
  port.postMessage({ready: true})
}
