"""XLIFF import: our own 1.2 and 2.0 files come back whole; foreign and hostile files handled."""

from __future__ import annotations

import pytest
from export_sample import make_project

from documents.export import export_project
from documents.project import Project, Status
from documents.xliff_import import XliffImportError, desk_language, import_xliff, read_xliff


@pytest.fixture
def project(tmp_path):
    project = make_project(tmp_path)
    yield project
    project.close()


def _essentials(segments):
    return [(s.source, s.target, s.status, s.comment) for s in segments]


@pytest.mark.parametrize("extension", [".xlf", ".xlf2"])
def test_our_xliff_becomes_an_equal_project(tmp_path, project, extension):
    out = tmp_path / f"alipay{extension}"
    export_project(project, out)
    imported = import_xliff(out, tmp_path / "imported.hanbit")
    try:
        assert (imported.source_lang, imported.target_lang) == ("ko", "en")
        assert imported.name == project.name
        original = project.segments()
        again = imported.segments()
        assert _essentials(again) == _essentials(original)

        # Paragraph layout survives: the same segments share a paragraph.
        def layout(segments):
            return [s.paragraph == segments[i - 1].paragraph for i, s in enumerate(segments)][1:]

        assert layout(again) == layout(original)
        with_target = next(s for s in again if s.target)
        assert imported.history(with_target.id)[-1].origin == "xliff-import"
    finally:
        imported.close()


def test_xliff12_keeps_the_mt_draft(tmp_path, project):
    draft = next(s for s in project.segments() if s.status is Status.DRAFT)
    project.set_target(draft.id, "The translator's own draft.", status=Status.DRAFT)
    out = tmp_path / "alipay.xlf"
    export_project(project, out)
    content = read_xliff(out)
    by_source = {s.source: s for s in content.segments}
    assert by_source[draft.source].mt == draft.mt
    assert by_source[draft.source].target == "The translator's own draft."


FOREIGN_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="news.html" source-language="zh-CN" target-language="en-US" datatype="html">
  <body>
   <trans-unit id="a1">
    <source>支付宝<g id="1">澳大利亚</g>公司<x id="2"/>成立。</source>
    <target state="final">Alipay <g id="1">Australia</g> was founded.</target>
    <note>Client term list v3</note>
   </trans-unit>
   <trans-unit id="a2" translate="no"><source>&lt;br&gt;</source></trans-unit>
   <trans-unit id="a3"><source>蚂蚁金服<ph id="3">&lt;b&gt;</ph>宣布。</source>
    <target state="needs-review-translation">Ant Financial announced.</target></trans-unit>
   <trans-unit id="a4"><source>余额宝</source></trans-unit>
  </body>
 </file>
</xliff>
"""


def test_a_foreign_xliff12_keeps_its_inline_codes_as_tags(tmp_path):
    path = tmp_path / "news.xlf"
    path.write_text(FOREIGN_12, encoding="utf-8")
    content = read_xliff(path)
    assert (content.source_lang, content.target_lang) == ("zh-Hans", "en")
    assert [(s.source, s.target, s.status) for s in content.segments] == [
        (
            "支付宝⟨1⟩澳大利亚⟨/1⟩公司⟨2/⟩成立。",
            "Alipay ⟨1⟩Australia⟨/1⟩ was founded.",
            Status.REVIEWED,
        ),
        ("蚂蚁金服⟨1/⟩宣布。", "Ant Financial announced.", Status.DRAFT),
        ("余额宝", "", Status.NEW),
    ]
    assert content.segments[0].comment == "Client term list v3"
    # Without our paragraph groups, each unit is a paragraph of its own.
    assert [s.paragraph for s in content.segments] == [0, 1, 2]


FOREIGN_20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ko-KR" trgLang="en">
 <file id="f1">
  <unit id="u1">
   <notes><note>Headline</note></notes>
   <segment state="translated"><source>알리페이 호주 진출.</source>
    <target>Alipay enters Australia.</target></segment>
   <segment><source>두번째 문장<ph id="1"/>이다.</source></segment>
  </unit>
  <unit id="u2">
   <segment state="final"><source>끝.</source><target>The end.</target></segment></unit>
 </file>
</xliff>
"""


