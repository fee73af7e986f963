"""Export formats: XLIFF and TMX validate and read back, HTML/CSV/TSV/TXT carry every segment."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from export_sample import glossary_matcher, make_project
from lxml import etree
from lxml import html as lxml_html

from documents.export import EXTENSIONS, FORMATS, ExportError, export_project, format_for
from documents.project import Status

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "schemas"
XLIFF12 = "{urn:oasis:names:tc:xliff:document:1.2}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def project(tmp_path):
    project = make_project(tmp_path)
    yield project
    project.close()


class _LocalSchemas(etree.Resolver):
    """The XLIFF schema imports xml.xsd from w3.org; tests have no network, so use the copy."""

    def resolve(self, url, public_id, context):
        if url.endswith("xml.xsd"):
            return self.resolve_filename(str(SCHEMAS / "xml.xsd"), context)
        return None


@pytest.fixture(scope="module")
def xliff_schema() -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalSchemas())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-core-1.2-strict.xsd"), parser))


def test_format_is_chosen_by_extension_or_name(tmp_path):
    assert format_for(tmp_path / "a.DOCX").name == "docx"
    assert format_for(tmp_path / "a.xlf").name == "xliff"
    assert format_for(tmp_path / "a.xliff").name == "xliff"
    assert format_for(tmp_path / "a.xlf2").name == "xliff2"
    assert format_for(tmp_path / "a.xlf", "xliff2").name == "xliff2"
    assert format_for(tmp_path / "a.docx", "docx-target").name == "docx-target"
    assert {EXTENSIONS[ext] for ext in EXTENSIONS} <= set(FORMATS)
    with pytest.raises(ExportError, match=r"'a\.pdf'.*\.docx"):
        format_for(tmp_path / "a.pdf")
    with pytest.raises(ExportError, match="Unknown export format 'rtf'.*xliff2"):
        format_for(tmp_path / "a.docx", "rtf")


def test_export_refuses_to_overwrite_the_project_itself(project):
    with pytest.raises(ExportError, match="project file itself"):
        export_project(project, Path(project.path), "csv")


def test_xliff12_validates_and_translate_toolkit_reads_every_unit(tmp_path, project, xliff_schema):
    from translate.storage.xliff import xlifffile

    out = tmp_path / "alipay.xlf"
    report = export_project(project, out)
    assert report.format == "xliff"
    tree = etree.parse(str(out))
    assert xliff_schema.validate(tree), xliff_schema.error_log
    segments = project.segments()
    units = xlifffile.parsefile(str(out)).units
    assert [u.source for u in units] == [s.source for s in segments]
    assert [u.target or "" for u in units] == [s.target for s in segments]
    assert [u.xmlelement.get("id") for u in units] == [str(s.id) for s in segments]

    states = {
        unit.get("id"): unit.find(f"{XLIFF12}target").get("state")
        for unit in tree.iter(f"{XLIFF12}trans-unit")
    }
    expected = {
        Status.NEW: "needs-translation",
        Status.DRAFT: "needs-review-translation",
        Status.TRANSLATED: "translated",
        Status.REVIEWED: "signed-off",
    }
    assert states == {str(s.id): expected[s.status] for s in segments}
    draft = next(s for s in segments if s.status is Status.DRAFT)
    target = tree.find(f".//{XLIFF12}trans-unit[@id='{draft.id}']/{XLIFF12}target")
    assert target.get("state-qualifier") == "mt-suggestion"
    commented = next(s for s in segments if s.comment)
    unit = next(u for u in units if u.xmlelement.get("id") == str(commented.id))
    assert unit.getnotes() == commented.comment
    # One group a paragraph, so the paragraph layout survives the trip.
    groups = tree.findall(f".//{XLIFF12}group")
    assert len(groups) == len({s.paragraph for s in segments})


def test_xliff12_carries_glossary_matches_and_still_validates(tmp_path, project, xliff_schema):
    matcher = glossary_matcher()
    out = tmp_path / "terms.xlf"
    export_project(project, out, matcher=matcher)
    tree = etree.parse(str(out))
    assert xliff_schema.validate(tree), xliff_schema.error_log
    notes = [n.text for n in tree.iter(f"{XLIFF12}note") if n.get("from") == "glossary"]
    with_term = [s for s in project.segments() if "알리페이" in s.source]
    assert len(notes) >= len(with_term) > 0
    assert any("알리페이 = Alipay" in note for note in notes)


def test_xliff20_is_read_back_by_translate_toolkit(tmp_path, project):
    from translate.storage.xliff2 import Xliff2File

    out = tmp_path / "alipay.xlf2"
    export_project(project, out)
    root = etree.parse(str(out)).getroot()
    assert root.get("version") == "2.0"
    assert (root.get("srcLang"), root.get("trgLang")) == ("ko", "en")
    segments = project.segments()
    units = Xliff2File.parsefile(str(out)).units
    assert [u.source for u in units] == [s.source for s in segments]
    assert [u.target or "" for u in units] == [s.target for s in segments]
    states = [seg.get("state") for seg in root.iter("{*}segment")]
    assert states.count("reviewed") == sum(s.status is Status.REVIEWED for s in segments)


def test_xliff20_glossary_module_lists_term_translations(tmp_path, project):
    out = tmp_path / "terms.xlf"
    export_project(project, out, "xliff2", matcher=glossary_matcher())
    gls = "{urn:oasis:names:tc:xliff:glossary:2.0}"
    root = etree.parse(str(out)).getroot()
    first = next(s for s in project.segments() if "알리페이" in s.source)
    unit = root.find(f".//{{*}}unit[@id='u{first.id}']")
    entries = {
        (e.findtext(f"{gls}term"), e.findtext(f"{gls}translation"))
        for e in unit.iter(f"{gls}glossEntry")
    }
    assert ("알리페이", "Alipay") in entries
    # The glossary module comes before the core elements of the unit, as XLIFF 2.0 wants.
    assert etree.QName(unit[0]).localname == "glossary"


def test_tmx_validates_against_the_dtd_and_holds_confirmed_segments(tmp_path, project):
    from translate.storage.tmx import tmxfile

    out = tmp_path / "alipay.tmx"
    report = export_project(project, out)
    tree = etree.parse(str(out))
    dtd = etree.DTD(str(SCHEMAS / "tmx14.dtd"))
    assert dtd.validate(tree), dtd.error_log
    header = tree.find("header")
    assert header.get("srclang") == "ko" and header.get("segtype") == "sentence"
    assert header.get("creationtool") == "Hanbit Desk" and header.get("creationtoolversion")
    assert header.get("o-tmf") and header.get("adminlang")
    confirmed = [s for s in project.segments() if s.status in (Status.TRANSLATED, Status.REVIEWED)]
    assert report.exported == len(confirmed) > 0
    units = tmxfile.parsefile(str(out)).units
    assert [(u.source, u.target) for u in units] == [(s.source, s.target) for s in confirmed]
    statuses = [tu.findtext("prop[@type='x-status']") for tu in tree.iter("tu")]
    assert statuses == [s.status.value for s in confirmed]
    langs = {tuv.get(XML_LANG) for tuv in tree.iter("tuv")}
    assert langs == {"ko", "en"}


def test_html_side_by_side_marks_terms_escapes_and_keeps_paragraphs(tmp_path, project):
    out = tmp_path / "alipay.html"
    export_project(project, out, matcher=glossary_matcher())
    text = out.read_text(encoding="utf-8")
    page = lxml_html.fromstring(text)
    segments = project.segments()
    rows = page.xpath("//tbody/tr")
    assert len(rows) == len(segments)
    assert len(page.xpath("//tbody[@class='paragraph']")) == len({s.paragraph for s in segments})
    sources = page.xpath("//td[@class='source']")
    assert {td.get("lang") for td in sources} == {"ko"}
    assert [td.text_content() for td in sources] == [s.source for s in segments]
    marks = page.xpath("//td[@class='source']/mark")
    assert marks and {m.get("title") for m in marks} >= {"Alipay"}
    assert any(m.text == "알리페이" for m in marks)
    # A target with markup characters stays text: no <b> element sneaks into the page.
    assert not page.xpath("//td[contains(@class, 'target')]//b")
    assert '&lt;b&gt; &amp; "quoted"' in text or "&lt;b&gt; &amp; &quot;quoted&quot;" in text
    assert "@media print" in text and "<link" not in text and "<script" not in text
    statuses = [tr.xpath("string(td/span[contains(@class, 'status')])") for tr in rows]
    assert statuses == [s.status.value.capitalize() for s in segments]


def test_html_without_glossary_marks_nothing(tmp_path, project):
    out = tmp_path / "plain.html"
    export_project(project, out)
    assert "<mark" not in out.read_text(encoding="utf-8")


def test_csv_has_bom_and_every_segment_tsv_survives_tabs(tmp_path, project):
    out = tmp_path / "alipay.csv"
    export_project(project, out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read hangul as UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["number", "paragraph", "source", "target", "status", "comment"]
    segments = project.segments()
    assert rows[1:] == [
        [str(s.number), str(s.paragraph + 1), s.source, s.target, s.status.value, s.comment]
        for s in segments
    ]
    tsv = tmp_path / "alipay.tsv"
    export_project(project, tsv)
    assert not tsv.read_bytes().startswith(b"\xef\xbb\xbf")
    tsv_rows = list(csv.reader(io.StringIO(tsv.read_text("utf-8"), newline=""), delimiter="\t"))
    assert tsv_rows == rows


def test_txt_rebuilds_paragraphs_and_keeps_source_where_untranslated(tmp_path, project):
    out = tmp_path / "alipay.txt"
    report = export_project(project, out)
    paragraphs = out.read_text(encoding="utf-8").strip().split("\n\n")
    segments = project.segments()
    assert len(paragraphs) == len({s.paragraph for s in segments})
    assert report.untranslated == sum(1 for s in segments if not s.target)
    first = [s for s in segments if s.paragraph == segments[0].paragraph]
    assert paragraphs[0] == " ".join(s.target or s.source for s in first)


def test_target_docx_has_one_paragraph_per_source_paragraph(tmp_path, project):
    import docx

    out = tmp_path / "alipay-en.docx"
    export_project(project, out, "docx-target")
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    segments = project.segments()
    assert len(texts) == len({s.paragraph for s in segments})
    translated = next(s for s in segments if s.status is Status.REVIEWED)
    assert any(translated.target in t for t in texts)
