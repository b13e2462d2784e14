/**
 * Whether JSON gives a value back as it is. Takes: a value. Returns: true
 * when `JSON.parse(JSON.stringify(value))` is deep-strict-equal to it
 * (`isDeepStrictEqual`): plain objects and arrays (no holes, no keys
 * besides their items) of strings, finite numbers (not `-0`), booleans and
 * `null`, no symbol keys, no own `__proto__`. False may be said of a value
 * JSON would give back (then the caller does without, or checks the slow
 * way), never true of one it would not.
 *
 * ```ts
 * jsonValue({file: 'a.md', place: {line: 1, column: 2}}) // true
 * jsonValue({file: 'a.md', expected: undefined}) // false: JSON leaves `expected` out
 * ```
 */

/**
 * @param value Any value (with no cycles: JSON could not print it).
 * @returns Whether JSON gives it back as it is.
 */
export function jsonValue(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0)
  if (typeof value !== 'object') return false
  if (Object.getOwnPropertySymbols(value).length > 0) return false
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype || Object.keys(value).length !== value.length) return false
    for (let at = 0; at < value.length; at++) if (!(at in value) || !jsonValue(value[at])) return false
    return true
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false
  for (const key in value) if (!Object.hasOwn(value, key) || key === '__proto__' || !jsonValue((value as Record<string, unknown>)[key])) return false
  return true
}
