import {execFileSync} from 'node:child_process'
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import test from 'ava'
import * as module from '../pipeline/xliff/lib/from-xliff.ts'
import {fromXliff} from '../pipeline/xliff/lib/from-xliff.ts'
import type {Diagnostic} from '../pipeline/types.ts'
import {shared} from './helpers/tools.ts'

const suite = `${shared}corpora/xliff-test-suite/oasis-xliff-2.1`
const core20 = 'urn:oasis:names:tc:xliff:document:2.0'

/**
 * Invalid files of the OASIS XLIFF 2.1 core suite that a reader of the core
 * cannot refuse, and why. Every other invalid file must give an error.
 */
const undecidable: Record<string, string> = {
  'bad_InvalidFSAttributeValue.xlf':
    '`fs:fs="BadValue"`: the allowed values are the HTML element names of the Format Style module schema, a module-level check the core reader does not carry',
  'bad_InvalidFragIdUnknownPrefix.xlf':
    '`my=` is a well-formed extension prefix; whether it is registered is out-of-band knowledge (the suite passes a prefix registry as a properties file)',
  'bad_InvalidValidation.xlf': '`<val:validationBad>` is an unknown element of the Validation module namespace; modules are skipped, only their schema can refuse it'
}

/** A small XLIFF 2.1 file using most of the core, written as a CAT tool would. */
const sample = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="${core20}" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" xmlns:okp="okapi-framework:xliff2-extensions" version="2.1" srcLang="it" trgLang="en">
  <file id="f1" original="putin-xi-alleanza.md">
    <notes>
      <note id="n1" category="context">Article about the alliance.</note>
    </notes>
    <unit id="u1" name="paragraph" okp:tool="babele">
      <mda:metadata>
        <mda:metaGroup category="style">
          <mda:meta type="tone">formal</mda:meta>
        </mda:metaGroup>
      </mda:metadata>
      <notes>
        <note id="n2" appliesTo="source" priority="2">Keep &lt;the&gt; names.</note>
      </notes>
      <originalData>
        <data id="d1">**</data>
        <data id="d2">[link](https://example.com/?a=1&amp;b=2)</data>
        <data id="d3">&lt;br/&gt;<cp hex="000C"/></data>
      </originalData>
      <segment id="s1" state="translated">
        <source>La <pc id="1" dataRefStart="d1" dataRefEnd="d1" type="fmt" subType="xlf:b">cooperazione</pc> cresce.<ph id="2" dataRef="d3"/></source>
        <target>The <pc id="1" dataRefStart="d1" dataRefEnd="d1" type="fmt" subType="xlf:b">cooperation</pc> grows.<ph id="2" dataRef="d3"/></target>
      </segment>
      <ignorable>
        <source> </source>
        <target> </target>
      </ignorable>
      <segment id="s2" state="initial">
        <source>Vedi <sc id="3" dataRef="d2" type="link"/>la <mrk id="m1" type="term" translate="no">NATO</mrk> e</source>
      </segment>
      <segment id="s3">
        <source><![CDATA[ancora <più>]]> testo<ec startRef="3" dataRef="d2" type="link"/>.<cp hex="0001"/>
  fine</source>
      </segment>
    </unit>
    <group id="g1" name="section" xml:space="preserve">
      <unit id="u2">
        <segment id="s1">
          <source>  spazi <sm id="m2" type="comment" value="verificare"/>doppi</source>
          <target>  double <sm id="m2" type="comment" value="verificare"/>spaces</target>
        </segment>
        <segment id="s2">
          <source> qui<em startRef="m2"/>  </source>
          <target> here<em startRef="m2"/>  </target>
        </segment>
      </unit>
    </group>
  </file>
</xliff>
`

/** What `sample` reads to (positions included). */
const expected = {
  version: '2.1',
  srcLang: 'it',
  trgLang: 'en',
  attributes: {},
  notes: [],
  files: [
    {
      id: 'f1',
      original: 'putin-xi-alleanza.md',
      attributes: {},
      notes: [{id: 'n1', category: 'context', attributes: {}, value: 'Article about the alliance.'}],
      groups: [{id: 'g1', name: 'section', attributes: {'xml:space': 'preserve'}, notes: [], line: 37, column: 5}],
      units: [
        {
          id: 'u1',
          name: 'paragraph',
          groupIds: [],
          attributes: {'{okapi-framework:xliff2-extensions}tool': 'babele'},
          notes: [{id: 'n2', appliesTo: 'source', priority: 2, attributes: {}, value: 'Keep <the> names.'}],
          originalData: {d1: '**', d2: '[link](https://example.com/?a=1&b=2)', d3: '<br/>\f'},
          dataAttributes: {},
          parts: [
            {
              kind: 'segment',
              id: 's1',
              state: 'translated',
              attributes: {},
              source: [
                'La ',
                {type: 'pc', id: '1', dataRefStart: 'd1', dataRefEnd: 'd1', attributes: {type: 'fmt', subType: 'xlf:b'}, children: ['cooperazione']},
                ' cresce.',
                {type: 'ph', id: '2', dataRef: 'd3', attributes: {}}
              ],
              sourceAttributes: {},
              target: [
                'The ',
                {type: 'pc', id: '1', dataRefStart: 'd1', dataRefEnd: 'd1', attributes: {type: 'fmt', subType: 'xlf:b'}, children: ['cooperation']},
                ' grows.',
                {type: 'ph', id: '2', dataRef: 'd3', attributes: {}}
              ],
              targetAttributes: {},
              line: 21,
              column: 7
            },
            {kind: 'ignorable', attributes: {}, source: [' '], sourceAttributes: {}, target: [' '], targetAttributes: {}, line: 25, column: 7},
            {
              kind: 'segment',
              id: 's2',
              state: 'initial',
              attributes: {},
              source: [
                'Vedi ',
                {type: 'sc', id: '3', isolated: false, dataRef: 'd2', attributes: {type: 'link'}},
                'la ',
                {type: 'mrk', id: 'm1', translate: 'no', mrkType: 'term', attributes: {}, children: ['NATO']},
                ' e'
              ],
              sourceAttributes: {},
              line: 29,
              column: 7
            },
            {
              kind: 'segment',
              id: 's3',
              attributes: {},
              source: ['ancora <più> testo', {type: 'ec', isolated: false, startRef: '3', dataRef: 'd2', attributes: {type: 'link'}}, '.\u0001\n  fine'],
              sourceAttributes: {},
              line: 32,
              column: 7
            }
          ],
          line: 7,
          column: 5
        },
        {
          id: 'u2',
          groupIds: ['g1'],
          attributes: {},
          notes: [],
          originalData: {},
          dataAttributes: {},
          parts: [
            {
              kind: 'segment',
              id: 's1',
              attributes: {},
              source: ['  spazi ', {type: 'sm', id: 'm2', mrkType: 'comment', value: 'verificare', attributes: {}}, 'doppi'],
              sourceAttributes: {},
              target: ['  double ', {type: 'sm', id: 'm2', mrkType: 'comment', value: 'verificare', attributes: {}}, 'spaces'],
              targetAttributes: {},
              line: 39,
              column: 9
            },
            {
              kind: 'segment',
              id: 's2',
              attributes: {},
              source: [' qui', {type: 'em', startRef: 'm2'}, '  '],
              sourceAttributes: {},
              target: [' here', {type: 'em', startRef: 'm2'}, '  '],
              targetAttributes: {},
              line: 43,
              column: 9
            }
          ],
          line: 38,
          column: 7
        }
      ],
      line: 3,
      column: 3
    }
  ]
}

/** Core element names, to re-prefix a document. */
const coreNames = 'xliff|file|group|unit|notes|note|originalData|data|segment|ignorable|source|target|pc|ph|sc|ec|mrk|sm|em|cp|skeleton'

/** The same document with the core bound to the prefix `x:` instead of the default namespace. */
function prefixed(xml: string): string {
  return xml
    .replace(new RegExp('<(/?)(' + coreNames + ')(?=[\\s/>])', 'g'), '<$1x:$2')
    .replace('xmlns="' + core20 + '"', 'xmlns:x="' + core20 + '"')
}

/** The same document with the attributes of every start tag in reverse order. */
function reordered(xml: string): string {
  return xml.replace(/<([^\s/>!?]+)((?:\s+[^\s=]+="[^"]*")+)(\s*\/?)>/g, (_, name: string, attributes: string, end: string) => {
    const list = attributes.match(/[^\s=]+="[^"]*"/g)!
    return '<' + name + ' ' + list.reverse().join(' ') + end + '>'
  })
}

/** Deep copy without `line` and `column`, and with plain prototypes. */
function withoutPositions(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, item: unknown) => (key === 'line' || key === 'column' ? undefined : item))
}

/** Plain JSON form (records read by `fromXliff` have no prototype). */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value))
}

/** Error diagnostics. */
function errors(messages: Diagnostic[]): Diagnostic[] {
  return messages.filter((message) => message.severity === 'error')
}

/** Wrap inline content in a minimal valid document. */
function document(content: string, extra = ''): string {
  return `<xliff xmlns="${core20}" version="2.1" srcLang="en" trgLang="fr"><file id="f"><unit id="u">${extra}<segment><source>${content}</source></segment></unit></file></xliff>`
}

/** Read with a stopwatch and an RSS probe. */
function measure(xml: string, options?: Parameters<typeof fromXliff>[1]) {
  const rss = process.memoryUsage().rss
  const start = performance.now()
  const result = fromXliff(xml, options)
  const elapsed = performance.now() - start
  const growth = process.memoryUsage().rss - rss
  return {...result, elapsed, growth}
}

const mebibyte = 1024 * 1024

test('fromXliff module exposes its public api', (t) => {
  t.deepEqual(Object.keys(module).sort(), ['fromXliff'])
})

test('fromXliff reads every part of a small XLIFF 2.1 document, in order', (t) => {
  const result = fromXliff(sample)
  t.deepEqual(result.messages, [])
  t.deepEqual(plain(result.value), expected)
})

test('fromXliff reads a re-serialized document to the same value', (t) => {
  const base = withoutPositions(fromXliff(sample).value)
  const variants: Record<string, string> = {
    'prefix `x:`': prefixed(sample),
    'reordered attributes': reordered(sample),
    'CRLF line ends': sample.replaceAll('\n', '\r\n'),
    BOM: '\uFEFF' + sample,
    'no XML declaration': sample.slice(sample.indexOf('\n') + 1),
    'tabs for indentation': sample.replace(/^( +)(?=<)/gm, (spaces) => '\t'.repeat(spaces.length / 2)),
    'no indentation': sample.replace(/^ +(?=<)/gm, ''),
    'all at once': '\uFEFF' + reordered(prefixed(sample.slice(sample.indexOf('\n') + 1))).replace(/^ +(?=<)/gm, '').replaceAll('\n', '\r\n')
  }

  for (const [name, xml] of Object.entries(variants)) {
    const result = fromXliff(xml)
    t.deepEqual(result.messages, [], name)
    t.deepEqual(withoutPositions(result.value), base, name)
  }
})

test('fromXliff keeps positions stable under CRLF and a BOM', (t) => {
  const crlf = fromXliff('\uFEFF' + sample.replaceAll('\n', '\r\n'))
  t.deepEqual(plain(crlf.value), expected)
})

test('fromXliff keeps text exactly, whitespace included', (t) => {
  const result = fromXliff(document('\n  two  spaces\t&amp; a tab <![CDATA[<b>]]>&#x20;\n'))
  t.deepEqual(result.value?.files[0]?.units[0]?.parts[0]?.source, ['\n  two  spaces\t& a tab <b> \n'])
})

test('fromXliff decodes `<cp>` into the adjacent text', (t) => {
  const result = fromXliff(document('a<cp hex="000C"/>b<cp hex="FFFF"/><cp hex="1"/>'))
  t.deepEqual(result.messages, [])
  t.deepEqual(result.value?.files[0]?.units[0]?.parts[0]?.source, ['a\fb\uFFFF\u0001'])
})

test('fromXliff ignores comments and processing instructions other than the XML declaration', (t) => {
  const xml = '<?xml version="1.0"?><?xml-stylesheet href="x.xsl"?><!-- before -->' + document('a<!-- note -->b<?tool data?>c') + '<!-- after --><?end?>'
  const result = fromXliff(xml)
  t.deepEqual(result.messages, [])
  t.deepEqual(result.value?.files[0]?.units[0]?.parts[0]?.source, ['abc'])
})

test('fromXliff keeps records free of prototypes, so `__proto__` is an ordinary id', (t) => {
  const result = fromXliff(document('<ph id="1" dataRef="__proto__"/>', '<originalData><data id="__proto__">x</data></originalData>'))
  t.deepEqual(result.messages, [])
  const unit = result.value!.files[0]!.units[0]!
  t.is(Object.getPrototypeOf(unit.originalData), null)
  t.is(unit.originalData['__proto__'], 'x')
  t.deepEqual(Object.keys(unit.originalData), ['__proto__'])
})

test('fromXliff skips module and extension elements but keeps extension attributes', (t) => {
  const extra =
    '<mtc:matches xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0"><mtc:match ref="#1"><source>a</source><target>b</target></mtc:match></mtc:matches>' +
    '<my:tool xmlns:my="urn:example:tool" my:x="1"><my:deep><my:deeper/></my:deep></my:tool>'
  const result = fromXliff(document('text', extra).replace('<unit id="u">', '<unit id="u" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" sdl:locked="true">'))
  t.deepEqual(result.messages, [])
  t.deepEqual(result.value?.files[0]?.units[0]?.attributes, {'{http://sdl.com/FileTypes/SdlXliff/1.0}locked': 'true'})
})

test('fromXliff reads XLIFF 2.2 with document-level notes and extensions', (t) => {
  const xml = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.2" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.2" srcLang="en">
  <mda:metadata><mda:metaGroup><mda:meta type="project">X</mda:meta></mda:metaGroup></mda:metadata>
  <notes><note>for the whole document</note></notes>
  <file id="f"><unit id="u"><notes><note ref="#s">about s</note></notes><segment id="s"><source>a</source></segment></unit></file>
</xliff>`
  const result = fromXliff(xml)
  t.deepEqual(result.messages, [])
  t.is(result.value?.version, '2.2')
  t.deepEqual(plain(result.value?.notes), [{attributes: {}, value: 'for the whole document'}])
  t.deepEqual(plain(result.value?.files[0]?.units[0]?.notes), [{ref: '#s', attributes: {}, value: 'about s'}])
})

