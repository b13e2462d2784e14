/**
 * The worker thread of extraction: answers source tasks (`source-task.ts`)
 * with the pool's protocol (`serveTasks`): with documents, or, when the
 * init data carries the memories, with each document's outputs.
 */
import {serveTasks} from './pool.ts'
import {outputTask, sourceTask, type OutputResult, type OutputTaskInit, type SourceResult, type SourceTask, type SourceTaskInit} from './source-task.ts'

serveTasks<SourceTaskInit | OutputTaskInit, SourceTask, SourceResult | OutputResult>((init) => ('memories' in init ? outputTask(init) : sourceTask(init)))
