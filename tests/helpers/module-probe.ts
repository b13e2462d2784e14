/**
 * Which of Node's own modules a process loaded. Takes: a folder to keep the
 * probe and its list in. Returns: the `node` arguments that load the probe
 * (`--require`: it writes `process.moduleLoadList` to a file as the process
 * exits, whatever the process prints), and a reader of the list the last
 * process wrote, which removes it (a process that wrote none fails the
 * read, never passes on a stale list).
 *
 * ```ts
 * const probe = moduleProbe(folder)
 * spawnSync('node', [...probe.args, bin, '--version'])
 * probe.loaded().includes('NativeModule child_process') // false
 * ```
 */
import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

/**
 * @param folder Where to put the probe and the list.
 * @returns The node arguments, and the list's reader.
 */
export function moduleProbe(folder: string): {args: string[]; loaded: () => string[]} {
  const probe = join(folder, 'module-probe.cjs')
  const list = join(folder, 'module-probe.json')
  writeFileSync(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(process.moduleLoadList)))\n`)
  return {
    args: ['--require', probe],
    loaded() {
      const modules = JSON.parse(readFileSync(list, 'utf8')) as string[]
      rmSync(list)
      return modules
    }
  }
}
