/**
 * Open pages in Debian's headless Chromium through playwright-core (which
 * never downloads a browser). Takes: a function of a fresh page. Returns:
 * what it returns, after closing the browser and deleting its profile.
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {chromium, type Page} from 'playwright-core'
import {chromiumPath} from './tools.ts'

/**
 * Flags: headless, no sandbox (root in CI containers), no GPU, and nothing
 * that talks to the network or updates itself in the background.
 */
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync', '--disable-quic']

/**
 * Run `use` on a new page of a fresh Chromium profile (its own
 * `--user-data-dir`), 1280 × 900, light color scheme.
 */
export async function withPage<Result>(use: (page: Page) => Promise<Result>): Promise<Result> {
  const profile = mkdtempSync(join(tmpdir(), 'babele-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {executablePath: chromiumPath, headless: true, args, viewport: {width: 1280, height: 900}, colorScheme: 'light'})
  try {
    return await use(context.pages()[0] ?? (await context.newPage()))
  } finally {
    await context.close()
    rmSync(profile, {recursive: true, force: true})
  }
}
