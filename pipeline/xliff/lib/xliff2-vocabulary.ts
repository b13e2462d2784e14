/**
 * The XLIFF 2 core vocabulary: its namespaces, which attributes each element
 * allows, and the checks of single values and single elements' attributes.
 * Takes: element names, attributes and values as written. Returns: specs,
 * verdicts, the problems found (as message texts) and parsed fragment
 * identifiers. Knows no document state.
 */

import type {XmlElement} from '../../xml/index.ts'
import type {XliffAttributes} from './xliff-model.ts'
import {formatStyle, sizeRestriction} from './namespaces.ts'
import {xmlNamespace} from '../../xml/index.ts'
import {isWellFormedTag} from '../../language-tag.ts'


/** Which attributes an element allows, and which the model has fields for. */
export interface ElementSpec {
  /** Attributes in no namespace it allows. */
  allowed: ReadonlySet<string>
  /** `xml:` attributes it allows (besides those `other: true` allows). */
  xml: ReadonlySet<string>
  /** Namespaces of other attributes it allows; `true` for any but the core's. */
  other: true | ReadonlySet<string>
  /** Attributes the model holds as fields, so not in `attributes`. */
  fields: ReadonlySet<string>
}

/**
 * Build an element spec.
 *
 * @param allowed
 *   Attributes in no namespace (space separated).
 * @param fields
 *   Those the model has fields for (space separated).
 * @param xml
 *   `xml:` attributes (space separated).
 * @param other
 *   Other namespaces allowed.
 * @returns
 *   Spec.
 */
function spec(allowed: string, fields: string, xml: string, other: true | readonly string[]): ElementSpec {
  return {
    allowed: new Set(words(allowed)),
    fields: new Set(words(fields)),
    xml: new Set(words(xml)),
    other: other === true ? true : new Set(other)
  }
}

/**
 * Split on spaces.
 *
 * @param value
 *   Value.
 * @returns
 *   Words.
 */
function words(value: string): string[] {
  return value.split(' ').filter(Boolean)
}

const codeNamespaces = [formatStyle, sizeRestriction]
const codeAttributes = 'canCopy canDelete canReorder copyOf disp equiv id dataRef subFlows subType type'
/** What each core element allows, by local name. */
export const specs: Record<string, ElementSpec> = {
  xliff: spec('version srcLang trgLang', 'version srcLang trgLang', 'space', true),
  file: spec('id canResegment original translate srcDir trgDir', 'id original', 'space', true),
  skeleton: spec('href', 'href', '', []),
  group: spec('id name canResegment translate srcDir trgDir type', 'id name', 'space', true),
  unit: spec('id name canResegment translate srcDir trgDir type', 'id name', 'space', true),
  segment: spec('id canResegment state subState', 'id state subState', '', []),
  ignorable: spec('id', 'id', '', []),
  notes: spec('', '', '', []),
  note: spec('id appliesTo category priority ref', 'id appliesTo category priority ref', '', true),
  originalData: spec('', '', '', []),
  data: spec('id dir', 'id', 'space', []),
  source: spec('', '', 'lang space', []),
  target: spec('order', 'order', 'lang space', []),
  cp: spec('hex', 'hex', '', []),
  ph: spec(codeAttributes, 'id dataRef', '', codeNamespaces),
  pc: spec(
    'canCopy canDelete canOverlap canReorder copyOf dispEnd dispStart equivEnd equivStart id dataRefEnd dataRefStart subFlowsEnd subFlowsStart subType type dir',
    'id dataRefStart dataRefEnd',
    '',
    codeNamespaces
  ),
  sc: spec(codeAttributes + ' canOverlap dir isolated', 'id dataRef isolated', '', codeNamespaces),
  ec: spec(codeAttributes + ' canOverlap dir isolated startRef', 'id startRef dataRef isolated', '', codeNamespaces),
  mrk: spec('id translate type ref value', 'id translate type ref value', '', true),
  sm: spec('id translate type ref value', 'id translate type ref value', '', true),
  em: spec('startRef', 'startRef', '', [])
}

const codeTypes = new Set(['fmt', 'ui', 'quote', 'link', 'image', 'other'])
const states = new Set(['initial', 'translated', 'reviewed', 'final'])
const directions = new Set(['ltr', 'rtl', 'auto'])
/** `xlf:` sub-types and the `type` each requires. */
const xlfSubTypes: Record<string, string> = {
  'xlf:lb': 'fmt',
  'xlf:pb': 'fmt',
  'xlf:b': 'fmt',
  'xlf:i': 'fmt',
  'xlf:u': 'fmt',
  'xlf:var': 'ui'
}
/** One-letter fragment-identifier prefixes of the core. */
const corePrefixes = new Set(['f', 'g', 'u', 'n', 'd', 't'])

