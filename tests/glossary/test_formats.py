"""TBX and CSV/TSV: round trips, safe XML, import plans applied all-or-nothing."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.curated import load_curated
from glossary.formats import ImportPlan, apply_import, export_glossary, plan_import
from glossary.store import Concept, GlossaryError, Term, Termbase, TermKind
from paths import CURATED_GLOSSARY


@pytest.fixture
def termbase(tmp_path: Path) -> Termbase:
    with Termbase(tmp_path / "glossary.db") as opened:
        yield opened


@pytest.fixture
def curated(tmp_path: Path) -> Termbase:
    with Termbase(tmp_path / "curated.db") as opened:
        load_curated(opened, CURATED_GLOSSARY)
        yield opened


def content(concept: Concept) -> tuple:
    """Every field a user sees: forms with kind and note, domain, note, status and dates."""
    terms = sorted((t.lang, t.text, str(t.kind), t.note) for t in concept.terms)
    return (
        terms,
        concept.domain,
        concept.note,
        concept.status,
        concept.created_at,
        concept.updated_at,
    )


@pytest.mark.parametrize("name", ["glossary.tbx", "glossary.csv", "glossary.tsv"])
def test_round_trip_of_the_curated_glossary(curated, termbase, tmp_path, name) -> None:
    # A proposed concept with its own dates and a multi-line note with quotes.
    concept = curated.concepts()[0]
    concept.note = 'first line\nsecond line, with "quotes"'
    concept.status = "proposed"
    curated.update_concept(concept)
    curated.delete_concept(concept.id)
    concept.created_at, concept.updated_at = (
        "2014-07-01T09:30:00+00:00",
        "2015-01-02T10:00:00+00:00",
    )
    curated.restore_concept(concept)
    assert content(curated.concept(concept.id))[3:] == (
        "proposed",
        "2014-07-01T09:30:00+00:00",
        "2015-01-02T10:00:00+00:00",
    )
    path = tmp_path / name
    assert export_glossary(curated, path) == curated.count()
    assert termbase.count() == 0  # the data can only come from the file
    plan = plan_import(termbase, path)
    assert (len(plan.added), plan.changed, plan.rejected) == (curated.count(), [], [])
    apply_import(termbase, plan)
    expected = sorted(map(content, curated.concepts()))
    if name.endswith(".tbx"):
        # TBX-Basic dates are days (xsd:date); everything else comes back as it was.
        expected = sorted(c[:4] + (c[4][:10], c[5][:10]) for c in expected)
    assert sorted(map(content, termbase.concepts())) == expected
    again = plan_import(termbase, path)
    assert (again.added, again.changed, again.unchanged) == ([], [], curated.count())


def test_a_bad_date_in_a_file_is_rejected_with_its_line(termbase, tmp_path) -> None:
    path = tmp_path / "dates.csv"
    path.write_text(
        "ko,en,created\n알리페이,Alipay,2014-07-01\n마윈,Jack Ma,last Tuesday\n", encoding="utf-8"
    )
    plan = plan_import(termbase, path)
    assert [c.created_at for c in plan.added] == ["2014-07-01"]
    assert plan.rejected == [(3, "created date 'last Tuesday' is not an ISO 8601 date")]


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE tbx [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<tbx><text><body><conceptEntry id="c1"><langSec xml:lang="en">
<termSec><term>&lol4;</term></termSec></langSec></conceptEntry></body></text></tbx>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE tbx [ <!ENTITY secret SYSTEM "file://{secret}"> ]>
<tbx><text><body><conceptEntry id="c1"><langSec xml:lang="en">
<termSec><term>&secret;</term></termSec></langSec></conceptEntry></body></text></tbx>
"""


def test_a_billion_laughs_file_is_refused(termbase, tmp_path) -> None:
    path = tmp_path / "laughs.tbx"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    with pytest.raises(GlossaryError, match="declares XML entities"):
        plan_import(termbase, path)


