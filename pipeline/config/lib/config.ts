/**
 * The project configuration (`babele.config.json`). Takes: parsed JSON.
 * Returns: a complete config with defaults, or messages naming each bad field.
 */
import {isLanguageTag} from '../../language-tag.ts'
import {origins} from '../../build/index.ts'
import {diagnostic} from '../../diagnostic.ts'
import * as z from 'zod'
import {flavors} from '../../flavor/index.ts'
import {parseKeyPath} from '../../markdown/index.ts'
import {qaRules} from '../../qa/index.ts'
import type {Diagnostic} from '../../types.ts'
import {parsePathPattern} from './path-pattern.ts'

const locale = z.string().refine(isLanguageTag, 'expected a BCP 47 language tag such as `en` or `pt-BR`')
const folder = z.string().min(1, 'expected a folder path')
/**
 * The pseudo locale: a language tag written as i18next looks it up (its
 * canonical form: `qps-Ploc`, not `qps-ploc`), or its bundle is never found.
 */
const pseudoLocale = z.string().superRefine((tag, context) => {
  if (!isLanguageTag(tag)) context.addIssue({code: 'custom', message: 'expected a BCP 47 language tag such as `qps` or `qps-Ploc`'})
  else if (Intl.getCanonicalLocales(tag)[0] !== tag) context.addIssue({code: 'custom', message: `expected \`${Intl.getCanonicalLocales(tag)[0]}\`, the tag as i18next looks it up`})
})


/** A code-finder pattern: JavaScript regex source, compiled with the `u` flag, never matching the empty string. */
const codePattern = z.string().superRefine((source, context) => {
  let pattern: RegExp
  try {
    pattern = new RegExp(source, 'u')
  } catch (error) {
    context.addIssue({code: 'custom', message: `expected a regular expression (${(error as Error).message})`})
    return
  }
  if (pattern.test('')) context.addIssue({code: 'custom', message: 'expected a pattern that cannot match the empty string'})
})

const prefillExact = z.enum(['translated', 'initial', 'none'], {message: 'expected "translated", "initial" or "none"'})
const prefillProposal = z.enum(['initial', 'none'], {message: 'expected "initial" or "none"'})

/** Translation memory and leverage: where memory lives, the fuzzy threshold, what pre-fills targets. */
const memory = z
  .object({
    folder: folder.default('memory'),
    files: z.array(z.string().min(1, 'expected a file path')).default([]),
    threshold: z.number().int('expected a whole percentage').min(50, 'expected a percentage from 50 to 100').max(100, 'expected a percentage from 50 to 100').default(75),
    matches: z.number().int('expected a whole number').min(1, 'expected 1 to 20 candidates').max(20, 'expected 1 to 20 candidates').default(5),
    prefill: z
      .object({
        context: prefillExact.default('translated'),
        exact: prefillExact.default('translated'),
        fuzzy: prefillProposal.default('none'),
        machine: prefillProposal.default('none')
      })
      .strict()
      .prefault({})
  })
  .strict()
  .prefault({})

/** A front-matter key path: `title`, `seo.description`, `tags[]`, `hero.actions[].text`, `features[0].title`. */
const keyPath = z.string().superRefine((path, context) => {
  const read = parseKeyPath(path)
  if ('reason' in read) context.addIssue({code: 'custom', message: read.reason})
})

/** A path pattern (`docs/{path}`, `i18n/{locale}/…/{path}`), checked by `parsePathPattern`. */
const pathPattern = (target: boolean) =>
  z.string().superRefine((pattern, context) => {
    const {problem} = parsePathPattern(pattern, target)
    if (problem) context.addIssue({code: 'custom', message: problem})
  })

/** A glob of files that are never sources, relative to the config file. */
const excludeGlob = z.string().min(1, 'expected a glob such as `docs/drafts/**`').refine((glob) => !glob.startsWith('/'), 'expected a glob relative to the config file')

/** Machine-translation engines babele runs: Apertium's command, an HTTP server, or none. */
const engineKinds = ['apertium', 'http', 'none'] as const

const engineKind = z.enum(engineKinds, {message: 'expected "apertium", "http" or "none"'})
const milliseconds = z.number().int('expected whole milliseconds').positive('expected a positive number of milliseconds')
/** Apertium modes, `|` between the modes of a pivot (`ita-cat|cat-eng`). */
const modeChain = z.string().regex(/^[a-z][a-z0-9_]*(?:-[a-z0-9_]+)+(?:\|[a-z][a-z0-9_]*(?:-[a-z0-9_]+)+)*$/, 'expected Apertium modes such as "ita-spa", or a pivot such as "ita-cat|cat-eng"')
/** Server language codes, `|` between them (`ita|spa`, `ita|cat|eng`, `it|en`). */
const languageChain = z.string().regex(/^[A-Za-z_-]+(?:\|[A-Za-z_-]+)+$/, 'expected language codes with `|` between them, such as "ita|spa", "ita|cat|eng" or "it|en"')

