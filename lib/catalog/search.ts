import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { products } from "@/db/schema";
import { getDb } from "@/lib/db/client";
import { summaryColumns } from "./columns";
import { codePrefixPattern, prefixTsQuery, searchTerms } from "./search-query";
import type { ProductSummary } from "./types";

/**
 * Full-text search (German, English and unstemmed words) over name, description and manufacturer;
 * exact and prefix matches on article and manufacturer part number rank first; trigram word
 * similarity catches typos. Every branch of the OR is served by an index (GIN tsvector, GIN
 * trigram, btree text_pattern_ops), so the database combines them with a bitmap OR.
 */
export async function searchProducts(
  input: string,
  page: number,
  pageSize: number,
): Promise<{ items: ProductSummary[]; total: number }> {
  const terms = searchTerms(input);
  if (terms.length === 0) return { items: [], total: 0 };
  const db = await getDb();
  const tsq = prefixTsQuery(terms);
  const phrase = terms.join(" ");
  const code = input.trim().toLowerCase();
  const pattern = codePrefixPattern(input);
  const tsquery = sql`(to_tsquery('german', ${tsq}) || to_tsquery('english', ${tsq}) || to_tsquery('simple', ${tsq}))`;
  const codeMatch = sql`(lower(${products.sku}) like ${pattern} or lower(${products.manufacturerPartNumber}) like ${pattern})`;
  const typoMatch = sql`${phrase} <% lower(${products.name})`;
  const rows = await db
    .select({
      ...summaryColumns,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(products)
    .where(and(eq(products.active, true), sql`(${products.searchVector} @@ ${tsquery} or ${codeMatch} or ${typoMatch})`))
    .orderBy(
      sql`case when lower(${products.sku}) = ${code} or lower(${products.manufacturerPartNumber}) = ${code} then 0 when ${codeMatch} then 1 when ${products.searchVector} @@ ${tsquery} then 2 else 3 end`,
      sql`ts_rank(${products.searchVector}, ${tsquery}) desc`,
      sql`word_similarity(${phrase}, lower(${products.name})) desc`,
      products.name,
      products.id,
    )
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: rows.map(({ total: _t, ...p }) => p), total: rows[0]?.total ?? 0 };
}
