import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { products } from "@/db/schema";
import { getDb, type Db } from "@/lib/db/client";
import { summaryColumns } from "./columns";
import {
  codePrefixPattern,
  composeMatchQuery,
  composeTsQuery,
  correctable,
  MIN_SIMILARITY,
  pickCorrections,
  searchTerms,
  termQuery,
  textArrayLiteral,
  type TermAlternative,
} from "./search-query";
import type { ProductSummary } from "./types";

/**
 * How many products one search counts and ranks at most. Each way of finding a product (full text
 * over the name, full text over everything, article number prefix, part number prefix) reads at
 * most this many (plus one, to tell whether there were more) from its index, so the work per search
 * stops growing with the catalogue. Results past it are not shown; the count then says "more than
 * SEARCH_CANDIDATES" (totalIsCapped).
 */
export const SEARCH_CANDIDATES = 1000;
/** How many known words the lexicon suggests per mistyped term, at most. */
const CORRECTIONS_PER_TERM = 5;

export type SearchResult = {
  items: ProductSummary[];
  /** Matching products, counted up to SEARCH_CANDIDATES. */
  total: number;
  /** True when more than `total` products match (show "1000+"). */
  totalIsCapped: boolean;
};

const EMPTY: SearchResult = { items: [], total: 0, totalIsCapped: false };

/**
 * For each term: its own prefix query and the few known words (search_words) close to it, each
 * normalised by PostgreSQL per text search configuration. One statement; the lexicon is small and
 * trigram-indexed, so this does not depend on the number of products.
 */
async function termAlternatives(db: Db, terms: string[]) {
  const rows = await db
    .select({
      i: sql<number>`a.i`.mapWith(Number),
      own: sql<boolean>`a.own`,
      word: sql<string>`a.word`,
      sim: sql<number>`a.sim`.mapWith(Number),
      german: sql<string>`a.german`,
      english: sql<string>`a.english`,
      simple: sql<string>`a.simple`,
    })
    .from(
      sql`(
        select t.i, true as own, t.term as word, 1::float8 as sim,
          to_tsquery('german', t.q)::text as german,
          to_tsquery('english', t.q)::text as english,
          to_tsquery('simple', t.q)::text as simple
        from unnest(${textArrayLiteral(terms)}::text[], ${textArrayLiteral(terms.map(termQuery))}::text[]) with ordinality as t(term, q, i)
        union all
        select t.i, false, w.word, w.sim,
          to_tsquery('german', '''' || w.word || ''':*')::text,
          to_tsquery('english', '''' || w.word || ''':*')::text,
          to_tsquery('simple', '''' || w.word || ''':*')::text
        from unnest(${textArrayLiteral(terms)}::text[]) with ordinality as t(term, i)
        cross join lateral (
          select s.word, similarity(s.word, t.term)::float8 as sim
          from search_words s
          where t.term = any(${textArrayLiteral(terms.filter(correctable))}::text[])
            and s.word % t.term and similarity(s.word, t.term) >= ${MIN_SIMILARITY}
          order by 2 desc, 1
          limit ${CORRECTIONS_PER_TERM}
        ) w
      ) as a`,
    );
  const original: TermAlternative[][] = [];
  const corrected: TermAlternative[][] = [];
  const spellings: string[][] = [];
  terms.forEach((term, index) => {
    const mine = rows.filter((r) => r.i === index + 1);
    const own = mine.filter((r) => r.own);
    const similar = mine.filter((r) => !r.own);
    // A word the catalogue knows is taken as typed; only unknown words are corrected.
    const picked = new Set(similar.some((s) => s.word === term) ? [] : pickCorrections(term, similar));
    original.push(own);
    corrected.push([...own, ...similar.filter((s) => picked.has(s.word))]);
    spellings.push([term, ...picked]);
  });
  return {
    // To find candidates and to tell "as typed" from "corrected": pooled per term (see composeMatchQuery).
    match: { original: composeMatchQuery(original), all: composeMatchQuery(corrected) },
    // To rank: one query per configuration, ORed, as ts_rank has always seen it.
    rank: { original: composeTsQuery(original), all: composeTsQuery(corrected) },
    spellings,
  };
}

/**
 * The bounded candidate set, as a subquery of (id, sku, mpn, name, search_vector, src): every source
 * is served by an index and stops after SEARCH_CANDIDATES + 1 rows. `src` says where a product was
 * found first: 0 article or part number, 1 its name, 2 anywhere.
 */
