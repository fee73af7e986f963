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
    # 4: how many units hold each key, exactly. Step 3 read a query's rarest keys within a
    # budget of 3,000 index entries, by the statistics' frequencies: a key below their cut was
    # guessed (off by up to 10x), and the rarest keys of a query are mostly where it was edited
    # (a changed number makes 4-grams few units hold), which the best match does not hold
    # either; at 1M units a lookup ranked 1,250-2,100 rows on average, ~3 us each. With exact
    # counts a lookup takes six disjoint long n-grams, rarest first, and reads the units holding
    # all of them but one (an edit kills at most one of them in the best match; the GIN index
    # intersects them itself), plus the rarest keys within 100 entries: 55 rows on average on
    # bench.team's real-news set, 260 on its synthetic one (median 64), same best matches.
    # Writers never touch the counts: each change to a unit's source appends a row to
    # tm_key_changes (no row two desks share, so no waits and no deadlocks), and
    # tm_fold_key_counts(), called by a desk after it writes, folds them in under a lock it only
    # tries (one folder at a time; a change committed meanwhile waits for the next fold).
    """
    LOCK TABLE tm_units IN SHARE MODE;  -- no unit changes between the count and the triggers
    CREATE TABLE tm_key_counts (
      long boolean NOT NULL,  -- a long n-gram (tm_long_grams) or an n-gram (tm_grams)
      key int NOT NULL,
      units int NOT NULL,
      PRIMARY KEY (long, key) INCLUDE (units)
    );
    CREATE TABLE tm_key_changes (
      source_norm text NOT NULL,
      source_lang text NOT NULL,
      units smallint NOT NULL  -- +1: a unit has this source now; -1: no longer
    );
    CREATE FUNCTION tm_note_key_change() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN
      IF TG_OP <> 'INSERT' THEN
        INSERT INTO tm_key_changes VALUES (OLD.source_norm, OLD.source_lang, -1);
      END IF;
      IF TG_OP <> 'DELETE' THEN
        INSERT INTO tm_key_changes VALUES (NEW.source_norm, NEW.source_lang, 1);
      END IF;
      RETURN NULL;
    END $f$;
    CREATE TRIGGER tm_key_change AFTER INSERT OR DELETE ON tm_units
      FOR EACH ROW EXECUTE FUNCTION tm_note_key_change();
    CREATE TRIGGER tm_key_edit AFTER UPDATE OF source_norm, source_lang ON tm_units FOR EACH ROW
      WHEN (OLD.source_norm IS DISTINCT FROM NEW.source_norm
            OR OLD.source_lang IS DISTINCT FROM NEW.source_lang)
      EXECUTE FUNCTION tm_note_key_change();
    CREATE FUNCTION tm_fold_key_counts() RETURNS void LANGUAGE plpgsql AS $f$
    BEGIN
      IF NOT pg_try_advisory_xact_lock(hashtext('tm_key_counts')) THEN
        RETURN;  -- another desk is folding; what it does not see waits for the next fold
      END IF;
      WITH changed AS (DELETE FROM tm_key_changes RETURNING *),
      keys AS (
        SELECT false AS long, k AS key, sum(units) AS units
        FROM changed, unnest(tm_grams(source_norm, source_lang)) k GROUP BY k
        UNION ALL
        SELECT true, k, sum(units)
        FROM changed, unnest(tm_long_grams(source_norm, source_lang)) k GROUP BY k)
      INSERT INTO tm_key_counts AS c (long, key, units)
      SELECT long, key, units FROM keys WHERE units <> 0 ORDER BY long, key
      ON CONFLICT (long, key) DO UPDATE SET units = c.units + excluded.units;
    END $f$;
    -- Counted from scratch: here and where bench.team loads a memory with COPY.
    CREATE FUNCTION tm_count_keys() RETURNS void LANGUAGE sql AS $f$
      DELETE FROM tm_key_changes;
      DELETE FROM tm_key_counts;
      INSERT INTO tm_key_counts (long, key, units)
      SELECT false, k, count(*) FROM tm_units, unnest(grams) k GROUP BY k;
      INSERT INTO tm_key_counts (long, key, units)
      SELECT true, k, count(*) FROM tm_units, unnest(tm_long_grams(source_norm, source_lang)) k
      GROUP BY k;
    $f$;
    SET LOCAL work_mem = '256MB';
    SELECT tm_count_keys();
    -- A query's keys in the order they occur (n-grams, long n-grams) and how many units hold each.
    CREATE FUNCTION tm_query_keys(norm text, lang text)
    RETURNS TABLE (grams int[], gram_units int[], long_grams int[], long_units int[])
    LANGUAGE sql STABLE AS $f$
      WITH s AS (SELECT ' ' || norm || ' ' AS p,
                        CASE WHEN lang = 'ko' OR lang LIKE 'zh%' THEN 2 ELSE 3 END AS n),
      k AS (SELECT false AS long, i, hashtext(substr(p, i, n)) AS key
            FROM s, generate_series(1, length(p) - n + 1) i
            UNION ALL
            SELECT true, i, hashtext(substr(p, i, 2 * n))
            FROM s, generate_series(1, greatest(length(p) - 2 * n + 1, 1)) i)
      SELECT array_agg(k.key ORDER BY k.i) FILTER (WHERE NOT k.long),
             array_agg(coalesce(c.units, 0) ORDER BY k.i) FILTER (WHERE NOT k.long),
             array_agg(k.key ORDER BY k.i) FILTER (WHERE k.long),
             array_agg(coalesce(c.units, 0) ORDER BY k.i) FILTER (WHERE k.long)
      FROM k LEFT JOIN tm_key_counts c ON c.long = k.long AND c.key = k.key
    $f$;
    GRANT SELECT, INSERT, UPDATE ON tm_key_counts TO hanbit_translator;
    GRANT SELECT, INSERT, DELETE ON tm_key_changes TO hanbit_translator;
    """,
)
