"""TMX 1.4b: export that validates, round trip, regional codes, skipped units, hostile files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from memory.store import TranslationMemory
from memory.tmx import TMXError, export_tmx, import_tmx

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DTD_PATH = Path(__file__).resolve().parents[1] / "data" / "schemas" / "tmx14.dtd"
HEADER = (
    '<header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="x"'
    ' adminlang="en" srclang="{srclang}" datatype="plaintext"/>'
)


def tmx(body: str, srclang: str = "ko-KR", doctype: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}\n<tmx version="1.4">'
        f"{HEADER.format(srclang=srclang)}<body>{body}</body></tmx>\n"
    )


def tu(*variants: tuple[str, str], attributes: str = "") -> str:
    tuvs = "".join(f'<tuv xml:lang="{lang}"><seg>{seg}</seg></tuv>' for lang, seg in variants)
    return f"<tu{attributes}>{tuvs}</tu>"


@pytest.fixture
def memory(tmp_path: Path):
    with TranslationMemory(tmp_path / "memory.db") as tm:
        yield tm


def _fields(unit):
    return (
        unit.source_lang,
        unit.target_lang,
        unit.source,
        unit.target,
        unit.origin,
        unit.status,
        unit.created_at,
        unit.updated_at,
        unit.usage,
    )


def test_export_validates_against_the_tmx_dtd_and_round_trips_every_unit(memory, tmp_path):
    memory.add(
        "알리페이가 호주에 지사를 세운다.", "Alipay & Co. <opens> a branch.", "ko", "en", "p1"
    )
    memory.add("支付宝在澳大利亚设立分公司。", "알리페이, 호주 지사 설립", "zh-Hans", "ko", "p2")
    memory.add("支付寶在澳洲設立分公司。", "Alipay in Australia\nsecond line", "zh-Hant", "en")
    draft = memory.add(
        "위어바오(餘額寶)는 MMF 상품이다.", "Yu'e Bao is an MMF.", "ko", "en", status="draft"
    )
    memory.record_use(draft.id)
    path = tmp_path / "out.tmx"

    assert export_tmx(memory, path) == 4

    dtd = etree.DTD(str(DTD_PATH))
    assert dtd.validate(etree.parse(str(path))), dtd.error_log.filter_from_errors()
    with TranslationMemory(tmp_path / "fresh.db") as fresh:
        report = import_tmx(fresh, path)
        assert (report.added, report.updated, report.skipped) == (4, 0, [])
        assert sorted(map(_fields, fresh.units())) == sorted(map(_fields, memory.units()))


def test_export_of_one_pair_holds_only_that_pair(memory, tmp_path):
    memory.add("알리페이가 호주에 지사를 세운다.", "Alipay opens a branch.", "ko", "en")
    memory.add("알리페이가 호주에 지사를 세운다.", "支付宝设立分公司。", "ko", "zh-Hans")
    path = tmp_path / "ko-en.tmx"
    assert export_tmx(memory, path, "ko-KR", "en") == 1
    root = etree.parse(str(path)).getroot()
    assert root.find("header").get("srclang") == "ko"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert [tuv.get(lang) for tuv in root.iter("tuv")] == ["ko", "en"]


def test_import_maps_regional_codes_and_reports_what_it_skipped(memory, tmp_path):
    path = tmp_path / "vendor.tmx"
    body = (
        tu(("ko-KR", "알리페이 호주 지사"), ("EN-US", "Alipay Australia")),
        tu(("zh-CN", "支付宝"), ("zh-TW", "支付寶"), attributes=' srclang="zh-CN"'),
        tu(("ko-KR", "혼자 남은 문장"), attributes=' tuid="lonely"'),
        tu(("fr-FR", "Bonjour"), ("de-DE", "Hallo")),
        tu(("ko-KR", ""), ("en-US", "Empty source")),
        tu(("ko-KR", "일본어 번역만"), ("ja-JP", "日本語")),
    )
    path.write_text(tmx("".join(body)), encoding="utf-8")

    report = import_tmx(memory, path)

    assert (report.added, report.updated) == (2, 0)
    assert memory.pairs() == [("ko", "en", 1), ("zh-Hans", "zh-Hant", 1)]
    reasons = dict(report.skipped)
    assert reasons["tu lonely"] == "no translation beside the source"
    assert "no language the memory holds" in reasons["tu #4"]
    assert reasons["tu #5"] == "empty ko source segment"
    assert "'ja-JP'" in reasons["tu #6"]
    assert memory.lookup("알리페이 호주 지사", "ko", "en")[0].unit.origin == "vendor.tmx"


def test_odd_usage_counts_and_dates_are_ignored_not_fatal(memory, tmp_path):
    path = tmp_path / "odd.tmx"
    attributes = [
        ' usagecount="²" changedate="２０１４0101T000000Z"',
        ' usagecount="99999999999999999999999" creationdate="yesterday"',
    ]
    body = "".join(
        tu(("ko", f"문장 {n}"), ("en", f"sentence {n}"), attributes=a)
        for n, a in enumerate(attributes)
    )
    path.write_text(tmx(body), encoding="utf-8")
    assert import_tmx(memory, path).added == 2
    usage = {unit.source: unit.usage for unit in memory.units()}
    assert usage["문장 0"] == 0 and usage["문장 1"] > 1_000_000
    assert all(unit.updated_at.startswith("20") for unit in memory.units())


def test_inline_codes_become_tags_and_go_back_as_they_were(memory, tmp_path):
    path = tmp_path / "inline.tmx"
    seg = (
        '<bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>알리페이<ept i="1">&lt;/b&gt;</ept>'
        '<ph x="2">&lt;br/&gt;</ph> <hi type="b">호주</hi> <it pos="begin" x="3">{\\b </it>지사'
        "<ut>{\\f1}</ut>"
    )
    target = (
        '<bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>Alipay<ept i="1">&lt;/b&gt;</ept>'
        '<ph x="2">&lt;br/&gt;</ph> <it pos="begin" x="3">{\\b </it><hi type="b">Australia</hi>'
        "<ut>{\\f1}</ut>"
    )
    path.write_text(tmx(tu(("ko", seg), ("en", target))), encoding="utf-8")
    import_tmx(memory, path)
    (unit,) = memory.units()
    # Nothing deleted: every code is a tag the grid protects, highlighted text stays text.
    assert unit.source == "⟨1⟩알리페이⟨/1⟩⟨2/⟩ ⟨3⟩호주⟨/3⟩ ⟨4/⟩지사⟨5/⟩"
    assert unit.target == "⟨1⟩Alipay⟨/1⟩⟨2/⟩ ⟨4/⟩⟨3⟩Australia⟨/3⟩⟨5/⟩"
    out = tmp_path / "out.tmx"
    export_tmx(memory, out)
    original = etree.parse(str(path)).findall(".//seg")
    written = etree.parse(str(out)).findall(".//seg")
    assert [etree.tostring(s, method="c14n") for s in written] == [
        etree.tostring(s, method="c14n") for s in original
    ]


def test_import_updates_older_units_and_keeps_newer_ones(memory, tmp_path):
    memory.add("알리페이 호주 지사", "Alipay's Australian branch", "ko", "en")
    path = tmp_path / "dated.tmx"
    old = ' changedate="20140101T000000Z"'
    path.write_text(
        tmx(tu(("ko", "알리페이 호주 지사"), ("en", "Old translation"), attributes=old)),
        encoding="utf-8",
    )
    report = import_tmx(memory, path)
    assert report.updated == 0 and report.skipped[0][1] == "the memory has a newer translation"
    path.write_text(
        tmx(tu(("ko", "알리페이 호주 지사"), ("en", "Newer translation"))), encoding="utf-8"
    )
    assert import_tmx(memory, path).updated == 1
    assert [u.target for u in memory.units()] == ["Newer translation"]


BILLION_LAUGHS = """<!DOCTYPE tmx [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>"""


def _memory_with_one_unit(tmp_path: Path) -> Path:
    path = tmp_path / "memory.db"
    with TranslationMemory(path) as tm:
        tm.add("알리페이 호주 지사", "Alipay Australia", "ko", "en")
    return path


@pytest.mark.parametrize(
    ("doctype", "seg", "message"),
    [
        (BILLION_LAUGHS, "&lol3;", "declares entities"),
        ('<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "{secret}">]>', "&xxe;", "external entity"),
    ],
)
def test_hostile_tmx_is_refused_and_the_memory_is_unchanged(tmp_path, doctype, seg, message):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    db = _memory_with_one_unit(tmp_path)
    before = db.read_bytes()
    path = tmp_path / "hostile.tmx"
    body = tu(("ko", "정상 문장"), ("en", "fine")) + tu(("ko", seg), ("en", "x"))
    path.write_text(tmx(body, doctype=doctype.format(secret=secret.as_uri())), encoding="utf-8")

    with TranslationMemory(db) as tm, pytest.raises(TMXError, match=message):
        import_tmx(tm, path)

    assert db.read_bytes() == before
    with TranslationMemory(db) as tm:
        assert [u.source for u in tm.units()] == ["알리페이 호주 지사"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (tmx(tu(("ko", "문장"), ("en", "x")))[:-20], "not well-formed"),
        ('<?xml version="1.0"?><xliff version="1.2"/>', "root element is <xliff>"),
        ('<?xml version="1.0"?><tmx version="1.4"><header/></tmx>', "no <body>"),
    ],
)
def test_broken_tmx_is_refused_and_nothing_is_imported(memory, tmp_path, content, message):
    path = tmp_path / "broken.tmx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TMXError, match=message):
        import_tmx(memory, path)
    assert memory.count() == 0


def test_a_tmx_with_an_external_dtd_is_read_without_fetching_it(memory, tmp_path):
    path = tmp_path / "doctype.tmx"
    doctype = '<!DOCTYPE tmx SYSTEM "http://unreachable.invalid/tmx14.dtd">'
    path.write_text(tmx(tu(("ko", "문장"), ("en", "a sentence")), doctype=doctype), "utf-8")
    assert import_tmx(memory, path).added == 1


def test_failed_export_leaves_the_earlier_file_untouched(memory, tmp_path):
    path = tmp_path / "out.tmx"
    path.write_text("earlier export", encoding="utf-8")
    memory.add("알리페이 호주 지사", "Alipay Australia", "ko", "en")
    # A character XML cannot hold, as an older or foreign tool might have stored it.
    with sqlite3.connect(memory.path) as db:
        db.execute("UPDATE units SET target = 'control \x0b character'")
    with pytest.raises(TMXError, match="cannot write"):
        export_tmx(memory, path)
    assert path.read_text(encoding="utf-8") == "earlier export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".tmx") == ["out.tmx"]


# Characters XML 1.0 can hold (no C0 controls except tab and newlines, no surrogates, no FFFE/FFFF).
_XML_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters=[chr(c) for c in range(32) if c not in (9, 10, 13)]
        + ["\ufffe", "\uffff"],
    ),
    min_size=1,
    max_size=30,
).filter(str.strip)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    source=_XML_TEXT,
    target=_XML_TEXT,
    origin=st.text(max_size=10).filter(lambda s: s.isprintable()),
)
@example(source="가", target="0\n", origin="")  # an edge newline is the translator's, kept
def test_any_text_survives_the_round_trip(tmp_path_factory, source, target, origin):
    folder = tmp_path_factory.mktemp("roundtrip")
    with TranslationMemory(folder / "a.db") as memory:
        memory.add(source, target, "ko", "en", origin)
        export_tmx(memory, folder / "out.tmx")
        with TranslationMemory(folder / "b.db") as fresh:
            assert import_tmx(fresh, folder / "out.tmx").added == 1
            assert list(map(_fields, fresh.units())) == list(map(_fields, memory.units()))


FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    "name", ["lisa-ImportTest1L.tmx", "lisa-ImportTest2A.tmx", "lisa-ImportTest2B.tmx",
             "lisa-ImportTest2C.tmx"],
)  # fmt: skip
def test_lisa_compliance_kit_codes_survive_the_conversion(name):
    from memory.tmx_inline import Numbering, fill_seg, seg_text

    for tu_element in etree.parse(str(FIXTURES / name)).iter("tu"):
        numbering = Numbering()
        for seg in tu_element.iter("seg"):
            codes: dict = {}
            text = seg_text(seg, numbering, codes)
            # The codes' own content (<b>, {\\b ) is in the tags, not in the text.
            assert "<b>" not in text and "{\\b" not in text
            rebuilt = etree.Element("seg")
            fill_seg(rebuilt, text, codes)
            assert etree.tostring(rebuilt, method="c14n") == etree.tostring(
                etree.fromstring(etree.tostring(seg, with_tail=False)), method="c14n"
            )


KEPT = """<tu tuid="tu001" usagecount="3" creationdate="20020523T091200Z" creationid="ys"
   changedate="20020524T091200Z" changeid="mk" o-tmf="myTM" datatype="plaintext">
   <note>Text of tu note 1</note>
   <note>Text of tu note 2</note>
   <prop type="x-project">Alipay 2014</prop>
   <tuv xml:lang="ko-KR" creationid="ys"><prop type="x-file">a.docx</prop><seg>알리페이가
      호주에 지사를 세운다.</seg></tuv>
   <tuv xml:lang="en-US" changeid="mk" changedate="20020524T091200Z">
      <note>checked</note><seg>Alipay opens a branch in Australia.</seg></tuv>
</tu>"""


def test_props_notes_and_ids_are_kept_and_written_back(memory, tmp_path):
    path = tmp_path / "kit.tmx"
    path.write_text(tmx(KEPT), encoding="utf-8")
    report = import_tmx(memory, path)
    (unit,) = memory.units()
    # The indentation newline inside the seg is layout, not text.
    assert unit.source == "알리페이가 호주에 지사를 세운다."
    assert (report.added, unit.usage) == (1, 3)
    out = tmp_path / "out.tmx"
    export_tmx(memory, out)
    etree.DTD(str(DTD_PATH)).assertValid(etree.parse(str(out)))
    before = etree.parse(str(path)).find(".//tu")
    after = etree.parse(str(out)).find(".//tu")
    for name in ("tuid", "creationid", "changeid", "o-tmf", "datatype", "creationdate"):
        assert after.get(name) == before.get(name), name
    assert [n.text for n in after.iter("note")] == [n.text for n in before.iter("note")]
    props = {(p.get("type"), p.text) for p in after.iter("prop")}
    assert {("x-project", "Alipay 2014"), ("x-file", "a.docx")} <= props
    tuvs = after.findall("tuv")
    assert [t.get(XML_LANG) for t in tuvs] == ["ko-KR", "en-US"]
    assert (tuvs[0].get("creationid"), tuvs[1].get("changeid")) == ("ys", "mk")


def test_alternative_translations_are_kept_newest_first(memory, tmp_path):
    path = tmp_path / "alternatives.tmx"
    body = (
        tu(("ko", "편집"), ("en", "Edit"), attributes=' changedate="20200101T000000Z"')
        + tu(("ko", "편집"), ("en", "Editing"), attributes=' changedate="20230101T000000Z"')
        + tu(("ko", "편집"), ("en", "Modify"), attributes=' changedate="20210101T000000Z"')
    )
    path.write_text(tmx(body), encoding="utf-8")
    report = import_tmx(memory, path)
    assert (report.added, report.alternatives, report.skipped) == (1, 2, [])
    (unit,) = memory.units()
    assert unit.target == "Editing"
    alternatives = memory.unit_meta(unit.id)["alternatives"]
    assert [a["target"] for a in alternatives] == ["Modify", "Edit"]
    # They go back out as tus of their own, and come back in as alternatives again.
    out = tmp_path / "out.tmx"
    export_tmx(memory, out)
    assert [s.text for s in etree.parse(str(out)).iter("seg")][1::2] == [
        "Editing",
        "Modify",
        "Edit",
    ]
    with TranslationMemory(tmp_path / "again.db") as again:
        import_tmx(again, out)
        (unit,) = again.units()
        assert [a["target"] for a in again.unit_meta(unit.id)["alternatives"]] == ["Modify", "Edit"]


def test_tmx_1_1_lang_attributes_are_read(memory, tmp_path):
    path = tmp_path / "old.tmx"
    path.write_text(
        '<?xml version="1.0"?><tmx version="1.1"><header srclang="KO" creationtool="x"'
        ' segtype="sentence" o-tmf="x" adminlang="EN" datatype="plaintext"'
        ' creationtoolversion="1"/>'
        '<body><tu><tuv lang="KO"><seg>알리페이</seg></tuv><tuv lang="EN-US"><seg>Alipay</seg>'
        "</tuv></tu></body></tmx>",
        encoding="utf-8",
    )
    assert import_tmx(memory, path).added == 1
    assert [(u.source, u.target) for u in memory.units()] == [("알리페이", "Alipay")]


def test_memory_import_exits_0_when_it_only_met_units_it_already_had(tmp_path, capsys):
    import main

    path = tmp_path / "same.tmx"
    path.write_text(tmx(tu(("ko", "알리페이"), ("en", "Alipay"))), encoding="utf-8")
    args = ["memory", "import", str(path), "--memory", str(tmp_path / "m.db")]
    assert main.main(args) == 0
    assert main.main(args) == 0
    assert "0 added, 0 updated, 0 skipped, 1 already in the memory" in capsys.readouterr().out


def test_translate_toolkit_reads_the_export_with_the_codes_as_written(memory, tmp_path):
    # translate-toolkit's tmxfile is what Weblate imports translation memories with.
    from translate.storage.tmx import tmxfile

    path = tmp_path / "inline.tmx"
    seg = '<bpt i="1" x="1">&lt;b&gt;</bpt>알리페이<ept i="1">&lt;/b&gt;</ept> 지사'
    target = '<bpt i="1" x="1">&lt;b&gt;</bpt>Alipay<ept i="1">&lt;/b&gt;</ept> branch'
    path.write_text(tmx(tu(("ko", seg), ("en", target))), encoding="utf-8")
    import_tmx(memory, path)
    out = tmp_path / "out.tmx"
    export_tmx(memory, out)
    (unit,) = tmxfile.parsefile(str(out)).units
    assert (unit.source, unit.target) == ("<b>알리페이</b> 지사", "<b>Alipay</b> branch")
