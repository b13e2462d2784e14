import {execFileSync} from 'node:child_process'
import {closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import test from 'ava'

const child = fileURLToPath(new URL('helpers/import-child.ts', import.meta.url))
const xliffOpen = '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="it" trgLang="en"><file id="f" original="putin-xi-alleanza.md"><unit id="u1"><segment><source>'
const xliffClose = '</source></segment></unit></file></xliff>'

const hostile: Record<string, (path: string) => void> = {
  'billion laughs': (path) =>
    writeFileSync(path, `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({length: 9}, (_, index) => `<!ENTITY lol${index + 1} "${`&lol${index || ''};`.repeat(10)}">`).join('')}]>${xliffOpen}&lol9;${xliffClose}`),
  'quadratic blowup': (path) => writeFileSync(path, `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "${'a'.repeat(100000)}">]>${xliffOpen}${'&a;'.repeat(100000)}${xliffClose}`),
  'XXE (file)': (path) => writeFileSync(path, `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${xliffOpen}&e;${xliffClose}`),
  'XXE (URL)': (path) => writeFileSync(path, `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:9/x">]>${xliffOpen}&e;${xliffClose}`),
  'a 100 MB text node': (path) => {
    const descriptor = openSync(path, 'w')
    writeSync(descriptor, xliffOpen)
    const chunk = 'a'.repeat(1024 * 1024)
    for (let index = 0; index < 100; index++) writeSync(descriptor, chunk)
    writeSync(descriptor, xliffClose)
    closeSync(descriptor)
  },
  'nesting 10⁵ deep': (path) => writeFileSync(path, xliffOpen + '<pc id="p">'.repeat(100000) + 'x' + '</pc>'.repeat(100000) + xliffClose)
}

for (const [name, make] of Object.entries(hostile)) {
  test(`import refuses ${name} with one error, a clear reason and peak RSS under 200 MB`, (t) => {
    const folder = mkdtempSync(join(tmpdir(), 'babele-hostile-'))
    try {
      const file = join(folder, 'hostile.xlf')
      make(file)
      const output = JSON.parse(execFileSync('node', ['--import', 'tsx', child, file], {encoding: 'utf8', cwd: fileURLToPath(new URL('..', import.meta.url))}))
      t.is(output.messages.length, 1, 'one message')
      t.is(output.messages[0].severity, 'error', 'refused with an error')
      t.regex(output.messages[0].message, /DOCTYPE|over the limit|nested more than/i, 'a clear reason')
      t.true(output.peakRss < 200 * 1024 * 1024, `${(output.peakRss / 1048576).toFixed(0)} MB`)
      t.log(`${output.messages[0].ruleId}: ${output.milliseconds.toFixed(0)} ms, peak RSS ${(output.peakRss / 1048576).toFixed(0)} MB`)
    } finally {
      rmSync(folder, {recursive: true, force: true})
    }
  })
}
