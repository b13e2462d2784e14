/**
 * A progress bar for long runs, on a terminal only. Takes: a label and a
 * total. Returns: tick/stop functions that do nothing when stderr is not a
 * TTY, the run is scripted (`--json`) or the total is small. `cli-progress`
 * (and Node's `readline`, which it loads) is loaded only for a bar that is
 * shown, or, for a command that learns its total later
 * ({@linkcode progressBars}), on a terminal: most runs (CI, scripts,
 * `--json`) show none.
 */

/** A started progress bar. */
export interface Progress {
  tick: (label?: string) => void
  stop: () => void
}

/** A bar that shows nothing. */
const hidden: Progress = {tick() {}, stop() {}}

/** Fewer steps than this show no bar. */
const fewestSteps = 20

/**
 * @param label What is being done.
 * @param total Steps in all.
 * @param enabled Whether a bar may be shown at all (false for `--json`).
 */
export async function startProgress(label: string, total: number, enabled: boolean): Promise<Progress> {
  if (total < fewestSteps) return hidden
  return (await progressBars(enabled))(label, total)
}

/**
 * What starts bars, for a command that learns its total later (each bar
 * started is shown only on a terminal, with {@linkcode fewestSteps} or more).
 *
 * @param enabled Whether a bar may be shown at all (false for `--json`).
 */
export async function progressBars(enabled: boolean): Promise<(label: string, total: number) => Progress> {
  if (!enabled || !process.stderr.isTTY) return () => hidden
  const {SingleBar} = await import('cli-progress')
  return (label, total) => {
    if (total < fewestSteps) return hidden
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
}
