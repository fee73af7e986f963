"""TBX from other tools (LTAC, LISA, OmegaT) in, TBX-Basic out: statuses, details, validity."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from glossary.formats import apply_import, export_glossary, plan_import
from glossary.store import Concept, Term, Termbase, TermKind
from glossary.tbx import TBX_NS, read_tbx

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMAS = Path(__file__).parents[1] / "data" / "schemas" / "tbx-basic"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def termbase(tmp_path: Path) -> Termbase:
    with Termbase(tmp_path / "glossary.db") as opened:
        yield opened


def tbx_basic_problems(path: Path) -> list[str]:
    """What keeps a martif file from being TBX-Basic: the LISA core-structure DTD, then the
    TBX-Basic XCS (data category allowed on that element, picklist value, level)."""
    tree = etree.parse(str(path))
    dtd = etree.DTD(str(SCHEMAS / "TBXBasiccoreStructV02.dtd"))
    problems = [str(e) for e in dtd.error_log] if not dtd.validate(tree) else []
    xcs = etree.parse(str(SCHEMAS / "TBXBasicXCSV02.xcs")).getroot()
    specs: dict[tuple[str, str], tuple[set[str] | None, set[str] | None]] = {}
    for spec in xcs.find("datCatSet"):
        element = spec.tag.removesuffix("Spec")
        contents, levels = spec.find("contents"), spec.find("levels")
        picklist = None
        if contents is not None and contents.get("datatype") == "picklist":
            picklist = set(contents.text.split())
        specs[(element, spec.get("name"))] = (
            picklist,
            set(levels.text.split()) if levels is not None and levels.text else None,
        )
    for element in tree.iter("descrip", "termNote", "admin", "transac", "transacNote", "xref"):
        key = (element.tag, element.get("type"))
        if key not in specs:
            problems.append(f"line {element.sourceline}: <{key[0]} type={key[1]!r}> not TBX-Basic")
            continue
        picklist, levels = specs[key]
        if picklist is not None and element.text not in picklist:
            problems.append(f"line {element.sourceline}: {element.text!r} not in {key[1]} list")
        parent = element.getparent()
        if parent.tag == "descripGrp":
            parent = parent.getparent()
        level = {"tig": "term", "ntig": "term"}.get(parent.tag, parent.tag)
        if levels is not None and level not in levels:
            problems.append(f"line {element.sourceline}: {key[1]} not allowed in <{parent.tag}>")
    for date in tree.iter("date"):
        if len(date.text or "") != 10:
            problems.append(f"line {date.sourceline}: date {date.text!r} is not YYYY-MM-DD")
    return problems


def facts(path: Path) -> dict[tuple, tuple]:
    """Per (language, term), what a terminologist reads in any TBX style (martif, DCA, DCT):
    status word (None when the file states none), part of speech and context (whitespace
    normalised), read with lxml alone."""
    found = {}
    for element in etree.parse(str(path)).iter():
        if not isinstance(element.tag, str) or etree.QName(element).localname != "term":
            continue
        holder = element.getparent()
        if etree.QName(holder).localname == "termGrp":
            holder = holder.getparent()
        section = holder.getparent()
        values: dict[str, str] = {}
        for child in holder.iter():
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child)
            kind = child.get("type") or (name.localname if name.namespace else None)
            if kind:
                values[kind] = " ".join("".join(child.itertext()).split())
        status = values.get("administrativeStatus", "").removesuffix("Term-admn-sts") or None
        status = {"superseded": "deprecated"}.get(status, status)
        found[(section.get(XML_LANG), element.text)] = (
            status,
            values.get("partOfSpeech"),
            values.get("context"),
        )
    return found


def test_ltac_dca_and_dct_files_read_the_same(termbase) -> None:
    dca = read_tbx(FIXTURES / "ltac-astronomy-dca.tbx")
    dct = read_tbx(FIXTURES / "ltac-astronomy-dct.tbx")
    assert len(dca) == len(dct) == 45
    # The two LTAC examples differ only in where one note sits; every term reads the same.
    assert [e.concept.terms for e in dca] == [e.concept.terms for e in dct]
    first = dca[0].concept
    assert (first.domain, first.created_at, first.updated_at) == (
        "General",
        "2010-04-17",
        "2010-05-01",
    )
    # Language-level definition with its source; no XML indentation in any text.
    assert first.lang_details["en"]["definition"] == (
        "A group of stars formed together in the spiral arms of a galaxy."
    )
    assert first.lang_details["en"]["definition/source"] == "Oxford2007"
    open_cluster, galactic = first.terms[:2]
    assert (open_cluster.kind, open_cluster.details["partOfSpeech"]) == ("preferred", "noun")
    assert open_cluster.details["context/source"] == "http://seds.org/MESSIER/open.html"
    # supersededTerm-admn-sts: a banned form, never the enforced one.
    assert galactic.kind == TermKind.FORBIDDEN
    assert "\n\t" not in galactic.note and galactic.note.startswith("Another name for an open")


def test_who_made_a_transaction_is_kept_at_every_level_and_written_back(termbase, tmp_path):
    """transacNote responsibility (LISA's Jane and John, MultiTerm's Tommy in DCA and DCT): read
    into each level's details with its date, stored, written back in both TBX styles."""
    dca = read_tbx(FIXTURES / "ltac-astronomy-dca.tbx")
    dct = read_tbx(FIXTURES / "ltac-astronomy-dct.tbx")

    def people(entries: list) -> list:
        return [
            {(level, k): v for level, d in (("entry", e.concept.details),
                                             *e.concept.lang_details.items(),
                                             *((t.text, t.details) for t in e.concept.terms))
             for k, v in d.items() if k.startswith(("origination/", "modification/"))}
            for e in entries
        ]  # fmt: skip

    assert people(dca) == people(dct)
    assert sum(len(found) for found in people(dca)) > 300
    first = dca[0].concept
    assert first.details == {
        "origination/date": "2010-04-17", "origination/responsibility": "Tommy",
        "modification/date": "2010-05-01", "modification/responsibility": "Tommy",
    }  # fmt: skip
    assert first.lang_details["en"]["modification/responsibility"] == "Tommy"
    lisa = [e.concept for e in read_tbx(FIXTURES / "lisa-tbx-basic-sample.tbx")]
    [entry] = [c for c in lisa if c.details.get("origination/responsibility")]
    assert (entry.created_at, entry.details["origination/responsibility"]) == ("2007-07-22", "Jane")
    assert (entry.updated_at, entry.details["modification/responsibility"]) == (
        "2007-07-23",
        "John",
    )
    [term] = [t for c in lisa for t in c.terms if t.details.get("origination/responsibility")]
    assert (term.details["origination/date"], term.details["modification/responsibility"]) == (
        "2007-07-22", "John")  # fmt: skip
    apply_import(termbase, plan_import(termbase, FIXTURES / "lisa-tbx-basic-sample.tbx"))
    for style in ("basic", "v3"):
        out = tmp_path / f"{style}.tbx"
        export_glossary(termbase, out, tbx_style=style)
        again = [e.concept for e in read_tbx(out)]
        assert [c.details for c in again] == [c.details for c in termbase.concepts()]
        assert [[t.details for t in c.terms] for c in again] == [
            [t.details for t in c.terms] for c in termbase.concepts()
        ]
    assert tbx_basic_problems(tmp_path / "basic.tbx") == []
    schema = etree.RelaxNG(etree.parse(str(SCHEMAS / "TBXcoreStructV03_TBX-Basic_integrated.rng")))
    assert schema.validate(etree.parse(str(tmp_path / "v3.tbx"))), schema.error_log
    # Edited since the import: the edit's date goes out, without the earlier modifier.
    stored = termbase.concepts_by_ids([entry_id(termbase)])[0]
    stored.note = "checked again"
    termbase.update_concept(stored)
    export_glossary(termbase, tmp_path / "edited.tbx")
    [group] = [
        g
        for g in etree.parse(str(tmp_path / "edited.tbx")).iter("transacGrp")
        if g.findtext("transac") == "modification"
        and g.getparent().tag == "termEntry"
        and g.getparent().get("id") == f"c{stored.id}"
    ]
    assert group.findtext("transacNote") is None and group.findtext("date") != "2007-07-23"


