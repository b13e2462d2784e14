import {readFileSync} from 'node:fs'
import test from 'ava'
import {compileTermIndex, compileTermRules, fromTbx, termLocks, type TermRules} from '../pipeline/glossary/index.ts'
import {lockTarget, protect, restore} from '../pipeline/mt/index.ts'
import type {Segment} from '../pipeline/types.ts'
import {fromMarkdown, textOfTokens} from '../pipeline/units/index.ts'

const geopolitics = fromTbx(readFileSync(new URL('../glossary/geopolitics.tbx', import.meta.url), 'utf8')).value!
const sourceIndex = compileTermIndex(geopolitics, {language: 'it'})
const rules: Record<string, TermRules> = Object.fromEntries(['en', 'es', 'fr', 'ca'].map((target) => [target, compileTermRules(geopolitics, {source: 'it', target, sourceIndex})]))

/** The first segment of a Markdown paragraph. */
function segmentOf(markdown: string): Segment {
  const part = fromMarkdown(markdown, {path: 'test.md', language: 'it'}).value.units[0]!.parts[0]!
  if (part.type !== 'segment') throw new Error('expected a segment')
  return part.segment
}

/** Protect a segment for a locale, every locked term protected. */
function protectFor(locale: string, segment: Segment) {
  return protect(segment.tokens, {rules: rules[locale], locks: termLocks(rules[locale]!, textOfTokens(segment.tokens))})
}

test('protect turns codes into placeholders Apertium keeps, and locked terms and literal text into unknown words', (t) => {
  const segment = segmentOf('Il vertice del **Cremlino** e la [NATO](#), con `x` e @Sana.')
  const protectedSegment = protectFor('en', segment)
  t.is(protectedSegment.text, 'Il vertice del ⟦⁰⟧Kqxbq⟦²⟧ e la ⟦³⟧Nqxeq⟦⁵⟧, con ⟦⁶⟧ e Xqxhq.')
  t.deepEqual(
    protectedSegment.slots.map((slot) => (slot.kind === 'code' ? `${slot.token.type} ${slot.token.code.subType}` : slot.kind === 'term' ? `term ${slot.source} → ${slot.target}` : `literal ${slot.text}`)),
    ['open strong', 'term Cremlino → Kremlin', 'close strong', 'open link', 'term NATO → NATO', 'close link', 'ph inlineCode', 'literal @Sana']
  )
})

test('restore puts each locale\'s approved term back: Kremlin, NATO in English, OTAN in Spanish, AUKUS for the deprecated AKUS', (t) => {
  const segment = segmentOf("Il peso del **Cremlino**, la NATO e l'alleanza AKUS.")
  const english = protectFor('en', segment)
  t.is(english.text, "Il peso del ⟦⁰⟧Kqxbq⟦²⟧, la Nqxdq e l'alleanza Aqxeq.")
  // What `apertium ita-cat | apertium cat-eng` returns for that text: marks on the placeholders, which restore drops.
  const back = restore("The weight of the ⟦⁰⟧**Kqxbq⟦²⟧, the **Nqxdq and the alliance **Aqxeq.", english, {source: segment.tokens, rules: rules.en})
  t.is(back.value, 'The weight of the <1>Kremlin</1>, the NATO and the alliance AUKUS.')
  t.deepEqual(back.problems, [])
  t.deepEqual(back.marked, [])

  const spanish = protectFor('es', segment)
  t.is(spanish.text, "Il peso del ⟦⁰⟧Kqxbq⟦²⟧, la Oqxdq e l'alleanza Aqxeq.")
  const spanishBack = restore('El peso del ⟦⁰⟧*Kqxbq⟦²⟧, la *Oqxdq y la alianza *Aqxeq.', spanish, {source: segment.tokens, rules: rules.es})
  t.is(spanishBack.value, 'El peso del <1>Kremlin</1>, la OTAN y la alianza AUKUS.')
  t.deepEqual(spanishBack.problems, [])
})

test('restore flags a machine target whose code the engine dropped or doubled, and one whose locked term it broke', (t) => {
  const segment = segmentOf('Il vertice del **Cremlino** a [Pechino](#).')
  const english = protectFor('en', segment)
  t.is(english.text, 'Il vertice del ⟦⁰⟧Kqxbq⟦²⟧ a ⟦³⟧Bqxeq⟦⁵⟧.')
  const ids = (output: string) => restore(output, english, {source: segment.tokens, rules: rules.en}).problems.map((problem) => `${problem.severity} ${problem.ruleId}`)
  // The closing bold placeholder lost.
  t.deepEqual(ids('The summit of the ⟦⁰⟧Kqxbq at ⟦³⟧Bqxeq⟦⁵⟧.'), ['error code-misnested', 'error code-missing'])
  // The link opened twice.
  t.deepEqual(ids('The summit of the ⟦⁰⟧Kqxbq⟦²⟧ at ⟦³⟧⟦³⟧Bqxeq⟦⁵⟧.'), ['error code-duplicated', 'error code-misnested'])
  // A placeholder cut in two.
  t.deepEqual(ids('The summit of the ⟦⁰⟧Kqxbq⟦² at ⟦³⟧Bqxeq⟦⁵⟧.'), ['error mt-placeholder-damaged', 'error code-misnested', 'error code-missing'])
  // The term placeholder replaced by a word: the lock is broken.
  t.deepEqual(ids('The summit of the ⟦⁰⟧Kremlino⟦²⟧ at ⟦³⟧Bqxeq⟦⁵⟧.'), ['error term-missing'])
  // Unharmed, a summit that is not `summit` is only a note.
  t.deepEqual(ids('The vertex of the ⟦⁰⟧Kqxbq⟦²⟧ at ⟦³⟧Bqxeq⟦⁵⟧.'), ['warning term-missing'])
})

