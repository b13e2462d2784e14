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
  const {value, messages} = parseConfig({flavor: ['vitepress', 'sphinx'], codeFinder: ['\\{\\{[^}]*\\}\\}', '(', 'a*']}, 'site.json')
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
