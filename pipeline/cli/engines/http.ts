/**
 * The HTTP engines: an apertium-apy server (`/translate`, and
 * `/translateChain` for a pivot) and the LibreTranslate `/translate` JSON
 * API. Takes: the server's URL, the pair, timeouts, retries, a concurrency
 * limit. Returns: an `Engine`. One request per text, at most `concurrency`
 * at a time over every call of the engine; a request that times out, fails to connect or gets a 429 or 5xx
 * answer is retried with exponential backoff (a `Retry-After` header is
 * honoured); any other answer, or the last failure, stops the batch with an
 * error that names the server and what it said, carrying every translation
 * already made.
 */
import pLimit from 'p-limit'
import {EngineError, type Engine} from '../../mt/index.ts'

/** Options of {@linkcode httpEngine}. */
export interface HttpOptions {
  /** The server's API. */
  api: 'apertium-apy' | 'libretranslate'
  /** Base URL (`http://127.0.0.1:2737`). */
  url: string
  /**
   * The pair as the server names it: apertium-apy `ita|spa`, or a chain
   * `ita|cat|eng` (sent to `/translateChain`); LibreTranslate `it|en`.
   */
  pair: string
  /** Source language (BCP 47). */
  source: string
  /** Target language (BCP 47). */
  target: string
  /** LibreTranslate API key, if the server wants one. */
  apiKey?: string | null | undefined
  /** Milliseconds before one request is abandoned (default 30,000). */
  timeout?: number | null | undefined
  /** Retries of a request after a timeout, a connection failure, a 429 or a 5xx (default 4). */
  retries?: number | null | undefined
  /** Requests in flight at once (default 4). */
  concurrency?: number | null | undefined
  /** First backoff in milliseconds, doubled at each retry (default 250). */
  backoff?: number | null | undefined
}

/** A failure worth retrying, or not. */
class RequestError extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
    readonly after?: number
  ) {
    super(message)
  }
}

/**
 * An engine behind an HTTP server.
 *
 * @param options API, URL, pair, limits.
 */
export function httpEngine(options: HttpOptions): Engine {
  const url = options.url.replace(/\/+$/, '')
  const timeout = options.timeout ?? 30_000
  const retries = options.retries ?? 4
  const concurrency = Math.max(1, options.concurrency ?? 4)
  const backoff = options.backoff ?? 250
  const languages = options.pair.split('|').map((part) => part.trim())
  const label = `${options.api} at ${url}`

  const request = options.api === 'libretranslate' ? libreTranslate(url, languages, options.apiKey) : apy(url, languages)
  // One limit for the engine, however many batches are in flight.
  const limit = pLimit(concurrency)
  let stopped: EngineError | undefined

  /** One text, with retries. */
  const translateOne = async (text: string): Promise<string> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(text, timeout)
      } catch (error) {
        const failure = error instanceof RequestError ? error : new RequestError(String(error), false)
        if (!failure.retry || attempt >= retries) {
          const tries = attempt + 1
          throw new EngineError(`${label}: ${failure.message}${failure.retry ? ` (after ${tries} attempt${tries === 1 ? '' : 's'})` : ''}`)
        }
        await sleep(failure.after ?? backoff * 2 ** attempt)
      }
    }
  }

  return {
    name: options.api,
    pair: languages.join('|'),
    source: options.source,
    target: options.target,
    marks: options.api === 'apertium-apy',
    async translate(batch) {
      const results: Array<string | undefined> = new Array(batch.length).fill(undefined)
      await Promise.all(
        batch.map((text, index) =>
          limit(async () => {
            try {
              // Once a request has failed for good, the engine sends nothing more, in this call or another.
              if (stopped === undefined) results[index] = await translateOne(text)
            } catch (error) {
              stopped ??= error as EngineError
            }
          })
        )
      )
      if (stopped) throw new EngineError(stopped.message, results)
      return results as string[]
    }
  }
}

/** apertium-apy: a form POST to `/translate` (or `/translateChain` for more than two languages). */
function apy(url: string, languages: readonly string[]): (text: string, timeout: number) => Promise<string> {
  const chain = languages.length > 2
  const endpoint = `${url}/${chain ? 'translateChain' : 'translate'}`
  return async (text, timeout) => {
    const body = new URLSearchParams({[chain ? 'langpairs' : 'langpair']: languages.join('|'), q: text, markUnknown: 'yes', format: 'txt'})
    const json = await post(endpoint, body, timeout)
    const translated = (json as {responseData?: {translatedText?: unknown}}).responseData?.translatedText
    if (typeof translated !== 'string') throw new RequestError(`unexpected answer from ${endpoint}: ${JSON.stringify(json).slice(0, 200)}`, false)
    return translated
  }
}

/** LibreTranslate: a JSON POST to `/translate`. */
function libreTranslate(url: string, languages: readonly string[], apiKey: string | null | undefined): (text: string, timeout: number) => Promise<string> {
  const endpoint = `${url}/translate`
  if (languages.length !== 2) throw new TypeError(`Cannot use \`${languages.join('|')}\` as a LibreTranslate pair, expected \`source|target\` (\`it|en\`)`)
  return async (text, timeout) => {
    const json = await post(endpoint, JSON.stringify({q: text, source: languages[0], target: languages[1], format: 'text', ...(apiKey ? {api_key: apiKey} : {})}), timeout)
    const translated = (json as {translatedText?: unknown}).translatedText
    if (typeof translated !== 'string') throw new RequestError(`unexpected answer from ${endpoint}: ${JSON.stringify(json).slice(0, 200)}`, false)
    return translated
  }
}

/** POST and read a JSON answer; classify failures as worth retrying or not. */
async function post(endpoint: string, body: URLSearchParams | string, timeout: number): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      body,
      headers: typeof body === 'string' ? {'content-type': 'application/json'} : {},
      signal: AbortSignal.timeout(timeout)
    })
  } catch (error) {
    const cause = (error as {cause?: {code?: string; message?: string}}).cause
    if ((error as Error).name === 'TimeoutError') throw new RequestError(`no answer within ${timeout} ms`, true)
    const code = cause?.code ?? (error as Error).message
    const down = code === 'ECONNREFUSED' ? ' (connection refused: is the server running?)' : ''
    throw new RequestError(`cannot connect: ${code}${down}`, true)
  }
  let text: string
  try {
    text = await response.text()
  } catch (error) {
    // The server went away while answering (killed, restarted): as a failed connection, worth a retry.
    throw new RequestError(`lost the connection while answering: ${(error as {cause?: {code?: string}}).cause?.code ?? (error as Error).message}`, true)
  }
  if (response.status === 429 || response.status >= 500) {
    const after = Number(response.headers.get('retry-after'))
    throw new RequestError(`answered ${response.status} ${response.statusText}: ${explanation(text)}`, true, Number.isFinite(after) && after > 0 ? Math.min(after, 60) * 1000 : undefined)
  }
  if (!response.ok) throw new RequestError(`refused the request (${response.status} ${response.statusText}: ${explanation(text)})`, false)
  try {
    return JSON.parse(text)
  } catch {
    throw new RequestError(`answered with something that is not JSON: ${text.slice(0, 200)}`, false)
  }
}

/** The server's own words about an error, from its JSON answer if it has one. */
function explanation(text: string): string {
  try {
    const json = JSON.parse(text) as {explanation?: string; message?: string; error?: string}
    return json.explanation ?? json.error ?? json.message ?? text.slice(0, 200)
  } catch {
    return text.slice(0, 200) || 'no message'
  }
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds))
}
