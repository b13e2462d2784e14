// Types for the parts of the `xliff` package babele uses (it ships none).
declare module 'xliff' {
  /** The package's in-memory form: namespaces of keys with source and optional target. */
  export interface XliffJs {
    sourceLanguage: string
    targetLanguage: string
    resources: Record<string, Record<string, {source: string; target?: string}>>
  }
  const xliff: {
    js2xliff(document: XliffJs): Promise<string>
    jsToXliff12(document: XliffJs): Promise<string>
  }
  export default xliff
}
