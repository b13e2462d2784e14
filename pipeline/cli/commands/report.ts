/**
 * `babele report`: the glossary review and QA pages. Takes: a workspace (from
 * `run`: the project already loaded and built). Returns: a command result:
 * `reports/glossary.html` and `reports/qa.html` (written atomically, only
 * when their content changes, so a re-run with nothing changed writes
 * nothing; each made as its bytes where it can be, `qaReportHtml`), the findings as messages (exit 1 on an error, as `check`), and
 * the build's coverage.
 *
 * The findings are the project's state, whoever asks: store and glossary
 * reads, the source lint (each finding with its own severity), every stored
 * translation checked (`checkProject`) and the build (coverage, refused
 * documents, broken values); a finding two stages report is listed once.
 *
 * A document's lint findings come grouped for the QA page as its cache
 * entry keeps them (`DocumentLint.summary`) when no other finding is about
 * its file, and the glossary review reads those about a concept: the
 * findings are parsed only for the files the QA page lists. Each
 * document's findings about a concept go to the glossary review as a keyed
 * run (`KeyedDiagnostics`): their lint entry's key, which stands for them in
 * its parts' keys, their concepts and file, and the findings, which the
 * review reads only to make the document's part again or the page (a lint
 * entry's are parsed then).
 */
import {countSeverities} from '../../diagnostic.ts'
import type {Diagnostic} from '../../types.ts'
import type {DocumentLint} from '../extract-sources.ts'
import {buildProject, checkProject, type BuildEntry, type LocaleGate} from '../../project/index.ts'
import {glossaryReportHtml, qaReportHtml, uniqueDiagnostics, type Html, type KeyedDiagnostics} from '../../report/index.ts'
import {UsageError, writeOutputs, type Workspace} from '../workspace.ts'
import {load, type CommandOptions, type CommandResult, type Loaded} from './pipeline.ts'

/** The report pages of a project, and what went into them. */
export interface ProjectReports {
  /** `reports/glossary.html` and `reports/qa.html`, each as its bytes (or its text). */
  outputs: Map<string, Html>
  /** Every finding, each once (the lint's parsed when called). */
  findings: () => Diagnostic[]
  coverage: BuildEntry[]
  /** One line on each page. */
  summary: string[]
}

/**
 * Compute both pages.
 *
 * @param workspace Project.
 * @param loaded Documents, stores, glossary and the messages of reading them.
 * @param built The build's coverage and messages, when the caller just built (else built here, in memory).
 */
export function projectReports(workspace: Workspace, loaded: Loaded, built?: {coverage: BuildEntry[]; locales?: LocaleGate[] | undefined; messages: Diagnostic[]} | null): ProjectReports {
  const {config} = workspace
  const checked = checkProject(config, loaded.documents, loaded.stores, {terms: loaded.terms, reuse: loaded.reuse})
  const build = built ?? buildProject(config, loaded.documents, loaded.stores, {terms: loaded.terms, reuse: loaded.reuse})
  const kept = keptLint(loaded.lint, [...loaded.messages, ...checked.messages, ...build.messages])
  const listed = uniqueDiagnostics([...loaded.messages, ...loaded.lint.filter((one) => !kept.has(one)).flatMap((one) => one.findings()), ...checked.messages, ...build.messages])
  // Each document's findings about a concept: from its lint entry, a keyed run the glossary review reads only if it needs them (when they are all about one file); else as they are.
  const keyed: KeyedDiagnostics[] = []
  const lint: Diagnostic[] = []
  for (const {key, concepts} of loaded.lint) {
    if (key !== undefined && concepts.file !== undefined) keyed.push({...concepts, key, file: concepts.file})
    else if (concepts.conceptIds.length > 0) lint.push(...concepts.diagnostics())
  }
  const glossaryFile = `${config.reports}/glossary.html`
  const qaFile = `${config.reports}/qa.html`
  const outputs = new Map<string, Html>([
    [glossaryFile, glossaryReportHtml({config, termbase: loaded.termbase, terms: loaded.terms, documents: loaded.documents, stores: loaded.stores, diagnostics: [...lint, ...checked.messages], refused: checked.broken, reuse: loaded.reuse, keyed})],
    [qaFile, qaReportHtml({config, documents: loaded.documents, diagnostics: listed, unique: true, coverage: build.coverage, gates: build.locales, kept: [...kept].map((one) => ({summary: one.summary!, findings: one.findings}))}, {store: loaded.reuse?.store})]
  ])
  const counts = countSeverities(listed)
  for (const {summary} of kept) {
    counts.errors += summary!.errors
    counts.warnings += summary!.warnings
  }
  const termFindings = keyed.reduce((sum, run) => sum + run.conceptIds.length, 0) + [...lint, ...checked.messages].filter((message) => message.conceptId !== undefined).length
  return {
    outputs,
    findings: () => uniqueDiagnostics([...loaded.messages, ...loaded.lint.flatMap((one) => one.findings()), ...checked.messages, ...build.messages]),
    coverage: build.coverage,
    summary: [
      `report: ${glossaryFile} (${loaded.termbase ? `${loaded.termbase.concepts.length} concept(s), ${termFindings} glossary finding(s)` : 'no glossary'}), ${qaFile} (${counts.errors} error(s), ${counts.warnings} warning(s), coverage of ${build.coverage.length} built file(s))`
    ]
  }
}

/**
 * The documents whose lint findings the QA review takes grouped
 * (`DocumentLint.summary`): those whose file no other finding is about,
 * neither another stage's nor another document's.
 *
 * @param lint Each document's lint findings.
 * @param others The other stages' findings.
 */
function keptLint(lint: readonly DocumentLint[], others: readonly Diagnostic[]): Set<DocumentLint> {
  const elsewhere = new Set(others.map((message) => message.file))
  const grouped = new Map<string, number>()
  for (const one of lint) {
    if (one.summary) grouped.set(one.summary.file, (grouped.get(one.summary.file) ?? 0) + 1)
    else for (const message of one.findings()) elsewhere.add(message.file)
  }
  return new Set(lint.filter((one) => one.summary !== undefined && grouped.get(one.summary.file) === 1 && !elsewhere.has(one.summary.file)))
}

/**
 * `babele report [--json] [--config FILE]`.
 *
 * @param workspace Project.
 * @param options Progress bar.
 */
export async function reportCommand(workspace: Workspace, options: CommandOptions): Promise<CommandResult> {
  const loaded = await load(workspace, options)
  // A review page without the glossary would look clean when it is not.
  const unreadable = loaded.messages.filter((message) => message.source === 'glossary' && message.severity === 'error')
  if (unreadable.length > 0) throw new UsageError(`the glossary in ${workspace.config.glossary}/ could not be read`, unreadable)
  const reports = projectReports(workspace, loaded)
  const written = writeOutputs(workspace, reports.outputs)
  return {
    command: 'report',
    written,
    unchanged: reports.outputs.size - written.length,
    messages: reports.findings(),
    summary: [...reports.summary, `report: ${written.length} file(s) written, ${reports.outputs.size - written.length} unchanged`],
    coverage: reports.coverage
  }
}
