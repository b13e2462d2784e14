/**
 * Small pieces of markup both report pages use. Takes: counts, messages,
 * severities. Returns: strings and hast nodes (text stays text: the
 * serializer escapes it).
 */
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import type {Severity} from '../../types.ts'

/**
 * @param count A count.
 * @param word A noun whose plural adds `s`.
 * @returns `1 occurrence`, `3 occurrences`.
 */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/**
 * @param text A diagnostic's message.
 * @returns Its text, the backquoted parts (`` `AUKUS` ``) as `<code>`.
 */
export function messageText(text: string): ElementContent[] {
  return text.split(/`([^`]+)`/).map((part, index) => (index % 2 === 1 ? h('code', part) : {type: 'text' as const, value: part}))
}

/**
 * @param severity A severity.
 * @returns A badge naming it, colored by it.
 */
export function severityBadge(severity: Severity): ElementContent {
  return h('span.badge', {className: [severity]}, severity)
}