def entry_id(termbase: Termbase) -> int:
    [concept] = [c for c in termbase.concepts() if c.details.get("origination/responsibility")]
    assert concept.id is not None
    return concept.id


STATUS_TBX = """<?xml version="1.0"?>
<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p>
</sourceDesc></fileDesc></martifHeader><text><body>
<termEntry id="a"><langSet xml:lang="en">
  <tig><term>Ant Group</term><termNote type="administrativeStatus">{first}</termNote></tig>
  <tig><term>Ant Financial</term>{second}</tig>
</langSet></termEntry></body></text></martif>"""


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("preferredTerm-admn-sts", "preferred"),
        ("admittedTerm-admn-sts", "variant"),
        ("deprecatedTerm-admn-sts", "forbidden"),
        ("supersededTerm-admn-sts", "forbidden"),
        ("obsolete", "forbidden"),
        ("notRecommended", "forbidden"),
        ("not recommended", "forbidden"),
        ("forbidden", "forbidden"),
        ("deprecated", "forbidden"),
        ("admitted", "variant"),
    ],
)
def test_statuses_never_promote_a_term(tmp_path, value, kind) -> None:
    path = tmp_path / "s.tbx"
    second = f'<termNote type="normativeAuthorization">{value}</termNote>'
    path.write_text(STATUS_TBX.format(first="preferredTerm-admn-sts", second=second), "utf-8")
    (entry,) = read_tbx(path)
    assert [t.kind for t in entry.concept.terms] == ["preferred", kind]