test('fromXliff reads every valid file of the OASIS 2.1 core suite without errors', (t) => {
  const names = readdirSync(join(suite, 'core/valid')).filter((name) => name.endsWith('.xlf'))
  t.is(names.length, 25)
  for (const name of names) {
    const result = fromXliff(readFileSync(join(suite, 'core/valid', name), 'utf8'), {file: name})
    t.deepEqual(errors(result.messages), [], name)
    t.truthy(result.value, name)
  }
})

test('fromXliff reads every valid file of the OASIS 2.1 modules suite without errors', (t) => {
  const names = readdirSync(join(suite, 'modules/valid')).filter((name) => name.endsWith('.xlf'))
  t.is(names.length, 34)
  for (const name of names) {
    const result = fromXliff(readFileSync(join(suite, 'modules/valid', name), 'utf8'), {file: name})
    t.deepEqual(errors(result.messages), [], name)
    t.truthy(result.value, name)
  }
})

test('fromXliff refuses every invalid file of the OASIS 2.1 core suite it can decide', (t) => {
  const names = readdirSync(join(suite, 'core/invalid')).filter((name) => name.endsWith('.xlf'))
  t.is(names.length, 119)
  let refused = 0
  for (const name of names) {
    const result = fromXliff(readFileSync(join(suite, 'core/invalid', name), 'utf8'), {file: name})
    const found = errors(result.messages)
    if (name in undecidable) {
      t.log(name + ': accepted (' + undecidable[name] + ')')
      continue
    }

    // Refused: at least one error. How many depends on how far the reader gets
    // past the first problem, which the suite does not specify.
    t.true(found.length > 0, name + ' should be refused')
    for (const message of found) {
      t.is(message.file, name)
      t.true(message.place !== undefined && 'line' in message.place && typeof message.place.column === 'number', name)
    }

    refused++
  }

  for (const name of Object.keys(undecidable)) t.true(names.includes(name), name + ' is in the suite')
  t.is(refused, names.length - Object.keys(undecidable).length)
  t.log(refused + ' of ' + names.length + ' refused; ' + Object.keys(undecidable).length + ' undecidable')
})

