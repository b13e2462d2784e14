/**
 * Serialize a report page. Takes: a title, the page's own CSS and script
 * (constants of babele, never data) and a body built with hastscript.
 * Returns: one self-contained HTML document as a string: no network, no
 * external asset, nothing but the file itself.
 *
 * A body may name HTML to insert (`insertion`): items this serializer wrote
 * before, for nodes built the same way (the glossary page's items and
 * concept cards, the QA page's runs of rows; `serialize`), put in once the
 * page is serialized. Serializing a
 * deep tree copies its content
 * at every level (hast-util-to-html joins each element's children), so a
 * page of many items costs far more than its items one by one; inserted
 * last, each is copied once. A place to insert is marked `<"…">`, which no
 * escaped text (`<` is escaped) or attribute value (`"` is) can hold.
 *
 * A page comes as text (`page`) or as `Html` (`pageHtml`): its UTF-8
 * bytes, put together from its inserts' bytes where they come as bytes (a
 * run of rows read back from the cache, `htmlBytes`), so a page of megabytes
 * is never joined into one string and encoded again to be written. Bytes
 * stand only for a well-formed text (no lone surrogate), so they decode to
 * that text exactly, and the bytes of a page are those of its text encoded
 * whole (a page whose text is not well-formed comes as text).
 *
 * Escaping is hast-util-to-html's: every text node and attribute value is
 * escaped where it lands (`<` and `&` in text, quotes in attributes), so
 * text from sources, stores and termbases can only ever be text. Data never
 * goes into the script: the script reads the DOM (text and `data-*`
 * attributes), so no source text can close it (`</script>`).
 *
 * A Content-Security-Policy allows only the page's own style and script (by
 * hash) and no connection, so even a markup injection that slipped past the
 * escaping could neither run nor reach the network.
 */
import {createHash} from 'node:crypto'
import type {ElementContent, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
// The `raw` node type (hast-util-to-html's own types take it from here; erased at run time).
import type {Raw} from 'mdast-util-to-hast'

/** Configuration for {@linkcode page}. */
export interface Options {
  /** Document title. */
  title: string
  /** Language of the page's own words (default `en`). */
  lang?: string | null | undefined
  /** The page's CSS. */
  style: string
  /** The page's script (runs at the end of the body), if any. */
  script?: string | null | undefined
  /** Body content. */
  body: ElementContent[]
  /** HTML put where the body holds `insertion(index)` (index into this list): nodes serialized before, by this serializer, as text or bytes (`Html`). */
  inserts?: readonly Html[] | null | undefined
}

/**
 * HTML as text, or as the UTF-8 bytes of a well-formed text (no lone
 * surrogate: `htmlBytes`), which decode to that text exactly.
 */
export type Html = string | Uint8Array

const mark = '<"babele-insert:'
const marks = /<"babele-insert:(\d+)">/

/**
 * @param index Index of the HTML in `inserts`.
 * @returns A node that the page replaces with that HTML.
 */
export function insertion(index: number): ElementContent {
  const node: Raw = {type: 'raw', value: `${mark}${index}">`}
  return node
}

/**
 * Nodes of a page's body serialized on their own, as the page serializes
 * them, with their `insertion`s put in: HTML a page can insert.
 *
 * @param nodes Body content (no `script` or `style`: their text is not escaped).
 * @param inserts HTML put where the nodes hold `insertion(index)`.
 * @returns Their HTML.
 */
export function serialize(nodes: ElementContent[], inserts: readonly string[]): string {
  const html = toHtml(nodes, {allowDangerousHtml: true})
  return inserts.length === 0 ? html : inserted(html, inserts).join('')
}

/**
 * @param options Title, CSS, script and body.
 * @returns `<!doctype html>` and the document.
 */
export function page(options: Options): string {
  return pagePieces(options).map(htmlText).join('')
}

/**
 * {@linkcode page} as `Html`: its bytes, the inserts given as bytes copied
 * in as they are and the rest encoded, when its text is well-formed; else
 * its text.
 *
 * @param options Title, CSS, script and body.
 * @returns The page's bytes (or text).
 */
export function pageHtml(options: Options): Html {
  // Text between two inserts of bytes is encoded in one piece, so no surrogate pair is cut (bytes never start or end inside one).
  const chunks: Html[] = []
  let text: string[] = []
  for (const piece of pagePieces(options)) {
    if (typeof piece === 'string') {
      text.push(piece)
      continue
    }

    if (text.length > 0) chunks.push(text.join(''))
    text = []
    chunks.push(piece)
  }

  if (text.length > 0) chunks.push(text.join(''))
  if (chunks.some((chunk) => typeof chunk === 'string' && !wellFormed(chunk))) return chunks.map(htmlText).join('')
  return Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk)))
}

