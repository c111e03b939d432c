CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP INDEX "products_category_name_idx";--> statement-breakpoint
DROP INDEX "products_category_price_idx";--> statement-breakpoint
DROP INDEX "products_name_trgm_idx";--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "name_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', coalesce("products"."name", '') || ' ' || coalesce("products"."manufacturer", '')) || to_tsvector('german', coalesce("products"."name", '')) || to_tsvector('english', coalesce("products"."name", ''))) STORED;--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "products_category_name_id_idx" ON "products" USING btree ("category_id","name","id") WHERE "products"."active";--> statement-breakpoint
CREATE INDEX "products_category_price_id_idx" ON "products" USING btree ("category_id","list_price","id") WHERE "products"."active";--> statement-breakpoint
CREATE INDEX "products_category_mfr_name_id_idx" ON "products" USING btree ("category_id","manufacturer","name","id") WHERE "products"."active";--> statement-breakpoint
CREATE INDEX "products_category_mfr_price_id_idx" ON "products" USING btree ("category_id","manufacturer","list_price","id") WHERE "products"."active";--> statement-breakpoint
CREATE INDEX "products_name_search_idx" ON "products" USING gin ("name_vector");--> statement-breakpoint
-- The search lexicon (search_words): which words of a product count. One definition, used by the
-- trigger below and by lib/catalog/search-words.ts: the unstemmed words of name, manufacturer and
-- description, letters only, 3 to 40 characters (numbers and sizes are never typo-corrected).
CREATE FUNCTION "search_words_of"(doc text) RETURNS SETOF text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT lexeme FROM unnest(to_tsvector('simple', doc))
  WHERE length(lexeme) BETWEEN 3 AND 40 AND lexeme !~ '[[:digit:][:punct:][:space:]]'
$$;--> statement-breakpoint
-- Keeps the lexicon in step with whatever writes products: once per statement, from its transition
-- table. Words of deleted or renamed products stay until the next rebuild; they only cost a
-- suggestion that finds nothing.
CREATE FUNCTION "products_search_words_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO search_words (word)
      SELECT DISTINCT w FROM new_products p, search_words_of(p.name || ' ' || p.manufacturer || ' ' || p.description) w
      WHERE p.active
      ON CONFLICT (word) DO NOTHING;
  ELSE
    INSERT INTO search_words (word)
      SELECT DISTINCT w FROM new_products p, search_words_of(p.name || ' ' || p.manufacturer || ' ' || p.description) w
      WHERE p.active AND NOT EXISTS (
        SELECT 1 FROM old_products o
        WHERE o.id = p.id AND o.active AND o.name = p.name AND o.manufacturer = p.manufacturer AND o.description = p.description
      )
      ON CONFLICT (word) DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "products_search_words_insert" AFTER INSERT ON "products"
  REFERENCING NEW TABLE AS new_products FOR EACH STATEMENT EXECUTE FUNCTION "products_search_words_sync"();--> statement-breakpoint
CREATE TRIGGER "products_search_words_update" AFTER UPDATE ON "products"
  REFERENCING OLD TABLE AS old_products NEW TABLE AS new_products FOR EACH STATEMENT EXECUTE FUNCTION "products_search_words_sync"();--> statement-breakpoint
INSERT INTO "search_words" ("word")
  SELECT DISTINCT w FROM "products" p, search_words_of(p.name || ' ' || p.manufacturer || ' ' || p.description) w
  WHERE p.active
  ON CONFLICT ("word") DO NOTHING;
