/**
 * Turns what a shopper typed into safe search terms: words of letters and digits only (so no
 * tsquery syntax can be injected), each matched as a prefix.
 */
export function searchTerms(input: string): string[] {
  return input
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8)
    .map((w) => w.slice(0, 40));
}

/** `schraub:* & m8:*` — every word must match, each as a prefix. */
export function prefixTsQuery(terms: string[]): string {
  return terms.map((t) => `${t}:*`).join(" & ");
}

/** Lower-cased, LIKE-escaped prefix pattern for article and part numbers. */
export function codePrefixPattern(input: string): string {
  return input.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`) + "%";
}
