-- PostgreSQL only, after read-tables.sql: a trigram index so a search by part of a name ("晓梅", "xiaomei") does not
-- read every row. pg_trgm ships with PostgreSQL (contrib) and is a trusted extension, so the database's owner may
-- create it; where it cannot be created the search still answers, by reading the campaign's rows.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm is not available (%): searching by name reads every row of a campaign', SQLERRM;
END
$$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX IF NOT EXISTS nominations_search ON nominations USING gin (search_name gin_trgm_ops);
    END IF;
END
$$;

-- Names searched by one or two characters: their grams, in an array a GIN index answers (NominationQueries).
CREATE INDEX IF NOT EXISTS nominations_search_grams ON nominations USING gin (string_to_array(search_grams, ' '));
