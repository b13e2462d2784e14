import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import {babele, root} from './helpers/cli.ts'

const fixtures = join(root, 'tests/fixtures/init')

/** A fresh copy of a fixture site in a temp folder. */
function copySite(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), `babele-init-${name}-`))
  cpSync(join(fixtures, name), folder, {recursive: true})
  return folder
}

interface Expected {
  /** The config `babele init` writes. */
  config: Record<string, unknown>
  /** Printed choices: field, then the file (or `--option`) that gave it away, as the line shows them. */
  lines: string[]
  /** Sources, and where `babele run` writes each for each target locale. */
  outputs: Array<[source: string, ...targets: string[]]>
  /** Messages `init` prints, as `ruleId: start of the message`. */
  messages: string[]
  /** Flavour syntax in a source, and the English XLIFF whose translatable text must not hold it (the `flavor` init chose is at work). */
  syntax: Array<[xliff: string, syntax: string]>
}

const sites: Record<string, Expected> = {
  vitepress: {
    config: {
      sourceLocale: 'it',
      targetLocales: ['en'],
      flavor: 'vitepress',
      sourcePattern: 'docs/{path}',
      targetPattern: 'docs/{locale}/{path}',
      frontmatterKeys: ['title', 'description', 'hero.name', 'hero.text', 'hero.tagline', 'hero.actions[].text', 'features[].title', 'features[].details']
    },
    lines: [
      '  flavor          vitepress               docs/.vitepress/config.mts: its config file',
      '  sourceLocale    it                      docs/.vitepress/config.mts: locales.root.lang',
      '  targetLocales   en                      docs/.vitepress/config.mts: the keys of locales',
      "  sourcePattern   docs/{path}             docs/.vitepress/config.mts: VitePress's root locale at the root of docs/",
      '  targetPattern   docs/{locale}/{path}    docs/.vitepress/config.mts: each other locale in a folder named by its locales key',
      '  sources         3 Markdown files: docs/guida/configurazione.md, docs/guida/introduzione.md, docs/index.md'
    ],
    outputs: [
      ['docs/guida/configurazione.md', 'docs/en/guida/configurazione.md'],
      ['docs/guida/introduzione.md', 'docs/en/guida/introduzione.md'],
      ['docs/index.md', 'docs/en/index.md']
    ],
    messages: ['init-translations-exist: en: 1 of 3 pages already there (docs/en/index.md)'],
    syntax: [['guida/introduzione.md.xlf', '{#installazione}'], ['guida/introduzione.md.xlf', '::: tip'], ['guida/introduzione.md.xlf', '{{ $frontmatter']]
  },
  docusaurus: {
    config: {
      sourceLocale: 'it',
      targetLocales: ['en'],
      flavor: 'docusaurus',
      sourcePattern: 'docs/{path}',
      targetPattern: 'i18n/{locale}/docusaurus-plugin-content-docs/current/{path}',
      frontmatterKeys: ['title', 'description', 'sidebar_label']
    },
    lines: [
      '  flavor          docusaurus              docusaurus.config.js: its config file',
      '  sourceLocale    it                      docusaurus.config.js: i18n.defaultLocale',
      '  targetLocales   en                      docusaurus.config.js: i18n.locales',
      "  sourcePattern   docs/{path}             docusaurus.config.js: the docs plugin's folder",
      "  targetPattern   i18n/{locale}/docusaurus-plugin-content-docs/current/{path}  docusaurus.config.js: where Docusaurus's i18n reads each locale's docs",
      '  sources         2 Markdown files: docs/intro.md, docs/tutorial/primi-passi.md'
    ],
    outputs: [
      ['docs/intro.md', 'i18n/en/docusaurus-plugin-content-docs/current/intro.md'],
      ['docs/tutorial/primi-passi.md', 'i18n/en/docusaurus-plugin-content-docs/current/tutorial/primi-passi.md']
    ],
    messages: ['init-note: blog/ (the blog, 1 Markdown file) is not a source'],
    syntax: [['intro.md.xlf', '{#requisiti}'], ['intro.md.xlf', ':::tip'], ['tutorial/primi-passi.md.xlf', ':::danger']]
  },
  mkdocs: {
    config: {sourceLocale: 'it', targetLocales: ['en'], flavor: 'mkdocs', sourcePattern: 'docs/{path}.md', targetPattern: 'docs/{path}.{locale}.md'},
    lines: [
      '  flavor          mkdocs                  mkdocs.yml: its config file',
      '  sourceLocale    it                      mkdocs.yml: the i18n plugin language marked default',
      "  targetLocales   en                      mkdocs.yml: the i18n plugin's languages",
      "  sourcePattern   docs/{path}.md          mkdocs.yml: docs_dir 'docs'",
      '  targetPattern   docs/{path}.{locale}.md  mkdocs.yml: the locale in the file name (i18n docs_structure: suffix)',
      '  sources         3 Markdown files: docs/guida/installazione.md, docs/guida/uso.md, docs/index.md'
    ],
    outputs: [
      ['docs/guida/installazione.md', 'docs/guida/installazione.en.md'],
      ['docs/guida/uso.md', 'docs/guida/uso.en.md'],
      ['docs/index.md', 'docs/index.en.md']
    ],
    messages: ['init-translations-exist: en: 1 of 3 pages already there (docs/index.en.md)'],
    syntax: [['guida/installazione.md.xlf', '{#requisiti}'], ['guida/installazione.md.xlf', '!!! note'], ['guida/installazione.md.xlf', '??? tip'], ['index.md.xlf', '.md-button']]
  },
  hugo: {
    config: {
      sourceLocale: 'it',
      targetLocales: ['en'],
      flavor: 'hugo',
      sourcePattern: 'content/{locale}/{path}',
      targetPattern: 'content/{locale}/{path}',
      frontmatterKeys: ['title', 'description', 'linkTitle', 'summary']
    },
    lines: [
      '  flavor          hugo                    hugo.toml: its config file',
      '  sourceLocale    it                      hugo.toml: defaultContentLanguage',
      '  targetLocales   en                      hugo.toml: the keys of languages',
      "  sourcePattern   content/{locale}/{path}  hugo.toml: each language's contentDir (content/it/, content/en/)",
      "  targetPattern   content/{locale}/{path}  hugo.toml: each language's contentDir (content/it/, content/en/)",
      '  sources         4 Markdown files: content/it/_index.md, content/it/docs/_index.md, content/it/docs/configurazione.md, …'
    ],
    outputs: [
      ['content/it/_index.md', 'content/en/_index.md'],
      ['content/it/docs/_index.md', 'content/en/docs/_index.md'],
      ['content/it/docs/configurazione.md', 'content/en/docs/configurazione.md'],
      ['content/it/docs/installazione.md', 'content/en/docs/installazione.md']
    ],
    messages: [],
    syntax: [['docs/installazione.md.xlf', '{{< figure'], ['docs/installazione.md.xlf', '{{% notice'], ['docs/installazione.md.xlf', '{#con-go}'], ['_index.md.xlf', '{{< ref']]
  },
  jekyll: {
    config: {
      sourceLocale: 'it',
      targetLocales: ['en'],
      flavor: 'jekyll',
      sourcePattern: '{path}',
      targetPattern: '{locale}/{path}',
      exclude: ['_site', 'gemfiles', 'Gemfile', 'Gemfile.lock', 'README.md', 'vendor'],
      frontmatterKeys: ['title', 'description', 'excerpt']
    },
    lines: [
      '  flavor          jekyll                  _config.yml: its config file',
      '  sourceLocale    it                      _config.yml: default_lang (jekyll-polyglot)',
      '  targetLocales   en                      _config.yml: languages (jekyll-polyglot)',
      "  sourcePattern   {path}                  _config.yml: Jekyll's source folder (the site root)",
      '  exclude         _site, gemfiles, Gemfile, Gemfile.lock, README.md, vendor  _config.yml: the destination, Jekyll\'s own excludes and the config\'s exclude',
      '  sources         3 Markdown files: _posts/2024-05-10-benvenuti.md, guida.md, index.md'
    ],
    outputs: [
      ['_posts/2024-05-10-benvenuti.md', 'en/_posts/2024-05-10-benvenuti.md'],
      ['guida.md', 'en/guida.md'],
      ['index.md', 'en/index.md']
    ],
    messages: ['init-note: Each translated page needs its locale in its front matter'],
    syntax: [['index.md.xlf', '{{ site.title }}'], ['index.md.xlf', '{% include'], ['guida.md.xlf', '{% highlight'], ['guida.md.xlf', '{% raw %}']]
  },
  mdbook: {
    config: {sourceLocale: 'it', targetLocales: ['en', 'de'], flavor: 'mdbook', sourcePattern: 'src/{path}', targetPattern: 'dist/{locale}/{path}'},
    lines: [
      '  flavor          mdbook                  book.toml: its config file',
      '  sourceLocale    it                      book.toml: book.language',
      '  targetLocales   en, de                  --target-locales',
      "  sourcePattern   src/{path}              book.toml: the book's src folder (src/)",
      "  targetPattern   dist/{locale}/{path}    book.toml: mdBook has no translation layout: each locale's book goes to dist/<lng>/",
      '  sources         5 Markdown files: src/SUMMARY.md, src/capitolo-1/README.md, src/capitolo-1/installazione.md, …'
    ],
    outputs: ['SUMMARY.md', 'capitolo-1/README.md', 'capitolo-1/installazione.md', 'capitolo-1/primo-programma.md', 'introduzione.md'].map((path) => [`src/${path}`, `dist/en/${path}`, `dist/de/${path}`]),
    messages: ['init-note: Build each translated book from dist/<lng>/'],
    syntax: [['capitolo-1/primo-programma.md.xlf', '{{#title'], ['capitolo-1/primo-programma.md.xlf', '{{#include']]
  },
  docfx: {
    config: {sourceLocale: 'it', targetLocales: ['en', 'es', 'fr', 'ca'], flavor: 'docfx', sourcePattern: '{path}', targetPattern: 'dist/{locale}/{path}', exclude: ['_site', 'obj', 'README.md']},
    lines: [
      '  flavor          docfx                   docfx.json: its config file',
      "  sourceLocale    it                      babele's default: the site does not say (pass --source-locale)",
      "  targetLocales   en, es, fr, ca          babele's default: the site has no translation yet (pass --target-locales)",
      '  sourcePattern   {path}                  docfx.json: build.content',
      "  exclude         _site, obj, README.md   docfx.json: build.output, obj/ and build.content's exclude",
      '  sources         4 Markdown files: docs/guida-rapida.md, docs/introduzione.md, includes/prerequisiti.md, …'
    ],
    outputs: ['docs/guida-rapida.md', 'docs/introduzione.md', 'includes/prerequisiti.md', 'index.md'].map((path) => [path, ...['en', 'es', 'fr', 'ca'].map((locale) => `dist/${locale}/${path}`)]),
    messages: [],
    syntax: [['docs/introduzione.md.xlf', '[!INCLUDE'], ['docs/introduzione.md.xlf', ':::image'], ['docs/introduzione.md.xlf', '[!NOTE]'], ['index.md.xlf', '[!TIP]']]
  }
}

