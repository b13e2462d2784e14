/**
 * A progress bar for long runs, on a terminal only. Takes: a label and a
 * total. Returns: tick/stop functions that do nothing when stderr is not a
 * TTY or the run is scripted (`--json`).
 */
import {SingleBar} from 'cli-progress'

/** A started progress bar. */
export interface Progress {
  tick: (label?: string) => void
  stop: () => void
}

/**
 * @param label What is being done.
 * @param total Steps in all.
 * @param enabled Whether a bar may be shown at all (false for `--json`).
 */
export function startProgress(label: string, total: number, enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY || total < 20) return {tick() {}, stop() {}}
  const color = !process.env.NO_COLOR
  const bar = new SingleBar({
    format: `${label} {bar} {value}/{total} {file}`,
    stream: process.stderr,
    barCompleteChar: color ? '\u2588' : '#',
    barIncompleteChar: color ? '\u2591' : '-',
    hideCursor: true,
    clearOnComplete: true
  })
  bar.start(total, 0, {file: ''})
  return {
    tick: (file = '') => bar.increment(1, {file}),
    stop: () => bar.stop()
  }
}
