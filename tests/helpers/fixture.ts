/**
 * Compare a fixture folder's expected units (`units.json`) and XLIFF
 * (`expected.xlf`) with what babele extracts now; with
 * `BABELE_UPDATE_FIXTURES=1`, rewrite them first (after a reviewed change).
 */
import {readFileSync, writeFileSync} from 'node:fs'
import type {ExecutionContext} from 'ava'
import {toXliff, type SourceDocument} from '../../pipeline/index.ts'

/**
 * @param t The test.
 * @param folder The fixture folder (a URL ending in `/`).
 * @param document The fixture's input, extracted.
 */
export function checkFixture(t: ExecutionContext, folder: URL, document: SourceDocument): void {
  const units = document.units.map((unit) => ({
    id: unit.id,
    kind: unit.block.kind,
    parts: unit.parts.map((part) => (part.type === 'segment' ? {key: part.segment.key, value: part.segment.value} : {ignorable: part.ignorable.value}))
  }))
  const xliff = toXliff(document, {sourceLocale: 'it', targetLocale: 'en'})
  if (process.env.BABELE_UPDATE_FIXTURES) {
    writeFileSync(new URL('units.json', folder), JSON.stringify(units, null, 2) + '\n')
    writeFileSync(new URL('expected.xlf', folder), xliff)
  }
  t.deepEqual(units, JSON.parse(readFileSync(new URL('units.json', folder), 'utf8')))
  t.is(xliff, readFileSync(new URL('expected.xlf', folder), 'utf8'))
}
