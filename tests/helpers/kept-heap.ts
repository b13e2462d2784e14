/**
 * Child process for the test that a parsed file holds none of its text (run
 * with `--expose-gc`): parses `count` XLIFF documents, each padded with a
 * megabyte comment of its own, keeps every parsed model (ids, sources,
 * targets: what import and the stores go on to keep), and prints, as JSON,
 * how many bytes of heap they hold after a full collection and how long the
 * texts were.
 */
import {fromXliff} from '../../pipeline/index.ts'

const count = 40
const collect = (globalThis as {gc?: () => void}).gc
if (!collect) throw new Error('Run with --expose-gc')

/** A returned XLIFF file whose bytes are mostly a comment no reader keeps; its ids, texts and attribute values are 13 characters or more (V8 keeps a shorter cut as a copy anyway). */
function returned(index: number): string {
  const padding = `<!-- ${`file ${index} `.repeat(120000)} -->`
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="it" trgLang="en">${padding}
<file id="file-number-${index}" original="documento-numero-${index}.md"><unit id="unit-identifier-${index}"><segment id="segment-identifier-${index}" state="translated">
<source>La fonte della frase numero ${index}.</source>
<target>The translation of sentence number ${index}.</target>
</segment></unit></file></xliff>`
}

// One file parsed first: what the reader makes once (compiled code, tables) is not counted.
fromXliff(returned(-1), {file: 'xliff/en/first.md.xlf'})
collect()
const before = process.memoryUsage().heapUsed
const kept: unknown[] = []
let length = 0
for (let index = 0; index < count; index++) {
  const text = returned(index)
  length += text.length
  const read = fromXliff(text, {file: `xliff/en/documento-numero-${index}.md.xlf`})
  if (!read.value) throw new Error(JSON.stringify(read.messages))
  kept.push(read.value)
}
collect()
const held = process.memoryUsage().heapUsed - before
process.stdout.write(JSON.stringify({held, length, files: kept.length}))
