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