function candidates(tsq: string, pattern: string): SQL {
  const limit = SEARCH_CANDIDATES + 1;
  const cols = (src: number) => sql.raw(`p.id, p.sku, p.manufacturer_part_number as mpn, p.name, p.search_vector, ${src} as src`);
  // The query goes in as a sub-select, not as a constant: with a constant the planner estimates how
  // many rows match and, for a common word, reads the table from the start until the LIMIT is
  // reached (a sequential scan that is slow when the matches are not spread evenly). Without an
  // estimate it always takes the GIN index, which costs the same for rare and common words.
  // The description source runs only while the name matches leave room: when there are more than
  // SEARCH_CANDIDATES of them, the ranked set is full of name matches and the count is capped anyway.
  if (!tsq) {
    return sql`select distinct on (c.id) c.* from (
        (select ${cols(0)} from products p where p.active and lower(p.sku) like ${pattern} limit ${limit})
        union all
        (select ${cols(0)} from products p where p.active and lower(p.manufacturer_part_number) like ${pattern} limit ${limit})
      ) c order by c.id, c.src`;
  }
  return sql`with names as (
        select ${cols(1)} from products p where p.active and p.name_vector @@ (select ${tsq}::tsquery) limit ${limit}
      )
      select distinct on (c.id) c.* from (
        (select * from names)
        union all
        (select ${cols(2)} from products p
          where p.active and p.search_vector @@ (select ${tsq}::tsquery) and (select count(*) from names) <= ${SEARCH_CANDIDATES}
          limit ${limit})
        union all
        (select ${cols(0)} from products p where p.active and lower(p.sku) like ${pattern} limit ${limit})
        union all
        (select ${cols(0)} from products p where p.active and lower(p.manufacturer_part_number) like ${pattern} limit ${limit})
      ) c order by c.id, c.src`;
}

/**
 * Full-text search (German, English and unstemmed words) over name, description and manufacturer;
 * exact and prefix matches on article and manufacturer part number rank first, then products that
 * match the words as typed (by ts_rank), then products found only through a correction: a mistyped
 * word is replaced by the closest known words from the lexicon (search_words, trigram-indexed).
 * At most SEARCH_CANDIDATES products are ranked; see SearchResult for the count.
 */
export async function searchProducts(input: string, page: number, pageSize: number): Promise<SearchResult> {
  const terms = searchTerms(input);
  if (terms.length === 0) return EMPTY;
  const db = await getDb();
  const { match, rank: rankQuery, spellings } = await termAlternatives(db, terms);
  const code = input.trim().toLowerCase();
  const pattern = codePrefixPattern(input);
  const offset = (page - 1) * pageSize;
  const end = Math.min(offset + pageSize, SEARCH_CANDIDATES);
  const cand = candidates(match.all, pattern);
  const count = async () => {
    const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(sql`(${cand}) as cand`);
    return row?.n ?? 0;
  };
  const result = (n: number, items: ProductSummary[]): SearchResult => ({
    items,
    total: Math.min(n, SEARCH_CANDIDATES),
    totalIsCapped: n > SEARCH_CANDIDATES,
  });
  if (offset >= end) return result(await count(), []);

  // Exact article or part number, then their prefixes (in article number order), then products
  // matching the words as typed, then those found only through a correction; within the last two by
  // ts_rank against the query that found them. Without corrections every full-text candidate
  // matches the words as typed, so that is not tested.
  const asTyped =
    match.all === match.original ? sql`else 2` : match.original ? sql`when c.search_vector @@ ${match.original}::tsquery then 2 else 3` : sql`else 3`;
  const tier = sql`case
      when lower(c.sku) = ${code} or lower(c.mpn) = ${code} then 0
      when lower(c.sku) like ${pattern} or lower(c.mpn) like ${pattern} then 1
      ${asTyped} end`;
  const rank = rankQuery.all
    ? sql`case c.tier
        when 2 then ts_rank(c.search_vector, ${rankQuery.original || rankQuery.all}::tsquery)
        when 3 then ts_rank(c.search_vector, ${rankQuery.all}::tsquery)
        else 0 end`
    : sql`0`;
  // Ties in rank go to names that contain more of the words, also inside compounds ("kabel" in
  // "Installationskabel"), which the full-text rank does not see: a cheap substring test.
  const inName = sql.join(
    spellings.map((words) => sql`(${sql.join(words.map((w) => sql`strpos(lower(c.name), ${w}) > 0`), sql` or `)})::int`),
    sql` + `,
  );
  // All candidates are counted; at most SEARCH_CANDIDATES + 1 are ranked, article and part numbers
  // first, then name matches (which full-text rank puts above matches in the description only), the
  // same ones for every page.
  const ranked = sql`(
      with cand as (${cand}),
      best as (select * from cand order by src, id limit ${SEARCH_CANDIDATES + 1})
      select c.id,
        row_number() over (order by c.tier, case when c.tier <= 1 then lower(c.sku) end, ${rank} desc, ${inName} desc, c.name, c.id) as ord,
        (select count(*) from cand) as total
      from (select c.*, ${tier} as tier from best as c) as c
    ) as r`;
  const rows = await db
    .select({ ...summaryColumns, total: sql<number>`r.total`.mapWith(Number) })
    .from(products)
    .innerJoin(sql`(select * from ${ranked} where r.ord > ${offset} and r.ord <= ${end}) as r`, sql`r.id = ${products.id}`)
    .orderBy(sql`r.ord`);
  if (rows.length === 0) return result(page > 1 ? await count() : 0, []);
  return result(rows[0]!.total, rows.map(({ total: _t, ...p }) => p));
}
