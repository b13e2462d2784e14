/**
 * `absoluteIn` (`pipeline/cli/workspace.ts`): the absolute path of a file
 * under a folder is what `resolve(folder, file)` gives, whether the path is
 * plain (joined as text) or not (resolved): `.`, `..` and empty segments,
 * absolute paths, backslashes (plain characters where `/` is the
 * separator), names that only start with dots, and folders that are
 * relative, not normalized or the file system's root.
 */
import {resolve} from 'node:path'
import test from 'ava'
import {absoluteIn} from '../pipeline/cli/workspace.ts'

const folders = ['/p', '/p/', '/', '/p/q/../r', '/p//q/./r', 'relative/folder', '.', '', '/p/a b/ü']

const files = [
  'dist/en/a.md',
  'a.md',
  'xliff/en/section-00/article-0000.md.xlf',
  '',
  '.',
  '..',
  './a.md',
  '../a.md',
  'a/./b.md',
  'a/../b.md',
  'a/..',
  'a/.',
  'a//b.md',
  'a/',
  '/abs/a.md',
  '//abs/a.md',
  '..a/b.md',
  '.a/b.md',
  'a/...b/c',
  'a/.../c',
  'a..',
  'a\\b.md',
  '..\\a.md',
  'a b/ü.md'
]

test('the absolute path of every file under every folder is resolve\'s', (t) => {
  for (const folder of folders) {
    const absolute = absoluteIn(folder)
    for (const file of files) t.is(absolute(file), resolve(folder, file), `${JSON.stringify(folder)} + ${JSON.stringify(file)}`)
  }
})
