/**
 * The rule ids babele's code emits, found in its sources. Takes: the
 * `pipeline/` folder. Returns: each id with the files it is emitted in, and
 * the calls that make a diagnostic from an id the scan cannot read.
 *
 * An id is emitted where a diagnostic is made: the first argument of
 * `diagnostic(…)`, the second of a reporter's `.error(…)`, `.warning(…)`
 * and `.create(…)` (and of the readers' `.stop(…)`), a value of a
 * `ruleIds` object (the XML readers' limits), a `ruleId: '…'` field. Each
 * string literal in kebab case there is an id (`cond ? 'term-forbidden' :
 * 'term-deprecated'` gives both). Comments are skipped. The lint and QA
 * registries are read at run time by the test.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'

/** What {@linkcode emittedRuleIds} finds. */
export interface EmittedRuleIds {
  /** Rule id → files (relative to the repository) that emit it. */
  ids: Map<string, Set<string>>
  /** `diagnostic(…)` calls whose rule id is not a literal, as `file: call`. */
  forwarded: string[]
}

const kebab = /'([a-z][a-z\d]*(?:-[a-z\d]+)*)'/g

/**
 * @param root The repository root.
 */
export function emittedRuleIds(root: string): EmittedRuleIds {
  const ids = new Map<string, Set<string>>()
  const forwarded: string[] = []
  for (const path of files(join(root, 'pipeline'))) {
    const file = relative(root, path)
    // Comment lines (`//`, and `*` inside `/** … */`) are not code.
    const text = readFileSync(path, 'utf8')
      .split('\n')
      .map((line) => (/^\s*(?:\/\/|\/?\*)/.test(line) ? '' : line))
      .join('\n')
    const add = (source: string) => {
      for (const match of source.matchAll(kebab)) ids.set(match[1]!, (ids.get(match[1]!) ?? new Set()).add(file))
    }

    for (const call of text.matchAll(/\bdiagnostic\(/g)) {
      const [first] = callArguments(text, call.index + call[0].length)
      if (first === undefined || /\bfunction\s+$/.test(text.slice(Math.max(0, call.index - 16), call.index))) continue
      // A literal, or a choice of two literals (`cond ? 'term-forbidden' : 'term-deprecated'`).
      if (/^'[^']*'$/.test(first)) add(first)
      else if (/^[^?]*\?\s*'[^']*'\s*:\s*'[^']*'$/.test(first)) add(first.slice(first.indexOf('?')))
      else forwarded.push(`${file}: diagnostic(${first}, …)`)
    }

    for (const call of text.matchAll(/\.(?:error|warning|create|stop)\(/g)) {
      const [, second] = callArguments(text, call.index + call[0].length)
      if (second !== undefined && /^'[^']*'$/.test(second)) add(second)
    }

    for (const block of text.matchAll(/ruleIds: \{([^}]*)\}/g)) add(block[1]!)
    for (const field of text.matchAll(/\bruleId: ('[^']*')/g)) add(field[1]!)
  }

  return {ids, forwarded}
}

/** Every `.ts` file below a folder. */
function files(folder: string): string[] {
  return readdirSync(folder, {withFileTypes: true}).flatMap((entry) => {
    const path = join(folder, entry.name)
    return entry.isDirectory() ? files(path) : entry.name.endsWith('.ts') ? [path] : []
  })
}

/** The first two top-level arguments of a call whose `(` ends just before `start`, as written. */
function callArguments(text: string, start: number): string[] {
  const found: string[] = []
  let depth = 0
  let quote: string | undefined
  let from = start
  for (let index = start; index < text.length && found.length < 2; index++) {
    const char = text[index]!
    if (quote) {
      if (char === '\\') index++
      else if (char === quote) quote = undefined
      continue
    }

    if (char === "'" || char === '"' || char === '`') quote = char
    else if ('([{'.includes(char)) depth++
    else if (')]}'.includes(char)) {
      if (depth === 0) {
        found.push(text.slice(from, index).trim())
        break
      }

      depth--
    } else if (char === ',' && depth === 0) {
      found.push(text.slice(from, index).trim())
      from = index + 1
    }
  }

  return found
}
