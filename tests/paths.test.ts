import test from 'ava'
import {clashingIds, documentPath, parseConfig, paths, skipFolder, sourceFolder, type Config} from '../pipeline/index.ts'
import {distPaths} from '../pipeline/project/index.ts'

function config(input: Record<string, unknown>): Config {
  const {value, messages} = parseConfig(input)
  if (!value) throw new Error(messages.map((message) => message.message).join('\n'))
  return value
}

/** The sources among `files`, as `file → document path`, and where each document goes in `locale`. */
function layout(settings: Config, files: readonly string[], locale: string): Array<[string, string, string]> {
  return files.flatMap((file) => {
    const path = documentPath(settings, file)
    return path === undefined ? [] : [[file, path, paths.dist(settings, locale, path)] as [string, string, string]]
  })
}

test('the default layout reads `source/<sourceLocale>/` and writes `dist/<lng>/`, as before patterns', (t) => {
  const settings = config({})
  t.is(sourceFolder(settings), 'source/it')
  t.deepEqual(layout(settings, ['source/it/putin-xi-alleanza.md', 'source/it/a/b.markdown', 'source/en/x.md', 'source/it/notes.txt', 'README.md'], 'en'), [
    ['source/it/putin-xi-alleanza.md', 'putin-xi-alleanza.md', 'dist/en/putin-xi-alleanza.md'],
    ['source/it/a/b.markdown', 'a/b.markdown', 'dist/en/a/b.markdown']
  ])
  t.is(paths.source(settings, 'a/b.markdown'), 'source/it/a/b.markdown')
})

test('a source at the root of `docs/` leaves out the translations beside it in `docs/<lng>/` (VitePress)', (t) => {
  const settings = config({targetLocales: ['en', 'fr'], sourcePattern: 'docs/{path}', targetPattern: 'docs/{locale}/{path}'})
  t.is(sourceFolder(settings), 'docs')
  const files = ['docs/index.md', 'docs/guide/intro.md', 'docs/en/index.md', 'docs/fr/guide/intro.md', 'docs/de/index.md', 'docs/.vitepress/theme/x.md', 'docs/node_modules/p/readme.md']
  t.deepEqual(layout(settings, files, 'fr'), [
    ['docs/index.md', 'index.md', 'docs/fr/index.md'],
    ['docs/guide/intro.md', 'guide/intro.md', 'docs/fr/guide/intro.md'],
    // `de` is not a target locale: its folder is a source folder like any other.
    ['docs/de/index.md', 'de/index.md', 'docs/fr/de/index.md']
  ])
})

test('Docusaurus translations go under i18n/<lng>/docusaurus-plugin-content-docs/current/', (t) => {
  const settings = config({targetLocales: ['en'], sourcePattern: 'docs/{path}', targetPattern: 'i18n/{locale}/docusaurus-plugin-content-docs/current/{path}'})
  t.deepEqual(layout(settings, ['docs/intro.md', 'docs/tutorial/basi.md', 'i18n/en/docusaurus-plugin-content-docs/current/intro.md', 'blog/2024-01-01-ciao.md'], 'en'), [
    ['docs/intro.md', 'intro.md', 'i18n/en/docusaurus-plugin-content-docs/current/intro.md'],
    ['docs/tutorial/basi.md', 'tutorial/basi.md', 'i18n/en/docusaurus-plugin-content-docs/current/tutorial/basi.md']
  ])
})

test('a locale in the file name: `content/{path}.md` and `content/{path}.{locale}.md` (Hugo, MkDocs suffix)', (t) => {
  const settings = config({targetLocales: ['en', 'de'], sourcePattern: 'content/{path}.md', targetPattern: 'content/{path}.{locale}.md'})
  t.deepEqual(layout(settings, ['content/_index.md', 'content/posts/primo/index.md', 'content/posts/primo/index.en.md', 'content/about.de.md', 'content/about.md'], 'de'), [
    ['content/_index.md', '_index.md', 'content/_index.de.md'],
    ['content/posts/primo/index.md', 'posts/primo/index.md', 'content/posts/primo/index.de.md'],
    ['content/about.md', 'about.md', 'content/about.de.md']
  ])
  // The source locale named in the file too.
  const named = config({targetLocales: ['en'], sourcePattern: 'content/{path}.{locale}.md', targetPattern: 'content/{path}.{locale}.md'})
  t.deepEqual(layout(named, ['content/about.it.md', 'content/about.en.md', 'content/about.md'], 'en'), [['content/about.it.md', 'about.it.md', 'content/about.en.md']])
})

