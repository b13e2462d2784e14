/**
 * Translate a Java regular expression (as SRX rules are written, for
 * `java.util.regex`) to a JavaScript one. Takes: the Java pattern. Returns:
 * the JavaScript source and the flags it needs, or the reason it cannot be
 * translated.
 *
 * Most of Java's syntax is the same in JavaScript with the `u` flag; what
 * differs is translated one token at a time, so that the segmenter only ever
 * compiles JavaScript:
 *
 * | Java                                  | JavaScript                                        |
 * | ------------------------------------- | ------------------------------------------------- |
 * | `(?i)`, `(?iu)`, `(?i:…)` (scoped)    | letters expanded to `[aA]` (properties untouched) |
 * | `\b`, `\B` (letters and digits)       | lookarounds on `[\p{L}\p{M}\p{Nd}_]`              |
 * | `\Q…\E`, `\!`, `\"`, `\'`, …          | escaped literals                                  |
 * | `*+`, `++`, `?+`, `{n,m}+`, `(?>…)`   | greedy quantifiers, `(?:…)`                       |
 * | `\p{javaLowerCase}`, `\p{IsAlphabetic}`, `\p{IsLatin}`, `\p{Punct}`, … | Unicode properties or ASCII ranges |
 * | `[\p{L}&&[^rwn]]`, `[a-z[^áé]]`       | the same with the `v` flag                        |
 * | `[\d-–]` (literal `-`), lone `{`, `}` | escaped                                           |
 *
 * Possessive quantifiers and atomic groups only forbid backtracking; as
 * greedy ones they match the same texts in every rule seen in practice.
 * Java's `\s` is ASCII-only; JavaScript's also matches no-break spaces,
 * which is what a segmenter wants after `Sig.`.
 */
import {caseVariants, escapeCodePoint, flip, property, renderSet, syntaxCharacters, Untranslatable, type CharSet, type Flags} from './java-char-set.ts'
import {startsWithWord} from './pattern-shape.ts'
import type {JsPattern} from './srx-rules.ts'

const lineTerminators = '\\n\\r\\u0085\\u2028\\u2029'
// Java's legacy `\b` treats letters and digits of every script as word characters.
const wordClass = '[\\p{L}\\p{M}\\p{Nd}_]'
// Stand-ins for the two boundaries while a pattern is checked: the property
// classes above take V8 over half a millisecond to parse, per `\b`.
const boundaryMark = '\uFDD0'
const notBoundaryMark = '\uFDD1'
const wordBoundary = `(?:(?<=${wordClass})(?!${wordClass})|(?<!${wordClass})(?=${wordClass}))`
const notWordBoundary = `(?:(?<=${wordClass})(?=${wordClass})|(?<!${wordClass})(?!${wordClass}))`

/**
 * Translate one Java regular expression.
 *
 * @param java The pattern as written in an SRX file.
 * @returns The pattern, or the reason it cannot be used.
 */
export function fromJavaRegex(java: string): JsPattern | {reason: string} {
  let result: JsPattern | {reason: string}
  try {
    result = new JavaTranslator(java, false).run()
    if (result.backreferences) result = new JavaTranslator(java, true).run()
    new RegExp(result.source.replaceAll(boundaryMark, '(?:)').replaceAll(notBoundaryMark, '(?:)'), result.flags)
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') : String(error)
    return {reason}
  }
  return {...result, source: withBoundaries(result.source)}
}

/**
 * The boundaries of a translated pattern in place of their stand-ins. Before
 * a word character (`\\bSig`, `\\b(?:[Pp]ag|art)`, `\\b\\p{Lu}`) `\\b` is only
 * no word character behind, and `\\B` one: a single property class, not
 * four. V8 spends about half a millisecond on each such class (parsed when
 * the pattern is made, compiled to bytecode when it first runs, to native
 * code when it runs again); the built-in rules hold ten `\\b`, which the
 * edited file's segmentation paid for on every run.
 */
