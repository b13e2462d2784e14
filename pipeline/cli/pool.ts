/**
 * Run tasks on worker threads. Takes: the number of tasks and how to make
 * each (called only when a worker is free for it), the number of jobs, the
 * worker module and what every worker starts with. Returns: each task's
 * result, by the task's index, as they come (`onResult`), and when all are
 * done. Each worker takes one task at a time and gets the next when it
 * answers, so files stream through the workers and none holds more than one.
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
  const one = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        if (failed || next >= count) {
          resolve()
          return
        }
        const index = next++
        let task: Task
        try {
          task = taskAt(index)
        } catch (error) {
          failed ??= error as Error
          reject(error)
          return
        }
        worker.postMessage({index, task})
      }
      worker.on('message', (answer: Answer<Result>) => {
        if (answer.error) {
          const error = new Error(answer.error.message)
          if (answer.error.stack) error.stack = answer.error.stack
          failed ??= error
          reject(error)
          return
        }
        try {
          onResult(answer.result as Result, answer.index)
        } catch (error) {
          failed ??= error as Error
          reject(error)
          return
        }
        send()
      })
      worker.once('error', (error) => {
        failed ??= error
        reject(error)
      })
      worker.once('exit', (code) => {
        if (next < count && !failed) reject((failed = new Error(`A worker thread stopped (exit code ${code}) before every task was done`)))
      })
      send()
    })
  try {
    for (let index = 0; index < jobs; index++) workers.push(startWorker(options.worker, options.init))
    await Promise.all(workers.map(one))
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}

/** A worker on the module: directly when compiled, through tsx from the sources. */
function startWorker(module: URL, init: unknown): Worker {
  if (!module.pathname.endsWith('.ts')) return new Worker(module, {workerData: init})
  const api = import.meta.resolve('tsx/esm/api')
  const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}) })`
  return new Worker(code, {eval: true, workerData: init})
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