const nmtokenExpression =
  /^[-.0-9:A-Z_a-z\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]+$/u
const userDefinedExpression = /^[^\s:]+:[^\s:]+$/
const whitespaceExpression = /^[ \t\r\n]*$/
/**
 * Whether a value is an XML NMTOKEN (the type of every XLIFF id).
 *
 * @param value
 *   Value.
 * @returns
 *   Whether it is.
 */
export function isNmtoken(value: string): boolean {
  return nmtokenExpression.test(value)
}

/**
 * Whether a language tag is the expected one or a subtag of it (`en-IE` for `en`).
 *
 * @param actual
 *   Tag found.
 * @param expected
 *   Tag expected.
 * @returns
 *   Whether it matches.
 */
export function languageMatches(actual: string, expected: string): boolean {
  const a = actual.toLowerCase()
  const b = expected.toLowerCase()
  return a === b || a.startsWith(b + '-')
}

/**
 * A record without prototype, so that any key is a plain entry.
 *
 * @returns
 *   Empty record.
 */
export function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

/**
 * Whether a value is user-defined, `prefix:value`.
 *
 * @param value
 *   Value.
 * @returns
 *   Whether it is.
 */
export function isUserDefined(value: string): boolean {
  return userDefinedExpression.test(value)
}

/**
 * Whether a text is only XML white space.
 *
 * @param value
 *   Text.
 * @returns
 *   Whether it is.
 */
export function isWhitespace(value: string): boolean {
  return whitespaceExpression.test(value)
}

/**
 * Check the value of a core attribute against its type.
 *
 * @param element
 *   Element local name.
 * @param name
 *   Attribute local name.
 * @param value
 *   Value.
 * @returns
 *   Problem, if any.
 */
function checkValue(element: string, name: string, value: string): string | undefined {
  const where = '`' + name + '="' + value + '"` on `<' + element + '>`'
  switch (name) {
    case 'id':
    case 'copyOf':
    case 'dataRef':
    case 'dataRefStart':
    case 'dataRefEnd':
    case 'startRef': {
      return isNmtoken(value) ? undefined : where + ' is not an NMTOKEN'
    }

    case 'canResegment':
    case 'translate':
    case 'canCopy':
    case 'canDelete':
    case 'canOverlap':
    case 'isolated': {
      return value === 'yes' || value === 'no' ? undefined : where + ' is not `yes` or `no`'
    }

    case 'canReorder': {
      return value === 'yes' || value === 'no' || value === 'firstNo' ? undefined : where + ' is not `yes`, `no` or `firstNo`'
    }

    case 'srcDir':
    case 'trgDir':
    case 'dir': {
      return directions.has(value) ? undefined : where + ' is not `ltr`, `rtl` or `auto`'
    }

    case 'state': {
      return states.has(value) ? undefined : where + ' is not one of ' + [...states].join(', ')
    }

    case 'subState': {
      return isUserDefined(value) ? undefined : where + ' is not `prefix:value`'
    }

    case 'appliesTo': {
      return value === 'source' || value === 'target' ? undefined : where + ' is not `source` or `target`'
    }

    case 'priority': {
      return /^(?:[1-9]|10)$/.test(value) ? undefined : where + ' is not an integer from 1 to 10'
    }

    case 'order': {
      return /^[0-9]+$/.test(value) && Number(value) > 0 ? undefined : where + ' is not a positive integer'
    }

    default: {
      return undefined
    }
  }
}

/**
 * Add a problem to a list made on first use.
 *
 * @param problems
 *   List so far, if any.
 * @param problem
 *   Problem.
 * @returns
 *   List.
 */
function withProblem(problems: string[] | undefined, problem: string): string[] {
  if (problems) {
    problems.push(problem)
    return problems
  }

  return [problem]
}

/** The attributes of a core element, as {@link readCoreAttributes} reads them. */
export interface CoreAttributes {
  /** Attributes in no namespace, by local name. */
  plain: Record<string, string>
  /** Attributes the model has no field for (see {@link XliffAttributes}). */
  attributes: XliffAttributes
  /** Local names of the Format Style (`fs:`) attributes, if any. */
  fs: string[] | undefined
  /** Unknown or invalid attributes, as messages, if any. */
  problems: string[] | undefined
}