function withBoundaries(source: string): string {
  let out = ''
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!
    if (char === boundaryMark) out += startsWithWord(source, index + 1) ? `(?<!${wordClass})` : wordBoundary
    else if (char === notBoundaryMark) out += startsWithWord(source, index + 1) ? `(?<=${wordClass})` : notWordBoundary
    else out += char
  }
  return out
}

/** One pass over a Java pattern, emitting JavaScript source. */
class JavaTranslator {
  private index = 0
  private out = ''
  private readonly flagStack: Flags[] = []
  private flags: Flags = {caseless: false, unicodeCase: false, dotAll: false, multiline: false, comments: false, unicodeClasses: false}
  private readonly state = {needV: false}
  private backreferences = false
  /** Whether the last thing emitted can take a quantifier. */
  private quantifiable = false

  constructor(
    private readonly java: string,
    /** Keep capturing groups (only when a backreference needs them). */
    private readonly keepGroups: boolean
  ) {}

  run(): JsPattern {
    const java = this.java
    while (this.index < java.length) {
      const char = java[this.index]!
      if (this.flags.comments && /\s/.test(char)) {
        this.index++
      } else if (this.flags.comments && char === '#') {
        while (this.index < java.length && java[this.index] !== '\n') this.index++
      } else if (char === '\\') {
        this.escape()
      } else if (char === '[') {
        this.index++
        this.emitAtom(renderSet(this.charClass(), this.state))
      } else if (char === '(') {
        this.group()
      } else if (char === ')') {
        if (this.flagStack.length === 0) throw new Untranslatable('unmatched `)`')
        this.flags = this.flagStack.pop()!
        this.index++
        this.out += ')'
        this.quantifiable = true
      } else if (char === '*' || char === '+' || char === '?' || (char === '{' && /^\{\d+(?:,\d*)?\}/.test(java.slice(this.index)))) {
        this.quantifier()
      } else if (char === '.') {
        this.index++
        this.emitAtom(this.flags.dotAll ? '[\\s\\S]' : `[^${lineTerminators}]`)
      } else if (char === '^') {
        this.index++
        this.out += this.flags.multiline ? `(?<![^${lineTerminators}])` : '^'
        this.quantifiable = false
      } else if (char === '$') {
        this.index++
        this.out += this.flags.multiline ? `(?![^${lineTerminators}])` : '$'
        this.quantifiable = false
      } else if (char === '|') {
        this.index++
        this.out += '|'
        this.quantifiable = false
      } else {
        const cp = java.codePointAt(this.index)!
        this.index += cp > 0xffff ? 2 : 1
        this.literal(cp)
      }
    }
    if (this.flagStack.length > 0) throw new Untranslatable('unclosed group')
    return {source: this.out, flags: this.state.needV ? 'v' : 'u', backreferences: this.backreferences}
  }

  private emitAtom(source: string): void {
    this.out += source
    this.quantifiable = true
  }

  private literal(cp: number): void {
    const variants = caseVariants(cp, this.flags)
    if (variants.length > 1) this.emitAtom(renderSet({negated: false, cps: variants.map((v): [number, number] => [v, v]), escapes: [], nested: [], and: []}, this.state))
    else this.emitAtom(escapeCodePoint(cp, syntaxCharacters))
  }

  private quantifier(): void {
    const java = this.java
    if (!this.quantifiable) throw new Untranslatable(`quantifier \`${java[this.index]}\` without anything to repeat`)
    if (java[this.index] === '{') {
      const end = java.indexOf('}', this.index)
      this.out += java.slice(this.index, end + 1)
      this.index = end + 1
    } else {
      this.out += java[this.index]
      this.index++
    }
    if (java[this.index] === '?') {
      this.out += '?'
      this.index++
    } else if (java[this.index] === '+') {
      // Possessive: no backtracking in Java; greedy here.
      this.index++
    }
    this.quantifiable = false
  }

