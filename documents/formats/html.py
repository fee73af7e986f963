"""A standalone side-by-side HTML page: source and target per segment, glossary terms marked."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from documents.formats.base import STATUS_LABELS, ExportDocument, tool_version
from translation.languages import language_name

if TYPE_CHECKING:
    from glossary.matching import TermMatch

# Fonts per language so that hangul and hanzi pick a face that has them (lang attributes below).
_CSS = """
:root { color-scheme: light; }
body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; margin: 2rem; color: #1d1d1f; }
:lang(ko) { font-family: "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic",
  "Apple SD Gothic Neo", sans-serif; }
:lang(zh-Hans) { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
:lang(zh-Hant) { font-family: "Noto Sans CJK TC", "Microsoft JhengHei", "PingFang TC",
  sans-serif; }
h1 { font-size: 1.3rem; margin-bottom: .2rem; }
p.meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
col.num { width: 3rem; } col.status { width: 6.5rem; }
th, td { border-bottom: 1px solid #ddd; padding: .35rem .5rem; vertical-align: top;
  text-align: left; line-height: 1.5; }
thead th { background: #f0f0f3; position: sticky; top: 0; }
td.num { color: #777; font-variant-numeric: tabular-nums; }
td.source { background: #f7f7f9; }
tbody.paragraph { border-top: 3px solid #c9c9d2; }
td.empty { color: #999; font-style: italic; }
mark { background: #fff1a8; border-bottom: 1px dotted #9a7d00; padding: 0 1px; }
span.status { font-size: .8rem; border-radius: .6rem; padding: .05rem .45rem; }
.status-new { background: #eee; } .status-draft { background: #ffe2b8; }
.status-translated { background: #d4ecff; } .status-reviewed { background: #cfefd6; }
p.comment { margin: .2rem 0 0; color: #555; font-size: .85rem; }
@media print {
  body { margin: 0; font-size: 10pt; }
  thead { display: table-header-group; }  /* repeat the header on every printed page */
  thead th { position: static; }
  tr { break-inside: avoid; }
  mark { background: none; border-bottom: 1px solid #000; }
  td.source { background: none; }
}
"""


def _marked(text: str, matches: Sequence[TermMatch]) -> str:
    """Escape text and wrap each glossary match in <mark title="target term">."""
    parts: list[str] = []
    position = 0
    for match in sorted(matches, key=lambda m: m.start):
        if match.start < position or match.end > len(text) or match.start >= match.end:
            continue  # overlapping or stale spans would garble the text: leave them unmarked
        title = " / ".join(match.targets) if match.targets else match.term
        parts.append(escape(text[position : match.start]))
        parts.append(
            f'<mark title="{escape(title)}">{escape(text[match.start : match.end])}</mark>'
        )
        position = match.end
    parts.append(escape(text[position:]))
    return "".join(parts)


def render(document: ExportDocument) -> bytes:
    src, tgt = document.source_lang, document.target_lang
    title = document.name or "Bilingual export"
    rows: list[str] = []
    for paragraph_number, group in enumerate(document.paragraphs(), start=1):
        rows.append(f'<tbody class="paragraph" id="p{paragraph_number}">')
        for segment in group:
            target = (
                f'<td class="target" lang="{escape(tgt)}">{escape(segment.target)}'
                if segment.target
                else '<td class="target empty">(not translated)'
            )
            comment = f'<p class="comment">{escape(segment.comment)}</p>' if segment.comment else ""
            status = segment.status
            rows.append(
                f'<tr id="s{segment.number}"><td class="num">{segment.number}</td>'
                f'<td class="source" lang="{escape(src)}">'
                f"{_marked(segment.source, document.terms_for(segment))}</td>"
                f"{target}{comment}</td>"
                f'<td><span class="status status-{status.value}">{STATUS_LABELS[status]}'
                "</span></td></tr>"
            )
        rows.append("</tbody>")
    body = "\n".join(rows)
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="Hanbit Desk {escape(tool_version())}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<h1>{escape(title)}</h1>
<p class="meta">{escape(language_name(src))} → {escape(language_name(tgt))} ·
{len(document.segments)} segments · {document.untranslated} not translated</p>
<table>
<colgroup><col class="num"><col><col><col class="status"></colgroup>
<thead><tr><th>#</th><th>Source ({escape(src)})</th><th>Target ({escape(tgt)})</th>\
<th>Status</th></tr></thead>
{body}
</table>
</body>
</html>
"""
    return page.encode("utf-8")
