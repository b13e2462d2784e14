import test from 'ava'
import {parseConfig} from '../pipeline/index.ts'

test('parseConfig fills every default', (t) => {
  const {value, messages} = parseConfig({})
  t.deepEqual(messages, [])
  t.deepEqual(value?.flavor, [])
  t.deepEqual(value?.codeFinder, [])
  t.deepEqual(value?.targetLocales, ['en', 'es', 'fr', 'ca'])
})

test('parseConfig takes one flavour or a list of them', (t) => {
  t.deepEqual(parseConfig({flavor: 'vitepress'}).value?.flavor, ['vitepress'])
  t.deepEqual(parseConfig({flavor: ['mkdocs', 'jekyll']}).value?.flavor, ['mkdocs', 'jekyll'])
})

test('parseConfig names the field of an unknown flavour or a bad code-finder pattern', (t) => {
  const {value, messages} = parseConfig({flavor: ['vitepress', 'sphinx'], codeFinder: ['\\{\\{[^}]*\\}\\}', '(', 'a*']}, {file: 'site.json'})
  t.is(value, undefined)
  t.deepEqual(
    messages.map((message) => [message.file, message.ruleId, message.message.split(':')[0]]),
    [
      ['site.json', 'config-invalid', '`flavor`'],
      ['site.json', 'config-invalid', '`codeFinder.1`'],
      ['site.json', 'config-invalid', '`codeFinder.2`']
    ]
  )
  t.regex(messages[2]!.message, /cannot match the empty string/)
})

test('parseConfig derives the path patterns from `source` and `dist` unless they are given', (t) => {
  t.like(parseConfig({}).value, {sourcePattern: 'source/{locale}/{path}', targetPattern: 'dist/{locale}/{path}', exclude: []})
  t.like(parseConfig({source: 'docs', dist: 'out'}).value, {sourcePattern: 'docs/{locale}/{path}', targetPattern: 'out/{locale}/{path}'})
  t.like(parseConfig({sourcePattern: 'content/{path}.md', targetPattern: 'content/{path}.{locale}.md', exclude: ['content/drafts/**']}).value, {
    sourcePattern: 'content/{path}.md',
    targetPattern: 'content/{path}.{locale}.md',
    exclude: ['content/drafts/**']
  })
})

test('parseConfig refuses a path pattern it cannot use, saying why, and `source` beside `sourcePattern`', (t) => {
  const problems = (input: Record<string, unknown>) => parseConfig(input, {file: 'site.json'}).messages.map((message) => message.message)
  t.deepEqual(problems({sourcePattern: 'docs'}), ['`sourcePattern`: expected `{path}` exactly once, e.g. `docs/{path}`'])
  t.deepEqual(problems({sourcePattern: 'docs/{lang}/{path}'}), ['`sourcePattern`: unknown placeholder `{lang}`; a pattern has `{path}` and `{locale}`'])
  t.deepEqual(problems({sourcePattern: '/srv/docs/{path}'}), ['`sourcePattern`: expected a path relative to the config file, with `/` separators'])
  t.deepEqual(problems({sourcePattern: '../docs/{path}'}), ['`sourcePattern`: expected no `.`, `..` or empty segments'])
  t.deepEqual(problems({sourcePattern: 'docs/page-{path}'}), ['`sourcePattern`: `{path}` must start a path segment (after `/` or at the start)'])
  t.deepEqual(problems({sourcePattern: 'docs/{path}/index.md'}), ['`sourcePattern`: `{path}` must be in the last segment'])
  t.deepEqual(problems({sourcePattern: 'docs/{path}.txt'}), ['`sourcePattern`: what follows `{path}` must end with `.md` or `.markdown`, e.g. `{path}.{locale}.md`'])
  t.deepEqual(problems({targetPattern: 'translated/{path}'}), ['`targetPattern`: expected `{locale}`, so each target locale has its own files, e.g. `dist/{locale}/{path}`'])
  t.deepEqual(problems({exclude: ['/etc/**', '']}), ['`exclude.0`: expected a glob relative to the config file', '`exclude.1`: expected a glob such as `docs/drafts/**`'])
  t.deepEqual(problems({source: 'docs', sourcePattern: 'docs/{path}'}), ['`sourcePattern`: set `source` or `sourcePattern`, not both (`source` is short for `docs/{locale}/{path}`)'])
  t.deepEqual(problems({dist: 'out', targetPattern: 'out/{locale}/{path}'}), ['`targetPattern`: set `dist` or `targetPattern`, not both (`dist` is short for `out/{locale}/{path}`)'])
})

test('parseConfig leaves machine translation off by default and reads engines per locale, pairs, the server and the cache', (t) => {
  const defaults = parseConfig({}).value!.mt
  t.deepEqual(defaults, {
    engine: 'none',
    cache: '.babele/mt-cache',
    batchSize: 500,
    apertium: {pairs: {}, timeout: 600_000},
    http: {api: 'apertium-apy', url: 'http://127.0.0.1:2737', pairs: {}, timeout: 30_000, retries: 4, concurrency: 4}
  })
  const {value, messages} = parseConfig({
    mt: {engine: {default: 'apertium', fr: 'http'}, cache: 'cache/mt', apertium: {pairs: {en: 'ita-cat|cat-eng', es: 'ita-spa'}}, http: {api: 'libretranslate', url: 'https://translate.example.org', pairs: {fr: 'it|fr'}, apiKey: 'k'}}
  })
  t.deepEqual(messages, [])
  t.deepEqual(value!.mt.engine, {default: 'apertium', fr: 'http'})
  t.deepEqual(value!.mt.apertium.pairs, {en: 'ita-cat|cat-eng', es: 'ita-spa'})
  t.is(value!.mt.http.api, 'libretranslate')
})

test('parseConfig names the field of a bad engine, pair, URL or limit', (t) => {
  const {value, messages} = parseConfig({
    mt: {engine: {default: 'apertium', de: 'http', en: 'google'}, apertium: {pairs: {en: 'ita cat'}, timeout: -1}, http: {url: 'ftp://x', pairs: {es: 'spa'}, concurrency: 0, retries: 11}}
  })
  t.is(value, undefined)
  t.deepEqual(
    messages.map((message) => message.message.split(':')[0]),
    ['`mt.engine`', '`mt.apertium.pairs.en`', '`mt.apertium.timeout`', '`mt.http.url`', '`mt.http.pairs.es`', '`mt.http.retries`', '`mt.http.concurrency`']
  )
  t.deepEqual(parseConfig({mt: {engine: {de: 'http'}}}).messages.map((message) => message.message), ['`mt.engine.de`: not a target locale (expected one of en, es, fr, ca, or `default`)'])
})