  private group(): void {
    const java = this.java
    const rest = java.slice(this.index)
    this.flagStack.push({...this.flags})
    this.quantifiable = false
    let match: RegExpExecArray | null
    if (rest.startsWith('(?:') || rest.startsWith('(?>')) {
      // An atomic group matches like a non-capturing one, minus backtracking.
      this.out += '(?:'
      this.index += 3
    } else if (rest.startsWith('(?=') || rest.startsWith('(?!')) {
      this.out += rest.slice(0, 3)
      this.index += 3
    } else if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
      this.out += rest.slice(0, 4)
      this.index += 4
    } else if ((match = /^\(\?<([A-Za-z][A-Za-z0-9]*)>/.exec(rest))) {
      this.out += this.keepGroups ? match[0] : '(?:'
      this.index += match[0].length
    } else if ((match = /^\(\?([idmsuxU]*)(?:-([idmsuxU]*))?([:)])/.exec(rest))) {
      const flags = this.flagStack.pop()!
      const updated = {...flags}
      this.setFlags(updated, match[1]!, true)
      this.setFlags(updated, match[2] ?? '', false)
      this.index += match[0].length
      if (match[3] === ')') {
        // `(?i)`: applies to the rest of the enclosing group.
        this.flags = updated
        return
      }
      this.flagStack.push(flags)
      this.flags = updated
      this.out += '(?:'
    } else if (rest.startsWith('(?')) {
      throw new Untranslatable(`unsupported group \`${rest.slice(0, 4)}\``)
    } else {
      this.out += this.keepGroups ? '(' : '(?:'
      this.index += 1
    }
  }

  private setFlags(flags: Flags, letters: string, on: boolean): void {
    for (const letter of letters) {
      if (letter === 'i') flags.caseless = on
      else if (letter === 'u') flags.unicodeCase = on
      else if (letter === 's') flags.dotAll = on
      else if (letter === 'm') flags.multiline = on
      else if (letter === 'x') flags.comments = on
      else if (letter === 'U') flags.unicodeClasses = on
      // `d` (UNIX_LINES) only narrows which characters end a line.
    }
  }

  /** An escape outside a class; `this.index` is at the backslash. */
  private escape(): void {
    const java = this.java
    const next = java[this.index + 1]
    if (next === undefined) throw new Untranslatable('pattern ends with `\\`')
    const shorthand = this.shorthand(next)
    if (shorthand) {
      this.index += 2
      const {negated, cps, escapes} = shorthand
      if (!negated && cps.length === 0 && escapes.length === 1) this.emitAtom(escapes[0]!)
      else this.emitAtom(renderSet(shorthand, this.state))
      return
    }
    if (next === 'p' || next === 'P') {
      const set = this.propertyEscape()
      if (set.cps.length === 0 && set.escapes.length === 1) this.emitAtom(set.negated ? flip(set.escapes[0]!) : set.escapes[0]!)
      else this.emitAtom(renderSet(set, this.state))
      return
    }
    switch (next) {
      case 'b':
        this.index += 2
        this.out += boundaryMark
        this.quantifiable = false
        return
      case 'B':
        this.index += 2
        this.out += notBoundaryMark
        this.quantifiable = false
        return
      case 'A':
        this.index += 2
        this.out += '^'
        this.quantifiable = false
        return
      case 'z':
        this.index += 2
        this.out += '$'
        this.quantifiable = false
        return
      case 'Z':
        this.index += 2
        this.out += `(?=(?:\\r\\n|[${lineTerminators}])?$)`
        this.quantifiable = false
        return
      case 'G':
        throw new Untranslatable('`\\G` (end of the previous match) has no meaning in a segmentation rule')
      case 'R':
        this.index += 2
        this.emitAtom('(?:\\r\\n|[\\n\\u000b\\f\\r\\u0085\\u2028\\u2029])')
        return
      case 'X':
        this.index += 2
        this.emitAtom('(?:\\P{M}\\p{M}*)')
        return
      case 'Q': {
        const end = java.indexOf('\\E', this.index + 2)
        const quoted = java.slice(this.index + 2, end < 0 ? undefined : end)
        this.index = end < 0 ? java.length : end + 2
        for (const char of quoted) this.literal(char.codePointAt(0)!)
        return
      }
      case 'E':
        // A stray `\E` ends nothing.
        this.index += 2
        return
      case 'k': {
        const match = /^\\k<([A-Za-z][A-Za-z0-9]*)>/.exec(java.slice(this.index))
        if (!match) throw new Untranslatable('malformed `\\k<name>`')
        this.index += match[0].length
        this.backreferences = true
        this.emitAtom(`(?:\\k<${match[1]}>)`)
        return
      }
      default:
    }
    if (/[1-9]/.test(next)) {
      const match = /^\\(\d+)/.exec(java.slice(this.index))!
      this.index += match[0].length
      this.backreferences = true
      this.emitAtom(`(?:\\${match[1]})`)
      return
    }
    this.literal(this.escapedCodePoint())
  }

