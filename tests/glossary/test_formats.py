"""TBX and CSV/TSV: round trips, safe XML, import plans applied all-or-nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

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