def test_the_stricter_of_two_statuses_holds_and_a_status_less_form_stays_a_variant(tmp_path):
    path = tmp_path / "s.tbx"
    second = (
        '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>'
        '<termNote type="normativeAuthorization">forbidden</termNote>'
    )
    path.write_text(STATUS_TBX.format(first="admittedTerm-admn-sts", second=second), "utf-8")
    (entry,) = read_tbx(path)
    assert [t.kind for t in entry.concept.terms] == ["variant", "forbidden"]
    # No status anywhere in the language: the first form is preferred, the next a variant.
    path.write_text(STATUS_TBX.format(first="preferredTerm-admn-sts", second=""), "utf-8")
    assert [t.kind for t in read_tbx(path)[0].concept.terms] == ["preferred", "variant"]


REAL_WORLD = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="ko"><martifHeader><fileDesc><sourceDesc><p>agency</p>
</sourceDesc></fileDesc></martifHeader><text><body>
<termEntry id="t1"><descrip type="subjectField">payments</descrip>
 <langSet xml:lang="ko"><tig><term>알리페이</term></tig></langSet>
 <langSet xml:lang="en"><tig><term>Alipay</term>
   <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
  <tig><term>Alipay Wallet</term>
   <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
  <tig><term/></tig></langSet></termEntry>
<termEntry id="t2"><descrip type="subjectField">finance</descrip>
 <langSet xml:lang="ko"><tig><term>알리페이</term></tig><tig><term>즈푸바오</term></tig></langSet>
 <langSet xml:lang="en"><tig><term>Zhifubao</term>
   <termNote type="administrativeStatus">flagged</termNote></tig></langSet></termEntry>