  /** `\d \s \w \h \v` and negations, as sets; `undefined` for other letters. */
  private shorthand(letter: string): CharSet | undefined {
    const set = (negated: boolean, escapes: string[], cps: Array<[number, number]> = []): CharSet => ({negated, cps, escapes, nested: [], and: []})
    const lower = letter.toLowerCase()
    const negated = letter !== lower
    if (!'dswhv'.includes(lower)) return undefined
    if (lower === 'h') return set(negated, [], [[0x20, 0x20], [0x09, 0x09], [0xa0, 0xa0], [0x1680, 0x1680], [0x180e, 0x180e], [0x2000, 0x200a], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000]])
    if (lower === 'v') return set(negated, [], [[0x0a, 0x0d], [0x85, 0x85], [0x2028, 0x2029]])
    if (this.flags.unicodeClasses) {
      if (lower === 'd') return set(negated, ['\\p{Nd}'])
      if (lower === 'w') return set(negated, ['\\p{Alphabetic}', '\\p{M}', '\\p{Nd}', '\\p{Pc}', '\\p{Join_Control}'])
      return set(negated, ['\\p{White_Space}'])
    }
    return set(false, ['\\' + letter])
  }

  /** `\p{…}`, `\P{…}`, `\pL`; `this.index` is at the backslash. */
  private propertyEscape(): CharSet {
    const java = this.java
    const negated = java[this.index + 1] === 'P'
    let name: string
    if (java[this.index + 2] === '{') {
      const end = java.indexOf('}', this.index + 3)
      if (end < 0) throw new Untranslatable('unclosed `\\p{`')
      name = java.slice(this.index + 3, end)
      this.index = end + 1
    } else {
      name = java[this.index + 2] ?? ''
      this.index += 3
    }
    let caret = false
    if (name.startsWith('^')) {
      caret = true
      name = name.slice(1)
    }
    return property(name, negated !== caret)
  }

  /** A character escape (`\t`, `\x41`, `\u00AB`, `\0101`, `\.`, …) after the backslash at `this.index`; advances past it. */
  private escapedCodePoint(): number {
    const java = this.java
    const rest = java.slice(this.index + 1)
    const simple: Record<string, number> = {t: 9, n: 10, r: 13, f: 12, a: 7, e: 27}
    let match: RegExpExecArray | null
    const char = rest[0]!
    if (char in simple) {
      this.index += 2
      return simple[char]!
    }
    if ((match = /^x\{([0-9A-Fa-f]+)\}/.exec(rest)) || (match = /^x([0-9A-Fa-f]{2})/.exec(rest)) || (match = /^u([0-9A-Fa-f]{4})/.exec(rest))) {
      this.index += 1 + match[0].length
      let cp = Number.parseInt(match[1]!, 16)
      // A surrogate pair written as two `\u` escapes is one character.
      const low = /^\\u([dD][c-fC-F][0-9A-Fa-f]{2})/.exec(java.slice(this.index))
      if (cp >= 0xd800 && cp <= 0xdbff && low) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (Number.parseInt(low[1]!, 16) - 0xdc00)
        this.index += 6
      }
      if (cp > 0x10ffff) throw new Untranslatable(`code point \`${match[0]}\` out of range`)
      return cp
    }
    if ((match = /^0([0-3][0-7]{2}|[0-7]{1,2})/.exec(rest))) {
      this.index += 1 + match[0].length
      return Number.parseInt(match[1]!, 8)
    }
    if ((match = /^c([@-_a-z?])/.exec(rest))) {
      this.index += 3
      return match[1]!.toUpperCase().charCodeAt(0) ^ 0x40
    }
    const cp = java.codePointAt(this.index + 1)!
    if (/[A-Za-z0-9]/.test(String.fromCodePoint(cp))) throw new Untranslatable(`unknown escape \`\\${String.fromCodePoint(cp)}\``)
    // Java lets any other character be escaped to stand for itself.
    this.index += cp > 0xffff ? 3 : 2
    return cp
  }

  /** A class after its `[`; advances past the closing `]`. */
  private charClass(): CharSet {
    const java = this.java
    const result: CharSet = {negated: false, cps: [], escapes: [], nested: [], and: []}
    if (java[this.index] === '^') {
      result.negated = true
      this.index++
    }
    const operands: CharSet[] = [{negated: false, cps: [], escapes: [], nested: [], and: []}]
    let current = operands[0]!
    let first = true
    const addChar = (cp: number, set: CharSet): void => {
      for (const variant of caseVariants(cp, this.flags)) set.cps.push([variant, variant])
    }
    const addRange = (lo: number, hi: number, set: CharSet): void => {
      if (hi < lo) throw new Untranslatable(`character range out of order in class`)
      set.cps.push([lo, hi])
      if (this.flags.caseless && hi - lo < 1000) for (let cp = lo; cp <= hi; cp++) addChar(cp, set)
    }
    while (true) {
      if (this.index >= java.length) throw new Untranslatable('unclosed character class')
      const char = java[this.index]!
      if (char === ']' && !first) {
        this.index++
        break
      }
      first = false
      if (this.flags.comments && /\s/.test(char)) {
        this.index++
        continue
      }
      if (char === '[') {
        this.index++
        current.nested.push(this.charClass())
        continue
      }
      if (char === '&' && java[this.index + 1] === '&') {
        this.index += 2
        current = {negated: false, cps: [], escapes: [], nested: [], and: []}
        operands.push(current)
        continue
      }
      let cp: number
      if (char === '\\') {
        const next = java[this.index + 1]
        if (next === undefined) throw new Untranslatable('pattern ends with `\\`')
        const shorthand = this.shorthand(next)
        if (shorthand || next === 'p' || next === 'P') {
          let set: CharSet
          if (shorthand) {
            this.index += 2
            set = shorthand
          } else {
            set = this.propertyEscape()
          }
          if (set.negated && set.cps.length === 0 && set.escapes.length === 1) current.escapes.push(flip(set.escapes[0]!))
          else if (set.negated) current.nested.push(set)
          else {
            current.cps.push(...set.cps)
            current.escapes.push(...set.escapes)
          }
          continue
        }
        if (next === 'Q') {
          const end = java.indexOf('\\E', this.index + 2)
          const quoted = java.slice(this.index + 2, end < 0 ? undefined : end)
          this.index = end < 0 ? java.length : end + 2
          for (const quotedChar of quoted) addChar(quotedChar.codePointAt(0)!, current)
          continue
        }
        if (next === 'b' || next === 'B') throw new Untranslatable('`\\b` inside a character class')
        cp = this.escapedCodePoint()
      } else {
        cp = java.codePointAt(this.index)!
        this.index += cp > 0xffff ? 2 : 1
      }
      // A range, unless `-` is last or followed by a class or a class escape.
      if (java[this.index] === '-' && java[this.index + 1] !== ']' && java[this.index + 1] !== '[' && !/^\\[dDsSwWhHvVpPQ]/.test(java.slice(this.index + 1))) {
        this.index++
        let hi: number
        if (java[this.index] === '\\') hi = this.escapedCodePoint()
        else {
          hi = java.codePointAt(this.index)!
          this.index += hi > 0xffff ? 2 : 1
        }
        addRange(cp, hi, current)
      } else {
        addChar(cp, current)
      }
    }
    result.cps = operands[0]!.cps
    result.escapes = operands[0]!.escapes
    result.nested = operands[0]!.nested
    result.and = operands.slice(1)
    return result
  }
}

