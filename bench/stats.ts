/**
 * The figures every bench computes the same way. Takes: timings, or a
 * function to time. Returns: a median, or a run's wall seconds and value.
 */

/**
 * @param values Numbers (not changed).
 * @returns The middle one once sorted (the upper middle for an even count).
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/**
 * Run once, timed.
 *
 * @param run What to time.
 * @returns Wall seconds, and what it returned.
 */
export function time<T>(run: () => T): {seconds: number; value: T} {
  const started = performance.now()
  const value = run()
  return {seconds: (performance.now() - started) / 1000, value}
}