/** Machine translation: which engine per locale, Apertium's modes, an HTTP server, the cache. */
const mt = z
  .object({
    engine: z.union([engineKind, z.record(z.string(), engineKind)]).default('none'),
    cache: folder.default('.babele/mt-cache'),
    batchSize: z.number().int('expected a whole number').positive('expected a positive number of segments').default(500),
    apertium: z
      .object({
        pairs: z.record(locale, modeChain).default({}),
        timeout: milliseconds.default(600_000)
      })
      .strict()
      .prefault({}),
    http: z
      .object({
        api: z.enum(['apertium-apy', 'libretranslate'], {message: 'expected "apertium-apy" or "libretranslate"'}).default('apertium-apy'),
        url: z.string().regex(/^https?:\/\/[^\s/]+(?:\/\S*)?$/, 'expected an http:// or https:// URL').default('http://127.0.0.1:2737'),
        pairs: z.record(locale, languageChain).default({}),
        apiKey: z.string().optional(),
        timeout: milliseconds.default(30_000),
        retries: z.number().int('expected a whole number').min(0, 'expected 0 or more retries').max(10, 'expected at most 10 retries').default(4),
        concurrency: z.number().int('expected a whole number').min(1, 'expected 1 to 64 requests').max(64, 'expected 1 to 64 requests').default(4)
      })
      .strict()
      .prefault({})
  })
  .strict()
  .prefault({})

/**
 * Severity per QA rule id, like ESLint's `rules`: `"error"`, `"warning"`,
 * `"info"` or `"off"`. A rule left out keeps its own severities; a
 * structural rule (codes) can only be `"error"`.
 */
const qa = z
  .record(z.string(), z.enum(['error', 'warning', 'info', 'off'], {message: 'expected "error", "warning", "info" or "off"'}))
  .superRefine((value, context) => {
    for (const [id, severity] of Object.entries(value)) {
      const rule = qaRules.find((one) => one.id === id)
      if (!rule) context.addIssue({code: 'custom', path: [id], message: `expected a QA rule id (${qaRules.map((one) => one.id).join(', ')})`})
      else if (rule.structural && severity !== 'error') context.addIssue({code: 'custom', path: [id], message: 'expected "error": a translation with broken codes cannot be built'})
    }
  })
  .default({})

/** A coverage percentage, 0 to 100 (decimals allowed: `92.5`). */
const percentage = z.number({message: 'expected a percentage from 0 to 100'}).min(0, 'expected a percentage from 0 to 100').max(100, 'expected a percentage from 0 to 100')

/**
 * The coverage gate: the least share of each target locale's words that
 * `build` must find translated (after fallback, by the origins in
 * `coverageOrigins`), one percentage for every locale or one per locale
 * (`{"es": 90, "default": 50}`; a locale with neither has no minimum).
 */
const minCoverage = z.union([percentage, z.record(z.string(), percentage)], {message: 'expected a percentage from 0 to 100, or one per locale such as {"es": 90, "default": 50}'})

/** Which origins of a translation count toward coverage: `human`, `memory`, `machine`. */
const coverageOrigins = z
  .array(z.enum(origins, {message: `expected ${origins.map((origin) => `"${origin}"`).join(', ')}`}))
  .min(1, 'expected at least one origin')
  .refine((list) => new Set(list).size === list.length, 'expected each origin once')
  .default(['human', 'memory'])

const schema = z
  .object({
    sourceLocale: locale.default('it'),
    targetLocales: z.array(locale).min(1, 'expected at least one target locale').default(['en', 'es', 'fr', 'ca']),
    source: folder.default('source'),
    xliff: folder.default('xliff'),
    locales: folder.default('locales'),
    dist: folder.default('dist'),
    sourcePattern: pathPattern(false).optional(),
    targetPattern: pathPattern(true).optional(),
    exclude: z.array(excludeGlob).default([]),
    reports: folder.default('reports'),
    glossary: folder.default('glossary'),
    fallbackLng: z.union([locale, z.array(locale), z.record(z.string(), z.array(locale))]).optional(),
    xliffVersion: z.enum(['2.1', '1.2'], {message: 'expected "2.1" or "1.2"'}).default('2.1'),
    frontmatterKeys: z.array(keyPath).default(['title', 'description']),
    flavor: z
      .union([z.enum(flavors), z.array(z.enum(flavors))], {message: `expected one of ${flavors.map((name) => `"${name}"`).join(', ')}, or a list of them`})
      .transform((value) => (typeof value === 'string' ? [value] : value))
      .default([]),
    codeFinder: z.array(codePattern).default([]),
    minCoverage: minCoverage.optional(),
    coverageOrigins,
    maxXliffBytes: z.number().int().positive('expected a positive number of bytes').default(50 * 1024 * 1024),
    pseudo: z.boolean({message: 'expected true or false'}).default(false),
    pseudoLocale: pseudoLocale.default('qps'),
    cache: folder.default('.babele/cache'),
    memory,
    mt,
    qa
  })
  .strict()

