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
 * leaves that code unoptimized. The commands a one-file edit runs (`run`,
 * `extract`, `build`) also start with TurboFan off (`--no-turbofan`,
 * `baselineOnly`): even at four times the ticks, such a run still spent
 * about a tenth of its CPU time optimizing (2,000-file project, one-file
 * edits, 12 interleaved pairs: user+sys median 1.38 -> 1.21 s); V8's
 * baseline compiler (Sparkplug) still compiles what runs often. A run that
 * extracts many sources (a cold run), makes many documents' outputs or
 * cache entries again (another config, a changed glossary, an import of
 * every document's translations), or reads many XLIFF files to import,
 * computes for long, and optimizing later costs it more than it saves, so
 * it goes back to the default (TurboFan on, its ticks) as soon as it finds
 * that out. Only when and how much V8 optimizes changes, never what the
 * code computes.
 */
import {setFlagsFromString} from 'node:v8'
import {processState} from './process-state.ts'

/** The commands a one-file edit runs (which start with TurboFan off, and which the run cache answers when nothing changed). */
export const warmCommands: readonly string[] = ['run', 'extract', 'build']

/** Ticks of its interrupt budget before V8 considers a function for optimization, while a command computes little. */
export const lightTicks = 12

/** V8's own default. */
export const defaultTicks = 3

/** Sources a command extracts, or documents whose outputs it makes or reads again (not kept on disk, `output-record.ts`), past which it computes for long. */
export const manyDocuments = 16

/** The flags as last set. */
interface Tiering {
  /** The ticks (V8's default until a call sets them). */
  ticks: number
  /** Whether TurboFan optimizes at all (V8's default: it does). */
  turbofan: boolean
}

/**
 * The flags as last set, kept on the process as V8's flags are
 * (`process-state.ts`): the installed bin's start tunes them (`start.cjs`)
 * and its command line goes back to the default (`main.cjs`), each with a
 * copy of this module; a copy that had not seen the start's `--no-turbofan`
 * took TurboFan for on, and left it off for a whole cold run.
 */
const tiering = processState<Tiering>('tiering', () => ({ticks: defaultTicks, turbofan: true}))

/** How a command starts ({@linkcode tuneTiering}). */
export interface Options {
  /** Leave TurboFan off too, until the command finds it computes for long (default `false`): the commands a one-file edit runs. */
  baselineOnly?: boolean | null | undefined
}

/**
 * Optimize only code that runs long, or nothing (see the module's
 * comment): call it before loading the command's code.
 *
 * @param options Whether TurboFan starts off.
 */
export function tuneTiering(options?: Options | null): void {
  setTicks(lightTicks)
  setTurbofan(!options?.baselineOnly)
}

/**
 * Set the flags {@linkcode tuneTiering} set again, whatever was set since
 * (by this module or another copy of it: the bundle's start and its CLI
 * each hold one): V8 takes code cached under other flags for none
 * (`compile-cache.ts`).
 *
 * @param options As given to {@linkcode tuneTiering} at the start.
 */
export function restoreTiering(options?: Options | null): void {
  setTicks(lightTicks)
  setFlagsFromString(options?.baselineOnly ? '--no-turbofan' : '--turbofan')
  tiering.turbofan = !options?.baselineOnly
}

/** Optimize as V8 does by default: a command that computes for long (many sources to extract). */
export function defaultTiering(): void {
  setTicks(defaultTicks)
  setTurbofan(true)
}

/** @returns The ticks before optimization last set here. */
export function tieringTicks(): number {
  return tiering.ticks
}

/** @returns Whether TurboFan optimizes, as last set here. */
export function tieringOptimizes(): boolean {
  return tiering.turbofan
}

function setTurbofan(on: boolean): void {
  if (on === tiering.turbofan) return
  setFlagsFromString(on ? '--turbofan' : '--no-turbofan')
  tiering.turbofan = on
}

function setTicks(count: number): void {
  setFlagsFromString(`--ticks-before-optimization=${count}`)
  tiering.ticks = count
}
