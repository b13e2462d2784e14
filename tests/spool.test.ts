/**
 * A spool (`openSpool` in `pipeline/cli/fs.ts`): bytes set aside in a
 * temporary file and read back, in any order, across the chunks it writes
 * and reads at once; the file is gone from its folder as soon as it is
 * open, so nothing is left whatever ends the process; where no file can be
 * made, the bytes are kept in memory. A spool table keeps where each
 * document's batches are. `extract` spools its lint findings and
 * extraction messages and prints them as `run` does.
 */
import {mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import {openSpool} from '../pipeline/cli/fs.ts'
import {messagesJson} from '../pipeline/cli/json-pieces.ts'
import {MessageList, packMessages, SpoolTable, unpackMessages} from '../pipeline/cli/packed-messages.ts'
import type {Diagnostic} from '../pipeline/types.ts'
import {babeleWith, copyProject} from './helpers/cli.ts'

/** Batches of bytes of many sizes, one larger than a spool's chunk (a megabyte), each filled from its own seed. */
function batches(): Buffer[] {
  const sizes = [1, 0, 700, 5000, 65_536, 300_000, 900_000, 3 << 20, 12, 1 << 20, 40_000]
  return sizes.map((size, index) => {
    const bytes = Buffer.alloc(size)
    for (let at = 0; at < size; at++) bytes[at] = (at * 31 + index * 7) & 0xff
    return bytes
  })
}

test('a spool gives back each batch of bytes appended, in order and in any order, across its chunks; its file is gone from its folder once open', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'babele-spool-test-'))
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const spool = openSpool(folder)
  const given = batches()
  const places = given.map((bytes) => {
    const at = spool.append(bytes)
    t.deepEqual(readdirSync(folder), [], 'the file is removed as soon as it is made')
    return at
  })
  // The caller may fill its buffer again: the spool kept a copy.
  given[0]!.fill(0)
  const expected = batches()
  t.deepEqual(places, expected.map((_, index) => expected.slice(0, index).reduce((sum, bytes) => sum + bytes.length, 0)))
  for (let index = 0; index < given.length; index++) t.true(spool.read(places[index]!, expected[index]!.length).equals(expected[index]!), `batch ${index} in order`)
  for (const index of [9, 3, 7, 0, 10, 5, 1, 6, 2, 8, 4]) t.true(spool.read(places[index]!, expected[index]!.length).equals(expected[index]!), `batch ${index} out of order`)
  const copy = spool.read(places[2]!, 700)
  copy.fill(1)
  t.true(spool.read(places[2]!, 700).equals(expected[2]!), 'a batch read back is a buffer of its own')
  // Appended after reading back: read again.
  const last = spool.append(Buffer.from('fine'))
  t.is(spool.read(last, 4).toString(), 'fine')
  t.throws(() => spool.read(last, 5), {instanceOf: RangeError})
  t.deepEqual(readdirSync(folder), [])
})

test('a spool whose folder cannot be written keeps its bytes in memory and gives them back the same', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'babele-spool-test-'))
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const file = join(folder, 'a-file')
  writeFileSync(file, '')
  const spool = openSpool(file)
  const given = batches()
  const places = given.map((bytes) => spool.append(bytes))
  for (const index of [0, 6, 7, 2, 9, 10, 3, 1, 4, 8, 5]) t.true(spool.read(places[index]!, given[index]!.length).equals(given[index]!), `batch ${index}`)
})

test('extract spools its lint findings and extraction messages in the temporary folder, leaves nothing there, and prints them as run does, in --json and in text', (t) => {
  const project = copyProject()
  const temporary = mkdtempSync(join(tmpdir(), 'babele-spool-tmp-'))
  t.teardown(() => {
    rmSync(project, {recursive: true, force: true})
    rmSync(temporary, {recursive: true, force: true})
  })
  // Findings in several documents.
  for (const name of ['a', 'b', 'c']) writeFileSync(join(project, `source/it/${name}.md`), `# Titolo ${name}\n\nPerche' e' cosi? Vedi [qui](#).\n`)
  // And extraction's own messages (front matter that is not YAML), spooled packed.
  for (const name of ['d', 'e']) writeFileSync(join(project, `source/it/${name}.md`), `---\ntitle: [non chiuso ${name}\n---\n\n# Titolo ${name}\n`)
  const env = {TMPDIR: temporary, TEMP: temporary, TMP: temporary}
  const spools = () => readdirSync(temporary).filter((name) => name.startsWith('babele-spool-'))
  const extracted = babeleWith(env, project, 'extract', '--jobs', '1', '--json', '--no-cache')
  t.is(extracted.status, 0, extracted.stderr)
  t.deepEqual(spools(), [])
  const text = babeleWith(env, project, 'extract', '--jobs', '1', '--no-cache')
  t.is(text.status, 0)
  t.deepEqual(spools(), [])
  const ran = babeleWith(env, project, 'run', '--jobs', '1', '--json')
  t.is(ran.status, 0, ran.stderr)
  const from = (source: string) => (stdout: string) => (JSON.parse(stdout) as {messages: Array<{source: string; file: string}>}).messages.filter((message) => message.source === source)
  const [lint, markdown] = [from('lint'), from('markdown')]
  const found = lint(extracted.stdout)
  t.true(new Set(found.map((message) => message.file)).size >= 4, 'findings from several documents')
  t.deepEqual(found, lint(ran.stdout))
  t.deepEqual(markdown(extracted.stdout).map((message) => message.file), ['source/it/d.md', 'source/it/e.md'])
  t.deepEqual(markdown(extracted.stdout), markdown(ran.stdout))
  t.true(text.stderr.includes('frontmatter-invalid'))
  for (const message of found) t.true(text.stderr.includes(message.file), message.file)
})

test('a spool table gives back each row\'s batches as they were set, in any order, packed messages unpacked and printed ones as printed, their errors counted without reading them', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'babele-spool-test-'))
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const table = new SpoolTable(openSpool(folder), 3, 2)
  const message = (file: string, severity: Diagnostic['severity']): Diagnostic => ({ruleId: 'a-rule', severity, source: 'extract', file, message: `about ${file}`, url: 'https://example.com/rules#a-rule'})
  const packed = [packMessages([message('a.md', 'error'), message('a.md', 'warning')]), packMessages([]), packMessages([message('c.md', 'info')])]
  const printed = [[message('a.md', 'warning')], [], [message('c.md', 'warning'), message('c.md', 'error')]]
  // Rows come in any order, as the threads answer.
  for (const row of [2, 0, 1]) {
    table.set(row, 1, printed[row]!.length === 0 ? new Uint8Array(0) : Buffer.from(messagesJson(printed[row]!)), printed[row]!.filter((one) => one.severity === 'error').length)
    table.set(row, 0, packed[row]!.bytes, packed[row]!.errors)
  }
  const list = new MessageList()
  for (const row of [0, 1, 2]) list.add(table.batch(row, 0, {packed: true}))
  for (const row of [0, 1, 2]) list.add(table.batch(row, 1, {packed: false}))
  t.is(list.errors, 2)
  t.deepEqual(list.all(), [...packed.flatMap(unpackMessages), ...printed.flat()])
  t.deepEqual(table.bytes(2, 0), Buffer.from(packed[2]!.bytes))
  t.is(table.bytes(1, 0).length, 0, 'an empty batch has no bytes')
  t.throws(() => table.set(3, 0, new Uint8Array(1)), {instanceOf: RangeError})
  t.throws(() => table.bytes(0, 2), {instanceOf: RangeError})
})
