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
  return terms.map(termQuery).join(" & ");
}

/**
 * to_tsquery input for one term: a prefix, except for plain numbers and single characters, which
 * match exactly ("100" is not "1000"; article numbers are matched as prefixes separately). Their
 * prefixes would also make the index collect a large share of all products for one term.
 */
export function termQuery(term: string): string {
  return term.length === 1 || /^\p{N}+$/u.test(term) ? term : `${term}:*`;
}

/** Lower-cased, LIKE-escaped prefix pattern for article and part numbers. */
export function codePrefixPattern(input: string): string {
  return input.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`) + "%";
}

/** A PostgreSQL array literal of search terms (letters and digits only, see searchTerms). */
export function textArrayLiteral(words: string[]): string {
  return `{${words.map((w) => `"${w.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

/** Terms worth a look in the lexicon: three letters or more, no digits (sizes and numbers are exact). */
export function correctable(term: string): boolean {
  return term.length >= 3 && !/\p{N}/u.test(term);
}

/** Known words at least this similar (trigram similarity) to a term are considered for it… */
export const MIN_SIMILARITY = 0.3;
/** …but only those within this share of the best one, so "hamer" means "hammer", not also "boorhamer". */
export const RELATIVE_SIMILARITY = 0.75;

/** Of the lexicon's words near a term (most similar first), those a search adds for it. */
export function pickCorrections(term: string, similar: { word: string; sim: number }[]): string[] {
  const best = Math.max(0, ...similar.map((s) => s.sim));
  const floor = Math.max(MIN_SIMILARITY, best * RELATIVE_SIMILARITY);
  return similar.filter((s) => s.sim >= floor && s.word !== term).map((s) => s.word);
}

export const TS_CONFIGS = ["german", "english", "simple"] as const;
export type TsConfig = (typeof TS_CONFIGS)[number];

/** One way to match one term: its normalised tsquery text per configuration ("" for a stop word). */
export type TermAlternative = Record<TsConfig, string>;

/**
 * The search's tsquery as text: per configuration every term must match through one of its
 * alternatives (the term as a prefix, or a known word close to it); a product matches when it
 * matches in any configuration. Terms that are stop words in a configuration drop out of it, as
 * to_tsquery does. "" when nothing is left.
 */
export function composeTsQuery(terms: TermAlternative[][]): string {
  const perConfig: string[] = [];
  for (const config of TS_CONFIGS) {
    const parts: string[] = [];
    for (const alternatives of terms) {
      const options = [...new Set(alternatives.map((a) => a[config]).filter((q) => q !== ""))];
      if (options.length) parts.push(`( ${options.join(" | ")} )`);
    }
    if (parts.length) perConfig.push(`( ${parts.join(" & ")} )`);
  }
  return perConfig.join(" | ");
}

/** `'schraub':*` → "schraub" with its prefix flag; null for anything more complex. */
function simpleOperand(piece: string): { lexeme: string; prefix: boolean } | null {
  const m = /^'((?:[^']|'')+)'(:\*)?$/.exec(piece);
  return m ? { lexeme: m[1]!, prefix: Boolean(m[2]) } : null;
}

/**
 * The query that finds candidates, as text: every term must match one of its alternatives in any
 * configuration (lexemes pooled per term, those already covered by a shorter prefix left out), so
 * the index looks up each lexeme once instead of once per configuration. A term that is a stop word
 * in a configuration (German "und", English "with") is left out, as that configuration's query
 * would; if nothing else is left the stop words are searched for after all. "" when nothing is left.
 */
export function composeMatchQuery(terms: TermAlternative[][]): string {
  const groups = terms
    .filter((alternatives) => alternatives.length > 0)
    .map((alternatives) => ({
      stopWord: alternatives.some((a) => TS_CONFIGS.some((c) => a[c] === "")),
      pieces: [...new Set(alternatives.flatMap((a) => TS_CONFIGS.map((c) => a[c])).filter((q) => q !== ""))],
    }))
    .filter((g) => g.pieces.length > 0);
  const kept = groups.some((g) => !g.stopWord) ? groups.filter((g) => !g.stopWord) : groups;
  return kept
    .map(({ pieces }) => {
      const prefixes = pieces.map(simpleOperand).filter((o) => o?.prefix).map((o) => o!.lexeme);
      const needed = pieces.filter((piece) => {
        const o = simpleOperand(piece);
        return !o || !prefixes.some((p) => o.lexeme.startsWith(p) && (o.lexeme !== p || !o.prefix));
      });
      return needed.length === 1 ? needed[0]! : `( ${needed.join(" | ")} )`;
    })
    .join(" & ");
}
