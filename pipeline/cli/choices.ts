/**
 * The values of the command line's choice options, written once. Takes:
 * nothing. Returns: the output formats (`--format`) and the XLIFF versions
 * (`--xliff-version`), which commander offers (`program.ts`) and the run
 * cache's own argument reader accepts (`replay-args.ts`, loaded before
 * commander on a hit, so this module imports nothing).
 */

/** The output formats of every command that reports diagnostics (`--format`). */
export const formats = ['text', 'json', 'sarif', 'github'] as const

/** An output format. */
export type Format = (typeof formats)[number]

/** The XLIFF versions `--xliff-version` offers. */
export const xliffVersions = ['2.1', '1.2'] as const
