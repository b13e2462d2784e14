import {existsSync, readdirSync, readFileSync} from 'node:fs'
import test from 'ava'
import {fromMarkdown} from '../pipeline/index.ts'
import {checkFixture} from './helpers/fixture.ts'
import {roundTrip} from './helpers/round-trip.ts'
import {inventory, linePrefixes} from './helpers/inventory.ts'
import {testWith} from './helpers/tools.ts'

const root = new URL('fixtures/', import.meta.url)
const names = readdirSync(root).filter((name) => existsSync(new URL(`${name}/input.md`, root))).sort()
// BABELE_UPDATE_FIXTURES=1 rewrites units.json and expected.xlf after a reviewed change.

test('every fixture folder has a README saying what it shows and where it came from', (t) => {
  const folders = readdirSync(root, {withFileTypes: true}).filter((entry) => entry.isDirectory()).map((entry) => entry.name)
  t.deepEqual(folders.filter((name) => !existsSync(new URL(`${name}/README.md`, root))), [])
})

for (const name of names) {
  test(`fixture ${name}: units and XLIFF are as expected`, (t) => {
    const input = readFileSync(new URL(`${name}/input.md`, root), 'utf8')
    checkFixture(t, new URL(`${name}/`, root), fromMarkdown(input, {path: 'input.md'}).value)
  })
}

testWith('python3', 'xmllint')('fixtures round-trip byte for byte, and upper-cased leave no lowercase prose', (t) => {
  const sources = new Map(names.map((name) => [`${name}.md`, readFileSync(new URL(`${name}/input.md`, root), 'utf8')]))
  const identity = roundTrip(sources, 'identity')
  t.is(identity.invalid, '')
  for (const [path, text] of sources) t.is(identity.built.get(path), text, path)
  const upper = roundTrip(sources, 'upper', false)
  for (const [path, text] of sources) {
    const built = upper.built.get(path)!
    t.is(built.startsWith('\uFEFF'), text.startsWith('\uFEFF'), `${path}: BOM kept`)
    t.is(built.split('\r\n').length, text.split('\r\n').length, `${path}: CRLF line endings kept`)
    t.is(built.split('\n').length, text.split('\n').length, `${path}: same lines`)
    const after = inventory(built)
    t.deepEqual(after.lowercase, [], `${path}: prose left in lowercase`)
    t.deepEqual(after.kept, inventory(text).kept, `${path}: code, URLs, HTML and front-matter keys unchanged`)
    t.deepEqual(after.structure, inventory(text).structure, `${path}: same Markdown structure`)
  }
  t.is(upper.built.get('bold-across-sentences.md'), 'PRIMA FRASE. **SECONDA FRASE. TERZA FRASE** E FINE.\n\nIL SIG. ROSSI HA PAGATO 1.000,5 EURO, ECC. POI HA DETTO: «VADO. TORNO SUBITO.» E SE N\'È ANDATO.\n')
  t.is(upper.built.get('containers.md'), '> UNA CITAZIONE SU\n> DUE RIGHE, CON **GRASSETTO**  \n> E UN A CAPO.\n\n- UNA VOCE\n  CHE CONTINUA.\n  1. ANNIDATA *QUI*\n     E QUI.\n\n[^1]: UNA NOTA A PIÈ DI PAGINA.\n')
})


testWith('python3', 'xmllint')('fixtures round-trip byte for byte through XLIFF 1.2, with no key conflict, and upper-cased keep every line prefix', (t) => {
  const sources = new Map(names.map((name) => [`${name}.md`, readFileSync(new URL(`${name}/input.md`, root), 'utf8')]))
  const identity = roundTrip(sources, 'identity', true, '1.2')
  t.is(identity.invalid, '')
  for (const [path, text] of sources) t.is(identity.built.get(path), text, path)
  t.deepEqual(identity.messages.filter((message) => message.ruleId === 'key-conflict'), [])
  t.deepEqual(roundTrip(sources, 'identity', false).messages.filter((message) => message.ruleId === 'key-conflict'), [])
  const upper = roundTrip(sources, 'upper', false)
  for (const [path, text] of sources) t.deepEqual(linePrefixes(upper.built.get(path)!), linePrefixes(text), `${path}: every line keeps its prefix`)
  t.is(upper.built.get('line-prefixes.md')!.split('\n').slice(0, 3).join('\n'), 'TESTO\n  RIGA\n    `codice` IN FONDO.')
  t.is(upper.built.get('rewrapped-repeat.md'), "UNA FRASE\nUGUALE.\n\nUNA FRASE UGUALE.\n\n- UN'ALTRA FRASE RIPETUTA, QUI\n  SPEZZATA IN DUE RIGHE.\n- UN'ALTRA FRASE RIPETUTA, QUI SPEZZATA IN DUE RIGHE.\n\n> UN'ALTRA FRASE\n> RIPETUTA, QUI SPEZZATA\n> IN DUE RIGHE.\n")
  t.is(upper.built.get('link-leading-space.md')!.split('\n')[0], '* [ VOCE CON SPAZIO](http://x.example/1)')
})
