/**
 * Read a front-matter key path, as `frontmatterKeys` lists them. Takes: a
 * path such as `title`, `seo.description`, `tags[]` or
 * `hero.actions[].text`. Returns: its steps (a map key, any list item or one
 * list item), or the reason it is not a path.
 *
 * > | hero.actions[].text
 *     ^^^^ key `hero`, then key `actions`, then every item, then key `text`
 */

/** One step of a key path: a map key, every item of a list (`[]`), or one item (`[2]`, 0-based). */
export type KeyStep = {type: 'key'; key: string} | {type: 'item'; index: number | undefined}

const keyStep = /^[^.[\]]+/
const itemStep = /^\[(\d*)\]/

/**
 * @param path A key path.
 * @returns The steps, or why the path cannot be read.
 */
export function parseKeyPath(path: string): {steps: KeyStep[]} | {reason: string} {
  if (typeof path !== 'string' || path === '') return {reason: 'expected a key path such as `title`, `seo.description`, `tags[]` or `hero.actions[].text`'}
  const steps: KeyStep[] = []
  let rest = path
  let needKey = true
  while (rest !== '') {
    let match: RegExpExecArray | null
    if (needKey) {
      match = keyStep.exec(rest)
      if (!match) return {reason: `expected a key at \`${rest}\` of \`${path}\` (keys are separated by \`.\`; \`[]\` follows a key)`}
      steps.push({type: 'key', key: match[0]})
      needKey = false
    } else if ((match = itemStep.exec(rest))) {
      steps.push({type: 'item', index: match[1] === '' ? undefined : Number(match[1])})
    } else if (rest.startsWith('.') && rest.length > 1) {
      match = /^\./.exec(rest)!
      needKey = true
    } else {
      return {reason: `expected \`.key\`, \`[]\` or \`[n]\` at \`${rest}\` of \`${path}\``}
    }
    rest = rest.slice(match[0].length)
  }
  return {steps}
}