/**
 * Read the attributes of a core element: the ones in no namespace, and the
 * record of those the model has no field for; check each against the spec
 * and its type.
 *
 * @param element
 *   Element.
 * @param elementSpec
 *   What the element allows.
 * @param core
 *   Core namespace of the document.
 * @returns
 *   Attributes and problems.
 */
export function readCoreAttributes(element: XmlElement, elementSpec: ElementSpec, core: string): CoreAttributes {
  const plain = record<string>()
  const attributes = record<string>()
  let fs: string[] | undefined
  let problems: string[] | undefined
  let unknown: string[] | undefined
  const name = element.local

  for (const attribute of element.attributes) {
    if (attribute.uri === '') {
      if (!elementSpec.allowed.has(attribute.local)) {
        // Reported once per element, so a tag with a million attributes
        // does not make a million diagnostics.
        unknown ??= []
        if (unknown.length < 10) unknown.push(attribute.name)
        else if (unknown.length === 10) unknown.push('…')
        continue
      }

      plain[attribute.local] = attribute.value
      if (!elementSpec.fields.has(attribute.local)) attributes[attribute.local] = attribute.value
      const problem = checkValue(name, attribute.local, attribute.value)
      if (problem) problems = withProblem(problems, problem)
    } else if (attribute.uri === xmlNamespace) {
      if (!elementSpec.xml.has(attribute.local) && elementSpec.other !== true) {
        problems = withProblem(problems, 'Attribute `' + attribute.name + '` is not allowed on `<' + name + '>`')
        continue
      }

      attributes['xml:' + attribute.local] = attribute.value
      if (attribute.local === 'space' && attribute.value !== 'default' && attribute.value !== 'preserve') {
        problems = withProblem(problems, '`xml:space="' + attribute.value + '"` is not `default` or `preserve`')
      }

      if (attribute.local === 'lang' && attribute.value !== '' && !isWellFormedTag(attribute.value)) {
        problems = withProblem(problems, '`xml:lang="' + attribute.value + '"` is not a well-formed BCP 47 language tag')
      }
    } else if (attribute.uri === core) {
      problems = withProblem(problems, 'Attribute `' + attribute.name + '` in the XLIFF namespace is not allowed on `<' + name + '>`')
    } else if (elementSpec.other === true || elementSpec.other.has(attribute.uri)) {
      attributes['{' + attribute.uri + '}' + attribute.local] = attribute.value
      if (attribute.uri === formatStyle) {
        (fs ??= []).push(attribute.local)
        if (attribute.local !== 'fs' && attribute.local !== 'subFs') {
          problems = withProblem(problems, '`' + attribute.name + '` is not a Format Style attribute (`fs:fs`, `fs:subFs`)')
        }
      }
    } else {
      problems = withProblem(problems, 'Extension attribute `' + attribute.name + '` is not allowed on `<' + name + '>`')
    }
  }

  if (unknown) {
    problems = withProblem(
      problems,
      'Attribute' + (unknown.length > 1 ? 's ' : ' ') + unknown.map((name) => '`' + name + '`').join(', ') + (unknown.length > 1 ? ' are' : ' is') + ' not allowed on `<' + name + '>`'
    )
  }

  if (fs && fs.includes('subFs') && !fs.includes('fs')) problems = withProblem(problems, '`fs:subFs` on `<' + name + '>` needs `fs:fs`')

  return {plain, attributes, fs, problems}
}

/** Inline elements other than `<cp>`. */
export type InlineName = 'ph' | 'pc' | 'sc' | 'ec' | 'mrk' | 'sm' | 'em'

/**
 * Whether a core local name is an inline element other than `<cp>`.
 *
 * @param name
 *   Local name.
 * @returns
 *   Whether it is.
 */
export function isInlineName(name: string): name is InlineName {
  return name === 'ph' || name === 'pc' || name === 'sc' || name === 'ec' || name === 'mrk' || name === 'sm' || name === 'em'
}

/**
 * Check the attributes of one inline element against each other.
 *
 * @param name
 *   Element local name.
 * @param plain
 *   Its attributes in no namespace.
 * @returns
 *   Problems, as messages, in the order found.
 */
