/**
 * The XLIFF namespaces babele writes or recognizes, declared once. Takes:
 * nothing. Returns: namespace URIs, as the OASIS specifications name them
 * (XLIFF 1.2 §2.1; XLIFF 2.1 §2.2 and the module chapters of §5).
 */

/** XLIFF 2.0 and 2.1 core (2.1 kept the 2.0 namespace). */
export const core20 = 'urn:oasis:names:tc:xliff:document:2.0'
/** XLIFF 2.2 core. */
export const core22 = 'urn:oasis:names:tc:xliff:document:2.2'
/** XLIFF 1.2 core. */
export const core12 = 'urn:oasis:names:tc:xliff:document:1.2'
/** XLIFF 1.1 core (read by `fromXliff12`, never written). */
export const core11 = 'urn:oasis:names:tc:xliff:document:1.1'
/** Prefix shared by every XLIFF 2 core version, to recognize one a reader does not take. */
export const core2Prefix = 'urn:oasis:names:tc:xliff:document:2.'
/** Format Style module (`fs:`). */
export const formatStyle = 'urn:oasis:names:tc:xliff:fs:2.0'
/** Size and Length Restriction module (`slr:`). */
export const sizeRestriction = 'urn:oasis:names:tc:xliff:sizerestriction:2.0'
/** Glossary module (`gls:`). */
export const glossary = 'urn:oasis:names:tc:xliff:glossary:2.0'
/** Validation module (`val:`). */
export const validation = 'urn:oasis:names:tc:xliff:validation:2.0'
/** Translation Candidates module (`mtc:`). */
export const matches = 'urn:oasis:names:tc:xliff:matches:2.0'
/** Metadata module (`mda:`). */
export const metadata = 'urn:oasis:names:tc:xliff:metadata:2.0'