test('fromXliff drops only the unit with a broken reference, with its id and position', (t) => {
  const xml = `<xliff xmlns="${core20}" version="2.1" srcLang="en">
<file id="f">
<unit id="u1"><segment><source>one</source></segment></unit>
<unit id="u2"><segment id="s"><source>two <ph id="1" dataRef="d9"/></source></segment></unit>
<unit id="u3"><segment><source>three</source></segment></unit>
<unit id="u1"><segment><source>again</source></segment></unit>
</file>
</xliff>`
  const result = fromXliff(xml, {file: 'a.xlf'})
  t.deepEqual(
    result.value?.files[0]?.units.map((unit) => unit.id),
    ['u1', 'u3']
  )
  t.deepEqual(result.messages, [
    {
      file: 'a.xlf',
      place: {line: 4, column: 43, offset: xml.indexOf('<ph id="1"')},
      unitId: 'u2',
      segmentId: 's',
      ruleId: 'xliff-invalid',
      source: 'xliff',
      severity: 'error',
      message: '`dataRef="d9"` names no `<data>` in the unit (it has no `<originalData>`)',
      url: 'https://www.npmjs.com/package/babele#rule-xliff-invalid'
    },
    {
      file: 'a.xlf',
      place: {line: 6, column: 1, offset: xml.lastIndexOf('<unit id="u1">')},
      unitId: 'u1',
      ruleId: 'xliff-invalid',
      source: 'xliff',
      severity: 'error',
      message: 'Duplicate `<unit id="u1">` in the file',
      url: 'https://www.npmjs.com/package/babele#rule-xliff-invalid'
    }
  ])
})