test('sources at the project root skip dot folders, node_modules, babele\'s own folders and `exclude` (Jekyll)', (t) => {
  const settings = config({targetLocales: ['en'], sourcePattern: '{path}', targetPattern: '{locale}/{path}', exclude: ['_site', 'vendor/**', 'README.md']})
  t.is(sourceFolder(settings), '')
  for (const folder of ['.git', '.jekyll-cache', 'node_modules', 'xliff', 'locales', 'reports', 'glossary', 'memory', '_site', 'vendor', 'vendor/bundle', 'a/node_modules']) t.true(skipFolder(settings, folder), folder)
  for (const folder of ['_posts', 'docs', 'en', 'dist']) t.false(skipFolder(settings, folder), folder)
  // Targets written under a folder of their own, beside sources at the root: that folder is skipped whole.
  const docfx = config({targetLocales: ['en'], sourcePattern: '{path}', targetPattern: 'dist/{locale}/{path}'})
  t.true(skipFolder(docfx, 'dist'))
  t.deepEqual(layout(docfx, ['index.md', 'dist/en/index.md', 'dist/de/index.md', 'docs/dist/x.md'], 'en'), [
    ['index.md', 'index.md', 'dist/en/index.md'],
    ['docs/dist/x.md', 'docs/dist/x.md', 'dist/en/docs/dist/x.md']
  ])
  t.false(skipFolder(config({sourcePattern: 'docs/{path}', targetPattern: 'docs/{locale}/{path}'}), 'docs'))
  const files = ['index.md', '_posts/2024-05-01-ciao.md', 'en/index.md', 'README.md', '_site/index.md', 'vendor/gem/README.md', 'xliff/en/index.md.xlf', 'docs/README.md']
  t.deepEqual(layout(settings, files, 'en'), [
    ['index.md', 'index.md', 'en/index.md'],
    ['_posts/2024-05-01-ciao.md', '_posts/2024-05-01-ciao.md', 'en/_posts/2024-05-01-ciao.md'],
    ['docs/README.md', 'docs/README.md', 'en/docs/README.md']
  ])
})

test('paths that give the same document id are found, each id with its paths sorted', (t) => {
  t.deepEqual(clashingIds(['guide/a.md', 'b.md', 'guide/a.markdown', 'c.md', 'B.markdown', 'guide/A.MD']), [{id: 'guide/a', paths: ['guide/a.markdown', 'guide/a.md']}])
  t.deepEqual(clashingIds(['x.md', 'x.MD', 'x.Markdown']), [{id: 'x', paths: ['x.MD', 'x.Markdown', 'x.md']}])
  t.deepEqual(clashingIds(['a.md', 'a/b.md', 'a.md.md']), [])
})

test('distPaths places every document of a locale where paths.dist does, and refuses a path the source pattern cannot have made', (t) => {
  const hugo = config({targetLocales: ['en', 'de'], sourcePattern: 'content/{path}.md', targetPattern: 'content/{path}.{locale}.md'})
  const german = distPaths(hugo, 'de')
  t.deepEqual(['_index.md', 'posts/primo/index.md'].map(german), ['content/_index.de.md', 'content/posts/primo/index.de.md'])
  t.deepEqual(['_index.md', 'posts/primo/index.md'].map((path) => paths.dist(hugo, 'en', path)), ['content/_index.en.md', 'content/posts/primo/index.en.md'])
  const docusaurus = config({targetLocales: ['en'], sourcePattern: 'docs/{path}', targetPattern: 'i18n/{locale}/docusaurus-plugin-content-docs/current/{path}'})
  t.is(distPaths(docusaurus, 'en')('tutorial/basi.md'), 'i18n/en/docusaurus-plugin-content-docs/current/tutorial/basi.md')
  const named = config({targetLocales: ['en'], sourcePattern: 'content/{path}.{locale}.md', targetPattern: 'content/{path}.{locale}.md'})
  t.is(distPaths(named, 'en')('about.it.md'), 'content/about.en.md')
  t.throws(() => distPaths(named, 'en')('about.md'), {message: 'Cannot place `about.md`: expected a document path ending with `.it.md` (`sourcePattern`)'})
})