</body></text></martif>"""


def test_real_world_oddities_import_with_a_warning_each(termbase, tmp_path) -> None:
    path = tmp_path / "agency.tbx"
    path.write_text(REAL_WORLD, encoding="utf-8")
    plan = plan_import(termbase, path)
    assert plan.rejected == []
    keys = {w.key: w for w in plan.warnings}
    assert set(keys) == {"4/empty0", "4/preferred/en", "11/status/Zhifubao", "11/shared"}
    assert keys["4/preferred/en"].choice == "Alipay"
    assert keys["11/shared"].choice == "apart"  # a TBX entry sharing a form is another meaning
    first, second = plan.added
    assert (first.preferred("en"), first.forms("en", TermKind.VARIANT)) == (
        "Alipay",
        ["Alipay Wallet"],
    )
    assert second.forms("ko") == ["즈푸바오"] and second.forms("en", TermKind.VARIANT) == [
        "Zhifubao"
    ]
    # The translator resolves them differently: AliPay preferred, entry 2 merged into entry 1.
    plan = plan_import(
        termbase,
        path,
        choices={
            "4/preferred/en": "Alipay Wallet",
            "11/shared": "merge",
            "11/status/Zhifubao": "forbidden",
        },
    )
    (merged,) = plan.added
    assert merged.preferred("en") == "Alipay Wallet"
    assert merged.forms("ko") == ["알리페이", "즈푸바오"]
    assert merged.forms("en", TermKind.FORBIDDEN) == ["Zhifubao"]
    apply_import(termbase, plan)
    assert termbase.count() == 1


def test_skipping_an_entry_is_a_choice_not_a_rejection(termbase, tmp_path) -> None:
    path = tmp_path / "agency.tbx"
    path.write_text(REAL_WORLD, encoding="utf-8")
    plan = plan_import(termbase, path, choices={"11/shared": "skip"})
    assert len(plan.added) == 1 and plan.skipped and plan.rejected == []


@pytest.mark.parametrize(
    "name", ["ltac-astronomy-dca.tbx", "lisa-tbx-basic-sample.tbx", "omegat-sampleTBXfile.tbx"]
)
def test_other_tools_files_round_trip_through_tbx_basic(termbase, tmp_path, name) -> None:
    plan = plan_import(termbase, FIXTURES / name)
    assert plan.rejected == []
    apply_import(termbase, plan)
    out = tmp_path / "out.tbx"
    export_glossary(termbase, out)
    assert tbx_basic_problems(out) == []
    original, exported = facts(FIXTURES / name), facts(out)
    assert original.keys() == exported.keys()
    for key, (status, *rest) in original.items():
        # A stated status comes back as stated (superseded is deprecated); the rest as is.
        assert exported[key] == (status or exported[key][0], *rest), key
    # Definitions with their sources, at concept and language level, come back too.
    again = read_tbx(out)
    assert [e.concept.lang_details for e in again] == [c.lang_details for c in termbase.concepts()]
    assert [e.concept.details for e in again] == [c.details for c in termbase.concepts()]


def test_the_desks_export_is_tbx_basic_and_translate_toolkit_reads_it(termbase, tmp_path):
    from translate.storage.tbx import tbxfile

    termbase.add_concept(
        Concept(
            terms=[
                Term("ko", "알리페이"),
                Term("en", "Alipay", details={"partOfSpeech": "properNoun"}),
                Term("en", "Ali Pay", TermKind.FORBIDDEN, "not the brand's spelling"),
            ],
            domain="payments",
            note="  Ant Group's\n   wallet ",
            details={"definition": "a mobile wallet", "definition/source": "agency list"},
            status="proposed",
        )
    )
    out = tmp_path / "glossary.tbx"
    export_glossary(termbase, out, langs=["ko", "en"])
    assert tbx_basic_problems(out) == []
    root = etree.parse(str(out)).getroot()
    assert (root.tag, root.get("type")) == ("martif", "TBX-Basic")  # what OmegaT 3.6 reads
    # OmegaT unmarshals TBX through JAXB classes generated from its own schema: valid there,
    # and its reader's pairing (source-language tig x target-language tig) finds our terms.
    omegat = etree.XMLSchema(etree.parse(str(SCHEMAS.parent / "omegat-tbx.xsd")))
    assert omegat.validate(etree.parse(str(out))), omegat.error_log
    source, target = (f"langSet[@{XML_LANG}='{lang}']/tig" for lang in ("ko", "en"))
    pairs = [
        (s.findtext("term"), t.findtext("term"))
        for entry in root.iter("termEntry")
        for s in entry.findall(source)
        for t in entry.findall(target)
    ]
    assert pairs == [("알리페이", "Alipay"), ("알리페이", "Ali Pay")]
    store = tbxfile.parsefile(str(out))
    (unit,) = store.units
    assert unit.source == "알리페이"
    assert [t.text for t in unit.get_target_terms("en")] == ["Alipay", "Ali Pay"]
    assert [t.deprecated for t in unit.get_target_terms("en")] == [False, True]
    # TBX v3 on request, valid against the TBX-Basic DCA schema; it keeps the concept status.
    v3 = tmp_path / "v3.tbx"
    export_glossary(termbase, v3, tbx_style="v3")
    schema = etree.RelaxNG(etree.parse(str(SCHEMAS / "TBXcoreStructV03_TBX-Basic_integrated.rng")))
    assert schema.validate(etree.parse(str(v3))), schema.error_log
    fresh = Termbase(tmp_path / "fresh.db")
    apply_import(fresh, plan_import(fresh, v3))
    (concept,) = fresh.concepts()
    assert concept.status == "proposed" and concept.details["definition/source"] == "agency list"
    fresh.close()


def test_export_never_fails_on_control_characters_of_an_older_termbase(termbase, tmp_path):
    termbase.add_concept(Concept(terms=[Term("ko", "위어바오"), Term("en", "Yu'e Bao")]))
    # A termbase written before control characters were refused: put one in behind the API.
    termbase._conn.execute("UPDATE terms SET text = 'Yu''e\x01 Bao' WHERE lang = 'en'")
    # Nor does it reach matching or a translation: the termbase reads the form without it.
    assert [t.text for t in termbase.concepts()[0].terms] == ["위어바오", "Yu'e Bao"]
    out = tmp_path / "old.tbx"
    assert export_glossary(termbase, out) == 1
    assert "Yu'e Bao" in out.read_text("utf-8")
    assert tbx_basic_problems(out) == []


def test_cli_resolves_warnings_and_exports_either_tbx(tmp_path, capsys) -> None:
    import main

    path = tmp_path / "agency.tbx"
    path.write_text(REAL_WORLD, encoding="utf-8")
    db = tmp_path / "g.db"
    args = ["glossary", "import", str(path), "--glossary", str(db)]
    assert main.main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    # A new desk termbase starts with the curated glossary, which knows Alipay already.
    assert "--choose 11/shared=<merge, skip>" in out and "to check" in out
    assert main.main([*args, "--choose", "11/shared=merge"]) == 0
    assert "imported into" in capsys.readouterr().out
    for flavour, root in (("basic", "martif"), ("v3", f"{{{TBX_NS}}}tbx")):
        out = tmp_path / f"{flavour}.tbx"
        assert (
            main.main(["glossary", "export", str(out), "--tbx", flavour, "--glossary", str(db)])
            == 0
        )
        assert etree.parse(str(out)).getroot().tag == root


def test_weblate_test_termbases_import_with_checks_not_refusals(termbase) -> None:
    # Weblate's extended-metadata file: a retired concept (every form obsolete) and its own
    # description categories; the Lokalize export repeats langSet for synonyms.
    plan = plan_import(termbase, FIXTURES / "weblate-fr-extended-metadata.tbx")
    assert plan.rejected == []
    assert [w.key for w in plan.warnings] == ["13/all-forbidden"] and len(plan.skipped) == 1
    (code,) = plan.added
    assert code.details["Translation needed"] == "No"
    assert code.details["definition"] == "An internal code identifier not to be localized."
    assert code.terms[0].note == "Do not translate error codes."
    plan = plan_import(termbase, FIXTURES / "weblate-lokalize-excerpt.tbx")
    assert plan.rejected == [] and len(plan.added) == 4
    apply = plan.added[1]
    assert (apply.preferred("cs"), apply.forms("cs", TermKind.VARIANT)) == ("použít", ["uplatnit"])
    assert plan.added[3].preferred("en") == "bold"  # "bold " as written: trimmed
    assert [w.key.split("/", 1)[1] for w in plan.warnings] == ["preferred/cs"] * 3


def test_another_tools_own_categories_go_out_as_notes_in_valid_tbx_basic(termbase, tmp_path):
    apply_import(termbase, plan_import(termbase, FIXTURES / "weblate-fr-extended-metadata.tbx"))
    out = tmp_path / "out.tbx"
    export_glossary(termbase, out)
    assert tbx_basic_problems(out) == []
    notes = [n.text for n in etree.parse(str(out)).iter("note")]
    assert "Translation needed: No" in notes and "Do not translate error codes." in notes
    (again,) = read_tbx(out)
    assert again.concept.details["definition"] == "An internal code identifier not to be localized."


def test_glossary_list_json_shows_what_a_tbx_brought(tmp_path, capsys) -> None:
    import json

    import main

    db = tmp_path / "g.db"
    args = [
        "glossary",
        "import",
        str(FIXTURES / "lisa-tbx-basic-sample.tbx"),
        "--glossary",
        str(db),
    ]
    assert main.main(args) == 0
    capsys.readouterr()
    main.main(["glossary", "search", "federated database", "--glossary", str(db), "--json"])
    (found,) = json.loads(capsys.readouterr().out)
    assert found["terms"][0]["details"]["partOfSpeech"] == "noun"
    assert found["terms"][0]["details"]["context"].startswith("Users and applications")
