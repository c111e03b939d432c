import "server-only";
import { sql } from "drizzle-orm";
import { searchWords } from "@/db/schema";
import { getDb, type Db, type Tx } from "@/lib/db/client";

// The search lexicon (search_words) is written by a statement-level trigger on products (migration
// 0003_search_flat): every insert or update adds the words of the products it touched, so nothing
// that writes products has to remember it. Words only leave with a rebuild: after deleting or
// renaming products in bulk, a back office calls rebuildSearchWords(). A stale word is harmless
// meanwhile; at worst a mistyped search is also tried with a word that finds nothing.

/**
 * Replaces the lexicon with the words of the active products (search_words_of() in the database
 * decides what a word is). Reads every product: for a back office job, not for a request.
 * Returns the number of words.
 */
export async function rebuildSearchWords(db?: Db | Tx): Promise<number> {
  const run = async (tx: Tx) => {
    // Writers of products wait meanwhile, so no word added by the trigger is lost in the swap.
    await tx.execute(sql`lock table ${searchWords} in share row exclusive mode`);
    await tx.delete(searchWords);
    await tx.execute(sql`insert into ${searchWords} (word)
      select distinct w from products p, search_words_of(p.name || ' ' || p.manufacturer || ' ' || p.description) w
      where p.active
      on conflict (word) do nothing`);
    const [row] = await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(searchWords);
    return row?.n ?? 0;
  };
  return (db ?? (await getDb())).transaction(run);
}
