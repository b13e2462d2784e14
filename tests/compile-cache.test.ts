/**
 * The bundled CLI's compiled code kept between starts
 * (`pipeline/cli/compile-cache.ts`): a start writes V8's cached data of the
 * file it ran, the next start of the same bytes runs from it, and nothing
 * else does: other bytes of the same length, data that does not add up,
 * data made under other V8 flags, a folder others can write in.
 */
import {spawnSync} from 'node:child_process'
import {chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import {compileCacheFolder} from '../pipeline/cli/compile-cache.ts'
import {root} from './helpers/cli.ts'

/** A CommonJS file like the bundle: it requires a Node module, sets V8's flags as a command that computes for long does, and prints a word. */
function program(word: string): string {
  return [
    "const {setFlagsFromString} = require('node:v8')",
    "setFlagsFromString('--turbofan')",
    "setFlagsFromString('--ticks-before-optimization=3')",
    `function say(thing) { return [thing, require('node:path').basename(__filename), typeof module.exports].join(' ') }`,
    // Run only when asked (MORE): code the first start did not compile, and 50 ms of waiting.
    `function more() { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50); return [1, 2, 3].map((n) => n * 2).join('') }`,
    `console.log(say('${word}') + (process.env.MORE ? ' ' + more() : ''))`,
    ''
  ].join('\n')
}

/** One start of `file` through `runCompiled` (tests/helpers/compiled-start.ts): what the file printed, and how the start went. */
function start(file: string, folder: string, mode: 'restore' | 'keep' = 'restore', options: {more?: boolean; longRunMs?: number; codeVersion?: string} = {}): {printed: string; path: string | undefined; used: boolean} {
  const args = [join(root, 'tests/helpers/compiled-start.ts'), file, folder, mode, ...(options.longRunMs === undefined ? [] : [String(options.longRunMs)])]
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...args], {cwd: root, encoding: 'utf8', env: {...process.env, MORE: options.more ? '1' : '', CODE_VERSION: options.codeVersion ?? ''}})
  if (result.status !== 0) throw new Error(result.stderr)
  const [printed, report] = result.stdout.trimEnd().split('\n')
  return {printed: printed!, ...(JSON.parse(report!) as {path: string | undefined; used: boolean})}
}

function scratch(): {folder: string; file: string; cache: string} {
  const folder = mkdtempSync(join(tmpdir(), 'babele-compile-cache-test-'))
  const file = join(folder, 'main.cjs')
  writeFileSync(file, program('alpha'))
  return {folder, file, cache: join(folder, 'compiled')}
}

