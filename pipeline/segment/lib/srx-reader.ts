/**
 * Build segmentation rules from the XML events of an SRX 2.0 (or 1.0)
 * document. Takes: start tags, end tags and text from the XML driver
 * (`pipeline/xml`), and a reporter. Returns: the rules, every Java regular
 * expression translated to JavaScript, and warnings for what was skipped (a
 * rule that cannot be translated, a language map without its language rule).
 *
 * Elements of other namespaces are skipped with everything inside them.
 */
import {diagnostic} from '../../diagnostic.ts'
import type {Diagnostic} from '../../types.ts'
import {Abort, type Reporter, type XmlElement, type XmlHandler} from '../../xml/index.ts'
import {fromJavaRegex} from './java-regex.ts'
import type {SrxLanguageRule, SrxRules} from './srx-rules.ts'

const srx20 = 'http://www.lisa.org/srx20'
const srx10 = 'http://www.lisa.org/srx10'

/** A `<rule>` being read. */
interface RawRule {
  break: boolean
  offset: number
  before: string
  after: string
}

/** A `<languagemap>` read, checked once every language rule is known. */
interface RawMap {
  pattern: string
  name: string
  offset: number
}

/** The SRX reader: feed it to `readXml`, then take {@linkcode SrxReader.result}. */
export class SrxReader implements XmlHandler {
  private readonly value: SrxRules = {version: '2.0', segmentSubflows: true, cascade: false, languageRules: [], languageMaps: []}
  /** SRX-namespace elements open around the cursor; `null` for foreign ones. */
  private readonly stack: Array<string | null> = []
  private namespace = ''
  private rule: RawRule | undefined
  private language: SrxLanguageRule | undefined
  /** Text of the `beforebreak` or `afterbreak` being read. */
  private pending: string | undefined
  private mapRules = 0
  private readonly maps: RawMap[] = []

  /**
   * @param report Positions and diagnostics (`source: 'segment'`).
   */
  constructor(private readonly report: Reporter) {}

  /** A start tag. */
  open(element: XmlElement): void {
    const {stack, value, report} = this
    if (stack.length === 0) {
      if (element.local !== 'srx' || (element.uri !== srx20 && element.uri !== srx10)) {
        throw new Abort(
          report.create(element.offset, 'srx-not-srx', `Expected an \`srx\` root element in namespace \`${srx20}\`, got \`${element.name}\`${element.uri ? ` in \`${element.uri}\`` : ''}`)
        )
      }
      this.namespace = element.uri
      value.version = element.uri === srx10 ? '1.0' : '2.0'
      stack.push('srx')
      return
    }
    const parent = stack.at(-1)
    if (element.uri !== this.namespace || parent === null) {
      stack.push(null)
      return
    }
    const name = element.local
    stack.push(name)
    const attribute = (key: string): string | undefined => element.attributes.find((found) => found.uri === '' && found.local === key)?.value
    if (name === 'header') {
      value.segmentSubflows = attribute('segmentsubflows') !== 'no'
      value.cascade = attribute('cascade') === 'yes'
    } else if (name === 'languagerule') {
      const ruleName = attribute('languagerulename')
      if (ruleName === undefined) {
        report.warning(element.offset, 'srx-languagerule-invalid', 'Skipping a `languagerule` without `languagerulename`')
        this.language = undefined
      } else if (value.languageRules.some((known) => known.name === ruleName)) {
        report.warning(element.offset, 'srx-languagerule-invalid', `Skipping a second \`languagerule\` named \`${ruleName}\``)
        this.language = undefined
      } else {
        this.language = {name: ruleName, rules: [], line: report.point(element.offset).line}
        value.languageRules.push(this.language)
      }
    } else if (name === 'rule' && parent === 'languagerule') {
      this.rule = {break: attribute('break') !== 'no', offset: element.offset, before: '', after: ''}
    } else if ((name === 'beforebreak' || name === 'afterbreak') && parent === 'rule') {
      this.pending = ''
    } else if (name === 'maprule') {
      this.mapRules++
    } else if (name === 'languagemap' && (this.mapRules <= 1 || this.namespace === srx20)) {
      const pattern = attribute('languagepattern')
      const ruleName = attribute('languagerulename')
      if (pattern === undefined || ruleName === undefined) {
        report.warning(element.offset, 'srx-languagemap-invalid', 'Skipping a `languagemap` without `languagepattern` or `languagerulename`')
      } else {
        this.maps.push({pattern, name: ruleName, offset: element.offset})
      }
    }
  }

  /** An end tag. */
  close(): void {
    const name = this.stack.pop()
    const rule = this.rule
    if (name === 'beforebreak' && rule) rule.before = this.pending ?? ''
    else if (name === 'afterbreak' && rule) rule.after = this.pending ?? ''
    else if (name === 'rule' && rule) {
      if (this.language) this.addRule(this.language, rule)
      this.rule = undefined
    } else if (name === 'languagerule') this.language = undefined
    if (name === 'beforebreak' || name === 'afterbreak') this.pending = undefined
  }

  /** Character data. */
  text(value: string): void {
    if (this.pending !== undefined) this.pending += value
  }

  /**
   * The rules read, once the whole document has been.
   *
   * @returns The rules, with the language maps whose language rule exists and whose pattern translates.
   */
  result(): SrxRules {
    const {value, report} = this
    if (this.mapRules > 1) {
      const info: Diagnostic = diagnostic('srx-maprule-ignored', `Using the first of ${this.mapRules} SRX 1.0 \`maprule\` elements`, {source: 'segment', severity: 'info'})
      if (report.file !== undefined) info.file = report.file
      report.messages.push(info)
    }
    for (const map of this.maps) {
      if (!value.languageRules.some((known) => known.name === map.name)) {
        report.warning(map.offset, 'srx-languagemap-invalid', `Skipping the \`languagemap\` for \`${map.pattern}\`: no languagerule is named \`${map.name}\``)
        continue
      }
      const pattern = fromJavaRegex(map.pattern)
      if ('reason' in pattern) {
        report.warning(map.offset, 'srx-languagemap-invalid', `Skipping the \`languagemap\` for \`${map.name}\`, languagepattern \`${map.pattern}\`: ${pattern.reason}`)
        continue
      }
      value.languageMaps.push({
        languagePattern: map.pattern,
        pattern: {...pattern, source: `^(?:${pattern.source})$`},
        languageRuleName: map.name,
        line: report.point(map.offset).line
      })
    }
    return value
  }

  /**
   * The header read before reading stopped, with no rules: rules read up to
   * a fatal error are not to be used.
   *
   * @returns Empty rules.
   */
  empty(): SrxRules {
    return {...this.value, languageRules: [], languageMaps: []}
  }

  private addRule(owner: SrxLanguageRule, raw: RawRule): void {
    const before = fromJavaRegex(raw.before)
    const after = fromJavaRegex(raw.after)
    const line = this.report.point(raw.offset).line
    if ('reason' in before || 'reason' in after) {
      const problem = 'reason' in before ? `beforebreak \`${raw.before}\`: ${before.reason}` : `afterbreak \`${raw.after}\`: ${(after as {reason: string}).reason}`
      this.report.warning(raw.offset, 'srx-rule-invalid', `Skipping a rule of languagerule \`${owner.name}\` (line ${line}), ${problem}`)
      return
    }
    owner.rules.push({break: raw.break, beforeBreak: raw.before, afterBreak: raw.after, before, after, line})
  }
}
