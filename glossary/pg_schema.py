"""The team termbase's tables, rights and notifications on PostgreSQL, as versioned steps."""

from __future__ import annotations

CHANNEL = "hanbit_termbase"
TRANSLATOR_ROLE = "hanbit_translator"  # may read, add and edit proposed concepts
TERMINOLOGIST_ROLE = "hanbit_terminologist"  # may also approve concepts and forbid forms

# One entry per schema version; never edit a released step, append a new one.
MIGRATIONS = (
    f"""
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{TRANSLATOR_ROLE}') THEN
        CREATE ROLE {TRANSLATOR_ROLE} NOLOGIN;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{TERMINOLOGIST_ROLE}') THEN
        CREATE ROLE {TERMINOLOGIST_ROLE} NOLOGIN IN ROLE {TRANSLATOR_ROLE};
      END IF;
    END $$;
    CREATE TABLE tb_meta (key text PRIMARY KEY, value text NOT NULL);
    INSERT INTO tb_meta VALUES ('format', 'hanbit-termbase'), ('revision', '0');
    CREATE TABLE tb_concepts (
      id bigserial PRIMARY KEY,
      domain text NOT NULL DEFAULT '',
      note text NOT NULL DEFAULT '',
      status text NOT NULL CHECK (status IN ('approved', 'proposed')),
      origin text NOT NULL DEFAULT '',
      created_at text NOT NULL,
      updated_at text NOT NULL,
      updated_by text NOT NULL DEFAULT session_user,
      search_text text NOT NULL DEFAULT ''
    );
    CREATE INDEX tb_concepts_origin ON tb_concepts (origin);
    CREATE INDEX tb_concepts_trgm ON tb_concepts USING gin (search_text gin_trgm_ops);
    CREATE TABLE tb_terms (
      id bigserial PRIMARY KEY,
      concept_id bigint NOT NULL REFERENCES tb_concepts (id) ON DELETE CASCADE,
      position int NOT NULL,
      lang text NOT NULL,
      text text NOT NULL,
      key text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('preferred', 'variant', 'forbidden')),
      note text NOT NULL DEFAULT ''
    );
    CREATE INDEX tb_terms_lang_key ON tb_terms (lang, key);
    CREATE INDEX tb_terms_concept ON tb_terms (concept_id);
    CREATE TABLE tb_curated (origin text PRIMARY KEY, applied_hash text NOT NULL,
                             deleted int NOT NULL DEFAULT 0);

    -- Rights live here, not in the window: a desk that skips its own checks is still refused.
    CREATE FUNCTION tb_may_decide() RETURNS boolean LANGUAGE sql STABLE AS $f$
      SELECT pg_has_role(session_user, '{TERMINOLOGIST_ROLE}', 'MEMBER')
          OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
    $f$;
    CREATE FUNCTION tb_guard_concept() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN
      IF NEW.status = 'approved' AND (TG_OP = 'INSERT' OR OLD.status <> 'approved')
         AND NOT tb_may_decide() THEN
        RAISE EXCEPTION 'only a terminologist may approve a concept; % may save it as proposed',
          session_user USING ERRCODE = '42501';
      END IF;
      NEW.updated_by := session_user;
      RETURN NEW;
    END $f$;
    CREATE TRIGGER tb_guard_concept BEFORE INSERT OR UPDATE ON tb_concepts
      FOR EACH ROW EXECUTE FUNCTION tb_guard_concept();
    CREATE FUNCTION tb_guard_term() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        IF OLD.kind = 'forbidden' AND NOT tb_may_decide()
           AND EXISTS (SELECT 1 FROM tb_concepts WHERE id = OLD.concept_id) THEN
          RAISE EXCEPTION 'only a terminologist may lift the ban on %', OLD.text
            USING ERRCODE = '42501';
        END IF;
        RETURN OLD;
      END IF;
      IF NEW.kind = 'forbidden' AND (TG_OP = 'INSERT' OR OLD.kind <> 'forbidden')
         AND NOT tb_may_decide() THEN
        RAISE EXCEPTION 'only a terminologist may forbid a term (%); % may propose it in a note',
          NEW.text, session_user USING ERRCODE = '42501';
      END IF;
      IF TG_OP = 'UPDATE' AND OLD.kind = 'forbidden' AND NEW.kind <> 'forbidden'
         AND NOT tb_may_decide() THEN
        RAISE EXCEPTION 'only a terminologist may lift the ban on %', OLD.text
          USING ERRCODE = '42501';
      END IF;
      RETURN NEW;
    END $f$;
    CREATE TRIGGER tb_guard_term BEFORE INSERT OR UPDATE OR DELETE ON tb_terms
      FOR EACH ROW EXECUTE FUNCTION tb_guard_term();

    -- Every open desk LISTENs: a colleague's change reaches it when the transaction commits.
    CREATE FUNCTION tb_notify() RETURNS trigger LANGUAGE plpgsql AS $f$
    DECLARE row_id bigint;
    BEGIN
      row_id := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
      PERFORM pg_notify('{CHANNEL}', json_build_object(
        'concept', row_id, 'op', lower(TG_OP), 'by', session_user,
        'pid', pg_backend_pid())::text);
      RETURN NULL;
    END $f$;
    CREATE TRIGGER tb_notify AFTER INSERT OR UPDATE OR DELETE ON tb_concepts
      FOR EACH ROW EXECUTE FUNCTION tb_notify();

    GRANT SELECT, INSERT, UPDATE, DELETE ON tb_meta, tb_concepts, tb_terms, tb_curated
      TO {TRANSLATOR_ROLE};
    GRANT USAGE ON SEQUENCE tb_concepts_id_seq, tb_terms_id_seq TO {TRANSLATOR_ROLE};
    GRANT SELECT ON hanbit_schema TO {TRANSLATOR_ROLE};
    """,
    # 2: what a TBX says beyond forms and notes (definition, context, part of speech, usage,
    # transactions ...), JSON as in the SQLite file's details columns: a move loses none of it.
    """
    ALTER TABLE tb_concepts ADD COLUMN details text NOT NULL DEFAULT '{}';
    ALTER TABLE tb_terms ADD COLUMN details text NOT NULL DEFAULT '{}';
    """,
)
