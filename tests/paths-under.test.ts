/**
 * The absolute paths of files under a folder (`pathsUnder` in
 * `pipeline/cli/fs.ts`): a path of plain names is appended to the folder's,
 * any other is resolved, and either way the text is `resolve`'s.
 */
import {resolve} from 'node:path'
import test from 'ava'
import {pathsUnder} from '../pipeline/cli/fs.ts'

/** Relative paths as a listing gives them, and those `resolve` changes: empty, `.` and `..` segments, doubled, leading and trailing separators, dots inside names. */
const relatives = ['a.json', 'guide/intro.json', 'section-00/article-0000.md', '.hidden/a.md', 'a/.b', 'a/..b/c', 'a/b..', '...', '..a', 'a./b', './a.json', 'a/./b.json', '../a.json', 'a/../b.json', 'a/..', '..', '.', '', 'a//b.json', 'a/', '/a.json', '//a', 'a/b/../../c', 'caffè/perché.md', 'a\\b.md', 'a b/c d.md']

/** Folders: absolute, normalized or not, the root, and relative to the working directory. */
const folders = ['/site/locales/en', '/site/locales/en/', '/site//locales/./en', '/site/x/../locales/en', '/', 'locales/en', '.', '']

test('pathsUnder gives what resolve gives for every relative path under every folder', (t) => {
  for (const folder of folders) {
    const absoluteOf = pathsUnder(folder)
    for (const relative of relatives) t.is(absoluteOf(relative), resolve(folder, relative), `${folder} + ${relative}`)
  }
})

test('pathsUnder appends a path of plain names to the folder as it is', (t) => {
  const absoluteOf = pathsUnder('/site/locales/en')
  t.is(absoluteOf('section-00/article-0000.json'), '/site/locales/en/section-00/article-0000.json')
  t.is(pathsUnder('/')('a/b.md'), '/a/b.md')
})
