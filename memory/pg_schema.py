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
)
