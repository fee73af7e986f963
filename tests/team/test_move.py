"""`main.py team push|pull`: a real glossary and memory go to the server and back, unchanged."""

from __future__ import annotations

from pathlib import Path

import main
from glossary.curated import load_curated
from glossary.model import Concept, Term, TermKind
from glossary.store import Termbase
from glossary.transfer import fingerprint as termbase_fingerprint
from memory.store import TranslationMemory
from memory.transfer import fingerprint as memory_fingerprint

FIXTURES = Path(__file__).with_name("fixtures")


def park_pairs(limit: int) -> list[tuple[str, str]]:
    """Real ko–en news sentence pairs (Park et al. 2016, CC BY-SA 3.0; fixtures/README.md)."""
    ko = (FIXTURES / "park-news-dev-150.ko").read_text(encoding="utf-8").splitlines()[:limit]
    en = (FIXTURES / "park-news-dev-150.en").read_text(encoding="utf-8").splitlines()[:limit]
    return [(k, e) for k, e in zip(ko, en, strict=True) if k.strip() and e.strip()]


def test_glossary_moves_to_the_server_and_back_unchanged(tmp_path: Path, team_db: str, capsys):
    local = tmp_path / "glossary.db"
    with Termbase(local) as termbase:
        load_curated(termbase)  # the real curated glossary the desk ships, with its marks
        first = termbase.concepts()[0]
        termbase.delete_concept(first.id)  # a curated concept the user deleted: mark kept
        termbase.add_concept(
            Concept(
                terms=[Term("ko", "텐페이", note="WeChat's wallet"), Term("en", "Tenpay"),
                       Term("en", "Ten Pay", TermKind.FORBIDDEN)],
                status="proposed", note="check with the client", domain="finance",
            )
        )  # fmt: skip
        before = termbase_fingerprint(termbase)
    assert before[0] > 20

    assert main.main(["team", "push", "glossary", team_db, str(local)]) == 0
    assert f"{before[0]} concepts moved" in capsys.readouterr().out
    back = tmp_path / "back.db"
    assert main.main(["team", "pull", "glossary", team_db, str(back)]) == 0
    with Termbase(back) as termbase:
        assert termbase_fingerprint(termbase) == before
        assert termbase.curated_state()[first.origin][1] is True  # still marked deleted
    assert main.main(["team", "check", "glossary", team_db, str(back)]) == 0

    # A second push into the now filled server is refused, and changes nothing there.
    assert main.main(["team", "push", "glossary", team_db, str(local)]) == 2
    assert "already holds" in capsys.readouterr().err
    assert main.main(["team", "check", "glossary", team_db, str(back)]) == 0


def test_memory_moves_to_the_server_and_back_with_its_history(tmp_path: Path, team_db: str):
    local = tmp_path / "memory.db"
    pairs = park_pairs(150)
    with TranslationMemory(local) as memory:
        for source, target in pairs:
            memory.add(source, target, "ko", "en", origin="park-news-dev")
        unit = memory.add(pairs[0][0], "A revised translation.", "ko", "en", origin="editor")
        memory.record_use(unit.id)
        before = memory_fingerprint(memory)
    assert main.main(["team", "push", "memory", team_db, str(local)]) == 0
    back = tmp_path / "back.db"
    assert main.main(["team", "pull", "memory", team_db, str(back)]) == 0
    with TranslationMemory(back) as memory:
        assert memory_fingerprint(memory) == before
        [match] = memory.lookup(pairs[0][0], "ko", "en", limit=1)
        assert match.unit.target == "A revised translation." and match.unit.usage == 1
        assert [target for target, _, _ in memory.history(match.unit.id)] == [pairs[0][1]]


def test_pull_from_an_unreachable_server_leaves_no_file(tmp_path: Path, capsys):
    back = tmp_path / "back.db"
    url = "postgresql://nobody:pw@127.0.0.1:9/none"
    assert main.main(["team", "pull", "memory", url, str(back)]) == 2
    assert "cannot reach" in capsys.readouterr().err
    assert not back.exists()


def test_the_cli_reads_and_writes_the_server_by_url(tmp_path: Path, team_db: str, capsys):
    local = tmp_path / "glossary.db"
    with Termbase(local) as termbase:
        load_curated(termbase)
    assert main.main(["team", "push", "glossary", team_db, str(local)]) == 0
    capsys.readouterr()
    assert main.main(["glossary", "search", "支付寶", "--glossary", team_db]) == 0
    assert "Alipay" in capsys.readouterr().out
    tmx = tmp_path / "units.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="t"'
        ' creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="ko"'
        ' datatype="plaintext"/><body><tu><tuv xml:lang="ko"><seg>알리페이가 호주에 간다.</seg>'
        '</tuv><tuv xml:lang="en"><seg>Alipay goes to Australia.</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    assert main.main(["memory", "import", str(tmx), "--memory", team_db]) == 0
    assert main.main(["memory", "lookup", "알리페이가 호주에 갔다.", "--from", "ko", "--to", "en",
                      "--memory", team_db]) == 0  # fmt: skip
    assert "Alipay goes to Australia." in capsys.readouterr().out


