"""QA messages in the interface language, and the never-flag list kept across projects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.checks import Severity, check_segment
from qa.messages import check_name, render_issue, severity_name
from qa.never_flag import Entry, NeverFlag, NeverFlagError


def issues(source: str, target: str) -> list:
    return check_segment(source, target, source_lang="ko", target_lang="en")


def test_a_unit_error_reads_in_korean_naming_both_figures():
    [issue] = issues("2010년까지 5와트의 풍력", "5 gigawatts of wind by 2010")
    korean = render_issue(issue, "ko")
    assert korean.startswith("원문은 5와트 (5 W), 번역문은 5 gigawatts (5 GW)")
    assert "단위가 다릅니다" in korean
    assert render_issue(issue, "en") == issue.message  # English is the check's own message
    assert (check_name(issue.check, "ko"), severity_name(issue.severity, "ko")) == (
        "단위 불일치",
        "치명적",
    )


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("어선 50만여척", "50,000 fishing boats", "원문은 50만 (500,000), 번역문은 50,000입니다"),
        ("생포된 5명", "they were civilians", "원문의 5이(가) 번역문에 없습니다"),
        ("28일 발표했다", "announced Monday", "28일을(를) 'Monday'(으)로 옮겼습니다"),
        ("6개국은 합의했다", "the parties agreed", "6개국을(를) 'the parties'(으)로 옮겼습니다"),
        ("이 제품", "the product at 10 p.m.", "번역문의 10 p.m. (22:00)이(가) 원문에 없습니다"),
    ],
)
def test_each_figure_message_has_a_korean_rendering(source, target, expected):
    [issue] = issues(source, target)
    assert render_issue(issue, "ko_KR") == expected


def test_every_check_the_core_writes_has_a_korean_name_and_message():
    from qa.messages import CHECK_NAMES, TEMPLATES

    found = issues("알리페이  (주)", "")  # empty
    found += issues("원문", "원문")  # untranslated
    found += issues("3조원", "3 trillion won (")  # brackets
    found += issues("a b", " a  b")  # whitespace, double space
    found += issues("a", "a\ufffd")  # broken text
    for issue in found:
        assert issue.check in CHECK_NAMES["ko"] and issue.check in TEMPLATES["ko"]
        assert render_issue(issue, "ko") != issue.message or issue.check == "empty"


def test_a_check_without_a_korean_template_shows_its_english_message():
    from qa.checks import QAIssue

    issue = QAIssue("new-check", Severity.COSMETIC, "'teh' may be misspelt", key="new:teh")
    assert render_issue(issue, "ko") == "'teh' may be misspelt"
    assert check_name("new-check", "ko") == "new-check"


def test_never_flag_remembers_rule_and_text_across_lists(tmp_path: Path):
    [dismissed] = issues("6자 회담 10개국", "the talks of ten nations and 5 more")[:1]
    listing = NeverFlag.in_data_dir(tmp_path)
    entry = listing.add(dismissed.check, dismissed.key)
    assert entry == Entry("number-extra", "5")
    again = NeverFlag.in_data_dir(tmp_path)  # the next project, the next start
    assert again.covers(dismissed.check, dismissed.key)
    assert not again.covers("number-missing", "number-missing:5")  # another rule, same text
    assert not again.covers("number-extra", "number-extra:6")  # same rule, other text
    again.remove(entry)
    assert not NeverFlag.in_data_dir(tmp_path).covers(dismissed.check, dismissed.key)


def test_a_damaged_list_is_set_aside_and_starts_empty(tmp_path: Path):
    path = tmp_path / "qa-never-flag.json"
    path.write_text("{not json", encoding="utf-8")
    listing = NeverFlag(path)
    assert len(listing) == 0 and "could not be read" in listing.problem
    assert (tmp_path / "qa-never-flag.json.damaged").read_text(encoding="utf-8") == "{not json"
    listing.add("number-extra", "number-extra:5")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["entries"] == [{"check": "number-extra", "text": "5"}]


def test_an_unwritable_list_says_why(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    listing = NeverFlag(blocker / "qa-never-flag.json")  # its folder is a file
    with pytest.raises(NeverFlagError, match="Cannot save the never-flag list"):
        listing.add("number-extra", "number-extra:5")