/** A validated configuration, every field set. */
export type Config = Omit<z.infer<typeof schema>, 'fallbackLng' | 'sourcePattern' | 'targetPattern'> & {
  /** i18next `fallbackLng`; every chain ends with the source locale. */
  fallbackLng: string | string[] | Record<string, string[]>
  /** Where the sources are (default `<source>/{locale}/{path}`), `{locale}` being the source locale. */
  sourcePattern: string
  /** Where each target locale's documents are written (default `<dist>/{locale}/{path}`). */
  targetPattern: string
}

/** Options of {@linkcode parseConfig}. */
export interface Options {
  /** Path of the config file, copied into every diagnostic (default `babele.config.json`). */
  file?: string | null | undefined
}

/**
 * Validate a configuration.
 *
 * @param input Parsed JSON of the config file (`{}` for all defaults).
 * @param options The file name for messages.
 */
export function parseConfig(input: unknown, options?: Options | null): {value: Config | undefined; messages: Diagnostic[]} {
  const file = options?.file ?? 'babele.config.json'
  const result = schema.safeParse(input)
  if (!result.success) {
    return {
      value: undefined,
      messages: result.error.issues.map((issue) => invalid(file, `\`${issue.path.join('.') || '(root)'}\`: ${issue.message}`))
    }
  }
  const value = result.data
  const fallbackLng = value.fallbackLng ?? [value.sourceLocale]
  const messages: Diagnostic[] = []
  const chains = typeof fallbackLng === 'string' ? [[fallbackLng]] : Array.isArray(fallbackLng) ? [fallbackLng] : Object.values(fallbackLng)
  if (chains.some((chain) => chain.at(-1) !== value.sourceLocale)) {
    messages.push(invalid(file, `\`fallbackLng\`: the last fallback must be the source locale \`${value.sourceLocale}\` (i18next format, e.g. {"ca": ["es", "${value.sourceLocale}"], "default": ["${value.sourceLocale}"]})`))
  }
  const given = input as Record<string, unknown>
  for (const [folderField, patternField] of [['source', 'sourcePattern'], ['dist', 'targetPattern']] as const) {
    if (given[folderField] !== undefined && given[patternField] !== undefined) {
      messages.push(invalid(file, `\`${patternField}\`: set \`${folderField}\` or \`${patternField}\`, not both (\`${folderField}\` is short for \`${folderField === 'source' ? value.source : value.dist}/{locale}/{path}\`)`))
    }
  }
  const targets = value.targetLocales
  if (targets.includes(value.sourceLocale)) messages.push(invalid(file, `\`targetLocales\`: must not include the source locale \`${value.sourceLocale}\``))
  const engines = value.mt.engine
  if (typeof engines === 'object') {
    for (const name of Object.keys(engines)) if (name !== 'default' && !targets.includes(name)) messages.push(invalid(file, `\`mt.engine.${name}\`: not a target locale (expected one of ${targets.join(', ')}, or \`default\`)`))
  }
  if (typeof value.minCoverage === 'object') {
    for (const name of Object.keys(value.minCoverage)) if (name !== 'default' && !targets.includes(name)) messages.push(invalid(file, `\`minCoverage.${name}\`: not a target locale (expected one of ${targets.join(', ')}, or \`default\`)`))
  }
  if (value.pseudoLocale === value.sourceLocale || targets.includes(value.pseudoLocale)) messages.push(invalid(file, `\`pseudoLocale\`: \`${value.pseudoLocale}\` is a real locale of the project; use a private-use tag such as \`qps\``))
  if (new Set(targets).size !== targets.length) messages.push(invalid(file, '`targetLocales`: a locale is listed twice'))
  const sourcePattern = value.sourcePattern ?? `${value.source}/{locale}/{path}`
  const targetPattern = value.targetPattern ?? `${value.dist}/{locale}/{path}`
  return {value: messages.length > 0 ? undefined : {...value, fallbackLng, sourcePattern, targetPattern}, messages}
}

/** A `config-invalid` error naming the field in its message. */
function invalid(file: string, message: string): Diagnostic {
  return diagnostic('config-invalid', message, {source: 'config', severity: 'error', file})
}