GLOSSARY_FIXTURES = Path(__file__).parents[1] / "glossary" / "fixtures"
MEMORY_FIXTURES = Path(__file__).parents[1] / "memory" / "fixtures"


def test_tbx_details_survive_the_move_to_the_server_and_back(tmp_path: Path, team_db: str):
    """TBX files from MultiTerm (LTAC), OmegaT, Weblate and Lokalize: definitions, contexts,
    sources, part of speech, term types, notes, forbidden forms and dates come back whole."""
    from glossary.formats import apply_import, export_glossary, plan_import

    local = tmp_path / "glossary.db"
    with Termbase(local) as termbase:
        for name in ("ltac-astronomy-dca.tbx", "omegat-sampleTBXfile.tbx",
                     "weblate-fr-extended-metadata.tbx", "weblate-lokalize-excerpt.tbx",
                     "lisa-tbx-basic-sample.tbx"):  # fmt: skip
            apply_import(termbase, plan_import(termbase, GLOSSARY_FIXTURES / name))
        concepts = termbase.concepts()
        before = termbase_fingerprint(termbase)
        export_glossary(termbase, tmp_path / "before.tbx")
    assert sum(bool(c.details or c.lang_details) for c in concepts) > 20
    assert sum(bool(t.details) for c in concepts for t in c.terms) > 20
    assert any(t.kind == TermKind.FORBIDDEN for c in concepts for t in c.terms)

    assert main.main(["team", "push", "glossary", team_db, str(local)]) == 0
    back = tmp_path / "back.db"
    assert main.main(["team", "pull", "glossary", team_db, str(back)]) == 0
    with Termbase(back) as termbase:
        assert termbase_fingerprint(termbase) == before
        export_glossary(termbase, tmp_path / "after.tbx")
    assert (tmp_path / "after.tbx").read_bytes() == (tmp_path / "before.tbx").read_bytes()


def _lisa_as_en_ko(name: str, folder: Path) -> Path:
    """A LISA TMX Compliance Kit file (props, notes, usage, creation and change ids, inline
    codes) with its French relabelled Korean: the memory holds ko, zh and en only."""
    text = (MEMORY_FIXTURES / name).read_text(encoding="utf-8-sig")
    path = folder / name
    path.write_text(text.replace('xml:lang="fr"', 'xml:lang="ko"'), encoding="utf-8")
    return path


def test_tmx_metadata_survives_the_move_to_the_server_and_back(tmp_path: Path, team_db: str):
    from memory.tmx import export_tmx, import_tmx

    local = tmp_path / "memory.db"
    with TranslationMemory(local) as memory:
        for name in ("lisa-ImportTest1L.tmx", "lisa-ImportTest2C.tmx"):
            import_tmx(memory, _lisa_as_en_ko(name, tmp_path))
        for source, target in park_pairs(20):
            memory.add(source, target, "ko", "en", origin="park-news-dev")
        metas = [memory.unit_meta(unit.id) for unit in memory.units()]
        before = memory_fingerprint(memory)
        export_tmx(memory, tmp_path / "before.tmx")
    assert sum(bool(meta.get("notes")) and bool(meta.get("props")) for meta in metas) == 2

    assert main.main(["team", "push", "memory", team_db, str(local)]) == 0
    back = tmp_path / "back.db"
    assert main.main(["team", "pull", "memory", team_db, str(back)]) == 0
    with TranslationMemory(back) as memory:
        assert memory_fingerprint(memory) == before
        export_tmx(memory, tmp_path / "after.tmx")

    def body(path: Path) -> str:  # the header's creationdate is the export's own time
        text = path.read_text(encoding="utf-8")
        return text[text.index("<body>") :]

    assert body(tmp_path / "after.tmx") == body(tmp_path / "before.tmx")


def test_a_tmx_imported_into_the_server_keeps_its_metadata(tmp_path: Path, team_db: str):
    from memory.pg_store import ServerMemory
    from memory.tmx import export_tmx, import_tmx

    path = _lisa_as_en_ko("lisa-ImportTest1L.tmx", tmp_path)
    with TranslationMemory(tmp_path / "local.db") as local, ServerMemory(team_db) as server:
        import_tmx(local, path)
        import_tmx(server, path)
        export_tmx(local, tmp_path / "local.tmx")
        export_tmx(server, tmp_path / "server.tmx")
        (unit,) = server.units()
        assert server.unit_meta(unit.id)["notes"] == ["Text of tu note 1", "Text of tu note 2"]
    local_body = (tmp_path / "local.tmx").read_text(encoding="utf-8").split("<body>")[1]
    server_body = (tmp_path / "server.tmx").read_text(encoding="utf-8").split("<body>")[1]
    assert local_body.replace('tuid="1"', "") == server_body.replace('tuid="1"', "")