def test_a_foreign_xliff20_segment_is_a_paragraph_of_its_own(tmp_path):
    # The other tool fixed its segments: joining two would leave it one target for two sources.
    path = tmp_path / "news.xlf"
    path.write_text(FOREIGN_20, encoding="utf-8")
    content = read_xliff(path)
    assert content.version == "2.0" and content.source_lang == "ko"
    assert [(s.source, s.target, s.status, s.paragraph) for s in content.segments] == [
        ("알리페이 호주 진출.", "Alipay enters Australia.", Status.TRANSLATED, 0),
        ("두번째 문장⟨1/⟩이다.", "", Status.NEW, 1),
        ("끝.", "The end.", Status.REVIEWED, 2),
    ]
    assert content.segments[0].comment == "Headline"


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<xliff version="1.2"><file source-language="ko" target-language="en"><body>
<trans-unit id="1"><source>&b;</source></trans-unit></body></file></xliff>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xliff version="1.2"><file source-language="ko" target-language="en"><body>
<trans-unit id="1"><source>&secret;</source></trans-unit></body></file></xliff>
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (BILLION_LAUGHS, "declares a DOCTYPE or entities"),
        ("<!-- " + "x" * 5000 + " -->\n<!DOCTYPE xliff>\n<xliff version='1.2'/>", "no <file>"),
        (EXTERNAL_ENTITY, "declares a DOCTYPE or entities"),
        ("<xliff version='1.2'><file", "not well-formed XML"),
        ("<tmx version='1.4'/>", "not XLIFF: its root element is <tmx>"),
        ("<xliff version='3.0'/>", "XLIFF version 3.0 is not supported; the desk reads"),
        (
            "<xliff version='1.2'><file source-language='ko'><body/></file></xliff>",
            "does not say its target language",
        ),
        (
            "<xliff version='1.2'><file source-language='ko' target-language='en'><body>"
            "<trans-unit id='1'><source> <x id='1'/></source></trans-unit></body></file></xliff>",
            "has no translatable units",
        ),
        (
            "<xliff version='1.2'><file source-language='ko' target-language='en'>"
            "<body/></file></xliff>",
            "has no translatable units",
        ),
    ],
)
def test_bad_or_hostile_files_are_refused_with_a_reason(tmp_path, text, message):
    path = tmp_path / "bad.xlf"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(XliffImportError, match=message):
        read_xliff(path)
    with pytest.raises(XliffImportError):
        import_xliff(path, tmp_path / "never.hanbit")
    assert not (tmp_path / "never.hanbit").exists()


def test_an_existing_project_is_never_overwritten(tmp_path, project):
    out = tmp_path / "alipay.xlf"
    export_project(project, out)
    before = [s.target for s in project.segments()]
    with pytest.raises(Exception, match="exists"):
        import_xliff(out, project.path)
    with Project.open(project.path, read_only=True) as again:
        assert [s.target for s in again.segments()] == before


def test_language_codes_are_spelled_as_the_desk_does():
    assert [desk_language(c) for c in ("ko-KR", "zh-CN", "zh_TW", "zh-Hant-HK", "en-GB")] == [
        "ko",
        "zh-Hans",
        "zh-Hant",
        "zh-Hant",
        "en",
    ]


def test_the_desks_own_xliff_writes_tags_as_inline_codes_and_reads_them_back(tmp_path):
    from lxml import etree

    segments = [
        ("알리페이⟨1⟩가⟨/1⟩ 간다 ⟨2/⟩", "⟨1⟩Alipay⟨/1⟩ goes ⟨2/⟩", Status.TRANSLATED),
        ("끝 ⟨1/⟩", "End ⟨/1⟩broken⟨1⟩", Status.DRAFT),  # an unfinished target stays text
    ]
    with Project.create_from_segments(
        tmp_path / "p.hanbit", segments, source_lang="ko", target_lang="en"
    ) as project:
        export_project(project, tmp_path / "p.xlf", "xliff")
        export_project(project, tmp_path / "p.xlf2", "xliff2")
    one = (tmp_path / "p.xlf").read_text(encoding="utf-8")
    from test_xliff_roundtrip import strict_12_schema

    schema = strict_12_schema()
    assert schema.validate(etree.parse(str(tmp_path / "p.xlf"))), schema.error_log
    assert '<source xml:lang="ko">알리페이<g id="1">가</g> 간다 <x id="2"/></source>' in one
    assert '<g id="1">Alipay</g> goes <x id="2"/></target>' in one
    assert "End ⟨/1⟩broken⟨1⟩</target>" in one
    two = etree.fromstring((tmp_path / "p.xlf2").read_bytes())
    first = next(two.iter("{*}source"))
    assert [(etree.QName(e).localname, e.get("id")) for e in first] == [("pc", "1"), ("ph", "2")]
    for name in ("p.xlf", "p.xlf2"):
        back = read_xliff(tmp_path / name)
        assert [(s.source, s.target) for s in back.segments] == [(s, t) for s, t, _ in segments]


SYMFONY_10 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "http://www.oasis-open.org/committees/xliff/documents/xliff.dtd">
<xliff version="1.0">
  <file source-language="ko" target-language="en" datatype="plaintext" original="messages">
    <header/>
    <body>
      <trans-unit id="1"><source>알리페이</source><target>Alipay</target></trans-unit>
    </body>
  </file>
</xliff>
"""


def test_an_xliff10_naming_the_oasis_dtd_is_read_without_fetching_it(tmp_path):
    path = tmp_path / "messages.ko.xliff"
    path.write_text(SYMFONY_10, encoding="utf-8")
    content = read_xliff(path)  # no network here: a fetch would fail the parse
    assert [(s.source, s.target) for s in content.segments] == [("알리페이", "Alipay")]


def test_two_segments_joined_in_our_own_xliff_go_back_once(tmp_path):
    segments = [("첫 문장.", "", Status.NEW, 0), ("둘째 문장.", "", Status.NEW, 0)]
    with Project.create_from_segments(
        tmp_path / "p.hanbit", segments, source_lang="ko", target_lang="en"
    ) as project:
        export_project(project, tmp_path / "ours.xlf", "xliff")
    with import_xliff(tmp_path / "ours.xlf", tmp_path / "again.hanbit") as project:
        first = project.join_segments(project.segments()[0].id)
        project.set_target(first.id, "First. Second.", status=Status.TRANSLATED)
        export_project(project, tmp_path / "back.xlf")
    back = read_xliff(tmp_path / "back.xlf")
    assert [(s.source, s.target) for s in back.segments] == [
        ("첫 문장.", "First. Second."),
        ("둘째 문장.", ""),
    ]