test('a start writes the compiled code when it exits, and the next start of the same bytes runs from it', (t) => {
  const {folder, file, cache} = scratch()
  try {
    const first = start(file, cache)
    t.is(first.printed, 'alpha main.cjs object')
    t.false(first.used)
    t.deepEqual(readdirSync(cache), [first.path!.slice(cache.length + 1)])
    t.regex(first.path!, /main\.cjs-test-[0-9a-f]{32}$/)
    const second = start(file, cache)
    t.is(second.printed, 'alpha main.cjs object')
    t.true(second.used)
    t.is(second.path, first.path)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('other bytes of the same length are compiled, never run from the code cached for the old ones', (t) => {
  const {folder, file, cache} = scratch()
  try {
    start(file, cache)
    t.true(start(file, cache).used)
    // V8 checks only the length of the code it cached: the file's digest names the data.
    writeFileSync(file, program('omega'))
    t.is(readFileSync(file, 'utf8').length, program('alpha').length)
    const edited = start(file, cache)
    t.is(edited.printed, 'omega main.cjs object')
    t.false(edited.used)
    t.true(start(file, cache).used)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('given the code version, which stands for the bytes, the compiled code is named by it, not by the bytes: the same version runs from it, another is compiled', (t) => {
  const {folder, file, cache} = scratch()
  try {
    const byBytes = start(file, cache)
    const first = start(file, cache, 'restore', {codeVersion: '0.1.0-0123456789abcdef'})
    t.regex(first.path!, /main\.cjs-test-[0-9a-f]{32}$/)
    t.not(first.path, byBytes.path)
    t.false(first.used)
    const again = start(file, cache, 'restore', {codeVersion: '0.1.0-0123456789abcdef'})
    t.is(again.path, first.path)
    t.true(again.used)
    const other = start(file, cache, 'restore', {codeVersion: '0.1.0-fedcba9876543210'})
    t.not(other.path, first.path)
    t.false(other.used)
    t.is(other.printed, 'alpha main.cjs object')
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('cached data that does not add up is turned down, the code compiled, and the data written again', (t) => {
  const {folder, file, cache} = scratch()
  try {
    const {path} = start(file, cache)
    const bytes = readFileSync(path!)
    for (let at = 64; at < bytes.length; at += 7) bytes[at] = bytes[at]! ^ 0x5a
    writeFileSync(path!, bytes)
    const broken = start(file, cache)
    t.is(broken.printed, 'alpha main.cjs object')
    t.false(broken.used)
    t.true(start(file, cache).used)
    // One bit of the data's last byte.
    const good = readFileSync(path!)
    good[good.length - 1] = good[good.length - 1]! ^ 0x01
    writeFileSync(path!, good)
    t.false(start(file, cache).used)
    t.true(start(file, cache).used)
    writeFileSync(path!, 'not V8 data')
    t.false(start(file, cache).used)
    t.true(start(file, cache).used)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('the data is made under the flags the process started with, though the code set others meanwhile', (t) => {
  const {folder, file, cache} = scratch()
  try {
    start(file, cache, 'keep')
    t.false(start(file, cache, 'keep').used, 'made under the flags the file set: V8 turns it down at the next start')
    rmSync(cache, {recursive: true})
    start(file, cache, 'restore')
    t.true(start(file, cache, 'restore').used)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('a long run writes its compiled code again though it started from some: it compiled more; a short one keeps what it found', (t) => {
  const {folder, file, cache} = scratch()
  try {
    const {path} = start(file, cache)
    const first = readFileSync(path!)
    const short = start(file, cache, 'restore', {more: true})
    t.is(short.printed, 'alpha main.cjs object 246')
    t.true(short.used)
    t.true(readFileSync(path!).equals(first), 'a short run leaves the data')
    const long = start(file, cache, 'restore', {more: true, longRunMs: 40})
    t.is(long.printed, 'alpha main.cjs object 246')
    t.true(long.used)
    const rewritten = readFileSync(path!)
    t.false(rewritten.equals(first), 'a long run writes the data again')
    t.true(rewritten.length > first.length, 'holding the code it compiled')
    t.true(start(file, cache).used)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('a start that writes its data removes the data of other bytes of the same file and kind but the newest, and temporary files over an hour old; nothing else', (t) => {
  const {folder, file, cache} = scratch()
  try {
    mkdirSync(cache)
    const hours = (count: number) => new Date(Date.now() - count * 3_600_000)
    const left = {
      older: `main.cjs-test-${'a'.repeat(32)}`,
      newer: `main.cjs-test-${'b'.repeat(32)}`,
      otherKind: `main.cjs-lint-${'c'.repeat(32)}`,
      otherFile: `source-worker.cjs-test-${'d'.repeat(32)}`,
      abandoned: `main.cjs-test-${'e'.repeat(32)}.4242.k3j2h1.tmp`,
      writing: `main.cjs-test-${'f'.repeat(32)}.4243.a1b2c3.tmp`,
      notOurs: 'notes.txt'
    }
    for (const [name, age] of [[left.older, 72], [left.newer, 48], [left.otherKind, 96], [left.otherFile, 96], [left.abandoned, 2], [left.writing, 0], [left.notOurs, 96]] as const) {
      writeFileSync(join(cache, name), 'x')
      utimesSync(join(cache, name), hours(age), hours(age))
    }
    const first = start(file, cache)
    t.false(first.used)
    const written = first.path!.slice(cache.length + 1)
    t.deepEqual(readdirSync(cache).sort(), [written, left.newer, left.otherKind, left.otherFile, left.writing, left.notOurs].sort())
    // A start that runs from the data writes nothing, and so removes nothing.
    writeFileSync(join(cache, left.older), 'x')
    t.true(start(file, cache).used)
    t.true(readdirSync(cache).includes(left.older))
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('a folder that others can write in is neither read nor written', (t) => {
  const {folder, file, cache} = scratch()
  try {
    mkdirSync(cache)
    chmodSync(cache, 0o777)
    const open = start(file, cache)
    t.is(open.printed, 'alpha main.cjs object')
    t.is(open.path, undefined)
    t.false(open.used)
    t.deepEqual(readdirSync(cache), [])
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('the folder: BABELE_COMPILE_CACHE, none when it is off, else one of the user\'s in the temporary folder', (t) => {
  t.is(compileCacheFolder({BABELE_COMPILE_CACHE: '/some/where'}), '/some/where')
  t.is(compileCacheFolder({BABELE_COMPILE_CACHE: 'off'}), undefined)
  t.is(compileCacheFolder({}), join(tmpdir(), `babele-compile-cache-${process.getuid!()}`))
})