def test_an_external_entity_is_never_read(termbase, tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    path = tmp_path / "xxe.tbx"
    path.write_text(EXTERNAL_ENTITY.format(secret=secret), encoding="utf-8")
    with pytest.raises(GlossaryError, match="declares XML entities") as raised:
        plan_import(termbase, path)
    assert "TOP-SECRET" not in str(raised.value)
    assert termbase.count() == 0


TBX_2008 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en"><martifHeader/><text><body>
<termEntry id="t1">
  <descrip type="subjectField">company</descrip>
  <langSet xml:lang="en">
    <tig><term>Ant Financial</term>
      <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <ntig><termGrp><term>Ant Financial Services Group</term>
      <termNote type="normativeAuthorization">admittedTerm</termNote></termGrp></ntig>
    <tig><term>Ant Group Old</term>
      <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig>
  </langSet>
  <langSet xml:lang="zh-Hans"><tig><term>蚂蚁金服</term></tig><tig><term>蚂蚁</term></tig></langSet>
</termEntry>
</body></text></martif>
"""


def test_tbx_2008_files_from_other_tools(termbase, tmp_path) -> None:
    path = tmp_path / "old.tbx"
    path.write_text(TBX_2008, encoding="utf-8")
    apply_import(termbase, plan_import(termbase, path))
    concept = termbase.concepts()[0]
    assert concept.domain == "company"
    assert concept.forms("en", TermKind.PREFERRED) == ["Ant Financial"]
    assert concept.forms("en", TermKind.VARIANT) == ["Ant Financial Services Group"]
    assert concept.forms("en", TermKind.FORBIDDEN) == ["Ant Group Old"]
    # Without a status, the first form of a language is its preferred one.
    assert (concept.preferred("zh-Hans"), concept.forms("zh-Hans", TermKind.VARIANT)) == (
        "蚂蚁金服",
        ["蚂蚁"],
    )


def test_a_file_that_is_not_tbx_says_so(termbase, tmp_path) -> None:
    path = tmp_path / "x.tbx"
    path.write_text("<html><body/></html>", encoding="utf-8")
    with pytest.raises(GlossaryError, match="not a TBX file"):
        plan_import(termbase, path)
    path.write_text("<tbx><unclosed></tbx>", encoding="utf-8")
    with pytest.raises(GlossaryError, match="not readable XML"):
        plan_import(termbase, path)


def test_a_plan_reports_new_changed_and_rejected_rows_by_line(termbase, tmp_path) -> None:
    termbase.add_concept(Concept(terms=[Term("ko", "알리페이"), Term("en", "Alipay")], note="kept"))
    termbase.add_concept(Concept(terms=[Term("ko", "바이두"), Term("en", "Baidu")]))
    termbase.add_concept(Concept(terms=[Term("ko", "애플"), Term("en", "Apple")]))
    path = tmp_path / "import.csv"
    path.write_text(
        "ko,en,en:variant,domain\n"
        "알리페이,Alipay,Zhifubao,product\n"  # line 2: known, gains a variant and a domain
        "마윈,Jack Ma,,person\n"  # line 3: new
        "마윈,Ma Yun,,person\n"  # line 4: 마윈 again
        ",,,company\n"  # line 5: no form at all
        "바이두,Apple,,company\n"  # line 6: forms of two concepts
        "아이폰6,iPhone 6,iPhone6 | iPhone6,product\n",  # line 7: same variant twice
        encoding="utf-8",
    )
    revision = termbase.revision
    plan = plan_import(termbase, path)
    assert termbase.revision == revision and termbase.count() == 3  # planning writes nothing
    # Line 4 repeats 마윈: in a table that is a synonym row, merged into line 3's concept.
    (jack_ma,) = plan.added
    assert (jack_ma.preferred("en"), jack_ma.forms("en", TermKind.VARIANT)) == (
        "Jack Ma",
        ["Ma Yun"],
    )
    alipay, baidu = plan.changed
    assert (alipay.preferred("ko"), alipay.forms("en", TermKind.VARIANT)) == (
        "알리페이",
        ["Zhifubao"],
    )
    assert (alipay.domain, alipay.note) == ("product", "kept")
    # Line 6 holds forms of two concepts: by default it joins the first; Apple stays Apple's.
    assert (baidu.preferred("ko"), baidu.domain, baidu.forms("en")) == (
        "바이두",
        "company",
        ["Baidu"],
    )
    warnings = {w.key: w for w in plan.warnings}
    assert set(warnings) == {"4/shared", "6/owners"}
    assert (
        warnings["4/shared"].choice == "merge" and "also on line 3" in warnings["4/shared"].message
    )
    assert [line for line, _ in plan.rejected] == [5, 7]
    reasons = dict(plan.rejected)
    assert "at least one preferred or variant" in reasons[5]
    assert "appears twice" in reasons[7]
    apply_import(termbase, plan)
    assert termbase.count() == 4
    assert termbase.concept(alipay.id).forms("en", TermKind.VARIANT) == ["Zhifubao"]


def test_apply_is_all_or_nothing(termbase) -> None:
    plan = ImportPlan(
        added=[
            Concept(terms=[Term("en", "Baidu")]),
            Concept(terms=[Term("en", "Alibaba")]),
            Concept(terms=[Term("en", "baidu")]),  # clashes with the first once it is written
        ],
        revision=termbase.revision,
    )
    with pytest.raises(GlossaryError, match="nothing was imported"):
        apply_import(termbase, plan)
    assert termbase.count() == 0


def test_a_plan_made_before_a_change_is_refused(termbase, tmp_path) -> None:
    path = tmp_path / "g.tsv"
    path.write_text("ko\ten\n알리페이\tAlipay\n", encoding="utf-8")
    plan = plan_import(termbase, path)
    termbase.add_concept(Concept(terms=[Term("en", "Alipay")]))
    with pytest.raises(GlossaryError, match="changed since.*would now do something else"):
        apply_import(termbase, plan)
    assert termbase.count() == 1


def test_an_import_planned_before_an_unrelated_change_is_applied(termbase, tmp_path) -> None:
    # Three desks import unrelated glossaries into one termbase at once: the later ones find
    # the revision moved on, plan again under the write lock, and since nothing they would
    # write changed, they go ahead instead of asking the translator to plan again.
    paths = []
    for number, (ko, en) in enumerate(
        [("알리페이", "Alipay"), ("바이두", "Baidu"), ("애플", "Apple")]
    ):
        paths.append(tmp_path / f"g{number}.tsv")
        paths[-1].write_text(f"ko\ten\n{ko}\t{en}\n", encoding="utf-8")
    plans = [plan_import(termbase, path) for path in paths]
    for plan in plans:
        apply_import(termbase, plan)
    assert sorted(c.preferred("en") for c in termbase.concepts()) == ["Alipay", "Apple", "Baidu"]


def test_omegat_two_column_files(termbase, tmp_path) -> None:
    path = tmp_path / "glossary.txt"
    path.write_text("알리페이\tAlipay\tpayment service\n마윈\tJack Ma\n", encoding="utf-8")
    apply_import(termbase, plan_import(termbase, path, langs=("ko", "en")))
    alipay, jack_ma = termbase.concepts()
    assert (alipay.preferred("ko"), alipay.preferred("en"), alipay.note) == (
        "알리페이",
        "Alipay",
        "payment service",
    )
    assert jack_ma.preferred("en") == "Jack Ma"
    out = tmp_path / "out.txt"
    export_glossary(termbase, out, langs=("ko", "en"), two_column=True)
    assert out.read_text("utf-8") == "알리페이\tAlipay\tpayment service\n마윈\tJack Ma\t\n"


def test_an_import_never_demotes_a_preferred_form(termbase, tmp_path) -> None:
    termbase.add_concept(
        Concept(
            terms=[Term("ko", "위어바오"), Term("en", "Yu'e Bao"), Term("en", "Yebao", "variant")]
        )
    )
    path = tmp_path / "omegat.txt"
    path.write_text("위어바오\tYuebao\n", encoding="utf-8")
    plan = plan_import(termbase, path, langs=("ko", "en"))
    (changed,) = plan.changed
    assert plan.details() == [
        f"line 1: changed #{changed.id} Yu'e Bao: en + 'Yuebao' (variant)",
        "line 1: en preferred form stays \"Yu'e Bao\"; 'Yuebao' is a variant",
    ]
    apply_import(termbase, plan)
    concept = termbase.concept(changed.id)
    assert concept.preferred("en") == "Yu'e Bao"
    assert concept.forms("en", TermKind.VARIANT) == ["Yebao", "Yuebao"]
    # A file marking a known variant preferred, or the preferred form forbidden, changes nothing
    # unless the translator says so: the forbidding is a warning to resolve, kept by default.
    path = tmp_path / "kinds.csv"
    path.write_text("ko,en,en:forbidden\n위어바오,Yebao,Yu'e Bao\n", encoding="utf-8")
    plan = plan_import(termbase, path)
    assert (plan.changed, plan.unchanged, plan.rejected) == ([], 1, [])
    (warning,) = plan.warnings
    assert warning.choice == "keep" and 'forbids "Yu\'e Bao"' in warning.message
    plan = plan_import(termbase, path, choices={warning.key: "forbid"})
    (changed,) = plan.changed
    assert plan.details()[0] == (
        f'line 2: changed #{changed.id} Yebao: en "Yu\'e Bao": preferred -> forbidden;'
        " en 'Yebao': variant -> preferred"
    )
    assert changed.forms("en", TermKind.FORBIDDEN) == ["Yu'e Bao"]


def test_a_headerless_file_without_languages_explains_what_to_do(termbase, tmp_path) -> None:
    path = tmp_path / "glossary.txt"
    path.write_text("알리페이\tAlipay\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="column '알리페이' is neither a language code"):
        plan_import(termbase, path)


def test_korean_excel_csv_in_cp949_is_read(termbase, tmp_path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(
        "ko,en,note\n알리페이,Alipay,결제 서비스\n위어바오,Yu'e Bao,펀드\n".encode("cp949")
    )
    apply_import(termbase, plan_import(termbase, path))
    assert [(c.preferred("ko"), c.note) for c in termbase.concepts()] == [
        ("알리페이", "결제 서비스"),
        ("위어바오", "펀드"),
    ]


def test_semicolon_csv_and_unknown_suffix(termbase, tmp_path) -> None:
    path = tmp_path / "semi.csv"
    path.write_text("ko;en\n알리페이;Alipay\n", encoding="utf-8")
    assert [c.preferred("en") for c in plan_import(termbase, path).added] == ["Alipay"]
    with pytest.raises(GlossaryError, match="unknown glossary format"):
        plan_import(termbase, tmp_path / "glossary.docx")


def test_an_empty_glossary_is_no_tbx(termbase, tmp_path) -> None:
    with pytest.raises(GlossaryError, match="at least one concept"):
        export_glossary(termbase, tmp_path / "empty.tbx")
    assert not (tmp_path / "empty.tbx").exists()


def test_a_failed_export_leaves_the_previous_file(curated, tmp_path) -> None:
    target = tmp_path / "out" / "glossary.tbx"
    with pytest.raises(GlossaryError, match="cannot write"):
        export_glossary(curated, target)  # the folder does not exist
    target.parent.mkdir()
    target.write_text("previous", encoding="utf-8")
    export_glossary(curated, target)
    assert target.read_text("utf-8").startswith("<?xml")
    assert not list(target.parent.glob(".*part"))


LOCALES = """<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en-US">
<tbxHeader><fileDesc><sourceDesc><p>MultiTerm</p></sourceDesc></fileDesc></tbxHeader>
<text><body><conceptEntry id="x1">
  <langSec xml:lang="ko-KR"><termSec><term>알리페이</term></termSec></langSec>
  <langSec xml:lang="en-US"><termSec><term>Alipay</term></termSec></langSec>
  <langSec xml:lang="en-GB"><termSec><term>AliPay Ltd</term></termSec></langSec>
  <langSec xml:lang="zh-CN"><termSec><term>支付宝</term></termSec></langSec>
  <langSec xml:lang="zh-TW"><termSec><term>支付寶</term></termSec></langSec>
  <langSec xml:lang="ja-JP"><termSec><term>アリペイ</term></termSec></langSec>
</conceptEntry></body></text></tbx>
"""


def test_locales_of_other_tools_become_desk_languages(termbase, tmp_path) -> None:
    path = tmp_path / "multiterm.tbx"
    path.write_text(LOCALES, encoding="utf-8")
    apply_import(termbase, plan_import(termbase, path))
    concept = termbase.concepts()[0]
    assert (
        concept.preferred("ko"),
        concept.preferred("zh-Hans"),
        concept.preferred("zh-Hant"),
    ) == (
        "알리페이",
        "支付宝",
        "支付寶",
    )
    assert concept.preferred("en") == "Alipay"
    assert concept.forms("en", TermKind.VARIANT) == ["AliPay Ltd"]  # en-GB's form, kept
    assert concept.preferred("ja-JP") == "アリペイ"


FIXTURES = Path(__file__).parent / "fixtures"


def test_omegat_glossaries_read_as_omegat_reads_them(termbase) -> None:
    # OmegaT's own test data: quoted CSV cells, a comment column, a BOM'd file holding only a
    # "# coding" comment line, and Windows "Unicode text" (UTF-16 LE with BOM).
    forms = {}
    for name in ("test.csv", "test.tab", "test-magiccomment-bom.tab", "testUTF16LE.txt"):
        plan = plan_import(termbase, FIXTURES / f"omegat-{name}", langs=("en", "fr"))
        assert plan.rejected == [] and plan.warnings == []
        forms[name] = [(c.preferred("en"), c.preferred("fr"), c.note) for c in plan.added]
    assert forms["test.csv"][3:5] == [("kde, qu", "comma dot", ""), ('"kde","q"', "cdk", "")]
    assert len(forms["test.csv"]) == 7
    assert forms["test.tab"][2] == (
        "地球システム",
        "System Terre",
        "https://fr.wikipedia.org/wiki/Science_du_syst%C3%A8me_Terre",
    )
    assert forms["test-magiccomment-bom.tab"] == []
    assert forms["testUTF16LE.txt"] == [
        ("UTF", "Unicode Transformation Format", "Comment #1"),
        ("LE", "Little Endian", "Comment #2"),
    ]


def test_omegat_synonym_rows_and_deepl_variant_spellings_become_one_concept(termbase, tmp_path):
    omegat = tmp_path / "glossary.txt"
    omegat.write_text("알리페이\tAlipay\n알리페이\tZhifubao\t(pinyin)\n", encoding="utf-8")
    plan = plan_import(termbase, omegat, langs=("ko", "en"))
    (concept,) = plan.added
    assert (concept.preferred("en"), concept.forms("en", TermKind.VARIANT)) == (
        "Alipay",
        ["Zhifubao"],
    )
    assert [w.key for w in plan.warnings] == ["2/shared"] and plan.rejected == []
    deepl = tmp_path / "deepl.csv"
    deepl.write_text(
        "위어바오,Yu'e Bao,KO,EN\n위어바오,Yuebao,KO,EN\n마윈,Jack Ma,KO,EN\n", encoding="utf-8"
    )
    plan = plan_import(termbase, deepl)
    yuebao, jack_ma = plan.added
    assert (yuebao.preferred("en"), yuebao.forms("en", TermKind.VARIANT)) == (
        "Yu'e Bao",
        ["Yuebao"],
    )
    assert (jack_ma.preferred("ko"), jack_ma.preferred("en")) == ("마윈", "Jack Ma")


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-8", b"")]
)
def test_excel_unicode_text_and_bom_exports(termbase, tmp_path, encoding, bom) -> None:
    path = tmp_path / "excel.txt"
    text = "ko\ten\tnote\r\n알리페이\tAlipay\t결제\r\n"
    path.write_bytes(bom + text.encode(encoding) if bom else b"\xef\xbb\xbf" + text.encode())
    (concept,) = plan_import(termbase, path).added
    assert (concept.preferred("ko"), concept.preferred("en"), concept.note) == (
        "알리페이",
        "Alipay",
        "결제",
    )


@pytest.mark.parametrize(
    ("data", "right"),
    [
        ("zh-Hans,en\n支付宝,Alipay\n".encode("gb18030"), "gb18030"),
        ("zh-Hant,en\n支付寶,Alipay\n".encode("big5"), "big5"),
        ("ko,en\n알리페이,Alipay\n".encode() + b"\n\xe9\xbb,x\n", None),
    ],
)
def test_a_short_table_in_a_legacy_encoding_is_a_guess_to_confirm(termbase, tmp_path, data, right):
    path = tmp_path / "short.csv"
    path.write_bytes(data)
    plan = plan_import(termbase, path)
    # A handful of bytes cannot prove an encoding: the plan says it guessed, so the preview
    # asks and the CLI refuses until the encoding is given; nothing is ever "repaired".
    assert plan.decoding.guessed
    assert not any("\ufffd" in t.text for c in plan.added for t in c.terms)
    if right:
        (concept,) = plan_import(termbase, path, encoding=right).added
        assert concept.preferred("en") == "Alipay" and concept.terms[0].text in ("支付宝", "支付寶")
        assert not plan_import(termbase, path, encoding=right).decoding.guessed


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfe" + "ko\ten\n".encode("utf-16-le") + b"a", "UTF-16 byte order mark.*damaged"),
        (b"\xff\xfe" + "ko\ten\n".encode("utf-16-le") + b"\x00\xd8a\x00", "damaged"),
        ("ko,en\n알리\x01페이,Alipay\n".encode(), "line 2: the control character U\\+0001"),
        (b"ko,en\n\x00,Alipay\n", "line 2: the control character U\\+0000"),
        ("ko\ten\n알리페이\tAlipay\n".encode("utf-16-le"), "UTF-16 text without a byte order"),
        (
            'ko,en\n알리페이,"Alipay\n바이두,Baidu\n마윈,Jack Ma\n'.encode(),
            "line 2: .*never closed",
        ),
    ],
)
def test_damaged_tables_are_refused_with_a_reason(termbase, tmp_path, data, message) -> None:
    path = tmp_path / "damaged.csv"
    path.write_bytes(data)
    with pytest.raises(GlossaryError, match=message):
        plan_import(termbase, path)


def test_a_quote_closed_rows_later_does_not_make_a_multi_line_term(termbase, tmp_path) -> None:
    path = tmp_path / "quote.csv"
    path.write_text('ko,en\n알리페이,"Alipay\n바이두,Baidu"\n마윈,Jack Ma\n', encoding="utf-8")
    plan = plan_import(termbase, path)
    assert [line for line, _ in plan.rejected] == [2]
    assert "quote is not closed" in plan.rejected[0][1]
    assert [c.preferred("en") for c in plan.added] == ["Jack Ma"]


def test_control_characters_never_reach_the_termbase(termbase) -> None:
    for bad in ("Ali\x00pay", "Ali\x01pay", "Ali\x85pay"):
        with pytest.raises(GlossaryError, match="control character"):
            termbase.add_concept(Concept(terms=[Term("en", bad)]))
    with pytest.raises(GlossaryError, match="control character U\\+0007"):
        termbase.add_concept(Concept(terms=[Term("en", "Alipay")], note="bell\x07"))
    assert termbase.count() == 0


def test_csv_exports_neutralise_formulas_and_read_them_back(termbase, tmp_path) -> None:
    # OWASP CSV injection: a cell starting with = + - @ (or tab/CR) runs as a formula in Excel.
    termbase.add_concept(
        Concept(
            terms=[Term("ko", "하이퍼링크"), Term("en", '=HYPERLINK("http://x.test","y")')],
            note="@SUM(A1:A2)",
            domain="-5%",
        )
    )
    for name in ("out.csv", "out.tsv"):
        path = tmp_path / name
        export_glossary(termbase, path)
        text = path.read_text("utf-8-sig")
        assert "'=HYPERLINK" in text and "'@SUM" in text and "'-5%" in text
        assert not any(
            cell.startswith(("=", "+", "-", "@")) for cell in text.replace("\t", ",").split(",")
        )
        with Termbase(tmp_path / f"{name}.db") as fresh:
            apply_import(fresh, plan_import(fresh, path))
            (concept,) = fresh.concepts()
            assert concept.preferred("en") == '=HYPERLINK("http://x.test","y")'
            assert (concept.note, concept.domain) == ("@SUM(A1:A2)", "-5%")


def test_a_termbase_with_a_non_integer_schema_says_so(tmp_path) -> None:
    import sqlite3

    path = tmp_path / "odd.db"
    Termbase(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = 'two' WHERE key = 'schema'")
    db.close()
    with pytest.raises(GlossaryError, match="schema version 'two' is not a number"):
        Termbase(path)


def test_a_schema_1_termbase_is_migrated_and_keeps_its_concepts(tmp_path) -> None:
    import sqlite3

    path = tmp_path / "old.db"
    with Termbase(path) as termbase:
        termbase.add_concept(Concept(terms=[Term("ko", "알리페이"), Term("en", "Alipay")]))
    with sqlite3.connect(path) as db:  # what a schema-1 desk wrote: no details columns
        db.execute("ALTER TABLE terms DROP COLUMN details")
        db.execute("ALTER TABLE concepts DROP COLUMN details")
        db.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    db.close()
    with Termbase(path) as termbase:
        assert termbase.meta("schema") == "2"
        (concept,) = termbase.concepts()
        concept.terms[1].details = {"partOfSpeech": "properNoun"}
        termbase.update_concept(concept)
        assert termbase.concepts()[0].terms[1].details == {"partOfSpeech": "properNoun"}


def test_cli_refuses_a_guessed_encoding_until_it_is_given(tmp_path, capsys) -> None:
    import main

    path = tmp_path / "short.csv"
    path.write_bytes("zh-Hans,en\n哔哩哔哩,Bilibili\n".encode("gb18030"))
    db = tmp_path / "g.db"
    args = ["glossary", "import", str(path), "--glossary", str(db)]
    assert main.main(args) == 1
    out = capsys.readouterr().out
    assert "is a guess" in out and "nothing imported: the encoding was only guessed" in out
    assert main.main([*args, "--encoding", "gb18030"]) == 0
    assert "imported into" in capsys.readouterr().out
    main.main(["glossary", "search", "Bilibili", "--glossary", str(db)])
    assert "哔哩哔哩" in capsys.readouterr().out


def test_cli_names_a_damaged_termbase_instead_of_a_traceback(tmp_path, capsys) -> None:
    import sqlite3

    import main

    db = tmp_path / "g.db"
    Termbase(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = '1.5' WHERE key = 'schema'")
    conn.close()
    assert main.main(["glossary", "list", "--glossary", str(db)]) == 2
    assert "schema version '1.5' is not a number" in capsys.readouterr().err


def test_three_concurrent_imports_of_unrelated_glossaries_all_land(tmp_path) -> None:
    import threading

    database = tmp_path / "shared.db"
    Termbase(database).close()
    rows = [("알리페이", "Alipay"), ("바이두", "Baidu"), ("텐센트", "Tencent")]
    paths = []
    for number, (ko, en) in enumerate(rows):
        paths.append(tmp_path / f"g{number}.csv")
        paths[-1].write_text(f"ko,en\n{ko},{en}\n", encoding="utf-8")
    planned = threading.Barrier(3)
    errors: list[BaseException] = []

    def desk(path: Path) -> None:
        try:
            with Termbase(database) as own:  # each desk its own connection, as in the window
                plan = plan_import(own, path)
                planned.wait(timeout=30)  # every plan is made before any import is written
                apply_import(own, plan)
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=desk, args=(path,)) for path in paths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    with Termbase(database) as termbase:
        assert sorted(c.preferred("en") for c in termbase.concepts()) == [
            "Alipay",
            "Baidu",
            "Tencent",
        ]


_CELLS = st.text(
    alphabet=st.sampled_from(
        list("알리페이支付寶宝Alipay =+-@'\"\t\r\n,;|\x00\x01\x85\ufeff\ufffd")
    ),
    max_size=12,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(st.lists(_CELLS, min_size=1, max_size=4), min_size=1, max_size=5),
    codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp949", "gb18030", "big5"]),
    damage=st.sampled_from([b"", b"\xff", b"\xe9\xbb", b"\x00"]),
)
def test_any_table_is_imported_cleanly_or_refused_with_a_reason(tmp_path, rows, codec, damage):
    # Hostile tables: formula-like cells, control characters, quotes, legacy encodings, a
    # damaged byte. The import either plans terms free of control characters and U+FFFD, or
    # refuses with a GlossaryError; never a traceback of another kind.
    text = "ko,en\n" + "\n".join(",".join(row) for row in rows) + "\n"
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        return
    # tmp_path is one folder for every example hypothesis tries: each gets its own, or a
    # termbase filled by an earlier example changes what this one plans
    work = Path(tempfile.mkdtemp(dir=tmp_path))
    path = work / "fuzz.csv"
    path.write_bytes(data + damage)
    with Termbase(work / "fuzz.db") as termbase:
        try:
            plan = plan_import(termbase, path)
        except GlossaryError:
            return
        for concept in [*plan.added, *plan.changed]:
            for term in concept.terms:
                assert not any(ord(c) < 32 and c not in "\t\n" for c in term.text)
                assert "\ufffd" not in term.text or "\ufffd" in text
        if not plan.decoding.guessed and not plan.rejected:
            apply_import(termbase, plan)
