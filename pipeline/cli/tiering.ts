/**
 * How eagerly V8 optimizes babele's code, by how much a command computes.
 * Takes: nothing. Does: sets the process's V8 flags
 * (`v8.setFlagsFromString`): {@linkcode tuneTiering} as the command
 * starts, before its code is loaded, and {@linkcode defaultTiering} once
 * it finds it has many sources to extract or outputs to make; worker
 * threads started after that run with V8's default.
 *
 * A function is optimized (TurboFan, on a thread of its own) after it has
 * run through its interrupt budget `--ticks-before-optimization` times (3
 * by default, tuned for pages and servers that run for minutes). A
 * one-file edit of a large project runs most of babele's code a few
 * thousand times, once per document, and stops: at the default, about a
 * quarter of its CPU time was TurboFan compiling functions it then hardly
 * used (2,000-file project, `perf` of one `run`). Four times the ticks
 * leaves that code unoptimized. A run that extracts many sources (a cold
 * run), or makes many documents' outputs again (another config, an
 * import of every document's translations), computes for long, and
 * optimizing later costs it more than it saves, so it goes back to the
 * default as soon as it finds that out. Only when and
 * how much V8 optimizes changes, never what the code computes.
 */
import {setFlagsFromString} from 'node:v8'

/** Ticks of its interrupt budget before V8 considers a function for optimization, while a command computes little. */
export const lightTicks = 12

/** V8's own default. */
export const defaultTicks = 3

/** Sources a command extracts, or documents whose outputs it makes or reads again (not kept on disk, `output-record.ts`), past which it computes for long. */
export const manyDocuments = 16

/** The ticks last set here (V8's default until a call sets them). */
let ticks = defaultTicks

/** Optimize only code that runs long (see the module's comment): call it before loading the command's code. */
export function tuneTiering(): void {
  setTicks(lightTicks)
}

/** Optimize as V8 does by default: a command that computes for long (many sources to extract). */
export function defaultTiering(): void {
  setTicks(defaultTicks)
}

/** @returns The ticks before optimization last set here. */
export function tieringTicks(): number {
  return ticks
}

function setTicks(count: number): void {
  setFlagsFromString(`--ticks-before-optimization=${count}`)
  ticks = count
}
