/**
 * mdBook: a `book.toml`. Takes: a site. Returns: the mdBook detection.
 * Sources are the book's `src` folder, `SUMMARY.md` included (a translated
 * book needs its translated table of contents).
 *
 * > book.toml                  [book] language = "it", src = "src"
 * > src/SUMMARY.md             the table of contents (a source)
 * > src/capitolo-1/avvio.md    a chapter (a source)
 *
 * mdBook has no layout for translations: each locale's book sources are
 * written to `dist/<lng>/`, which a `book.toml` per locale can build
 * (`[book] src = "dist/en"`).
 */
import {dig, folderOf, markdownUnder, readSettings, text, within, type DetectContext, type Detection, type Detector} from './site.ts'

const configFile = /^(?:[^/]+\/)?book\.toml$/

/** The detector. */
export const mdbook: Detector = {
  flavor: 'mdbook',
  configFiles: configFile,
  detect
}

function detect({site}: DetectContext, [file]: readonly string[]): Detection | undefined {
  if (!file) return undefined
  const settings = readSettings(site, file) ?? {}
  const src = text(dig(settings, 'book', 'src')) ?? 'src'
  const folder = within(folderOf(file), src)
  const detection: Detection = {
    file,
    layout: {
      value: {sourcePattern: `${folder === '' ? '' : `${folder}/`}{path}`, targetPattern: 'dist/{locale}/{path}'},
      file,
      reason: `the book's src folder (${folder}/)`,
      targetReason: "mdBook has no translation layout: each locale's book goes to dist/<lng>/"
    },
    notes: [{message: 'Build each translated book from dist/<lng>/ with a book.toml whose [book] src points there'}]
  }
  const language = text(dig(settings, 'book', 'language'))
  if (language) detection.sourceLocale = {value: language, file, reason: 'book.language'}
  if (markdownUnder(site, folder).length === 0) detection.notes.push({file, message: `No Markdown page under ${folder}/`})
  return detection
}
