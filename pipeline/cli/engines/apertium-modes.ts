/**
 * What Apertium has installed, as a fact of the run cache (`observe.ts`).
 * Takes: the command (`apertium`), or what `command -l` returned. Returns:
 * its exit status and the modes it lists, or `missing`: `apertiumMissing`
 * notes it, and the run cache runs the command again to check it.
 */
import {spawnSync, type SpawnSyncReturns} from 'node:child_process'

/**
 * @param command The command (`apertium`).
 */
export function apertiumModesNow(command: string): string {
  return modesFact(spawnSync(command, ['-l'], {encoding: 'utf8'}))
}

/**
 * @param listed What `command -l` returned.
 */
export function modesFact(listed: SpawnSyncReturns<string>): string {
  return listed.error ? 'missing' : `${listed.status}\n${listed.stdout}`
}