test('fromXliff refuses an `<ec>` that names no `<sc>`, and an `<sc>` without `<ec>`', (t) => {
  const result = fromXliff(document('<ec startRef="9"/>a<sc id="1"/>b'))
  t.deepEqual(
    result.messages.map((message) => message.message),
    [
      '`<ec startRef="9">` has no `<sc>` in the source of the unit',
      '`<sc id="1">` has no `<ec>` in the source of the unit; set `isolated="yes"` if it ends in another unit'
    ]
  )
  t.deepEqual(result.value?.files[0]?.units, [])
})

test('fromXliff refuses a target language other than `trgLang`', (t) => {
  const xml = document('a').replace('</source>', '</source><target xml:lang="de">b</target>')
  const result = fromXliff(xml)
  t.deepEqual(
    result.messages.map((message) => [message.ruleId, message.unitId, message.actual, message.expected]),
    [['xliff-invalid', 'u', ['de'], ['fr']]]
  )
})

test('fromXliff gives no value when targets exist without `trgLang`', (t) => {
  const xml = document('a').replace(' trgLang="fr"', '').replace('</source>', '</source><target>b</target>')
  const result = fromXliff(xml)
  t.is(result.value, undefined)
  t.is(result.messages[0]?.message, 'The document has `<target>` elements but `<xliff>` has no `trgLang`')
})

