"""`main.py team push|pull`: a real glossary and memory go to the server and back, unchanged."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

import main
from glossary.curated import load_curated
from glossary.model import Concept, Term, TermKind
from glossary.pg_store import ServerTermbase
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
    # Who created and last changed an entry (transacNote responsibility): LISA's Jane and
    # John, MultiTerm's Tommy at concept, language and term level, exported by the server too.
    with ServerTermbase(team_db) as server:
        export_glossary(server.concepts(), tmp_path / "server.tbx")
    assert (tmp_path / "server.tbx").read_bytes() == (tmp_path / "before.tbx").read_bytes()
    people = _responsibilities(tmp_path / "before.tbx")
    assert people == _responsibilities(GLOSSARY_FIXTURES / "lisa-tbx-basic-sample.tbx") | (
        _responsibilities(GLOSSARY_FIXTURES / "ltac-astronomy-dca.tbx")
    )
    assert {"Jane", "John", "Tommy"} <= {who for _, who, _ in people}


def _responsibilities(path: Path) -> set[tuple[str, str, str]]:
    """(transaction type, responsibility, date) of every transacGrp naming a person."""
    found = set()
    for group in etree.parse(str(path)).iter("{*}transacGrp"):
        values = {
            child.get("type") or etree.QName(child).localname: (child.text or "").strip()
            for child in group
        }
        if values.get("responsibility"):
            found.add((values["transactionType"], values["responsibility"], values["date"]))
    return found


def test_a_tbx_user_is_counted_by_the_move_and_kept_only_with_its_date(
    tmp_path: Path, team_db: str
) -> None:
    """The fingerprint of a move counts who made a transaction; a concept edited on the server
    after the import goes out with the edit's date and without the earlier modifier's name."""
    from glossary.formats import apply_import, export_glossary, plan_import
    from glossary.transfer import copy_termbase

    local = tmp_path / "glossary.db"
    with Termbase(local) as termbase:
        apply_import(
            termbase, plan_import(termbase, GLOSSARY_FIXTURES / "lisa-tbx-basic-sample.tbx")
        )
        before = termbase_fingerprint(termbase)
        [concept] = [c for c in termbase.concepts() if c.details.get("origination/responsibility")]
        assert (concept.created_at, concept.details["origination/responsibility"]) == (
            "2007-07-22", "Jane")  # fmt: skip
        assert (concept.updated_at, concept.details["modification/responsibility"]) == (
            "2007-07-23", "John")  # fmt: skip
        details = termbase._conn.execute(
            "SELECT details FROM concepts WHERE id = ?", (concept.id,)
        ).fetchone()[0]
        # Only the person differs (behind the API, which would also stamp a new date).
        renamed = details.replace('"John"', '"Jean"')
        termbase._conn.execute(
            "UPDATE concepts SET details = ? WHERE id = ?", (renamed, concept.id)
        )
        assert termbase_fingerprint(termbase) != before
        termbase._conn.execute(
            "UPDATE concepts SET details = ? WHERE id = ?", (details, concept.id)
        )
        assert termbase_fingerprint(termbase) == before
        with ServerTermbase(team_db) as server:
            copy_termbase(termbase, server)
            edited = server.concept(concept.id)
            edited.note = "checked again"
            server.update_concept(edited)
            export_glossary(server.concepts(), tmp_path / "edited.tbx")
    entry = etree.parse(str(tmp_path / "edited.tbx")).find(f".//termEntry[@id='c{concept.id}']")
    transactions = [
        [(child.get("type") or child.tag, child.text) for child in group]
        for group in entry.findall("transacGrp")
    ]
    assert transactions == [
        [("transactionType", "origination"), ("date", "2007-07-22"), ("responsibility", "Jane")],
        [("transactionType", "modification"), ("date", edited.updated_at[:10])],
    ]
