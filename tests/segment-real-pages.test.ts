import test from 'ava'
import {fromMarkdown} from '../pipeline/units/index.ts'
import {sentenceSpans} from '../pipeline/segment/index.ts'
import {itDocs} from './helpers/corpora.ts'
import {formatScore, readGold, scoreBreaks} from './helpers/segmentation-gold.ts'

const gold = new URL('fixtures/segmentation/italian.json', import.meta.url)
const spans = (text: string, language: string) => sentenceSpans(text, {language})

/** A segment that is a number, a Roman numeral or one letter with its period, and nothing else (its inline codes aside). */
const bareEnumerator = /^(?:\s|<\/?\d+\/?>)*(?:\d+(?:\.\d+)*|[IVXLCDM]+|[ivxlcdm]+|\p{L})[.)](?:\s|<\/?\d+\/?>)*$/u

test('the Italian gold file is segmented with every break right, and its score is printed', (t) => {
  const cases = readGold(gold)
  const score = scoreBreaks(cases, spans)
  t.log(`babele.srx on tests/fixtures/segmentation/italian.json: ${formatScore(score)}`)
  for (const miss of score.misses) t.log(`${miss.id} ${miss.name}: expected ${JSON.stringify(miss.expected)}, got ${JSON.stringify(miss.actual)}`)
  t.is(cases.length, 134)
  t.is(score.expected, 111)
  t.is(score.found, 111)
  t.is(score.correct, 111)
  t.deepEqual(score.misses, [])
  // A held-out set in the same shape is scored too, and must reach F1 0.9:
  // SEGMENTATION_GOLD=/path/a.json,/path/b.json npx ava tests/segment-real-pages.test.ts
  for (const file of (process.env.SEGMENTATION_GOLD ?? '').split(',').filter(Boolean)) {
    const extra = scoreBreaks(readGold(file), spans)
    t.log(`${file}: ${formatScore(extra)}`)
    for (const miss of extra.misses) t.log(`${miss.id} ${miss.name}: expected ${JSON.stringify(miss.expected)}, got ${JSON.stringify(miss.actual)}`)
    t.true(extra.f1 >= 0.9, `${file}: F1 ${extra.f1.toFixed(3)}`)
  }
})

test('no segment of the shared it-docs sample is a bare enumerator', (t) => {
  let segments = 0
  let breaks = 0
  const bare: string[] = []
  for (const [path, text] of itDocs()) {
    for (const unit of fromMarkdown(text, {path}).value.units) {
      const values = unit.parts.flatMap((part) => (part.type === 'segment' ? [part.segment.value] : []))
      segments += values.length
      breaks += values.length - 1
      for (const value of values) if (bareEnumerator.test(value)) bare.push(`${path} (${unit.block.kind}): ${value}`)
    }
  }
  t.log(`${segments} segments, ${breaks} sentence breaks`)
  t.is(bare.length, 0, bare.join('\n'))
})

test('fromMarkdown keeps the number of a numbered heading, bold lead or step with its text', (t) => {
  const source = [
    '### 1. Identifica tutti i form',
    '',
    '#### 3.1. Installazione',
    '',
    '**4. Titolo del paragrafo**: qui inizia la spiegazione. Poi continua.',
    '',
    'Segui questi passi. 1. Apri il file. 2. Salvalo.',
    ''
  ].join('\n')
  const units = fromMarkdown(source, {path: 'numbers.md'}).value.units
  const segments = units.map((unit) => unit.parts.flatMap((part) => (part.type === 'segment' ? [part.segment.value] : [])))
  t.deepEqual(segments, [
    ['1. Identifica tutti i form'],
    ['3.1. Installazione'],
    ['<1>4. Titolo del paragrafo</1>: qui inizia la spiegazione.', 'Poi continua.'],
    ['Segui questi passi.', '1. Apri il file.', '2. Salvalo.']
  ])
})
