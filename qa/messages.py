"""QA messages, check names and severities in the interface language (core: no Qt)."""

from __future__ import annotations

from collections.abc import Mapping

from qa.roles import role_name

# Each check's message in another interface language, filled from QAIssue.params. English is
# the message the check writes itself. A check without an entry here (a new one) shows its
# English message: add its templates here when adding the check (spelling, tags, ...).
TEMPLATES: dict[str, dict[str, str]] = {
    "ko": {
        "empty": "번역문이 비어 있습니다",
        "term-case": "{term}: 용어집 표기는 {glossary!r}, 번역문은 {found!r}입니다",
        "term-missing": "{term}: 번역문에 {forms}이(가) 없습니다",
        "term-forbidden": "{found!r}은(는) 금지된 번역입니다{advice}",
        "number-missing": "원문의 {source}이(가) 번역문에 없습니다{aside_note}",
        "number-extra": "번역문의 {target}이(가) 원문에 없습니다{aside_note}",
        "number-mismatch": "원문은 {source}, 번역문은 {target}입니다",
        "number-currency": "{source}: 번역문의 {target_text}에 통화({currency})가 없습니다",
        "number-weekday": "{source_text}은(는) {expected}인데 번역문은 {said!r}입니다",
        "number-date": "{source_text}을(를) {said!r}(으)로 옮겼습니다",
        "number-rendered": "{source_text}을(를) {said!r}(으)로 옮겼습니다",
        "number-clock": "{source_text}은(는) 시간의 길이인데 번역문은 시각 {target_text}입니다",
        "number-reversed": (
            "번역문의 범위가 거꾸로입니다({target_text}→{other_target_text}); 원문은 "
            "{source_text}→{other_text}입니다"
        ),
        "number-swapped": (
            "원문은 {source_text}({said_ko}), {other_text}({expected_ko})인데 번역문은 둘을 "
            "바꿔 {other_target_text}({said_ko}), {target_text}({expected_ko})입니다"
        ),
        "unit-mismatch": "원문은 {source}, 번역문은 {target}입니다: 단위가 다릅니다",
        "untranslated": "번역문에 원문 언어가 남아 있습니다: {text}",
        "untranslated-same": "번역문이 원문과 같습니다",
        "brackets": "번역문의 {open} {close} 짝이 맞지 않습니다",
        "double-space": "번역문에 공백이 두 번 있습니다",
        "whitespace": "{where_ko} 공백이 원문과 다릅니다",
        "broken-text": "번역문에 대체 문자(\ufffd)가 있습니다: 글자가 깨졌습니다",
        "spelling": "철자가 틀렸을 수 있습니다({variant}): {word}",
    }
}
CHECK_NAMES: dict[str, dict[str, str]] = {
    "ko": {
        "empty": "빈 번역",
        "term-case": "용어 대소문자",
        "term-missing": "용어 누락",
        "term-forbidden": "금지 용어",
        "number-missing": "숫자 누락",
        "number-extra": "숫자 추가",
        "number-mismatch": "숫자 불일치",
        "number-currency": "숫자 통화",
        "number-weekday": "숫자 요일",
        "number-date": "숫자 날짜 표현",
        "number-rendered": "숫자 다른 표현",
        "number-clock": "기간과 시각",
        "number-swapped": "숫자 뒤바뀜",
        "number-reversed": "범위 뒤바뀜",
        "unit-mismatch": "단위 불일치",
        "untranslated": "미번역",
        "brackets": "괄호",
        "double-space": "이중 공백",
        "whitespace": "앞뒤 공백",
        "broken-text": "깨진 글자",
        "tags": "태그",
        "spelling": "맞춤법",
    }
}
SEVERITY_NAMES: dict[str, dict[str, str]] = {
    # English shows the names main.py qa prints (and translate-toolkit uses)
    "en": {"critical": "critical", "functional": "functional", "cosmetic": "cosmetic",
           "info": "info"},
    "ko": {"critical": "치명적", "functional": "기능", "cosmetic": "형식", "info": "참고"},
}  # fmt: skip
_WEEKDAYS_KO = {
    "Monday": "월요일",
    "Tuesday": "화요일",
    "Wednesday": "수요일",
    "Thursday": "목요일",
    "Friday": "금요일",
    "Saturday": "토요일",
    "Sunday": "일요일",
}
_WHERE_KO = {"leading": "앞", "trailing": "뒤"}


def _lang(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


def render(check: str, message: str, params: Mapping[str, str], lang: str) -> str:
    """The issue's message in lang ("ko", "ko_KR", "en"); the English one when there is no
    template for it or a parameter it needs is missing."""
    table = TEMPLATES.get(_lang(lang), {})
    template = table.get(check)
    if check == "untranslated" and "text" not in params:
        template = table.get("untranslated-same")  # the whole target is the source
    if template is None:
        return message
    values = dict(params)
    values.setdefault("aside", "")
    values["aside_note"] = " (괄호 속 부연)" if values.get("aside") else ""
    approved = values.get("approved", "")
    values["advice"] = f"; {approved!r}을(를) 쓰세요" if approved else ""
    if _lang(lang) == "ko" and "forms" in values:  # 'Jack Ma' (or 'Ma Yun') in Korean
        values["forms"] = values["forms"].replace(" (or ", " (또는 ").replace("' or '", "' 또는 '")
    values["where_ko"] = _WHERE_KO.get(values.get("where", ""), values.get("where", ""))
    expected = values.get("expected", "")
    for english, korean in _WEEKDAYS_KO.items():
        expected = expected.replace(english, korean)
    values["expected"] = expected
    # a swap's roles (killed, a change, at least) in the interface language
    values["said_ko"] = role_name(values.get("said", ""), "ko")
    values["expected_ko"] = role_name(values.get("expected", ""), "ko")
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return message


def render_issue(issue, lang: str) -> str:
    """render() for a qa.checks.QAIssue."""
    return render(issue.check, issue.message, dict(issue.params), lang)


def check_name(check: str, lang: str) -> str:
    return CHECK_NAMES.get(_lang(lang), {}).get(check, check)


def severity_name(severity: str, lang: str) -> str:
    value = str(getattr(severity, "value", severity))
    names = SEVERITY_NAMES.get(_lang(lang), SEVERITY_NAMES["en"])
    return names.get(value, value)
