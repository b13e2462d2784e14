/**
 * Test corpora from `../shared/corpora/`: the Italian documentation sample
 * and the CommonMark/GFM examples, read as strings by path.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {shared} from './tools.ts'

export {shared}

/** Every `.md` of the it-docs sample, by path relative to it. */
export function itDocs(): Map<string, string> {
  const root = `${shared}corpora/it-docs-sample`
  const files = new Map<string, string>()
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.md')) files.set(relative(root, path), readFileSync(path, 'utf8'))
    }
  }
  walk(root)
  return files
}

/** The examples of a spec JSON file (`commonmark/spec-0.31.2.json`, `gfm/spec.json`…), by a path made from `prefix`. */
export function examples(file: string, prefix: string): Map<string, string> {
  const list = JSON.parse(readFileSync(`${shared}corpora/${file}`, 'utf8')) as Array<{markdown: string; example: number}>
  return new Map(list.map((example) => [`${prefix}-${String(example.example).padStart(4, '0')}.md`, example.markdown]))
}

/**
 * Every CommonMark and GFM spec example, both spec texts and every page of
 * the it-docs sample, by path (`commonmark/example-0001.md`, `gfm/spec.md`,
 * `it-docs/…`): the corpus fidelity is tested on.
 */
export function specsAndItDocs(): Map<string, string> {
  const sources = new Map<string, string>()
  for (const [path, text] of examples('commonmark/spec-0.31.2.json', 'commonmark/example')) sources.set(path, text)
  for (const name of ['spec', 'extensions', 'extensions-full-info-string', 'extensions-table-prefer-style-attributes', 'regression', 'smart_punct']) {
    for (const [path, text] of examples(`gfm/${name}.json`, `gfm/${name}`)) sources.set(path, text)
  }
  sources.set('commonmark/spec.md', readFileSync(`${shared}corpora/commonmark/spec-0.31.2.txt`, 'utf8'))
  sources.set('gfm/spec.md', readFileSync(`${shared}corpora/gfm/spec.txt`, 'utf8'))
  for (const [path, text] of itDocs()) sources.set(`it-docs/${path}`, text)
  return sources
}
