/**
 * A long list of a report page, rendered in runs kept from run to run.
 * Takes: the list's parts (each the values one piece of markup shows), how
 * to render one, and an entry store (the CLI's cache; none: every part is
 * rendered). Returns: a node per run for the page's body, each `page`'s
 * `insertion` of the run's HTML (added to the page's `inserts`).
 *
 * The parts are cut into runs: a run ends after a part whose name (a path)
 * hashes to a multiple of {@linkcode runLength} (`endsRun`), so a cut depends on that
 * part's name alone and stays put when a part changes, comes or goes. A
 * run's HTML is stored under a digest of its parts' values, as its UTF-8
 * bytes (`htmlBytes`: the page copies them in as they are): when a one-file
 * edit changes one row, one run is rendered again and the others are read
 * back whole. The renderer is given the values and nothing else, so the key
 * holds everything the HTML is made of (babele's code is in the cache
 * folder's name). Each part is serialized on its own by hast-util-to-html,
 * which escapes its text and attributes exactly as in a whole page, and the
 * page inserts the runs once it is serialized, each copied once.
 *
 * ```ts
 * h('tbody', pageParts(rows, {kind: 'qa-page', list: 'coverage', name: (row) => row.path, render: rowOf, store, inserts}))
 * ```
 */
import type {ElementContent} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {digestBytes} from '../../incremental/index.ts'
import {reused, type EntryStore} from '../../project/index.ts'
import {htmlBytes, insertion, type Html} from './page.ts'

/** Parts per run, on average. */
export const runLength = 32

/** What {@linkcode pageParts} needs besides the parts. */
export interface PagePartsOptions<Values> {
  /** The cache entries' kind (`qa-page`). */
  kind: string
  /** Which list of the page (in the key: two lists never share an entry). */
  list: string
  /** A part's stable name, where runs may end (a path). */
  name: (values: Values) => string
  /** A part's markup, made of its values alone. */
  render: (values: Values) => ElementContent
  /** Where runs are kept (none: rendered every time). */
  store?: EntryStore | null | undefined
  /** The page's `inserts`, where each run's HTML is added. */
  inserts: Html[]
}

/**
 * @param parts The list's parts, in page order (JSON values: a `Map` or `NaN` would not be told apart in the key).
 * @param options Kind, list, name, render, store, the page's inserts.
 * @returns One node per run, in page order, that the page replaces with the run's HTML.
 */
export function pageParts<Values>(parts: readonly Values[], options: PagePartsOptions<Values>): ElementContent[] {
  const runs: Values[][] = []
  let run: Values[] = []
  for (const part of parts) {
    run.push(part)
    if (endsRun(options.name(part))) {
      runs.push(run)
      run = []
    }
  }
  if (run.length > 0) runs.push(run)
  const store = options.store ?? undefined
  return runs.map((one) => {
    // The JSON as made (not `digest`'s sorted form, several times slower): equal values written in another order only miss.
    const html = reused<Html>(store, options.kind, store && digestBytes(JSON.stringify([options.kind, options.list, one])), () => {
      const made = one.map((part) => toHtml(options.render(part))).join('')
      // Without a store the text is joined into the page as it is; kept, its bytes are copied in.
      return store ? htmlBytes(made) : made
    })
    return insertion(options.inserts.push(html) - 1)
  })
}

/**
 * Whether a run ends after the part of this name: its FNV-1a hash (32 bits,
 * over UTF-16 code units) is a multiple of {@linkcode runLength}. Where runs
 * end only groups the rows into entries (a run's key is the digest of its
 * values, the page's bytes are the same wherever they end), so a small hash
 * of the name's own serves, not a SHA-256 of each of thousands of names.
 *
 * @param name A part's name.
 */
export function endsRun(name: string): boolean {
  let hash = 0x81_1c_9d_c5
  for (let index = 0; index < name.length; index++) hash = Math.imul(hash ^ name.charCodeAt(index), 0x01_00_01_93)
  return (hash >>> 0) % runLength === 0
}
