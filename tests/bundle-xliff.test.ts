import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import test from 'ava'
import {fromBundleXliff, toBundleXliff, type Bundle} from '../pipeline/index.ts'
import {shared, testWith, xmllint} from './helpers/tools.ts'

const source: Bundle = {
  a1: 'Venerdì 4 febbraio, il presidente <1>Vladimir Putin</1> & "Xi"',
  b2: '  spazi ai bordi e\nun a capo <2/>  ',
  c3: "un'alleanza < > &amp;"
}
const target: Bundle = {a1: 'Friday 4 February, President <1>Vladimir Putin</1> & "Xi"', c3: "an alliance < > &amp;"}

test('toBundleXliff and fromBundleXliff carry flat bundles losslessly', async (t) => {
  const xml = await toBundleXliff({sourceLocale: 'it', targetLocale: 'en', namespace: 'docs/putin-xi', source, target})
  const read = fromBundleXliff(xml, {file: 'flat.xlf'})
  t.deepEqual(read.messages, [])
  t.is(read.value!.sourceLocale, 'it')
  t.is(read.value!.targetLocale, 'en')
  t.deepEqual(read.value!.namespaces.get('docs/putin-xi'), {source, target})
})

testWith('xmllint')('toBundleXliff writes valid XLIFF 2.0 and 1.2', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'babele-flat-'))
  try {
    const two = join(folder, 'flat-2.0.xlf')
    const one = join(folder, 'flat-1.2.xlf')
    writeFileSync(two, await toBundleXliff({sourceLocale: 'it', targetLocale: 'en', namespace: 'docs/putin-xi', source, target}))
    writeFileSync(one, await toBundleXliff({sourceLocale: 'it', targetLocale: 'en', namespace: 'putin-xi', source, target, version: '1.2'}))
    t.is(xmllint(`${shared}corpora/xliff-schemas/xliff-2.0/xliff_core_2.0.xsd`, [two]), '')
    t.is(xmllint(`${shared}corpora/xliff-schemas/xliff-1.2/xliff-core-1.2-strict.xsd`, [one]), '')
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
})

test('fromBundleXliff reports a unit that is not one plain segment', (t) => {
  const xml = '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="it" trgLang="en"><file id="f"><unit id="k"><originalData><data id="d1">**</data></originalData><segment><source><ph id="1" dataRef="d1"/>x</source></segment></unit></file></xliff>'
  const read = fromBundleXliff(xml, {file: 'flat.xlf'})
  t.deepEqual(read.messages.map((message) => [message.ruleId, message.unitId, message.file]), [['bundle-xliff-not-flat', 'k', 'flat.xlf']])
})