/**
 * @param html Serialized HTML.
 * @returns Its UTF-8 bytes when it is well-formed (they decode to it exactly), else the text itself.
 */
export function htmlBytes(html: string): Html {
  return wellFormed(html) ? Buffer.from(html) : html
}

/**
 * @param html HTML as text or bytes.
 * @returns Its text.
 */
export function htmlText(html: Html): string {
  return typeof html === 'string' ? html : Buffer.from(html.buffer, html.byteOffset, html.byteLength).toString('utf8')
}

/** Whether a text holds no lone surrogate (ES2024's `isWellFormed`, in every Node babele runs on; not in the type library this project compiles against). */
function wellFormed(text: string): boolean {
  return (text as string & {isWellFormed(): boolean}).isWellFormed()
}

/** The page in order: its serialized text between inserts, each insert, and the closing line break. */
function pagePieces(options: Options): Html[] {
  const script = options.script ?? undefined
  for (const [name, code] of [['style', options.style], ['script', script]] as const) {
    // A raw-text element ends at its first `</name`: a constant that held it would break the page.
    if (code !== undefined && new RegExp(`</${name}`, 'i').test(code)) throw new TypeError('Cannot embed a ' + name + ' holding `</' + name + '`, expected page code without it')
    if (code?.includes(mark)) throw new TypeError('Cannot embed a ' + name + ' holding `' + mark + '`, expected page code without it')
  }

  const policy = [
    "default-src 'none'",
    `style-src '${digest(options.style)}'`,
    ...(script === undefined ? [] : [`script-src '${digest(script)}'`]),
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'"
  ].join('; ')
  const tree: Root = {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: options.lang ?? 'en'}, [
        h('head', [
          h('meta', {charSet: 'utf-8'}),
          h('meta', {httpEquiv: 'Content-Security-Policy', content: policy}),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('meta', {name: 'generator', content: 'babele'}),
          h('title', options.title),
          h('style', options.style)
        ]),
        h('body', [...options.body, ...(script === undefined ? [] : [h('script', script)])])
      ])
    ]
  }
  const html = toHtml(tree, {allowDangerousHtml: true})
  const inserts = options.inserts ?? []
  return [...(inserts.length === 0 ? [html] : inserted(html, inserts)), '\n']
}

/** The page split at each place to insert, its HTML put there, in one pass. */
function inserted<Insert extends Html>(html: string, inserts: readonly Insert[]): Array<string | Insert> {
  const parts: Array<string | Insert> = html.split(new RegExp(marks.source, 'g'))
  for (let index = 1; index < parts.length; index += 2) {
    const insert = inserts[Number(parts[index])]
    if (insert === undefined) throw new RangeError('Cannot insert HTML ' + parts[index] + ', expected an index below ' + inserts.length)
    parts[index] = insert
  }

  return parts
}

/** A CSP source expression for an inline block: `sha256-` and its base64 hash. */
function digest(code: string): string {
  return 'sha256-' + createHash('sha256').update(code, 'utf8').digest('base64')
}
