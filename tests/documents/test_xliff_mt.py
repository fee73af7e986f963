"""An XLIFF with placeholders goes through the real engine and glossary enforcement whole."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from documents.export import export_project
from documents.inline import protect, protecting_tags, restore, tag_tokens
from documents.project import Status
from documents.xliff_import import import_xliff
from glossary.enforce import Strategy, translate_with_glossary
from glossary.matching import TermMatcher
from glossary.store import Concept, Term
from qa.checks import check_segment
from translation.engine import Engine

NEWS = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="story.html" source-language="ko-KR" target-language="en-US" datatype="html">
  <body>
   <trans-unit id="headline" resname="h1">
    <source><g id="1" ctype="bold">알리페이</g>가 호주에 진출했다.</source>
   </trans-unit>
   <trans-unit id="lead">
    <source>알리페이는 <x id="2" ctype="lb"/>{{ count }}개 가맹점과 <ph id="3"
     >&lt;a href="/n"&gt;</ph>계약<ph id="4">&lt;/a&gt;</ph>했다.</source>
   </trans-unit>
   <trans-unit id="fig">
    <source>매출은 <bpt id="5">&lt;i&gt;</bpt>3조<ept id="5">&lt;/i&gt;</ept> 원이다.</source>
   </trans-unit>
  </body>
 </file>
</xliff>
"""
CONCEPTS = [Concept(id=1, terms=[Term("ko", "알리페이"), Term("en", "Alipay")])]


@pytest.mark.parametrize("strategy", [Strategy.INJECT, Strategy.PLACEHOLDER])
def test_every_tag_survives_the_engine_and_enforcement(tmp_path, tiny_packages_dir, strategy):
    path = tmp_path / "story.xlf"
    path.write_text(NEWS, encoding="utf-8")
    engine = Engine(tiny_packages_dir)
    with import_xliff(path, tmp_path / "story.hanbit") as project:
        segments = project.segments()
        assert all(tag_tokens(s.source) for s in segments)
        enforced = translate_with_glossary(
            [s.source for s in segments],
            protecting_tags(partial(engine.translate, source="ko", target="en")),
            TermMatcher(CONCEPTS, "ko", "en"),
            strategy=strategy, source_lang="ko", target_lang="en", concepts=CONCEPTS,
        )  # fmt: skip
        for segment, result in zip(segments, enforced, strict=True):
            assert [t.text for t in tag_tokens(result.text)] == [
                t.text for t in tag_tokens(segment.source)
            ], result.text
            assert result.ok and ("Alipay" in result.text) == ("알리페이" in segment.source)
            assert not [i for i in check_segment(segment.source, result.text,
                        source_lang="ko", target_lang="en") if i.check == "tags"]  # fmt: skip
            project.set_target(segment.id, result.text, status=Status.TRANSLATED)
        export_project(project, tmp_path / "back.xlf")
    back = (tmp_path / "back.xlf").read_text(encoding="utf-8")
    # The copy model gives the source back, the term injected: the markup is the original's.
    assert '<target state="translated"><g id="1" ctype="bold">Alipay</g>' in back
    assert '<x id="2" ctype="lb"/>{{ count }}' in back
    assert '<ph id="3">&lt;a href="/n"&gt;</ph>계약<ph id="4">&lt;/a&gt;</ph>' in back
    assert '<bpt id="5">&lt;i&gt;</bpt>3조<ept id="5">&lt;/i&gt;</ept>' in back


def test_a_tag_the_engine_drops_is_put_back_at_the_end():
    protected = protect("A ⟨1⟩b⟨/1⟩ c ⟨2/⟩")
    placeholders = list(protected.tags)
    output = protected.text.replace(f"\u2997{placeholders[2]}\u2998", "")  # the engine lost ⟨2/⟩
    assert restore(output, protected) == "A ⟨1⟩b⟨/1⟩ c ⟨2/⟩"
    assert restore("x \u2997 100 \u2998y", protect("⟨1/⟩")) == "x ⟨1/⟩y"


def test_tag_numbers_never_collide_with_term_placeholders():
    protected = protect("⦗1⦘가 ⟨1/⟩ 간다 ⦗2⦘")
    assert "⦗1⦘" in protected.text and "⦗2⦘" in protected.text
    assert all(number > 2 for number in protected.tags)
    assert restore(protected.text, protected) == "⦗1⦘가 ⟨1/⟩ 간다 ⦗2⦘"


def test_qa_flags_missing_extra_and_reordered_tags_as_critical():
    source = "알리페이⟨1⟩가⟨/1⟩ ⟨2/⟩ 간다"

    def tags(target: str) -> list[tuple[str, str]]:
        issues = check_segment(source, target, source_lang="ko", target_lang="en")
        return [(i.severity.value, i.message) for i in issues if i.check == "tags"]

    assert tags("Alipay ⟨1⟩goes⟨/1⟩ ⟨2/⟩") == []
    assert tags("Alipay ⟨1⟩goes⟨/1⟩") == [("critical", "Tag ⟨2/⟩ is missing from the target")]
    assert tags("Alipay ⟨1⟩goes⟨/1⟩ ⟨2/⟩ ⟨3/⟩") == [("critical", "Tag ⟨3/⟩ is not in the source")]
    assert tags("⟨2/⟩ Alipay ⟨1⟩goes⟨/1⟩")[0][0] == "critical"
    assert tags("Alipay ⟨/1⟩goes⟨1⟩ ⟨2/⟩")[0] == (
        "critical",
        "Tag ⟨/1⟩ comes before its opening tag",
    )
    # A tag's number is no figure: ⟨2/⟩ never counts as a missing "2".
    figures = check_segment("3조 ⟨2/⟩", "3 trillion ⟨2/⟩", source_lang="ko", target_lang="en")
    assert not [i for i in figures if "2" in i.message]


def test_the_protected_text_is_what_the_engine_sees(tmp_path):
    seen: list[str] = []

    def engine(texts, **kwargs):
        seen.extend(texts)
        return list(texts)

    assert protecting_tags(engine)(["가 ⟨1/⟩ 나"]) == ["가 ⟨1/⟩ 나"]
    assert "⟨" not in seen[0] and "\u2997" in seen[0]
    assert Path(tmp_path).exists()
