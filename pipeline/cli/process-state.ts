/**
 * State kept on the process, not in a module. Takes: a name and the
 * state's first value. Returns: the process's state of that name, made on
 * first use. The installed bin's start (`start.cjs`) and its command line
 * (`main.cjs`) are two bundles, each with a copy of the modules both use:
 * what one copy learned (the run cache's miss, V8's flags as set) the other
 * must see, so such state lives here. A worker thread has a process object,
 * and so a state, of its own.
 *
 * ```ts
 * const flags = processState('tiering', () => ({turbofan: true}))
 * flags.turbofan = false   // seen by every copy of the module in this process
 * ```
 */

/** Every state, by name, on the process under one global symbol. */
const statesKey = Symbol.for('babele.process-state')

/**
 * @param name The state's name, one per module that keeps one.
 * @param initial Its first value.
 */
export function processState<State extends object>(name: string, initial: () => State): State {
  const holder = process as typeof process & {[statesKey]?: Map<string, object>}
  const states = (holder[statesKey] ??= new Map())
  let state = states.get(name) as State | undefined
  if (!state) states.set(name, (state = initial()))
  return state
}
