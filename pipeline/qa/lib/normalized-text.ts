/**
 * A translation's texts as rules compare them. Takes: a QA context.
 * Returns: its source or target plain text normalized as store keys are
 * (`normalizeValue`: NFC, runs of spaces one space, trimmed), as shared
 * analyses, so the rules that compare texts (`untranslated`, the
 * `inconsistent-*` rules) normalize each once.
 */
import {normalizeValue} from '../../units/index.ts'
import type {QaContext} from './rule.ts'

/** Shared analysis: the source's plain text, normalized. */
export function normalizedSource(context: QaContext): string {
  return normalizeValue(context.source.text)
}

/** Shared analysis: the target's plain text, normalized. */
export function normalizedTarget(context: QaContext): string {
  return normalizeValue(context.target.text)
}