/** Extra arguments some fixtures are initialised with. */
const options: Record<string, string[]> = {mdbook: ['--target-locales', 'en,de']}

for (const [name, expected] of Object.entries(sites)) {
  test(`babele init configures the ${name} fixture site, saying why, and babele run then builds every locale`, (t) => {
    const folder = copySite(name)
    try {
      const init = babele(folder, 'init', ...(options[name] ?? []))
      t.is(init.status, 0, init.stderr)
      const lines = init.stdout.split('\n')
      t.is(lines[0], 'babele init: wrote babele.config.json')
      for (const line of expected.lines) t.true(lines.includes(line), `printed: ${line}\n${init.stdout}`)
      t.deepEqual(JSON.parse(readFileSync(join(folder, 'babele.config.json'), 'utf8')), expected.config)
      // The report's rows: `line:column severity message rule-id source`, under each file's header.
      const messages = init.stderr.split('\n').filter((line) => /^\S* +(?:info|warning) /.test(line))
      t.is(messages.length, expected.messages.length, init.stderr)
      for (const [index, start] of expected.messages.entries()) {
        const [ruleId, text] = start.split(/: (.*)/s)
        t.true(new RegExp(` ${ruleId} +init$`).test(messages[index]!) && messages[index]!.includes(` ${text}`), messages[index])
      }

      const run = babele(folder, 'run')
      t.is(run.status, 0, run.stderr)
      t.regex(run.stdout, new RegExp(`extract: ${expected.outputs.length} document\\(s\\)`))
      for (const [xliff, syntax] of expected.syntax) {
        const sources = [...readFileSync(join(folder, 'xliff/en', xliff), 'utf8').matchAll(/<source>([^]*?)<\/source>/g)].map((match) => match[1]!)
        t.true(sources.length > 0, xliff)
        t.deepEqual(sources.filter((text) => text.includes(syntax)), [], `${syntax} is never translatable text`)
      }
      // Nothing is translated yet: every locale's page is its source, byte for byte.
      for (const [source, ...targets] of expected.outputs) {
        const text = readFileSync(join(folder, source), 'utf8')
        for (const target of targets) t.is(readFileSync(join(folder, target), 'utf8'), text, target)
      }
    } finally {
      rmSync(folder, {recursive: true, force: true})
    }
  })
}

