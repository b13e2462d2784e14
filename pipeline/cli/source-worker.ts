/**
 * The worker thread of extraction: answers source tasks (`source-task.ts`)
 * with the pool's protocol (`serveTasks`).
 */
import {serveTasks} from './pool.ts'
import {sourceTask} from './source-task.ts'

serveTasks(sourceTask)