test('fromXliff reports malformed XML with the parser position', (t) => {
  const xml = '<xliff xmlns="' + core20 + '" version="2.1" srcLang="en">\n<file id="f"></unit>'
  const result = fromXliff(xml)
  t.is(result.value, undefined)
  t.deepEqual(result.messages, [
    {place: {line: 2, column: 21, offset: xml.length}, ruleId: 'xml-malformed', source: 'xliff', severity: 'error', message: 'Malformed XML: unexpected close tag.', url: 'https://www.npmjs.com/package/babele#rule-xml-malformed'}
  ])
})

test('fromXliff reads an XLIFF 1.2 document with the 1.2 reader and still refuses a version its namespace does not name', (t) => {
  const core12 = 'urn:oasis:names:tc:xliff:document:1.2'
  const result = fromXliff('<xliff xmlns="' + core12 + '" version="1.2"><file original="a.md" source-language="it" target-language="en" datatype="x-markdown"><body><trans-unit id="u1"><source>Ciao</source><target>Hello</target></trans-unit></body></file></xliff>')
  t.deepEqual(result.messages, [])
  t.is(result.value?.version, '1.2')
  t.is(result.value?.srcLang, 'it')
  t.is(result.value?.trgLang, 'en')
  t.deepEqual(result.value?.files[0]?.units[0]?.parts.map((part) => [part.id, part.source, part.target]), [['u1', ['Ciao'], ['Hello']]])

  const wrong = fromXliff('<xliff xmlns="' + core12 + '" version="2.1"><file/></xliff>')
  t.is(wrong.value, undefined)
  t.is(wrong.messages.length, 1)
  t.is(wrong.messages[0]?.ruleId, 'xliff-version')
})

