/**
 * The run cache's key from a command line read without commander
 * (`replay-args.ts`, used by `main.ts` before it loads the parser): for
 * every argument list it accepts, the same request as commander's parse
 * (so an entry stored after one is found by the other), and anything it
 * does not know or knows to be wrong left to commander.
 */
import test from 'ava'
import {createProgram} from '../pipeline/cli/program.ts'
import {replayRequest, simpleArguments, type ReplayValues} from '../pipeline/cli/replay-args.ts'
import {runSettings} from '../pipeline/cli/run-settings.ts'

/** What commander's parse gives the command's action for `args` (the action only records it). */
function parsed(args: string[]): {command: string; values: ReplayValues} {
  const program = createProgram()
  let got: {command: string; values: ReplayValues} | undefined
  for (const command of program.commands) command.action((values: ReplayValues) => void (got = {command: command.name(), values}))
  program.parse(['node', 'babele', ...args])
  if (!got) throw new Error('no action ran for ' + args.join(' '))
  return got
}

const accepted = [
  ['run'],
  ['run', '--json'],
  ['run', '--format', 'json'],
  ['run', '--json', '--format=json'],
  ['run', '--format=sarif', '--shard', '1/2', '-j', '2'],
  ['run', '-c', 'site/babele.config.json', '--quiet'],
  ['run', '--config=other.json', '--verbose', '--allow-quarantine', '--xliff-version', '1.2'],
  ['run', '-q', '--format', 'github', '--jobs=1'],
  ['extract', '--json', '--xliff-version=2.1', '--shard=2/2'],
  ['extract', '--format', 'text', '-c', 'x.json'],
  ['build', '--json'],
  ['build', '--verbose', '--config', 'a b/babele.config.json']
]

test('every simple command line gives the run cache the request commander\'s parse gives: the same key, config and run settings', (t) => {
  for (const args of accepted) {
    const simple = simpleArguments(['node', 'babele', ...args])
    if (!simple) {
      t.fail(args.join(' ') + ': not read')
      continue
    }
    const commander = parsed(args)
    t.is(simple.command, commander.command, args.join(' '))
    const mine = replayRequest(simple.command, simple.values)
    const theirs = replayRequest(commander.command, commander.values)
    t.deepEqual(mine.options, theirs.options, args.join(' '))
    t.is(mine.config, theirs.config, args.join(' '))
    t.deepEqual(runSettings(mine.flags), runSettings(theirs.flags), args.join(' '))
  }
  t.deepEqual(simpleArguments(['node', 'babele', 'run', '--json', '-c', 'site/babele.config.json']), {command: 'run', values: {config: 'site/babele.config.json', json: true}})
})

test('a command line the reader does not know, or knows to be wrong, is left to commander', (t) => {
  const left = [
    [],
    ['--version'],
    ['import'],
    ['check', '--json'],
    ['run', '--no-cache'],
    ['run', '--help'],
    ['run', '-h'],
    ['run', 'extra'],
    ['run', '--json', '--json'],
    ['run', '-c', 'a.json', '--config', 'b.json'],
    ['run', '-cfile.json'],
    ['run', '-c=file.json'],
    ['run', '--config'],
    ['run', '--config='],
    ['run', '--config', '--json'],
    ['run', '--json=yes'],
    ['run', '--format', 'xml'],
    ['run', '--json', '--format', 'sarif'],
    ['run', '--quiet', '--verbose'],
    ['run', '--xliff-version', '2.0'],
    ['build', '--xliff-version', '1.2'],
    ['extract', '--allow-quarantine'],
    ['run', '--', '--json'],
    ['run', '-qj', '2']
  ]
  for (const args of left) t.is(simpleArguments(['node', 'babele', ...args]), undefined, args.join(' '))
  t.is(left.length, 24)
})