export function checkInlineAttributes(name: InlineName, plain: Record<string, string>): string[] {
  const problems: string[] = []
  const needsId = name === 'ph' || name === 'pc' || name === 'sc' || name === 'mrk' || name === 'sm'
  if (needsId && plain.id === undefined) problems.push('`<' + name + '>` has no `id`')
  if (name === 'em' && plain.startRef === undefined) problems.push('`<em>` has no `startRef`')

  if (name === 'mrk' || name === 'sm') {
    const type = plain.type
    if (type !== undefined && type !== 'generic' && type !== 'comment' && type !== 'term' && !isUserDefined(type)) {
      problems.push('`type="' + type + '"` on `<' + name + '>` is not `generic`, `comment`, `term` or `prefix:value`')
    }

    return problems
  }

  if (name === 'em') return problems

  const type = plain.type
  if (type !== undefined && !codeTypes.has(type)) {
    problems.push('`type="' + type + '"` on `<' + name + '>` is not one of ' + [...codeTypes].join(', '))
  }

  const subType = plain.subType
  if (subType !== undefined) {
    if (type === undefined) problems.push('`subType` on `<' + name + '>` needs a `type`')
    if (!isUserDefined(subType)) {
      problems.push('`subType="' + subType + '"` is not `prefix:value`')
    } else if (subType.startsWith('xlf:')) {
      const required = xlfSubTypes[subType]
      if (required === undefined) problems.push('`subType="' + subType + '"` is not an XLIFF-defined sub-type')
      else if (type !== undefined && type !== required) {
        problems.push('`subType="' + subType + '"` requires `type="' + required + '"`, found `' + type + '`')
      }
    }
  }

  // > When canReorder is no or firstNo, canCopy and canDelete must be no.
  if ((plain.canReorder === 'no' || plain.canReorder === 'firstNo') && (plain.canCopy !== 'no' || plain.canDelete !== 'no')) {
    problems.push('`canReorder="' + plain.canReorder + '"` on `<' + name + '>` requires `canCopy="no"` and `canDelete="no"`')
  }

  return problems
}

/** A parsed XLIFF fragment identifier. */
export interface Fragment {
  /** Whether it starts with `/` (from the document) rather than from the context. */
  absolute: boolean
  /** Selectors in order; `prefix` is absent for an id of the unit's content. */
  selectors: Array<{prefix?: string; id: string}>
}

/**
 * Parse and check an XLIFF fragment identifier (`#/f=f1/u=u1/n=n1`).
 *
 * @param ref
 *   Reference starting with `#`.
 * @returns
 *   Fragment, or a problem.
 */
export function parseFragment(ref: string): Fragment | string {
  let value = ref.slice(1)
  const absolute = value.startsWith('/')
  if (absolute) value = value.slice(1)
  if (value === '') return 'it is empty'

  // Levels: `f` 0, `g` 1, `u` 2, and one leaf last (`n`, `d`, `t`, a module
  // prefix, or a bare id of content).
  const selectors: Fragment['selectors'] = []
  const seen = new Set<string>()
  let level = -1
  let leaf = false

  for (const piece of value.split('/')) {
    if (piece === '') return 'it has an empty selector'
    if (leaf) return 'a selector follows its leaf (`' + selectors.at(-1)!.id + '`)'
    const equals = piece.indexOf('=')
    const prefix = equals === -1 ? undefined : piece.slice(0, equals)
    const id = equals === -1 ? piece : piece.slice(equals + 1)
    if (!isNmtoken(id)) return '`' + id + '` is not an id'

    if (prefix === undefined) {
      leaf = true
      selectors.push({id})
      continue
    }

    if (!isNmtoken(prefix) || prefix.includes(':')) return 'prefix `' + prefix + '` is not an NMTOKEN'
    if (prefix.length === 1 && !corePrefixes.has(prefix)) return 'prefix `' + prefix + '` is not an XLIFF core prefix (f, g, u, n, d, t); extension prefixes have two or more characters'
    if (seen.has(prefix)) return 'prefix `' + prefix + '` is used twice'
    seen.add(prefix)

    const order = prefix === 'f' ? 0 : prefix === 'g' ? 1 : prefix === 'u' ? 2 : 3
    if (order <= level) return 'selector `' + piece + '` is out of order (f, then g, then u, then the leaf)'
    level = order
    if (order === 3) leaf = true
    if ((prefix === 'd' || prefix === 't') && absolute && !seen.has('u')) return '`' + prefix + '=` needs a unit (`u=`)'
    selectors.push({prefix, id})
  }

  return {absolute, selectors}
}
