/**
 * Writing an output only when its content changes (`writeAtomic` in
 * `pipeline/cli/fs.ts`): the file's bytes are compared with the content's
 * UTF-8 bytes, so a text of the same byte length that differs is written,
 * and the same text leaves the file untouched. A cache file replacing one
 * (`replaceCacheFile`) holds the new bytes whole, in a folder made when
 * missing, and leaves no temporary file beside it. In a folder the
 * process made, a file it did not write since is known not to be there
 * (not looked for), and one it wrote, by any of its writers, is compared;
 * `knownMissing` answers so for the cache's lookups, and knows every folder
 * the process made, however deep or however many writes apart, while
 * `exists` always looks. `removeFile` removes a file, does nothing for one
 * not there, and refuses a folder.
 * An output written piece by piece (`outputWriter`) gets every piece whole
 * and in order, even from one buffer filled again, through a full pipe.
 */
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import {spawn} from 'node:child_process'
import {exists, knownMissing, outputWriter, removeFile, replaceCacheFile, writeAtomic, writeBytesAtomic} from '../pipeline/cli/fs.ts'

test('writeAtomic writes a text that differs in one accented letter of the same byte length, and leaves a file holding the same text untouched', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'babele-write-'))
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const path = join(folder, 'reports', 'page.html')
  t.true(writeAtomic(path, '<p>città</p>\n'))
  // An old modification time: a file written again would take the present one.
  utimesSync(path, 1_000_000, 1_000_000)
  t.false(writeAtomic(path, '<p>città</p>\n'))
  t.is(statSync(path).mtimeMs, 1_000_000_000)
  // `á` is two bytes in UTF-8, as `à`: the same size, other bytes.
  t.true(writeAtomic(path, '<p>cittá</p>\n'))
  t.is(readFileSync(path, 'utf8'), '<p>cittá</p>\n')
  t.not(statSync(path).mtimeMs, 1_000_000_000)
})

test('replaceCacheFile makes a missing folder, replaces a file there with the new bytes given in pieces, and leaves nothing else beside it', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'babele-write-'))
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const path = join(folder, 'cache', 'lint.pack')
  replaceCacheFile(path, Buffer.from('an old pack, longer than the new one'))
  replaceCacheFile(path, [Buffer.from('new '), Buffer.from('pack')])
  t.is(readFileSync(path, 'utf8'), 'new pack')
  t.deepEqual(readdirSync(join(folder, 'cache')), ['lint.pack'])
})

test('removeFile removes a file, does nothing for a file not there, and throws for a folder, which it leaves', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'babele-remove-'))
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const file = join(folder, 'entry')
  writeFileSync(file, 'x')
  removeFile(file)
  t.deepEqual(readdirSync(folder), [])
  t.notThrows(() => removeFile(file))
  mkdirSync(join(folder, 'sub'))
  t.throws(() => removeFile(join(folder, 'sub')), {code: 'EISDIR'})
  t.deepEqual(readdirSync(folder), ['sub'])
})

test('writeAtomic in a folder the process made finds the files any of its writers put there since, and writes over a file put there by someone else', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'babele-write-'))
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const made = join(folder, 'xliff', 'en')
  t.true(writeAtomic(join(made, 'a.xlf'), 'a'))
  replaceCacheFile(join(made, 'b.xlf'), Buffer.from('b'))
  writeBytesAtomic(join(made, 'c.xlf'), [Buffer.from('c')])
  for (const name of ['a', 'b', 'c']) {
    utimesSync(join(made, `${name}.xlf`), 1_000_000, 1_000_000)
    t.false(writeAtomic(join(made, `${name}.xlf`), name), `${name}.xlf is found holding its text`)
    t.is(statSync(join(made, `${name}.xlf`)).mtimeMs, 1_000_000_000)
  }
  // Another process (a concurrent run, an editor) puts a file there: written over, never kept as it was.
  writeFileSync(join(made, 'd.xlf'), 'stale')
  t.true(writeAtomic(join(made, 'd.xlf'), 'd'))
  t.is(readFileSync(join(made, 'd.xlf'), 'utf8'), 'd')
  t.false(writeAtomic(join(made, 'd.xlf'), 'd'))
  t.deepEqual(readdirSync(made).sort(), ['a.xlf', 'b.xlf', 'c.xlf', 'd.xlf'])
})

test('knownMissing knows only what is not in a folder the process made: it finds what the process wrote and the folders it made, nested or made by a later write; exists always looks', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'babele-write-'))
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const cache = join(folder, 'cache')
  t.false(knownMissing(join(cache, 'document', 'b1', 'b177')), 'in no folder the process made: not known')
  // Three folders made by one write, then a sibling of the innermost by another.
  writeBytesAtomic(join(cache, 'document', 'b1', 'b177'), Buffer.from('entry'))
  writeBytesAtomic(join(cache, 'document', 'c7', 'c7a0'), Buffer.from('entry'))
  for (const path of ['cache', 'cache/document', 'cache/document/b1', 'cache/document/b1/b177', 'cache/document/c7', 'cache/document/c7/c7a0']) {
    t.false(knownMissing(join(folder, path)), path)
    t.true(exists(join(folder, path)), path)
  }
  for (const path of ['cache/lint', 'cache/document/b1/b178', 'cache/document/c8', 'cache/document/c7/c7a1']) {
    t.true(knownMissing(join(folder, path)), path)
    t.false(exists(join(folder, path)), path)
  }
  // Put there by another writer (a worker thread, a concurrent run): taken for missing by the cache, found by exists.
  writeFileSync(join(cache, 'document', 'b1', 'b178'), 'entry')
  t.true(knownMissing(join(cache, 'document', 'b1', 'b178')))
  t.true(exists(join(cache, 'document', 'b1', 'b178')))
})

test('outputWriter writes each piece before it returns, and queues on the stream, as copies and in order, what a full non-blocking pipe cannot take now', async (t) => {
  // A reader that starts reading late: the pipe (64 KiB) is full long before the 2 MB are written.
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => process.stdin.pipe(process.stdout), 300)'], {stdio: ['pipe', 'pipe', 'inherit']})
  const received: Buffer[] = []
  child.stdout.on('data', (data: Buffer) => received.push(data))
  const closed = new Promise((resolve) => child.on('close', resolve))
  // The parent's end of the pipe, non-blocking as Node opens it.
  const fd = (child.stdin as unknown as {_handle: {fd: number}})._handle.fd
  const write = outputWriter(fd, () => child.stdin)
  const buffer = Buffer.alloc(256 << 10)
  const expected: Buffer[] = []
  for (let piece = 0; piece < 8; piece++) {
    // The same buffer, filled again for each piece.
    buffer.fill(65 + piece)
    expected.push(Buffer.from(buffer))
    t.true(write(buffer))
  }
  child.stdin.end()
  await closed
  t.is(Buffer.concat(received).compare(Buffer.concat(expected)), 0)
})
