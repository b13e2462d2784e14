/**
 * Run tasks on worker threads. Takes: the number of tasks and how to make
 * each (called only when a worker is free for it), the number of jobs, the
 * worker module and what every worker starts with. Returns: each task's
 * result, by the task's index, as they come (`onResult`), and when all are
 * done. Each worker takes one task at a time and gets the next when it
 * answers, so files stream through the workers and none holds more than one.
 *
 * Each worker's heap is limited (`workerHeapMb`) so that its garbage, and
 * the process's peak memory, stays about the same however many files a run
 * streams: V8 lets a heap limited under 2 GB grow to about twice what
 * survived its last full collection before the next one, where the default
 * limit (a quarter of the machine's memory, up to 4 GB) lets it grow to
 * four times. A task that runs a worker out of that heap is given to a new
 * worker without the limit, so the limit never fails a run that would have
 * passed without it.
 *
 * A worker module answers `{index, task}` messages with `{index, result}` or
 * `{index, error}` (see `serveTasks`). The same module runs from the
 * compiled package (`lib/…/*.js`, plain node) and from the sources
 * (`pipeline/…/*.ts`): there each worker registers tsx before loading it,
 * since a loader registered in the parent does not reach worker threads.
 */
import {parentPort, Worker, workerData} from 'node:worker_threads'

/** Options of {@linkcode runPool}. */
export interface PoolOptions<Init> {
  /** Worker threads (at least 1; never more than there are tasks). */
  jobs: number
  /** The worker module (`new URL('./x-worker.ts', import.meta.url)`). */
  worker: URL
  /** What each worker receives as `workerData` (structured-cloned). */
  init: Init
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

/** A task as posted to a worker. */
interface Sent<Task> {
  index: number
  task: Task
}

interface Answer<Result> {
  index: number
  result?: Result
  error?: {message: string; stack?: string}
}

/**
 * @param count How many tasks.
 * @param taskAt Makes task `index` when a worker is free for it (it is structured-cloned to the worker).
 * @param options Jobs, worker module, init data.
 * @param onResult Called with each result and its task's index (in the order results arrive).
 */
export async function runPool<Task, Result, Init>(count: number, taskAt: (index: number) => Task, options: PoolOptions<Init>, onResult: (result: Result, index: number) => void): Promise<void> {
  const jobs = Math.max(1, Math.min(options.jobs, count))
  if (count === 0) return
  let next = 0
  let failed: Error | undefined
  const workers: Worker[] = []
  const start = (heapLimitMb: number | undefined) => {
    const worker = startWorker(options.worker, options.init, heapLimitMb)
    workers.push(worker)
    return worker
  }
  // A worker takes tasks until none is left; one that runs out of its limited heap hands its task on.
  const serve = (worker: Worker, limited: boolean, handed?: Sent<Task>) =>
    new Promise<void>((resolve, reject) => {
      let current: Sent<Task> | undefined
      let replaced = false
      const fail = (error: unknown) => {
        failed ??= error as Error
        reject(error)
      }
      const post = (sent: Sent<Task>) => {
        current = sent
        worker.postMessage(sent)
      }
      const send = () => {
        current = undefined
        if (failed || next >= count) {
          resolve()
          return
        }
        const index = next++
        let task: Task
        try {
          task = taskAt(index)
        } catch (error) {
          fail(error)
          return
        }
        post({index, task})
      }
      worker.on('message', (answer: Answer<Result>) => {
        if (answer.error) {
          const error = new Error(answer.error.message)
          if (answer.error.stack) error.stack = answer.error.stack
          fail(error)
          return
        }
        try {
          onResult(answer.result as Result, answer.index)
        } catch (error) {
          fail(error)
          return
        }
        send()
      })
      worker.once('error', (error: NodeJS.ErrnoException) => {
        if (limited && current && !failed && error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          replaced = true
          serve(start(undefined), false, current).then(resolve, reject)
          return
        }
        fail(error)
      })
      worker.once('exit', (code) => {
        if (!replaced && next < count && !failed) fail(new Error(`A worker thread stopped (exit code ${code}) before every task was done`))
      })
      if (handed) post(handed)
      else send()
    })
  try {
    const heapLimitMb = options.heapLimitMb ?? workerHeapMb
    await Promise.all(Array.from({length: jobs}, () => serve(start(heapLimitMb), true)))
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}

/** A worker on the module (its heap limited to `heapLimitMb` when given): directly when compiled, through tsx from the sources. */
function startWorker(module: URL, init: unknown, heapLimitMb: number | undefined): Worker {
  const options = {workerData: init, ...(heapLimitMb === undefined ? {} : {resourceLimits: {maxOldGenerationSizeMb: heapLimitMb}})}
  if (!module.pathname.endsWith('.ts')) return new Worker(module, options)
  const api = import.meta.resolve('tsx/esm/api')
  const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}) })`
  return new Worker(code, {...options, eval: true})
}

/**
 * The worker side: answer every task with `handle`'s result. Call it at the
 * top of a worker module.
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
}
