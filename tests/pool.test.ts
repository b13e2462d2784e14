/**
 * The worker pool (`pipeline/cli/pool.ts`): results by task, a task's error
 * reported, and each worker's heap limited (so a long run's garbage stays
 * bounded) without the limit ever failing a task: one that runs a worker
 * out of it is done again on a worker without it.
 */
import test from 'ava'
import {runPool} from '../pipeline/cli/pool.ts'

const worker = new URL('./fixtures/pool/heap-worker.ts', import.meta.url)

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
