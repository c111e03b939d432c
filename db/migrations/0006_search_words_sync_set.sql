-- The update branch compared every new row with every old row (NOT EXISTS over a transition table,
-- which has no index): quadratic in the rows one statement changes. A set difference is one pass.
-- Same meaning: the words of rows that are active now and were not, unchanged, active before.
CREATE OR REPLACE FUNCTION "products_search_words_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO search_words (word)
      SELECT DISTINCT w FROM new_products p, search_words_of(p.name || ' ' || p.manufacturer || ' ' || p.description) w
      WHERE p.active
      ON CONFLICT (word) DO NOTHING;
  ELSE
    INSERT INTO search_words (word)
      SELECT DISTINCT w
      FROM (
        SELECT id, name, manufacturer, description FROM new_products WHERE active
        EXCEPT
        SELECT id, name, manufacturer, description FROM old_products WHERE active
      ) p, search_words_of(p.name || ' ' || p.manufacturer || ' ' || p.description) w
      ON CONFLICT (word) DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