test('babele init never overwrites a config without --force (exit 2), and --dry-run prints it without writing', (t) => {
  const folder = copySite('docusaurus')
  try {
    writeFileSync(join(folder, 'babele.config.json'), '{"sourceLocale": "it"}\n')
    const refused = babele(folder, 'init')
    t.is(refused.status, 2)
    t.is(refused.stderr, 'babele init: babele.config.json already exists: babele init never replaces a config; pass --force to overwrite it, or --dry-run to see what it would write\n')
    t.is(readFileSync(join(folder, 'babele.config.json'), 'utf8'), '{"sourceLocale": "it"}\n')

    const dry = babele(folder, 'init', '--dry-run')
    t.is(dry.status, 0, dry.stderr)
    t.is(dry.stdout.split('\n').slice(0, 9).join('\n'), [
      'babele init: would write babele.config.json (dry run):',
      '{',
      '  "sourceLocale": "it",',
      '  "targetLocales": ["en"],',
      '  "flavor": "docusaurus",',
      '  "sourcePattern": "docs/{path}",',
      '  "targetPattern": "i18n/{locale}/docusaurus-plugin-content-docs/current/{path}",',
      '  "frontmatterKeys": ["title", "description", "sidebar_label"]',
      '}'
    ].join('\n'))
    t.is(readFileSync(join(folder, 'babele.config.json'), 'utf8'), '{"sourceLocale": "it"}\n')

    const forced = babele(folder, 'init', '--force', '--json', '--target-locales', 'en', 'fr', '--source-locale', 'it')
    t.is(forced.status, 0, forced.stderr)
    const output = JSON.parse(forced.stdout)
    t.like(output, {command: 'init', ok: true, written: ['babele.config.json'], config: {targetLocales: ['en', 'fr']}, sources: ['docs/intro.md', 'docs/tutorial/primi-passi.md']})
    t.deepEqual(output.findings.slice(0, 3), [
      {field: 'flavor', value: 'docusaurus', file: 'docusaurus.config.js', reason: 'its config file'},
      {field: 'sourceLocale', value: 'it', reason: '--source-locale'},
      {field: 'targetLocales', value: ['en', 'fr'], reason: '--target-locales'}
    ])
    t.deepEqual(JSON.parse(readFileSync(join(folder, 'babele.config.json'), 'utf8')).targetLocales, ['en', 'fr'])
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('babele init --config writes the named file, whose folder is the site; a folder with no Markdown gets no config (exit 2)', (t) => {
  const folder = copySite('hugo')
  const empty = mkdtempSync(join(tmpdir(), 'babele-init-empty-'))
  try {
    const result = babele(join(folder, 'content'), 'init', '--config', '../site.json', '--json')
    t.is(result.status, 0, result.stdout)
    t.deepEqual(JSON.parse(result.stdout).written, ['../site.json'])
    t.false(existsSync(join(folder, 'babele.config.json')))
    t.like(JSON.parse(readFileSync(join(folder, 'site.json'), 'utf8')), {flavor: 'hugo', sourcePattern: 'content/{locale}/{path}'})
    t.is(babele(folder, 'run', '--config', 'site.json').status, 0)

    writeFileSync(join(empty, 'notes.txt'), 'niente Markdown qui\n')
    const nothing = babele(empty, 'init')
    t.is(nothing.status, 2)
    t.regex(nothing.stderr, /no config written for .*\n\(project\)\n +error +No Markdown file in the site: nothing for babele to translate \(babele reads \.md and \.markdown\) init-no-markdown init\n\n✖ 1 error\n$/)
    t.false(existsSync(join(empty, 'babele.config.json')))
  } finally {
    rmSync(folder, {recursive: true, force: true})
    rmSync(empty, {recursive: true, force: true})
  }
})
