/**
 * The worker pool (`pipeline/cli/pool.ts`): results by task, a task's error
 * reported, and each worker's heap limited (so a long run's garbage stays
 * bounded) without the limit ever failing a task: one that runs a worker
 * out of it is done again on a worker without it. With a handler on this
 * thread, this thread is one of the jobs, and every worker started still
 * does a task, so one that cannot load fails the run however quick this
 * thread is.
 */
import test from 'ava'
import {threadId} from 'node:worker_threads'
import {heapGrowthGiven, runPool} from '../pipeline/cli/pool.ts'

const worker = new URL('./fixtures/pool/heap-worker.ts', import.meta.url)
const broken = new URL('./fixtures/pool/broken-worker.ts', import.meta.url)

/** Each task's answering thread (`threadId`: 0 is this one), with `jobs` and a handler on this thread, and the workers the pool says it started. */
async function threadsOf(count: number, jobs: number, module = worker): Promise<{answers: number[]; workers: number}> {
  const answers: number[] = new Array(count)
  const workers = await runPool<{thread: true}, number, null>(count, () => ({thread: true}), {jobs, worker: module, init: null, here: () => () => threadId}, (result, index) => {
    answers[index] = result
  })
  return {answers, workers}
}

/** Every result of a pool run, by task index. */
async function results<Task>(tasks: Task[], options: {jobs: number; heapLimitMb?: number}): Promise<number[]> {
  const answers: number[] = new Array(tasks.length)
  await runPool<Task, number, null>(tasks.length, (index) => tasks[index]!, {...options, worker, init: null}, (result, index) => {
    answers[index] = result
  })
  return answers
}

test('each task answers at its own index, on as many workers as asked', async (t) => {
  t.deepEqual(await results([{allocate: 1}, {allocate: 3}, {allocate: 2}, {allocate: 0}], {jobs: 2}), [1, 3, 2, 0])
})

test('a worker heap is limited under the 2 GB past which V8 lets it grow fourfold', async (t) => {
  const [limit] = await results([{limit: true}], {jobs: 1})
  t.true(limit! < 2048, `heap limit ${limit} MB`)
  const [small] = await results([{limit: true}], {jobs: 1, heapLimitMb: 96})
  t.true(small! < 200, `heap limit ${small} MB with 96 MB asked`)
})

test('a task that runs a worker out of its limited heap is done again on a worker without the limit', async (t) => {
  // 300 MB held at once cannot fit in 96 MB; the tasks around it still answer, each once.
  t.deepEqual(await results([{allocate: 1}, {allocate: 300}, {allocate: 2}, {allocate: 3}], {jobs: 2, heapLimitMb: 96}), [1, 300, 2, 3])
})

test('a task that throws fails the run with its message', async (t) => {
  await t.throwsAsync(results([{allocate: 1}, {fail: 'no such source'}], {jobs: 1}), {message: 'no such source'})
})

test('with a handler here, this thread is one of the jobs and takes tasks at once; every worker started takes some too, however quick this thread is', async (t) => {
  // Forty tasks this thread answers in microseconds, while each worker loads its module for a tenth of a second or more.
  const {answers, workers} = await threadsOf(40, 3)
  t.is(workers, 2, 'three jobs: two workers beside this thread')
  t.is(answers.filter((id) => id === undefined).length, 0, 'every task answered')
  const threads = new Set(answers)
  t.true(threads.has(threadId), 'this thread took tasks')
  t.is(threads.size, 3, `each worker took tasks too: ${[...threads].join(', ')}`)
})

test('with one job and a handler here, no worker starts', async (t) => {
  const {answers, workers} = await threadsOf(20, 1)
  t.is(workers, 0)
  t.deepEqual(new Set(answers), new Set([threadId]))
})

test('a worker that cannot load fails the run, though this thread could have done every task', async (t) => {
  await t.throwsAsync(threadsOf(40, 2, broken), {message: /this worker cannot load/})
})

test('a task that throws on this thread fails the run with its message', async (t) => {
  const run = runPool<number, number, null>(30, (index) => index, {jobs: 2, worker, init: null, here: () => (index) => {
    if (index === 3) throw new Error('no such source here')
    return index
  }}, () => {})
  await t.throwsAsync(run, {message: 'no such source here'})
})

test('the heap growth a user gave Node, on its command line or in NODE_OPTIONS, is not the pool\'s to set or reset', (t) => {
  t.true(heapGrowthGiven(['--heap-growing-percent=30'], undefined))
  t.true(heapGrowthGiven([], '--max-old-space-size=4096 --heap_growing_percent=50'))
  t.true(heapGrowthGiven(['--heap-growing-percent'], ''))
  t.false(heapGrowthGiven(['--import=tsx'], '--max-old-space-size=4096'))
  t.false(heapGrowthGiven([], undefined))
  t.false(heapGrowthGiven(['--heap-growing-percentage=3'], '--no-heap-growing-percent-x'))
})
