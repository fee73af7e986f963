"""TMX 1.4b: export that validates, round trip, regional codes, skipped units, hostile files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from memory.store import TranslationMemory
from memory.tmx import TMXError, export_tmx, import_tmx

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


def test_inline_codes_are_dropped_and_highlighted_text_kept(memory, tmp_path):
    path = tmp_path / "inline.tmx"
    seg = '알리페이<ph x="1">&lt;br/&gt;</ph> <hi type="b">호주</hi> 지사'
    path.write_text(tmx(tu(("ko", seg), ("en", "Alipay Australia"))), encoding="utf-8")
    import_tmx(memory, path)
    assert [u.source for u in memory.units()] == ["알리페이 호주 지사"]


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
def test_any_text_survives_the_round_trip(tmp_path_factory, source, target, origin):
    folder = tmp_path_factory.mktemp("roundtrip")
    with TranslationMemory(folder / "a.db") as memory:
        memory.add(source, target, "ko", "en", origin)
        export_tmx(memory, folder / "out.tmx")
        with TranslationMemory(folder / "b.db") as fresh:
            assert import_tmx(fresh, folder / "out.tmx").added == 1
            assert list(map(_fields, fresh.units())) == list(map(_fields, memory.units()))
