import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {apertiumEngine, apertiumMissing} from '../pipeline/cli/engines/apertium.ts'
import {cachedEngine, openMtCache} from '../pipeline/cli/engines/cache.ts'
import {compileTermRules, fromTbx, termLocks} from '../pipeline/glossary/index.ts'
import {machineTranslate, protect, restore, type MachineRequest} from '../pipeline/mt/index.ts'
import {fromMarkdown, textOfTokens} from '../pipeline/units/index.ts'
import {testWith} from './helpers/tools.ts'

const geopolitics = fromTbx(readFileSync(new URL('../glossary/geopolitics.tbx', import.meta.url), 'utf8')).value!
const spanish = compileTermRules(geopolitics, {source: 'it', target: 'es'})

/** Every segment of a Markdown text, as stage requests. */
function requestsOf(markdown: string): MachineRequest[] {
  return fromMarkdown(markdown, {path: 'test.md', language: 'it'}).value.units.flatMap((unit) =>
    unit.parts.flatMap((part) => (part.type === 'segment' ? [{key: part.segment.key, tokens: part.segment.tokens, file: 'source/it/test.md', unitId: unit.id, segmentId: part.segment.id}] : []))
  )
}

testWith('apertium')('Apertium reads NATO after `paesi` as the participle: unprotected, the draft is flagged and not stored; the stage protects NATO and writes OTAN', async (t) => {
  const engine = apertiumEngine({pair: 'ita-spa', source: 'it', target: 'es'})
  t.teardown(() => engine.close())
  const [request] = requestsOf('I paesi **NATO** si sono riuniti.')
  const unprotected = protect(request!.tokens, {rules: spanish, locks: termLocks(spanish, textOfTokens(request!.tokens)), protectLock: () => false})
  const [output] = await engine.translate([unprotected.text])
  t.regex(output!, /NACIDOS/)
  const restored = restore(output!, unprotected, {source: request!.tokens, rules: spanish})
  t.deepEqual(restored.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.ruleId), ['term-missing'])

  const result = await machineTranslate([request!], {engine, rules: spanish})
  t.regex(result.value.get(request!.key)!.value, /^Los países <1>OTAN<\/1> /)
  t.deepEqual(result.messages, [])
})

testWith('apertium')('the Apertium engine keeps each text of a batch apart, with the stream\'s special characters and line breaks', async (t) => {
  const engine = apertiumEngine({pair: 'ita-spa', source: 'it', target: 'es'})
  t.teardown(() => engine.close())
  const outputs = await engine.translate(['Il cane nero.', 'La casa [bianca] è a/b <qui> {sì} ^$.', 'Una riga\ne un\'altra', 'Fine'])
  t.deepEqual(outputs, ['El perro negro.', 'La casa [blanca] es a/*b <aquí> {sí} ^$.', 'Una línea\ny otra', 'Fino'])
})

testWith('apertium')('machineTranslate drafts Italian in Spanish with the glossary\'s terms and no marks, lists the words Apertium does not know, and leaves English alone', async (t) => {
  const requests = requestsOf(
    'Il vertice di Pechino ha rafforzato i legami, a **discapito** degli [alleati della NATO](#).\n\nRussia signed 30-year contract to supply gas to China via new pipeline.\n\nCremlino.'
  )
  const engine = apertiumEngine({pair: 'ita-spa', source: 'it', target: 'es'})
  t.teardown(() => engine.close())
  const result = await machineTranslate(requests, {engine, rules: spanish})
  t.is(result.value.get(requests[0]!.key)!.value, 'La cumbre de Pekín ha fortalecido los vínculos, a <1>discapito</1> de los <2>aliados de la OTAN</2>.')
  t.is(result.value.get(requests[2]!.key)!.value, 'Kremlin.')
  t.false(result.value.has(requests[1]!.key))
  t.deepEqual(
    result.messages.map((message) => [message.ruleId, message.severity, message.unitId]),
    [['mt-not-source-language', 'warning', requests[1]!.unitId]]
  )
  t.deepEqual(result.unknown, [{word: 'discapito', mark: '*', count: 1, keys: [requests[0]!.key]}])
  t.deepEqual(result.pending, [])
})

testWith('apertium')('a re-run is answered from the cache: only a changed segment goes to Apertium', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'babele-mt-cache-'))
  t.teardown(() => rmSync(folder, {recursive: true, force: true}))
  const run = async (markdown: string) => {
    const sent: number[] = []
    const apertium = apertiumEngine({pair: 'ita-spa', source: 'it', target: 'es'})
    const engine = cachedEngine(apertium, openMtCache(folder), (count) => sent.push(count))
    const result = await machineTranslate(requestsOf(markdown), {engine, rules: spanish})
    await apertium.close()
    return {sent, values: [...result.value.values()].map((target) => target.value)}
  }
  const first = await run('Il vertice di Mosca.\n\nLa casa è bianca.')
  // The terms on their own (Mosca, vertice), then both sentences.
  t.deepEqual(first.sent, [2, 2])
  t.deepEqual(first.values, ['La cumbre de Moscú.', 'La casa es blanca.'])
  const second = await run('Il vertice di Mosca.\n\nLa casa è bianca.')
  t.deepEqual(second.sent, [])
  t.deepEqual(second.values, first.values)
  const third = await run('Il vertice di Mosca.\n\nLa casa è rossa.')
  t.deepEqual(third.sent, [1])
  t.deepEqual(third.values, ['La cumbre de Moscú.', 'La casa es roja.'])
  // Deleting the cache is safe: everything is translated again.
  rmSync(folder, {recursive: true})
  t.deepEqual((await run('Il vertice di Mosca.\n\nLa casa è rossa.')).sent, [2, 2])
})

testWith('apertium')('apertiumMissing names the Debian packages to install for modes that are not there, or for Apertium itself', (t) => {
  t.is(apertiumMissing(['ita-spa']), undefined)
  t.deepEqual(apertiumMissing(['ita-spa', 'ita-xyz']), {message: 'Apertium mode(s) ita-xyz not installed: install the Debian package(s) (the package with mode ita-xyz) (scripts/setup.sh does)', packages: ['(the package with mode ita-xyz)'], modes: ['ita-xyz']})
  const missing = apertiumMissing(['ita-cat', 'cat-eng'], 'apertium-not-installed')!
  t.deepEqual(missing.packages, ['apertium', 'apertium-cat-ita', 'apertium-eng-cat'])
  t.regex(missing.message, /^Apertium is not installed \(`apertium-not-installed` not found\): install the Debian packages apertium apertium-cat-ita apertium-eng-cat/)
})
