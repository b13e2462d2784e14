import {readFileSync} from 'node:fs'
import test from 'ava'
import {markdownBlocks, type Token} from '../pipeline/index.ts'
import {itDocs, shared} from './helpers/corpora.ts'

function rangeOf(token: Token): {start: number; end: number} {
  return token.type === 'text' ? token.range : token.type === 'close' ? token.code.close! : token.code.open
}

test('block tokens tile their block exactly, with no gap or overlap, over every corpus', (t) => {
  const sources: string[] = [readFileSync(new URL('../source/it/putin-xi-alleanza.md', import.meta.url), 'utf8')]
  for (const file of ['commonmark/spec-0.31.2.json', 'gfm/spec.json', 'gfm/extensions.json', 'gfm/regression.json']) {
    for (const example of JSON.parse(readFileSync(`${shared}corpora/${file}`, 'utf8')) as Array<{markdown: string}>) sources.push(example.markdown)
  }
  sources.push(...itDocs().values())
  const broken: string[] = []
  for (const text of sources) {
    const {value} = markdownBlocks(text)
    for (const block of value.blocks.flatMap((one) => [one, ...one.children])) {
      let cursor = block.range.start
      for (const token of block.tokens) {
        const range = rangeOf(token)
        if (token.type === 'close' || token.type === 'text' || token.type === 'ph' || token.type === 'open') {
          if (range.start !== cursor) broken.push(`${JSON.stringify(text.slice(0, 60))}: token at ${range.start}, expected ${cursor}`)
          cursor = token.type === 'open' ? range.end : range.end
        }
      }
      if (cursor !== block.range.end && block.syntax !== 'yaml-plain' && block.syntax !== 'yaml-single' && block.syntax !== 'yaml-double') broken.push(`${JSON.stringify(text.slice(0, 60))}: ends at ${cursor}, block ends at ${block.range.end}`)
    }
  }
  t.deepEqual(broken, [])
})