test('restore removes Apertium\'s marks, keeps every marked word and lists it with its mark', (t) => {
  const segment = segmentOf('Le Olimpiadi sono state boicottate a discapito di tutti.')
  const protectedSegment = protect(segment.tokens, {})
  const back = restore('Les Olympiades ont été **boicottate à *discapito de #tout @monde #- fin.', protectedSegment, {source: segment.tokens})
  t.is(back.value, 'Les Olympiades ont été boicottate à discapito de tout monde - fin.')
  t.deepEqual(back.marked, [
    {word: 'boicottate', mark: '*'},
    {word: 'discapito', mark: '*'},
    {word: 'tout', mark: '#'},
    {word: 'monde', mark: '@'},
    {word: '-', mark: '#'}
  ])
  t.deepEqual(back.problems, [])
  // An engine that does not mark words (LibreTranslate) keeps every character.
  t.is(restore('a *b', protectedSegment, {source: segment.tokens, marks: false}).value, 'a *b')
})

test('restore flags a mark left alone and collapses the spaces an engine leaves where it dropped a word', (t) => {
  const segment = segmentOf('Si sono incontrati a Roma.')
  const protectedSegment = protect(segment.tokens, {})
  const stray = restore('They have met * in Rome.', protectedSegment, {source: segment.tokens})
  t.deepEqual(stray.problems.map((problem) => problem.ruleId), ['mt-mark-left'])
  t.is(restore(' Have found  in Rome. ', protectedSegment, {source: segment.tokens}).value, 'Have found in Rome.')
})

test('protect keeps URLs, handles, hashtags and words with stream characters out of the engine\'s hands, brackets around words are punctuation', (t) => {
  // An autolink is a code; a bare path is literal text.
  const segment = segmentOf('Vedi https://example.com/a e sito.it/pagina?b=1, #Beijing2022, (@Sana), a/b e [di Enrico].')
  const protectedSegment = protect(segment.tokens, {})
  t.is(protectedSegment.text, 'Vedi ⟦⁰⟧ e Xqxbq, Xqxcq, (Xqxdq), Xqxeq e [di Enrico].')
  t.deepEqual(
    protectedSegment.slots.map((slot) => (slot.kind === 'literal' ? slot.text : slot.kind)),
    ['code', 'sito.it/pagina?b=1', '#Beijing2022', '@Sana', 'a/b']
  )
  const back = restore('See ⟦⁰⟧ and *Xqxbq, *Xqxcq, (*Xqxdq), *Xqxeq and [of Enrico].', protectedSegment, {source: segment.tokens})
  t.is(back.value, 'See <1/> and sito.it/pagina?b=1, #Beijing2022, (@Sana), a/b and [of Enrico].')
  t.deepEqual(restore('See ⟦⁰⟧ and Xqxbq, Xqxcq and [of Enrico].', protectedSegment, {source: segment.tokens}).problems.map((problem) => problem.message), [
    'The engine dropped the placeholder of literal text `@Sana`',
    'The engine dropped the placeholder of literal text `a/b`'
  ])
})

test('lockTarget writes the approved term that fits the source: as written when approved, same type and length, inflected like the source', (t) => {
  const target = (locale: string, text: string) => {
    const lock = termLocks(rules[locale]!, text)[0]!
    return lockTarget(rules[locale]!, lock, text.slice(lock.start, lock.end))
  }
  // `Putin` is an approved Spanish term: not the preferred `Vladímir Putin`.
  t.is(target('es', 'Putin'), 'Putin')
  t.is(target('fr', 'Putin'), 'Poutine')
  // A full form stays a full form (not `OTAN`, the preferred acronym).
  t.is(target('es', 'Organizzazione del Trattato Atlantico del Nord'), 'Organización del Tratado del Atlántico Norte')
  t.is(target('en', 'Organizzazione del Trattato Atlantico del Nord'), 'North Atlantic Treaty Organization')
  t.is(target('en', 'AKUS'), 'AUKUS')
  // A common term takes the source's number and gender.
  t.is(target('es', 'americani'), 'estadounidenses')
  t.is(target('ca', 'americani'), 'estatunidencs')
  t.is(target('es', 'sanzioni'), 'sanciones')
})

test('restore reads placeholders the engine sees as one word when nothing stood between them', (t) => {
  const segment = segmentOf('Il *[Cremlino tace.')
  const protectedSegment = protectFor('en', segment)
  t.is(protectedSegment.text, 'Il XqxaqKqxbq tace.')
  const back = restore('The *XqxaqKqxbq is silent.', protectedSegment, {source: segment.tokens, rules: rules.en})
  t.is(back.value, 'The *[Kremlin is silent.')
  t.deepEqual(back.problems, [])
})
