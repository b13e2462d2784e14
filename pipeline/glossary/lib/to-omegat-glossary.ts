/**
 * Write a termbase as an OmegaT glossary for one language pair. Takes: a
 * termbase, the source and target languages. Returns: OmegaT's
 * tab-separated glossary text (UTF-8, one `source<TAB>target<TAB>comment`
 * line per pair), which OmegaT reads from a project's `glossary/` folder and
 * shows beside each segment that holds a source term.
 *
 * Every usable source term (preferred, admitted, and deprecated variants, so
 * a translator meeting `AKUS` sees `AUKUS`) is paired with every approved
 * target term, preferred first; the comment says the status, whether the
 * term is kept as written, and which target terms to avoid. A do-not-
 * translate source term is paired with itself.
 */
import {indexTermbase, termsOfLanguage} from './index-termbase.ts'
import type {Term, Termbase} from './termbase.ts'

/** Configuration for {@linkcode toOmegatGlossary}. */
export interface Options {
  /** Source language (BCP 47). */
  source: string
  /** Target language (BCP 47). */
  target: string
}

/**
 * @param termbase
 *   Termbase.
 * @param options
 *   Languages.
 * @returns
 *   Glossary text, lines ending with `\n` (a `#` header line first).
 */
export function toOmegatGlossary(termbase: Termbase, options: Options): string {
  if (!options?.source || !options.target) throw new TypeError('Missing `options.source` or `options.target`, expected BCP 47 tags')
  const index = indexTermbase(termbase)
  const targets = new Map<string, Term[]>()
  for (const {concept, term} of termsOfLanguage(index, options.target)) targets.set(concept.id, [...(targets.get(concept.id) ?? []), term])
  const lines = [`# babele glossary ${options.source} → ${options.target}: source term, target term, comment`]
  for (const {concept, term} of termsOfLanguage(index, options.source)) {
    if (term.status === 'forbidden') continue
    const all = targets.get(concept.id) ?? []
    const approved = term.doNotTranslate ? [term] : all.filter((one) => one.status === 'preferred' || one.status === 'admitted').sort((a, b) => Number(b.status === 'preferred') - Number(a.status === 'preferred'))
    const avoid = all.filter((one) => one.status === 'deprecated' || one.status === 'forbidden').map((one) => one.text)
    for (const target of approved) {
      const notes = [term.doNotTranslate ? 'do not translate' : target.status]
      if (term.status === 'deprecated') notes.push(`\`${term.text}\` is a deprecated ${options.source} variant`)
      if (target.doNotTranslate && !term.doNotTranslate) notes.push('keep as written')
      if (avoid.length > 0) notes.push(`avoid: ${avoid.join(', ')}`)
      lines.push([term.text, target.text, notes.join('; ')].join('\t'))
    }
  }

  return lines.join('\n') + '\n'
}