test('fromXliff refuses an unknown version or a root outside the XLIFF 2 namespace', (t) => {
  t.is(fromXliff(document('a').replace('version="2.1"', 'version="3.0"')).messages[0]?.ruleId, 'xliff-version')
  t.is(fromXliff('<xliff version="2.0" srcLang="en"/>').messages[0]?.ruleId, 'xliff-version')
  t.is(fromXliff('<html xmlns="' + core20 + '"/>').messages[0]?.ruleId, 'xliff-version')
})

test('fromXliff refuses an undefined entity, even without a DOCTYPE', (t) => {
  const result = fromXliff(document('&secret;'))
  t.is(result.messages[0]?.ruleId, 'xml-malformed')
})

test('fromXliff still requires extension elements to be well-formed and within limits', (t) => {
  t.is(fromXliff(document('a', '<my:x xmlns:my="urn:m"><my:y></my:x>')).messages[0]?.ruleId, 'xml-malformed')
  t.is(fromXliff(document('a', '<my:x xmlns:my="urn:m">' + '<my:y>'.repeat(300) + '</my:y>'.repeat(300) + '</my:x>')).messages[0]?.ruleId, 'xliff-too-deep')
  t.is(fromXliff(document('a', '<y:x/>')).messages[0]?.ruleId, 'xml-malformed')
})

test('fromXliff copies `options.file` into every diagnostic', (t) => {
  const result = fromXliff('<nope/>', {file: 'translations/it.xlf'})
  t.is(result.messages[0]?.file, 'translations/it.xlf')
})

