/**
 * A deterministic benchmark corpus: the seed's text varied into many
 * Markdown files. Takes: a file count and a seed text. Returns: files by path.
 * Same inputs, same corpus, byte for byte (a fixed-seed PRNG, no clock).
 */

/** Mulberry32: a small, fast, seedable PRNG. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * @param seed The seed article.
 * @param count Number of files.
 */
export function corpus(seed: string, count: number): Map<string, string> {
  const next = random(20220204)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const sentences = seed
    .split(/\n\s*\n/)
    .flatMap((paragraph) => paragraph.split(/(?<=[.!?]\**) (?=\**[A-Z])/))
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter((sentence) => sentence.length > 20)
  const words = [...new Set(seed.match(/\p{L}{4,}/gu) ?? [])]
  const paragraph = (length: number) => {
    const chosen: string[] = []
    for (let index = 0; index < length; index++) {
      let sentence = pick(sentences)
      if (next() < 0.4) sentence = sentence.replace(/\p{L}{5,}/u, pick(words))
      if (next() < 0.2) sentence = sentence.replace(/(\p{L}{6,})/u, '**$1**')
      if (next() < 0.15) sentence = sentence.replace(/(\p{L}{6,})/u, '[$1](https://example.org/$1)')
      if (next() < 0.1) sentence = sentence.replace(/(\p{L}{7,})/u, '`$1`')
      chosen.push(sentence)
    }
    return chosen.join(' ')
  }
  const files = new Map<string, string>()
  for (let file = 0; file < count; file++) {
    const parts = [`---\ntitle: "${paragraph(1).replace(/["\\]/g, '').slice(0, 60)}"\nlayout: post\n---`, `# ${pick(sentences).replace(/[*[\]`#]/g, '').slice(0, 50)}`]
    const blocks = 7 + Math.floor(next() * 7)
    for (let index = 0; index < blocks; index++) {
      const kind = next()
      if (kind < 0.6) parts.push(paragraph(2 + Math.floor(next() * 3)))
      else if (kind < 0.72) parts.push(`- ${paragraph(1)}\n- ${paragraph(1)}\n- ${paragraph(1)}`)
      else if (kind < 0.82) parts.push(`> ${paragraph(2).replace(/(.{60,80}) /g, '$1\n> ')}`)
      else if (kind < 0.9) parts.push(`| Paese | Capitale |\n|---|---|\n| ${pick(words)} | ${pick(words)} |\n| ${pick(words)} | ${pick(words)} |`)
      else parts.push('```js\nconst paese = "' + pick(words) + '"\nconsole.log(paese)\n```')
    }
    files.set(`section-${String(file % 20).padStart(2, '0')}/article-${String(file).padStart(4, '0')}.md`, parts.join('\n\n') + '\n')
  }
  return files
}
