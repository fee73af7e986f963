"""The team memory's tables and notifications on PostgreSQL, as versioned steps."""

from __future__ import annotations

# One entry per schema version; never edit a released step, append a new one.
MIGRATIONS = (
    """
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hanbit_translator') THEN
        CREATE ROLE hanbit_translator NOLOGIN;
      END IF;
    END $$;
    CREATE TABLE tm_units (
      id bigserial PRIMARY KEY,
      source_lang text NOT NULL,
      target_lang text NOT NULL,
      source text NOT NULL,
      target text NOT NULL,
      source_norm text NOT NULL,
      source_hash text NOT NULL,
      created_at text NOT NULL,
      updated_at text NOT NULL,
      origin text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'draft')),
      usage int NOT NULL DEFAULT 0,
      updated_by text NOT NULL DEFAULT session_user,
      UNIQUE (source_lang, target_lang, source_hash)
    );
    -- Fuzzy candidates come from the trigram index, not from an index each desk builds.
    -- siglen 256 bytes, not the default 12: a sentence holds 50-150 trigrams, which saturate a
    -- 96-bit signature, and the KNN scan then reads most of the index (700 ms at 1M units).
    CREATE INDEX tm_units_trgm ON tm_units USING gist (source_norm gist_trgm_ops(siglen = 256));
    -- Fresh statistics keep the planner on the trigram index (KNN) as the memory grows.
    ALTER TABLE tm_units SET (autovacuum_analyze_scale_factor = 0.02);
    CREATE TABLE tm_history (
      id bigserial PRIMARY KEY,
      unit_id bigint NOT NULL REFERENCES tm_units (id) ON DELETE CASCADE,
      target text NOT NULL,
      origin text NOT NULL,
      replaced_at text NOT NULL,
      replaced_by text NOT NULL DEFAULT session_user
    );
    CREATE INDEX tm_history_unit ON tm_history (unit_id);
    CREATE FUNCTION tm_stamp() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN NEW.updated_by := session_user; RETURN NEW; END $f$;
    CREATE TRIGGER tm_stamp BEFORE INSERT OR UPDATE ON tm_units
      FOR EACH ROW EXECUTE FUNCTION tm_stamp();
    CREATE FUNCTION tm_notify() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN
      PERFORM pg_notify('hanbit_memory', json_build_object('unit',
        CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END, 'op', lower(TG_OP),
        'by', session_user)::text);
      RETURN NULL;
    END $f$;
    CREATE TRIGGER tm_notify AFTER INSERT OR UPDATE OR DELETE ON tm_units
      FOR EACH ROW EXECUTE FUNCTION tm_notify();
    GRANT SELECT, INSERT, UPDATE, DELETE ON tm_units, tm_history TO hanbit_translator;
    GRANT USAGE ON SEQUENCE tm_units_id_seq, tm_history_id_seq TO hanbit_translator;
    """,
    # 2: fuzzy candidates as the SQLite memory picks them. pg_trgm splits text into words of
    # letters the database's locale knows (none of hangul under the C locale) and ranks by
    # trigram distance, which is not the Levenshtein ratio the desk scores with: 700 ms and
    # the best match missed half the time at 1M units. Instead each unit carries the hashes of
    # its character n-grams (bigrams for Korean and Chinese, trigrams otherwise, as
    # memory/text.py), under a GIN index; a lookup reads the units sharing the query's rarest
    # n-grams and ranks them by shared n-grams (Dice), as the desk's in-memory index does.
    # TMX metadata (unit_meta in the SQLite file) comes along, so a move loses nothing.
    """
    CREATE EXTENSION IF NOT EXISTS intarray;
    CREATE FUNCTION tm_grams(norm text, lang text) RETURNS int[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
      SELECT coalesce(array_agg(DISTINCT hashtext(substr(p, i, n))), '{}')
      FROM (SELECT ' ' || norm || ' ' AS p,
                   CASE WHEN lang = 'ko' OR lang LIKE 'zh%' THEN 2 ELSE 3 END AS n) s,
           generate_series(1, length(p) - n + 1) AS i
    $f$;
    ALTER TABLE tm_units ADD COLUMN grams int[];
    -- Filling the column is no edit: who changed a unit last stays, and no desk is notified.
    ALTER TABLE tm_units DISABLE TRIGGER tm_stamp, DISABLE TRIGGER tm_notify;
    UPDATE tm_units SET grams = tm_grams(source_norm, source_lang);
    ALTER TABLE tm_units ENABLE TRIGGER tm_stamp, ENABLE TRIGGER tm_notify;
    ALTER TABLE tm_units ALTER COLUMN grams SET NOT NULL;
    -- Enough most-common-element statistics that a lookup can tell common n-grams from rare.
    ALTER TABLE tm_units ALTER COLUMN grams SET STATISTICS 1000;
    -- fastupdate off: new units go straight into the index, not into a pending list that
    -- every lookup would scan whole (and that makes the planner fall back to a full scan).
    CREATE INDEX tm_units_grams ON tm_units USING gin (grams gin__int_ops)
      WITH (fastupdate = off);
    DROP INDEX tm_units_trgm;
    CREATE OR REPLACE FUNCTION tm_stamp() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN
      NEW.updated_by := session_user;
      IF TG_OP = 'INSERT' OR NEW.source_norm IS DISTINCT FROM OLD.source_norm THEN
        NEW.grams := tm_grams(NEW.source_norm, NEW.source_lang);
      END IF;
      RETURN NEW;
    END $f$;
    CREATE TABLE tm_unit_meta (
      unit_id bigint PRIMARY KEY REFERENCES tm_units (id) ON DELETE CASCADE,
      data text NOT NULL
    );
    GRANT SELECT, INSERT, UPDATE, DELETE ON tm_unit_meta TO hanbit_translator;
    """,
    # 3: rarer keys to pick candidates by. When every n-gram of a query is common (a memory of
    # one article's sentences varied, 1M units: even the rarest bigram is in 6,000-28,000
    # units), reading the units of the rarest ones costs 73 ms and misses the best match 14 %
    # of the time. The n-grams twice as long (4 for Korean and Chinese, 6 otherwise) are
    # indexed too: a number, a name, a rare word are in few units, and one edit destroys only
    # a few of them. An expression index, not a column: the rows stay as narrow as they were
    # (a lookup reads a few thousand of them), nothing is rewritten on the way up, and the
    # index follows every edit by itself. A lookup picks the rarest keys of both kinds within
    # its budget; the ranking (Dice over the n-grams) and the scoring stay the SQLite memory's.
    """
    CREATE FUNCTION tm_long_grams(norm text, lang text) RETURNS int[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
      SELECT coalesce(array_agg(DISTINCT hashtext(substr(p, i, n))), '{}')
      FROM (SELECT ' ' || norm || ' ' AS p,
                   CASE WHEN lang = 'ko' OR lang LIKE 'zh%' THEN 4 ELSE 6 END AS n) s,
           generate_series(1, greatest(length(p) - n + 1, 1)) AS i
    $f$;
    SET LOCAL maintenance_work_mem = '256MB';
    CREATE INDEX tm_units_long_grams ON tm_units
      USING gin ((tm_long_grams(source_norm, source_lang)) gin__int_ops) WITH (fastupdate = off);
    -- As for the n-grams: enough most-common-element statistics to tell common keys from rare.
    ALTER INDEX tm_units_long_grams ALTER COLUMN 1 SET STATISTICS 1000;
    ANALYZE tm_units;
    """,
)