test('fromXliff throws on options it cannot use, never on input', (t) => {
  t.throws(() => fromXliff(document('a'), {maxBytes: -1}), {message: /`options.maxBytes`, expected a positive integer/})
  t.throws(() => fromXliff(document('a'), {maxDepth: 1.5}), {message: /`options.maxDepth`/})
  // @ts-expect-error: not a string.
  t.throws(() => fromXliff(Buffer.from('<x/>')), {instanceOf: TypeError})
  const refused: Record<string, string> = {
    '': 'xml-malformed',
    ' ': 'xml-malformed',
    '<': 'xml-malformed',
    '\uFEFF': 'xml-malformed',
    '<?xml version="1.0"?>': 'xml-malformed',
    '<xliff': 'xml-malformed',
    '\u0000': 'xml-malformed',
    '<a>\uD800</a>': 'xliff-version'
  }
  for (const [input, ruleId] of Object.entries(refused)) {
    t.notThrows(() => fromXliff(input), JSON.stringify(input))
    t.deepEqual(errors(fromXliff(input).messages).map((message) => message.ruleId), [ruleId], JSON.stringify(input))
  }
})

// Hostile input: each must be refused with one message, reading no unit and
// without growing the process. RSS is measured around the call only; the input
// string itself is built (and flattened) before the first probe. The time is
// printed, never asserted: speed is measured in `npm run bench`, and a wall-clock
// bound fails on a loaded machine.

/** Build the billion laughs: ten levels of ten references, 10^9 `lol`s if expanded. */
function billionLaughs(): string {
  const lines = ['<?xml version="1.0"?>', '<!DOCTYPE xliff [', '<!ENTITY lol "lol">']
  for (let level = 1; level <= 9; level++) {
    lines.push('<!ENTITY lol' + level + ' "' + ('&lol' + (level - 1 || '') + ';').repeat(10) + '">')
  }

  lines.push(']>', document('&lol9;'))
  return lines.join('\n')
}

/** Force a string into one flat buffer, as a file read would give it. */
function flat(value: string): string {
  value.indexOf('\u0000')
  return value
}

