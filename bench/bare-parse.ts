/**
 * The floor of extraction: remark-parse (gfm + frontmatter, as babele
 * configures it) over every Markdown file under a folder, on one core, in a
 * process of its own. Prints `{seconds, rss}` (the parse alone, after
 * reading the files; peak RSS in MB) as JSON for bench/scale.ts.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkFrontmatter from 'remark-frontmatter'

const texts: string[] = []
const walk = (folder: string) => {
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) walk(path)
    else if (name.endsWith('.md')) texts.push(readFileSync(path, 'utf8'))
  }
}
walk(process.argv[2]!)
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml'])
const started = performance.now()
for (const text of texts) processor.parse(text)
console.log(JSON.stringify({seconds: (performance.now() - started) / 1000, rss: process.resourceUsage().maxRSS / 1024}))
