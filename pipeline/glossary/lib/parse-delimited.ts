/**
 * Split CSV or TSV text into rows of fields. Takes: the text (a UTF-8 BOM is
 * allowed), a delimiter, a reporter. Returns: the rows, each field with its
 * value and the 1-based line and column it starts at, or nothing when a quote
 * is broken (reported as `csv-malformed` with line and column).
 *
 * The dialect is RFC 4180 as spreadsheets write it: a field in double quotes
 * may hold the delimiter, line breaks and doubled quotes (`""`); line breaks
 * are `\r\n`, `\n` or `\r`; rows whose fields are all empty are skipped.
 */
import type {Reporter} from '../../xml/index.ts'

/** One field of a row. */
export interface Field {
  /** Value, quotes removed. */
  value: string
  /** Offset of the field's first character (in the BOM-less text). */
  offset: number
}

/** One row. */
export interface Row {
  /** Offset of the row's first character (in the BOM-less text). */
  offset: number
  fields: Field[]
}

/**
 * Pick the delimiter from the header line: a tab, a semicolon (spreadsheets
 * in locales with a decimal comma write those) or a comma.
 *
 * @param text
 *   Text (without BOM).
 */
export function detectDelimiter(text: string): string {
  const end = text.search(/[\r\n]/)
  const header = end === -1 ? text : text.slice(0, end)
  if (header.includes('\t')) return '\t'
  if (header.includes(';') && !header.includes(',')) return ';'
  return ','
}

/**
 * Split delimited text.
 *
 * @param text
 *   Text (without BOM).
 * @param delimiter
 *   One character.
 * @param report
 *   Diagnostics.
 * @returns
 *   Rows, or `undefined` after a `csv-malformed` error.
 */
export function parseDelimited(text: string, delimiter: string, report: Reporter): Row[] | undefined {
  const rows: Row[] = []
  const separator = delimiter.charCodeAt(0)
  let index = 0
  let fields: Field[] = []
  let rowStart = 0

  while (index <= text.length) {
    const start = index
    let value: string

    if (text.charCodeAt(index) === 34) {
      // > | "a ""b"" c",d
      //     ^ opening quote: read to the quote not followed by another
      let end = index + 1
      let parts = ''
      while (true) {
        const quote = text.indexOf('"', end)
        if (quote === -1) {
          report.error(start, 'csv-malformed', 'Quoted field is never closed: add the closing `"`')
          return undefined
        }

        parts += text.slice(end, quote)
        if (text.charCodeAt(quote + 1) === 34) {
          parts += '"'
          end = quote + 2
        } else {
          end = quote + 1
          break
        }
      }

      value = parts
      index = end
      const next = text.charCodeAt(index)
      if (index < text.length && next !== separator && next !== 10 && next !== 13) {
        report.error(index, 'csv-malformed', 'Text after a closing quote: quote the whole field, and double any `"` inside it')
        return undefined
      }
    } else {
      let end = index
      while (end < text.length) {
        const code = text.charCodeAt(end)
        if (code === separator || code === 10 || code === 13) break
        if (code === 34) {
          report.error(end, 'csv-malformed', 'Quote inside an unquoted field: quote the whole field, and double any `"` inside it')
          return undefined
        }

        end++
      }

      value = text.slice(index, end)
      index = end
    }

    fields.push({value, offset: start})
    const code = text.charCodeAt(index)
    if (code === separator) {
      index++
      continue
    }

    // End of a row: a line break or the end of the text.
    if (fields.some((field) => field.value.trim() !== '')) rows.push({offset: rowStart, fields})
    fields = []
    if (code === 13 && text.charCodeAt(index + 1) === 10) index += 2
    else index++
    rowStart = index
  }

  return rows
}