const hostile: Record<string, {xml: () => string; ruleId: string; options?: Parameters<typeof fromXliff>[1]}> = {
  'billion laughs': {xml: billionLaughs, ruleId: 'xml-doctype'},
  'quadratic blowup (a 100 kB entity referenced 100 000 times)': {
    xml: () => flat('<!DOCTYPE xliff [<!ENTITY a "' + 'a'.repeat(100_000) + '">]>' + document('&a;'.repeat(100_000))),
    ruleId: 'xml-doctype'
  },
  'XXE with a file URL': {xml: () => '<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + document('&e;'), ruleId: 'xml-doctype'},
  'XXE with an http URL': {xml: () => '<!DOCTYPE xliff [<!ENTITY e SYSTEM "http://127.0.0.1:9/secret">]>' + document('&e;'), ruleId: 'xml-doctype'},
  'external DTD after a comment': {xml: () => '<!-- x --><!DOCTYPE xliff SYSTEM "http://127.0.0.1:9/xliff.dtd">' + document('a'), ruleId: 'xml-doctype'},
  '100 MB text node (size limit)': {xml: () => flat(document('a'.repeat(100 * mebibyte))), ruleId: 'xliff-too-large'},
  '5 MB text node over a 1 MB `maxTextLength`': {
    xml: () => flat(document('a'.repeat(5 * mebibyte))),
    ruleId: 'xliff-text-too-long',
    options: {maxTextLength: mebibyte}
  },
  '5 MB attribute value over a 1 MB `maxTextLength`': {
    xml: () => flat(document('<ph id="' + 'a'.repeat(5 * mebibyte) + '"/>')),
    ruleId: 'xliff-text-too-long',
    options: {maxTextLength: mebibyte}
  },
  'nesting 100 000 deep': {xml: () => flat(document('<pc id="1">'.repeat(100_000) + '</pc>'.repeat(100_000))), ruleId: 'xliff-too-deep'},
  'a 100 000 unknown attributes on one element': {
    xml: () => flat(document('<ph id="1" ' + Array.from({length: 100_000}, (_, index) => 'a' + index + '=""').join(' ') + '/>')),
    ruleId: 'xliff-invalid'
  },
  'a start tag of a million attributes (12 MB)': {
    xml: () => flat(document('<ph id="1" ' + Array.from({length: 1_000_000}, (_, index) => 'a' + index + '=""').join(' ') + '/>')),
    ruleId: 'xliff-text-too-long'
  }
}

for (const [name, {xml, ruleId, options}] of Object.entries(hostile)) {
  test.serial('fromXliff refuses hostile input with one clear message and bounded memory: ' + name, (t) => {
    const input = xml()
    const result = measure(input, options)
    t.is(result.value?.files[0]?.units.length ?? 0, 0)
    t.is(result.messages[0]?.ruleId, ruleId)
    t.is(result.messages.length, 1, 'one clear message, not a flood')
    // Bounded: never more than 64 MiB beyond the input itself.
    t.true(result.growth < 64 * mebibyte, name + ' grew RSS by ' + (result.growth / mebibyte).toFixed(1) + ' MiB')
    t.log(name + ': ' + result.elapsed.toFixed(1) + ' ms, RSS ' + (result.growth >= 0 ? '+' : '') + (result.growth / mebibyte).toFixed(1) + ' MiB, ' + result.messages[0]?.message)
  })
}

test.serial('fromXliff reads a 12 MB document of 14,000 units whole', (t) => {
  const parts = ['<?xml version="1.0"?>\n<xliff xmlns="' + core20 + '" version="2.1" srcLang="it" trgLang="en">\n<file id="f1">\n']
  const count = 14_000
  for (let index = 0; index < count; index++) {
    parts.push(`<unit id="u${index}">
  <notes><note category="context">Paragraph ${index} of the article.</note></notes>
  <originalData><data id="d1">**</data><data id="d2">[link](https://example.com/${index})</data></originalData>
  <segment id="s1" state="translated">
    <source>La cooperazione tra <pc id="1" dataRefStart="d1" dataRefEnd="d1">Mosca e Pechino</pc> cresce dal 2014 &amp; oltre, secondo fonti ufficiali vicine ai due governi.</source>
    <target>Cooperation between <pc id="1" dataRefStart="d1" dataRefEnd="d1">Moscow and Beijing</pc> has grown since 2014 &amp; beyond, according to officials close to both governments.</target>
  </segment>
  <ignorable><source> </source><target> </target></ignorable>
  <segment id="s2"><source>Vedi <ph id="2" dataRef="d2"/> per i dettagli.</source><target>See <ph id="2" dataRef="d2"/> for details.</target></segment>
</unit>
`)
  }

  parts.push('</file>\n</xliff>\n')
  const xml = parts.join('')
  t.is(xml.length, 12_020_818, 'over 10 MiB')
  const result = measure(xml)
  t.deepEqual(result.messages, [])
  t.is(result.value?.files[0]?.units.length, count)
  t.log((xml.length / 1e6).toFixed(1) + ' MB, ' + count + ' units: ' + (result.elapsed / 1000).toFixed(2) + ' s')
})

test('a parsed XLIFF file holds none of its text: a kept id, source or target is a string of its own', (t) => {
  // The XML parser cuts each value out of the file's text, and V8 keeps a cut of 13 or more
  // characters as a view into the whole text: the stores and diagnostics that keep one value
  // of each returned file held every file (importing 2,000 files kept all 96 MB of them).
  const child = fileURLToPath(new URL('helpers/kept-heap.ts', import.meta.url))
  const {held, length, files} = JSON.parse(execFileSync('node', ['--expose-gc', '--import', 'tsx', child], {encoding: 'utf8', cwd: fileURLToPath(new URL('..', import.meta.url))})) as {held: number; length: number; files: number}
  t.is(files, 40)
  // Each file is about a megabyte of comment: held as views, the 40 files' models would hold
  // all 38 MB; as strings of their own, some 20 kB each.
  t.true(held < length / 10, `the parsed models hold ${held} bytes of heap for ${length} characters of XLIFF`)
})
